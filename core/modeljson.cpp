#include "core/modeljson.h"

#include "core/date.h"
#include "core/enumnames.h"
#include "core/text.h"

#include <array>
#include <cstdint>
#include <limits>
#include <set>
#include <utility>

namespace fi {

using json = nlohmann::json;

// ---------------------------------------------------------------------------------------------
// Enums

namespace {

constexpr EnumNames<CheckpointKind, 4> checkpoint_kinds{{{
    {CheckpointKind::pass_fail, "pass_fail"},
    {CheckpointKind::number, "number"},
    {CheckpointKind::text, "text"},
    {CheckpointKind::choice, "choice"},
}}};
constexpr EnumNames<TargetCategory, 3> target_categories{{{
    {TargetCategory::key, "key"},
    {TargetCategory::general, "general"},
    {TargetCategory::special, "special"},
}}};
constexpr EnumNames<TeamRole, 3> team_roles{{{
    {TeamRole::leader, "leader"},
    {TeamRole::member, "member"},
    {TeamRole::expert, "expert"},
}}};
constexpr EnumNames<AssignmentStatus, 2> assignment_statuses{{{
    {AssignmentStatus::active, "active"},
    {AssignmentStatus::revoked, "revoked"},
}}};
constexpr EnumNames<InspectionMode, 2> inspection_modes{{{
    {InspectionMode::onsite, "onsite"},
    {InspectionMode::offsite, "offsite"},
}}};
constexpr EnumNames<Outcome, 3> outcomes{{{
    {Outcome::no_problem, "no_problem"},
    {Outcome::rectification_ordered, "rectification_ordered"},
    {Outcome::case_opened, "case_opened"},
}}};
constexpr EnumNames<OffsiteMethod, 3> offsite_methods{{{
    {OffsiteMethod::monitoring_data, "monitoring_data"},
    {OffsiteMethod::drone, "drone"},
    {OffsiteMethod::document_review, "document_review"},
}}};
constexpr EnumNames<ConfidentialGround, 4> confidential_grounds{{{
    {ConfidentialGround::state_secret, "state_secret"},
    {ConfidentialGround::national_security, "national_security"},
    {ConfidentialGround::public_safety, "public_safety"},
    {ConfidentialGround::other_law, "other_law"},
}}};
// ClockInfo::source stays a string in the model; these are its only spellings.
constexpr std::array<std::string_view, 2> clock_sources{"server", "device"};

} // namespace

std::string_view to_string(CheckpointKind kind) {
    return checkpoint_kinds.to_string(kind);
}
std::string_view to_string(TargetCategory category) {
    return target_categories.to_string(category);
}
std::string_view to_string(TeamRole role) {
    return team_roles.to_string(role);
}
std::string_view to_string(AssignmentStatus status) {
    return assignment_statuses.to_string(status);
}
std::string_view to_string(InspectionMode mode) {
    return inspection_modes.to_string(mode);
}
std::string_view to_string(Outcome outcome) {
    return outcomes.to_string(outcome);
}
std::string_view to_string(OffsiteMethod method) {
    return offsite_methods.to_string(method);
}
std::string_view to_string(ConfidentialGround ground) {
    return confidential_grounds.to_string(ground);
}

std::optional<CheckpointKind> parse_checkpoint_kind(std::string_view text) {
    return checkpoint_kinds.parse(text);
}
std::optional<TargetCategory> parse_target_category(std::string_view text) {
    return target_categories.parse(text);
}
std::optional<TeamRole> parse_team_role(std::string_view text) {
    return team_roles.parse(text);
}
std::optional<AssignmentStatus> parse_assignment_status(std::string_view text) {
    return assignment_statuses.parse(text);
}
std::optional<InspectionMode> parse_inspection_mode(std::string_view text) {
    return inspection_modes.parse(text);
}
std::optional<Outcome> parse_outcome(std::string_view text) {
    return outcomes.parse(text);
}
std::optional<OffsiteMethod> parse_offsite_method(std::string_view text) {
    return offsite_methods.parse(text);
}
std::optional<ConfidentialGround> parse_confidential_ground(std::string_view text) {
    return confidential_grounds.parse(text);
}

// ---------------------------------------------------------------------------------------------
// Reading helpers. Every access checks the type first and uses find(), never a const
// operator[] (undefined behaviour on a missing key) nor get<>() on the wrong type (throws).

namespace {

// Evaluate a Result-yielding expression; on error return it, else move its value into lhs.
#define FI_READ(lhs, expr)                                                                         \
    do {                                                                                           \
        auto fi_read_r_ = (expr);                                                                  \
        if (!fi_read_r_.ok())                                                                      \
            return fi_read_r_.error();                                                             \
        (lhs) = std::move(fi_read_r_).value();                                                     \
    } while (false)

// Ids and enum strings quoted in messages: short, cut on a UTF-8 boundary, so hostile input
// cannot make a message unreadable.
std::string shown(std::string_view text) {
    return shorten_utf8(text, 64);
}

std::string in_quotes(std::string_view text) {
    return "\"" + shown(text) + "\"";
}

// What a value is, in words, for "must be …, not …".
std::string describe(const json& v) {
    switch (v.type()) {
    case json::value_t::null:
        return "null";
    case json::value_t::boolean:
        return v.get<bool>() ? "true" : "false";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
        return "the whole number " + v.dump();
    case json::value_t::number_float:
        return "the number " + v.dump();
    case json::value_t::string:
        return "the text " + in_quotes(v.get_ref<const std::string&>());
    case json::value_t::array:
        return "a list";
    case json::value_t::object:
        return "an object";
    case json::value_t::binary:
        return "binary data";
    case json::value_t::discarded:
        break;
    }
    return "nothing";
}

// Where in a document we are: the subject of the message ("catalogue item ODS-15"), the part
// of it being read ("checkpoint ODS-15-4", empty at the top) and its path for Error::field
// ("checkpoints[3]").
struct Scope {
    std::string subject;
    std::string part;
    std::string path;

    std::string field(std::string_view key) const {
        if (path.empty())
            return std::string(key);
        if (key.empty())
            return path;
        return key.front() == '[' ? path + std::string(key) : path + "." + std::string(key);
    }
    // `"kind"` or `"kind" of checkpoint ODS-15-4`.
    std::string name(std::string_view key) const {
        std::string n = "\"" + std::string(key) + "\"";
        if (!part.empty())
            n += " of " + part;
        return n;
    }
    Error fail(std::string_view key, std::string_view what) const {
        return Error::make(model_json_invalid, subject + ": " + std::string(what), field(key));
    }
    Error fail_part(std::string_view key, std::string_view what) const {
        const std::string who = part.empty() ? std::string() : part + " ";
        return fail(key, who + std::string(what));
    }
    Scope child(std::string child_part, std::string_view key) const {
        return Scope{subject, std::move(child_part), field(key)};
    }
};

std::string index_key(std::string_view key, std::size_t i) {
    return std::string(key) + "[" + std::to_string(i) + "]";
}

const json* find(const json& obj, std::string_view key) {
    if (!obj.is_object())
        return nullptr;
    const auto it = obj.find(std::string(key));
    return it == obj.end() ? nullptr : &*it;
}

Result<const json*> need(const json& obj, const Scope& s, std::string_view key) {
    const json* v = find(obj, key);
    if (v == nullptr)
        return s.fail(key, s.name(key) + " is missing");
    return v;
}

// Absent and null read the same for optional members.
const json* optional_member(const json& obj, std::string_view key) {
    const json* v = find(obj, key);
    return (v == nullptr || v->is_null()) ? nullptr : v;
}

Result<std::string> as_string(const json& v, const Scope& s, std::string_view key) {
    if (!v.is_string())
        return s.fail(key, s.name(key) + " must be text, not " + describe(v));
    return v.get<std::string>();
}

Result<std::string> req_string(const json& obj, const Scope& s, std::string_view key) {
    const json* v = nullptr;
    FI_READ(v, need(obj, s, key));
    return as_string(*v, s, key);
}

// Ids identify things across documents: present, text, not empty.
Result<std::string> req_id(const json& obj, const Scope& s, std::string_view key) {
    std::string id;
    FI_READ(id, req_string(obj, s, key));
    if (id.empty())
        return s.fail(key, s.name(key) + " is empty");
    return id;
}

Result<std::string> opt_string(const json& obj, const Scope& s, std::string_view key) {
    const json* v = optional_member(obj, key);
    if (v == nullptr)
        return std::string();
    return as_string(*v, s, key);
}

Result<std::optional<std::string>> nullable_string(const json& obj, const Scope& s,
                                                   std::string_view key) {
    const json* v = optional_member(obj, key);
    if (v == nullptr)
        return std::optional<std::string>();
    std::string text;
    FI_READ(text, as_string(*v, s, key));
    return std::optional<std::string>(std::move(text));
}

Result<bool> req_bool(const json& obj, const Scope& s, std::string_view key) {
    const json* v = nullptr;
    FI_READ(v, need(obj, s, key));
    if (!v->is_boolean())
        return s.fail(key, s.name(key) + " must be true or false, not " + describe(*v));
    return v->get<bool>();
}

Result<bool> opt_bool(const json& obj, const Scope& s, std::string_view key, bool fallback) {
    const json* v = optional_member(obj, key);
    if (v == nullptr)
        return fallback;
    if (!v->is_boolean())
        return s.fail(key, s.name(key) + " must be true or false, not " + describe(*v));
    return v->get<bool>();
}

// JSON integers only: a fraction (even 3.0, which the interface never sends) or a number
// beyond 64 bits is refused rather than rounded.
Result<std::int64_t> as_int(const json& v, const Scope& s, std::string_view key, std::int64_t lo,
                            std::int64_t hi) {
    std::int64_t n = 0;
    if (v.is_number_unsigned()) {
        const auto u = v.get<std::uint64_t>();
        if (u > static_cast<std::uint64_t>(hi))
            return s.fail(key, s.name(key) + " is out of range: " + v.dump() + " is more than " +
                                   std::to_string(hi));
        n = static_cast<std::int64_t>(u);
    } else if (v.is_number_integer()) {
        n = v.get<std::int64_t>();
    } else {
        return s.fail(key, s.name(key) + " must be a whole number, not " + describe(v));
    }
    if (n < lo || n > hi)
        return s.fail(key, s.name(key) + " is out of range: " + std::to_string(n) +
                               " is not between " + std::to_string(lo) + " and " +
                               std::to_string(hi));
    return n;
}

Result<std::int64_t> req_int(const json& obj, const Scope& s, std::string_view key,
                             std::int64_t lo = std::numeric_limits<std::int64_t>::min(),
                             std::int64_t hi = std::numeric_limits<std::int64_t>::max()) {
    const json* v = nullptr;
    FI_READ(v, need(obj, s, key));
    return as_int(*v, s, key, lo, hi);
}

Result<int> req_small_int(const json& obj, const Scope& s, std::string_view key, int lo, int hi) {
    std::int64_t n = 0;
    FI_READ(n, req_int(obj, s, key, lo, hi));
    return static_cast<int>(n);
}

Result<const json*> req_kind(const json& obj, const Scope& s, std::string_view key,
                             bool want_object) {
    const json* v = nullptr;
    FI_READ(v, need(obj, s, key));
    if (want_object ? !v->is_object() : !v->is_array())
        return s.fail(key, s.name(key) + (want_object ? " must be an object" : " must be a list") +
                               ", not " + describe(*v));
    return v;
}

Result<const json*> req_object(const json& obj, const Scope& s, std::string_view key) {
    return req_kind(obj, s, key, true);
}
Result<const json*> req_array(const json& obj, const Scope& s, std::string_view key) {
    return req_kind(obj, s, key, false);
}

// A list of strings; `unique` refuses repeats, `non_empty_entries` refuses "".
Result<std::vector<std::string>> as_strings(const json& list, const Scope& s, std::string_view key,
                                            bool unique, bool non_empty_entries) {
    if (!list.is_array())
        return s.fail(key, s.name(key) + " must be a list, not " + describe(list));
    std::vector<std::string> out;
    std::set<std::string, std::less<>> seen;
    out.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        const json& e = list[i];
        const std::string k = index_key(key, i);
        if (!e.is_string())
            return s.fail(k, "entry " + std::to_string(i + 1) + " of " + s.name(key) +
                                 " must be text, not " + describe(e));
        const auto& text = e.get_ref<const std::string&>();
        if (non_empty_entries && text.empty())
            return s.fail(k, "entry " + std::to_string(i + 1) + " of " + s.name(key) + " is empty");
        if (unique && !seen.insert(text).second)
            return s.fail(k, s.name(key) + " lists " + in_quotes(text) + " twice");
        out.push_back(text);
    }
    return out;
}

Result<std::vector<std::string>> req_strings(const json& obj, const Scope& s, std::string_view key,
                                             bool unique = false, bool non_empty_entries = false) {
    const json* v = nullptr;
    FI_READ(v, need(obj, s, key));
    return as_strings(*v, s, key, unique, non_empty_entries);
}

Result<std::vector<std::string>> opt_strings(const json& obj, const Scope& s, std::string_view key,
                                             bool unique = false, bool non_empty_entries = false) {
    const json* v = optional_member(obj, key);
    if (v == nullptr)
        return std::vector<std::string>();
    return as_strings(*v, s, key, unique, non_empty_entries);
}

template <class E, std::size_t N>
Result<E> as_enum(const json& v, const Scope& s, std::string_view key,
                  const EnumNames<E, N>& names) {
    if (!v.is_string())
        return s.fail(key,
                      s.name(key) + " must be one of " + names.list() + ", not " + describe(v));
    const auto& text = v.get_ref<const std::string&>();
    const auto e = names.parse(text);
    if (!e)
        return s.fail(key, s.name(key) + " is " + in_quotes(text) + ", which is not one of " +
                               names.list());
    return *e;
}

template <class E, std::size_t N>
Result<E> req_enum(const json& obj, const Scope& s, std::string_view key,
                   const EnumNames<E, N>& names) {
    const json* v = nullptr;
    FI_READ(v, need(obj, s, key));
    return as_enum(*v, s, key, names);
}

template <class E, std::size_t N>
Result<std::optional<E>> nullable_enum(const json& obj, const Scope& s, std::string_view key,
                                       const EnumNames<E, N>& names) {
    const json* v = optional_member(obj, key);
    if (v == nullptr)
        return std::optional<E>();
    E e{};
    FI_READ(e, as_enum(*v, s, key, names));
    return std::optional<E>(e);
}

Result<std::string> req_date(const json& obj, const Scope& s, std::string_view key) {
    std::string text;
    FI_READ(text, req_string(obj, s, key));
    if (!Date::parse(text).ok())
        return s.fail(key,
                      s.name(key) + " must be a date written YYYY-MM-DD, not " + in_quotes(text));
    return text;
}

Error not_an_object(std::string_view subject, const json& v) {
    return Error::make(model_json_invalid,
                       std::string(subject) + " must be an object, not " + describe(v));
}

// The subject for messages: "catalogue item ODS-15" once the id is known.
std::string subject_with_id(std::string_view what, const json& obj, std::string_view fallback) {
    const json* id = find(obj, "id");
    if (id != nullptr && id->is_string() && !id->get_ref<const std::string&>().empty())
        return std::string(what) + " " + shown(id->get_ref<const std::string&>());
    return std::string(fallback);
}

// ---------------------------------------------------------------------------------------------
// Catalogue

Result<Checkpoint> read_checkpoint(const json& c, const Scope& item, std::size_t index) {
    const std::string key = index_key("checkpoints", index);
    Scope s = item.child("checkpoint " + std::to_string(index + 1), key);
    if (!c.is_object())
        return s.fail("", s.part + " must be an object, not " + describe(c));
    Checkpoint cp;
    FI_READ(cp.id, req_id(c, s, "id"));
    s.part = "checkpoint " + shown(cp.id);
    FI_READ(cp.text, req_string(c, s, "text"));
    FI_READ(cp.kind, req_enum(c, s, "kind", checkpoint_kinds));
    FI_READ(cp.required, req_bool(c, s, "required"));
    FI_READ(cp.photo_on_fail, opt_bool(c, s, "photo_on_fail", false));
    FI_READ(cp.unit, nullable_string(c, s, "unit"));
    FI_READ(cp.choices, opt_strings(c, s, "choices", true, true));
    if (cp.kind == CheckpointKind::choice && cp.choices.empty())
        return s.fail_part("choices", "of kind \"choice\" has no choices");
    return cp;
}

Result<CatalogueItem> read_catalogue_item(const json& j, std::string_view fallback) {
    if (!j.is_object())
        return not_an_object(fallback, j);
    const Scope s{subject_with_id("catalogue item", j, fallback), "", ""};
    CatalogueItem item;
    FI_READ(item.id, req_id(j, s, "id"));
    FI_READ(item.code, req_string(j, s, "code"));
    FI_READ(item.domain, opt_string(j, s, "domain"));
    FI_READ(item.title, req_string(j, s, "title"));
    // Present, a list of text; an empty list is decoded and refused later by the rules.
    FI_READ(item.legal_basis, req_strings(j, s, "legal_basis"));
    FI_READ(item.target_type, opt_string(j, s, "target_type"));
    FI_READ(item.initiating_dept, opt_string(j, s, "initiating_dept"));
    FI_READ(item.cooperating_depts, opt_strings(j, s, "cooperating_depts"));
    FI_READ(item.responsible_office, opt_string(j, s, "responsible_office"));
    FI_READ(item.version, req_small_int(j, s, "version", 0, std::numeric_limits<int>::max()));

    const json* cps = nullptr;
    FI_READ(cps, req_array(j, s, "checkpoints"));
    if (cps->empty())
        return s.fail("checkpoints", "has no checkpoints, so there is nothing to inspect");
    std::set<std::string, std::less<>> ids;
    for (std::size_t i = 0; i < cps->size(); ++i) {
        Checkpoint cp;
        FI_READ(cp, read_checkpoint((*cps)[i], s, i));
        if (!ids.insert(cp.id).second)
            return s.fail(index_key("checkpoints", i) + ".id",
                          "checkpoint id " + shown(cp.id) + " appears twice");
        item.checkpoints.push_back(std::move(cp));
    }
    return item;
}

// ---------------------------------------------------------------------------------------------
// Roster

Result<Inspector> read_inspector(const json& j, std::string_view fallback) {
    if (!j.is_object())
        return not_an_object(fallback, j);
    const Scope s{subject_with_id("inspector", j, fallback), "", ""};
    Inspector in;
    FI_READ(in.id, req_id(j, s, "id"));
    FI_READ(in.name, req_string(j, s, "name"));
    FI_READ(in.unit, opt_string(j, s, "unit"));
    FI_READ(in.cert_no, nullable_string(j, s, "cert_no"));
    FI_READ(in.position, opt_string(j, s, "position"));
    FI_READ(in.expertise, opt_strings(j, s, "expertise"));
    // Required: whether someone counts as a certified officer must never rest on a default.
    FI_READ(in.third_party, req_bool(j, s, "third_party"));
    return in;
}

// ---------------------------------------------------------------------------------------------
// Assignments

Result<Plan> read_plan(const json& j, const Scope& parent) {
    const Scope s = parent.child("the plan", "plan");
    Plan p;
    FI_READ(p.id, req_id(j, s, "id"));
    FI_READ(p.name, req_string(j, s, "name"));
    FI_READ(p.year, req_small_int(j, s, "year", 1, 9999));
    // Not an enum: complaint-driven and other plans may carry kinds of their own.
    FI_READ(p.kind, req_string(j, s, "kind"));
    FI_READ(p.unit, opt_string(j, s, "unit"));
    return p;
}

Result<Target> read_target(const json& j, const Scope& parent) {
    Scope s = parent.child("the target", "target");
    Target t;
    FI_READ(t.id, req_id(j, s, "id"));
    s.part = "target " + shown(t.id);
    FI_READ(t.name, req_string(j, s, "name"));
    FI_READ(t.credit_code, opt_string(j, s, "credit_code"));
    FI_READ(t.address, opt_string(j, s, "address"));
    FI_READ(t.legal_rep, opt_string(j, s, "legal_rep"));
    FI_READ(t.district, opt_string(j, s, "district"));
    FI_READ(t.category, req_enum(j, s, "category", target_categories));
    if (const json* tags = optional_member(j, "tags")) {
        if (!tags->is_object())
            return s.fail("tags", s.name("tags") + " must be an object, not " + describe(*tags));
        const Scope ts = s.child("the tags of target " + shown(t.id), "tags");
        FI_READ(t.tags.permit_class, opt_string(*tags, ts, "permit_class"));
        FI_READ(t.tags.supervision_type, opt_string(*tags, ts, "supervision_type"));
        FI_READ(t.tags.pollutants, opt_strings(*tags, ts, "pollutants"));
        FI_READ(t.tags.weather_grade, nullable_string(*tags, ts, "weather_grade"));
        FI_READ(t.tags.credit_rating, nullable_string(*tags, ts, "credit_rating"));
    }
    if (const json* pos = optional_member(j, "position")) {
        if (!pos->is_object())
            return s.fail("position",
                          s.name("position") + " must be an object or null, not " + describe(*pos));
        const Scope ps = s.child("the position of target " + shown(t.id), "position");
        Position p;
        FI_READ(p.lat_e6, req_int(*pos, ps, "lat_e6", -90'000'000, 90'000'000));
        FI_READ(p.lon_e6, req_int(*pos, ps, "lon_e6", -180'000'000, 180'000'000));
        t.position = p;
    }
    return t;
}

Result<std::vector<TeamMember>> read_team(const json& j, const Scope& s) {
    const json* list = nullptr;
    FI_READ(list, req_array(j, s, "team"));
    std::vector<TeamMember> team;
    std::set<std::string, std::less<>> ids;
    int leaders = 0;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& e = (*list)[i];
        const std::string key = index_key("team", i);
        Scope ms = s.child("team entry " + std::to_string(i + 1), key);
        if (!e.is_object())
            return ms.fail("", ms.part + " must be an object, not " + describe(e));
        TeamMember m;
        FI_READ(m.inspector_id, req_id(e, ms, "inspector_id"));
        ms.part = "team member " + shown(m.inspector_id);
        FI_READ(m.role, req_enum(e, ms, "role", team_roles));
        if (!ids.insert(m.inspector_id).second)
            return s.fail(key + ".inspector_id",
                          "inspector " + shown(m.inspector_id) + " is on the team twice");
        if (m.role == TeamRole::leader && ++leaders > 1)
            return s.fail(key + ".role", "the team has more than one leader (" +
                                             shown(m.inspector_id) + " is the second)");
        team.push_back(std::move(m));
    }
    if (leaders == 0)
        return s.fail("team", "the team has no leader");
    return team;
}

Result<Assignment> read_assignment(const json& j, std::string_view fallback) {
    if (!j.is_object())
        return not_an_object(fallback, j);
    const Scope s{subject_with_id("assignment", j, fallback), "", ""};
    Assignment a;
    FI_READ(a.id, req_id(j, s, "id"));
    FI_READ(a.revision, req_small_int(j, s, "revision", 0, std::numeric_limits<int>::max()));
    FI_READ(a.status, req_enum(j, s, "status", assignment_statuses));
    if (const json* plan = optional_member(j, "plan")) {
        if (!plan->is_object())
            return s.fail("plan", "\"plan\" must be an object, not " + describe(*plan));
        FI_READ(a.plan, read_plan(*plan, s));
    }
    const json* target = nullptr;
    FI_READ(target, req_object(j, s, "target"));
    FI_READ(a.target, read_target(*target, s));
    FI_READ(a.item_ids, req_strings(j, s, "item_ids", true, true));
    FI_READ(a.mode, req_enum(j, s, "mode", inspection_modes));
    FI_READ(a.team, read_team(j, s));
    FI_READ(a.joint_departments, opt_strings(j, s, "joint_departments"));
    const json* window = nullptr;
    FI_READ(window, req_object(j, s, "window"));
    const Scope ws = s.child("the window", "window");
    FI_READ(a.window_from, req_date(*window, ws, "from"));
    FI_READ(a.window_to, req_date(*window, ws, "to"));
    if (a.window_to < a.window_from) // YYYY-MM-DD compares as text
        return ws.fail("to", "the window ends (" + a.window_to + ") before it starts (" +
                                 a.window_from + ")");
    FI_READ(a.draw_id, req_string(j, s, "draw_id"));
    return a;
}

// ---------------------------------------------------------------------------------------------
// Inspection record

Result<Location> read_location(const json& v, const Scope& s, std::string_view key) {
    if (!v.is_object())
        return s.fail(key, s.name(key) + " must be an object or null, not " + describe(v));
    const Scope ls =
        s.child(s.part.empty() ? std::string("the location") : "the location of " + s.part, key);
    Location l;
    FI_READ(l.lat_e6, req_int(v, ls, "lat_e6", -90'000'000, 90'000'000));
    FI_READ(l.lon_e6, req_int(v, ls, "lon_e6", -180'000'000, 180'000'000));
    FI_READ(l.accuracy_m, req_int(v, ls, "accuracy_m", 0));
    return l;
}

Result<std::optional<Location>> nullable_location(const json& obj, const Scope& s,
                                                  std::string_view key) {
    const json* v = optional_member(obj, key);
    if (v == nullptr)
        return std::optional<Location>();
    Location l;
    FI_READ(l, read_location(*v, s, key));
    return std::optional<Location>(l);
}

Result<ClockInfo> read_clock(const json& j, const Scope& parent) {
    const json* c = nullptr;
    FI_READ(c, req_object(j, parent, "clock"));
    const Scope s = parent.child("the clock", "clock");
    ClockInfo clock;
    FI_READ(clock.device_started_at, req_string(*c, s, "device_started_at"));
    FI_READ(clock.offset_ms, req_int(*c, s, "offset_ms"));
    FI_READ(clock.source, req_string(*c, s, "source"));
    if (clock.source != clock_sources[0] && clock.source != clock_sources[1])
        return s.fail("source", s.name("source") + " is " + in_quotes(clock.source) +
                                    ", which is not one of server or device");
    return clock;
}

Result<Answer> read_answer(const json& e, const Scope& parent, std::size_t i) {
    const std::string key = index_key("answers", i);
    const Scope s = parent.child(key, key);
    if (!e.is_object())
        return s.fail("", key + " must be an object, not " + describe(e));
    Answer a;
    FI_READ(a.item_id, req_id(e, s, "item_id"));
    FI_READ(a.checkpoint_id, req_id(e, s, "checkpoint_id"));
    const json* v = nullptr;
    FI_READ(v, need(e, s, "value"));
    if (v->is_string()) {
        a.value = v->get<std::string>();
    } else if (v->is_number_integer()) {
        std::int64_t n = 0;
        FI_READ(n, as_int(*v, s, "value", std::numeric_limits<std::int64_t>::min(),
                          std::numeric_limits<std::int64_t>::max()));
        a.value = n;
    } else {
        return s.fail("value",
                      s.name("value") + " must be text or a whole number, not " + describe(*v));
    }
    FI_READ(a.note, opt_string(e, s, "note"));
    return a;
}

Result<Finding> read_finding(const json& e, const Scope& parent, std::size_t i) {
    const std::string key = index_key("findings", i);
    const Scope s = parent.child(key, key);
    if (!e.is_object())
        return s.fail("", key + " must be an object, not " + describe(e));
    Finding f;
    FI_READ(f.id, req_id(e, s, "id"));
    FI_READ(f.item_id, req_id(e, s, "item_id"));
    FI_READ(f.checkpoint_id, req_id(e, s, "checkpoint_id"));
    FI_READ(f.description, req_string(e, s, "description"));
    FI_READ(f.photo_ids, opt_strings(e, s, "photo_ids", false, true));
    return f;
}

Result<PhotoRef> read_photo(const json& e, const Scope& parent, std::size_t i) {
    const std::string key = index_key("photos", i);
    const Scope s = parent.child(key, key);
    if (!e.is_object())
        return s.fail("", key + " must be an object, not " + describe(e));
    PhotoRef p;
    FI_READ(p.id, req_id(e, s, "id"));
    FI_READ(p.sha256, req_string(e, s, "sha256"));
    FI_READ(p.bytes, req_int(e, s, "bytes", 0));
    FI_READ(p.mime, req_string(e, s, "mime"));
    FI_READ(p.taken_at, req_string(e, s, "taken_at"));
    FI_READ(p.location, nullable_location(e, s, "location"));
    FI_READ(p.finding_id, nullable_string(e, s, "finding_id"));
    // Records kept before interface 1.1 have no source.
    FI_READ(p.source, nullable_string(e, s, "source"));
    FI_READ(p.original_taken_at, nullable_string(e, s, "original_taken_at"));
    return p;
}

// Interface 1.1: a signature, or the representative's refusal (no image, a reason).
Result<Signature> read_signature(const json& e, const Scope& parent, std::size_t i) {
    const std::string key = index_key("signatures", i);
    const Scope s = parent.child(key, key);
    if (!e.is_object())
        return s.fail("", key + " must be an object, not " + describe(e));
    Signature g;
    FI_READ(g.role, req_string(e, s, "role"));
    if (g.role != "inspector" && g.role != "representative")
        return s.fail("role", s.name("role") + " is " + in_quotes(g.role) +
                                  ", which is not one of inspector or representative");
    FI_READ(g.refused, opt_bool(e, s, "refused", false));
    if (g.refused) {
        if (g.role != "representative")
            return s.fail("refused", "only the representative can refuse to sign");
        FI_READ(g.reason, req_string(e, s, "reason"));
        return g;
    }
    if (g.role == "inspector") {
        FI_READ(g.inspector_id, req_id(e, s, "inspector_id"));
    } else {
        FI_READ(g.name, req_string(e, s, "name"));
        FI_READ(g.position, req_string(e, s, "position"));
    }
    FI_READ(g.id, req_id(e, s, "id"));
    FI_READ(g.sha256, req_string(e, s, "sha256"));
    FI_READ(g.bytes, req_int(e, s, "bytes", 0));
    FI_READ(g.mime, req_string(e, s, "mime"));
    FI_READ(g.signed_at, req_string(e, s, "signed_at"));
    return g;
}

template <class T, class F>
Result<std::vector<T>> read_list(const json& j, const Scope& s, std::string_view key, F read) {
    const json* list = nullptr;
    FI_READ(list, req_array(j, s, key));
    std::vector<T> out;
    out.reserve(list->size());
    for (std::size_t i = 0; i < list->size(); ++i) {
        T value;
        FI_READ(value, read((*list)[i], s, i));
        out.push_back(std::move(value));
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// Pages

template <class T, class Read>
Result<Page<T>> read_page(const json& j, std::string_view what, Read read) {
    const std::string subject = std::string(what) + " page";
    if (!j.is_object())
        return not_an_object(subject, j);
    const Scope s{subject, "", ""};
    Page<T> page;
    const json* items = nullptr;
    FI_READ(items, req_array(j, s, "items"));
    FI_READ(page.has_more, req_bool(j, s, "has_more"));
    FI_READ(page.next_cursor, opt_string(j, s, "next_cursor"));
    if (page.has_more && page.next_cursor.empty())
        return s.fail("next_cursor",
                      "\"has_more\" is true but there is no \"next_cursor\" to continue from");

    page.items.reserve(items->size());
    page.positions.reserve(items->size());
    for (std::size_t i = 0; i < items->size(); ++i) {
        const json& e = (*items)[i];
        const std::string position =
            std::string(what) + " at position " + std::to_string(i + 1) + " of the page";
        std::string id;
        if (const json* idv = find(e, "id"); idv != nullptr && idv->is_string())
            id = idv->get<std::string>();
        const auto reject = [&](Error error) {
            error.field = error.field.empty() ? index_key("items", i)
                                              : index_key("items", i) + "." + error.field;
            page.rejected.push_back(RejectedItem{i, id, std::move(error)});
        };

        if (const json* deleted = find(e, "deleted"); deleted != nullptr && !deleted->is_null()) {
            const Scope ds{id.empty() ? position : std::string(what) + " " + shown(id), "", ""};
            if (!deleted->is_boolean()) {
                reject(ds.fail("deleted",
                               "\"deleted\" must be true or false, not " + describe(*deleted)));
                continue;
            }
            if (deleted->get<bool>()) {
                if (id.empty())
                    reject(ds.fail("id", "is marked deleted but has no \"id\" to delete"));
                else
                    page.deleted_ids.push_back(id);
                continue;
            }
        }

        auto decoded = read(e, position);
        if (decoded.ok()) {
            page.items.push_back(std::move(decoded).value());
            page.positions.push_back(i);
        } else
            reject(decoded.error());
    }
    return page;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Public decoders

Result<CatalogueItem> decode_catalogue_item(const json& j) {
    return read_catalogue_item(j, "catalogue item");
}

Result<Inspector> decode_inspector(const json& j) {
    return read_inspector(j, "inspector");
}

Result<Assignment> decode_assignment(const json& j) {
    return read_assignment(j, "assignment");
}

Result<InspectionRecord> decode_inspection_record(const json& j) {
    if (!j.is_object())
        return not_an_object("inspection record", j);
    const Scope s{subject_with_id("inspection record", j, "inspection record"), "", ""};
    InspectionRecord r;
    FI_READ(r.id, req_id(j, s, "id"));
    FI_READ(r.assignment_id, req_id(j, s, "assignment_id"));
    FI_READ(r.assignment_revision,
            req_small_int(j, s, "assignment_revision", 0, std::numeric_limits<int>::max()));
    FI_READ(r.inspection_day, req_string(j, s, "inspection_day"));
    FI_READ(r.started_at, req_string(j, s, "started_at"));
    FI_READ(r.finished_at, req_string(j, s, "finished_at"));
    FI_READ(r.clock, read_clock(j, s));
    FI_READ(r.location, nullable_location(j, s, "location"));
    FI_READ(r.inspectors_present, req_strings(j, s, "inspectors_present", false, true));
    FI_READ(r.offsite_method, nullable_enum(j, s, "offsite_method", offsite_methods));
    FI_READ(r.supersedes, nullable_string(j, s, "supersedes"));
    FI_READ(r.correction_reason, nullable_string(j, s, "correction_reason"));
    FI_READ(r.answers, read_list<Answer>(j, s, "answers", read_answer));
    FI_READ(r.findings, read_list<Finding>(j, s, "findings", read_finding));
    FI_READ(r.outcome, nullable_enum(j, s, "outcome", outcomes));
    FI_READ(r.public_text, req_string(j, s, "public_text"));
    FI_READ(r.confidential, req_bool(j, s, "confidential"));
    FI_READ(r.confidential_reason, nullable_string(j, s, "confidential_reason"));
    if (r.confidential) // a ground that is none of the four is the rules' to refuse
        if (const json* g = optional_member(j, "confidential_ground"); g && g->is_string())
            r.confidential_ground = confidential_grounds.parse(g->get_ref<const std::string&>());
    FI_READ(r.draw_verified, req_bool(j, s, "draw_verified"));
    FI_READ(r.photos, read_list<PhotoRef>(j, s, "photos", read_photo));
    if (optional_member(j, "signatures") != nullptr) // absent in records made before 1.1
        FI_READ(r.signatures, read_list<Signature>(j, s, "signatures", read_signature));
    return r;
}

Result<Page<CatalogueItem>> decode_catalogue_page(const json& j) {
    return read_page<CatalogueItem>(j, "catalogue item", read_catalogue_item);
}
Result<Page<Inspector>> decode_inspector_page(const json& j) {
    return read_page<Inspector>(j, "inspector", read_inspector);
}
Result<Page<Assignment>> decode_assignment_page(const json& j) {
    return read_page<Assignment>(j, "assignment", read_assignment);
}

#undef FI_READ

// ---------------------------------------------------------------------------------------------
// Encoders

namespace {

template <class T> json nullable(const std::optional<T>& v) {
    return v ? json(*v) : json(nullptr);
}

json encode_location(const Location& l) {
    return json{{"lat_e6", l.lat_e6}, {"lon_e6", l.lon_e6}, {"accuracy_m", l.accuracy_m}};
}

json nullable_location_json(const std::optional<Location>& l) {
    return l ? encode_location(*l) : json(nullptr);
}

template <class E> json nullable_enum_json(const std::optional<E>& e) {
    return e ? json(std::string(to_string(*e))) : json(nullptr);
}

json strings(const std::vector<std::string>& list) {
    json out = json::array();
    for (const auto& s : list)
        out.push_back(s);
    return out;
}

} // namespace

json encode_catalogue_item(const CatalogueItem& item) {
    json cps = json::array();
    for (const auto& cp : item.checkpoints) {
        json c{{"id", cp.id},
               {"text", cp.text},
               {"kind", std::string(to_string(cp.kind))},
               {"required", cp.required},
               {"photo_on_fail", cp.photo_on_fail}};
        // Only where they mean something, as the interface's example has them.
        if (cp.unit)
            c["unit"] = *cp.unit;
        if (!cp.choices.empty())
            c["choices"] = strings(cp.choices);
        cps.push_back(std::move(c));
    }
    return json{{"id", item.id},
                {"code", item.code},
                {"domain", item.domain},
                {"title", item.title},
                {"legal_basis", strings(item.legal_basis)},
                {"target_type", item.target_type},
                {"initiating_dept", item.initiating_dept},
                {"cooperating_depts", strings(item.cooperating_depts)},
                {"responsible_office", item.responsible_office},
                {"version", item.version},
                {"checkpoints", std::move(cps)}};
}

json encode_inspector(const Inspector& in) {
    return json{{"id", in.id},
                {"name", in.name},
                {"unit", in.unit},
                {"cert_no", nullable(in.cert_no)},
                {"position", in.position},
                {"expertise", strings(in.expertise)},
                {"third_party", in.third_party}};
}

json encode_assignment(const Assignment& a) {
    json team = json::array();
    for (const auto& m : a.team)
        team.push_back(
            json{{"inspector_id", m.inspector_id}, {"role", std::string(to_string(m.role))}});
    const Target& t = a.target;
    // An assignment without a plan stays without one, so the rules still see its absence.
    json plan = a.plan.id.empty() ? json(nullptr)
                                  : json{{"id", a.plan.id},
                                         {"name", a.plan.name},
                                         {"year", a.plan.year},
                                         {"kind", a.plan.kind},
                                         {"unit", a.plan.unit}};
    json target{{"id", t.id},
                {"name", t.name},
                {"credit_code", t.credit_code},
                {"address", t.address},
                {"legal_rep", t.legal_rep},
                {"district", t.district},
                {"category", std::string(to_string(t.category))},
                {"tags", json{{"permit_class", t.tags.permit_class},
                              {"supervision_type", t.tags.supervision_type},
                              {"pollutants", strings(t.tags.pollutants)},
                              {"weather_grade", nullable(t.tags.weather_grade)},
                              {"credit_rating", nullable(t.tags.credit_rating)}}}};
    if (t.position) // only when known: an assignment stored without one encodes as it was
        target["position"] = json{{"lat_e6", t.position->lat_e6}, {"lon_e6", t.position->lon_e6}};
    return json{{"id", a.id},
                {"revision", a.revision},
                {"status", std::string(to_string(a.status))},
                {"plan", std::move(plan)},
                {"target", std::move(target)},
                {"item_ids", strings(a.item_ids)},
                {"mode", std::string(to_string(a.mode))},
                {"team", std::move(team)},
                {"joint_departments", strings(a.joint_departments)},
                {"window", json{{"from", a.window_from}, {"to", a.window_to}}},
                {"draw_id", a.draw_id}};
}

json encode_inspection_record(const InspectionRecord& r) {
    json answers = json::array();
    for (const auto& a : r.answers) {
        json value = std::holds_alternative<std::int64_t>(a.value)
                         ? json(std::get<std::int64_t>(a.value))
                         : json(std::get<std::string>(a.value));
        answers.push_back(json{{"item_id", a.item_id},
                               {"checkpoint_id", a.checkpoint_id},
                               {"value", std::move(value)},
                               {"note", a.note}});
    }
    json findings = json::array();
    for (const auto& f : r.findings)
        findings.push_back(json{{"id", f.id},
                                {"item_id", f.item_id},
                                {"checkpoint_id", f.checkpoint_id},
                                {"description", f.description},
                                {"photo_ids", strings(f.photo_ids)}});
    json photos = json::array();
    for (const auto& p : r.photos) {
        json photo{{"id", p.id},
                   {"sha256", p.sha256},
                   {"bytes", p.bytes},
                   {"mime", p.mime},
                   {"taken_at", p.taken_at},
                   {"location", nullable_location_json(p.location)},
                   {"finding_id", nullable(p.finding_id)}};
        if (p.source)
            photo["source"] = *p.source;
        if (p.source == "import") // present, null when the file told no time
            photo["original_taken_at"] = nullable(p.original_taken_at);
        photos.push_back(std::move(photo));
    }
    json record{{"id", r.id},
                {"assignment_id", r.assignment_id},
                {"assignment_revision", r.assignment_revision},
                {"inspection_day", r.inspection_day},
                {"started_at", r.started_at},
                {"finished_at", r.finished_at},
                {"clock", json{{"device_started_at", r.clock.device_started_at},
                               {"offset_ms", r.clock.offset_ms},
                               {"source", r.clock.source}}},
                {"location", nullable_location_json(r.location)},
                {"inspectors_present", strings(r.inspectors_present)},
                {"offsite_method", nullable_enum_json(r.offsite_method)},
                {"supersedes", nullable(r.supersedes)},
                {"correction_reason", nullable(r.correction_reason)},
                {"answers", std::move(answers)},
                {"findings", std::move(findings)},
                {"outcome", nullable_enum_json(r.outcome)},
                {"public_text", r.public_text},
                {"confidential", r.confidential},
                {"confidential_reason", nullable(r.confidential_reason)},
                {"draw_verified", r.draw_verified},
                {"photos", std::move(photos)}};
    if (r.confidential) // absent from a public record, so its body is as before 1.1
        record["confidential_ground"] = nullable_enum_json(r.confidential_ground);
    if (r.signatures) { // only when the record has the member: see InspectionRecord
        json signatures = json::array();
        for (const auto& g : *r.signatures) {
            json entry{{"role", g.role}};
            if (g.refused) {
                entry["refused"] = true;
                entry["reason"] = g.reason;
            } else {
                if (g.role == "inspector") {
                    entry["inspector_id"] = g.inspector_id;
                } else {
                    entry["name"] = g.name;
                    entry["position"] = g.position;
                }
                entry["id"] = g.id;
                entry["sha256"] = g.sha256;
                entry["bytes"] = g.bytes;
                entry["mime"] = g.mime;
                entry["signed_at"] = g.signed_at;
            }
            signatures.push_back(std::move(entry));
        }
        record["signatures"] = std::move(signatures);
    }
    return record;
}

// ---------------------------------------------------------------------------------------------
// Look-ups and cross-checks

CatalogueLookup lookup_in(std::span<const CatalogueItem> items) {
    return [items](std::string_view id) -> const CatalogueItem* {
        for (const auto& item : items)
            if (item.id == id)
                return &item;
        return nullptr;
    };
}

RosterLookup lookup_in(std::span<const Inspector> roster) {
    return [roster](std::string_view id) -> const Inspector* {
        for (const auto& in : roster)
            if (in.id == id)
                return &in;
        return nullptr;
    };
}

std::vector<Error> cross_check_assignment(const Assignment& assignment,
                                          const CatalogueLookup& catalogue) {
    std::vector<Error> errors;
    for (std::size_t i = 0; i < assignment.item_ids.size(); ++i) {
        const std::string& item = assignment.item_ids[i];
        if (catalogue && catalogue(item) != nullptr)
            continue;
        errors.push_back(Error::make(
            model_json_unknown_item,
            "assignment " + shown(assignment.id) + ": item " + shown(item) +
                " is not in the catalogue, so it cannot be inspected (无事项清单不检查); "
                "refresh the catalogue or ask the central system to correct the assignment",
            index_key("item_ids", i)));
    }
    return errors;
}

} // namespace fi
