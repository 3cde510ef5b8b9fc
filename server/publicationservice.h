#pragma once

#include "core/date.h"
#include "core/result.h"
#include "server/clock.h"
#include "server/publicationstore.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fi::server {

class InspectionStore;
class PlanStore;
class ReferenceDataStore;
class ServerDatabase;
class UserStore;

/// One published result as the public may see it (检查结果公开): no record or photo ids, no
/// answers, notes, findings or locations.
struct PublicResult {
    std::string plan_id;
    std::string target_id;
    std::string target_name;    ///< the inspected unit (检查对象)
    std::string unit;           ///< the unit that inspected: the plan's (检查实施单位)
    std::string inspection_day; ///< YYYY-MM-DD
    std::string published_on;   ///< YYYY-MM-DD
    std::string public_text;    ///< core's public_text_for(outcome); empty when withheld
    bool withheld = false;      ///< 不予公开: a confidential hold an approver approved
    std::string
        ground; ///< state_secret | national_security | public_safety | other_law, if withheld
    bool corrected = false; ///< the result shown is a correction of an earlier record
};

/// Where one result (an assignment's chain of records: the original and its corrections) stands,
/// as the officers see it.
struct PublicationEntry {
    std::string record_id;   ///< the newest record of the chain: what is published
    std::string original_id; ///< the first record: its inspection day sets the deadline
    std::string assignment_id;
    std::string plan_id;
    std::string target_id;
    std::string target_name;
    std::string unit;                  ///< the plan's unit
    std::string inspection_day;        ///< of the newest record
    std::string outcome;               ///< of the newest record
    Date deadline;                     ///< 20 working days after the original's inspection day
    bool deadline_provisional = false; ///< counted Mon–Fri: a year the calendar lacks
    /// The day the result is (or will be) public: the deadline, an officer's earlier day, or the
    /// day the record arrived if that was later; for a correction, not before it arrived.
    Date publication_day;
    bool is_public = false; ///< the server's day reached publication_day
    bool on_time = false;   ///< the chain's first publication was on or before the deadline
    bool corrected = false;
    std::optional<std::string> published_by; ///< an officer who published early
    bool confidential = false;               ///< the newest record asks to be held back
    std::string ground;                      ///< its confidential_ground
    std::string confidential_reason;
    std::string hold; ///< "" (none asked), `pending`, `approved`, `refused`
    std::string hold_by;
    std::string hold_reason;
    bool withheld = false;               ///< public as 不予公开: an approved hold
    std::vector<std::string> inspectors; ///< ids on the record or its assignment's team
    std::string uploaded_by;             ///< the user name that sent the newest record
    bool onsite = true;                  ///< the newest record has no offsite_method
    int late_uploads = 0; ///< records of the chain received after their inspection day
};

/// Counts of `admin publication`.
struct PublicationCounts {
    std::size_t published = 0;
    std::size_t on_time = 0;
    std::size_t late = 0;
    std::size_t due = 0;
    std::size_t withheld = 0;
    std::size_t holds_pending = 0;
    std::size_t holds_refused = 0;
};

/// 检查结果公开 within 20 working days (检查完成 20 个工作日内): every accepted result — the newest
/// record of its assignment's chain of corrections — is public from its deadline (20 working days
/// after the original record's inspection day, on the server's holiday calendar), or from an
/// earlier day an officer publishes it (`publish`). A record that arrives after its deadline is
/// public the day it arrives (late). A correction replaces the result shown (`corrected`).
/// A confidential record stays unpublished only if a user with the `approver` role who is not one
/// of its inspectors approved the hold before it was due; then its entry is 不予公开 with the
/// ground's category only. The server's day is the UTC+08:00 day of the injected clock.
class PublicationService {
public:
    PublicationService(ServerDatabase& database, InspectionStore& inspections, PlanStore& plans,
                       ReferenceDataStore& reference, UserStore& users,
                       PublicationStore& publication, Clock clock)
        : database_(database), inspections_(inspections), plans_(plans), reference_(reference),
          users_(users), publication_(publication), clock_(std::move(clock)) {}

    /// The server's day (UTC+08:00).
    Date today() const;

    /// Every result, by deadline then record id.
    Result<std::vector<PublicationEntry>> entries();
    /// The results that are public today, of one plan ("" for every plan), by plan, inspection
    /// day and target.
    Result<std::vector<PublicResult>> public_results(std::string_view plan_id);
    /// Counts over `entries`.
    static PublicationCounts counts(const std::vector<PublicationEntry>& entries);

    /// `admin publish RECORD`: publish today, before the deadline. Refused for a record that a
    /// correction superseded (not_found/invalid), one already public, or one whose hold an
    /// approver approved.
    Result<PublicationEntry> publish(std::string_view record_id, std::string_view by);

    /// Confidential holds (central-api.md 1.1): `approver` (a user name) approves or refuses
    /// holding back the result of `record_id`, the newest record of its chain. Refused
    /// (`forbidden`) unless the user has the `approver` role and is neither one of the record's
    /// inspectors (present or on its assignment's team) nor its uploader; `invalid` for a record
    /// that asks for no hold; `hold_decided` once decided or once the result is public.
    Result<PublicationEntry> decide_hold(std::string_view record_id, std::string_view approver,
                                         bool approve, std::string_view reason);

    /// The user (`username`, roster `inspector_id`) is one of the result's inspectors (present or
    /// on its assignment's team) or its uploader: they may not decide on its hold.
    static bool involved(const PublicationEntry& entry, std::string_view username,
                         const std::optional<std::string>& inspector_id);

    /// Follow-up (整改闭环).
    /// @{
    /// The company's deadline to rectify (YYYY-MM-DD) for a `rectification_ordered` result (the
    /// newest record of its chain); not before its inspection day, not once its follow-up exists.
    Status set_rectification_deadline(std::string_view record_id, std::string_view day);
    /// The case number (立案编号) of a `case_opened` result.
    Status set_case_number(std::string_view record_id, std::string_view number);
    /// Each rectification deadline the server's day has passed gets its follow-up assignment,
    /// once: the same target and items, the original assignment's team and draw, plan kind
    /// `follow_up` (targeted, not drawn), a window of 20 working days from the day after the
    /// deadline. The ids made now.
    Result<std::vector<std::string>> create_due_follow_ups();
    /// Every result with a rectification deadline or a case number: (record id, row).
    Result<std::vector<std::pair<PublicationEntry, PublicationRow>>> follow_ups();
    /// @}

private:
    /// The entry of `record_id` if it is the newest record of its chain; errors name why not.
    Result<PublicationEntry> newest_entry(std::string_view record_id);
    /// The publication row kept for `record_id`, or a new one for it.
    Result<PublicationRow> row_of(const std::string& record_id);

    ServerDatabase& database_;
    InspectionStore& inspections_;
    PlanStore& plans_;
    ReferenceDataStore& reference_;
    UserStore& users_;
    PublicationStore& publication_;
    Clock clock_;
};

} // namespace fi::server
