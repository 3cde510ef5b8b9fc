#include "core/drawcommitment.h"

#include "core/canonicaljson.h"
#include "core/date.h"
#include "core/fieldreader.h"
#include "core/sha256.h"

#include <algorithm>
#include <array>
#include <set>

namespace fi {

namespace {

using json = nlohmann::json;
using Bytes32 = std::array<std::uint8_t, 32>;

std::optional<Bytes32> bytes32(std::string_view hex) {
    Bytes32 out{};
    if (!from_hex(hex, out))
        return std::nullopt;
    return out;
}

Error not_hex(const std::string& field) {
    return Error::make("invalid_draw", "\"" + field + "\" is not 64 hexadecimal digits.", field);
}

Result<std::string> sha256_of_canonical(const json& value) {
    auto text = canonical_json(value);
    if (!text)
        return text.error();
    return Sha256::hex(*text);
}

std::vector<std::string> sorted(std::vector<std::string> ids) {
    std::sort(ids.begin(), ids.end());
    return ids;
}

bool is_ascii(std::string_view id) {
    return std::all_of(id.begin(), id.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool same_hex(std::string_view a, std::string_view b) {
    const auto x = bytes32(a);
    const auto y = bytes32(b);
    return x && y && *x == *y;
}

DrawVerification fail(DrawStep step, std::string message, std::string target = {}) {
    return DrawVerification{step, std::move(message), std::move(target), std::nullopt};
}

// ---- checks both verifiers make --------------------------------------------------------------

// Every hex value of the draw (and of the log entries given) written in lower case.
std::optional<DrawVerification> check_hex_case(const DrawRecord& draw,
                                               std::span<const RedrawLogEntry> log = {}) {
    std::vector<std::pair<std::string, std::string_view>> values = {
        {"seed", draw.seed}, {"seed_commitment", draw.seed_commitment}};
    if (draw.redraw_link)
        values.emplace_back("redraw_link", *draw.redraw_link);
    for (const SeedParty& p : draw.parties) {
        values.emplace_back("the seed commitment of " + p.name, p.seed_commitment);
        if (p.seed)
            values.emplace_back("the seed of " + p.name, *p.seed);
    }
    for (const RedrawLogEntry& e : log)
        values.emplace_back("the link of re-draw " + std::to_string(e.index), e.link);
    for (const auto& [what, hex] : values)
        if (std::any_of(hex.begin(), hex.end(), [](char c) { return c >= 'A' && c <= 'F'; }))
            return fail(DrawStep::hex_not_lower_case,
                        "Draw " + draw.id + " writes " + what +
                            " in upper-case hex; interface 1.1 writes every hex value in "
                            "lower case.");
    return std::nullopt;
}

std::optional<DrawVerification> check_ascii_ids(const DrawRecord& draw) {
    const auto bad = [&](const std::string& id) -> std::optional<DrawVerification> {
        if (is_ascii(id))
            return std::nullopt;
        return fail(DrawStep::non_ascii_id,
                    "Draw " + draw.id + " names \"" + id +
                        "\", an id with characters outside ASCII (it may only look like "
                        "another id).",
                    id);
    };
    for (const DrawStratum& s : draw.strata)
        for (const std::string& id : s.candidates)
            if (auto f = bad(id))
                return f;
    for (const std::string& id : draw.inspector_pool)
        if (auto f = bad(id))
            return f;
    for (const auto& [target, inspectors] : draw.conflicts) {
        if (auto f = bad(target))
            return f;
        for (const std::string& id : inspectors)
            if (auto f = bad(id))
                return f;
    }
    for (const std::string& id : draw.selected)
        if (auto f = bad(id))
            return f;
    for (const auto& [target, team] : draw.teams)
        for (const std::string& id : team)
            if (auto f = bad(id))
                return f;
    return std::nullopt;
}

std::optional<DrawVerification> check_plan_commitment(const PlanPublication& plan,
                                                      const DrawRecord& draw) {
    if (!draw.plan_commitment || *draw.plan_commitment != plan.commitment_json)
        return fail(DrawStep::plan_commitment_mismatch,
                    "Draw " + draw.id + " does not carry the commitment plan " + plan.id +
                        " published on " + plan.published_at + ".");
    return std::nullopt;
}

// Published (as the plan says) strictly before drawn, as instants.
std::optional<DrawVerification> check_times(const PlanPublication& plan, const DrawRecord& draw) {
    const auto published = parse_rfc3339(plan.published_at);
    if (!draw.published_at || *draw.published_at != plan.published_at || !published)
        return fail(DrawStep::plan_commitment_mismatch,
                    "Draw " + draw.id + " does not repeat the plan's publication time " +
                        plan.published_at + ".");
    const auto drawn =
        draw.drawn_at
            ? parse_rfc3339(*draw.drawn_at)
            : Result<std::chrono::system_clock::time_point>(Error::make("invalid", "no drawn_at"));
    if (!drawn || !(*published < *drawn))
        return fail(DrawStep::drawn_before_published,
                    "Draw " + draw.id + " was drawn at " + draw.drawn_at.value_or("(no time)") +
                        ", not after plan " + plan.id + " was published (" + plan.published_at +
                        "): its lists and seeds could have been chosen knowing the result.");
    return std::nullopt;
}

std::optional<DrawVerification> check_pool(const PlanCommitment& c, const DrawRecord& draw) {
    const auto pool = pool_sha256(draw.inspector_pool);
    if (!pool || *pool != c.pool_sha256)
        return fail(DrawStep::pool_hash_mismatch,
                    "The inspector pool of draw " + draw.id +
                        " is not the one frozen when the plan was published (its SHA-256 "
                        "differs from pool_sha256).");
    if (draw.team_size != c.team_size)
        return fail(DrawStep::team_size,
                    "Draw " + draw.id + " draws teams of " + std::to_string(draw.team_size) +
                        ", the plan committed to " + std::to_string(c.team_size) + ".");
    return std::nullopt;
}

const DrawStratum* stratum_of(const DrawRecord& draw, std::string_view target) {
    for (const DrawStratum& s : draw.strata)
        if (std::find(s.candidates.begin(), s.candidates.end(), target) != s.candidates.end())
            return &s;
    return nullptr;
}

Result<std::vector<std::string>> team_of(const DrawInput& input, std::string_view target) {
    auto outcome = compute_draw(input);
    if (!outcome)
        return outcome.error();
    const auto it = outcome->teams.find(std::string(target));
    if (it == outcome->teams.end())
        return Error::make("invalid_draw", "no team for " + std::string(target));
    return it->second;
}

std::vector<std::string> drawn_team(const Assignment& a) {
    std::vector<std::string> out;
    for (const TeamMember& m : a.team)
        if (m.role != TeamRole::expert)
            out.push_back(m.inspector_id);
    return out;
}

} // namespace

// ---- reading and writing ---------------------------------------------------------------------

Result<PlanCommitment> decode_plan_commitment(const json& j) {
    const FieldReader read("plan commitment");
    if (!j.is_object())
        return read.invalid("commitment", "must be an object");
    PlanCommitment c;
    const auto take = [&](const char* name, std::string& into) -> Status {
        auto s = read.string_member(j, name);
        if (!s)
            return s.error();
        into = std::move(*s);
        return {};
    };
    FI_TRY(take("algorithm", c.algorithm));
    FI_TRY(take("strata_sha256", c.strata_sha256));
    FI_TRY(take("pool_sha256", c.pool_sha256));
    FI_TRY(take("conflicts_sha256", c.conflicts_sha256));
    FI_TRY(take("draw_id", c.draw_id));
    FI_TRY(take("redraw_chain_tip", c.redraw_chain_tip));
    auto team_size = read.integer_member(j, "team_size");
    if (!team_size)
        return team_size.error();
    c.team_size = *team_size;
    auto length = read.integer_member(j, "redraw_chain_length");
    if (!length)
        return length.error();
    c.redraw_chain_length = *length;
    auto parties = read.member(j, "parties");
    if (!parties)
        return parties.error();
    auto list = decode_seed_parties(**parties, "parties", "plan commitment");
    if (!list)
        return list.error();
    c.parties = std::move(*list);
    for (SeedParty& p : c.parties)
        p.seed.reset(); // a commitment never carries seeds
    return c;
}

json encode_plan_commitment(const PlanCommitment& c) {
    return {{"algorithm", c.algorithm},
            {"parties", encode_seed_parties(c.parties)},
            {"strata_sha256", c.strata_sha256},
            {"pool_sha256", c.pool_sha256},
            {"conflicts_sha256", c.conflicts_sha256},
            {"draw_id", c.draw_id},
            {"team_size", c.team_size},
            {"redraw_chain_tip", c.redraw_chain_tip},
            {"redraw_chain_length", c.redraw_chain_length}};
}

Result<PlanPublication> decode_plan_publication(const json& j) {
    const FieldReader read("plan");
    if (!j.is_object())
        return read.invalid("", "a plan must be a JSON object");
    PlanPublication p;
    for (auto [name, into] :
         {std::pair{"id", &p.id}, std::pair{"name", &p.name}, std::pair{"kind", &p.kind},
          std::pair{"unit", &p.unit}, std::pair{"published_at", &p.published_at}}) {
        auto s = read.string_member(j, name);
        if (!s)
            return s.error();
        *into = std::move(*s);
    }
    auto year = read.integer_member(j, "year");
    if (!year)
        return year.error();
    p.year = *year;
    auto commitment = read.member(j, "commitment");
    if (!commitment)
        return commitment.error();
    auto decoded = decode_plan_commitment(**commitment);
    if (!decoded)
        return decoded.error();
    p.commitment = std::move(*decoded);
    p.commitment_json = **commitment;
    if (const json* w = FieldReader::optional_member(j, "withdrawn")) {
        if (!w->is_array())
            return read.invalid("withdrawn", "must be a list");
        for (std::size_t i = 0; i < w->size(); ++i) {
            const std::string prefix = "withdrawn[" + std::to_string(i) + "].";
            const json& item = (*w)[i];
            if (!item.is_object())
                return read.invalid(prefix.substr(0, prefix.size() - 1), "must be an object");
            auto at = read.string_member(item, "published_at", prefix);
            if (!at)
                return at.error();
            auto c = read.member(item, "commitment", prefix);
            if (!c)
                return c.error();
            if (!(*c)->is_object())
                return read.invalid(prefix + "commitment", "must be an object");
            p.withdrawn.push_back({std::move(*at), **c});
        }
    }
    return p;
}

json encode_plan_publication(const PlanPublication& p) {
    json withdrawn = json::array();
    for (const WithdrawnPublication& w : p.withdrawn)
        withdrawn.push_back({{"published_at", w.published_at}, {"commitment", w.commitment}});
    return {{"id", p.id},
            {"name", p.name},
            {"year", p.year},
            {"kind", p.kind},
            {"unit", p.unit},
            {"published_at", p.published_at},
            {"commitment", p.commitment_json},
            {"withdrawn", std::move(withdrawn)}};
}

Result<RedrawLogEntry> decode_redraw_log_entry(const json& j) {
    const FieldReader read("re-draw log entry");
    if (!j.is_object())
        return read.invalid("", "an entry must be a JSON object");
    RedrawLogEntry e;
    for (auto [name, into] :
         {std::pair{"assignment_id", &e.assignment_id},
          std::pair{"new_assignment_id", &e.new_assignment_id},
          std::pair{"target_id", &e.target_id}, std::pair{"draw_id", &e.draw_id},
          std::pair{"reason", &e.reason}, std::pair{"by", &e.by}, std::pair{"at", &e.at},
          std::pair{"link", &e.link}}) {
        auto s = read.string_member(j, name);
        if (!s)
            return s.error();
        *into = std::move(*s);
    }
    for (auto [name, into] : {std::pair{"index", &e.index}, std::pair{"revision", &e.revision}}) {
        auto n = read.integer_member(j, name);
        if (!n)
            return n.error();
        *into = *n;
    }
    if (const json* note = FieldReader::optional_member(j, "note")) {
        auto s = read.string(*note, "note");
        if (!s)
            return s.error();
        e.note = std::move(*s);
    }
    auto excluded = read.string_list_member(j, "excluded");
    if (!excluded)
        return excluded.error();
    e.excluded = std::move(*excluded);
    return e;
}

json encode_redraw_log_entry(const RedrawLogEntry& e) {
    return {{"index", e.index},
            {"assignment_id", e.assignment_id},
            {"revision", e.revision},
            {"new_assignment_id", e.new_assignment_id},
            {"target_id", e.target_id},
            {"draw_id", e.draw_id},
            {"reason", e.reason},
            {"note", e.note},
            {"excluded", e.excluded},
            {"by", e.by},
            {"at", e.at},
            {"link", e.link}};
}

// ---- the hashes ------------------------------------------------------------------------------

Result<std::string> strata_sha256(std::span<const DrawStratum> strata) {
    json list = json::array();
    for (const DrawStratum& s : strata)
        list.push_back(
            {{"category", s.category}, {"candidates", sorted(s.candidates)}, {"k", s.k}});
    return sha256_of_canonical(list);
}

Result<std::string> pool_sha256(std::span<const std::string> pool) {
    return sha256_of_canonical(json(sorted(std::vector<std::string>(pool.begin(), pool.end()))));
}

Result<std::string> conflicts_sha256(const std::map<std::string, std::vector<std::string>>& c) {
    json object = json::object();
    for (const auto& [target, inspectors] : c)
        if (!inspectors.empty())
            object[target] = sorted(inspectors);
    return sha256_of_canonical(object);
}

Result<std::string> combined_seed(std::span<const std::string> party_seeds) {
    Sha256 hash;
    for (std::size_t i = 0; i < party_seeds.size(); ++i) {
        const auto bytes = bytes32(party_seeds[i]);
        if (!bytes)
            return not_hex("parties[" + std::to_string(i) + "].seed");
        hash.update(*bytes);
    }
    return hash.finish_hex();
}

Result<std::string> previous_link(std::string_view link) {
    const auto bytes = bytes32(link);
    if (!bytes)
        return not_hex("link");
    return Sha256().update(*bytes).finish_hex();
}

Result<std::vector<std::string>> redraw_chain(std::string_view secret_start, std::int64_t length) {
    if (length < 1)
        return Error::make("invalid_draw", "A re-draw chain needs at least one link.",
                           "redraw_chain_length");
    if (!bytes32(secret_start))
        return not_hex("secret_start");
    std::vector<std::string> links(static_cast<std::size_t>(length) + 1);
    links.back() = std::string(secret_start);
    for (std::size_t k = links.size() - 1; k > 0; --k)
        links[k - 1] = *previous_link(links[k]);
    return links;
}

Result<std::string> redraw_seed(std::string_view link, std::string_view target_id) {
    const auto bytes = bytes32(link);
    if (!bytes)
        return not_hex("redraw_link");
    return Sha256().update(*bytes).update(target_id).finish_hex();
}

std::string redraw_draw_id(std::string_view plan_draw_id, std::int64_t k) {
    return std::string(plan_draw_id) + "-R" + std::to_string(k);
}

bool is_lower_hex(std::string_view hex, std::size_t bytes) {
    return hex.size() == 2 * bytes && std::all_of(hex.begin(), hex.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

Result<DrawInput> redraw_input(const DrawRecord& plan_draw, std::span<const RedrawLogEntry> log,
                               const RedrawLogEntry& entry) {
    const DrawStratum* stratum = stratum_of(plan_draw, entry.target_id);
    if (!stratum)
        return Error::make("invalid_draw",
                           "Target " + entry.target_id + " is not among the candidates of draw " +
                               plan_draw.id + ".",
                           "target_id");
    auto seed = redraw_seed(entry.link, entry.target_id);
    if (!seed)
        return seed.error();
    std::set<std::string> conflicts;
    if (const auto it = plan_draw.conflicts.find(entry.target_id); it != plan_draw.conflicts.end())
        conflicts.insert(it->second.begin(), it->second.end());
    for (const RedrawLogEntry& earlier : log)
        if (earlier.index < entry.index && earlier.target_id == entry.target_id)
            conflicts.insert(earlier.excluded.begin(), earlier.excluded.end());
    conflicts.insert(entry.excluded.begin(), entry.excluded.end());

    DrawInput in;
    in.id = redraw_draw_id(plan_draw.id, entry.index);
    in.plan_id = plan_draw.plan_id;
    in.algorithm = std::string(draw_algorithm_v2_redraw);
    in.seed = *seed;
    in.seed_commitment = *seed_commitment_for(*seed);
    in.strata = {DrawStratum{stratum->category, {entry.target_id}, 1}};
    in.inspector_pool = plan_draw.inspector_pool;
    in.team_size = plan_draw.team_size;
    in.conflicts[entry.target_id] = {conflicts.begin(), conflicts.end()};
    return in;
}

// ---- verification ----------------------------------------------------------------------------

std::vector<std::string_view> draw_checks(std::string_view algorithm) {
    constexpr std::string_view seed = "The seed matches the commitment published before the draw.";
    constexpr std::string_view recomputed =
        "Targets and teams recomputed on this tablet are the ones the central system drew.";
    if (algorithm == draw_algorithm_v1)
        return {seed, recomputed};
    std::vector<std::string_view> out = {
        "Each seed party's revealed seed matches the commitment it handed in before publication.",
        "The seed combines every party's seed, so no single body chose it.",
        "Candidates, inspector pool and conflicts are the lists frozen when the plan was "
        "published.",
        "The draw ran after the plan was published, under the id fixed then."};
    if (algorithm == draw_algorithm_v2_redraw) {
        out.push_back("The re-draw's link hashes back to the chain the plan committed to, and the "
                      "public log lists it.");
        out.push_back("Only drawn members of the team were excluded, and earlier exclusions of "
                      "this target still apply.");
    }
    out.push_back(recomputed);
    return out;
}

DrawVerification verify_plan_draw(const PlanPublication& plan, const DrawRecord& draw) {
    const PlanCommitment& c = plan.commitment;
    if (auto f = check_hex_case(draw))
        return *f;
    if (auto f = check_ascii_ids(draw))
        return *f;
    if (draw.algorithm != draw_algorithm_v2)
        return fail(DrawStep::algorithm, "Draw " + draw.id + " uses algorithm " + draw.algorithm +
                                             ", not the plan's " + c.algorithm + ".");
    if (auto f = check_plan_commitment(plan, draw))
        return *f;
    if (draw.id != c.draw_id)
        return fail(DrawStep::draw_id_mismatch,
                    "The draw is called " + draw.id + " but plan " + plan.id + " fixed its id as " +
                        c.draw_id + " before any seed was known; another id gives another result.");

    if (c.parties.size() < 2)
        return fail(DrawStep::parties_mismatch,
                    "Plan " + plan.id + " names " + std::to_string(c.parties.size()) +
                        " seed parties; at least two bodies must each hold part of the seed.");
    if (draw.parties.size() != c.parties.size())
        return fail(DrawStep::parties_mismatch, "Draw " + draw.id + " has " +
                                                    std::to_string(draw.parties.size()) +
                                                    " seed parties, the plan committed to " +
                                                    std::to_string(c.parties.size()) + ".");
    std::vector<std::string> seeds;
    for (std::size_t i = 0; i < c.parties.size(); ++i) {
        const SeedParty& want = c.parties[i];
        const SeedParty& got = draw.parties[i];
        if (got.name != want.name || !same_hex(got.seed_commitment, want.seed_commitment))
            return fail(DrawStep::parties_mismatch, "Party " + std::to_string(i + 1) + " of draw " +
                                                        draw.id + " (" + got.name +
                                                        ") is not the plan's party " + want.name +
                                                        " with its published commitment.");
        const auto seed = got.seed ? bytes32(*got.seed) : std::nullopt;
        if (!seed || Sha256().update(*seed).finish_hex() != want.seed_commitment)
            return fail(DrawStep::party_seed_mismatch,
                        "The seed " + want.name +
                            " revealed does not match the commitment it "
                            "handed in before the plan was published.");
        seeds.push_back(*got.seed);
    }
    const auto combined = combined_seed(seeds);
    if (!combined || !same_hex(*combined, draw.seed))
        return fail(DrawStep::combined_seed_mismatch,
                    "The seed of draw " + draw.id +
                        " is not SHA-256 of the parties' revealed seeds.");
    if (!same_hex(*seed_commitment_for(*combined), draw.seed_commitment))
        return fail(DrawStep::commitment,
                    "The seed commitment of draw " + draw.id + " is not SHA-256 of its seed.");

    const auto strata = strata_sha256(draw.strata);
    if (!strata || *strata != c.strata_sha256)
        return fail(DrawStep::strata_hash_mismatch,
                    "The candidates of draw " + draw.id +
                        " are not the ones frozen when the plan was published (their SHA-256 "
                        "differs from strata_sha256): a target was added or removed after.");
    if (auto f = check_pool(c, draw))
        return *f;
    const auto conflicts = conflicts_sha256(draw.conflicts);
    if (!conflicts || *conflicts != c.conflicts_sha256)
        return fail(DrawStep::conflicts_hash_mismatch,
                    "The conflicts (回避) of draw " + draw.id +
                        " are not the ones frozen when the plan was published.");
    if (auto f = check_times(plan, draw))
        return *f;
    return verify_recomputation(draw, /*check_commitment=*/true);
}

DrawVerification verify_redraw(const RedrawContext& ctx, const DrawRecord& redraw) {
    const PlanPublication& plan = ctx.plan;
    const PlanCommitment& c = plan.commitment;
    if (const DrawVerification base = verify_plan_draw(plan, ctx.plan_draw); !base.verified())
        return fail(base.step,
                    "The plan's draw " + ctx.plan_draw.id + ", which re-draw " + redraw.id +
                        " builds on, is not trusted: " + base.message,
                    base.target_id);

    // The log entry of this re-draw, and the entries up to it.
    const std::int64_t k = redraw.redraw_index.value_or(0);
    std::vector<RedrawLogEntry> log;
    for (const RedrawLogEntry& e : ctx.log)
        if (e.index <= k)
            log.push_back(e);
    const auto found =
        std::find_if(log.begin(), log.end(), [&](const RedrawLogEntry& e) { return e.index == k; });
    const RedrawLogEntry* entry = found == log.end() ? nullptr : &*found;

    if (auto f = check_hex_case(redraw, log))
        return *f;
    if (auto f = check_ascii_ids(redraw))
        return *f;
    if (redraw.algorithm != draw_algorithm_v2_redraw)
        return fail(DrawStep::algorithm, "Re-draw " + redraw.id + " uses algorithm " +
                                             redraw.algorithm + ", not " +
                                             std::string(draw_algorithm_v2_redraw) + ".");
    if (auto f = check_plan_commitment(plan, redraw))
        return *f;
    if (k < 1 || k > c.redraw_chain_length || !redraw.redraw_link)
        return fail(DrawStep::link_not_on_chain,
                    "Re-draw " + redraw.id + " gives no index within the plan's chain of " +
                        std::to_string(c.redraw_chain_length) + " links.");
    if (redraw.id != redraw_draw_id(c.draw_id, k))
        return fail(DrawStep::draw_id_mismatch,
                    "Re-draw " + std::to_string(k) + " of plan " + plan.id + " is called " +
                        redraw.id + "; it must be " + redraw_draw_id(c.draw_id, k) + ".");
    if (!entry)
        return fail(DrawStep::redraw_not_logged, "The public re-draw log of plan " + plan.id +
                                                     " has no entry " + std::to_string(k) +
                                                     " for re-draw " + redraw.id + ".");
    if (entry->draw_id != redraw.id || !same_hex(entry->link, *redraw.redraw_link))
        return fail(DrawStep::redraw_not_logged,
                    "Entry " + std::to_string(k) + " of the public re-draw log names draw " +
                        entry->draw_id + " and another link than re-draw " + redraw.id + ".");

    // r_k hashed k times must give the tip the plan published.
    std::string link = *redraw.redraw_link;
    for (std::int64_t i = 0; i < k; ++i) {
        auto previous = previous_link(link);
        if (!previous)
            return fail(DrawStep::link_not_on_chain,
                        "The link of re-draw " + redraw.id + " is not 64 hexadecimal digits.");
        link = std::move(*previous);
    }
    if (link != c.redraw_chain_tip)
        return fail(DrawStep::link_not_on_chain,
                    "The link of re-draw " + redraw.id +
                        " does not hash back to the chain tip "
                        "plan " +
                        plan.id +
                        " published: the re-draw's seed was not fixed in "
                        "advance and could have been tried until a result pleased.");

    if (redraw.strata.size() != 1 || redraw.strata[0].candidates.size() != 1 ||
        redraw.strata[0].k != 1 || redraw.strata[0].candidates[0] != entry->target_id)
        return fail(DrawStep::assignment_mismatch,
                    "Re-draw " + redraw.id + " does not draw exactly target " + entry->target_id +
                        ", which its log entry names.",
                    entry->target_id);
    auto expected = redraw_input(ctx.plan_draw, log, *entry);
    if (!expected)
        return fail(DrawStep::assignment_mismatch, expected.error().message, entry->target_id);
    if (!same_hex(redraw.seed, expected->seed))
        return fail(DrawStep::redraw_seed_mismatch,
                    "The seed of re-draw " + redraw.id +
                        " is not SHA-256 of its link and "
                        "target id " +
                        entry->target_id + ".",
                    entry->target_id);
    if (!same_hex(*seed_commitment_for(expected->seed), redraw.seed_commitment))
        return fail(DrawStep::commitment,
                    "The seed commitment of re-draw " + redraw.id + " is not SHA-256 of its seed.");
    if (redraw.strata[0].category != expected->strata[0].category)
        return fail(DrawStep::redraw_category_mismatch,
                    "Re-draw " + redraw.id + " puts " + entry->target_id + " in category " +
                        redraw.strata[0].category + "; the plan's draw has it in " +
                        expected->strata[0].category + ".",
                    entry->target_id);
    if (auto f = check_pool(c, redraw))
        return *f;
    const auto& want_conflicts = expected->conflicts.at(entry->target_id);
    const auto got = redraw.conflicts.find(entry->target_id);
    const bool same_conflicts =
        redraw.conflicts.size() <= 1 &&
        (got == redraw.conflicts.end()
             ? want_conflicts.empty()
             : (std::set<std::string>(got->second.begin(), got->second.end()) ==
                    std::set<std::string>(want_conflicts.begin(), want_conflicts.end()) &&
                got->second.size() == want_conflicts.size()));
    if (!same_conflicts)
        return fail(DrawStep::redraw_conflicts_mismatch,
                    "The conflicts of re-draw " + redraw.id + " are not " + entry->target_id +
                        "'s committed conflicts plus everyone excluded from it by re-draws "
                        "1 to " +
                        std::to_string(k) + ".",
                    entry->target_id);
    if (auto f = check_times(plan, redraw))
        return *f;

    // Each exclusion named a drawn member of the team being re-drawn: the plan draw's team of
    // the target, or the team its previous re-draw gave.
    std::vector<std::string> team_before;
    if (const auto it = ctx.plan_draw.teams.find(entry->target_id); it != ctx.plan_draw.teams.end())
        team_before = it->second;
    for (const RedrawLogEntry& e : log) {
        if (e.target_id != entry->target_id)
            continue;
        for (const std::string& x : e.excluded)
            if (std::find(team_before.begin(), team_before.end(), x) == team_before.end())
                return fail(DrawStep::exclude_not_on_team,
                            "Re-draw " + std::to_string(e.index) + " of " + e.target_id +
                                " excluded " + x +
                                ", who was not on the team it re-drew: a "
                                "leader may only exclude drawn members.",
                            e.target_id);
        if (e.index == k)
            break;
        auto input = redraw_input(ctx.plan_draw, log, e);
        auto team =
            input ? team_of(*input, e.target_id) : Result<std::vector<std::string>>(input.error());
        if (!team)
            return fail(DrawStep::assignment_mismatch, team.error().message, e.target_id);
        team_before = std::move(*team);
    }

    if (ctx.redrawn &&
        (ctx.redrawn->id != entry->assignment_id || ctx.redrawn->target.id != entry->target_id))
        return fail(DrawStep::assignment_mismatch,
                    "Log entry " + std::to_string(k) + " says it re-drew assignment " +
                        entry->assignment_id + " of " + entry->target_id + ", not " +
                        ctx.redrawn->id + " of " + ctx.redrawn->target.id + ".",
                    entry->target_id);
    if (ctx.created) {
        const Assignment& a = *ctx.created;
        if (a.id != entry->new_assignment_id || a.revision != 1 || a.draw_id != redraw.id ||
            a.target.id != entry->target_id)
            return fail(DrawStep::assignment_mismatch,
                        "Assignment " + a.id + " (revision " + std::to_string(a.revision) +
                            ", draw " + a.draw_id + ") is not the new assignment " +
                            entry->new_assignment_id + " at revision 1 from draw " + redraw.id +
                            " that re-draw " + std::to_string(k) + " created.",
                        entry->target_id);
    }

    DrawVerification recomputed = verify_recomputation(redraw, /*check_commitment=*/true);
    if (!recomputed.verified() || !ctx.created)
        return recomputed;
    return verify_assignment_team(redraw, recomputed, entry->target_id, drawn_team(*ctx.created));
}

} // namespace fi
