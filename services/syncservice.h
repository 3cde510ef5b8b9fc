#pragma once

#include "core/result.h"
#include "services/values.h"
#include "sync/uploader.h"

#include <chrono>
#include <string>
#include <vector>

namespace fi::services {

class Workspace;

/// The tablet and the central system: upload what is due (records and photos, exactly once),
/// pull reference data and assignments (every draw verified), the same-day picture with each
/// record's progress, a parked record tried again, and a leader's re-draw.
class SyncService {
public:
    explicit SyncService(Workspace& w) : w_(w) {}

    /// Upload what is due, then pull. With `retry_for`, uploads that must wait (network
    /// trouble, 503, 429) are tried again within that time before the pull. In the app the run
    /// yields to the user's queued work and reports `cancelled`, to be run again after it.
    SyncRun sync(const sync::UploadProgressFn& progress,
                 std::chrono::seconds retry_for = std::chrono::seconds(0));
    /// Pull only (after sign-in, for the first Today).
    SyncRun pull();
    /// The same-day picture and each record still on its way, then those already received.
    Result<SyncSnapshot> snapshot();
    /// The user asked to try a parked record again.
    Status retry(const std::string& record_id);
    /// Ask the central system for a new team (leaders, online); the revoked assignment's
    /// drafts are frozen, the new assignment and its draw stored and verified.
    Result<RedrawOutcome> redraw(const std::string& assignment_id, const std::string& reason,
                                 const std::string& note,
                                 const std::vector<std::string>& exclude_inspector_ids);

private:
    SyncRun pull_into(SyncRun run);

    Workspace& w_;
};

} // namespace fi::services
