#pragma once

#include "core/model.h"
#include "core/outboxstore.h"
#include "core/photostore.h"
#include "core/result.h"
#include "core/rules.h"

#include <chrono>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fi {

class Database;

/// Where a record is in its life. It only moves forward: draft → completed → uploaded, or
/// draft → frozen when its assignment is revoked. The database enforces this too (triggers).
enum class RecordState { draft, frozen, completed, uploaded };
std::string_view to_string(RecordState s);

/// Where an assignment's inspection stands, as lists show it (Today, the command line).
enum class VisitState {
    not_started, ///< no record yet
    draft,       ///< a record is being filled in
    completed,   ///< locked, waiting to be uploaded
    uploaded,    ///< the central system holds it and all its photos
    late,        ///< uploaded after its inspection day
    attention,   ///< parked by the central system, or frozen: the user must look at it
};
std::string_view to_string(VisitState s);

/// One stored record in a few columns (no body decoded): enough for lists of hundreds of
/// assignments at start-up.
struct RecordSummary {
    std::string record_id;
    std::string assignment_id;
    RecordState state = RecordState::draft;
    std::optional<OutboxState> outbox;
    bool late = false;
    std::string received_at;
    std::string created_at;
    std::string error_message; ///< the central system's words for a parked record
    /// Only the receipt is left: the record went after the retention period (state uploaded).
    bool purged = false;
    std::string inspection_day; ///< known for purged records (their receipt); else empty
};

/// The visit state a record gives its assignment.
VisitState visit_state(const RecordSummary& summary);

/// The latest record of each assignment (corrections come later than what they correct).
/// The pointers point into `records`.
std::map<std::string, const RecordSummary*>
latest_by_assignment(const std::vector<RecordSummary>& records);

/// A stored record with its bookkeeping.
struct StoredRecord {
    InspectionRecord record;
    RecordState state = RecordState::draft;
    std::optional<std::int64_t> chain_seq;
    std::optional<std::string> chain_hash;
    std::optional<std::string> frozen_reason;
    std::optional<std::string> received_at; ///< the server's receipt, once uploaded
    bool late = false;
    std::string body; ///< completed: the exact upload body (canonical JSON with its chain)
};

/// What the tablet keeps of an uploaded record it removed after the retention period: enough
/// to answer "was it sent, when, was it late", to show its assignment's visit and to count the
/// quarter (docs/security.md, "Hold less"). The record, its photos and its outbox row are gone;
/// the central system holds them.
struct Receipt {
    std::string record_id;
    std::string assignment_id;
    int assignment_revision = 0;
    std::optional<std::string> supersedes;
    std::string inspection_day;
    std::int64_t chain_seq = 0;
    std::string chain_hash;
    std::string body_sha256; ///< SHA-256 of the sealed upload body, as sent
    bool onsite = true;
    std::optional<Outcome> outcome;
    bool confidential = false;
    int photo_count = 0;
    std::int64_t photo_bytes = 0;
    std::string received_at; ///< the central system's acknowledgement
    bool late = false;
    std::string created_at;
    std::string completed_at;
    std::string purged_at;
};

/// An uploaded record the retention period lets go, or one it removed.
struct PurgeItem {
    std::string record_id;
    std::string assignment_id;
    std::string inspection_day;
    std::string received_at;
    int photo_count = 0;
    std::int64_t photo_bytes = 0;
};

/// What a purge removed (or, in a dry run, would remove).
struct PurgeReport {
    std::vector<PurgeItem> removed;
    std::int64_t photo_bytes = 0;
    /// Old enough, but a record still on the tablet corrects them: kept until it goes too.
    std::vector<std::string> kept_for_corrections;
};

/// One version of a record in its correction chain: the original first, each later one
/// superseding the one before it (a correction still being written last, as a draft).
struct RecordVersion {
    std::string record_id;
    RecordState state = RecordState::completed;
    std::optional<OutboxState> outbox;
    std::string completed_at; ///< when it was locked (its `finished_at`); empty for a draft
    std::optional<std::string> supersedes;
    std::optional<std::string> reason; ///< why it corrects the one before (none for the first)
    std::string received_at;           ///< the central system's receipt, once uploaded
    bool purged = false;               ///< only its receipt is left on the tablet
};

/// Photo metadata given at capture.
struct PhotoCapture {
    std::string id; ///< client-made UUID v4
    std::string mime = "image/jpeg";
    std::string taken_at;
    std::optional<Location> location;
    std::optional<std::string> finding_id;
    std::string source = "camera"; ///< camera | import (interface 1.1)
    std::optional<std::string> original_taken_at =
        std::nullopt; ///< an import's own time, when it has one
};

/// A signature made on the tablet (interface 1.1): who signs and the image of the strokes.
struct SignatureCapture {
    std::string id;           ///< client-made UUID v4; the image is kept as a photo under it
    std::string role;         ///< inspector | representative
    std::string inspector_id; ///< role inspector
    std::string name;         ///< role representative
    std::string position;     ///< role representative
    std::string mime;         ///< image/png | image/svg+xml
    std::string signed_at;
};

/// Owner of inspection records in the store: drafts and their autosave, photos attached to
/// drafts, completion (rules, lock, evidence chain and outbox entry in one transaction),
/// freezing drafts of revoked assignments, receipts, corrections, and the retention purge.
/// Nothing here deletes a record that left the draft state, except the purge of acknowledged
/// records (which keeps their receipt).
class RecordStore {
public:
    explicit RecordStore(Database& db) : db_(db) {}

    /// Start a draft for an assignment. The record's id is the client-made UUID.
    Status create_draft(const InspectionRecord& record);
    /// Autosave: replace the draft's content. Refused once completed or frozen.
    Status save_draft(const InspectionRecord& record);
    /// Discard a draft that was never completed (the user's explicit choice).
    Status discard_draft(std::string_view record_id);

    Result<StoredRecord> load(std::string_view record_id);
    /// Every record on the device in a few columns, oldest first, without decoding any body.
    Result<std::vector<RecordSummary>> summaries();
    /// The latest record of each assignment, as latest_by_assignment(summaries()) picks it, by
    /// assignment id: Today's list reads one outbox row an assignment instead of one a record.
    Result<std::vector<RecordSummary>> latest_summaries();
    /// The ids of the drafts, oldest first: what summaries() lists in state draft, from the
    /// summary index alone (the same-day status at every start and every minute).
    Result<std::vector<std::string>> draft_ids();
    /// Every record of an assignment, oldest first (the revision history).
    Result<std::vector<StoredRecord>> history(std::string_view assignment_id);

    /// Store a photo's bytes (hashed on the way in) and attach it to a draft, in one
    /// transaction.
    Result<PhotoRef> add_photo(std::string_view record_id, const PhotoCapture& capture,
                               std::int64_t size_bytes, const ChunkSource& source);
    /// Remove a photo from a draft (only before completion).
    Status remove_photo(std::string_view record_id, std::string_view photo_id);

    /// Sign a draft: store the image encrypted like a photo (hashed on the way in) and put
    /// its entry in the record's `signatures`, in one transaction. Signing again replaces the
    /// same person's earlier entry (an inspector by id; the representative, signed or
    /// refused, has one entry), whose image goes.
    Result<Signature> add_signature(std::string_view record_id, const SignatureCapture& capture,
                                    std::span<const std::uint8_t> image);
    /// The representative refused to sign: an entry with the reason and no image, replacing
    /// an earlier representative entry.
    Result<Signature> record_refusal(std::string_view record_id, std::string_view reason);

    /// Problems that block completion, for the app to list (empty: ready to complete).
    Result<Problems> completion_problems(std::string_view record_id);

    /// Complete a draft: re-check every rule, check each photo's stored hash, chain the
    /// record for this device, lock it and queue it in the outbox — one transaction.
    Result<StoredRecord> complete(std::string_view record_id, std::string_view device_id);

    /// Freeze every draft of an assignment (it was revoked). Frozen drafts are kept.
    Result<int> freeze_drafts(std::string_view assignment_id, std::string_view reason);

    /// The central system accepted the record: keep its receipt.
    Status mark_uploaded(std::string_view record_id, std::string_view received_at, bool late);

    /// Retention: every record the central system acknowledged (outbox acked, record and
    /// photos uploaded) before `acknowledged_before` is removed with its photos and their
    /// derived copies and its outbox row, its Receipt kept — one transaction, then the WAL is
    /// folded into the file so the deleted pages (zeroed by `secure_delete`) are all that is
    /// left of them. Drafts, frozen, completed and unacknowledged records are never touched;
    /// the store's triggers refuse it too. A record still corrected by one on the tablet waits
    /// for it. `dry_run`: the same answer, nothing removed.
    Result<PurgeReport>
    purge_acknowledged(std::chrono::system_clock::time_point acknowledged_before, bool dry_run);
    /// Receipts of records removed by the retention purge, oldest first.
    Result<std::vector<Receipt>> receipts();

    /// Start a correction of a completed or uploaded record: a new draft with its own id that
    /// supersedes the original (kept unchanged), with the reason. Photos are copied under
    /// new ids so the correction is complete on its own.
    Result<InspectionRecord> start_correction(std::string_view original_id, std::string_view new_id,
                                              std::string_view reason,
                                              const std::vector<std::string>& new_photo_ids);

    /// The correction chain `record_id` belongs to, oldest first: back along `supersedes` to
    /// the original, forward to the newest version (a completed one before a draft, should
    /// both correct the same record). Records the retention purge removed come from their
    /// receipts (without their reason); a frozen draft is no version.
    Result<std::vector<RecordVersion>> versions(std::string_view record_id);

private:
    Result<StoredRecord> load_row(std::string_view record_id);
    /// The error for a record that is only a receipt now (or not_found).
    Error missing(std::string_view record_id);
    /// The record, refused unless it is still a draft (with why, if it is not).
    Result<StoredRecord> load_draft(std::string_view record_id);
    /// Replace a draft's body (autosave, photo lists).
    Status write_draft(std::string_view record_id, const InspectionRecord& next);
    /// Put a signature entry in a draft, replacing the same person's earlier one (its image
    /// removed); inside the caller's savepoint.
    Result<Signature> put_signature(const StoredRecord& current, Signature entry);
    Database& db_;
};

} // namespace fi
