#pragma once

#include "core/result.h"
#include "services/values.h"

#include <optional>
#include <string>
#include <vector>

namespace fi {
class Database;
}

namespace fi::services {

class Workspace;

/// The inspection records of this tablet: start one (stamped with the trusted time), open,
/// autosave, check and complete it (locked, chained, queued for upload), list and discard
/// drafts, and the record as stored.
class RecordService {
public:
    explicit RecordService(Workspace& w) : w_(w) {}

    /// Start an inspection: a draft stamped with the trusted time, who is present, where. An
    /// assignment with a draft opens that draft; one already inspected is refused
    /// (`already_inspected`), a revoked one too (`assignment_revoked`).
    Result<OpenedRecord> start(const std::string& assignment_id,
                               const std::vector<std::string>& present,
                               const std::optional<Location>& location,
                               const std::optional<OffsiteMethod>& offsite);
    Result<OpenedRecord> open(const std::string& record_id);
    /// Autosave. The store owns the photo list: the copy's list is replaced by what the store
    /// holds, and each finding cites exactly its photos, so a save never drops or invents one.
    /// The location is taken once: a draft that has one keeps it, whatever the copy says (the
    /// first fix is taken when the draft started without one).
    Status save_draft(InspectionRecord record);
    /// Save, then what blocks completion, judged as if the record ended now.
    Result<Problems> completion_problems(InspectionRecord record);
    /// Stamp the end, save, re-check and complete: locked, chained, queued for upload. When a
    /// rule still blocks it, the record stays a draft and `problems` says why — the times the
    /// central system would flag (day_mismatch, in_future, outside_window) included. `at` is
    /// where the inspector completes it, kept beside the record with both distances to the
    /// target; `simulated`: its start location was not measured (the command line's
    /// `"simulated": true`), kept beside it too.
    Result<OpenedRecord> complete(InspectionRecord record,
                                  const std::optional<Location>& at = std::nullopt,
                                  bool simulated = false);
    /// Discard a draft (the user's explicit choice) with its photos.
    Status discard(const std::string& record_id);
    /// Every draft on the tablet, oldest first.
    Result<std::vector<RecordSummary>> drafts();
    /// The record as stored: the sealed upload body once completed, else the draft's JSON.
    Result<std::string> export_text(const std::string& record_id);

    /// Correct a completed or uploaded record: a new draft prefilled from it (photos copied
    /// under new ids) that supersedes it, with the reason; it is then edited, completed and
    /// uploaded like any record. Only the head of the correction chain (the newest completed
    /// version) can be corrected (`not_chain_head` names it); a draft, a frozen record or
    /// one the central system refused cannot (`not_correctable`); a blank reason is
    /// `correction_reason_required`. When a correction of the chain is already being
    /// written, that draft is returned (`already_started`) and no second one is made.
    Result<CorrectionDraft> correct(const std::string& record_id, const std::string& reason);
    /// The correction chain `record_id` belongs to, oldest first (records removed after the
    /// retention period from their receipts; a frozen draft is no version).
    Result<std::vector<RecordVersion>> versions(const std::string& record_id);

private:
    Result<OpenedRecord> opened(StoredRecord stored);
    /// The time flags of the central system the draft would get if completed now.
    Result<Problems> time_flags(Database& db, const InspectionRecord& record);

    Workspace& w_;
};

} // namespace fi::services
