#pragma once

#include "core/result.h"

#include <chrono>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace fi {

/// A civil (proleptic Gregorian) calendar date without time zone: the regime's day, a holiday,
/// a deadline. A plain value so that working-day arithmetic needs no time-zone database.
struct Date {
    int y = 1970;
    int m = 1;
    int d = 1;

    /// Strict `YYYY-MM-DD` (exactly ten characters, a real calendar day).
    static Result<Date> parse(std::string_view text);
    /// The date `days` after 1970-01-01 (negative: before).
    static Date from_days(std::int64_t days);

    /// True when the fields name a real calendar day (year 0000..9999).
    bool valid() const;
    /// Days since 1970-01-01; the inverse of from_days.
    std::int64_t days_since_epoch() const;
    Date add_days(std::int64_t days) const { return from_days(days_since_epoch() + days); }
    /// ISO weekday: 1 = Monday … 7 = Sunday.
    int iso_weekday() const;
    bool is_weekend() const { return iso_weekday() >= 6; }
    /// `YYYY-MM-DD`.
    std::string to_string() const;

    friend auto operator<=>(const Date&, const Date&) = default;
};

/// Times as the central system writes them. China has one zone without daylight saving, so the
/// regime's day and the timestamps sent are simply UTC+08:00, whatever the tablet's zone setting.
/// @{
inline constexpr std::chrono::hours china_utc_offset{8};

/// The UTC+08:00 calendar day of `t` (the `inspection_day` of work done at `t`).
Date china_date(std::chrono::system_clock::time_point t);
/// RFC 3339 with milliseconds and `+08:00`, e.g. `2026-11-28T09:30:00.123+08:00`;
/// sub-millisecond precision is truncated toward the past.
std::string china_timestamp(std::chrono::system_clock::time_point t);
/// Parse RFC 3339 `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` with any offset; up to nine
/// fraction digits are kept to the clock's precision. Leap seconds (`:60`) are refused.
Result<std::chrono::system_clock::time_point> parse_rfc3339(std::string_view text);
/// @}

} // namespace fi
