#include "core/date.h"
#include "core/workcalendar.h"

#include <chrono>
#include <doctest/doctest.h>
#include <fstream>
#include <sstream>
#include <string>

using fi::Date;
using fi::WorkCalendar;
using namespace std::chrono;
using namespace std::chrono_literals;

namespace {

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::stringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

Date d(const char* text) {
    auto r = Date::parse(text);
    REQUIRE(r.ok());
    return *r;
}

WorkCalendar shipped() {
    auto cal = WorkCalendar::parse(read_text(std::string(FI_ASSETS_DIR) + "/holidays.json"));
    if (!cal.ok())
        FAIL(cal.error().message);
    return *cal;
}

// The standard library's own calendar, as an independent oracle.
sys_days sys(int y, unsigned m, unsigned day) {
    return sys_days{year{y} / month{m} / day};
}

} // namespace

TEST_CASE("Date parses, formats and compares") {
    const Date date = d("2026-02-28");
    CHECK(date.y == 2026);
    CHECK(date.m == 2);
    CHECK(date.d == 28);
    CHECK(date.to_string() == "2026-02-28");
    CHECK(d("2024-02-29").to_string() == "2024-02-29");
    CHECK(d("2026-01-01") < d("2026-01-02"));
    CHECK(d("2025-12-31") < d("2026-01-01"));
    for (const char* bad :
         {"2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-1-01", "2026/01/01",
          "26-01-01", "2026-01-01T", "", "abcd-ef-gh", "2100-02-29"}) {
        auto r = Date::parse(bad);
        CAPTURE(std::string(bad));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "invalid_date");
    }
}

TEST_CASE("Date day arithmetic matches the standard calendar") {
    CHECK(d("1970-01-01").days_since_epoch() == 0);
    for (int y : {1, 1600, 1899, 1969, 1970, 2000, 2024, 2026, 2027, 2100, 9999})
        for (unsigned m : {1u, 2u, 3u, 12u}) {
            const Date date{y, static_cast<int>(m), 28};
            const auto expected = sys(y, m, 28).time_since_epoch().count();
            CHECK(date.days_since_epoch() == expected);
            CHECK(Date::from_days(expected) == date);
            const weekday wd{sys(y, m, 28)};
            CHECK(date.iso_weekday() == static_cast<int>(wd.iso_encoding()));
        }
    // Every day over several years round-trips and steps to the next calendar day.
    for (sys_days s = sys(1999, 12, 1); s < sys(2029, 3, 1); s += days{1}) {
        const year_month_day ymd{s};
        const Date date = Date::from_days(s.time_since_epoch().count());
        CHECK(date.y == static_cast<int>(ymd.year()));
        CHECK(date.m == static_cast<int>(static_cast<unsigned>(ymd.month())));
        CHECK(date.d == static_cast<int>(static_cast<unsigned>(ymd.day())));
    }
    CHECK(d("2026-12-31").add_days(1) == d("2027-01-01"));
    CHECK(d("2024-03-01").add_days(-1) == d("2024-02-29"));
    CHECK(d("2026-10-01").iso_weekday() == 4); // Thursday
}

TEST_CASE("china_date and china_timestamp use UTC+08:00") {
    // 16:00 UTC is midnight in Beijing.
    const auto before = sys(2026, 11, 27) + 15h + 59min + 59s + 999ms;
    const auto midnight = sys(2026, 11, 27) + 16h;
    CHECK(fi::china_date(before) == d("2026-11-27"));
    CHECK(fi::china_date(midnight) == d("2026-11-28"));
    CHECK(fi::china_timestamp(sys(2026, 11, 28) + 1h + 30min + 123ms) ==
          "2026-11-28T09:30:00.123+08:00");
    CHECK(fi::china_timestamp(midnight) == "2026-11-28T00:00:00.000+08:00");
    // Before the epoch the arithmetic must floor, not truncate.
    CHECK(fi::china_timestamp(sys(1970, 1, 1) - 1ms) == "1970-01-01T07:59:59.999+08:00");
    CHECK(fi::china_timestamp(sys(1969, 12, 31) + 15h + 500us) == "1969-12-31T23:00:00.000+08:00");
    CHECK(fi::china_date(sys(1969, 12, 31) + 15h) == d("1969-12-31"));
    CHECK(fi::china_date(sys(1969, 12, 31) + 16h) == d("1970-01-01"));
}

TEST_CASE("parse_rfc3339 accepts any offset and milliseconds") {
    const auto expected = sys(2026, 11, 28) + 1h + 30min + 123ms;
    for (const char* text :
         {"2026-11-28T09:30:00.123+08:00", "2026-11-28T01:30:00.123Z", "2026-11-28t01:30:00.123z",
          "2026-11-27T20:30:00.123-05:00", "2026-11-28T01:30:00.123000000+00:00",
          "2026-11-28T07:00:00.123+05:30"}) {
        CAPTURE(std::string(text));
        auto r = fi::parse_rfc3339(text);
        REQUIRE(r.ok());
        CHECK(*r == expected);
    }
    auto whole = fi::parse_rfc3339("2026-11-28T09:30:00+08:00");
    REQUIRE(whole.ok());
    CHECK(*whole == sys(2026, 11, 28) + 1h + 30min);
    auto tenth = fi::parse_rfc3339("2026-11-28T09:30:00.5+08:00");
    REQUIRE(tenth.ok());
    CHECK(*tenth == sys(2026, 11, 28) + 1h + 30min + 500ms);

    for (const char* bad :
         {"2026-11-28T09:30:00.123", "2026-11-28 09:30", "2026-11-28T24:00:00Z",
          "2026-11-28T09:60:00Z", "2026-11-28T09:30:60Z", "2026-02-30T09:30:00Z",
          "2026-11-28T09:30:00.Z", "2026-11-28T09:30:00+0800", "2026-11-28T09:30:00Zjunk",
          "2026-11-28T09:30:00.1234567891Z", "2026-11-28T09:30:00+24:00", ""}) {
        CAPTURE(std::string(bad));
        auto r = fi::parse_rfc3339(bad);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "invalid_time");
    }
}

TEST_CASE("china_timestamp and parse_rfc3339 round-trip") {
    for (sys_time<milliseconds> t : std::initializer_list<sys_time<milliseconds>>{
             sys(2026, 11, 28) + 1h + 2min + 3s + 4ms, sys(1969, 7, 20) + 20h + 17min,
             sys(2025, 1, 1)}) {
        auto back = fi::parse_rfc3339(fi::china_timestamp(t));
        REQUIRE(back.ok());
        CHECK(*back == t);
    }
}

TEST_CASE("the shipped calendar covers 2025 and 2026") {
    const WorkCalendar cal = shipped();
    CHECK(cal.years() == std::vector<int>{2025, 2026});
    CHECK(cal.covers(2026));
    CHECK_FALSE(cal.covers(2027));
}

TEST_CASE("国庆 2026: days off and weekend days worked") {
    const WorkCalendar cal = shipped();
    for (const char* off :
         {"2026-09-25", "2026-09-26", "2026-09-27", "2026-10-01", "2026-10-02", "2026-10-03",
          "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07", "2026-10-11"}) {
        CAPTURE(std::string(off));
        CHECK_FALSE(cal.is_working_day(d(off)));
    }
    for (const char* on :
         {"2026-09-20", "2026-09-24", "2026-09-28", "2026-10-08", "2026-10-09", "2026-10-10"}) {
        CAPTURE(std::string(on));
        CHECK(cal.is_working_day(d(on)));
    }
    CHECK(d("2026-09-20").is_weekend());
    CHECK(d("2026-10-10").is_weekend());
    CHECK_FALSE(d("2026-09-25").is_weekend());
}

TEST_CASE("春节 2026: days off and weekend days worked") {
    const WorkCalendar cal = shipped();
    for (Date day = d("2026-02-15"); day <= d("2026-02-23"); day = day.add_days(1))
        CHECK_FALSE(cal.is_working_day(day));
    CHECK(cal.is_working_day(d("2026-02-14")));
    CHECK(cal.is_working_day(d("2026-02-28")));
    CHECK(cal.is_working_day(d("2026-02-24")));
    CHECK_FALSE(cal.is_working_day(d("2026-03-01"))); // an ordinary Sunday
}

TEST_CASE("publication deadline: 20 working days, the completion day not counted") {
    const WorkCalendar cal = shipped();
    struct Case {
        const char* completed;
        const char* deadline;
    };
    // Counted by hand on a paper calendar of the State Council notices.
    for (const Case& c : {
             Case{"2026-09-24", "2026-10-29"}, // over 中秋 and 国庆, Oct 10 worked
             Case{"2026-02-12", "2026-03-18"}, // over 春节, Feb 14 and Feb 28 worked
             Case{"2026-11-02", "2026-11-30"}, // an ordinary month
             Case{"2026-10-01", "2026-11-03"}, // completed on a holiday
         }) {
        CAPTURE(std::string(c.completed));
        const auto r = cal.publication_deadline(d(c.completed));
        CHECK(r.date == d(c.deadline));
        CHECK_FALSE(r.provisional);
        CHECK(r.uncovered_years.empty());
    }
}

TEST_CASE("add_working_days") {
    const WorkCalendar cal = shipped();
    CHECK(cal.add_working_days(d("2026-09-24"), 0).date == d("2026-09-24"));
    CHECK(cal.add_working_days(d("2026-09-24"), 1).date == d("2026-09-28"));
    CHECK(cal.add_working_days(d("2026-09-19"), 1).date == d("2026-09-20")); // Sunday worked
    CHECK(cal.add_working_days(d("2026-10-08"), -1).date == d("2026-09-30"));
    CHECK(cal.add_working_days(d("2026-10-12"), -2).date == d("2026-10-09"));
}

TEST_CASE("a span crossing into an uncovered year is counted Mon–Fri and flagged provisional") {
    const WorkCalendar cal = shipped();
    const auto r = cal.publication_deadline(d("2026-12-20"));
    // 9 working days left in December 2026, then 1 January 2027 counted as a Friday.
    CHECK(r.date == d("2027-01-15"));
    CHECK(r.provisional);
    CHECK(r.uncovered_years == std::vector<int>{2027});
    // Entirely inside 2027 (no notice): Mon–Fri.
    const auto later = cal.add_working_days(d("2027-09-30"), 5);
    CHECK(later.date == d("2027-10-07"));
    CHECK(later.provisional);
    // Stopping just before the uncovered year is not provisional.
    const auto inside = cal.add_working_days(d("2026-12-27"), 4);
    CHECK(inside.date == d("2026-12-31"));
    CHECK_FALSE(inside.provisional);
}

TEST_CASE("server calendar data overrides the shipped data per year") {
    WorkCalendar cal = shipped();
    auto server = WorkCalendar::parse(R"({"years":{
        "2027":{"holidays":["2027-01-01","2027-02-05","2027-02-08"],"workdays":["2027-02-06"]},
        "2026":{"holidays":["2026-12-25"],"workdays":[]}},
        "next_cursor":"ignored"})");
    REQUIRE(server.ok());
    cal.merge(*server);
    CHECK(cal.years() == std::vector<int>{2025, 2026, 2027});
    // 2026 is now the server's year: its 国庆 list is gone, its one holiday holds.
    CHECK(cal.is_working_day(d("2026-10-08")));
    CHECK(cal.is_working_day(d("2026-10-05")));
    CHECK_FALSE(cal.is_working_day(d("2026-12-25")));
    // 2025 untouched.
    CHECK_FALSE(cal.is_working_day(d("2025-10-08")));
    // 2027 known: no longer provisional, and its days count.
    const auto r = cal.publication_deadline(d("2026-12-20"));
    CHECK_FALSE(r.provisional);
    // Dec 21–24, 28–31 (8, the 25th is off) + Jan 4–8 (5, the 1st off) + 11–15 (5) = 18,
    // then Jan 18 and 19.
    CHECK(r.date == d("2027-01-19"));
}

TEST_CASE("malformed calendars are refused with a clear error") {
    struct Case {
        const char* text;
        const char* field;
    };
    for (const Case& c : {
             Case{"{\"2026\":{\"holidays\":[\"2026-01-01\"]", ""},
             Case{"not json", ""},
             Case{"[]", ""},
             Case{R"({"20x6":{"holidays":[],"workdays":[]}})", "20x6"},
             Case{R"({"2026":{"holidays":"2026-01-01","workdays":[]}})", "2026.holidays"},
             Case{R"({"2026":{"workdays":[]}})", "2026.holidays"},
             Case{R"({"2026":{"holidays":[],"workdays":["2026-02-30"]}})", "2026.workdays[0]"},
             Case{R"({"2026":{"holidays":[20260101],"workdays":[]}})", "2026.holidays[0]"},
             Case{R"({"2026":{"holidays":["2027-01-01"],"workdays":[]}})", "2026.holidays[0]"},
             Case{R"({"2026":{"holidays":["2026-01-03"],"workdays":["2026-01-03"]}})", "2026"},
             Case{R"({"2026":[]})", "2026"},
             Case{R"({"years":[]})", "years"},
             Case{R"({"years":{"2026":{"holidays":[]}}})", "years.2026.workdays"},
         }) {
        CAPTURE(std::string(c.text));
        auto r = WorkCalendar::parse(c.text);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == "invalid_calendar");
        CHECK(r.error().field == c.field);
        CHECK_FALSE(r.error().message.empty());
    }
    // Comments in the shipped shape are ignored.
    auto ok =
        WorkCalendar::parse(R"({"_source":"x","_n":[1],"2026":{"holidays":[],"workdays":[]}})");
    REQUIRE(ok.ok());
    CHECK(ok->years() == std::vector<int>{2026});
}
