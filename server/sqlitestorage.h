#pragma once

#include "core/database.h"
#include "server/storage.h"

#include <filesystem>
#include <memory>
#include <mutex>

namespace fi::server {

/// Storage in one SQLite file (through core's Database: WAL, synchronous=FULL, so a committed
/// write — a photo chunk included — survives a crash or a kill). One connection, serialised
/// by a mutex: SQLite has one writer anyway, and a reference server needs correctness more
/// than parallel reads. Other processes (the admin command) open the same file; SQLite's
/// locking and busy timeout order them.
///
/// The file is not encrypted (docs/server.md says why).
class SqliteStorage final : public Storage {
public:
    /// Open or create `file` and bring its schema up to date.
    static Result<std::unique_ptr<SqliteStorage>> open(const std::filesystem::path& file);

    Status transaction(const std::function<Status()>& work) override;

    Result<std::optional<UserRow>> find_user(std::string_view username) override;
    Result<std::vector<UserRow>> users() override;
    Status put_user(const UserRow& user) override;
    Status set_login_state(std::string_view username, int failed_attempts,
                           std::int64_t locked_until_ms) override;
    Status put_session(const SessionRow& session) override;
    Result<std::optional<SessionRow>> find_session(std::string_view token_hash) override;
    Status delete_session(std::string_view token_hash) override;
    Status touch_device(std::string_view device_id, std::string_view username,
                        std::string_view seen_at) override;
    Result<std::optional<DeviceRow>> find_device(std::string_view device_id) override;
    Status set_device_wipe(std::string_view device_id, bool wipe,
                           const std::optional<std::string>& message) override;

    Status put_calendar_year(int year, std::string_view year_json) override;
    Result<std::map<int, std::string>> calendar() override;

    Status put_feed_item(Feed feed, std::string_view id, std::string_view body) override;
    Result<bool> delete_feed_item(Feed feed, std::string_view id) override;
    Result<FeedPage> feed_page(Feed feed, std::int64_t after_seq, std::size_t limit) override;
    Result<std::vector<FeedRow>> feed_items(Feed feed) override;
    Result<std::optional<FeedRow>> find_feed_item(Feed feed, std::string_view id) override;

    Status put_target(std::string_view id, std::string_view body) override;
    Result<std::vector<std::string>> targets() override;
    Result<std::optional<std::string>> find_target(std::string_view id) override;
    Status add_conflict(std::string_view target_id, std::string_view inspector_id,
                        std::string_view reason) override;
    Result<std::map<std::string, std::vector<std::string>>> conflicts() override;
    Status put_prior_check(const PriorCheckRow& check) override;
    Result<std::vector<PriorCheckRow>> prior_checks(int year) override;

    Status put_plan(const PlanRow& plan) override;
    Result<std::optional<PlanRow>> find_plan(std::string_view id) override;
    Result<std::vector<PlanRow>> plans() override;
    Status put_draw(const DrawRow& draw) override;
    Result<std::optional<DrawRow>> find_draw(std::string_view id) override;
    Result<std::int64_t> next_counter(std::string_view name) override;

    Status put_assignment(const AssignmentRow& assignment) override;
    Result<std::optional<AssignmentRow>> find_assignment(std::string_view id) override;
    Result<std::vector<AssignmentRow>> assignments_for_target(std::string_view target) override;
    Result<std::vector<AssignmentRow>> assignments_of_plan(std::string_view plan_id) override;
    Result<FeedPage> assignment_page(std::string_view inspector_id, std::int64_t after_seq,
                                     std::size_t limit) override;

    Result<std::optional<InspectionRow>> find_inspection(std::string_view id) override;
    Result<std::vector<InspectionRow>>
    inspections_for_assignment(std::string_view assignment_id) override;
    Result<std::vector<InspectionRow>> inspections() override;
    Status put_inspection(const InspectionRow& inspection,
                          const std::vector<PhotoRow>& photos) override;
    Result<std::optional<PhotoRow>> find_photo(std::string_view id) override;
    Result<std::vector<PhotoRow>> photos_of(std::string_view inspection_id) override;
    Status append_photo_bytes(std::string_view id, std::int64_t start,
                              std::span<const std::uint8_t> bytes) override;
    Result<std::string> photo_sha256(std::string_view id) override;
    Result<std::string> photo_bytes(std::string_view id) override;
    Status reset_photo(std::string_view id) override;
    Status complete_photo(std::string_view id) override;

    Result<std::optional<ChainLinkRow>> find_chain_link(std::string_view device_id,
                                                        std::int64_t seq) override;
    Result<std::int64_t> max_chain_seq(std::string_view device_id) override;
    Status put_chain_link(const ChainLinkRow& link) override;
    Status put_chain_gap(const ChainGapRow& gap) override;
    Result<std::vector<ChainGapRow>> chain_gaps() override;
    Result<std::vector<std::int64_t>> chain_seqs(std::string_view device_id, std::int64_t from,
                                                 std::int64_t to) override;

private:
    explicit SqliteStorage(Database db) : db_(std::move(db)) {}

    Result<std::int64_t> next_change_seq();

    std::recursive_mutex mutex_;
    Database db_;
    int depth_ = 0; ///< open transaction levels of the thread holding mutex_
};

} // namespace fi::server
