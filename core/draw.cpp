#include "core/draw.h"

#include "core/fieldreader.h"
#include "core/sha256.h"

#include <algorithm>
#include <array>
#include <limits>
#include <set>
#include <utility>
#include <variant>

namespace fi {

namespace {

using json = nlohmann::json;
using SeedBytes = std::array<std::uint8_t, 32>;

const FieldReader read{"draw"};

// ---- the algorithm ----------------------------------------------------------------------------

std::optional<SeedBytes> decode_seed(std::string_view hex) {
    SeedBytes out{};
    if (!from_hex(hex, out))
        return std::nullopt;
    return out;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

/// The random stream: block i = SHA-256(seed ‖ id ‖ uint64_be(i)), read as four big-endian u64.
class Stream {
public:
    Stream(const SeedBytes& seed, std::string_view draw_id) : seed_(seed), draw_id_(draw_id) {}

    std::uint64_t next() {
        if (used_ == words_.size())
            refill();
        return words_[used_++];
    }

    std::uint64_t uniform(std::uint64_t n) {
        const std::uint64_t max_accepted = draw_max_accepted(n);
        for (;;) {
            const std::uint64_t x = next();
            if (x <= max_accepted)
                return x % n;
        }
    }

private:
    void refill() {
        std::array<std::uint8_t, 8> counter{};
        for (std::size_t b = 0; b < counter.size(); ++b)
            counter[b] = static_cast<std::uint8_t>(block_ >> (56 - 8 * b));
        const auto digest = hash_.update(seed_).update(draw_id_).update(counter).finish();
        for (std::size_t w = 0; w < words_.size(); ++w) {
            std::uint64_t v = 0;
            for (std::size_t b = 0; b < 8; ++b)
                v = (v << 8) | digest[8 * w + b];
            words_[w] = v;
        }
        ++block_;
        used_ = 0;
    }

    SeedBytes seed_;
    std::string_view draw_id_;
    Sha256 hash_;
    std::uint64_t block_ = 0;
    std::array<std::uint64_t, 4> words_{};
    std::size_t used_ = 4;
};

// Partial Fisher–Yates: the first k of `items` become the picks, in pick order.
template <class T> void pick(std::vector<T>& items, std::size_t k, Stream& stream) {
    const std::size_t n = items.size();
    for (std::size_t i = 0; i < k; ++i) {
        const std::size_t j = i + static_cast<std::size_t>(stream.uniform(n - i));
        std::swap(items[i], items[j]);
    }
    items.resize(k);
}

struct Failure {
    DrawStep step;
    std::string message;
    std::string field;
    std::string target_id;
};

DrawVerification to_verification(Failure f) {
    return DrawVerification{f.step, std::move(f.message), std::move(f.target_id), std::nullopt};
}

// Checks that need no random numbers, in the order verification reports them.
std::optional<Failure> check_inputs(const DrawInput& in, bool check_commitment) {
    if (in.algorithm != draw_algorithm_v1 && in.algorithm != draw_algorithm_v2 &&
        in.algorithm != draw_algorithm_v2_redraw)
        return Failure{DrawStep::algorithm,
                       "The draw uses algorithm \"" + in.algorithm +
                           "\", which this client cannot check (it knows " +
                           std::string(draw_algorithm_v1) + ", " + std::string(draw_algorithm_v2) +
                           " and " + std::string(draw_algorithm_v2_redraw) + ").",
                       "algorithm",
                       {}};
    const auto seed = decode_seed(in.seed);
    if (!seed)
        return Failure{DrawStep::seed, "The draw's seed is not 64 hexadecimal digits.", "seed", {}};
    if (check_commitment) {
        const std::string actual = Sha256().update(*seed).finish_hex();
        if (actual != lower(in.seed_commitment))
            return Failure{DrawStep::commitment,
                           "The seed does not match the commitment published before the draw "
                           "(SHA-256 of the seed is " +
                               actual + ", the commitment says " + in.seed_commitment + ").",
                           "seed_commitment",
                           {}};
    }
    std::set<std::string_view> targets;
    for (std::size_t s = 0; s < in.strata.size(); ++s) {
        const DrawStratum& stratum = in.strata[s];
        const std::string field = "strata[" + std::to_string(s) + "]";
        const auto n = static_cast<std::int64_t>(stratum.candidates.size());
        if (stratum.k < 0 || stratum.k > n)
            return Failure{DrawStep::strata,
                           "Stratum \"" + stratum.category +
                               "\" asks for k = " + std::to_string(stratum.k) + " targets out of " +
                               std::to_string(n) + " candidates.",
                           field + ".k",
                           {}};
        for (const std::string& c : stratum.candidates)
            if (c.empty() || !targets.insert(c).second)
                return Failure{DrawStep::strata,
                               "Target \"" + c + "\" is listed more than once (or is empty) " +
                                   "among the candidates.",
                               field + ".candidates", c};
    }
    std::set<std::string_view> inspectors;
    for (const std::string& i : in.inspector_pool)
        if (i.empty() || !inspectors.insert(i).second)
            return Failure{DrawStep::inspector_pool,
                           "Inspector \"" + i +
                               "\" is listed more than once (or is empty) in "
                               "the inspector pool.",
                           "inspector_pool",
                           {}};
    if (in.team_size < 0)
        return Failure{DrawStep::team_size,
                       "The team size " + std::to_string(in.team_size) + " is negative.",
                       "team_size",
                       {}};
    return std::nullopt;
}

std::variant<DrawOutcome, Failure> run(const DrawInput& in, bool check_commitment) {
    if (auto failure = check_inputs(in, check_commitment))
        return std::move(*failure);
    Stream stream(*decode_seed(in.seed), in.id);

    DrawOutcome out;
    for (const DrawStratum& stratum : in.strata) {
        std::vector<std::string> candidates = stratum.candidates;
        std::sort(candidates.begin(), candidates.end()); // std::string order is byte order
        pick(candidates, static_cast<std::size_t>(stratum.k), stream);
        out.selected.insert(out.selected.end(), candidates.begin(), candidates.end());
    }

    // The pool is sorted once: removing a target's conflicts keeps the order, so each team is
    // drawn from the same sorted list as before, by position (a 5,000-target draw would
    // otherwise copy and sort the pool 5,000 times).
    std::vector<std::string> sorted_pool = in.inspector_pool;
    std::sort(sorted_pool.begin(), sorted_pool.end());
    std::vector<const std::string*> pool;
    pool.reserve(sorted_pool.size());
    const auto team_size = static_cast<std::size_t>(in.team_size);
    for (const std::string& target : out.selected) {
        pool.clear();
        const auto it = in.conflicts.find(target);
        for (const std::string& inspector : sorted_pool)
            if (it == in.conflicts.end() ||
                std::find(it->second.begin(), it->second.end(), inspector) == it->second.end())
                pool.push_back(&inspector);
        if (team_size > pool.size())
            return Failure{DrawStep::team_size,
                           "A team of " + std::to_string(team_size) + " cannot be drawn for " +
                               target + ": only " + std::to_string(pool.size()) +
                               " inspectors of the pool are free of conflicts with it.",
                           "team_size", target};
        pick(pool, team_size, stream);
        std::vector<std::string> team;
        team.reserve(team_size);
        for (const std::string* inspector : pool)
            team.push_back(*inspector);
        out.teams.emplace(target, std::move(team));
    }
    return out;
}

std::string role_at(std::size_t position) {
    return position == 0 ? "leader" : "member " + std::to_string(position);
}

// First position where two lists differ, or nullopt if equal.
std::optional<std::size_t> first_difference(std::span<const std::string> a,
                                            std::span<const std::string> b) {
    const std::size_t common = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < common; ++i)
        if (a[i] != b[i])
            return i;
    if (a.size() != b.size())
        return common;
    return std::nullopt;
}

std::string at_or_none(std::span<const std::string> list, std::size_t i) {
    return i < list.size() ? "\"" + list[i] + "\"" : "nothing";
}

} // namespace

std::uint64_t draw_max_accepted(std::uint64_t n) {
    // 2^64 mod n without 2^64: (2^64 − n) mod n, and 2^64 − n is what unsigned −n is.
    const std::uint64_t rejected = (std::uint64_t{0} - n) % n;
    return std::numeric_limits<std::uint64_t>::max() - rejected;
}

std::string_view to_string(DrawStep step) {
    switch (step) {
    case DrawStep::verified:
        return "verified";
    case DrawStep::algorithm:
        return "algorithm";
    case DrawStep::seed:
        return "seed";
    case DrawStep::commitment:
        return "commitment";
    case DrawStep::strata:
        return "strata";
    case DrawStep::inspector_pool:
        return "inspector_pool";
    case DrawStep::team_size:
        return "team_size";
    case DrawStep::selected:
        return "selected";
    case DrawStep::teams:
        return "teams";
    case DrawStep::assignment_team:
        return "assignment_team";
    case DrawStep::hex_not_lower_case:
        return "hex_not_lower_case";
    case DrawStep::non_ascii_id:
        return "non_ascii_id";
    case DrawStep::plan_unknown:
        return "plan_unknown";
    case DrawStep::plan_commitment_mismatch:
        return "plan_commitment_mismatch";
    case DrawStep::draw_id_mismatch:
        return "draw_id_mismatch";
    case DrawStep::parties_mismatch:
        return "parties_mismatch";
    case DrawStep::party_seed_mismatch:
        return "party_seed_mismatch";
    case DrawStep::combined_seed_mismatch:
        return "combined_seed_mismatch";
    case DrawStep::strata_hash_mismatch:
        return "strata_hash_mismatch";
    case DrawStep::pool_hash_mismatch:
        return "pool_hash_mismatch";
    case DrawStep::conflicts_hash_mismatch:
        return "conflicts_hash_mismatch";
    case DrawStep::drawn_before_published:
        return "drawn_before_published";
    case DrawStep::link_not_on_chain:
        return "link_not_on_chain";
    case DrawStep::redraw_not_logged:
        return "redraw_not_logged";
    case DrawStep::redraw_seed_mismatch:
        return "redraw_seed_mismatch";
    case DrawStep::redraw_category_mismatch:
        return "redraw_category_mismatch";
    case DrawStep::redraw_conflicts_mismatch:
        return "redraw_conflicts_mismatch";
    case DrawStep::exclude_not_on_team:
        return "exclude_not_on_team";
    case DrawStep::assignment_mismatch:
        return "assignment_mismatch";
    }
    return "unknown";
}

Result<std::vector<SeedParty>> decode_seed_parties(const json& list, const std::string& field,
                                                   std::string what) {
    const FieldReader reader(std::move(what));
    if (!list.is_array())
        return reader.invalid(field, "must be a list");
    std::vector<SeedParty> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const json& x = list[i];
        const std::string prefix = field + "[" + std::to_string(i) + "].";
        if (!x.is_object())
            return reader.invalid(prefix.substr(0, prefix.size() - 1), "must be an object");
        SeedParty party;
        auto name = reader.string_member(x, "name", prefix);
        if (!name)
            return name.error();
        auto commitment = reader.string_member(x, "seed_commitment", prefix);
        if (!commitment)
            return commitment.error();
        party.name = std::move(*name);
        party.seed_commitment = std::move(*commitment);
        if (const json* seed = FieldReader::optional_member(x, "seed")) {
            auto text = reader.string(*seed, prefix + "seed");
            if (!text)
                return text.error();
            party.seed = std::move(*text);
        }
        out.push_back(std::move(party));
    }
    return out;
}

json encode_seed_parties(std::span<const SeedParty> parties) {
    json out = json::array();
    for (const SeedParty& p : parties) {
        json party = {{"name", p.name}, {"seed_commitment", p.seed_commitment}};
        if (p.seed)
            party["seed"] = *p.seed;
        out.push_back(std::move(party));
    }
    return out;
}

Result<DrawRecord> decode_draw(const json& j) {
    if (!j.is_object())
        return read.invalid("", "a draw must be a JSON object");
    DrawRecord d;
    const auto take_string = [&](const char* name, std::string& into) -> Status {
        auto s = read.string_member(j, name);
        if (!s)
            return s.error();
        into = std::move(*s);
        return {};
    };
    FI_TRY(take_string("id", d.id));
    FI_TRY(take_string("plan_id", d.plan_id));
    FI_TRY(take_string("algorithm", d.algorithm));
    FI_TRY(take_string("seed", d.seed));
    FI_TRY(take_string("seed_commitment", d.seed_commitment));

    for (const char* name : {"published_at", "drawn_at"})
        if (const json* v = FieldReader::optional_member(j, name)) {
            auto s = read.string(*v, name);
            if (!s)
                return s.error();
            (std::string_view(name) == "published_at" ? d.published_at : d.drawn_at) =
                std::move(*s);
        }

    auto strata = read.member(j, "strata", {});
    if (!strata)
        return strata.error();
    if (!(*strata)->is_array())
        return read.invalid("strata", "must be a list");
    for (std::size_t i = 0; i < (*strata)->size(); ++i) {
        const json& s = (**strata)[i];
        const std::string prefix = "strata[" + std::to_string(i) + "].";
        if (!s.is_object())
            return read.invalid(prefix.substr(0, prefix.size() - 1), "must be an object");
        DrawStratum stratum;
        auto category = read.string_member(s, "category", prefix);
        if (!category)
            return category.error();
        stratum.category = std::move(*category);
        auto candidates = read.member(s, "candidates", prefix);
        if (!candidates)
            return candidates.error();
        auto list = read.string_list(**candidates, prefix + "candidates");
        if (!list)
            return list.error();
        stratum.candidates = std::move(*list);
        auto k = read.member(s, "k", prefix);
        if (!k)
            return k.error();
        auto kv = read.integer(**k, prefix + "k");
        if (!kv)
            return kv.error();
        stratum.k = *kv;
        d.strata.push_back(std::move(stratum));
    }

    for (const char* name : {"selected", "inspector_pool"}) {
        auto m = read.member(j, name, {});
        if (!m)
            return m.error();
        auto list = read.string_list(**m, name);
        if (!list)
            return list.error();
        (std::string_view(name) == "selected" ? d.selected : d.inspector_pool) = std::move(*list);
    }

    auto team_size = read.member(j, "team_size", {});
    if (!team_size)
        return team_size.error();
    auto ts = read.integer(**team_size, "team_size");
    if (!ts)
        return ts.error();
    d.team_size = *ts;

    if (const json* c = FieldReader::optional_member(j, "conflicts")) {
        auto conflicts = read.list_map(*c, "conflicts");
        if (!conflicts)
            return conflicts.error();
        d.conflicts = std::move(*conflicts);
    }

    auto teams = read.member(j, "teams", {});
    if (!teams)
        return teams.error();
    auto tm = read.list_map(**teams, "teams");
    if (!tm)
        return tm.error();
    d.teams = std::move(*tm);

    if (const json* c = FieldReader::optional_member(j, "plan_commitment")) {
        if (!c->is_object())
            return read.invalid("plan_commitment", "must be an object");
        d.plan_commitment = *c;
    }
    if (const json* p = FieldReader::optional_member(j, "parties")) {
        auto parties = decode_seed_parties(*p, "parties", "draw");
        if (!parties)
            return parties.error();
        d.parties = std::move(*parties);
    }
    if (const json* k = FieldReader::optional_member(j, "redraw_index")) {
        auto index = read.integer(*k, "redraw_index");
        if (!index)
            return index.error();
        d.redraw_index = *index;
    }
    if (const json* l = FieldReader::optional_member(j, "redraw_link")) {
        auto link = read.string(*l, "redraw_link");
        if (!link)
            return link.error();
        d.redraw_link = std::move(*link);
    }

    if (const json* e = FieldReader::optional_member(j, "excluded")) {
        if (!e->is_array())
            return read.invalid("excluded", "must be a list");
        for (std::size_t i = 0; i < e->size(); ++i) {
            const json& x = (*e)[i];
            const std::string prefix = "excluded[" + std::to_string(i) + "].";
            if (!x.is_object())
                return read.invalid(prefix.substr(0, prefix.size() - 1), "must be an object");
            DrawExclusion exclusion;
            auto target = read.string_member(x, "target_id", prefix);
            if (!target)
                return target.error();
            auto reason = read.string_member(x, "reason", prefix);
            if (!reason)
                return reason.error();
            exclusion.target_id = std::move(*target);
            exclusion.reason = std::move(*reason);
            d.excluded.push_back(std::move(exclusion));
        }
    }
    return d;
}

json encode_draw(const DrawRecord& d) {
    json strata = json::array();
    for (const DrawStratum& s : d.strata)
        strata.push_back({{"category", s.category}, {"candidates", s.candidates}, {"k", s.k}});
    json excluded = json::array();
    for (const DrawExclusion& e : d.excluded)
        excluded.push_back({{"target_id", e.target_id}, {"reason", e.reason}});
    json out = {{"id", d.id},
                {"plan_id", d.plan_id},
                {"algorithm", d.algorithm},
                {"seed", d.seed},
                {"seed_commitment", d.seed_commitment},
                {"strata", std::move(strata)},
                {"selected", d.selected},
                {"inspector_pool", d.inspector_pool},
                {"team_size", d.team_size},
                {"conflicts", json::object()},
                {"excluded", std::move(excluded)},
                {"teams", json::object()}};
    for (const auto& [target, inspectors] : d.conflicts)
        out["conflicts"][target] = inspectors;
    for (const auto& [target, team] : d.teams)
        out["teams"][target] = team;
    if (d.published_at)
        out["published_at"] = *d.published_at;
    if (d.drawn_at)
        out["drawn_at"] = *d.drawn_at;
    if (d.plan_commitment)
        out["plan_commitment"] = *d.plan_commitment;
    if (!d.parties.empty())
        out["parties"] = encode_seed_parties(d.parties);
    if (d.redraw_index)
        out["redraw_index"] = *d.redraw_index;
    if (d.redraw_link)
        out["redraw_link"] = *d.redraw_link;
    return out;
}

Result<std::string> seed_commitment_for(std::string_view seed_hex) {
    const auto seed = decode_seed(seed_hex);
    if (!seed)
        return Error::make("invalid_draw", "The seed is not 64 hexadecimal digits.", "seed");
    return Sha256().update(*seed).finish_hex();
}

Result<DrawOutcome> compute_draw(const DrawInput& input) {
    auto result = run(input, /*check_commitment=*/false);
    if (auto* failure = std::get_if<Failure>(&result))
        return Error::make("invalid_draw", failure->message, failure->field);
    return std::get<DrawOutcome>(std::move(result));
}

DrawVerification verify_draw(const DrawRecord& draw) {
    if (draw.algorithm == draw_algorithm_v2 || draw.algorithm == draw_algorithm_v2_redraw)
        return DrawVerification{DrawStep::plan_unknown,
                                "Draw " + draw.id + " (" + draw.algorithm +
                                    ") can only be checked against its plan's published "
                                    "commitment, which this device does not hold.",
                                {},
                                std::nullopt};
    return verify_recomputation(draw, /*check_commitment=*/true);
}

DrawVerification verify_recomputation(const DrawRecord& draw, bool check_commitment) {
    auto result = run(draw, check_commitment);
    if (auto* failure = std::get_if<Failure>(&result))
        return to_verification(std::move(*failure));
    const DrawOutcome& expected = std::get<DrawOutcome>(result);

    if (const auto pos = first_difference(draw.selected, expected.selected)) {
        DrawVerification v{DrawStep::selected, {}, {}, pos};
        v.message = "The selected targets differ from the recomputed draw at position " +
                    std::to_string(*pos + 1) + ": the draw lists " +
                    at_or_none(draw.selected, *pos) + ", recomputation gives " +
                    at_or_none(expected.selected, *pos) + ".";
        v.target_id = *pos < draw.selected.size() ? draw.selected[*pos] : expected.selected[*pos];
        return v;
    }

    for (const std::string& target : expected.selected) {
        const auto& want = expected.teams.at(target);
        const auto it = draw.teams.find(target);
        if (it == draw.teams.end())
            return DrawVerification{DrawStep::teams,
                                    "The draw gives no team for target " + target + ".", target,
                                    std::nullopt};
        if (const auto pos = first_difference(it->second, want))
            return DrawVerification{DrawStep::teams,
                                    "The team of target " + target +
                                        " differs from the recomputed draw at " + role_at(*pos) +
                                        ": the draw lists " + at_or_none(it->second, *pos) +
                                        ", recomputation gives " + at_or_none(want, *pos) + ".",
                                    target, pos};
    }
    for (const auto& entry : draw.teams)
        if (!expected.teams.contains(entry.first))
            return DrawVerification{DrawStep::teams,
                                    "The draw gives a team for target " + entry.first +
                                        ", which was not drawn.",
                                    entry.first, std::nullopt};
    return DrawVerification{};
}

DrawVerification verify_assignment_team(const DrawRecord& draw, std::string_view target_id,
                                        std::span<const std::string> team) {
    return verify_assignment_team(draw, verify_draw(draw), target_id, team);
}

DrawVerification verify_assignment_team(const DrawRecord& draw,
                                        const DrawVerification& draw_verification,
                                        std::string_view target_id,
                                        std::span<const std::string> team) {
    if (!draw_verification.verified())
        return draw_verification;
    const std::string target(target_id);
    const auto it = draw.teams.find(target);
    if (it == draw.teams.end())
        return DrawVerification{DrawStep::assignment_team,
                                "Target " + target + " was not drawn in " + draw.id + ".", target,
                                std::nullopt};
    if (const auto pos = first_difference(team, it->second))
        return DrawVerification{DrawStep::assignment_team,
                                "The assignment's team for " + target +
                                    " is not the drawn one: " + role_at(*pos) + " is " +
                                    at_or_none(team, *pos) + " in the assignment but " +
                                    at_or_none(it->second, *pos) + " in draw " + draw.id + ".",
                                target, pos};
    return DrawVerification{};
}

} // namespace fi
