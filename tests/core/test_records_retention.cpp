// Holding less (issue 16): the retention purge removes what the central system acknowledged
// long enough ago, with its photos, and keeps its receipt — in the real encrypted store, whose
// triggers let nothing else go. One case runs a plaintext store through the same library, so
// that the file itself can be searched for the photo's bytes.
#include "core/date.h"
#include "core/photostore.h"
#include "core/sha256.h"
#include "core/statistics.h"
#include "support/domainfixture.h"

#include <doctest/doctest.h>
#include <fstream>
#include <iterator>

using namespace fi;
using namespace fi::test;

namespace {

const std::string old_receipt = "2026-11-28T18:00:00.000+08:00";
/// Retention cut-off a little over a month after `old_receipt`.
std::chrono::system_clock::time_point cutoff() {
    return parse_rfc3339("2027-01-01T00:00:00.000+08:00").value();
}

/// Complete `id` with one photo (and the thumbnail the importer keeps beside it).
void complete_with_photo(Fixture& f, const std::string& id, const std::string& photo_id) {
    REQUIRE(f.records.create_draft(f.record(id)).ok());
    f.add_photo(id, photo_id, std::nullopt);
    const std::vector<std::uint8_t> thumb(900, 0x5a);
    REQUIRE(PhotoStore(f.db).put_bytes(photo_id + ".thumb", "image/jpeg", thumb).ok());
    REQUIRE(f.records.complete(id, device).ok());
}

/// What the uploader does when the central system took the record, then every photo.
void acknowledge(Fixture& f, const std::string& id, const std::string& received_at, bool late,
                 bool photos_done = true) {
    REQUIRE(OutboxStore(f.db).record_ack(id, received_at, late).ok());
    if (photos_done)
        REQUIRE(f.records.mark_uploaded(id, received_at, late).ok());
}

std::int64_t count(Database& db, const std::string& sql) {
    auto st = db.prepare(sql);
    REQUIRE(st.ok());
    REQUIRE(st->step().value());
    return st->column_int64(0);
}

std::string whole_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

TEST_CASE("retention purge: an acknowledged old record goes with its photos, its receipt stays, "
          "nothing else is touched") {
    Fixture f;
    const std::string gone = "1b2c3d4e-0000-4000-8000-000000000001";
    const std::string photo = "1b2c3d4e-0000-4000-8000-0000000000f1";
    complete_with_photo(f, gone, photo);
    acknowledge(f, gone, old_receipt, true);
    const StoredRecord before = f.records.load(gone).value();

    // Old enough too, but the central system has not confirmed every photo yet.
    const std::string photos_pending = "1b2c3d4e-0000-4000-8000-000000000002";
    complete_with_photo(f, photos_pending, "1b2c3d4e-0000-4000-8000-0000000000f2");
    acknowledge(f, photos_pending, old_receipt, false, /*photos_done=*/false);
    // Completed, never sent; a draft; a record acknowledged within the period.
    const std::string unsent = "1b2c3d4e-0000-4000-8000-000000000003";
    REQUIRE(f.records.create_draft(f.record(unsent)).ok());
    REQUIRE(f.records.complete(unsent, device).ok());
    const std::string draft = "1b2c3d4e-0000-4000-8000-000000000004";
    REQUIRE(f.records.create_draft(f.record(draft)).ok());
    f.add_photo(draft, "1b2c3d4e-0000-4000-8000-0000000000f4", std::nullopt);
    const std::string recent = "1b2c3d4e-0000-4000-8000-000000000005";
    REQUIRE(f.records.create_draft(f.record(recent)).ok());
    REQUIRE(f.records.complete(recent, device).ok());
    acknowledge(f, recent, "2027-01-10T09:00:00.000+08:00", false);

    // A dry run says what would go and removes nothing.
    const auto dry = f.records.purge_acknowledged(cutoff(), true);
    REQUIRE_MESSAGE(dry.ok(), (dry.ok() ? "" : dry.error().message));
    REQUIRE(dry->removed.size() == 1);
    CHECK(dry->removed[0].record_id == gone);
    CHECK(dry->removed[0].photo_count == 1);
    CHECK(dry->removed[0].photo_bytes == 70000);
    CHECK(dry->removed[0].inspection_day == "2026-11-28");
    CHECK(f.records.load(gone).ok());
    CHECK(f.records.receipts().value().empty());

    const auto done = f.records.purge_acknowledged(cutoff(), false);
    REQUIRE_MESSAGE(done.ok(), (done.ok() ? "" : done.error().message));
    REQUIRE(done->removed.size() == 1);
    CHECK(done->photo_bytes == 70000);

    // The record, its photo and thumbnail with their bytes, its link and outbox row are gone.
    const auto loaded = f.records.load(gone);
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().code == "record_purged");
    CHECK(loaded.error().message.find("central system") != std::string::npos);
    CHECK(PhotoStore(f.db).info(photo).error().code == "not_found");
    CHECK(PhotoStore(f.db).info(photo + ".thumb").error().code == "not_found");
    CHECK(count(f.db, "SELECT count(*) FROM outbox WHERE record_id = '" + gone + "'") == 0);
    CHECK(count(f.db, "SELECT count(*) FROM inspection_photos WHERE record_id = '" + gone + "'") ==
          0);
    // Two photos left (the pending record's and the draft's) and the pending one's thumbnail.
    CHECK(count(f.db, "SELECT count(*) FROM photo_data") == 3);

    // The receipt answers "was it sent, when, late" and matches what was sent.
    const auto receipts = f.records.receipts().value();
    REQUIRE(receipts.size() == 1);
    const Receipt& r = receipts[0];
    CHECK(r.record_id == gone);
    CHECK(r.assignment_id == "A-1");
    CHECK(r.inspection_day == "2026-11-28");
    CHECK(r.received_at == old_receipt);
    CHECK(r.late);
    CHECK(r.chain_hash == before.chain_hash.value());
    CHECK(r.chain_seq == before.chain_seq.value());
    CHECK(r.body_sha256 == Sha256::hex(before.body));
    CHECK(r.onsite);
    CHECK(r.outcome == Outcome::no_problem);
    CHECK(r.photo_count == 1);
    CHECK_FALSE(r.purged_at.empty());

    // Lists still see it, as uploaded (late) with only its receipt.
    bool listed = false;
    const auto summaries = f.records.summaries().value();
    for (const auto& s : summaries)
        if (s.record_id == gone) {
            listed = true;
            CHECK(s.purged);
            CHECK(s.state == RecordState::uploaded);
            CHECK(visit_state(s) == VisitState::late);
            CHECK(s.received_at == old_receipt);
            CHECK(s.inspection_day == "2026-11-28");
        }
    CHECK(listed);

    // Everything else is as it was.
    CHECK(f.records.load(photos_pending).value().state == RecordState::completed);
    CHECK(f.records.load(unsent).value().state == RecordState::completed);
    CHECK(f.records.load(draft).value().record.photos.size() == 1);
    CHECK(f.records.load(recent).value().state == RecordState::uploaded);
    CHECK(OutboxStore(f.db).entry(photos_pending).value().acked);

    // A second run finds nothing more; a later cut-off takes the recent one, and never the
    // unacknowledged, unsent or draft records however late it is.
    CHECK(f.records.purge_acknowledged(cutoff(), false).value().removed.empty());
    const auto later =
        f.records.purge_acknowledged(parse_rfc3339("2036-01-01T00:00:00.000+08:00").value(), false);
    REQUIRE(later.ok());
    REQUIRE(later->removed.size() == 1);
    CHECK(later->removed[0].record_id == recent);
    CHECK(f.records.receipts().value().size() == 2);
    for (const auto& id : {photos_pending, unsent, draft})
        CHECK(f.records.load(id).ok());
}

TEST_CASE("retention purge: an original stays while a correction of it is on the tablet") {
    Fixture f;
    const std::string original = "2b2c3d4e-0000-4000-8000-000000000001";
    REQUIRE(f.records.create_draft(f.record(original)).ok());
    REQUIRE(f.records.complete(original, device).ok());
    acknowledge(f, original, old_receipt, false);
    const std::string fix = "2b2c3d4e-0000-4000-8000-000000000002";
    REQUIRE(f.records.start_correction(original, fix, "读数抄错", {}).ok());

    auto kept = f.records.purge_acknowledged(cutoff(), false);
    REQUIRE(kept.ok());
    CHECK(kept->removed.empty());
    REQUIRE(kept->kept_for_corrections.size() == 1);
    CHECK(kept->kept_for_corrections[0] == original);
    CHECK(f.records.load(original).ok());

    // Once the correction is acknowledged and old too, both go, and both receipts stay.
    REQUIRE(f.records.complete(fix, device).ok());
    acknowledge(f, fix, "2026-11-29T09:00:00.000+08:00", true);
    auto both = f.records.purge_acknowledged(cutoff(), false);
    REQUIRE_MESSAGE(both.ok(), (both.ok() ? "" : both.error().message));
    CHECK(both->removed.size() == 2);
    const auto receipts = f.records.receipts().value();
    REQUIRE(receipts.size() == 2);
    CHECK(receipts[1].supersedes == std::optional<std::string>(original));
    // Today's list follows the correction's receipt.
    const auto all = f.records.summaries().value();
    const auto latest = latest_by_assignment(all);
    REQUIRE(latest.size() == 1);
    CHECK(latest.begin()->second->record_id == fix);
    CHECK(visit_state(*latest.begin()->second) == VisitState::late);
    // A purged record cannot be corrected here: it says where it is.
    const auto again =
        f.records.start_correction(fix, "2b2c3d4e-0000-4000-8000-000000000003", "再改", {});
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == "record_purged");
}

TEST_CASE("retention purge: the quarter's statistics count removed records by their receipts") {
    Fixture f;
    const std::string id = "3b2c3d4e-0000-4000-8000-000000000001";
    REQUIRE(f.records.create_draft(f.record(id)).ok());
    REQUIRE(f.records.complete(id, device).ok());
    acknowledge(f, id, old_receipt, true);
    const auto q = Quarter::parse("2026Q4").value();
    const auto before = compute_quarter_statistics(f.db, q, "支队", "I-04").value();
    REQUIRE(f.records.purge_acknowledged(cutoff(), false).value().removed.size() == 1);
    const auto after = compute_quarter_statistics(f.db, q, "支队", "I-04").value();
    for (const char* key : {"inspected", "inspected_key", "inspected_onsite", "joint_inspections",
                            "outcome_no_problem", "confirmed_by_central", "late_uploads",
                            "drawn_not_inspected", "awaiting_confirmation"}) {
        CAPTURE(key);
        CHECK(after.row(key)->value == before.row(key)->value);
    }
    CHECK(after.row("inspected")->value == 1);
    CHECK(after.row("late_uploads")->value == 1);
    CHECK(after.row("drawn_not_inspected")->value == 0);
}

TEST_CASE("the store lets only the retention purge remove an uploaded record, even to raw SQL") {
    Fixture f;
    const std::string up = "4b2c3d4e-0000-4000-8000-000000000001";
    const std::string photo = "4b2c3d4e-0000-4000-8000-0000000000f1";
    complete_with_photo(f, up, photo);
    acknowledge(f, up, old_receipt, false);
    const std::string unacked = "4b2c3d4e-0000-4000-8000-000000000002";
    REQUIRE(f.records.create_draft(f.record(unacked)).ok());
    REQUIRE(f.records.complete(unacked, device).ok());
    const auto sealed = f.records.load(up).value();

    auto refused = [&](const std::string& sql) {
        CAPTURE(sql);
        const Status s = f.db.exec(sql);
        REQUIRE_FALSE(s.ok());
        CHECK(s.error().code == "constraint");
    };
    // Without a receipt nothing of an uploaded record goes.
    refused("DELETE FROM inspections WHERE id = '" + up + "'");
    refused("DELETE FROM outbox WHERE record_id = '" + up + "'");
    refused("DELETE FROM inspection_photos WHERE record_id = '" + up + "'");
    refused("DELETE FROM photos WHERE id = '" + photo + "'");
    // A receipt is refused for a record not acknowledged, or one that does not match.
    const std::string columns =
        "INSERT INTO receipts (record_id, assignment_id, assignment_revision, inspection_day, "
        "chain_seq, chain_hash, body_sha256, onsite, confidential, photo_count, photo_bytes, "
        "received_at, late, created_at) VALUES ";
    const std::string hash(64, 'a');
    refused(columns + "('" + unacked + "', 'A-1', 1, '2026-11-28', 2, 'x', '" + hash +
            "', 1, 0, 0, 0, '" + old_receipt + "', 0, 'now')");
    refused(columns + "('" + up + "', 'A-1', 1, '2026-11-28', 1, 'forged', '" + hash +
            "', 1, 0, 0, 0, '" + old_receipt + "', 0, 'now')");
    CHECK(f.records.load(up).ok());
    CHECK(f.records.load(unacked).ok());

    // After the purge its receipt can neither change nor go.
    REQUIRE(f.records.purge_acknowledged(cutoff(), false).value().removed.size() == 1);
    refused("UPDATE receipts SET late = 1");
    refused("UPDATE receipts SET received_at = '2027-01-01T00:00:00Z'");
    refused("DELETE FROM receipts");
    CHECK(f.records.receipts().value().at(0).chain_hash == sealed.chain_hash.value());
    // The completed, unacknowledged record is as protected as ever.
    refused("DELETE FROM inspections WHERE id = '" + unacked + "'");
    refused("DELETE FROM outbox WHERE record_id = '" + unacked + "'");
}

TEST_CASE("retention purge: the photo's bytes are gone from the store file and its WAL") {
    // The encrypted file shows nothing either way, so this store is plaintext through the
    // same library and the same settings (secure_delete, WAL): the file can be searched.
    fi::test::TempDir dir;
    OpenOptions o;
    o.mode = OpenOptions::Mode::create_if_missing;
    o.encrypted = false;
    auto opened = open_store(dir / "plain.db", SecretKey::random(), o);
    REQUIRE(opened.ok());
    Database db = std::move(opened.value());
    ReferenceStore refs(db);
    RecordStore records(db);
    REQUIRE(refs.apply_catalogue_page(page(json::array({catalogue_item_json()}))).ok());
    REQUIRE(refs.apply_inspector_page(
                    page(json::array({inspector_json("I-04", true), inspector_json("I-02", true),
                                      inspector_json("X-201", false, true)})))
                .ok());
    REQUIRE(refs.apply_assignment_page(page(json::array({assignment_json()}))).ok());
    REQUIRE(refs.store_draw(draw_json()).ok());

    const std::string marker = "FI-RETENTION-MARKER-7f3a9c";
    std::string content;
    while (content.size() < 300000)
        content += marker + std::to_string(content.size());
    const std::string id = "5b2c3d4e-0000-4000-8000-000000000001";
    const std::string photo = "5b2c3d4e-0000-4000-8000-0000000000f1";
    InspectionRecord r = fixture_record(id);
    r.answers[1].note = "台账核对 FI-BODY-MARKER-51";
    REQUIRE(records.create_draft(r).ok());
    std::size_t off = 0;
    REQUIRE(records
                .add_photo(id,
                           PhotoCapture{photo, "image/jpeg", "2026-11-28T09:41:07.000+08:00",
                                        std::nullopt, std::nullopt},
                           static_cast<std::int64_t>(content.size()),
                           [&](std::span<std::uint8_t> buf) -> Result<std::size_t> {
                               const auto k = std::min(buf.size(), content.size() - off);
                               std::copy_n(content.data() + off, k, buf.data());
                               off += k;
                               return k;
                           })
                .ok());
    REQUIRE(records.complete(id, device).ok());
    REQUIRE(OutboxStore(db).record_ack(id, old_receipt, false).ok());
    REQUIRE(records.mark_uploaded(id, old_receipt, false).ok());

    auto held = [&](const std::string& needle) {
        for (const char* suffix : {"", "-wal"}) {
            auto p = dir / "plain.db";
            p += suffix;
            if (whole_file(p).find(needle) != std::string::npos)
                return true;
        }
        return false;
    };
    REQUIRE(held(marker)); // the search does find it while the record is held
    REQUIRE(held("FI-BODY-MARKER-51"));

    REQUIRE(records.purge_acknowledged(cutoff(), false).value().removed.size() == 1);
    CHECK_FALSE(held(marker));
    CHECK_FALSE(held("FI-BODY-MARKER-51"));
    CHECK(std::filesystem::file_size(std::filesystem::path(dir / "plain.db") += "-wal") == 0);
}

TEST_CASE("Today's latest record of each assignment is the one the full list ends with: its "
          "outbox state, a draft without one, and a purged record's receipt, and the drafts "
          "are the list's drafts") {
    Fixture f;
    for (const char* id : {"A-2", "A-3"}) {
        json a = assignment_json();
        a["id"] = id;
        REQUIRE(f.refs.apply_assignment_page(page(json::array({a}))).ok());
    }
    auto on = [&](const std::string& id, const std::string& assignment) {
        InspectionRecord r = f.record(id);
        r.assignment_id = assignment;
        REQUIRE(f.records.create_draft(r).ok());
    };
    // one record, acknowledged long ago and purged: only its receipt is left.
    const std::string purged = "2c3d4e5f-0000-4000-8000-000000000001";
    on(purged, "A-3");
    REQUIRE(f.records.complete(purged, device).ok());
    acknowledge(f, purged, old_receipt, true);
    REQUIRE(f.records.purge_acknowledged(cutoff(), false).value().removed.size() == 1);
    // an acknowledged record, then one completed and not yet sent.
    const std::string sent = "2c3d4e5f-0000-4000-8000-000000000002";
    on(sent, "A-1");
    REQUIRE(f.records.complete(sent, device).ok());
    acknowledge(f, sent, "2027-01-10T09:00:00.000+08:00", false);
    const std::string pending = "2c3d4e5f-0000-4000-8000-000000000003";
    on(pending, "A-1");
    REQUIRE(f.records.complete(pending, device).ok());
    // a completed record not yet sent, then a draft (no outbox row).
    on("2c3d4e5f-0000-4000-8000-000000000004", "A-2");
    REQUIRE(f.records.complete("2c3d4e5f-0000-4000-8000-000000000004", device).ok());
    const std::string draft = "2c3d4e5f-0000-4000-8000-000000000005";
    on(draft, "A-2");

    const auto all = f.records.summaries().value();
    const auto expected = latest_by_assignment(all);
    const auto latest = f.records.latest_summaries();
    REQUIRE_MESSAGE(latest.ok(), (latest ? "" : latest.error().message));
    REQUIRE(latest->size() == 3);
    std::vector<std::string> ids;
    for (const auto& s : *latest) {
        CAPTURE(s.assignment_id);
        REQUIRE(expected.contains(s.assignment_id));
        const RecordSummary& e = *expected.at(s.assignment_id);
        ids.push_back(s.record_id);
        CHECK(s.record_id == e.record_id);
        CHECK(s.state == e.state);
        CHECK(s.outbox == e.outbox);
        CHECK(s.late == e.late);
        CHECK(s.received_at == e.received_at);
        CHECK(s.created_at == e.created_at);
        CHECK(s.error_message == e.error_message);
        CHECK(s.purged == e.purged);
        CHECK(s.inspection_day == e.inspection_day);
    }
    // By assignment id, each the one expected.
    CHECK(ids == std::vector<std::string>{pending, draft, purged});
    CHECK((*latest)[0].outbox == OutboxState::pending);
    CHECK_FALSE((*latest)[1].outbox.has_value());
    CHECK((*latest)[2].purged);
    CHECK((*latest)[2].late);

    // The same-day status's drafts: those of the full list in state draft, in its order.
    const std::string second_draft = "2c3d4e5f-0000-4000-8000-000000000006";
    on(second_draft, "A-3");
    std::vector<std::string> drafts_listed;
    const auto listed = f.records.summaries().value();
    for (const auto& s : listed)
        if (s.state == RecordState::draft)
            drafts_listed.push_back(s.record_id);
    const auto drafts = f.records.draft_ids().value();
    CHECK(drafts_listed == std::vector<std::string>{draft, second_draft});
    CHECK(drafts == drafts_listed);
}
