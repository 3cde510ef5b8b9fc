#pragma once

#include "core/draw.h"
#include "core/model.h"
#include "core/result.h"

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fi {

/// 双随机 that no single body can steer (central-api.md, "Version 1.1"): a plan publishes the
/// commitment of its draw before any seed is known — at least two parties' seed commitments,
/// the hashes of the frozen candidates, pool and conflicts, the draw's id and the tip of a
/// re-draw chain — and the draw and every re-draw are then checked against it. The reference
/// server makes its draws and re-draws with the same functions the tablet verifies them with.
/// @{

/// What a plan commits to when it is published.
struct PlanCommitment {
    std::string algorithm{draw_algorithm_v2};
    std::vector<SeedParty> parties; ///< name and seed_commitment, no seed
    std::string strata_sha256;
    std::string pool_sha256;
    std::string conflicts_sha256;
    std::string draw_id;
    std::int64_t team_size = 0;
    std::string redraw_chain_tip;
    std::int64_t redraw_chain_length = 0;

    friend bool operator==(const PlanCommitment&, const PlanCommitment&) = default;
};

/// An earlier publication of the plan, withdrawn because a party did not reveal in time.
struct WithdrawnPublication {
    std::string published_at;
    nlohmann::json commitment;

    friend bool operator==(const WithdrawnPublication&, const WithdrawnPublication&) = default;
};

/// `GET /plans/{id}`: the plan's current publication.
struct PlanPublication {
    std::string id;
    std::string name;
    std::int64_t year = 0;
    std::string kind;
    std::string unit;
    std::string published_at;
    PlanCommitment commitment;
    nlohmann::json commitment_json; ///< as published: a draw's plan_commitment must equal it
    std::vector<WithdrawnPublication> withdrawn;

    friend bool operator==(const PlanPublication&, const PlanPublication&) = default;
};

/// One entry of a plan's public re-draw log (`GET /plans/{id}/redraws`).
struct RedrawLogEntry {
    std::int64_t index = 0;        ///< k: the k-th re-draw accepted under the plan
    std::string assignment_id;     ///< the re-drawn assignment, as revoked
    std::int64_t revision = 0;     ///< its revision once revoked
    std::string new_assignment_id; ///< the assignment the re-draw created
    std::string target_id;
    std::string draw_id; ///< `<plan draw id>-R<k>`
    std::string reason;  ///< conflict | absence | other
    std::string note;
    std::vector<std::string> excluded;
    std::string by; ///< the leader who asked
    std::string at;
    std::string link; ///< r_k, 64 hex

    friend bool operator==(const RedrawLogEntry&, const RedrawLogEntry&) = default;
};

/// Strict readers (every member present with its type, unknown members ignored; the error names
/// the field) and their inverses.
Result<PlanCommitment> decode_plan_commitment(const nlohmann::json& json);
nlohmann::json encode_plan_commitment(const PlanCommitment& commitment);
Result<PlanPublication> decode_plan_publication(const nlohmann::json& json);
nlohmann::json encode_plan_publication(const PlanPublication& plan);
Result<RedrawLogEntry> decode_redraw_log_entry(const nlohmann::json& json);
nlohmann::json encode_redraw_log_entry(const RedrawLogEntry& entry);

/// The three list hashes: SHA-256 (lower-case hex) of the canonical JSON of the strata reduced
/// to category, candidates (sorted) and k; of the pool sorted; of the conflicts with each list
/// sorted and empty lists dropped. Fail only on text canonical JSON refuses.
Result<std::string> strata_sha256(std::span<const DrawStratum> strata);
Result<std::string> pool_sha256(std::span<const std::string> pool);
Result<std::string> conflicts_sha256(const std::map<std::string, std::vector<std::string>>& c);

/// SHA-256 of the parties' 32-byte seeds concatenated in order (each 64 hex).
Result<std::string> combined_seed(std::span<const std::string> party_seeds);
/// r_(k−1) = SHA-256 of r_k's 32 raw bytes.
Result<std::string> previous_link(std::string_view link);
/// r_0 … r_length from the secret r_length (the central system's, never published).
Result<std::vector<std::string>> redraw_chain(std::string_view secret_start, std::int64_t length);
/// Re-draw k's seed: SHA-256(r_k ‖ UTF-8(target id)).
Result<std::string> redraw_seed(std::string_view link, std::string_view target_id);
/// `<draw_id>-R<k>`.
std::string redraw_draw_id(std::string_view plan_draw_id, std::int64_t k);
/// Whether `hex` is exactly `bytes` bytes in lower-case hex.
bool is_lower_hex(std::string_view hex, std::size_t bytes = 32);

/// The input of the re-draw `entry` names (its link, target and exclusions) under the plan
/// whose draw is `plan_draw`: one stratum of the target's category with k = 1, the committed
/// pool and team size, and the target's committed conflicts plus everyone excluded from it by
/// the entries of `log` up to and including `entry` (whatever their assignment ids). Fails
/// (`invalid_draw`) when the target is not in the plan's draw or the link is not 64 hex.
Result<DrawInput> redraw_input(const DrawRecord& plan_draw, std::span<const RedrawLogEntry> log,
                               const RedrawLogEntry& entry);

/// What verifying a draw of `algorithm` checks, in plain English, in the order it checks it
/// (shown beside a verified draw: the app translates each sentence, the CLI prints it).
std::vector<std::string_view> draw_checks(std::string_view algorithm);

/// Verify a `sha256-ctr-fy-v2` draw against its plan's current publication: hex written in
/// lower case, ASCII ids, the algorithm, plan_commitment equal to the plan's, the id the
/// commitment fixed, the parties (names, commitments, revealed seeds), the combined seed and its
/// commitment, the three list hashes, the team size, published strictly before drawn, then the
/// recomputation. The first failure is reported, named as the interface names it.
DrawVerification verify_plan_draw(const PlanPublication& plan, const DrawRecord& draw);

/// What a re-draw is checked against.
struct RedrawContext {
    const PlanPublication& plan;
    const DrawRecord& plan_draw;         ///< the plan's v2 draw (verified here too)
    std::span<const RedrawLogEntry> log; ///< the plan's public log, entries 1…k at least
    const Assignment* redrawn = nullptr; ///< the re-drawn assignment, when held
    const Assignment* created = nullptr; ///< the assignment the re-draw created, if held
};

/// Verify a `sha256-ctr-fy-v2-redraw` draw: the plan's draw first, then hex and ids, the
/// algorithm, plan_commitment, its id `<draw_id>-R<k>`, its log entry k, the link hashed k
/// times to the plan's tip, the seed from link and target, the stratum (the target alone, its
/// category in the plan's draw, k = 1), the committed pool and team size, the conflicts (as a
/// set), published before drawn, that each logged exclusion of the target named a member of the
/// team being re-drawn, the assignments named, then the recomputation.
DrawVerification verify_redraw(const RedrawContext& context, const DrawRecord& redraw);
/// @}

} // namespace fi
