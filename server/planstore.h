#pragma once

#include "core/result.h"
#include "server/feedpage.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fi::server {

class ServerDatabase;

/// A published plan: its definition (JSON text, PlanSpec's shape) and its draw's secret seed
/// with the commitment published with it.
struct PlanRow {
    std::string id;
    std::string body;
    std::string draw_id;
    std::string seed;
    std::string seed_commitment;
    std::string published_at;
    std::string status; ///< published | drawn
};

/// A draw as `GET /draws/{id}` serves it (JSON text).
struct DrawRow {
    std::string id;
    std::string plan_id;
    std::string body;
};

/// An assignment as `GET /assignments` serves it (JSON text), with the columns queries need.
struct AssignmentRow {
    std::string id;
    int revision = 1;
    std::string status; ///< active | revoked
    std::string body;
    std::string plan_id;
    std::string target_id;
    std::string draw_id;
    std::string window_from;
    std::string window_to;
    std::vector<std::string> team; ///< every inspector on it, any role: who receives it
    std::int64_t seq = 0;          ///< set by the store
};

/// Plans, their draws and the assignments the draws made (tables `plans`, `draws`,
/// `assignments`, `assignment_team`). Every call is atomic on its own;
/// ServerDatabase::transaction groups several.
class PlanStore {
public:
    explicit PlanStore(ServerDatabase& database) : database_(database) {}

    Status put_plan(const PlanRow& plan); ///< insert or replace
    /// none for an unknown plan.
    Result<std::optional<PlanRow>> find_plan(std::string_view id);
    /// By publication time.
    Result<std::vector<PlanRow>> plans();
    Status put_draw(const DrawRow& draw); ///< insert; a draw never changes
    /// none for an unknown draw, or one that has not run yet.
    Result<std::optional<DrawRow>> find_draw(std::string_view id);
    /// The next value (1, 2, …) of a named counter: assignment and re-draw numbers.
    Result<std::int64_t> next_counter(std::string_view name);

    /// Insert or replace (with its team); moves it to the end of the change order.
    Status put_assignment(const AssignmentRow& assignment);
    /// The latest revision, with its team; none for an unknown id.
    Result<std::optional<AssignmentRow>> find_assignment(std::string_view id);
    /// Every assignment of a target (any plan, revoked ones too), by id.
    Result<std::vector<AssignmentRow>> assignments_for_target(std::string_view target);
    /// Every assignment a plan's draws made (revoked ones too), by id.
    Result<std::vector<AssignmentRow>> assignments_of_plan(std::string_view plan_id);
    /// The assignments `inspector_id` is on, changed after `after_seq`.
    Result<FeedPage> assignment_page(std::string_view inspector_id, std::int64_t after_seq,
                                     std::size_t limit);

private:
    ServerDatabase& database_;
};

} // namespace fi::server
