#include "server/quotaledger.h"

#include "core/draw.h"
#include "server/apierror.h"
#include "server/planstore.h"
#include "server/referencedatastore.h"
#include "server/requestjson.h"

#include <algorithm>
#include <map>

namespace fi::server {

namespace {

using json = nlohmann::json;

std::vector<std::string> joint_list_of(const json& target) {
    std::vector<std::string> out;
    if (const json* j = member(target, "joint_list"); j && j->is_array())
        for (const json& c : *j)
            if (c.is_string())
                out.push_back(c.get<std::string>());
    return out;
}

} // namespace

bool target_in_stratum(const json& target, std::string_view stratum) {
    const auto codes = joint_codes_of(stratum);
    if (codes.empty())
        return string_member(target, "category") == stratum;
    for (const std::string& c : joint_list_of(target))
        if (std::find(codes.begin(), codes.end(), c) != codes.end())
            return true;
    return false;
}

Result<QuotaLedger> QuotaLedger::load(ReferenceDataStore& reference, PlanStore& plans, int year) {
    QuotaLedger ledger;
    ledger.year_ = year;
    auto items = reference.feed_items(Feed::catalogue);
    if (!items)
        return items.error();
    for (const FeedRow& row : *items) {
        if (row.deleted)
            continue;
        auto rules = decode_draw_rules(json::parse(row.body, nullptr, false));
        if (!rules)
            return rules.error();
        ledger.rules_.insert(ledger.rules_.end(), rules->begin(), rules->end());
    }

    auto rows = plans.plans();
    if (!rows)
        return rows.error();
    for (const PlanRow& row : *rows) {
        auto spec = PlanSpec::decode(json::parse(row.body, nullptr, false));
        if (!spec || spec->year != year)
            continue;
        YearPlan p{std::move(*spec), row.status == "drawn", {}};
        // The draw as it ran, else the lists frozen at publication (k known, picks not yet).
        std::optional<DrawRecord> draw;
        if (p.drawn) {
            auto drawn = plans.find_draw(row.draw_id);
            if (!drawn)
                return drawn.error();
            if (*drawn)
                if (auto d = decode_draw(json::parse((*drawn)->body, nullptr, false)))
                    draw = std::move(*d);
        }
        if (!draw)
            if (auto d = decode_draw(json::parse(row.frozen, nullptr, false)))
                draw = std::move(*d);
        if (!draw)
            continue;
        // `selected` is the strata's picks concatenated, k of each, in stratum order.
        std::size_t at = 0;
        for (const DrawStratum& s : draw->strata) {
            StratumDraw sd{s.category, s.k, {}};
            for (std::int64_t i = 0; i < s.k && at < draw->selected.size(); ++i, ++at)
                sd.selected.push_back(draw->selected[at]);
            ledger.drawn_.insert(sd.selected.begin(), sd.selected.end());
            p.strata.push_back(std::move(sd));
        }
        ledger.plans_.push_back(std::move(p));
    }
    return ledger;
}

Result<DrawRule> QuotaLedger::rule(std::string_view stratum, UnitLevel level,
                                   std::size_t index) const {
    auto found = rule_for(rules_, stratum, level);
    if (!found)
        return found.error();
    if (!*found)
        return Error::make(api_code::invalid,
                           "The item list (catalogue) states no ratio or frequency for stratum " +
                               std::string(stratum) + " at " + std::string(to_string(level)) +
                               " level (draw_rules of an item). Import the list with its 比例 "
                               "and 频次 first.",
                           "strata[" + std::to_string(index) + "].category");
    return **found;
}

StratumHistory QuotaLedger::history(std::string_view unit, std::string_view stratum,
                                    const PlanSpec& plan) const {
    StratumHistory h;
    const std::set<int> mine = plan_quarters(plan);
    for (const YearPlan& p : plans_) {
        if (p.spec.unit != unit || p.spec.id == plan.id)
            continue;
        const std::set<int> quarters = plan_quarters(p.spec);
        for (const StratumDraw& s : p.strata) {
            if (s.category != stratum)
                continue;
            // A drawn plan counts what it picked; a published one what it will pick.
            const auto n = p.drawn ? static_cast<std::int64_t>(s.selected.size()) : s.k;
            h.drawn += n;
            h.quarters.insert(quarters.begin(), quarters.end());
            if (std::any_of(quarters.begin(), quarters.end(),
                            [&](int q) { return mine.contains(q); }))
                h.drawn_in_quarters += n;
        }
    }
    return h;
}

Result<CoverageReport> QuotaLedger::coverage(ReferenceDataStore& reference) const {
    CoverageReport report;
    report.year = year_;
    auto bodies = reference.targets();
    if (!bodies)
        return bodies.error();
    std::vector<json> targets;
    for (const std::string& b : *bodies) {
        auto t = json::parse(b, nullptr, false);
        if (t.is_object() && string_member(t, "id"))
            targets.push_back(std::move(t));
    }
    auto roster = reference.feed_items(Feed::inspectors);
    if (!roster)
        return roster.error();

    // Units in order of their first plan of the year; strata in the order first seen.
    std::vector<std::string> units;
    std::map<std::string, std::vector<std::string>> strata_of;
    std::map<std::string, const PlanSpec*> latest; // a unit's last plan: districts, level
    for (const YearPlan& p : plans_) {
        if (std::find(units.begin(), units.end(), p.spec.unit) == units.end())
            units.push_back(p.spec.unit);
        latest[p.spec.unit] = &p.spec;
        auto& list = strata_of[p.spec.unit];
        for (const StratumDraw& s : p.strata)
            if (std::find(list.begin(), list.end(), s.category) == list.end())
                list.push_back(s.category);
    }
    for (const std::string& unit : units) {
        const PlanSpec& spec = *latest.at(unit);
        std::int64_t staff = 0;
        for (const FeedRow& row : *roster) {
            const json i = json::parse(row.body, nullptr, false);
            if (!row.deleted && string_member(i, "unit") == unit &&
                !(i.contains("third_party") && i["third_party"].is_boolean() &&
                  i["third_party"].get<bool>()))
                ++staff;
        }
        if (spec.staff)
            staff = *spec.staff;
        for (const std::string& stratum : strata_of.at(unit)) {
            CoverageLine line;
            line.unit = unit;
            line.stratum = stratum;
            for (const json& t : targets)
                if (target_in_stratum(t, stratum) &&
                    (spec.districts.empty() ||
                     std::find(spec.districts.begin(), spec.districts.end(),
                               string_member(t, "district").value_or("")) != spec.districts.end()))
                    ++line.size;
            if (auto r = rule_for(rules_, stratum, spec.level); r && *r) {
                line.rule = (*r)->describe();
                line.year = (*r)->year_range(line.size, staff);
            } else {
                line.rule = r ? "no rule in the item list" : r.error().message;
            }
            for (const YearPlan& p : plans_) {
                if (p.spec.unit != unit)
                    continue;
                const int quarter = (p.spec.window_from.m - 1) / 3;
                for (const StratumDraw& s : p.strata) {
                    if (s.category != stratum)
                        continue;
                    if (p.drawn) {
                        line.drawn += static_cast<std::int64_t>(s.selected.size());
                        line.per_quarter[static_cast<std::size_t>(quarter)] +=
                            static_cast<std::int64_t>(s.selected.size());
                    } else {
                        line.pending += s.k;
                    }
                }
            }
            report.lines.push_back(std::move(line));
        }
    }
    for (const json& t : targets) {
        if (string_member(t, "category") != "key")
            continue;
        ++report.key_targets;
        const std::string id = *string_member(t, "id");
        if (!drawn_.contains(id))
            report.key_not_drawn.push_back(id);
    }
    std::sort(report.key_not_drawn.begin(), report.key_not_drawn.end());
    return report;
}

} // namespace fi::server
