#pragma once

#include "core/draw.h"
#include "core/result.h"
#include "server/caller.h"
#include "server/clock.h"
#include "server/inspectionstore.h"
#include "server/planstore.h"
#include "server/referencedatastore.h"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace fi::server {

class ServerDatabase;

/// What publishing a plan made public: the seed's commitment, before anyone can know the seed.
struct PublishedPlan {
    std::string plan_id;
    std::string draw_id;
    std::string seed_commitment;
    std::string published_at;
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

    /// Check and store a plan (PlanSpec's shape). Its seed is the plan's own (demo data) or a
    /// fresh random one; either way only the commitment is public until the draw.
    Result<PublishedPlan> publish_plan(const nlohmann::json& plan);
    /// Run a published plan's draw once and create its assignments.
    Result<DrawResult> run_draw(std::string_view plan_id);
    /// `GET /draws/{id}`; not_found before the draw has run.
    Result<nlohmann::json> draw_json(std::string_view draw_id);
    /// `POST /assignments/{id}/redraw`: the 201 body.
    Result<nlohmann::json> redraw(const Caller& caller, std::string_view assignment_id,
                                  const nlohmann::json& body);

private:
    ServerDatabase& database_;
    ReferenceDataStore& reference_;
    PlanStore& plans_;
    InspectionStore& inspections_;
    Clock clock_;
};

} // namespace fi::server
