#pragma once

#include "core/date.h"
#include "core/result.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string_view>
#include <vector>

namespace fi {

/// A date reached by counting working days, and whether the count can be trusted: a day in a
/// year the calendar does not cover was counted Mon–Fri, so the date is provisional until that
/// year's holiday notice arrives (`uncovered_years` says which).
struct WorkingDayResult {
    Date date;
    bool provisional = false;
    std::vector<int> uncovered_years;
};

/// China's official working-day calendar (State Council holiday notices): days off, and weekend
/// days worked in exchange (调休). Built from the shipped `assets/holidays.json` and merged
/// with the central system's `GET /calendar`, so a new year's notice reaches tablets without an
/// app update. A year the calendar does not cover falls back to Mon–Fri and is reported as such.
class WorkCalendar {
public:
    /// Per year: the official days off and the weekend days worked.
    struct Year {
        std::set<Date> holidays;
        std::set<Date> workdays;
    };

    WorkCalendar() = default;

    /// Accepts both shapes: the shipped `{"2025":{"holidays":[…],"workdays":[…]},…}` (keys
    /// beginning with `_` are comments) and the central `{"years":{"2026":{…}}}` (other
    /// top-level members ignored). Each year needs both lists; every date must be a real day
    /// of that year and not both a holiday and a workday.
    static Result<WorkCalendar> from_json(const nlohmann::json& json);
    /// from_json over text; malformed JSON is an error, not an exception.
    static Result<WorkCalendar> parse(std::string_view text);

    /// Take every year `newer` covers from it (server data over shipped data), keep the rest.
    void merge(const WorkCalendar& newer);

    bool covers(int year) const { return years_.contains(year); }
    std::vector<int> years() const;

    /// Official working day; for an uncovered year, Monday to Friday.
    bool is_working_day(Date date) const;
    /// The day `n` working days after `from` (before, for negative n); `from` itself does not
    /// count. n = 0 gives `from`.
    WorkingDayResult add_working_days(Date from, int n) const;
    /// 检查完成 20 个工作日内公开: the last day to publish the result of an inspection completed
    /// on `completion` (the completion day itself does not count).
    WorkingDayResult publication_deadline(Date completion) const {
        return add_working_days(completion, publication_working_days);
    }

    static constexpr int publication_working_days = 20;

private:
    std::map<int, Year> years_;
};

} // namespace fi
