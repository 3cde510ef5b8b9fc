#include "server/publicsite.h"

#include "core/draw.h"
#include "core/drawcommitment.h"
#include "core/modeljson.h"
#include "core/recorddocument.h"
#include "server/apierror.h"
#include "server/drawservice.h"
#include "server/planspec.h"
#include "server/planstore.h"
#include "server/publicationservice.h"
#include "server/referencedatastore.h"
#include "server/requestjson.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <map>
#include <span>
#include <utility>

namespace fi::server {

namespace {

using json = nlohmann::json;

using Labels = std::span<const std::pair<std::string_view, std::string_view>>;

/// The Chinese name of a code of one vocabulary; the code itself when the table has none.
std::string label_of(Labels table, std::string_view code) {
    for (const auto& [c, name] : table)
        if (c == code)
            return std::string(name);
    return std::string(code);
}

constexpr std::array<std::pair<std::string_view, std::string_view>, 4> plan_kinds{{
    {"routine", "日常监督管理检查"},
    {"enforcement", "监督执法检查"},
    {"special", "专项检查"},
    {"joint", "部门联合检查"},
}};
constexpr std::array<std::pair<std::string_view, std::string_view>, 6> categories{{
    {"key", "重点监管对象"},
    {"general", "一般监管对象"},
    {"special", "特殊监管对象"},
    {"ods", "消耗臭氧层物质（ODS）相关单位"},
    {"vehicle_sellers", "机动车销售企业"},
    {"sewage_plants", "城镇污水处理厂"},
}};
constexpr std::array<std::pair<std::string_view, std::string_view>, 2> modes{{
    {"onsite", "现场检查"},
    {"offsite", "非现场检查"},
}};
constexpr std::array<std::pair<std::string_view, std::string_view>, 2> exclusion_reasons{{
    {"inspected_by_higher_level", "已由上级抽查且未发现问题"},
    {"drawn_this_year", "本年度已被抽取（先抽取本年度尚未抽到的对象）"},
}};
constexpr std::array<std::pair<std::string_view, std::string_view>, 3> redraw_reasons{{
    {"conflict", "回避（利益冲突）"},
    {"absence", "人员缺席"},
    {"other", "其他原因"},
}};
constexpr std::array<std::pair<std::string_view, std::string_view>, 2> roles{{
    {"leader", "组长"},
    {"member", "组员"},
}};

const char* const quarter_names[] = {"第一季度", "第二季度", "第三季度", "第四季度"};

/// 2026年第四季度 for a window inside one quarter, else the window's two dates.
std::string period_of(const PlanSpec& plan) {
    const int q_from = (plan.window_from.m - 1) / 3;
    const int q_to = (plan.window_to.m - 1) / 3;
    if (plan.window_from.y == plan.window_to.y && q_from == q_to)
        return std::to_string(plan.window_from.y) + "年" + quarter_names[q_from];
    return plan.window_from.to_string() + " 至 " + plan.window_to.to_string();
}

/// Percent-encode everything but RFC 3986's unreserved characters.
std::string encode_segment(std::string_view text) {
    std::string out;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
            out += ch;
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    return out;
}

Result<json> parse_stored(const std::string& text) {
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded())
        return Error::make(api_code::internal, "A stored body is not JSON.");
    return j;
}

/// The roster as the public may see it: id → name and certificate number.
struct PublicInspector {
    std::string name;
    std::string cert_no;
};

Result<std::map<std::string, PublicInspector>> public_roster(ReferenceDataStore& reference) {
    auto rows = reference.feed_items(Feed::inspectors);
    if (!rows)
        return rows.error();
    std::map<std::string, PublicInspector> out;
    for (const FeedRow& row : *rows) {
        auto inspector = decode_inspector(json::parse(row.body, nullptr, false));
        if (inspector)
            out.emplace(inspector->id,
                        PublicInspector{inspector->name, inspector->cert_no.value_or("")});
    }
    return out;
}

json person(const std::map<std::string, PublicInspector>& roster, const std::string& id) {
    const auto it = roster.find(id);
    if (it == roster.end())
        return {{"name", "（已移出检查人员名录）"}, {"cert_no", ""}};
    return {{"name", it->second.name}, {"cert_no", it->second.cert_no}};
}

/// A target as the public may see it (受检名单): name, credit code, district, category. Never
/// its position, address or tags.
json public_target(ReferenceDataStore& reference, const std::string& id) {
    auto body = reference.find_target(id);
    json t = json::object();
    if (body && *body)
        t = json::parse(**body, nullptr, false);
    const auto text = [&](std::string_view name) {
        return t.is_object() ? string_member(t, name).value_or("") : std::string();
    };
    return {{"id", id},
            {"name", text("name")},
            {"credit_code", text("credit_code")},
            {"district", text("district")}};
}

/// The plan's publication (core's reader) and its stored definition.
struct PlanParts {
    PlanRow row;
    PlanSpec spec;
    PlanPublication publication;
};

} // namespace

std::string PublicSite::plan_path(std::string_view plan_id, std::string_view suffix) {
    return "/public/plans/" + encode_segment(plan_id) + std::string(suffix);
}

namespace {

Result<PlanParts> load_plan(PlanStore& plans, DrawService& draws, std::string_view plan_id) {
    auto row = plans.find_plan(plan_id);
    if (!row)
        return row.error();
    if (!*row)
        return Error::make(api_code::not_found, "No plan " + std::string(plan_id) + ".");
    auto body = parse_stored((*row)->body);
    if (!body)
        return body.error();
    auto spec = PlanSpec::decode(*body);
    if (!spec)
        return spec.error();
    auto published = draws.plan_json(plan_id);
    if (!published)
        return published.error();
    auto publication = decode_plan_publication(*published);
    if (!publication)
        return publication.error();
    return PlanParts{std::move(**row), std::move(*spec), std::move(*publication)};
}

json plan_links(const std::string& id, bool drawn) {
    json links = {{"plan", PublicSite::plan_path(id)},
                  {"redraws", PublicSite::plan_path(id, "/redraws")},
                  {"results", PublicSite::plan_path(id, "/results")}};
    if (drawn)
        links["draw"] = PublicSite::plan_path(id, "/draw");
    return links;
}

json plan_summary(const PlanParts& p) {
    const bool drawn = p.row.status == "drawn";
    return {{"id", p.spec.id},
            {"name", p.spec.name},
            {"year", p.spec.year},
            {"kind", p.spec.kind},
            {"kind_label", label_of(plan_kinds, p.spec.kind)},
            {"unit", p.spec.unit},
            {"period", period_of(p.spec)},
            {"window",
             {{"from", p.spec.window_from.to_string()}, {"to", p.spec.window_to.to_string()}}},
            {"published_at", p.publication.published_at},
            {"drawn", drawn},
            {"status_label", drawn ? "已抽取" : "已公布，等待各方公开种子"},
            {"links", plan_links(p.spec.id, drawn)}};
}

/// The commitment as published, member by member (all of it is public by design).
json public_commitment(const PlanCommitment& c) {
    json parties = json::array();
    for (const SeedParty& p : c.parties)
        parties.push_back({{"name", p.name}, {"seed_commitment", p.seed_commitment}});
    return {{"algorithm", c.algorithm},
            {"parties", std::move(parties)},
            {"strata_sha256", c.strata_sha256},
            {"pool_sha256", c.pool_sha256},
            {"conflicts_sha256", c.conflicts_sha256},
            {"draw_id", c.draw_id},
            {"team_size", c.team_size},
            {"redraw_chain_tip", c.redraw_chain_tip},
            {"redraw_chain_length", c.redraw_chain_length}};
}

Result<DrawRecord> plan_draw(DrawService& draws, const PlanParts& p) {
    auto body = draws.draw_json(p.publication.commitment.draw_id);
    if (!body)
        return body.error();
    return decode_draw(*body);
}

} // namespace

Result<json> PublicSite::plans() {
    auto rows = plans_.plans();
    if (!rows)
        return rows.error();
    json list = json::array();
    for (const PlanRow& row : *rows) {
        auto p = load_plan(plans_, draws_, row.id);
        if (!p)
            return p.error();
        list.push_back(plan_summary(*p));
    }
    return json{{"plans", std::move(list)}, {"links", {{"results", "/public/results"}}}};
}

Result<json> PublicSite::plan(std::string_view plan_id) {
    auto p = load_plan(plans_, draws_, plan_id);
    if (!p)
        return p.error();
    json out = plan_summary(*p);

    // k as drawn (a stratum may have been split into targets not yet drawn this year and the
    // rest): the frozen lists' strata of the category, summed.
    auto frozen = parse_stored(p->row.frozen);
    std::map<std::string, std::int64_t> k_of;
    if (frozen) {
        auto lists = decode_draw(*frozen);
        if (lists)
            for (const DrawStratum& s : lists->strata)
                k_of[s.category] += s.k;
    }

    std::vector<std::string> item_ids;
    const auto add_item = [&](const std::string& id) {
        if (std::find(item_ids.begin(), item_ids.end(), id) == item_ids.end())
            item_ids.push_back(id);
    };
    json strata = json::array();
    for (const PlanStratum& s : p->spec.strata) {
        for (const std::string& id : s.item_ids)
            add_item(id);
        json stratum = {{"category", s.category},
                        {"category_label", label_of(categories, s.category)},
                        {"mode", std::string(to_string(s.mode))},
                        {"mode_label", label_of(modes, to_string(s.mode))},
                        {"item_ids", s.item_ids},
                        {"basis", s.basis}};
        if (const auto k = k_of.find(s.category); k != k_of.end())
            stratum["k"] = k->second;
        else if (s.k)
            stratum["k"] = *s.k;
        strata.push_back(std::move(stratum));
    }
    // Items the draw added to on-site visits from the joint list (联合抽查事项).
    auto assignments = plans_.assignments_of_plan(plan_id);
    if (!assignments)
        return assignments.error();
    for (const AssignmentRow& a : *assignments) {
        const json body = json::parse(a.body, nullptr, false);
        if (const json* ids = body.is_object() ? member(body, "item_ids") : nullptr;
            ids && ids->is_array())
            for (const json& id : *ids)
                if (id.is_string())
                    add_item(id.get<std::string>());
    }
    json items = json::array();
    for (const std::string& id : item_ids) {
        auto row = reference_.find_feed_item(Feed::catalogue, id);
        if (!row)
            return row.error();
        if (!*row)
            continue;
        auto item = decode_catalogue_item(json::parse((*row)->body, nullptr, false));
        if (!item)
            continue;
        items.push_back({{"id", item->id},
                         {"code", item->code},
                         {"domain", item->domain},
                         {"title", item->title},
                         {"legal_basis", item->legal_basis},
                         {"initiating_dept", item->initiating_dept},
                         {"cooperating_depts", item->cooperating_depts}});
    }
    json withdrawn = json::array();
    for (const WithdrawnPublication& w : p->publication.withdrawn) {
        auto c = decode_plan_commitment(w.commitment);
        if (c)
            withdrawn.push_back(
                {{"published_at", w.published_at}, {"commitment", public_commitment(*c)}});
    }
    out["strata"] = std::move(strata);
    out["items"] = std::move(items);
    out["commitment"] = public_commitment(p->publication.commitment);
    out["withdrawn"] = std::move(withdrawn);
    return out;
}

Result<json> PublicSite::draw(std::string_view plan_id) {
    auto p = load_plan(plans_, draws_, plan_id);
    if (!p)
        return p.error();
    if (p->row.status != "drawn")
        return Error::make(api_code::not_found, "The draw of plan " + std::string(plan_id) +
                                                    " has not run yet: every party reveals its "
                                                    "seed first.");
    auto d = plan_draw(draws_, *p);
    if (!d)
        return d.error();
    auto roster = public_roster(reference_);
    if (!roster)
        return roster.error();
    const DrawVerification verification = verify_plan_draw(p->publication, *d);

    // The pool in the algorithm's order (sorted by id, byte order): a position stands for an
    // inspector, so the draw can be recomputed without the roster's ids.
    std::vector<std::string> pool = d->inspector_pool;
    std::sort(pool.begin(), pool.end());
    std::map<std::string, std::int64_t> position;
    json public_pool = json::array();
    for (std::size_t i = 0; i < pool.size(); ++i) {
        position[pool[i]] = static_cast<std::int64_t>(i + 1);
        json entry = person(*roster, pool[i]);
        entry["position"] = static_cast<std::int64_t>(i + 1);
        public_pool.push_back(std::move(entry));
    }
    const auto positions = [&](const std::vector<std::string>& ids) {
        json out = json::array();
        for (const std::string& id : ids)
            if (const auto it = position.find(id); it != position.end())
                out.push_back(it->second);
        return out;
    };

    json parties = json::array();
    for (const SeedParty& party : d->parties)
        parties.push_back({{"name", party.name},
                           {"seed_commitment", party.seed_commitment},
                           {"seed", party.seed.value_or("")}});
    json strata = json::array();
    std::map<std::string, std::string> stratum_of;
    for (const DrawStratum& s : d->strata) {
        strata.push_back({{"category", s.category},
                          {"category_label", label_of(categories, s.category)},
                          {"k", s.k},
                          {"candidates", s.candidates}});
        for (const std::string& t : s.candidates)
            stratum_of.emplace(t, s.category);
    }
    json excluded = json::array();
    for (const DrawExclusion& x : d->excluded) {
        const json t = public_target(reference_, x.target_id);
        excluded.push_back({{"target_id", x.target_id},
                            {"target_name", t["name"]},
                            {"reason", x.reason},
                            {"reason_label", label_of(exclusion_reasons, x.reason)}});
    }
    // Conflicts only of the selected targets: the others do not change the result.
    json conflicts = json::object();
    json teams = json::object();
    json drawn = json::array();
    for (const std::string& target : d->selected) {
        if (const auto c = d->conflicts.find(target); c != d->conflicts.end() && !c->second.empty())
            conflicts[target] = positions(c->second);
        const auto team = d->teams.find(target);
        const std::vector<std::string> members =
            team == d->teams.end() ? std::vector<std::string>{} : team->second;
        teams[target] = positions(members);
        json people = json::array();
        for (std::size_t i = 0; i < members.size(); ++i) {
            json m = person(*roster, members[i]);
            m["role"] = i == 0 ? "leader" : "member";
            m["role_label"] = label_of(roles, i == 0 ? "leader" : "member");
            people.push_back(std::move(m));
        }
        const std::string category = stratum_of.count(target) ? stratum_of[target] : "";
        drawn.push_back({{"target", public_target(reference_, target)},
                         {"category", category},
                         {"category_label", label_of(categories, category)},
                         {"team", std::move(people)}});
    }

    return json{{"plan", plan_summary(*p)},
                {"draw_id", d->id},
                {"algorithm", d->algorithm},
                {"published_at", d->published_at.value_or("")},
                {"drawn_at", d->drawn_at.value_or("")},
                {"commitment", public_commitment(p->publication.commitment)},
                {"parties", std::move(parties)},
                {"seed", d->seed},
                {"seed_commitment", d->seed_commitment},
                {"strata", std::move(strata)},
                {"excluded", std::move(excluded)},
                {"pool", std::move(public_pool)},
                {"team_size", d->team_size},
                {"conflicts", std::move(conflicts)},
                {"selected", d->selected},
                {"teams", std::move(teams)},
                {"drawn", std::move(drawn)},
                {"server_check",
                 {{"verified", verification.verified()},
                  {"step", std::string(to_string(verification.step))}}}};
}

Result<json> PublicSite::redraws(std::string_view plan_id) {
    auto p = load_plan(plans_, draws_, plan_id);
    if (!p)
        return p.error();
    auto rows = plans_.redraw_log(plan_id);
    if (!rows)
        return rows.error();
    std::vector<RedrawLogEntry> log;
    for (const RedrawLogRow& row : *rows) {
        auto body = parse_stored(row.body);
        if (!body)
            return body.error();
        auto entry = decode_redraw_log_entry(*body);
        if (!entry)
            return entry.error();
        log.push_back(std::move(*entry));
    }
    auto roster = public_roster(reference_);
    if (!roster)
        return roster.error();
    std::optional<DrawRecord> original;
    if (p->row.status == "drawn") {
        auto d = plan_draw(draws_, *p);
        if (!d)
            return d.error();
        original = std::move(*d);
    }

    // Positions in the plan draw's pool (id order, from 1), as the draw page gives the pool:
    // the in-browser check recomputes re-draws by position, roster ids not being public.
    std::vector<std::string> pool =
        original ? original->inspector_pool : std::vector<std::string>{};
    std::sort(pool.begin(), pool.end());
    const auto position_of = [&](const std::string& id) -> json {
        const auto it = std::lower_bound(pool.begin(), pool.end(), id);
        return it != pool.end() && *it == id ? json(it - pool.begin() + 1) : json(nullptr);
    };

    json entries = json::array();
    for (const RedrawLogEntry& e : log) {
        json excluded = json::array();
        for (const std::string& id : e.excluded) {
            json who = person(*roster, id);
            who["position"] = position_of(id);
            excluded.push_back(std::move(who));
        }
        json team = json::array();
        bool verified = false;
        if (auto body = draws_.draw_json(e.draw_id); body) {
            if (auto redraw = decode_draw(*body); redraw) {
                if (const auto t = redraw->teams.find(e.target_id); t != redraw->teams.end())
                    for (std::size_t i = 0; i < t->second.size(); ++i) {
                        json m = person(*roster, t->second[i]);
                        m["role"] = i == 0 ? "leader" : "member";
                        m["role_label"] = label_of(roles, i == 0 ? "leader" : "member");
                        team.push_back(std::move(m));
                    }
                if (original)
                    verified = verify_redraw(RedrawContext{p->publication, *original, log}, *redraw)
                                   .verified();
            }
        }
        const json target = public_target(reference_, e.target_id);
        // The note stays out: it is free text about people (why someone is conflicted or
        // absent); the reason's category is public.
        entries.push_back({{"index", e.index},
                           {"at", e.at},
                           {"target", target},
                           {"reason", e.reason},
                           {"reason_label", label_of(redraw_reasons, e.reason)},
                           {"excluded", std::move(excluded)},
                           {"by", person(*roster, e.by)},
                           {"draw_id", e.draw_id},
                           {"link", e.link},
                           {"team", std::move(team)},
                           {"server_verified", verified}});
    }
    return json{{"plan", plan_summary(*p)},
                {"redraw_chain_tip", p->publication.commitment.redraw_chain_tip},
                {"redraw_chain_length", p->publication.commitment.redraw_chain_length},
                {"entries", std::move(entries)}};
}

Result<json> PublicSite::results(std::string_view plan_id) {
    json out = json::object();
    std::map<std::string, std::string> plan_names;
    if (!plan_id.empty()) {
        auto p = load_plan(plans_, draws_, plan_id);
        if (!p)
            return p.error();
        out["plan"] = plan_summary(*p);
    }
    auto rows = publication_.public_results(plan_id);
    if (!rows)
        return rows.error();
    json list = json::array();
    for (const PublicResult& r : *rows) {
        if (!plan_names.contains(r.plan_id)) {
            auto p = plans_.find_plan(r.plan_id);
            if (!p)
                return p.error();
            const json body = *p ? json::parse((*p)->body, nullptr, false) : json();
            plan_names[r.plan_id] =
                body.is_object() ? string_member(body, "name").value_or(r.plan_id) : r.plan_id;
        }
        json target = public_target(reference_, r.target_id);
        if (target["name"] == "")
            target["name"] = r.target_name;
        // Withheld (不予公开): the ground's category and nothing of the result itself.
        json row = {{"plan", {{"name", plan_names[r.plan_id]}, {"link", plan_path(r.plan_id)}}},
                    {"target", std::move(target)},
                    {"unit", r.unit},
                    {"inspection_day", r.inspection_day},
                    {"published_on", r.published_on},
                    {"withheld", r.withheld},
                    {"public_text", r.withheld ? std::string("不予公开") : r.public_text},
                    {"corrected", r.corrected}};
        if (r.withheld) {
            row["ground"] = r.ground;
            const auto ground = parse_confidential_ground(r.ground);
            row["ground_label"] =
                ground ? std::string(confidential_ground_name(*ground)) : r.ground;
        }
        list.push_back(std::move(row));
    }
    out["results"] = std::move(list);
    return out;
}

} // namespace fi::server
