#include "sync/sameday.h"

#include "core/date.h"

#include <algorithm>
#include <cstdio>

namespace fi::sync {

SameDayStatus same_day_status(const std::vector<OutboxEntry>& open,
                              const std::vector<std::string>& draft_days,
                              std::chrono::system_clock::time_point now) {
    SameDayStatus s;
    const Date today = china_date(now);
    s.today = today.to_string();
    // Midnight after today in UTC+08:00, as a system_clock instant.
    const auto midnight = std::chrono::system_clock::time_point(
        std::chrono::seconds((today.days_since_epoch() + 1) * 86400 - 8 * 3600));
    s.left_today = std::chrono::duration_cast<std::chrono::minutes>(midnight - now);
    for (const auto& e : open) {
        if (e.state == OutboxState::uploaded)
            continue;
        if (e.inspection_day == s.today)
            ++s.due_today;
        else if (e.inspection_day < s.today)
            ++s.overdue;
        switch (e.state) {
        case OutboxState::pending:
            ++s.pending;
            break;
        case OutboxState::uploading:
            ++s.uploading;
            break;
        case OutboxState::parked:
            ++s.parked;
            break;
        case OutboxState::uploaded:
            break;
        }
        s.bytes_left += e.photo_bytes;
    }
    for (const auto& day : draft_days)
        if (day == s.today)
            ++s.drafts_today;
    return s;
}

DeadlineAlert deadline_alert(const SameDayStatus& s) {
    if (s.overdue > 0 || s.parked > 0)
        return DeadlineAlert::now;
    if (s.due_today + s.drafts_today == 0)
        return DeadlineAlert::quiet;
    if (s.left_today <= std::chrono::hours(1))
        return DeadlineAlert::now;
    if (s.left_today <= std::chrono::hours(3))
        return DeadlineAlert::soon;
    return DeadlineAlert::quiet;
}

std::vector<int> default_reminder_times() {
    return {21 * 60, 23 * 60};
}

std::optional<std::vector<int>> parse_reminder_times(std::string_view text) {
    std::vector<int> out;
    std::size_t i = 0;
    const auto separator = [](char c) { return c == ',' || c == ' ' || c == '\t'; };
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    while (i < text.size()) {
        if (separator(text[i])) {
            ++i;
            continue;
        }
        // H:MM or HH:MM
        std::size_t j = i;
        while (j < text.size() && digit(text[j]))
            ++j;
        const std::size_t hour_digits = j - i;
        if (hour_digits < 1 || hour_digits > 2 || j + 3 > text.size() || text[j] != ':' ||
            !digit(text[j + 1]) || !digit(text[j + 2]))
            return std::nullopt;
        int hour = 0;
        for (std::size_t k = i; k < j; ++k)
            hour = hour * 10 + (text[k] - '0');
        const int minute = (text[j + 1] - '0') * 10 + (text[j + 2] - '0');
        if (hour > 23 || minute > 59)
            return std::nullopt;
        i = j + 3;
        if (i < text.size() && !separator(text[i]))
            return std::nullopt;
        out.push_back(hour * 60 + minute);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::string format_reminder_times(const std::vector<int>& times) {
    std::string out;
    for (const int t : times) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "%02d:%02d", (t / 60) % 24, t % 60);
        if (!out.empty())
            out += ", ";
        out += buf;
    }
    return out;
}

std::optional<std::string> reminder_due(const SameDayStatus& s, const std::vector<int>& times,
                                        std::string_view last_given) {
    if (s.due_today + s.drafts_today == 0)
        return std::nullopt;
    const int now = 24 * 60 - static_cast<int>(s.left_today.count()); // minutes into today
    std::optional<int> latest;
    for (const int t : times)
        if (t <= now && (!latest || t > *latest))
            latest = t;
    if (!latest)
        return std::nullopt;
    std::string key = s.today + " " + format_reminder_times({*latest});
    if (key == last_given)
        return std::nullopt;
    return key;
}

} // namespace fi::sync
