#include "server/planspec.h"

#include "core/drawcommitment.h"
#include "core/modeljson.h"
#include "server/apierror.h"
#include "server/requestjson.h"

#include <cstdio>

namespace fi::server {

namespace {

using json = nlohmann::json;

Error bad(std::string_view field, std::string_view message) {
    return Error::make(api_code::invalid,
                       "Plan: " + std::string(field) + " " + std::string(message), field);
}

Result<std::string> need_string(const json& j, std::string_view name,
                                std::string_view prefix = {}) {
    const auto s = string_member(j, name);
    if (!s || s->empty())
        return bad(std::string(prefix) + std::string(name), "must be a non-empty string");
    return *s;
}

Result<std::int64_t> need_int(const json& v, std::string_view field) {
    if (!v.is_number_integer())
        return bad(field, "must be a whole number");
    return v.get<std::int64_t>();
}

Result<std::vector<std::string>> string_list(const json* v, std::string_view field) {
    std::vector<std::string> out;
    if (!v || v->is_null())
        return out;
    if (!v->is_array())
        return bad(field, "must be a list of strings");
    for (const json& s : *v) {
        if (!s.is_string() || s.get_ref<const std::string&>().empty())
            return bad(field, "must be a list of non-empty strings");
        out.push_back(s.get<std::string>());
    }
    return out;
}

Result<std::map<std::string, std::vector<std::string>>> list_map(const json* v,
                                                                 std::string_view field) {
    std::map<std::string, std::vector<std::string>> out;
    if (!v || v->is_null())
        return out;
    if (!v->is_object())
        return bad(field, "must be an object of lists");
    for (auto it = v->begin(); it != v->end(); ++it) {
        auto list = string_list(&it.value(), std::string(field) + "." + it.key());
        if (!list)
            return list.error();
        out[it.key()] = std::move(*list);
    }
    return out;
}

bool known_category(std::string_view c) {
    return c == "key" || c == "general" || c == "special" || !joint_codes_of(c).empty();
}

UnitLevel level_of_unit(std::string_view unit) {
    // 分局 and 大队 are the district branches; 省 the province; the bureau and its
    // detachment (支队) are the city.
    if (unit.find("分局") != std::string_view::npos || unit.find("大队") != std::string_view::npos)
        return UnitLevel::branch;
    if (unit.find("省") != std::string_view::npos)
        return UnitLevel::province;
    return UnitLevel::city;
}

} // namespace

std::string_view to_string(UnitLevel level) {
    switch (level) {
    case UnitLevel::branch:
        return "branch";
    case UnitLevel::city:
        return "city";
    case UnitLevel::province:
        return "province";
    }
    return "city";
}

std::vector<std::string> joint_codes_of(std::string_view category) {
    if (category == "ods")
        return {"15", "16", "17", "18", "19"};
    if (category == "vehicle_sellers")
        return {"22"};
    if (category == "sewage_plants")
        return {"69"};
    return {};
}

Result<PlanSpec> PlanSpec::decode(const json& j) {
    if (!j.is_object())
        return bad("", "must be a JSON object");
    PlanSpec p;
    auto id = need_string(j, "id");
    if (!id)
        return id.error();
    p.id = *id;
    auto name = need_string(j, "name");
    if (!name)
        return name.error();
    p.name = *name;
    auto unit = need_string(j, "unit");
    if (!unit)
        return unit.error();
    p.unit = *unit;
    auto kind = need_string(j, "kind");
    if (!kind)
        return kind.error();
    p.kind = *kind;
    if (p.kind != "routine" && p.kind != "enforcement" && p.kind != "special" && p.kind != "joint")
        return bad("kind", "must be routine, enforcement, special or joint");
    const json* year = member(j, "year");
    if (!year)
        return bad("year", "is missing");
    auto y = need_int(*year, "year");
    if (!y)
        return y.error();
    p.year = static_cast<int>(*y);

    if (const auto level = string_member(j, "level")) {
        if (*level == "branch")
            p.level = UnitLevel::branch;
        else if (*level == "city")
            p.level = UnitLevel::city;
        else if (*level == "province")
            p.level = UnitLevel::province;
        else
            return bad("level", "must be branch, city or province");
    } else {
        p.level = level_of_unit(p.unit);
    }

    const json* window = member(j, "window");
    if (!window || !window->is_object())
        return bad("window", "must be an object {from, to}");
    for (const char* end : {"from", "to"}) {
        const auto text = string_member(*window, end);
        auto d = text ? Date::parse(*text) : Result<Date>(Error::make("", ""));
        if (!d)
            return bad(std::string("window.") + end, "must be a date YYYY-MM-DD");
        (std::string_view(end) == "from" ? p.window_from : p.window_to) = *d;
    }
    if (p.window_to < p.window_from)
        return bad("window", "ends before it starts");
    if (p.window_from.y != p.year)
        return bad("window.from", "must lie in the plan's year");
    if (const auto published = string_member(j, "published_at")) {
        if (!parse_rfc3339(*published))
            return bad("published_at", "must be an RFC 3339 time");
        p.published_at = *published;
    }

    const json* strata = member(j, "strata");
    if (!strata || !strata->is_array() || strata->empty())
        return bad("strata", "must be a non-empty list");
    for (std::size_t i = 0; i < strata->size(); ++i) {
        const json& s = (*strata)[i];
        const std::string prefix = "strata[" + std::to_string(i) + "].";
        if (!s.is_object())
            return bad(prefix.substr(0, prefix.size() - 1), "must be an object");
        PlanStratum st;
        auto category = need_string(s, "category", prefix);
        if (!category)
            return category.error();
        st.category = *category;
        if (!known_category(st.category))
            return bad(prefix + "category",
                       "must be key, general, special, ods, vehicle_sellers or sewage_plants");
        for (const PlanStratum& earlier : p.strata)
            if (earlier.category == st.category)
                return bad(prefix + "category", "appears twice");
        if (const json* k = member(s, "k"); k && !k->is_null()) {
            auto kv = need_int(*k, prefix + "k");
            if (!kv)
                return kv.error();
            if (*kv < 1)
                return bad(prefix + "k", "must be at least 1");
            st.k = *kv;
        }
        // 特殊监管对象…采取…非现场监管方式: special targets are drawn off site.
        st.mode = st.category == "special" ? InspectionMode::offsite : InspectionMode::onsite;
        if (const auto mode = string_member(s, "mode")) {
            const auto m = parse_inspection_mode(*mode);
            if (!m)
                return bad(prefix + "mode", "must be onsite or offsite");
            if (st.category == "special" && *m != InspectionMode::offsite)
                return bad(prefix + "mode", "must be offsite for special targets");
            st.mode = *m;
        }
        auto items = string_list(member(s, "item_ids"), prefix + "item_ids");
        if (!items)
            return items.error();
        if (items->empty())
            return bad(prefix + "item_ids", "must name at least one item (无事项清单不检查)");
        st.item_ids = std::move(*items);
        auto experts = string_list(member(s, "expert_ids"), prefix + "expert_ids");
        if (!experts)
            return experts.error();
        st.expert_ids = std::move(*experts);
        st.basis = string_member(s, "basis").value_or("");
        p.strata.push_back(std::move(st));
    }

    if (const json* joint = member(j, "joint_items"); joint && !joint->is_null()) {
        if (!joint->is_object())
            return bad("joint_items", "must be an object");
        const auto rule = string_member(*joint, "rule");
        if (!rule || *rule != "onsite_targets_add_joint_list_items")
            return bad("joint_items.rule", "must be onsite_targets_add_joint_list_items");
        p.add_joint_list_items = true;
        auto experts = list_map(member(*joint, "expert_ids"), "joint_items.expert_ids");
        if (!experts)
            return experts.error();
        p.joint_item_experts = std::move(*experts);
        if (const auto own = string_member(*joint, "own_department"))
            p.own_department = *own;
    }

    if (const json* x = member(j, "exclude_inspected_by_higher_level"); x && !x->is_null()) {
        if (!x->is_boolean())
            return bad("exclude_inspected_by_higher_level", "must be true or false");
        p.exclude_inspected_by_higher_level = x->get<bool>();
    }
    auto districts = string_list(member(j, "districts"), "districts");
    if (!districts)
        return districts.error();
    p.districts = std::move(*districts);
    auto units = string_list(member(j, "inspector_units"), "inspector_units");
    if (!units)
        return units.error();
    p.inspector_units = std::move(*units);
    if (const json* staff = member(j, "staff"); staff && !staff->is_null()) {
        auto n = need_int(*staff, "staff");
        if (!n)
            return n.error();
        if (*n < 1)
            return bad("staff", "must be at least 1");
        p.staff = *n;
    }

    const json* draw = member(j, "draw");
    if (!draw || !draw->is_object())
        return bad("draw", "must be an object");
    auto draw_id = need_string(*draw, "id", "draw.");
    if (!draw_id)
        return draw_id.error();
    p.draw_id = *draw_id;
    if (const auto algorithm = string_member(*draw, "algorithm");
        algorithm && *algorithm != draw_algorithm_v2)
        return bad("draw.algorithm", "must be sha256-ctr-fy-v2");
    // Interface 1.1: nobody who plans chooses the seed.
    for (const char* chosen : {"seed", "seed_commitment"})
        if (member(*draw, chosen))
            return bad(std::string("draw.") + chosen,
                       "is not for the planner to give: the seed is combined from the parties' "
                       "seeds (draw.parties), each committed before publication");
    const json* parties = member(*draw, "parties");
    if (!parties)
        return bad("draw.parties", "must name at least two seed parties");
    auto party_list = decode_seed_parties(*parties, "draw.parties", "plan");
    if (!party_list)
        return party_list.error();
    if (party_list->size() < 2)
        return bad("draw.parties",
                   "must name at least two seed parties (no single body may choose the seed)");
    for (std::size_t i = 0; i < party_list->size(); ++i) {
        const SeedParty& party = (*party_list)[i];
        const std::string field = "draw.parties[" + std::to_string(i) + "]";
        if (party.name.empty() || party.name == p.unit || party.name == p.own_department)
            return bad(field + ".name",
                       "must name a body other than the planning office (" + p.unit + ")");
        for (std::size_t earlier = 0; earlier < i; ++earlier)
            if ((*party_list)[earlier].name == party.name)
                return bad(field + ".name", "names the same party twice");
        if (party.seed)
            return bad(field + ".seed",
                       "must not be given: a party reveals its seed only after publication");
        if (!is_lower_hex(party.seed_commitment))
            return bad(field + ".seed_commitment", "must be 64 lower-case hexadecimal digits");
    }
    p.parties = std::move(*party_list);
    if (const json* length = member(*draw, "redraw_chain_length"); length && !length->is_null()) {
        auto n = need_int(*length, "draw.redraw_chain_length");
        if (!n)
            return n.error();
        if (*n < 1 || *n > 100000)
            return bad("draw.redraw_chain_length", "must be between 1 and 100000");
        p.redraw_chain_length = *n;
    }
    if (const json* ts = member(*draw, "team_size"); ts && !ts->is_null()) {
        auto n = need_int(*ts, "draw.team_size");
        if (!n)
            return n.error();
        p.team_size = *n;
    }
    // Administrative law: at least two certified officers on an enforcement visit, and the
    // pool holds certificate holders only.
    if (p.team_size < 2)
        return bad("draw.team_size", "must be at least 2 (two certified officers per visit)");
    auto conflicts = list_map(member(*draw, "conflicts"), "draw.conflicts");
    if (!conflicts)
        return conflicts.error();
    p.conflicts = std::move(*conflicts);
    if (const json* order = member(*draw, "strata_order"); order && !order->is_null()) {
        auto list = string_list(order, "draw.strata_order");
        if (!list)
            return list.error();
        if (list->size() != p.strata.size())
            return bad("draw.strata_order", "must list each stratum once");
        for (std::size_t i = 0; i < list->size(); ++i)
            if ((*list)[i] != p.strata[i].category)
                return bad("draw.strata_order", "must follow the order of strata");
    }
    return p;
}

json PlanSpec::assignment_plan() const {
    return {{"id", id}, {"name", name}, {"year", year}, {"kind", kind}, {"unit", unit}};
}

int PlanSpec::quarters() const {
    const int first = window_from.y * 4 + (window_from.m - 1) / 3;
    const int last = window_to.y * 4 + (window_to.m - 1) / 3;
    return last - first + 1;
}

std::string PlanSpec::assignment_prefix() const {
    char buf[32];
    std::snprintf(buf, sizeof buf, "A-%04dQ%d-", window_from.y, (window_from.m - 1) / 3 + 1);
    return buf;
}

} // namespace fi::server
