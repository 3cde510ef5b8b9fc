#pragma once

// Plain values the store thread hands to the GUI thread: copies, never references into the
// store, so a view model can keep them after the store moved on. No Qt types here except
// where a picture is the value (QImage), no behaviour beyond small helpers.

#include "core/creditcode.h"
#include "core/draw.h"
#include "core/model.h"
#include "core/outboxstore.h"
#include "core/recordstore.h"
#include "core/rules.h"
#include "sync/sameday.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fi::app {

/// Where an assignment's inspection stands, as the Today list shows it.
enum class VisitState {
    not_started, ///< no record yet
    draft,       ///< a record is being filled in
    completed,   ///< locked, waiting to be uploaded
    uploaded,    ///< the central system holds it and all its photos
    late,        ///< uploaded after its inspection day
    attention,   ///< parked by the central system, or frozen: the user must look at it
};

inline std::string_view to_string(VisitState s) {
    switch (s) {
    case VisitState::not_started:
        return "not_started";
    case VisitState::draft:
        return "draft";
    case VisitState::completed:
        return "completed";
    case VisitState::uploaded:
        return "uploaded";
    case VisitState::late:
        return "late";
    case VisitState::attention:
        return "attention";
    }
    return "not_started";
}

/// One stored record in a few columns (no body decoded): enough for lists.
struct RecordSummary {
    std::string record_id;
    std::string assignment_id;
    RecordState state = RecordState::draft;
    std::optional<OutboxState> outbox;
    bool late = false;
    std::string received_at;
    std::string created_at;
    std::string error_message; ///< the central system's words for a parked record
};

/// One line of the Today list.
struct AssignmentRow {
    Assignment assignment;
    VisitState state = VisitState::not_started;
    std::string record_id;                 ///< the record the state is about, if any
    std::vector<std::string> member_names; ///< the team in assignment order
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
    bool draw_verified = false;
    bool draw_present = false; ///< the draw is stored on the device
    DrawStep draw_step = DrawStep::verified;
    std::string draw_message;
    std::optional<std::string> exclusion_reason; ///< why the draw left this target out
    CreditCodeCheck credit;
    VisitState state = VisitState::not_started;
    std::string record_id;         ///< the latest record of this assignment, if any
    std::string self_inspector_id; ///< the signed-in user
};

/// A record opened for editing or viewing, with what the rules need to judge it.
struct OpenedRecord {
    StoredRecord stored;
    Assignment assignment;
    std::vector<CatalogueItem> items; ///< the assignment's items, in assignment order
    std::vector<Inspector> roster;    ///< the team's roster entries
    Problems problems;                ///< completion problems as stored now
    std::string publication_deadline; ///< YYYY-MM-DD, once completed
    bool deadline_provisional = false;
};

/// One photo as the Photos page lists it.
struct PhotoRow {
    PhotoRef photo;
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
    int uploaded = 0;
    int late = 0;
    int parked = 0;
    int retry_later = 0;
    bool needs_sign_in = false;
    bool cancelled = false; ///< yielded to the user's own work; it runs again right after
    bool pulled = false;
    std::string pull_error;
    std::string pull_error_code;
    std::vector<std::string> messages;
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

/// Where the central system is and how to trust it (README: startup options).
struct ServerConfig {
    std::string url;               ///< base URL, e.g. https://central.example/api/v1
    std::string ca_file;           ///< PEM bundle to trust instead of the system's
    std::vector<std::string> pins; ///< public-key pins, sha256//BASE64
};

/// The answer to a re-draw, as the Re-draw page shows it.
struct RedrawOutcome {
    std::string revoked_id;
    int revoked_revision = 0;
    AssignmentView fresh;
    int frozen_drafts = 0;
};

} // namespace fi::app
