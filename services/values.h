#pragma once

// Plain values the application layer's services hand to a front end: copies, never
// references into the store, so the app's view models (on another thread) and the command
// line can keep them after the store moved on. No behaviour beyond small helpers.

#include "core/creditcode.h"
#include "core/draw.h"
#include "core/drawcommitment.h"
#include "core/model.h"
#include "core/outboxstore.h"
#include "core/placestore.h"
#include "core/recordstore.h"
#include "core/rules.h"
#include "sync/puller.h"
#include "sync/sameday.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fi::services {

/// One line of the Today list.
struct AssignmentRow {
    Assignment assignment;
    VisitState state = VisitState::not_started;
    std::string record_id;                 ///< the record the state is about, if any
    std::vector<std::string> member_names; ///< the team in assignment order
    /// The drawn team is the one the draw stored on the tablet gives this target (core's
    /// verify_team): false also while the draw is not on the tablet yet.
    bool draw_verified = false;
};

/// A team member with what the roster says about them.
struct TeamMemberView {
    std::string inspector_id;
    TeamRole role = TeamRole::member;
    std::string name;
    std::string unit;
    std::string position;
    std::optional<std::string> cert_no;
    bool third_party = false;
    bool known = false; ///< present in the roster on this device
    /// Counts toward the two certified officers an on-site visit needs.
    bool certified() const { return known && cert_no && !third_party && role != TeamRole::expert; }
};

/// Everything the Target page shows about one assignment.
struct AssignmentView {
    Assignment assignment;
    std::vector<TeamMemberView> team;
    std::vector<CatalogueItem> items;
    std::vector<std::string> unknown_items; ///< ids the catalogue on the device lacks
    /// Ids of items the catalogue gives no legal basis: they cannot be inspected.
    std::vector<std::string> items_without_legal_basis;
    bool draw_verified = false;
    bool draw_present = false; ///< the draw is stored on the device
    DrawStep draw_step = DrawStep::verified;
    std::string draw_message;
    std::optional<std::string> exclusion_reason; ///< why the draw left this target out
    /// How the draw was made and what the tablet checked (interface 1.1): the algorithm, the
    /// seed parties who each hold part of the seed (v2 draws and their re-draws), and every
    /// re-draw of this target in the plan's public log, oldest first.
    std::string draw_algorithm;
    std::vector<SeedParty> draw_parties;
    std::vector<RedrawLogEntry> redraw_history;
    CreditCodeCheck credit;
    VisitState state = VisitState::not_started;
    std::string record_id;         ///< the latest record of this assignment, if any
    std::string self_inspector_id; ///< the signed-in user
};

/// A record opened for editing or viewing, with what the rules need to judge it.
struct OpenedRecord {
    StoredRecord stored;
    /// Where it was made (interface 1.1): metres from the location taken at the start (the
    /// body's `location`) to the target's known position, and once completed what is kept
    /// beside it (where it was completed, its distance, a simulated location).
    std::optional<std::int64_t> start_distance_m;
    std::optional<RecordPlace> place;
    Assignment assignment;
    std::vector<CatalogueItem> items; ///< the assignment's items, in assignment order
    std::vector<Inspector> roster;    ///< the team's roster entries
    Problems problems;                ///< completion problems as stored now
    std::string publication_deadline; ///< YYYY-MM-DD, once completed
    bool deadline_provisional = false;
    /// Its correction chain, oldest first (this record alone when never corrected).
    std::vector<RecordVersion> versions;
    /// RecordService::correct would start (or reopen) a correction of it.
    bool correctable = false;
};

/// A correction's draft, or the one already being written for that chain.
struct CorrectionDraft {
    OpenedRecord draft;
    bool already_started = false; ///< an unfinished correction existed: this is it, none made
};

/// One record on the Sync page.
struct OutboxRow {
    std::string record_id;
    std::string assignment_id;
    std::string target_name;
    std::string inspection_day;
    RecordState record_state = RecordState::completed;
    std::optional<OutboxState> outbox;
    int attempts = 0;
    std::string error_code;
    std::string error_message;
    std::string received_at;
    bool late = false;
    std::int64_t photo_bytes = 0;
    bool purged = false; ///< removed after the retention period: only its receipt is left
};

/// The same-day picture and the per-record list, read in one go.
struct SyncSnapshot {
    sync::SameDayStatus same_day;
    std::vector<OutboxRow> rows;
    std::optional<std::int64_t> clock_offset_ms; ///< server minus device at the last sync
    std::string last_sync;                       ///< RFC 3339, empty when never
};

/// What one sync run did.
struct SyncRun {
    std::int64_t requests = 0;
    std::int64_t photo_bytes_sent = 0;
    int uploaded = 0;
    int late = 0;
    int parked = 0;
    int retry_later = 0;
    bool needs_sign_in = false;
    bool cancelled = false; ///< yielded to the user's own work; it runs again right after
    bool pulled = false;
    sync::PullSummary pull; ///< what the pull brought, when `pulled`
    std::string pull_error;
    std::string pull_error_code;
    std::vector<std::string> messages;
    /// The central system ordered this tablet erased (GET /device, kept until carried out).
    bool wipe_ordered = false;
    std::string wipe_message; ///< the central system's words with the order, if any
    /// What a wipe did or would do: see WipeOutcome (set when `wipe_ordered`).
    bool wiped = false;
    std::vector<OutboxRow> unsent; ///< records not on the central system: kept, not erased
    /// Records removed after the retention period at the end of the run (their receipts kept).
    int purged = 0;
};

/// The retention purge: uploaded records (and their photos) the central system acknowledged
/// longer ago than the retention period are removed, their receipts kept.
struct PurgeOutcome {
    int retention_days = 0;
    std::string acknowledged_before; ///< RFC 3339: the cut-off, retention days before now
    bool dry_run = false;
    PurgeReport report; ///< what was removed (a dry run: what would be)
};

/// A wipe: everything uploaded first, then the whole data directory erased; or, with records
/// still not on the central system, nothing erased and those records named.
struct WipeOutcome {
    bool wiped = false;
    std::vector<OutboxRow> unsent; ///< drafts and records not uploaded (what would be lost)
};

/// The signed-in user as kept in the store.
struct UserInfo {
    std::string username;
    std::string inspector_id;
    std::string name;
    std::string unit;
    std::vector<std::string> roles;
    bool is_leader() const {
        for (const auto& r : roles)
            if (r == "leader")
                return true;
        return false;
    }
};

/// Where the central system is and how to trust it (README: startup options). Kept in the
/// encrypted store at sign-in, so later runs need not repeat it.
struct ServerConfig {
    std::string url;               ///< base URL, e.g. https://central.example/api/v1
    std::string ca_file;           ///< PEM bundle to trust instead of the system's
    std::vector<std::string> pins; ///< public-key pins, sha256//BASE64
    bool operator==(const ServerConfig&) const = default;
};

/// The answer to a re-draw, as the Re-draw page shows it.
struct RedrawOutcome {
    std::string revoked_id;
    int revoked_revision = 0;
    AssignmentView fresh;
    int frozen_drafts = 0;
};

} // namespace fi::services
