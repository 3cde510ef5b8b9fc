#include "core/recordstore.h"

#include "core/canonicaljson.h"
#include "core/database.h"
#include "core/date.h"
#include "core/enumnames.h"
#include "core/evidencechain.h"
#include "core/metastore.h"
#include "core/modeljson.h"
#include "core/outboxstore.h"
#include "core/referencestore.h"
#include "core/rules.h"
#include "core/sha256.h"
#include "core/statement.h"
#include "core/transaction.h"

#include <algorithm>
#include <set>

namespace fi {

namespace {

constexpr std::string_view locked_message =
    "This inspection record is completed and locked. To change it, start a correction: a "
    "new record that supersedes it, with a reason.";

constexpr EnumNames<VisitState, 6> visit_states{{{
    {VisitState::not_started, "not_started"},
    {VisitState::draft, "draft"},
    {VisitState::completed, "completed"},
    {VisitState::uploaded, "uploaded"},
    {VisitState::late, "late"},
    {VisitState::attention, "attention"},
}}};

constexpr EnumNames<RecordState, 4> record_states{{{
    {RecordState::draft, "draft"},
    {RecordState::frozen, "frozen"},
    {RecordState::completed, "completed"},
    {RecordState::uploaded, "uploaded"},
}}};

Result<RecordState> parse_state(std::string_view s) {
    if (auto state = record_states.parse(s))
        return *state;
    return Error::make(store_error::damaged, "Unknown record state '" + std::string(s) + "'.");
}

Error not_a_draft(const StoredRecord& r) {
    if (r.state == RecordState::frozen)
        return Error::make("assignment_revoked",
                           "The assignment of this draft was revoked by the central system, so "
                           "the draft is frozen. It is kept as it is; the new assignment (if any) "
                           "needs its own record.",
                           r.record.id);
    return Error::make("record_locked", locked_message, r.record.id);
}

Result<std::string> encode_body(const InspectionRecord& record) {
    auto canonical = canonical_json(encode_inspection_record(record));
    if (!canonical)
        return canonical.error();
    return std::move(canonical.value());
}

} // namespace

std::string_view to_string(RecordState s) {
    return record_states.to_string(s);
}

std::string_view to_string(VisitState s) {
    return visit_states.to_string(s);
}

VisitState visit_state(const RecordSummary& s) {
    switch (s.state) {
    case RecordState::draft:
        return VisitState::draft;
    case RecordState::frozen:
        return VisitState::attention;
    case RecordState::completed:
        return s.outbox == OutboxState::parked ? VisitState::attention : VisitState::completed;
    case RecordState::uploaded:
        return s.late ? VisitState::late : VisitState::uploaded;
    }
    return VisitState::not_started;
}

std::map<std::string, const RecordSummary*>
latest_by_assignment(const std::vector<RecordSummary>& records) {
    std::map<std::string, const RecordSummary*> out;
    for (const auto& r : records)
        out[r.assignment_id] = &r; // oldest first: a correction replaces what it corrects
    return out;
}

namespace {

/// Records still held, then the receipts of those the retention purge removed, in one order:
/// lists and the latest record of an assignment see both alike. The records' columns come from
/// the covering index `inspections_summary`, never their bodies; `with_outbox` joins each held
/// record's outbox row. Each summary is handed to `take` as it is read.
template <class Take> Status each_summary(Database& db, bool with_outbox, Take take) {
    const char* outbox = with_outbox ? "o.state AS outbox, COALESCE(o.error_message, '') AS error"
                                     : "NULL AS outbox, '' AS error";
    const char* join = with_outbox ? " LEFT JOIN outbox o ON o.record_id = i.id" : "";
    auto st = db.prepare(
        std::string("SELECT id, assignment_id, state, late, received_at, created_at, outbox, "
                    "error, purged, day FROM ("
                    "SELECT i.id, i.assignment_id, i.state, COALESCE(i.late, 0) AS late, "
                    "COALESCE(i.received_at, '') AS received_at, i.created_at, ") +
        outbox + ", 0 AS purged, '' AS day, i.rowid AS n FROM inspections i" + join +
        " UNION ALL SELECT r.record_id, r.assignment_id, 'uploaded', r.late, r.received_at, "
        "r.created_at, 'uploaded', '', 1, r.inspection_day, 0 FROM receipts r) "
        "ORDER BY created_at, n");
    if (!st)
        return st.error();
    for (;;) {
        auto row = st->step();
        if (!row)
            return row.error();
        if (!*row)
            return {};
        RecordSummary s;
        s.record_id = st->column_string(0);
        s.assignment_id = st->column_string(1);
        auto state = parse_state(st->column_text(2));
        if (!state)
            return state.error();
        s.state = *state;
        s.late = st->column_int64(3) != 0;
        s.received_at = st->column_string(4);
        s.created_at = st->column_string(5);
        if (auto o = st->column_optional_string(6))
            s.outbox = parse_outbox_state(*o).value_or(OutboxState::pending);
        s.error_message = st->column_string(7);
        s.purged = st->column_int(8) != 0;
        s.inspection_day = st->column_string(9);
        take(std::move(s));
    }
}

} // namespace

Result<std::vector<RecordSummary>> RecordStore::summaries() {
    std::vector<RecordSummary> out;
    FI_TRY(each_summary(db_, true, [&](RecordSummary&& s) { out.push_back(std::move(s)); }));
    return out;
}

Result<std::vector<RecordSummary>> RecordStore::latest_summaries() {
    // As latest_by_assignment picks them (oldest first, a later record replaces an earlier
    // one), kept as they are read: one summary an assignment is held, not one a record.
    std::map<std::string, RecordSummary> by_assignment;
    FI_TRY(each_summary(db_, false, [&](RecordSummary&& s) {
        auto& kept = by_assignment[s.assignment_id];
        kept = std::move(s);
    }));
    std::vector<RecordSummary> latest;
    latest.reserve(by_assignment.size());
    for (auto& [assignment, summary] : by_assignment)
        latest.push_back(std::move(summary));
    // The outbox rows of these records only, instead of one for every record ever made.
    auto st =
        db_.prepare("SELECT state, COALESCE(error_message, '') FROM outbox WHERE record_id = ?1");
    if (!st)
        return st.error();
    for (auto& s : latest) {
        if (s.purged)
            continue;
        st->reset();
        st->bind_all(s.record_id);
        auto row = st->step();
        if (!row)
            return row.error();
        if (*row) {
            s.outbox = parse_outbox_state(st->column_text(0)).value_or(OutboxState::pending);
            s.error_message = st->column_string(1);
        }
    }
    return latest;
}

Result<std::vector<std::string>> RecordStore::draft_ids() {
    return query_texts(db_, "SELECT id FROM inspections INDEXED BY inspections_summary "
                            "WHERE state = 'draft' ORDER BY created_at, rowid");
}

Result<StoredRecord> RecordStore::load_row(std::string_view record_id) {
    auto st = db_.prepare("SELECT state, body, chain_seq, chain_hash, frozen_reason, received_at, "
                          "late FROM inspections WHERE id = ?1");
    if (!st)
        return st.error();
    st->bind_all(record_id);
    auto row = st->step();
    if (!row)
        return row.error();
    if (!*row)
        return missing(record_id);
    auto state = parse_state(st->column_text(0));
    if (!state)
        return state.error();
    StoredRecord out;
    out.state = *state;
    out.body = st->column_string(1);
    const auto parsed = nlohmann::json::parse(out.body, nullptr, false);
    if (parsed.is_discarded())
        return Error::make(store_error::damaged,
                           "Inspection record " + std::string(record_id) + " cannot be read.");
    auto record = decode_inspection_record(parsed);
    if (!record)
        return Error::make(store_error::damaged, "Inspection record " + std::string(record_id) +
                                                     " cannot be read: " + record.error().message);
    out.record = std::move(record.value());
    if (!st->is_null(2))
        out.chain_seq = st->column_int64(2);
    out.chain_hash = st->column_optional_string(3);
    out.frozen_reason = st->column_optional_string(4);
    out.received_at = st->column_optional_string(5);
    out.late = !st->is_null(6) && st->column_int64(6) != 0;
    return out;
}

Error RecordStore::missing(std::string_view record_id) {
    auto st = db_.prepare("SELECT received_at, purged_at FROM receipts WHERE record_id = ?1");
    if (st) {
        st->bind_all(record_id);
        if (auto row = st->step(); row && *row)
            return Error::make(
                "record_purged",
                "Inspection record " + std::string(record_id) +
                    " is no longer on this tablet: the central system received it (" +
                    st->column_string(0) + ") and it was removed after the retention period (" +
                    st->column_string(1) +
                    "). Its receipt is kept here; the record itself is on the central system.",
                std::string(record_id));
    }
    return Error::make(store_error::not_found,
                       "No inspection record " + std::string(record_id) + " on this device.");
}

Result<StoredRecord> RecordStore::load(std::string_view record_id) {
    return load_row(record_id);
}

Result<StoredRecord> RecordStore::load_draft(std::string_view record_id) {
    auto current = load_row(record_id);
    if (!current)
        return current.error();
    if (current->state != RecordState::draft)
        return not_a_draft(*current);
    return current;
}

Status RecordStore::write_draft(std::string_view record_id, const InspectionRecord& next) {
    auto body = encode_body(next);
    if (!body)
        return body.error();
    return execute(db_,
                   "UPDATE inspections SET body = ?2, "
                   "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1",
                   record_id, *body);
}

Result<std::vector<StoredRecord>> RecordStore::history(std::string_view assignment_id) {
    std::vector<std::string> ids;
    {
        auto st = db_.prepare(
            "SELECT id FROM inspections WHERE assignment_id = ?1 ORDER BY created_at, rowid");
        if (!st)
            return st.error();
        st->bind_all(assignment_id);
        for (;;) {
            auto row = st->step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            ids.push_back(st->column_string(0));
        }
    }
    std::vector<StoredRecord> out;
    for (const auto& id : ids) {
        auto r = load_row(id);
        if (!r)
            return r.error();
        out.push_back(std::move(r.value()));
    }
    return out;
}

Status RecordStore::create_draft(const InspectionRecord& record) {
    if (record.id.empty() || record.assignment_id.empty())
        return Error::make("invalid", "A record needs an id and an assignment.");
    auto body = encode_body(record);
    if (!body)
        return body.error();
    auto st = db_.prepare("INSERT INTO inspections (id, assignment_id, assignment_revision, "
                          "state, supersedes, body) VALUES (?1, ?2, ?3, 'draft', ?4, ?5)");
    if (!st)
        return st.error();
    st->bind_all(record.id, record.assignment_id, record.assignment_revision, record.supersedes,
                 *body);
    auto s = st->run();
    if (!s && s.error().code == store_error::constraint)
        return Error::make("invalid", "A record with id " + record.id + " already exists.", "id");
    return s;
}

Status RecordStore::save_draft(const InspectionRecord& record) {
    auto tx = Savepoint::begin(db_, "records");
    if (!tx)
        return tx.error();
    auto current = load_draft(record.id);
    if (!current)
        return current.error();
    if (record.assignment_id != current->record.assignment_id ||
        record.assignment_revision != current->record.assignment_revision ||
        record.supersedes != current->record.supersedes)
        return Error::make("invalid",
                           "A draft stays with its assignment; start a new record instead.",
                           "assignment_id");
    // Photos are attached through add_photo/remove_photo only: keep the stored list.
    InspectionRecord next = record;
    next.photos = current->record.photos;
    next.signatures = current->record.signatures; // as photos: add_signature only
    FI_TRY(write_draft(record.id, next));
    return tx->release();
}

Status RecordStore::discard_draft(std::string_view record_id) {
    auto tx = Savepoint::begin(db_, "records");
    if (!tx)
        return tx.error();
    auto current = load_draft(record_id);
    if (!current)
        return current.error();
    for (const auto& p : current->record.photos)
        FI_TRY(remove_photo(record_id, p.id));
    for (const auto& g : current->record.signatures.value_or(std::vector<Signature>{}))
        if (!g.refused) {
            FI_TRY(execute(db_,
                           "DELETE FROM inspection_photos WHERE record_id = ?1 AND photo_id = ?2",
                           record_id, g.id));
            FI_TRY(PhotoStore(db_).remove(g.id));
        }
    FI_TRY(execute(db_, "DELETE FROM inspections WHERE id = ?1 AND state = 'draft'", record_id));
    return tx->release();
}

Result<PhotoRef> RecordStore::add_photo(std::string_view record_id, const PhotoCapture& capture,
                                        std::int64_t size_bytes, const ChunkSource& source) {
    auto tx = Savepoint::begin(db_, "records");
    if (!tx)
        return tx.error();
    auto current = load_draft(record_id);
    if (!current)
        return current.error();
    auto stored = PhotoStore(db_).put(capture.id, capture.mime, size_bytes, source);
    if (!stored)
        return stored.error();
    PhotoRef ref{stored->id,         stored->sha256,   stored->bytes,
                 stored->mime,       capture.taken_at, capture.location,
                 capture.finding_id, capture.source,   capture.original_taken_at};
    FI_TRY(execute(db_, "INSERT INTO inspection_photos (record_id, photo_id) VALUES (?1, ?2)",
                   record_id, ref.id));
    InspectionRecord next = current->record;
    next.photos.push_back(ref);
    if (ref.finding_id)
        for (auto& f : next.findings)
            if (f.id == *ref.finding_id)
                f.photo_ids.push_back(ref.id);
    FI_TRY(write_draft(record_id, next));
    FI_TRY(tx->release());
    return ref;
}

Status RecordStore::remove_photo(std::string_view record_id, std::string_view photo_id) {
    auto sp = Savepoint::begin(db_, "remove_photo");
    if (!sp)
        return sp.error();
    auto current = load_draft(record_id);
    if (!current)
        return current.error();
    InspectionRecord next = current->record;
    const auto before = next.photos.size();
    std::erase_if(next.photos, [&](const PhotoRef& p) { return p.id == photo_id; });
    if (next.photos.size() == before)
        return Error::make(store_error::not_found,
                           "The draft has no photo " + std::string(photo_id) + ".");
    for (auto& f : next.findings)
        std::erase(f.photo_ids, std::string(photo_id));
    FI_TRY(write_draft(record_id, next));
    FI_TRY(execute(db_, "DELETE FROM inspection_photos WHERE record_id = ?1 AND photo_id = ?2",
                   record_id, photo_id));
    FI_TRY(PhotoStore(db_).remove(photo_id));
    return sp->release();
}

Result<Signature> RecordStore::put_signature(const StoredRecord& current, Signature entry) {
    InspectionRecord next = current.record;
    std::vector<Signature> list = next.signatures.value_or(std::vector<Signature>{});
    const auto same_person = [&](const Signature& g) {
        return g.role == entry.role &&
               (entry.role != "inspector" || g.inspector_id == entry.inspector_id);
    };
    const auto earlier = std::find_if(list.begin(), list.end(), same_person);
    if (earlier != list.end()) {
        if (!earlier->refused) {
            FI_TRY(execute(db_,
                           "DELETE FROM inspection_photos WHERE record_id = ?1 AND photo_id = ?2",
                           next.id, earlier->id));
            FI_TRY(PhotoStore(db_).remove(earlier->id));
        }
        *earlier = entry;
    } else {
        list.push_back(entry);
    }
    next.signatures = std::move(list);
    FI_TRY(write_draft(next.id, next));
    return entry;
}

Result<Signature> RecordStore::add_signature(std::string_view record_id,
                                             const SignatureCapture& capture,
                                             std::span<const std::uint8_t> image) {
    if (capture.role != "inspector" && capture.role != "representative")
        return Error::make("invalid", "A signature is an inspector's or the representative's.",
                           "role");
    auto tx = Savepoint::begin(db_, "records");
    if (!tx)
        return tx.error();
    auto current = load_draft(record_id);
    if (!current)
        return current.error();
    auto stored = PhotoStore(db_).put_bytes(capture.id, capture.mime, image);
    if (!stored)
        return stored.error();
    FI_TRY(execute(db_, "INSERT INTO inspection_photos (record_id, photo_id) VALUES (?1, ?2)",
                   record_id, stored->id));
    Signature entry;
    entry.role = capture.role;
    if (capture.role == "inspector") {
        entry.inspector_id = capture.inspector_id;
    } else {
        entry.name = capture.name;
        entry.position = capture.position;
    }
    entry.id = stored->id;
    entry.sha256 = stored->sha256;
    entry.bytes = stored->bytes;
    entry.mime = stored->mime;
    entry.signed_at = capture.signed_at;
    auto put = put_signature(*current, std::move(entry));
    if (!put)
        return put.error();
    FI_TRY(tx->release());
    return put;
}

Result<Signature> RecordStore::record_refusal(std::string_view record_id, std::string_view reason) {
    auto tx = Savepoint::begin(db_, "records");
    if (!tx)
        return tx.error();
    auto current = load_draft(record_id);
    if (!current)
        return current.error();
    Signature entry;
    entry.role = "representative";
    entry.refused = true;
    entry.reason = std::string(reason);
    auto put = put_signature(*current, std::move(entry));
    if (!put)
        return put.error();
    FI_TRY(tx->release());
    return put;
}

Result<Problems> RecordStore::completion_problems(std::string_view record_id) {
    auto current = load_row(record_id);
    if (!current)
        return current.error();
    ReferenceStore refs(db_);
    auto ctx = refs.rule_context(current->record.assignment_id);
    if (!ctx)
        return ctx.error();
    return validate_for_completion(current->record, ctx->assignment_ptr(), ctx->catalogue(),
                                   ctx->inspectors());
}

Result<StoredRecord> RecordStore::complete(std::string_view record_id, std::string_view device_id) {
    auto tx = Savepoint::begin(db_, "records");
    if (!tx)
        return tx.error();
    auto current = load_draft(record_id);
    if (!current)
        return current.error();
    auto problems = completion_problems(record_id);
    if (!problems)
        return problems.error();
    if (!problems->empty()) {
        const Problem& first = problems->front();
        std::string msg = "The record cannot be completed yet (" +
                          std::to_string(problems->size()) + " problem" +
                          (problems->size() > 1 ? "s" : "") + "): " + first.message;
        return Error::make(first.code, msg, first.field);
    }
    // The bytes about to be sealed must be the bytes that were hashed at capture: each
    // photo's, and each signature's image.
    PhotoStore photos(db_);
    auto still_as_hashed = [&](const std::string& id, const std::string& sha256,
                               const std::string& what) -> Status {
        auto stored = photos.hash_stored(id);
        if (!stored)
            return stored.error();
        if (*stored != sha256)
            return Error::make(store_error::damaged,
                               what + " " + id +
                                   " no longer matches the hash taken when it was captured; "
                                   "the record was not completed. Contact support.",
                               id);
        return {};
    };
    for (const auto& p : current->record.photos)
        FI_TRY(still_as_hashed(p.id, p.sha256, "Photo"));
    for (const auto& g : current->record.signatures.value_or(std::vector<Signature>{}))
        if (!g.refused)
            FI_TRY(still_as_hashed(g.id, g.sha256, "Signature"));
    std::optional<ChainLink> previous;
    {
        auto st = db_.prepare("SELECT last_seq, last_hash FROM device_chain WHERE device_id = ?1");
        if (!st)
            return st.error();
        st->bind_all(device_id);
        auto row = st->step();
        if (!row)
            return row.error();
        if (*row)
            previous = ChainLink{std::string(device_id), st->column_int64(0), std::string(),
                                 st->column_string(1)};
    }
    // The draw check is sealed into the record as it stands at completion.
    InspectionRecord sealed_record = current->record;
    if (auto assignment = ReferenceStore(db_).assignment(sealed_record.assignment_id);
        assignment && *assignment) {
        auto verification = ReferenceStore(db_).verify_team(**assignment);
        if (!verification)
            return verification.error();
        sealed_record.draw_verified = verification->verified();
    } else {
        sealed_record.draw_verified = false;
    }
    const nlohmann::json record_json = encode_inspection_record(sealed_record);
    auto link = next_link(previous, device_id, record_json);
    if (!link)
        return link.error();
    nlohmann::json sealed = record_json;
    sealed["chain"] = link->to_json();
    auto body = canonical_json(sealed);
    if (!body)
        return body.error();
    FI_TRY(execute(db_,
                   "UPDATE inspections SET state = 'completed', body = ?2, chain_seq = ?3, "
                   "chain_hash = ?4, completed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), "
                   "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1",
                   record_id, *body, link->seq, link->hash));
    FI_TRY(execute(db_,
                   "INSERT OR REPLACE INTO device_chain (device_id, last_seq, last_hash) "
                   "VALUES (?1, ?2, ?3)",
                   device_id, link->seq, link->hash));
    FI_TRY(execute(db_, "INSERT INTO outbox (record_id, state) VALUES (?1, 'pending')", record_id));
    FI_TRY(tx->release());
    return load_row(record_id);
}

Result<int> RecordStore::freeze_drafts(std::string_view assignment_id, std::string_view reason) {
    auto st = db_.prepare("UPDATE inspections SET state = 'frozen', frozen_reason = ?2, "
                          "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                          "WHERE assignment_id = ?1 AND state = 'draft'");
    if (!st)
        return st.error();
    st->bind_all(assignment_id, reason);
    FI_TRY(st->run());
    return db_.changes();
}

Status RecordStore::mark_uploaded(std::string_view record_id, std::string_view received_at,
                                  bool late) {
    auto tx = Savepoint::begin(db_, "records");
    if (!tx)
        return tx.error();
    auto current = load_row(record_id);
    if (!current)
        return current.error();
    if (current->state == RecordState::uploaded)
        return tx->release(); // a replayed receipt: nothing to do
    if (current->state != RecordState::completed)
        return Error::make("invalid", "Only a completed record can be uploaded.", record_id);
    for (const char* sql :
         {"UPDATE inspections SET state = 'uploaded', received_at = ?2, late = ?3 WHERE id = ?1",
          "UPDATE outbox SET state = 'uploaded', error_code = NULL, error_message = NULL, "
          "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE record_id = ?1"}) {
        auto st = db_.prepare(sql);
        if (!st)
            return st.error();
        st->bind(1, record_id);
        if (std::string_view(sql).find("?2") != std::string_view::npos)
            st->bind(2, received_at).bind(3, late);
        FI_TRY(st->run());
    }
    return tx->release();
}

namespace {

/// One acknowledged record as the purge reads it: what its receipt needs.
struct Acknowledged {
    PurgeItem item;
    std::string created_at;
    std::string completed_at;
    std::chrono::system_clock::time_point received;
};

} // namespace

Result<PurgeReport>
RecordStore::purge_acknowledged(std::chrono::system_clock::time_point acknowledged_before,
                                bool dry_run) {
    auto tx = Savepoint::begin(db_, "purge");
    if (!tx)
        return tx.error();
    // Only a record whose receipt came back (outbox acked) and whose photos all arrived
    // (record and outbox uploaded); the time is compared parsed, as offsets may differ.
    std::vector<Acknowledged> old;
    {
        auto st =
            db_.prepare("SELECT i.id, i.assignment_id, i.received_at, i.created_at, "
                        "COALESCE(i.completed_at, ''), "
                        "(SELECT count(*) FROM inspection_photos ip WHERE ip.record_id = i.id), "
                        "(SELECT COALESCE(sum(p.bytes), 0) FROM inspection_photos ip JOIN photos p "
                        " ON p.id = ip.photo_id WHERE ip.record_id = i.id) "
                        "FROM inspections i JOIN outbox o ON o.record_id = i.id "
                        "WHERE i.state = 'uploaded' AND o.state = 'uploaded' AND o.acked = 1 "
                        "AND i.received_at IS NOT NULL ORDER BY i.created_at, i.rowid");
        if (!st)
            return st.error();
        for (;;) {
            auto row = st->step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            auto received = parse_rfc3339(st->column_text(2));
            if (!received || *received >= acknowledged_before)
                continue; // an unreadable time is never taken as old enough
            Acknowledged a;
            a.item.record_id = st->column_string(0);
            a.item.assignment_id = st->column_string(1);
            a.item.received_at = st->column_string(2);
            a.created_at = st->column_string(3);
            a.completed_at = st->column_string(4);
            a.item.photo_count = st->column_int(5);
            a.item.photo_bytes = st->column_int64(6);
            a.received = *received;
            old.push_back(std::move(a));
        }
    }
    // A record corrected by one that stays on the tablet stays too (the correction names it).
    std::set<std::string> going;
    for (const auto& a : old)
        going.insert(a.item.record_id);
    std::map<std::string, std::vector<std::string>> corrected_by; // original → corrections
    {
        auto st =
            db_.prepare("SELECT id, supersedes FROM inspections WHERE supersedes IS NOT NULL");
        if (!st)
            return st.error();
        for (;;) {
            auto row = st->step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            corrected_by[st->column_string(1)].push_back(st->column_string(0));
        }
    }
    PurgeReport report;
    for (bool changed = true; changed;) {
        changed = false;
        for (const auto& [original, corrections] : corrected_by)
            if (going.contains(original))
                for (const auto& c : corrections)
                    if (!going.contains(c)) {
                        going.erase(original);
                        report.kept_for_corrections.push_back(original);
                        changed = true;
                        break;
                    }
    }
    // Corrections go before what they correct (the foreign key), so newest first.
    PhotoStore photos(db_);
    for (auto it = old.rbegin(); it != old.rend(); ++it) {
        if (!going.contains(it->item.record_id))
            continue;
        auto record = load_row(it->item.record_id);
        if (!record)
            return record.error();
        it->item.inspection_day = record->record.inspection_day;
        report.photo_bytes += it->item.photo_bytes;
        if (!dry_run) {
            const InspectionRecord& r = record->record;
            auto st = db_.prepare(
                "INSERT INTO receipts (record_id, assignment_id, assignment_revision, supersedes, "
                "inspection_day, chain_seq, chain_hash, body_sha256, onsite, outcome, "
                "confidential, photo_count, photo_bytes, received_at, late, created_at, "
                "completed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                "?14, ?15, ?16, ?17)");
            if (!st)
                return st.error();
            std::optional<std::string> outcome;
            if (r.outcome)
                outcome = std::string(to_string(*r.outcome));
            st->bind_all(r.id, r.assignment_id, r.assignment_revision, r.supersedes,
                         r.inspection_day, record->chain_seq.value_or(0),
                         record->chain_hash.value_or(""), Sha256::hex(record->body),
                         !r.offsite_method.has_value(), outcome, r.confidential,
                         it->item.photo_count, it->item.photo_bytes, it->item.received_at,
                         record->late, it->created_at, it->completed_at);
            FI_TRY(st->run());
            FI_TRY(execute(db_, "DELETE FROM inspection_photos WHERE record_id = ?1", r.id));
            for (const auto& p : r.photos) {
                FI_TRY(photos.remove(p.id));
                FI_TRY(photos.remove_derived(p.id));
            }
            for (const auto& g : r.signatures.value_or(std::vector<Signature>{}))
                if (!g.refused)
                    FI_TRY(photos.remove(g.id));
            FI_TRY(execute(db_, "DELETE FROM outbox WHERE record_id = ?1", r.id));
            FI_TRY(execute(db_, "DELETE FROM inspections WHERE id = ?1", r.id));
        }
        report.removed.push_back(it->item);
    }
    std::reverse(report.removed.begin(), report.removed.end());
    FI_TRY(tx->release());
    if (!dry_run && !report.removed.empty() && !db_.in_transaction())
        // secure_delete zeroed the freed pages in the WAL; fold it into the file and empty
        // it, so no earlier frame with the photos' bytes stays beside the store.
        FI_TRY(db_.exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    return report;
}

Result<std::vector<Receipt>> RecordStore::receipts() {
    auto st = db_.prepare(
        "SELECT record_id, assignment_id, assignment_revision, supersedes, inspection_day, "
        "chain_seq, chain_hash, body_sha256, onsite, outcome, confidential, photo_count, "
        "photo_bytes, received_at, late, created_at, COALESCE(completed_at, ''), purged_at "
        "FROM receipts ORDER BY created_at, rowid");
    if (!st)
        return st.error();
    std::vector<Receipt> out;
    for (;;) {
        auto row = st->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        Receipt r;
        r.record_id = st->column_string(0);
        r.assignment_id = st->column_string(1);
        r.assignment_revision = st->column_int(2);
        r.supersedes = st->column_optional_string(3);
        r.inspection_day = st->column_string(4);
        r.chain_seq = st->column_int64(5);
        r.chain_hash = st->column_string(6);
        r.body_sha256 = st->column_string(7);
        r.onsite = st->column_int(8) != 0;
        if (auto o = st->column_optional_string(9))
            r.outcome = parse_outcome(*o);
        r.confidential = st->column_int(10) != 0;
        r.photo_count = st->column_int(11);
        r.photo_bytes = st->column_int64(12);
        r.received_at = st->column_string(13);
        r.late = st->column_int(14) != 0;
        r.created_at = st->column_string(15);
        r.completed_at = st->column_string(16);
        r.purged_at = st->column_string(17);
        out.push_back(std::move(r));
    }
    return out;
}

Result<InspectionRecord>
RecordStore::start_correction(std::string_view original_id, std::string_view new_id,
                              std::string_view reason,
                              const std::vector<std::string>& new_photo_ids) {
    if (reason.empty())
        return Error::make("correction_reason_required",
                           "A correction needs a reason that says what was wrong.",
                           "correction_reason");
    auto tx = Savepoint::begin(db_, "records");
    if (!tx)
        return tx.error();
    auto original = load_row(original_id);
    if (!original)
        return original.error();
    // A completed record goes up before its correction (chain order), so the central system
    // holds it by the time the correction arrives.
    if (original->state != RecordState::uploaded && original->state != RecordState::completed)
        return Error::make("invalid",
                           "Only a completed record can be corrected; a draft is still edited "
                           "as it is.",
                           original_id);
    const auto& old = original->record;
    if (new_photo_ids.size() != old.photos.size())
        return Error::make("invalid", "A correction needs one new id per photo of the original.");
    InspectionRecord next = old;
    next.id = std::string(new_id);
    next.supersedes = old.id;
    next.correction_reason = std::string(reason);
    next.photos.clear();
    if (next.signatures)
        next.signatures->clear(); // copied below, under new ids
    for (auto& f : next.findings)
        f.photo_ids.clear();
    FI_TRY(create_draft(next));
    PhotoStore photos(db_);
    for (std::size_t i = 0; i < old.photos.size(); ++i) {
        const auto& p = old.photos[i];
        PhotoCapture capture{new_photo_ids[i],   p.mime,       p.taken_at,
                             p.location,         p.finding_id, p.source.value_or("camera"),
                             p.original_taken_at};
        // Stream the original's bytes into the copy, chunk by chunk.
        std::int64_t offset = 0;
        auto added = add_photo(
            next.id, capture, p.bytes, [&](std::span<std::uint8_t> buf) -> Result<std::size_t> {
                const auto n =
                    std::min<std::int64_t>(static_cast<std::int64_t>(buf.size()), p.bytes - offset);
                std::size_t filled = 0;
                FI_TRY(photos.read(p.id, offset, n, [&](std::span<const std::uint8_t> c) {
                    std::copy(c.begin(), c.end(), buf.data() + filled);
                    filled += c.size();
                    return Status{};
                }));
                offset += n;
                return filled;
            });
        if (!added)
            return added.error();
    }
    // The signatures given on site stay with the visit the correction restates: copied under
    // new ids (each image a record's own), in their order.
    for (const auto& g : old.signatures.value_or(std::vector<Signature>{})) {
        auto draft = load_draft(next.id);
        if (!draft)
            return draft.error();
        if (g.refused) {
            FI_TRY(put_signature(*draft, g));
            continue;
        }
        std::vector<std::uint8_t> image;
        FI_TRY(photos.read_all(g.id, [&](std::span<const std::uint8_t> c) {
            image.insert(image.end(), c.begin(), c.end());
            return Status{};
        }));
        auto copy = PhotoStore(db_).put_bytes(make_uuid_v4(), g.mime, image);
        if (!copy)
            return copy.error();
        FI_TRY(execute(db_, "INSERT INTO inspection_photos (record_id, photo_id) VALUES (?1, ?2)",
                       next.id, copy->id));
        Signature entry = g;
        entry.id = copy->id;
        FI_TRY(put_signature(*draft, std::move(entry)));
    }
    FI_TRY(tx->release());
    auto loaded = load_row(next.id);
    if (!loaded)
        return loaded.error();
    return loaded->record;
}

Result<std::vector<RecordVersion>> RecordStore::versions(std::string_view record_id) {
    // The assignment: from the record, or from its receipt once purged.
    std::string assignment_id;
    auto receipts_held = receipts();
    if (!receipts_held)
        return receipts_held.error();
    if (auto stored = load_row(record_id))
        assignment_id = stored->record.assignment_id;
    else
        for (const auto& r : *receipts_held)
            if (r.record_id == record_id)
                assignment_id = r.assignment_id;
    if (assignment_id.empty())
        return missing(record_id);

    std::map<std::string, RecordVersion, std::less<>> all;
    for (const auto& r : *receipts_held)
        if (r.assignment_id == assignment_id)
            all[r.record_id] = RecordVersion{
                r.record_id,  RecordState::uploaded, OutboxState::uploaded, r.completed_at,
                r.supersedes, std::nullopt,          r.received_at,         true};
    auto held = history(assignment_id);
    if (!held)
        return held.error();
    for (const auto& s : *held) {
        if (s.state == RecordState::frozen)
            continue; // a revoked assignment's draft corrects nothing
        const bool open = s.state == RecordState::draft;
        all[s.record.id] = RecordVersion{s.record.id,
                                         s.state,
                                         std::nullopt,
                                         open ? std::string() : s.record.finished_at,
                                         s.record.supersedes,
                                         s.record.correction_reason,
                                         s.received_at.value_or(""),
                                         false};
    }
    auto rows = summaries();
    if (!rows)
        return rows.error();
    for (const auto& s : *rows)
        if (auto it = all.find(s.record_id); it != all.end() && !it->second.purged)
            it->second.outbox = s.outbox;

    std::vector<RecordVersion> back;
    for (auto it = all.find(record_id); it != all.end() && back.size() <= all.size();) {
        back.push_back(it->second);
        it = it->second.supersedes ? all.find(*it->second.supersedes) : all.end();
    }
    std::vector<RecordVersion> out(back.rbegin(), back.rend());
    while (!out.empty() && out.size() <= all.size()) {
        const RecordVersion* next = nullptr;
        for (const auto& [id, v] : all)
            if (v.supersedes == out.back().record_id &&
                (!next || (next->state == RecordState::draft && v.state != RecordState::draft)))
                next = &v;
        if (!next)
            break;
        out.push_back(*next);
    }
    return out;
}

} // namespace fi
