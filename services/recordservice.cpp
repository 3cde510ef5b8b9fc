#include "services/recordservice.h"

#include "core/answers.h"
#include "core/capture.h"
#include "core/date.h"
#include "core/metastore.h"
#include "core/modeljson.h"
#include "core/place.h"
#include "core/placestore.h"
#include "core/recordstore.h"
#include "core/referencestore.h"
#include "core/timeflags.h"
#include "platform/photoimporter.h"
#include "services/assignmentservice.h"
#include "services/errors.h"
#include "services/workspace.h"

namespace fi::services {

namespace {
/// The store owns the photo list; a finding cites exactly the photos taken for it.
void reconcile_photos(InspectionRecord& next, const InspectionRecord& stored) {
    if (stored.location) // taken once, when the inspection started: never refreshed
        next.location = stored.location;
    next.photos = stored.photos;
    for (auto& f : next.findings) {
        f.photo_ids.clear();
        for (const auto& p : stored.photos)
            if (p.finding_id == f.id)
                f.photo_ids.push_back(p.id);
    }
}
/// Why `stored` cannot be corrected, given its chain of versions; nothing when it can (a
/// correction being written for the chain included: correcting reopens it).
std::optional<Error> correction_refused(const StoredRecord& stored,
                                        const std::vector<RecordVersion>& chain) {
    const std::string& id = stored.record.id;
    if (stored.state != RecordState::completed && stored.state != RecordState::uploaded)
        return Error::make(service_error::not_correctable,
                           "Record " + id + " is " + std::string(to_string(stored.state)) +
                               ": only a completed record can be corrected. A draft is still "
                               "edited as it is.",
                           id);
    const RecordVersion* head = nullptr;
    for (const auto& v : chain)
        if (v.state != RecordState::draft)
            head = &v;
    if (head && head->record_id != id)
        return Error::make(service_error::not_chain_head,
                           "Record " + id + " was already corrected; its newest version is " +
                               head->record_id +
                               ". Correct that one: a correction always starts from the newest "
                               "version.",
                           head->record_id);
    if (head && head->outbox == OutboxState::parked)
        return Error::make(service_error::not_correctable,
                           "The central system refused record " + id +
                               ", so there is nothing it holds to correct. See why on the Sync "
                               "page (or `fieldinspect-cli status`).",
                           id);
    return std::nullopt;
}
} // namespace

Result<OpenedRecord> RecordService::opened(StoredRecord stored) {
    auto db = w_.store();
    if (!db)
        return db.error();
    ReferenceStore refs(**db);
    OpenedRecord o;
    auto ctx = refs.rule_context(stored.record.assignment_id);
    if (!ctx)
        return ctx.error();
    if (ctx->assignment)
        o.assignment = *ctx->assignment;
    // Items in the assignment's order (the rule context holds those the catalogue knows).
    for (const auto& id : o.assignment.item_ids)
        for (const auto& item : ctx->items)
            if (item.id == id)
                o.items.push_back(item);
    o.roster = ctx->roster;
    o.start_distance_m = distance_to_target_m(stored.record.location, o.assignment.target);
    auto place = PlaceStore(**db).load(stored.record.id);
    if (!place)
        return place.error();
    o.place = std::move(place.value());
    if (stored.state == RecordState::draft) {
        auto problems = RecordStore(**db).completion_problems(stored.record.id);
        if (!problems)
            return problems.error();
        auto flags = time_flags(**db, stored.record);
        if (!flags)
            return flags.error();
        o.problems = with_time_flags(std::move(problems.value()), *flags);
    } else if (!stored.record.finished_at.empty()) {
        if (auto done = parse_rfc3339(stored.record.finished_at)) {
            const auto deadline = w_.calendar().publication_deadline(china_date(*done));
            o.publication_deadline = deadline.date.to_string();
            o.deadline_provisional = deadline.provisional;
        }
    }
    auto versions = RecordStore(**db).versions(stored.record.id);
    if (!versions)
        return versions.error();
    o.versions = std::move(versions.value());
    o.correctable = ctx->assignment && ctx->assignment->status != AssignmentStatus::revoked &&
                    !correction_refused(stored, o.versions);
    o.stored = std::move(stored);
    return o;
}

Result<OpenedRecord> RecordService::start(const std::string& assignment_id,
                                          const std::vector<std::string>& present,
                                          const std::optional<Location>& location,
                                          const std::optional<OffsiteMethod>& offsite) {
    auto db = w_.store();
    if (!db)
        return db.error();
    auto a = held_assignment(**db, assignment_id);
    if (!a)
        return a.error();
    if (a->status == AssignmentStatus::revoked)
        return Error::make(rule_code::assignment_revoked,
                           "This assignment was revoked by a re-draw; it can no longer be "
                           "inspected.");
    auto records = RecordStore(**db).summaries();
    if (!records)
        return records.error();
    const auto latest = latest_by_assignment(*records);
    if (auto it = latest.find(assignment_id); it != latest.end()) {
        if (it->second->state == RecordState::draft)
            return open(it->second->record_id);
        if (it->second->state != RecordState::frozen)
            return Error::make(service_error::already_inspected,
                               "This assignment already has a completed record (" +
                                   it->second->record_id + ").");
    }
    InspectionRecord r = start_record(*a, make_uuid_v4(), w_.now(), w_.boot_clock().read().wall);
    r.inspectors_present = present;
    if (a->mode == InspectionMode::onsite)
        r.location = location;
    else
        r.offsite_method = offsite;
    FI_TRY(RecordStore(**db).create_draft(r));
    return open(r.id);
}

Result<OpenedRecord> RecordService::open(const std::string& record_id) {
    auto db = w_.store();
    if (!db)
        return db.error();
    auto stored = RecordStore(**db).load(record_id);
    if (!stored)
        return stored.error();
    return opened(std::move(stored.value()));
}

Status RecordService::save_draft(InspectionRecord record) {
    auto db = w_.store();
    if (!db)
        return db.error();
    RecordStore records(**db);
    auto current = records.load(record.id);
    if (!current)
        return current.error();
    reconcile_photos(record, current->record);
    return records.save_draft(record);
}

Result<Problems> RecordService::completion_problems(InspectionRecord record) {
    auto db = w_.store();
    if (!db)
        return db.error();
    // Judged as if it ended now: completing stamps the end again (finish_record).
    finish_record(record, w_.now());
    const std::string id = record.id;
    FI_TRY(save_draft(std::move(record)));
    auto problems = RecordStore(**db).completion_problems(id);
    if (!problems)
        return problems.error();
    auto saved = RecordStore(**db).load(id);
    if (!saved)
        return saved.error();
    auto flags = time_flags(**db, saved->record);
    if (!flags)
        return flags.error();
    return with_time_flags(std::move(*problems), *flags);
}

Result<Problems> RecordService::time_flags(Database& db, const InspectionRecord& record) {
    auto ctx = ReferenceStore(db).rule_context(record.assignment_id);
    if (!ctx)
        return ctx.error();
    if (!ctx->assignment)
        return Problems{}; // the rules already say not_assigned
    return check_time_flags(record, *ctx->assignment, w_.now().time);
}

Result<OpenedRecord> RecordService::complete(InspectionRecord record,
                                             const std::optional<Location>& at, bool simulated) {
    const std::string id = record.id;
    auto problems = completion_problems(std::move(record));
    if (!problems)
        return problems.error();
    if (problems->empty()) {
        Database& db = **w_.store();
        auto device = MetaStore(db).device_id();
        if (!device)
            return device.error();
        auto done = RecordStore(db).complete(id, *device);
        if (!done)
            return done.error();
        // Beside the sealed record: where it was completed and how far from the target.
        auto a = held_assignment(db, done->record.assignment_id);
        if (!a)
            return a.error();
        const RecordPlace place{at, distance_to_target_m(done->record.location, a->target),
                                distance_to_target_m(at, a->target), simulated};
        FI_TRY(PlaceStore(db).keep(id, place));
    }
    return open(id);
}

Status RecordService::discard(const std::string& record_id) {
    auto db = w_.store();
    if (!db)
        return db.error();
    return platform::PhotoImporter(**db, w_.data_dir()).discard_draft(record_id);
}

Result<std::vector<RecordSummary>> RecordService::drafts() {
    auto db = w_.store();
    if (!db)
        return db.error();
    auto all = RecordStore(**db).summaries();
    if (!all)
        return all.error();
    std::erase_if(*all, [](const RecordSummary& s) { return s.state != RecordState::draft; });
    return all;
}

Result<std::string> RecordService::export_text(const std::string& record_id) {
    auto db = w_.store();
    if (!db)
        return db.error();
    auto r = RecordStore(**db).load(record_id);
    if (!r)
        return r.error();
    if (r->state == RecordState::draft || r->state == RecordState::frozen)
        return encode_inspection_record(r->record).dump();
    return r->body;
}

Result<std::vector<RecordVersion>> RecordService::versions(const std::string& record_id) {
    auto db = w_.store();
    if (!db)
        return db.error();
    return RecordStore(**db).versions(record_id);
}

Result<CorrectionDraft> RecordService::correct(const std::string& record_id,
                                               const std::string& reason) {
    if (is_blank(reason))
        return Error::make(rule_code::correction_reason_required,
                           "A correction needs a reason that says what was wrong.",
                           "correction_reason");
    auto db = w_.store();
    if (!db)
        return db.error();
    RecordStore records(**db);
    auto stored = records.load(record_id);
    if (!stored)
        return stored.error();
    auto a = held_assignment(**db, stored->record.assignment_id);
    if (!a)
        return a.error();
    if (a->status == AssignmentStatus::revoked)
        return Error::make(rule_code::assignment_revoked,
                           "This assignment was revoked by a re-draw; its records can no longer "
                           "be corrected.");
    auto chain = records.versions(record_id);
    if (!chain)
        return chain.error();
    if (auto refused = correction_refused(*stored, *chain))
        return *refused;
    for (const auto& v : *chain)
        if (v.state == RecordState::draft) { // one correction at a time: that one
            auto draft = open(v.record_id);
            if (!draft)
                return draft.error();
            return CorrectionDraft{std::move(draft.value()), true};
        }
    std::vector<std::string> photo_ids;
    for (std::size_t i = 0; i < stored->record.photos.size(); ++i)
        photo_ids.push_back(make_uuid_v4());
    auto next = records.start_correction(record_id, make_uuid_v4(), reason, photo_ids);
    if (!next)
        return next.error();
    auto draft = open(next->id);
    if (!draft)
        return draft.error();
    return CorrectionDraft{std::move(draft.value()), false};
}

} // namespace fi::services
