#include "core/date.h"

#include <cstdio>

namespace fi {

namespace {

bool is_leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
    static constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : lengths[m - 1];
}

// Floor division: the C++ operators truncate toward zero, which is wrong before the epoch.
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

// Reads `count` decimal digits at `pos`; -1 if any is not a digit.
int digits(std::string_view s, std::size_t pos, std::size_t count) {
    if (pos + count > s.size())
        return -1;
    int v = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        const char c = s[i];
        if (c < '0' || c > '9')
            return -1;
        v = v * 10 + (c - '0');
    }
    return v;
}

Error bad_date(std::string_view text, std::string_view why) {
    return Error::make("invalid_date", "\"" + std::string(text) + "\" is not a date YYYY-MM-DD (" +
                                           std::string(why) + ")");
}

Error bad_time(std::string_view text, std::string_view why) {
    return Error::make("invalid_time", "\"" + std::string(text) +
                                           "\" is not an RFC 3339 timestamp (" + std::string(why) +
                                           ")");
}

} // namespace

Result<Date> Date::parse(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return bad_date(text, "expected the form YYYY-MM-DD");
    const int y = digits(text, 0, 4);
    const int m = digits(text, 5, 2);
    const int d = digits(text, 8, 2);
    if (y < 0 || m < 0 || d < 0)
        return bad_date(text, "expected digits");
    const Date date{y, m, d};
    if (!date.valid())
        return bad_date(text, "no such day");
    return date;
}

bool Date::valid() const {
    return y >= 0 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

// Howard Hinnant's days_from_civil / civil_from_days, which are exact over the whole range.
std::int64_t Date::days_since_epoch() const {
    const std::int64_t yy = static_cast<std::int64_t>(y) - (m <= 2 ? 1 : 0);
    const std::int64_t era = floor_div(yy, 400);
    const std::int64_t yoe = yy - era * 400;
    const std::int64_t mp = (m + 9) % 12;
    const std::int64_t doy = (153 * mp + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date Date::from_days(std::int64_t days) {
    const std::int64_t z = days + 719468;
    const std::int64_t era = floor_div(z, 146097);
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    return Date{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

int Date::iso_weekday() const {
    // 1970-01-01 was a Thursday (ISO 4).
    const std::int64_t w = days_since_epoch() + 3;
    return static_cast<int>(w - floor_div(w, 7) * 7) + 1;
}

std::string Date::to_string() const {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

Date china_date(std::chrono::system_clock::time_point t) {
    using namespace std::chrono;
    const auto local = floor<milliseconds>(t) + china_utc_offset;
    return Date::from_days(floor<days>(local).time_since_epoch().count());
}

std::string china_timestamp(std::chrono::system_clock::time_point t) {
    using namespace std::chrono;
    const auto local = floor<milliseconds>(t) + china_utc_offset;
    const auto day = floor<days>(local);
    const Date date = Date::from_days(day.time_since_epoch().count());
    const auto ms_of_day = (local - day).count();
    const auto h = ms_of_day / 3'600'000;
    const auto mi = ms_of_day / 60'000 % 60;
    const auto s = ms_of_day / 1000 % 60;
    const auto ms = ms_of_day % 1000;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02lld:%02lld:%02lld.%03lld+08:00", date.y,
                  date.m, date.d, static_cast<long long>(h), static_cast<long long>(mi),
                  static_cast<long long>(s), static_cast<long long>(ms));
    return buf;
}

Result<std::chrono::system_clock::time_point> parse_rfc3339(std::string_view text) {
    using namespace std::chrono;
    if (text.size() < 20)
        return bad_time(text, "too short");
    auto date = Date::parse(text.substr(0, 10));
    if (!date)
        return bad_time(text, "bad date part");
    const char sep = text[10];
    if (sep != 'T' && sep != 't' && sep != ' ')
        return bad_time(text, "expected 'T' between date and time");
    if (text[13] != ':' || text[16] != ':')
        return bad_time(text, "expected HH:MM:SS");
    const int h = digits(text, 11, 2);
    const int mi = digits(text, 14, 2);
    const int s = digits(text, 17, 2);
    if (h < 0 || mi < 0 || s < 0 || h > 23 || mi > 59 || s > 59)
        return bad_time(text, "bad time of day");

    std::size_t pos = 19;
    nanoseconds fraction{0};
    if (pos < text.size() && text[pos] == '.') {
        ++pos;
        std::int64_t value = 0;
        std::size_t count = 0;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            if (count == 9)
                return bad_time(text, "more than nine fraction digits");
            value = value * 10 + (text[pos] - '0');
            ++count;
            ++pos;
        }
        if (count == 0)
            return bad_time(text, "empty fraction");
        for (std::size_t i = count; i < 9; ++i)
            value *= 10;
        fraction = nanoseconds{value};
    }

    minutes offset{0};
    if (pos >= text.size())
        return bad_time(text, "missing offset (Z or +HH:MM)");
    const char zone = text[pos];
    if (zone == 'Z' || zone == 'z') {
        ++pos;
    } else if (zone == '+' || zone == '-') {
        if (pos + 6 != text.size() || text[pos + 3] != ':')
            return bad_time(text, "offset must be ±HH:MM");
        const int oh = digits(text, pos + 1, 2);
        const int om = digits(text, pos + 4, 2);
        if (oh < 0 || om < 0 || oh > 23 || om > 59)
            return bad_time(text, "bad offset");
        offset = hours{oh} + minutes{om};
        if (zone == '-')
            offset = -offset;
        pos += 6;
    } else {
        return bad_time(text, "missing offset (Z or +HH:MM)");
    }
    if (pos != text.size())
        return bad_time(text, "trailing characters");

    // system_clock counts nanoseconds in 64 bits (years 1678 to 2261): a date outside that
    // would overflow below, so it is refused (the margin covers the time of day and offset).
    constexpr auto representable_days =
        duration_cast<days>(system_clock::duration::max()).count() - 2;
    if (date->days_since_epoch() > representable_days ||
        date->days_since_epoch() < -representable_days)
        return bad_time(text, "date outside the range a clock can hold");
    const sys_days day{days{date->days_since_epoch()}};
    const auto local = day + hours{h} + minutes{mi} + seconds{s} + fraction;
    return time_point_cast<system_clock::duration>(local - offset);
}

} // namespace fi
