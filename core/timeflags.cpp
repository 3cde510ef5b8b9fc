#include "core/timeflags.h"

#include "core/date.h"

#include <algorithm>

namespace fi {

Problems check_time_flags(const InspectionRecord& r, const Assignment& a,
                          std::chrono::system_clock::time_point now) {
    Problems out;
    const auto day = Date::parse(r.inspection_day);
    const auto started = parse_rfc3339(r.started_at);
    if (day && started && china_date(*started) != *day)
        out.push_back(Problem{std::string(time_flag::day_mismatch),
                              "The inspection day " + r.inspection_day +
                                  " is not the day the inspection started (" +
                                  china_date(*started).to_string() +
                                  ", UTC+08:00). The central system would flag the record; "
                                  "start a new record on the day of the inspection.",
                              "inspection_day"});
    const auto horizon = now + in_future_tolerance;
    const auto finished = parse_rfc3339(r.finished_at);
    if ((started && *started > horizon) || (finished && *finished > horizon))
        out.push_back(Problem{
            std::string(time_flag::in_future),
            "The record's times (" + r.started_at +
                (r.finished_at.empty() ? std::string() : " – " + r.finished_at) +
                ") lie in the future of the trusted time " + china_timestamp(now) +
                ". Set the tablet's clock right or sync with the central "
                "system, then start the record again.",
            finished && *finished > horizon && !(started && *started > horizon) ? "finished_at"
                                                                                : "started_at"});
    const auto from = Date::parse(a.window_from);
    const auto to = Date::parse(a.window_to);
    if (day && from && to && (*day < *from || *day > *to))
        out.push_back(Problem{std::string(time_flag::outside_window),
                              "The inspection day " + r.inspection_day +
                                  " is outside the assignment's window (" + a.window_from + " to " +
                                  a.window_to + "). The inspection can only be recorded within it.",
                              "inspection_day"});
    return out;
}

Problems with_time_flags(Problems problems, const Problems& flags) {
    const bool start_in_future = std::ranges::any_of(flags, [](const Problem& p) {
        return p.code == time_flag::in_future && p.field == "started_at";
    });
    if (start_in_future)
        std::erase_if(problems, [](const Problem& p) {
            return p.code == rule_code::invalid && p.field == "finished_at";
        });
    problems.insert(problems.end(), flags.begin(), flags.end());
    return problems;
}

bool is_time_flag(std::string_view code) {
    return code == time_flag::day_mismatch || code == time_flag::in_future ||
           code == time_flag::outside_window;
}

} // namespace fi
