#include "core/workcalendar.h"

#include <algorithm>
#include <string>

namespace fi {

namespace {

Error bad_calendar(std::string_view message, std::string_view field) {
    return Error::make("invalid_calendar", message, field);
}

Result<int> parse_year_key(std::string_view key) {
    if (key.size() != 4 ||
        !std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return bad_calendar("calendar year \"" + std::string(key) + "\" is not a four-digit year",
                            key);
    return std::stoi(std::string(key));
}

Result<std::set<Date>> parse_list(const nlohmann::json& year_json, int year, const char* name,
                                  const std::string& field_prefix) {
    const std::string field = field_prefix + "." + name;
    const auto it = year_json.find(name);
    if (it == year_json.end())
        return bad_calendar(
            "calendar year " + std::to_string(year) + " has no \"" + name + "\" list", field);
    if (!it->is_array())
        return bad_calendar("\"" + field + "\" must be a list of dates", field);
    std::set<Date> out;
    for (std::size_t i = 0; i < it->size(); ++i) {
        const auto& item = (*it)[i];
        const std::string item_field = field + "[" + std::to_string(i) + "]";
        if (!item.is_string())
            return bad_calendar("\"" + item_field + "\" must be a date string", item_field);
        auto date = Date::parse(item.get_ref<const std::string&>());
        if (!date)
            return bad_calendar(date.error().message, item_field);
        if (date->y != year)
            return bad_calendar("\"" + item_field + "\" (" + date->to_string() +
                                    ") is not in year " + std::to_string(year),
                                item_field);
        out.insert(*date);
    }
    return out;
}

Result<WorkCalendar::Year> parse_year(const nlohmann::json& year_json, int year,
                                      const std::string& field) {
    if (!year_json.is_object())
        return bad_calendar("calendar year " + std::to_string(year) + " must be an object", field);
    auto holidays = parse_list(year_json, year, "holidays", field);
    if (!holidays)
        return holidays.error();
    auto workdays = parse_list(year_json, year, "workdays", field);
    if (!workdays)
        return workdays.error();
    for (const Date& d : *holidays)
        if (workdays->contains(d))
            return bad_calendar(d.to_string() + " is listed both as a holiday and as a workday",
                                field);
    return WorkCalendar::Year{std::move(*holidays), std::move(*workdays)};
}

} // namespace

Result<WorkCalendar> WorkCalendar::from_json(const nlohmann::json& json) {
    if (!json.is_object())
        return bad_calendar("the calendar must be a JSON object", {});
    const nlohmann::json* years = &json;
    std::string prefix;
    bool skip_comments = true;
    if (const auto it = json.find("years"); it != json.end()) {
        if (!it->is_object())
            return bad_calendar("\"years\" must be an object keyed by year", "years");
        years = &*it;
        prefix = "years.";
        skip_comments = false;
    }
    WorkCalendar calendar;
    for (const auto& [key, value] : years->items()) {
        if (skip_comments && !key.empty() && key.front() == '_')
            continue;
        auto year = parse_year_key(key);
        if (!year)
            return year.error();
        auto parsed = parse_year(value, *year, prefix + key);
        if (!parsed)
            return parsed.error();
        calendar.years_[*year] = std::move(*parsed);
    }
    return calendar;
}

Result<WorkCalendar> WorkCalendar::parse(std::string_view text) {
    auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded())
        return bad_calendar("the calendar is not valid JSON", {});
    return from_json(json);
}

void WorkCalendar::merge(const WorkCalendar& newer) {
    for (const auto& [year, data] : newer.years_)
        years_[year] = data;
}

std::vector<int> WorkCalendar::years() const {
    std::vector<int> out;
    out.reserve(years_.size());
    for (const auto& entry : years_)
        out.push_back(entry.first);
    return out;
}

bool WorkCalendar::is_working_day(Date date) const {
    if (const auto it = years_.find(date.y); it != years_.end()) {
        if (it->second.holidays.contains(date))
            return false;
        if (it->second.workdays.contains(date))
            return true;
    }
    return !date.is_weekend();
}

WorkingDayResult WorkCalendar::add_working_days(Date from, int n) const {
    WorkingDayResult result{from, false, {}};
    const int step = n < 0 ? -1 : 1;
    // Widen before negating: -INT_MIN does not fit an int.
    std::int64_t remaining = n < 0 ? -static_cast<std::int64_t>(n) : n;
    Date day = from;
    while (remaining > 0) {
        day = day.add_days(step);
        if (!covers(day.y) &&
            std::find(result.uncovered_years.begin(), result.uncovered_years.end(), day.y) ==
                result.uncovered_years.end())
            result.uncovered_years.push_back(day.y);
        if (is_working_day(day))
            --remaining;
    }
    result.date = day;
    result.provisional = !result.uncovered_years.empty();
    return result;
}

} // namespace fi
