#pragma once

#include "core/model.h"
#include "core/rules.h"

#include <chrono>
#include <string_view>

namespace fi {

/// The central system's 1.1 flags a tablet can foresee about a record's times, as codes the
/// rules raise: a 1.1 client completes no record it knows would be flagged `day_mismatch`,
/// `in_future` or `outside_window` (central-api.md, "Times are checked, not believed").
namespace time_flag {
inline constexpr std::string_view day_mismatch = "day_mismatch";
inline constexpr std::string_view in_future = "in_future";
inline constexpr std::string_view outside_window = "outside_window";
} // namespace time_flag

/// A time this far past receipt is `in_future` at the central system (a clock a little fast
/// is not); the tablet judges against its trusted `now` with the same tolerance.
inline constexpr std::chrono::minutes in_future_tolerance{5};

/// The times of `record` judged as the central system will judge them, `now` standing for the
/// moment it receives the record (the tablet's trusted time: it cannot know later): the
/// `inspection_day` is the UTC+08:00 day of `started_at` (`day_mismatch`), neither
/// `started_at` nor `finished_at` is more than in_future_tolerance after `now` (`in_future`),
/// and the day lies in the assignment's window, ends included (`outside_window`). Times that
/// do not parse are check_times' to report, not these.
Problems check_time_flags(const InspectionRecord& record, const Assignment& assignment,
                          std::chrono::system_clock::time_point now);

/// The rules' `problems` with the time `flags` added, each cause named once: a start in the
/// future (`in_future` on `started_at`) puts the finish, stamped at completion, before the
/// start, and the rules' "finished before it started" says the same thing again, so it goes.
Problems with_time_flags(Problems problems, const Problems& flags);

/// Whether `code` is one of the time flags: a problem no answer fixes, only the clock or the
/// day of the inspection.
bool is_time_flag(std::string_view code);

} // namespace fi
