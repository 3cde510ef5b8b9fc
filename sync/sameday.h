#pragma once

#include "core/outboxstore.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fi::sync {

/// The same-day rule (检查当日产生的监管行为数据上传) at a glance: what is still on the device,
/// how much of it was recorded today, and how long today has left in UTC+08:00.
struct SameDayStatus {
    std::string today;    ///< YYYY-MM-DD, UTC+08:00
    int due_today = 0;    ///< completed, not yet uploaded (photos included), inspected today
    int drafts_today = 0; ///< drafts of today not yet completed: unsent too, and not queued
    int overdue = 0;      ///< not yet uploaded, inspected on an earlier day: will be late
    int pending = 0;      ///< waiting for their first or next attempt
    int uploading = 0;    ///< accepted, photos still going
    int parked = 0;       ///< need the user
    std::int64_t bytes_left = 0;
    std::chrono::minutes left_today{0};
};

/// Compute the status from the outbox and the inspection days of the drafts on the device
/// (YYYY-MM-DD each) at `now` (the trusted clock's time). A draft of today counts in
/// `drafts_today`; a record counts until its photos are uploaded too (the outbox entry is
/// `uploaded` only then).
SameDayStatus same_day_status(const std::vector<OutboxEntry>& open,
                              const std::vector<std::string>& draft_days,
                              std::chrono::system_clock::time_point now);

/// How loud the same-day deadline is (the app bar's chip): `quiet` while nothing of today is
/// left on the device or more than three hours remain; `soon` (amber) when something inspected
/// today is unsent or still a draft and three hours or less remain (from 21:00); `now` (red)
/// when one hour or less remains for it (from 23:00), or when a record is already late
/// (`overdue`) or waits for the user (`parked`).
enum class DeadlineAlert { quiet, soon, now };
DeadlineAlert deadline_alert(const SameDayStatus& status);

/// The times of day the tablet reminds the inspector of the same-day upload, in minutes after
/// 00:00 UTC+08:00 (21:00 → 1260). The default: 21:00 and 23:00.
std::vector<int> default_reminder_times();
/// "21:00, 23:00" (HH:MM separated by commas or spaces, any order) → sorted times without
/// duplicates; an empty text is no reminder at all; nullopt for anything else.
std::optional<std::vector<int>> parse_reminder_times(std::string_view text);
/// {1260, 1380} → "21:00, 23:00".
std::string format_reminder_times(const std::vector<int>& times);

/// Which reminder is due at the status's time: the latest of `times` already reached today, as
/// "YYYY-MM-DD HH:MM" (UTC+08:00), while something inspected today is unsent or still a draft —
/// unless that one is `last_given` (each is given once; a time passed while the app was closed
/// is given when it runs again, only the latest). Nothing while today is all sent.
std::optional<std::string> reminder_due(const SameDayStatus& status, const std::vector<int>& times,
                                        std::string_view last_given);

} // namespace fi::sync
