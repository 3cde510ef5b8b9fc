#pragma once

// The server's storage, as the services see it: domain-level operations, no SQL. The SQLite
// implementation (SqliteStorage) is the only one today; docs/server.md plans a PostgreSQL one
// behind the same interface. Bodies of reference data, assignments and draws are kept as the
// JSON text the interface serves, so what a client receives is exactly what was stored.

#include "core/result.h"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fi::server {

/// A login. `password_hash` is PasswordHasher's self-describing string.
struct UserRow {
    std::string username;
    std::string password_hash;
    std::optional<std::string> inspector_id; ///< none for an administrator without a roster entry
    std::string name;
    std::string unit;
    std::vector<std::string> roles; ///< inspector | leader | admin
    int failed_attempts = 0;        ///< consecutive wrong passwords
    std::int64_t locked_until_ms = 0;
};

/// A signed-in device. Only the SHA-256 of the token is kept: a copy of the database does not
/// hand out sessions.
struct SessionRow {
    std::string token_hash;
    std::string username;
    std::string device_id;
    std::string created_at;
    std::int64_t expires_at_ms = 0;
};

struct DeviceRow {
    std::string device_id;
    bool wipe = false;
    std::optional<std::string> message;
    std::string last_user;
    std::string last_seen;
};

/// One entry of a paged list: its place in the change order and its body (JSON text), or a
/// tombstone.
struct FeedRow {
    std::int64_t seq = 0;
    std::string id;
    bool deleted = false;
    std::string body;
};

struct FeedPage {
    std::vector<FeedRow> rows;
    bool has_more = false;
};

/// The reference lists served to every client.
enum class Feed { catalogue, inspectors };

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
    std::int64_t seq = 0;          ///< set by the storage
};

/// An accepted inspection. `answer` is the 201 body given (JSON text), replayed on a retry.
struct InspectionRow {
    std::string id;
    std::string assignment_id;
    std::string target_id;
    std::string username;
    std::string device_id;
    std::string received_at;
    std::string inspection_day;
    std::string outcome;
    std::optional<std::string> supersedes;
    std::string body;
    std::string body_sha256; ///< of the canonical JSON: a replay is recognised by content
    std::string answer;
    bool late = false;
};

/// A photo declared by an inspection, and how many of its bytes arrived.
struct PhotoRow {
    std::string id;
    std::string inspection_id;
    std::string sha256;
    std::int64_t length = 0;
    std::int64_t received = 0;
    bool complete = false;
};

struct ChainLinkRow {
    std::string device_id;
    std::int64_t seq = 0;
    std::string prev;
    std::string hash;
    std::string inspection_id;
};

/// Records of a device's chain that had not arrived when a later one did.
struct ChainGapRow {
    std::int64_t id = 0;
    std::string device_id;
    std::int64_t seq_from = 0;
    std::int64_t seq_to = 0;
    std::string noticed_at;
    std::string noticed_by; ///< the inspection whose seq revealed the gap
};

/// An inspection of a target by some unit, for the exclusion rule (已由上级抽查且未发现问题).
/// Inspections accepted here are found from the inspections themselves; these rows record
/// the others (a provincial check, say), entered by an administrator.
struct PriorCheckRow {
    std::string target_id;
    int year = 0;
    std::string level; ///< province | city | branch
    std::string unit;
    std::string outcome; ///< no_problem | rectification_ordered | case_opened
    std::string day;
};

/// Domain-level storage operations. Every operation is atomic on its own; `transaction` groups
/// several into one atomic step (the services' read-check-write sequences). Implementations
/// must let one thread call into a transaction it holds (nesting joins the outer one) and
/// serialise the others.
class Storage {
public:
    virtual ~Storage() = default;

    /// Run `work` atomically: all of its writes or none. Nested calls join the outer one.
    virtual Status transaction(const std::function<Status()>& work) = 0;

    /// Users, sessions, devices.
    /// @{
    virtual Result<std::optional<UserRow>> find_user(std::string_view username) = 0;
    virtual Result<std::vector<UserRow>> users() = 0;
    virtual Status put_user(const UserRow& user) = 0;
    virtual Status set_login_state(std::string_view username, int failed_attempts,
                                   std::int64_t locked_until_ms) = 0;
    virtual Status put_session(const SessionRow& session) = 0;
    virtual Result<std::optional<SessionRow>> find_session(std::string_view token_hash) = 0;
    virtual Status delete_session(std::string_view token_hash) = 0;
    virtual Status touch_device(std::string_view device_id, std::string_view username,
                                std::string_view seen_at) = 0;
    virtual Result<std::optional<DeviceRow>> find_device(std::string_view device_id) = 0;
    virtual Status set_device_wipe(std::string_view device_id, bool wipe,
                                   const std::optional<std::string>& message) = 0;
    /// @}

    /// The working-day calendar: per year, `{"holidays":[…],"workdays":[…]}` as JSON text.
    /// @{
    virtual Status put_calendar_year(int year, std::string_view year_json) = 0;
    virtual Result<std::map<int, std::string>> calendar() = 0;
    /// @}

    /// Reference lists. Every put or delete moves the item to the end of the change order, so
    /// a cursor (the last seq a client saw) finds every change after it.
    /// @{
    virtual Status put_feed_item(Feed feed, std::string_view id, std::string_view body) = 0;
    /// false when there was no live item to delete.
    virtual Result<bool> delete_feed_item(Feed feed, std::string_view id) = 0;
    virtual Result<FeedPage> feed_page(Feed feed, std::int64_t after_seq, std::size_t limit) = 0;
    /// Live items only, by id.
    virtual Result<std::vector<FeedRow>> feed_items(Feed feed) = 0;
    virtual Result<std::optional<FeedRow>> find_feed_item(Feed feed, std::string_view id) = 0;
    /// @}

    /// The target directory (抽查对象名录库), conflicts of interest (回避) and prior checks.
    /// @{
    virtual Status put_target(std::string_view id, std::string_view body) = 0;
    virtual Result<std::vector<std::string>> targets() = 0; ///< bodies, by id
    virtual Result<std::optional<std::string>> find_target(std::string_view id) = 0;
    virtual Status add_conflict(std::string_view target_id, std::string_view inspector_id,
                                std::string_view reason) = 0;
    /// target → inspectors who must not inspect it.
    virtual Result<std::map<std::string, std::vector<std::string>>> conflicts() = 0;
    virtual Status put_prior_check(const PriorCheckRow& check) = 0;
    virtual Result<std::vector<PriorCheckRow>> prior_checks(int year) = 0;
    /// @}

    /// Plans and draws.
    /// @{
    virtual Status put_plan(const PlanRow& plan) = 0; ///< insert or replace
    virtual Result<std::optional<PlanRow>> find_plan(std::string_view id) = 0;
    virtual Result<std::vector<PlanRow>> plans() = 0;
    virtual Status put_draw(const DrawRow& draw) = 0; ///< insert; a draw never changes
    virtual Result<std::optional<DrawRow>> find_draw(std::string_view id) = 0;
    /// The next value (1, 2, …) of a named counter: assignment and re-draw numbers.
    virtual Result<std::int64_t> next_counter(std::string_view name) = 0;
    /// @}

    /// Assignments.
    /// @{
    /// Insert or replace (with its team); moves it to the end of the change order.
    virtual Status put_assignment(const AssignmentRow& assignment) = 0;
    virtual Result<std::optional<AssignmentRow>> find_assignment(std::string_view id) = 0;
    virtual Result<std::vector<AssignmentRow>> assignments_for_target(std::string_view target) = 0;
    virtual Result<std::vector<AssignmentRow>> assignments_of_plan(std::string_view plan_id) = 0;
    /// The assignments `inspector_id` is on, changed after `after_seq`.
    virtual Result<FeedPage> assignment_page(std::string_view inspector_id, std::int64_t after_seq,
                                             std::size_t limit) = 0;
    /// @}

    /// Inspections and photo bytes.
    /// @{
    virtual Result<std::optional<InspectionRow>> find_inspection(std::string_view id) = 0;
    virtual Result<std::vector<InspectionRow>>
    inspections_for_assignment(std::string_view assignment_id) = 0;
    /// Every accepted inspection, oldest first.
    virtual Result<std::vector<InspectionRow>> inspections() = 0;
    virtual Status put_inspection(const InspectionRow& inspection,
                                  const std::vector<PhotoRow>& photos) = 0;
    virtual Result<std::optional<PhotoRow>> find_photo(std::string_view id) = 0;
    virtual Result<std::vector<PhotoRow>> photos_of(std::string_view inspection_id) = 0;
    /// Store the bytes at `start` (the photo's received count) durably and advance it.
    virtual Status append_photo_bytes(std::string_view id, std::int64_t start,
                                      std::span<const std::uint8_t> bytes) = 0;
    /// Hex SHA-256 of the bytes received so far.
    virtual Result<std::string> photo_sha256(std::string_view id) = 0;
    /// All bytes received so far (tests and export; photos are at most 25 MiB).
    virtual Result<std::string> photo_bytes(std::string_view id) = 0;
    virtual Status reset_photo(std::string_view id) = 0;
    virtual Status complete_photo(std::string_view id) = 0;
    /// @}

    /// The per-device evidence chains.
    /// @{
    virtual Result<std::optional<ChainLinkRow>> find_chain_link(std::string_view device_id,
                                                                std::int64_t seq) = 0;
    /// 0 when the device sent nothing yet.
    virtual Result<std::int64_t> max_chain_seq(std::string_view device_id) = 0;
    virtual Status put_chain_link(const ChainLinkRow& link) = 0;
    virtual Status put_chain_gap(const ChainGapRow& gap) = 0;
    virtual Result<std::vector<ChainGapRow>> chain_gaps() = 0;
    /// The seqs of `device_id` received in [from, to].
    virtual Result<std::vector<std::int64_t>> chain_seqs(std::string_view device_id,
                                                         std::int64_t from, std::int64_t to) = 0;
    /// @}
};

} // namespace fi::server
