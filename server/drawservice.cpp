#include "server/drawservice.h"

#include "core/answers.h"
#include "core/date.h"
#include "core/drawcommitment.h"
#include "core/modeljson.h"
#include "core/sha256.h"
#include "server/apierror.h"
#include "server/drawquota.h"
#include "server/planspec.h"
#include "server/quotaledger.h"
#include "server/requestjson.h"
#include "server/serverdatabase.h"
#include "server/targethistory.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <openssl/rand.h>
#include <set>
#include <stdexcept>

namespace fi::server {

namespace {

using json = nlohmann::json;

template <class T> bool contains(const std::vector<T>& v, const T& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

std::string random_seed() {
    std::array<std::uint8_t, 32> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
        throw std::runtime_error("RAND_bytes failed");
    return to_hex(bytes);
}

/// Reference data a draw reads, decoded by core.
struct Directory {
    std::map<std::string, Inspector> roster;
    std::map<std::string, CatalogueItem> catalogue;
    std::map<std::string, std::string> item_by_code;
    std::vector<json> targets; ///< by id
    std::map<std::string, const json*> target_by_id;
};

Result<Directory> load_directory(ReferenceDataStore& reference) {
    Directory d;
    auto inspectors = reference.feed_items(Feed::inspectors);
    if (!inspectors)
        return inspectors.error();
    for (const FeedRow& row : *inspectors) {
        auto decoded = decode_inspector(json::parse(row.body, nullptr, false));
        if (decoded)
            d.roster.emplace(decoded->id, std::move(*decoded));
    }
    auto items = reference.feed_items(Feed::catalogue);
    if (!items)
        return items.error();
    for (const FeedRow& row : *items) {
        auto decoded = decode_catalogue_item(json::parse(row.body, nullptr, false));
        if (decoded) {
            d.item_by_code.emplace(decoded->code, decoded->id);
            d.catalogue.emplace(decoded->id, std::move(*decoded));
        }
    }
    auto targets = reference.targets();
    if (!targets)
        return targets.error();
    for (const std::string& body : *targets) {
        auto t = json::parse(body, nullptr, false);
        if (t.is_object() && string_member(t, "id"))
            d.targets.push_back(std::move(t));
    }
    for (const json& t : d.targets)
        d.target_by_id.emplace(*string_member(t, "id"), &t);
    return d;
}

/// Last year's violators are this year's key targets (outcomes feed the target's record): a
/// general target found in violation in `year - 1` is drawn, and assigned, as `key`.
Status mark_violators(Directory& d, InspectionStore& inspections, ReferenceDataStore& reference,
                      int year) {
    auto violators = violators_in(year - 1, inspections, reference);
    if (!violators)
        return violators.error();
    for (json& t : d.targets)
        if (violators->contains(string_member(t, "id").value_or("")) &&
            string_member(t, "category").value_or("") == "general")
            t["category"] = "key";
    return {};
}

std::vector<std::string> joint_list_of(const json& target) {
    std::vector<std::string> out;
    if (const json* j = member(target, "joint_list"); j && j->is_array())
        for (const json& c : *j)
            if (c.is_string())
                out.push_back(c.get<std::string>());
    return out;
}

/// The `target` member of an assignment: the directory entry without directory-only members.
json assignment_target(const json& target) {
    json t = target;
    t.erase("joint_list");
    return t;
}

/// Validate an assignment we are about to store with the client's own decoder.
Result<std::string> checked_assignment(const json& a) {
    auto decoded = decode_assignment(a);
    if (!decoded)
        return Error::make(api_code::internal,
                           "The server built an assignment its clients would refuse: " +
                               decoded.error().message,
                           decoded.error().field);
    return encode_assignment(*decoded).dump();
}

struct Extras {
    std::vector<std::string> item_ids;
    std::vector<std::string> departments;
    std::vector<std::string> experts;
};

/// What a drawn target gets besides its stratum's items: for an on-site visit, the joint-list
/// items of the target with their departments (对同一被检查对象…联合开展) and experts.
Result<Extras> extras_for(const PlanSpec& plan, const PlanStratum& stratum, const json& target,
                          const Directory& dir) {
    Extras e{stratum.item_ids, {}, stratum.expert_ids};
    if (!plan.add_joint_list_items || stratum.mode != InspectionMode::onsite)
        return e;
    for (const std::string& code : joint_list_of(target)) {
        const auto id = dir.item_by_code.find(code);
        if (id == dir.item_by_code.end())
            return Error::make(api_code::invalid,
                               "Target " + string_member(target, "id").value_or("?") +
                                   " is on joint-list item " + code +
                                   ", which the catalogue does not hold. Import it first.",
                               "joint_items");
        const CatalogueItem& item = dir.catalogue.at(id->second);
        if (!contains(e.item_ids, item.id))
            e.item_ids.push_back(item.id);
        std::vector<std::string> depts{item.initiating_dept};
        depts.insert(depts.end(), item.cooperating_depts.begin(), item.cooperating_depts.end());
        for (const std::string& d : depts)
            if (!d.empty() && d != plan.own_department && !contains(e.departments, d))
                e.departments.push_back(d);
        if (const auto x = plan.joint_item_experts.find(code); x != plan.joint_item_experts.end())
            for (const std::string& expert : x->second)
                if (!contains(e.experts, expert))
                    e.experts.push_back(expert);
    }
    return e;
}

json team_json(const std::vector<std::string>& drawn, const std::vector<std::string>& experts) {
    json team = json::array();
    for (std::size_t i = 0; i < drawn.size(); ++i)
        team.push_back({{"inspector_id", drawn[i]}, {"role", i == 0 ? "leader" : "member"}});
    for (const std::string& x : experts)
        team.push_back({{"inspector_id", x}, {"role", "expert"}});
    return team;
}

std::vector<std::string> team_ids(const json& assignment) {
    std::vector<std::string> out;
    if (const json* team = member(assignment, "team"); team && team->is_array())
        for (const json& m : *team)
            if (auto id = string_member(m, "inspector_id"))
                out.push_back(*id);
    return out;
}

// The drawn team (leader, then members), experts left out: who a re-draw may exclude.
std::vector<std::string> drawn_ids(const json& assignment) {
    std::vector<std::string> out;
    if (const json* team = member(assignment, "team"); team && team->is_array())
        for (const json& m : *team)
            if (auto id = string_member(m, "inspector_id");
                id && string_member(m, "role") != "expert")
                out.push_back(*id);
    return out;
}

AssignmentRow row_for(const json& a, const std::string& body, std::string_view plan_id,
                      std::string_view target_id) {
    AssignmentRow row;
    row.id = string_member(a, "id").value_or("");
    row.revision = a.value("revision", 1);
    row.status = string_member(a, "status").value_or("active");
    row.body = body;
    row.plan_id = std::string(plan_id);
    row.target_id = std::string(target_id);
    row.draw_id = string_member(a, "draw_id").value_or("");
    if (const json* w = member(a, "window")) {
        row.window_from = string_member(*w, "from").value_or("");
        row.window_to = string_member(*w, "to").value_or("");
    }
    row.team = team_ids(a);
    return row;
}

/// Targets a higher level inspected in `plan.year` and found no problem at (none with one).
Result<std::set<std::string>> inspected_by_higher_level(ReferenceDataStore& reference,
                                                        InspectionStore& inspections,
                                                        PlanStore& plans, const PlanSpec& plan) {
    std::map<std::string, bool> clean; // target → every higher-level check found no problem
    auto note = [&](const std::string& target, bool no_problem) {
        auto [it, inserted] = clean.emplace(target, no_problem);
        if (!inserted)
            it->second = it->second && no_problem;
    };
    auto prior = reference.prior_checks(plan.year);
    if (!prior)
        return prior.error();
    for (const PriorCheckRow& c : *prior) {
        const UnitLevel level = c.level == "province" ? UnitLevel::province
                                : c.level == "branch" ? UnitLevel::branch
                                                      : UnitLevel::city;
        if (level > plan.level)
            note(c.target_id, c.outcome == "no_problem");
    }
    auto accepted = inspections.inspections();
    if (!accepted)
        return accepted.error();
    std::set<std::string> superseded;
    for (const InspectionRow& r : *accepted)
        if (r.supersedes)
            superseded.insert(*r.supersedes);
    std::map<std::string, std::optional<UnitLevel>> plan_levels;
    for (const InspectionRow& r : *accepted) {
        if (superseded.contains(r.id) || !r.inspection_day.starts_with(std::to_string(plan.year)))
            continue;
        auto assignment = plans.find_assignment(r.assignment_id);
        if (!assignment)
            return assignment.error();
        if (!*assignment)
            continue;
        const std::string& plan_id = (*assignment)->plan_id;
        if (!plan_levels.contains(plan_id)) {
            auto row = plans.find_plan(plan_id);
            if (!row)
                return row.error();
            std::optional<UnitLevel> level;
            if (*row)
                if (auto spec = PlanSpec::decode(json::parse((*row)->body, nullptr, false)))
                    level = spec->level;
            plan_levels[plan_id] = level;
        }
        const auto level = plan_levels[plan_id];
        if (level && *level > plan.level)
            note(r.target_id, r.outcome == "no_problem");
    }
    std::set<std::string> out;
    for (const auto& [target, no_problem] : clean)
        if (no_problem)
            out.insert(target);
    return out;
}

bool windows_overlap(const AssignmentRow& a, const PlanSpec& plan) {
    return a.window_from <= plan.window_to.to_string() &&
           plan.window_from.to_string() <= a.window_to;
}

} // namespace

Result<DrawRecord> DrawService::freeze_lists(const PlanSpec& plan) {
    auto dir = load_directory(reference_);
    if (!dir)
        return dir.error();
    FI_TRY(mark_violators(*dir, inspections_, reference_, plan.year));
    std::set<std::string> excluded_targets;
    if (plan.exclude_inspected_by_higher_level) {
        auto x = inspected_by_higher_level(reference_, inspections_, plans_, plan);
        if (!x)
            return x.error();
        excluded_targets = std::move(*x);
    }

    DrawRecord draw;
    draw.id = plan.draw_id;
    draw.plan_id = plan.id;
    draw.algorithm = std::string(draw_algorithm_v2);
    draw.team_size = plan.team_size;

    std::int64_t staff = 0;
    for (const auto& [id, inspector] : dir->roster)
        if (inspector.unit == plan.unit && !inspector.third_party)
            ++staff;
    if (plan.staff)
        staff = *plan.staff;

    // The year so far: each unit's draws per stratum (for k) and every target drawn (preferred
    // last), against the item list's 比例/频次 rules.
    auto ledger = QuotaLedger::load(reference_, plans_, plan.year);
    if (!ledger)
        return ledger.error();

    std::set<std::string> used; // a candidate of a stratum, or left out of one on purpose
    for (std::size_t i = 0; i < plan.strata.size(); ++i) {
        const PlanStratum& s = plan.strata[i];
        std::vector<std::string> candidates;
        std::int64_t category_size = 0;
        for (const json& t : dir->targets) {
            if (!target_in_stratum(t, s.category))
                continue;
            if (!plan.districts.empty() &&
                !contains(plan.districts, string_member(t, "district").value_or("")))
                continue;
            ++category_size;
            const std::string id = *string_member(t, "id");
            if (excluded_targets.contains(id)) {
                if (std::none_of(draw.excluded.begin(), draw.excluded.end(),
                                 [&](const DrawExclusion& e) { return e.target_id == id; }))
                    draw.excluded.push_back({id, "inspected_by_higher_level"});
                continue;
            }
            if (!used.contains(id))
                candidates.push_back(id);
        }
        auto rule = ledger->rule(s.category, plan.level, i);
        if (!rule)
            return rule.error();
        const DrawQuota quota = DrawQuota::for_stratum(
            *rule, plan, category_size, staff, ledger->history(plan.unit, s.category, plan));
        auto k = quota.choose(s, i, static_cast<std::int64_t>(candidates.size()));
        if (!k)
            return k.error();
        std::sort(candidates.begin(), candidates.end());
        // Targets nobody drew this year first (原则上争取每年…全覆盖; 避免重复检查): when they
        // are enough, the others are left out (`drawn_this_year`); when not, they are all drawn
        // in a stratum of their own and the rest of k from the others. The random algorithm is
        // untouched: only the frozen lists say who can be drawn.
        std::vector<std::string> fresh;
        std::vector<std::string> again;
        for (const std::string& id : candidates)
            (ledger->drawn_this_year().contains(id) ? again : fresh).push_back(id);
        // A coverage rule's default (the upper end) draws no target a second time while the
        // lower end allows it.
        if (!s.k && rule->cover_yearly)
            *k = std::max(std::min(*k, static_cast<std::int64_t>(fresh.size())),
                          std::min(quota.min, static_cast<std::int64_t>(candidates.size())));
        if (*k == 0) {
            // Nothing to draw this time (the year is on track): the stratum is shown with k 0
            // and holds no target, so a later stratum may take them.
            draw.strata.push_back(DrawStratum{s.category, {}, 0});
            continue;
        }
        used.insert(candidates.begin(), candidates.end());
        if (static_cast<std::int64_t>(fresh.size()) >= *k) {
            for (const std::string& id : again)
                draw.excluded.push_back({id, "drawn_this_year"});
            draw.strata.push_back(DrawStratum{s.category, std::move(fresh), *k});
        } else if (fresh.empty()) {
            draw.strata.push_back(DrawStratum{s.category, std::move(again), *k});
        } else {
            const auto all_fresh = static_cast<std::int64_t>(fresh.size());
            draw.strata.push_back(DrawStratum{s.category, std::move(fresh), all_fresh});
            draw.strata.push_back(DrawStratum{s.category, std::move(again), *k - all_fresh});
        }
    }
    std::set<std::string> in_draw; // every candidate: whose conflicts the draw carries
    for (const DrawStratum& st : draw.strata)
        in_draw.insert(st.candidates.begin(), st.candidates.end());

    for (const auto& [id, inspector] : dir->roster)
        if (inspector.cert_no && !inspector.cert_no->empty() && !inspector.third_party &&
            (plan.inspector_units.empty() || contains(plan.inspector_units, inspector.unit)))
            draw.inspector_pool.push_back(id);

    auto registered = reference_.conflicts();
    if (!registered)
        return registered.error();
    using ConflictMap = std::map<std::string, std::vector<std::string>>;
    for (const ConflictMap* source :
         {&plan.conflicts, static_cast<const ConflictMap*>(&*registered)})
        for (const auto& [target, inspectors] : *source) {
            if (!in_draw.contains(target))
                continue;
            for (const std::string& inspector : inspectors)
                if (contains(draw.inspector_pool, inspector) &&
                    !contains(draw.conflicts[target], inspector))
                    draw.conflicts[target].push_back(inspector);
        }
    for (auto& [target, inspectors] : draw.conflicts) {
        std::sort(inspectors.begin(), inspectors.end());
        // Every candidate must be drawable, or the draw could fail once the seeds are known.
        if (draw.inspector_pool.size() <
            inspectors.size() + static_cast<std::size_t>(plan.team_size))
            return Error::make(api_code::invalid,
                               "Target " + target + " has " + std::to_string(inspectors.size()) +
                                   " conflicts: a team of " + std::to_string(plan.team_size) +
                                   " cannot be drawn for it from the pool of " +
                                   std::to_string(draw.inspector_pool.size()) + ".",
                               "draw.conflicts");
    }
    if (draw.inspector_pool.size() < static_cast<std::size_t>(plan.team_size))
        return Error::make(
            api_code::invalid,
            "The inspector pool holds " + std::to_string(draw.inspector_pool.size()) +
                " certified officers; a team needs " + std::to_string(plan.team_size) + ".",
            "draw.team_size");
    return draw;
}

Result<PublishedPlan> DrawService::publish_plan(const json& plan_json) {
    auto plan = PlanSpec::decode(plan_json);
    if (!plan)
        return plan.error();
    auto existing = plans_.find_plan(plan->id);
    if (!existing)
        return existing.error();
    if (*existing)
        return Error::make(api_code::invalid, "Plan " + plan->id + " is already published.", "id");
    auto plans = plans_.plans();
    if (!plans)
        return plans.error();
    for (const PlanRow& p : *plans)
        if (p.draw_id == plan->draw_id)
            return Error::make(api_code::invalid,
                               "Draw id " + plan->draw_id + " belongs to plan " + p.id + ".",
                               "draw.id");

    auto dir = load_directory(reference_);
    if (!dir)
        return dir.error();
    for (std::size_t i = 0; i < plan->strata.size(); ++i) {
        const PlanStratum& s = plan->strata[i];
        const std::string prefix = "strata[" + std::to_string(i) + "].";
        for (const std::string& id : s.item_ids) {
            const auto item = dir->catalogue.find(id);
            if (item == dir->catalogue.end())
                return Error::make(api_code::invalid,
                                   "Item " + id + " is not in the catalogue (无事项清单不检查).",
                                   prefix + "item_ids");
            if (item->second.legal_basis.empty())
                return Error::make(api_code::invalid,
                                   "Item " + id + " has no legal basis (无法律依据不检查).",
                                   prefix + "item_ids");
        }
        for (const std::string& id : s.expert_ids) {
            const auto x = dir->roster.find(id);
            if (x == dir->roster.end() || !x->second.third_party)
                return Error::make(api_code::invalid,
                                   id + " is not a third-party expert of the roster.",
                                   prefix + "expert_ids");
        }
    }

    // Interface 1.1: candidates, pool and conflicts frozen now, and hashed into the commitment
    // with the parties' seed commitments, the draw's id and the tip of the re-draw chain.
    auto frozen = freeze_lists(*plan);
    if (!frozen)
        return frozen.error();
    const std::string chain_secret = random_seed();
    auto chain = redraw_chain(chain_secret, plan->redraw_chain_length);
    if (!chain)
        return chain.error();
    PlanCommitment commitment;
    commitment.parties = plan->parties;
    commitment.strata_sha256 = *strata_sha256(frozen->strata);
    commitment.pool_sha256 = *pool_sha256(frozen->inspector_pool);
    commitment.conflicts_sha256 = *conflicts_sha256(frozen->conflicts);
    commitment.draw_id = plan->draw_id;
    commitment.team_size = plan->team_size;
    commitment.redraw_chain_tip = chain->front();
    commitment.redraw_chain_length = plan->redraw_chain_length;
    const json commitment_json = encode_plan_commitment(commitment);

    const std::string published_at = plan->published_at.value_or(china_timestamp(clock_()));
    FI_TRY(plans_.put_plan(PlanRow{plan->id, plan_json.dump(), plan->draw_id, "", "", published_at,
                                   "published", commitment_json.dump(), encode_draw(*frozen).dump(),
                                   "{}", chain_secret}));
    return PublishedPlan{plan->id, plan->draw_id, commitment_json, published_at};
}

namespace {

// A stored plan's publication as `GET /plans/{id}` gives it.
Result<PlanPublication> publication_of(const PlanRow& row) {
    const json body = json::parse(row.body, nullptr, false);
    auto spec = PlanSpec::decode(body);
    if (!spec)
        return spec.error();
    const json commitment = json::parse(row.commitment, nullptr, false);
    auto decoded = decode_plan_commitment(commitment);
    if (!decoded)
        return Error::make(api_code::internal,
                           "Plan " + row.id + " has no 1.1 commitment: " + decoded.error().message);
    PlanPublication p;
    p.id = spec->id;
    p.name = spec->name;
    p.year = spec->year;
    p.kind = spec->kind;
    p.unit = spec->unit;
    p.published_at = row.published_at;
    p.commitment = std::move(*decoded);
    p.commitment_json = commitment;
    return p;
}

} // namespace

Result<json> DrawService::plan_json(std::string_view plan_id) {
    auto row = plans_.find_plan(plan_id);
    if (!row)
        return row.error();
    if (!*row)
        return Error::make(api_code::not_found, "No plan " + std::string(plan_id) + ".");
    auto publication = publication_of(**row);
    if (!publication)
        return publication.error();
    return encode_plan_publication(*publication);
}

Result<RevealOutcome> DrawService::reveal_seed(std::string_view plan_id, std::string_view party,
                                               std::string_view seed) {
    RevealOutcome out;
    if (const Status tx = database_.transaction([&]() -> Status {
            auto row = plans_.find_plan(plan_id);
            if (!row)
                return row.error();
            if (!*row)
                return Error::make(api_code::not_found, "No plan " + std::string(plan_id) + ".",
                                   "plan");
            if ((*row)->status != "published")
                return Error::make(api_code::invalid,
                                   "Plan " + std::string(plan_id) + " was drawn already.", "plan");
            auto publication = publication_of(**row);
            if (!publication)
                return publication.error();
            const auto& parties = publication->commitment.parties;
            const auto it = std::find_if(parties.begin(), parties.end(),
                                         [&](const SeedParty& p) { return p.name == party; });
            if (it == parties.end()) {
                std::string names;
                for (const SeedParty& p : parties)
                    names += (names.empty() ? "" : ", ") + p.name;
                return Error::make(api_code::invalid,
                                   "Plan " + std::string(plan_id) + " has no seed party \"" +
                                       std::string(party) + "\"; its parties are " + names + ".",
                                   "party");
            }
            if (!is_lower_hex(seed))
                return Error::make(api_code::invalid,
                                   "A seed is 64 lower-case hexadecimal digits (32 bytes).",
                                   "seed");
            if (*seed_commitment_for(seed) != it->seed_commitment)
                return Error::make(api_code::invalid,
                                   "This seed does not match the commitment " + it->name +
                                       " handed in before publication (" + it->seed_commitment +
                                       "); the draw cannot run on it.",
                                   "seed");
            json reveals = json::parse((*row)->reveals, nullptr, false);
            if (!reveals.is_object())
                reveals = json::object();
            reveals[std::string(party)] = std::string(seed);
            PlanRow updated = **row;
            updated.reveals = reveals.dump();
            FI_TRY(plans_.put_plan(updated));
            out.revealed = reveals.size();
            out.parties = parties.size();
            for (const SeedParty& p : parties)
                if (!reveals.contains(p.name))
                    out.waiting_for.push_back(p.name);
            return {};
        });
        !tx)
        return tx.error();
    return out;
}

Result<DrawResult> DrawService::run_draw(std::string_view plan_id) {
    auto row = plans_.find_plan(plan_id);
    if (!row)
        return row.error();
    if (!*row)
        return Error::make(api_code::not_found, "No plan " + std::string(plan_id) + ".", "plan");
    if ((*row)->status != "published")
        return Error::make(api_code::invalid,
                           "Plan " + std::string(plan_id) + " was drawn already; a draw runs once.",
                           "plan");
    auto plan = PlanSpec::decode(json::parse((*row)->body, nullptr, false));
    if (!plan)
        return plan.error();
    auto publication = publication_of(**row);
    if (!publication)
        return publication.error();
    auto dir = load_directory(reference_);
    if (!dir)
        return dir.error();
    FI_TRY(mark_violators(*dir, inspections_, reference_, plan->year));

    // Every party's seed, in the commitment's order; nobody can draw without all of them.
    const json reveals = json::parse((*row)->reveals, nullptr, false);
    std::vector<std::string> seeds;
    std::vector<std::string> waiting;
    DrawRecord draw;
    for (const SeedParty& p : publication->commitment.parties) {
        const json* seed =
            reveals.is_object() && reveals.contains(p.name) ? &reveals.at(p.name) : nullptr;
        if (!seed || !seed->is_string()) {
            waiting.push_back(p.name);
            continue;
        }
        seeds.push_back(seed->get<std::string>());
        draw.parties.push_back(SeedParty{p.name, p.seed_commitment, seed->get<std::string>()});
    }
    if (!waiting.empty()) {
        std::string names;
        for (const std::string& n : waiting)
            names += (names.empty() ? "" : ", ") + n;
        return Error::make(api_code::invalid,
                           "Plan " + std::string(plan_id) + " cannot be drawn yet: " + names +
                               " has not revealed its seed (reveal-seed).",
                           "plan");
    }

    auto frozen = decode_draw(json::parse((*row)->frozen, nullptr, false));
    if (!frozen)
        return Error::make(api_code::internal, "The frozen lists of plan " + std::string(plan_id) +
                                                   " cannot be read: " + frozen.error().message);
    static_cast<DrawInput&>(draw) = static_cast<const DrawInput&>(*frozen);
    draw.seed = *combined_seed(seeds);
    draw.seed_commitment = *seed_commitment_for(draw.seed);
    draw.plan_commitment = publication->commitment_json;
    draw.published_at = (*row)->published_at;
    const auto now = clock_();
    if (const auto published = parse_rfc3339((*row)->published_at); !published || now <= *published)
        return Error::make(api_code::invalid,
                           "Plan " + std::string(plan_id) + " is published at " +
                               (*row)->published_at + "; its draw runs after that.",
                           "plan");
    draw.drawn_at = china_timestamp(now);

    auto outcome = compute_draw(draw);
    if (!outcome)
        return Error::make(api_code::invalid, outcome.error().message, outcome.error().field);
    draw.selected = outcome->selected;
    draw.teams = outcome->teams;
    if (const auto v = verify_plan_draw(*publication, draw); !v.verified())
        return Error::make(api_code::internal, "The draw does not verify: " + v.message);

    // target → the plan's stratum (by category: a stratum split at publication, targets not
    // drawn this year apart, is two strata of the draw with one category).
    std::map<std::string, std::size_t> stratum_of;
    for (const DrawStratum& ds : draw.strata)
        for (std::size_t i = 0; i < plan->strata.size(); ++i)
            if (plan->strata[i].category == ds.category)
                for (const std::string& id : ds.candidates)
                    stratum_of.emplace(id, i);

    DrawResult result;
    if (const Status tx = database_.transaction([&]() -> Status {
            FI_TRY(plans_.put_draw(DrawRow{draw.id, draw.plan_id, encode_draw(draw).dump()}));
            for (const std::string& target_id : draw.selected) {
                const json& target = *dir->target_by_id.at(target_id);
                const PlanStratum& stratum = plan->strata[stratum_of.at(target_id)];
                auto extras = extras_for(*plan, stratum, target, *dir);
                if (!extras)
                    return extras.error();

                // 对同一被检查对象开展随机抽查的，要联合开展: one visit per target and period.
                auto existing = plans_.assignments_for_target(target_id);
                if (!existing)
                    return existing.error();
                std::optional<AssignmentRow> joint;
                for (const AssignmentRow& a : *existing) {
                    if (a.status != "active" || a.plan_id == plan->id || !windows_overlap(a, *plan))
                        continue;
                    auto done = inspections_.inspections_for_assignment(a.id);
                    if (!done)
                        return done.error();
                    if (done->empty()) {
                        joint = a;
                        break;
                    }
                }
                if (joint) {
                    json a = json::parse(joint->body);
                    json& items = a["item_ids"];
                    for (const std::string& id : extras->item_ids)
                        if (std::find(items.begin(), items.end(), id) == items.end())
                            items.push_back(id);
                    json& depts = a["joint_departments"];
                    std::vector<std::string> add = extras->departments;
                    const std::string other_unit =
                        a.contains("plan") && a["plan"].is_object()
                            ? string_member(a["plan"], "unit").value_or("")
                            : std::string();
                    if (plan->unit != other_unit && plan->unit != plan->own_department)
                        add.insert(add.begin(), plan->unit);
                    for (const std::string& d : add)
                        if (std::find(depts.begin(), depts.end(), d) == depts.end())
                            depts.push_back(d);
                    json& team = a["team"];
                    const auto ids = team_ids(a);
                    for (const std::string& x : extras->experts)
                        if (!contains(ids, x))
                            team.push_back({{"inspector_id", x}, {"role", "expert"}});
                    a["revision"] = joint->revision + 1;
                    auto body = checked_assignment(a);
                    if (!body)
                        return body.error();
                    FI_TRY(plans_.put_assignment(row_for(a, *body, joint->plan_id, target_id)));
                    result.joined.push_back(joint->id);
                    continue;
                }

                auto n = plans_.next_counter("assignment:" + plan->assignment_prefix());
                if (!n)
                    return n.error();
                char number[16];
                std::snprintf(number, sizeof number, "%04lld", static_cast<long long>(*n));
                json a = {{"id", plan->assignment_prefix() + number},
                          {"revision", 1},
                          {"status", "active"},
                          {"plan", plan->assignment_plan()},
                          {"target", assignment_target(target)},
                          {"item_ids", extras->item_ids},
                          {"mode", std::string(to_string(stratum.mode))},
                          {"team", team_json(draw.teams.at(target_id), extras->experts)},
                          {"joint_departments", extras->departments},
                          {"window",
                           {{"from", plan->window_from.to_string()},
                            {"to", plan->window_to.to_string()}}},
                          {"draw_id", draw.id}};
                auto body = checked_assignment(a);
                if (!body)
                    return body.error();
                FI_TRY(plans_.put_assignment(row_for(a, *body, plan->id, target_id)));
                result.created.push_back(a["id"].get<std::string>());
            }
            PlanRow drawn = **row;
            drawn.status = "drawn";
            drawn.seed = draw.seed;
            drawn.seed_commitment = draw.seed_commitment;
            return plans_.put_plan(drawn);
        });
        !tx)
        return tx.error();
    result.draw = std::move(draw);
    return result;
}

Result<json> DrawService::draw_json(std::string_view draw_id) {
    auto row = plans_.find_draw(draw_id);
    if (!row)
        return row.error();
    if (!*row)
        return Error::make(api_code::not_found,
                           "No draw " + std::string(draw_id) + " (or it has not run yet).");
    return json::parse((*row)->body);
}

Result<json> DrawService::redraw(const Caller& caller, std::string_view assignment_id,
                                 const json& body) {
    if (!body.is_object())
        return Error::make(api_code::invalid, "The body must be a JSON object.");
    const auto reason = string_member(body, "reason");
    if (!reason || (*reason != "conflict" && *reason != "absence" && *reason != "other"))
        return Error::make(api_code::invalid, "reason must be conflict, absence or other.",
                           "reason");
    std::string note;
    if (const json* n = member(body, "note"); n && !n->is_null()) {
        if (!n->is_string())
            return Error::make(api_code::invalid, "note must be text.", "note");
        note = n->get<std::string>();
    }
    if (*reason == "other" && is_blank(note))
        return Error::make(api_code::note_required,
                           "A re-draw for another reason needs a note saying what it is.", "note");
    std::vector<std::string> exclude;
    if (const json* x = member(body, "exclude_inspector_ids"); x && !x->is_null()) {
        if (!x->is_array())
            return Error::make(api_code::invalid, "exclude_inspector_ids must be a list of ids.",
                               "exclude_inspector_ids");
        for (const json& id : *x) {
            if (!id.is_string())
                return Error::make(api_code::invalid,
                                   "exclude_inspector_ids must be a list of ids.",
                                   "exclude_inspector_ids");
            if (!contains(exclude, id.get<std::string>()))
                exclude.push_back(id.get<std::string>());
        }
    }

    std::optional<json> answer;
    if (const Status tx = database_.transaction([&]() -> Status {
            auto row = plans_.find_assignment(assignment_id);
            if (!row)
                return row.error();
            if (!*row)
                return Error::make(api_code::not_found,
                                   "No assignment " + std::string(assignment_id) + ".");
            json old = json::parse((*row)->body);
            const auto team = drawn_ids(old);
            const bool leader =
                caller.inspector_id && !team.empty() && team.front() == *caller.inspector_id;
            if (!leader)
                return Error::make(api_code::not_team_leader, "Only the team leader of " +
                                                                  (*row)->id +
                                                                  " can ask for a re-draw.");
            if ((*row)->status == "revoked")
                return Error::make(api_code::revoked,
                                   (*row)->id + " is revoked already; use the assignment that "
                                                "replaced it.");
            auto done = inspections_.inspections_for_assignment((*row)->id);
            if (!done)
                return done.error();
            if (!done->empty())
                return Error::make(api_code::already_inspected,
                                   (*row)->id + " was inspected; its team can no longer change.");
            // A leader may only exclude drawn members of this team: naming anyone else would
            // narrow the pool towards a team of the leader's choosing.
            for (const std::string& id : exclude)
                if (!contains(team, id))
                    return Error::make(api_code::exclude_not_on_team,
                                       id + " is not a drawn member of the team of " + (*row)->id +
                                           "; only its drawn members can be excluded.",
                                       "exclude_inspector_ids");

            auto plan_row = plans_.find_plan((*row)->plan_id);
            if (!plan_row)
                return plan_row.error();
            if (!*plan_row)
                return Error::make(api_code::internal, "The assignment's plan is missing.");
            auto publication = publication_of(**plan_row);
            if (!publication)
                return publication.error();
            const PlanCommitment& commitment = publication->commitment;
            auto plan_draw_row = plans_.find_draw(commitment.draw_id);
            if (!plan_draw_row)
                return plan_draw_row.error();
            if (!*plan_draw_row)
                return Error::make(api_code::internal, "The plan's draw is missing.");
            auto plan_draw = decode_draw(json::parse((*plan_draw_row)->body));
            if (!plan_draw)
                return plan_draw.error();

            // The next link of the chain the plan committed to: the k-th accepted re-draw.
            auto log_rows = plans_.redraw_log((*row)->plan_id);
            if (!log_rows)
                return log_rows.error();
            std::vector<RedrawLogEntry> log;
            for (const RedrawLogRow& r : *log_rows) {
                auto entry = decode_redraw_log_entry(json::parse(r.body, nullptr, false));
                if (!entry)
                    return entry.error();
                log.push_back(std::move(*entry));
            }
            const auto k = static_cast<std::int64_t>(log.size()) + 1;
            if (k > commitment.redraw_chain_length)
                return Error::make(api_code::redraw_chain_exhausted,
                                   "Plan " + (*row)->plan_id + " has used all " +
                                       std::to_string(commitment.redraw_chain_length) +
                                       " re-draws its chain allows.");
            auto chain = redraw_chain((*plan_row)->chain_secret, commitment.redraw_chain_length);
            if (!chain)
                return chain.error();

            const std::string target = (*row)->target_id;
            std::string prefix = (*row)->id.substr(0, (*row)->id.rfind('-') + 1);
            auto number = plans_.next_counter("assignment:" + prefix);
            if (!number)
                return number.error();
            char digits[16];
            std::snprintf(digits, sizeof digits, "%04lld", static_cast<long long>(*number));
            const std::string now = china_timestamp(clock_());

            RedrawLogEntry entry;
            entry.index = k;
            entry.assignment_id = (*row)->id;
            entry.revision = (*row)->revision + 1;
            entry.new_assignment_id = prefix + digits;
            entry.target_id = target;
            entry.draw_id = redraw_draw_id(commitment.draw_id, k);
            entry.reason = *reason;
            entry.note = note;
            entry.excluded = exclude;
            entry.by = *caller.inspector_id;
            entry.at = now;
            entry.link = (*chain)[static_cast<std::size_t>(k)];

            auto input = redraw_input(*plan_draw, log, entry);
            if (!input)
                return Error::make(api_code::internal, input.error().message);
            DrawRecord draw;
            static_cast<DrawInput&>(draw) = std::move(*input);
            auto outcome = compute_draw(draw);
            if (!outcome)
                return Error::make(
                    api_code::no_eligible_team,
                    "No team can be drawn for " + target +
                        " without the excluded inspectors: " + outcome.error().message,
                    "exclude_inspector_ids");
            draw.selected = outcome->selected;
            draw.teams = outcome->teams;
            draw.redraw_index = k;
            draw.redraw_link = entry.link;
            draw.plan_commitment = publication->commitment_json;
            draw.published_at = publication->published_at;
            draw.drawn_at = now;
            const json draw_body = encode_draw(draw);
            FI_TRY(plans_.put_draw(DrawRow{draw.id, draw.plan_id, draw_body.dump()}));
            FI_TRY(plans_.append_redraw(
                RedrawLogRow{(*row)->plan_id, k, entry.by, encode_redraw_log_entry(entry).dump()}));
            if (*reason == "conflict") // joins the target's register for later plans
                for (const std::string& id : exclude)
                    FI_TRY(reference_.add_conflict(target, id, "re-draw " + draw.id + ": " + note));

            // The new assignment: the same visit with the new team; experts stay (not drawn).
            std::vector<std::string> experts;
            for (const json& m : old["team"])
                if (string_member(m, "role") == "expert")
                    experts.push_back(*string_member(m, "inspector_id"));
            json fresh = old;
            fresh["id"] = entry.new_assignment_id;
            fresh["revision"] = 1;
            fresh["status"] = "active";
            fresh["team"] = team_json(draw.teams.at(target), experts);
            fresh["draw_id"] = draw.id;
            auto fresh_body = checked_assignment(fresh);
            if (!fresh_body)
                return fresh_body.error();

            json revoked = old;
            revoked["revision"] = entry.revision;
            revoked["status"] = "revoked";
            auto revoked_body = checked_assignment(revoked);
            if (!revoked_body)
                return revoked_body.error();
            // The old team keeps receiving the revoked revision; the new team the new one.
            AssignmentRow revoked_row = row_for(revoked, *revoked_body, (*row)->plan_id, target);
            revoked_row.team = (*row)->team;
            FI_TRY(plans_.put_assignment(revoked_row));
            FI_TRY(plans_.put_assignment(row_for(fresh, *fresh_body, (*row)->plan_id, target)));
            answer = json{{"revoked", json::parse(*revoked_body)},
                          {"assignment", json::parse(*fresh_body)},
                          {"draw", draw_body}};
            return {};
        });
        !tx)
        return tx.error();
    return *answer;
}

} // namespace fi::server
