#pragma once

#include "core/result.h"
#include "server/feedpage.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fi::server {

class ServerDatabase;

/// A published plan: its definition (JSON text, PlanSpec's shape), its public commitment, what
/// it froze at publication, the parties' reveals and the secret end of its re-draw chain.
struct PlanRow {
    std::string id;
    std::string body;
    std::string draw_id;
    std::string seed;            ///< the combined seed, once every party revealed
    std::string seed_commitment; ///< SHA-256 of the combined seed, likewise
    std::string published_at;
    std::string status;       ///< published | drawn
    std::string commitment;   ///< `commitment` of `GET /plans/{id}` (JSON text)
    std::string frozen;       ///< the draw's input minus its seed (JSON text, encode_draw)
    std::string reveals;      ///< party name → revealed seed (JSON object text)
    std::string chain_secret; ///< r_length of the re-draw chain; never leaves the server
};

/// One entry of a plan's public re-draw log.
struct RedrawLogRow {
    std::string plan_id;
    std::int64_t index = 0;
    std::string by; ///< the leader who asked
    std::string body;
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
    /// Append entry `index` of a plan's re-draw log (refused if that index is taken).
    Status append_redraw(const RedrawLogRow& entry);
    /// A plan's re-draw log after index `after`, up to `limit` entries.
    Result<FeedPage> redraw_page(std::string_view plan_id, std::int64_t after, std::size_t limit);
    /// Every entry of a plan's log, in order.
    Result<std::vector<RedrawLogRow>> redraw_log(std::string_view plan_id);
    /// How many re-draws each leader asked for, all plans: (inspector id, count), most first.
    Result<std::vector<std::pair<std::string, std::int64_t>>> redraw_counts();
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
