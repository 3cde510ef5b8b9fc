#pragma once

#include "core/draw.h"
#include "core/drawcommitment.h"
#include "core/result.h"
#include "server/caller.h"
#include "server/clock.h"
#include "server/inspectionstore.h"
#include "server/planspec.h"
#include "server/planstore.h"
#include "server/referencedatastore.h"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace fi::server {

class ServerDatabase;

/// What publishing a plan made public: its commitment (interface 1.1), before any seed is known.
struct PublishedPlan {
    std::string plan_id;
    std::string draw_id;
    nlohmann::json commitment;
    std::string published_at;
};

/// Where the reveals of a plan stand after one more.
struct RevealOutcome {
    std::size_t revealed = 0;
    std::size_t parties = 0;
    std::vector<std::string> waiting_for;
};

/// What a draw produced.
struct DrawResult {
    DrawRecord draw;
    std::vector<std::string> created; ///< new assignment ids, in `selected` order
    std::vector<std::string> joined;  ///< existing assignments that became joint ones
};

/// 双随机 on the central side: plans published with the commitment of their draw's seed
/// (commit-reveal), draws run with core's compute_draw over the regime's strata and quotas
/// (DrawQuota), assignments made from them, and re-draws (central-api.md "Re-draw").
///
/// - Candidates: the targets of a stratum's category (or joint-list group), in the plan's
///   districts, minus those a higher level inspected this year without finding a problem when
///   the plan asks for that exclusion (listed in the draw's `excluded`), minus those an earlier
///   stratum already holds.
/// - Pool: certificate holders who are not third-party experts (of the plan's units, if it
///   names some); experts are added by the plan with role `expert`, never drawn.
/// - Conflicts (回避): the plan's and the administrator's, for candidate targets.
/// - A target that already has an active, not yet inspected assignment for an overlapping
///   window from another plan is not given a second one: that assignment becomes a joint one
///   (items, experts and the other department added, next revision).
class DrawService {
public:
    /// Draws read the reference data and the accepted inspections and write plans, draws and
    /// assignments, each draw in one transaction of `database`.
    DrawService(ServerDatabase& database, ReferenceDataStore& reference, PlanStore& plans,
                InspectionStore& inspections, Clock clock)
        : database_(database), reference_(reference), plans_(plans), inspections_(inspections),
          clock_(std::move(clock)) {}

    /// Check and publish a plan (PlanSpec's shape) with the commitment of interface 1.1: the
    /// parties' seed commitments (at least two, none the planning office), the candidates, pool
    /// and conflicts frozen now and hashed, the draw's id, and the tip of a fresh re-draw chain.
    Result<PublishedPlan> publish_plan(const nlohmann::json& plan);
    /// `GET /plans/{id}`: the current publication.
    Result<nlohmann::json> plan_json(std::string_view plan_id);
    /// A party reveals its seed after publication; refused unless it matches its commitment.
    Result<RevealOutcome> reveal_seed(std::string_view plan_id, std::string_view party,
                                      std::string_view seed);
    /// Run a published plan's draw once, on the frozen lists and the combined seed, after every
    /// party revealed and after the publication; create its assignments.
    Result<DrawResult> run_draw(std::string_view plan_id);
    /// `GET /draws/{id}`; not_found before the draw has run.
    Result<nlohmann::json> draw_json(std::string_view draw_id);
    /// `POST /assignments/{id}/redraw` (interface 1.1): only drawn members excluded, a note for
    /// `other`, the next link of the plan's chain, an entry of the public log; the 201 body.
    Result<nlohmann::json> redraw(const Caller& caller, std::string_view assignment_id,
                                  const nlohmann::json& body);

private:
    /// The draw's input as the plan defines it now (candidates with k, pool, conflicts,
    /// exclusions), frozen at publication.
    Result<DrawRecord> freeze_lists(const PlanSpec& plan);

    ServerDatabase& database_;
    ReferenceDataStore& reference_;
    PlanStore& plans_;
    InspectionStore& inspections_;
    Clock clock_;
};

} // namespace fi::server
