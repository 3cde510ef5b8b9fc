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

/// The only draw algorithm of interface version 1.
inline constexpr std::string_view draw_algorithm_v1 = "sha256-ctr-fy-v1";

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

/// Hex SHA-256 of the bytes `seed_hex` encodes: the commitment published before the draw.
Result<std::string> seed_commitment_for(std::string_view seed_hex);

/// Run the algorithm. Fails (code `invalid_draw`, `field` naming the input) on an unknown
/// algorithm, a bad seed or k, duplicate ids, or a team that cannot be filled. Does not check
/// the commitment: that is verify_draw's first step.
Result<DrawOutcome> compute_draw(const DrawInput& input);

/// Recompute `draw` and compare: algorithm, seed, commitment, strata, team size, then the
/// first differing position of `selected`, then the first target whose team differs.
DrawVerification verify_draw(const DrawRecord& draw);

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
