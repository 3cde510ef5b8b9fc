#pragma once

#include "core/result.h"
#include "services/values.h"
#include "sync/uploader.h"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace fi::services {

class Workspace;

/// The tablet and the central system: upload what is due (records and photos, exactly once),
/// the central system's wipe order (asked at every sync), pull reference data and assignments
/// (every draw verified), the same-day picture with each record's progress, a parked record
/// tried again, and a leader's re-draw.
class SyncService {
public:
    explicit SyncService(Workspace& w) : w_(w) {}

    /// Upload what is due, then pull. With `retry_for`, uploads that must wait (network
    /// trouble, 503, 429) are tried again within that time before the pull, and the pull's
    /// requests within what is left of it. In the app the run
    /// yields to the user's queued work and reports `cancelled`, to be run again after it.
    SyncRun sync(const sync::UploadProgressFn& progress,
                 std::chrono::seconds retry_for = std::chrono::seconds(0));
    /// Pull only (after sign-in, for the first Today). Each request follows the uploads' retry
    /// rules within `retry_for`.
    SyncRun pull(std::chrono::seconds retry_for = std::chrono::seconds(0));
    /// The same-day picture and each record still on its way, then those already received.
    Result<SyncSnapshot> snapshot();
    /// The same-day picture, the clock and the last sync without the rows (`rows` empty): what
    /// the app bar shows, without naming the target of each of thousands of records.
    Result<SyncSnapshot> status();
    /// Erase this tablet (the central system's order, or the user's own): upload everything
    /// that can go first, then erase the whole data directory — the store with its -wal and
    /// -shm, the key file, exports, the settings file. With drafts or records that did not
    /// reach the central system, nothing is erased unless `discard_unsent` (the user saw the
    /// list and confirmed), and the outcome names them.
    Result<WipeOutcome> wipe(bool discard_unsent, const sync::UploadProgressFn& progress = {});
    /// Hold less: remove every record the central system acknowledged more than the retention
    /// period ago (`days`, else the setting) with its photos, keeping its receipt; run at the
    /// end of every sync. `dry_run` says what would go and removes nothing.
    Result<PurgeOutcome> purge(bool dry_run, std::optional<int> days = std::nullopt);
    /// The retention period in days (setting `retention.days`, default 30).
    Result<int> retention_days();
    /// Change it (1 to 3650 days); anything else is refused and the setting kept.
    Status set_retention_days(int days);
    static constexpr int default_retention_days = 30;
    static constexpr int max_retention_days = 3650;

    /// The user asked to try a parked record again.
    Status retry(const std::string& record_id);
    /// Ask the central system for a new team (leaders, online); the revoked assignment's
    /// drafts are frozen, the new assignment and its draw stored and verified.
    Result<RedrawOutcome> redraw(const std::string& assignment_id, const std::string& reason,
                                 const std::string& note,
                                 const std::vector<std::string>& exclude_inspector_ids);

private:
    SyncRun pull_into(SyncRun run, std::chrono::steady_clock::time_point deadline);
    /// GET /device: keep a wipe order (until carried out) or forget one the central system
    /// took back; then, with an order kept, carry it out as far as allowed without asking.
    SyncRun obey_device_order(SyncRun run, const sync::UploadProgressFn& progress);
    /// Drafts and records not yet on the central system, as the Sync page lists them.
    Result<std::vector<OutboxRow>> unsent_rows();
    Result<SyncSnapshot> read_snapshot(bool with_rows);

    Workspace& w_;
};

} // namespace fi::services
