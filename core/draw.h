#pragma once

#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fi {

/// The draw algorithm of interface version 1: the central system chooses the seed.
inline constexpr std::string_view draw_algorithm_v1 = "sha256-ctr-fy-v1";
/// Version 1.1 (core/drawcommitment.h): the seed combines the parties' revealed seeds.
inline constexpr std::string_view draw_algorithm_v2 = "sha256-ctr-fy-v2";
/// Version 1.1: a re-draw whose seed is a link of the plan's pre-committed chain.
inline constexpr std::string_view draw_algorithm_v2_redraw = "sha256-ctr-fy-v2-redraw";

/// One category of targets and how many to pick from it.
struct DrawStratum {
    std::string category;
    std::vector<std::string> candidates;
    std::int64_t k = 0;

    friend bool operator==(const DrawStratum&, const DrawStratum&) = default;
};

/// A target left out before the draw (e.g. `inspected_by_higher_level`): information for the
/// user, not an input of the algorithm.
struct DrawExclusion {
    std::string target_id;
    std::string reason;

    friend bool operator==(const DrawExclusion&, const DrawExclusion&) = default;
};

/// A body that chose part of a v2 draw's seed: its commitment, published with the plan, and the
/// seed it revealed after publication (absent in the plan's commitment).
struct SeedParty {
    std::string name;
    std::string seed_commitment; ///< hex SHA-256 of the 32 seed bytes
    std::optional<std::string> seed;

    friend bool operator==(const SeedParty&, const SeedParty&) = default;
};

/// Target id → inspector ids, leader first, in draw order.
using DrawTeams = std::map<std::string, std::vector<std::string>>;

/// Everything the algorithm reads, plus the commitment published before the draw.
struct DrawInput {
    std::string id;
    std::string plan_id;
    std::string algorithm{draw_algorithm_v1};
    std::string seed;            ///< 64 hex digits: the 32 seed bytes
    std::string seed_commitment; ///< hex SHA-256 of the seed bytes
    std::vector<DrawStratum> strata;
    std::vector<std::string> inspector_pool;
    std::int64_t team_size = 0;
    std::map<std::string, std::vector<std::string>> conflicts; ///< target → inspectors to avoid
    std::vector<DrawExclusion> excluded;

    friend bool operator==(const DrawInput&, const DrawInput&) = default;
};

/// What the algorithm produces.
struct DrawOutcome {
    std::vector<std::string> selected;
    DrawTeams teams;

    friend bool operator==(const DrawOutcome&, const DrawOutcome&) = default;
};

/// A published draw (`GET /draws/{id}`): its inputs and the result it claims.
struct DrawRecord : DrawInput {
    std::vector<std::string> selected;
    DrawTeams teams;
    std::optional<std::string> published_at;
    std::optional<std::string> drawn_at;
    /// Version 1.1: the plan's commitment as published (a JSON object, compared as a value),
    /// the parties with their revealed seeds (v2 draws), the re-draw's index and chain link.
    std::optional<nlohmann::json> plan_commitment;
    std::vector<SeedParty> parties;
    std::optional<std::int64_t> redraw_index;
    std::optional<std::string> redraw_link;

    friend bool operator==(const DrawRecord&, const DrawRecord&) = default;
};

/// The step of verification that failed (verified when none did).
enum class DrawStep {
    verified,
    algorithm,       ///< not an algorithm this client knows
    seed,            ///< seed is not 64 hex digits
    commitment,      ///< SHA-256 of the seed is not the published commitment
    strata,          ///< a k outside 0…candidates, or a candidate listed twice / empty
    inspector_pool,  ///< an inspector listed twice / empty
    team_size,       ///< negative, or more than the pool minus a target's conflicts
    selected,        ///< the recomputed targets differ from `selected`
    teams,           ///< a recomputed team differs from `teams`
    assignment_team, ///< the assignment's team is not the drawn one
    // Version 1.1 (core/drawcommitment.h); the names are the interface's failure names.
    hex_not_lower_case,        ///< a hex value written in upper case
    non_ascii_id,              ///< a target or inspector id that is not ASCII
    plan_unknown,              ///< the plan's publication (or its draw, or its log) is not held
    plan_commitment_mismatch,  ///< the draw's plan_commitment is not the plan's
    draw_id_mismatch,          ///< the draw's id is not the one the commitment fixed
    parties_mismatch,          ///< the parties are not the plan's, in its order
    party_seed_mismatch,       ///< a revealed seed does not hash to its party's commitment
    combined_seed_mismatch,    ///< the seed is not SHA-256 of the parties' seeds
    strata_hash_mismatch,      ///< the candidates are not the ones frozen at publication
    pool_hash_mismatch,        ///< the inspector pool is not the one frozen at publication
    conflicts_hash_mismatch,   ///< the conflicts are not the ones frozen at publication
    drawn_before_published,    ///< drawn at or before the plan's publication
    link_not_on_chain,         ///< the re-draw's link does not hash back to the chain's tip
    redraw_not_logged,         ///< the public log has no matching entry for the re-draw
    redraw_seed_mismatch,      ///< the re-draw's seed is not SHA-256(link ‖ target id)
    redraw_category_mismatch,  ///< the re-draw's category is not the target's in the plan's draw
    redraw_conflicts_mismatch, ///< committed conflicts plus that target's exclusions differ
    exclude_not_on_team,       ///< a logged exclusion names someone not on the team re-drawn
    assignment_mismatch,       ///< an assignment or log entry disagrees with the re-draw
};

std::string_view to_string(DrawStep step);

/// Outcome of checking a draw: verified, or the failed step with a sentence for the user.
struct DrawVerification {
    DrawStep step = DrawStep::verified;
    std::string message;
    std::string target_id;               ///< the target concerned, when there is one
    std::optional<std::size_t> position; ///< 0-based position that differs, when there is one

    bool verified() const { return step == DrawStep::verified; }
};

/// 双随机: algorithm `sha256-ctr-fy-v1` (central-api.md, "The draw"), which both makes draws
/// (the reference server) and lets the tablet recompute a published draw, so that drawn names
/// cannot be swapped unnoticed.
/// @{

/// Read a draw strictly: every member of the interface present with its type, unknown members
/// ignored; `excluded` and `conflicts` may be absent or null (none), `published_at` and
/// `drawn_at` absent, null or strings. Never throws; the error names the field.
Result<DrawRecord> decode_draw(const nlohmann::json& json);
/// The draw as the interface spells it (decode_draw's inverse).
nlohmann::json encode_draw(const DrawRecord& draw);
/// A list of seed parties (`parties` of a draw or of a plan's commitment); `what` names the
/// object in errors.
Result<std::vector<SeedParty>> decode_seed_parties(const nlohmann::json& list,
                                                   const std::string& field, std::string what);
nlohmann::json encode_seed_parties(std::span<const SeedParty> parties);

/// Hex SHA-256 of the bytes `seed_hex` encodes: the commitment published before the draw.
Result<std::string> seed_commitment_for(std::string_view seed_hex);

/// Run the algorithm. Fails (code `invalid_draw`, `field` naming the input) on an unknown
/// algorithm, a bad seed or k, duplicate ids, or a team that cannot be filled. Does not check
/// the commitment: that is verify_draw's first step.
Result<DrawOutcome> compute_draw(const DrawInput& input);

/// Recompute a v1 draw and compare: algorithm, seed, commitment, strata, team size, then the
/// first differing position of `selected`, then the first target whose team differs. A 1.1 draw
/// needs its plan (core/drawcommitment.h: verify_plan_draw, verify_redraw): here it is
/// `plan_unknown`.
DrawVerification verify_draw(const DrawRecord& draw);

/// The recomputation step of every algorithm (the random stream keyed by `draw.id`), with the
/// seed's commitment checked or not: the 1.1 verifiers check everything else first.
DrawVerification verify_recomputation(const DrawRecord& draw, bool check_commitment);

/// Whether an assignment's drawn team (leader, then members, in order; experts left out) is
/// the one the draw gave `target_id`. Verifies the whole draw first: a team matching a draw
/// that does not verify proves nothing.
DrawVerification verify_assignment_team(const DrawRecord& draw, std::string_view target_id,
                                        std::span<const std::string> team);

/// The same, for a draw already verified (`draw_verification` is verify_draw's answer for it):
/// recomputing a draw costs O(its size), so callers holding many assignments of one draw
/// verify the draw once and compare each team here.
DrawVerification verify_assignment_team(const DrawRecord& draw,
                                        const DrawVerification& draw_verification,
                                        std::string_view target_id,
                                        std::span<const std::string> team);

/// uniform(n) takes numbers x from the stream until x ≤ this, i.e. x < 2^64 − (2^64 mod n),
/// so that x mod n is unbiased. n ≥ 1. Exposed for tests.
std::uint64_t draw_max_accepted(std::uint64_t n);
/// @}

} // namespace fi
