// The same-day deadline, decided once in sync/sameday.h: how long today has left in UTC+08:00
// and how loud the app bar's chip is, at faked times of the day.
#include "sync/sameday.h"

#include <doctest/doctest.h>

using namespace fi;
using namespace fi::sync;

namespace {

// 2026-12-03 at hh:mm in UTC+08:00.
std::chrono::system_clock::time_point at(int hh, int mm) {
    using namespace std::chrono;
    return sys_days{year{2026} / December / 3} + hours(hh - 8) + minutes(mm);
}

OutboxEntry completed_on(std::string day) {
    OutboxEntry e;
    e.state = OutboxState::pending;
    e.inspection_day = std::move(day);
    return e;
}

} // namespace

TEST_CASE(
    "same day: the chip is quiet, then amber from 21:00, red from 23:00, while today is unsent") {
    const std::vector<std::string> draft_today = {"2026-12-03"};
    // Something of today unsent (a draft not yet completed).
    auto s = same_day_status({}, draft_today, at(20, 59));
    CHECK(s.today == "2026-12-03");
    CHECK(s.drafts_today == 1);
    CHECK(s.left_today == std::chrono::minutes(181));
    CHECK(deadline_alert(s) == DeadlineAlert::quiet);
    CHECK(deadline_alert(same_day_status({}, draft_today, at(21, 0))) == DeadlineAlert::soon);
    CHECK(deadline_alert(same_day_status({}, draft_today, at(22, 59))) == DeadlineAlert::soon);
    s = same_day_status({}, draft_today, at(23, 0));
    CHECK(s.left_today == std::chrono::minutes(60));
    CHECK(deadline_alert(s) == DeadlineAlert::now);
    s = same_day_status({completed_on("2026-12-03")}, {}, at(23, 14));
    CHECK(s.due_today == 1);
    CHECK(s.left_today == std::chrono::minutes(46)); // "0:46 left"
    CHECK(deadline_alert(s) == DeadlineAlert::now);

    // Nothing of today left: quiet at 23:00 too; yesterday's draft is not today's business.
    CHECK(deadline_alert(same_day_status({}, {}, at(23, 0))) == DeadlineAlert::quiet);
    CHECK(deadline_alert(same_day_status({}, {"2026-12-02"}, at(23, 0))) == DeadlineAlert::quiet);
    // Uploaded is done.
    OutboxEntry done = completed_on("2026-12-03");
    done.state = OutboxState::uploaded;
    CHECK(deadline_alert(same_day_status({done}, {}, at(23, 30))) == DeadlineAlert::quiet);

    // Already late, or waiting for the user: red at any hour.
    CHECK(deadline_alert(same_day_status({completed_on("2026-12-02")}, {}, at(9, 0))) ==
          DeadlineAlert::now);
    OutboxEntry parked = completed_on("2026-12-03");
    parked.state = OutboxState::parked;
    CHECK(deadline_alert(same_day_status({parked}, {}, at(9, 0))) == DeadlineAlert::now);
}

TEST_CASE("same day: reminders at 21:00 and 23:00 while something of today is unsent") {
    const std::vector<std::string> draft_today = {"2026-12-03"};
    const auto times = default_reminder_times();
    CHECK(format_reminder_times(times) == "21:00, 23:00");
    // Before the first time: nothing.
    CHECK_FALSE(reminder_due(same_day_status({}, draft_today, at(20, 59)), times, ""));
    // 21:00: the first, once.
    auto r = reminder_due(same_day_status({}, draft_today, at(21, 0)), times, "");
    REQUIRE(r);
    CHECK(*r == "2026-12-03 21:00");
    CHECK_FALSE(reminder_due(same_day_status({}, draft_today, at(22, 10)), times, *r));
    // 23:00 (a completed record of today not yet uploaded): the second.
    r = reminder_due(same_day_status({completed_on("2026-12-03")}, {}, at(23, 0)), times, *r);
    REQUIRE(r);
    CHECK(*r == "2026-12-03 23:00");
    // The app opened at 23:30 after being closed since noon: only the latest is given.
    r = reminder_due(same_day_status({}, draft_today, at(23, 30)), times, "");
    REQUIRE(r);
    CHECK(*r == "2026-12-03 23:00");
    // Everything of today sent (or only earlier days left): no reminder, whatever the hour.
    CHECK_FALSE(reminder_due(same_day_status({}, {}, at(23, 0)), times, ""));
    CHECK_FALSE(
        reminder_due(same_day_status({completed_on("2026-12-02")}, {}, at(23, 0)), times, ""));
    // Yesterday's 23:00 given does not silence today's.
    CHECK(reminder_due(same_day_status({}, draft_today, at(23, 0)), times, "2026-12-02 23:00"));
}

TEST_CASE("same day: reminder times as the settings page takes them") {
    CHECK(parse_reminder_times("21:00, 23:00") == std::vector<int>{1260, 1380});
    CHECK(parse_reminder_times("23:00 8:05,21:00 23:00") == std::vector<int>{485, 1260, 1380});
    CHECK(format_reminder_times(*parse_reminder_times("8:05")) == "08:05");
    // Empty: reminders off.
    CHECK(parse_reminder_times("") == std::vector<int>{});
    CHECK(parse_reminder_times(" , ") == std::vector<int>{});
    CHECK_FALSE(reminder_due(same_day_status({}, {"2026-12-03"}, at(23, 30)), {}, ""));
    for (const char* bad :
         {"24:00", "21:60", "21", "21:0", "9pm", "21:00x", "-1:00", "21:00;23:00", "123:00"})
        CHECK_MESSAGE(!parse_reminder_times(bad), bad);
}
