#include "server/drawrule.h"

#include "server/apierror.h"
#include "server/requestjson.h"

namespace fi::server {

namespace {

using json = nlohmann::json;

/// ⌈a / b⌉ for a ≥ 0, b > 0 (the interface and its data have no floating point).
std::int64_t ceil_div(std::int64_t a, std::int64_t b) {
    return (a + b - 1) / b;
}

Error bad(std::string_view item, std::string_view field, std::string_view message) {
    return Error::make(api_code::invalid,
                       "Catalogue item " + std::string(item) + ": " + std::string(field) + " " +
                           std::string(message),
                       std::string(field));
}

/// A whole number from 0 to 1 000 000 (percentages, counts).
Result<std::int64_t> count_member(const json& object, std::string_view name, std::string_view item,
                                  const std::string& field) {
    const json* v = member(object, name);
    if (!v || !v->is_number_integer() || v->get<std::int64_t>() < 0 ||
        v->get<std::int64_t>() > 1000000)
        return bad(item, field + "." + std::string(name), "must be a whole number from 0");
    return v->get<std::int64_t>();
}

} // namespace

bool DrawRule::counts() const {
    return min_percent || per_year_min || per_staff_min;
}

std::optional<YearRange> DrawRule::year_range(std::int64_t size, std::int64_t staff) const {
    YearRange r;
    if (min_percent && max_percent) {
        // A quarter's share is four shares a year.
        const std::int64_t periods = frequency == RulePeriod::quarter ? 4 : 1;
        r.min = ceil_div(size * *min_percent * periods, 100);
        r.max = std::max(r.min, size * *max_percent * periods / 100);
    } else if (per_year_min && per_year_max) {
        r.min = *per_year_min;
        r.max = *per_year_max;
    } else if (per_staff_min) {
        r.min = staff * *per_staff_min;
        r.max = size;
    } else {
        return std::nullopt;
    }
    // A small directory cannot give more than it holds.
    r.min = std::min(r.min, size);
    r.max = std::min(std::max(r.max, r.min), size);
    return r;
}

std::string DrawRule::describe() const {
    std::string s;
    const std::string per = frequency == RulePeriod::quarter ? " a quarter" : " a year";
    if (min_percent && max_percent)
        s = *min_percent == *max_percent
                ? std::to_string(*min_percent) + " %" + per
                : std::to_string(*min_percent) + "–" + std::to_string(*max_percent) + " %" + per;
    else if (per_year_min && per_year_max)
        s = std::to_string(*per_year_min) + "–" + std::to_string(*per_year_max) + " targets a year";
    else if (per_staff_min)
        s = "at least staff × " + std::to_string(*per_staff_min) + " a year";
    else
        s = "no number: the plan sets k";
    if (cover_yearly)
        s += ", aiming at every target once a year";
    return s + " (item " + item_id + ")";
}

bool DrawRule::same_numbers(const DrawRule& o) const {
    return stratum == o.stratum && level == o.level && frequency == o.frequency &&
           min_percent == o.min_percent && max_percent == o.max_percent &&
           per_year_min == o.per_year_min && per_year_max == o.per_year_max &&
           per_staff_min == o.per_staff_min && cover_yearly == o.cover_yearly;
}

Result<std::vector<DrawRule>> decode_draw_rules(const json& item) {
    std::vector<DrawRule> out;
    const std::string id = string_member(item, "id").value_or("?");
    const json* rules = member(item, "draw_rules");
    if (!rules || rules->is_null())
        return out;
    if (!rules->is_array())
        return bad(id, "draw_rules", "must be a list of rules");
    for (std::size_t i = 0; i < rules->size(); ++i) {
        const json& r = (*rules)[i];
        const std::string field = "draw_rules[" + std::to_string(i) + "]";
        if (!r.is_object())
            return bad(id, field, "must be an object");
        DrawRule rule;
        rule.item_id = id;
        const auto stratum = string_member(r, "stratum");
        if (!stratum || (*stratum != "key" && *stratum != "general" && *stratum != "special" &&
                         joint_codes_of(*stratum).empty()))
            return bad(id, field + ".stratum",
                       "must be key, general, special, ods, vehicle_sellers or sewage_plants");
        rule.stratum = *stratum;
        if (const json* level = member(r, "level"); level && !level->is_null()) {
            const std::string l = level->is_string() ? level->get<std::string>() : "";
            if (l == "branch")
                rule.level = UnitLevel::branch;
            else if (l == "city")
                rule.level = UnitLevel::city;
            else if (l == "province")
                rule.level = UnitLevel::province;
            else
                return bad(id, field + ".level", "must be branch, city or province");
        }
        const auto frequency = string_member(r, "frequency");
        if (!frequency || (*frequency != "quarter" && *frequency != "year"))
            return bad(id, field + ".frequency", "must be quarter or year");
        rule.frequency = *frequency == "quarter" ? RulePeriod::quarter : RulePeriod::year;

        int numbers = 0;
        if (const json* ratio = member(r, "ratio"); ratio && !ratio->is_null()) {
            ++numbers;
            if (!ratio->is_object())
                return bad(id, field + ".ratio", "must be {min_percent, max_percent}");
            auto lo = count_member(*ratio, "min_percent", id, field + ".ratio");
            if (!lo)
                return lo.error();
            auto hi = count_member(*ratio, "max_percent", id, field + ".ratio");
            if (!hi)
                return hi.error();
            if (*lo > *hi || *hi > 100 || *lo == 0)
                return bad(id, field + ".ratio", "must have 0 < min_percent ≤ max_percent ≤ 100");
            rule.min_percent = *lo;
            rule.max_percent = *hi;
        }
        if (const json* per_year = member(r, "per_year"); per_year && !per_year->is_null()) {
            ++numbers;
            if (!per_year->is_object())
                return bad(id, field + ".per_year", "must be {min, max}");
            auto lo = count_member(*per_year, "min", id, field + ".per_year");
            if (!lo)
                return lo.error();
            auto hi = count_member(*per_year, "max", id, field + ".per_year");
            if (!hi)
                return hi.error();
            if (*lo > *hi || *lo == 0)
                return bad(id, field + ".per_year", "must have 0 < min ≤ max");
            if (rule.frequency != RulePeriod::year)
                return bad(id, field + ".frequency", "must be year for a per_year count");
            rule.per_year_min = *lo;
            rule.per_year_max = *hi;
        }
        if (const json* per_staff = member(r, "per_staff"); per_staff && !per_staff->is_null()) {
            ++numbers;
            if (!per_staff->is_object())
                return bad(id, field + ".per_staff", "must be {min}");
            auto lo = count_member(*per_staff, "min", id, field + ".per_staff");
            if (!lo)
                return lo.error();
            if (*lo == 0)
                return bad(id, field + ".per_staff.min", "must be at least 1");
            if (rule.frequency != RulePeriod::year)
                return bad(id, field + ".frequency", "must be year for a per_staff count");
            rule.per_staff_min = *lo;
        }
        if (numbers > 1)
            return bad(id, field, "must give one of ratio, per_year and per_staff, not several");
        if (const auto cover = string_member(r, "cover")) {
            if (*cover != "year")
                return bad(id, field + ".cover", "must be year");
            rule.cover_yearly = true;
        }
        rule.basis = string_member(r, "basis").value_or("");
        out.push_back(std::move(rule));
    }
    return out;
}

Result<std::optional<DrawRule>> rule_for(const std::vector<DrawRule>& rules,
                                         std::string_view stratum, UnitLevel level) {
    std::optional<DrawRule> exact;
    std::optional<DrawRule> any_level;
    for (const DrawRule& r : rules) {
        if (r.stratum != stratum || (r.level && *r.level != level))
            continue;
        std::optional<DrawRule>& slot = r.level ? exact : any_level;
        if (slot && !slot->same_numbers(r))
            return Error::make(api_code::invalid,
                               "The item list disagrees with itself on stratum " +
                                   std::string(stratum) + ": item " + slot->item_id + " says " +
                                   slot->describe() + ", item " + r.item_id + " says " +
                                   r.describe() + ". Correct the catalogue and import it again.",
                               "catalogue");
        if (!slot)
            slot = r;
    }
    return exact ? exact : any_level;
}

} // namespace fi::server
