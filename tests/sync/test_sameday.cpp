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
