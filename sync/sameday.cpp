#include "sync/sameday.h"

#include "core/date.h"

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

} // namespace fi::sync
