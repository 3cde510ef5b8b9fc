// Reference data and inspection records in the real encrypted store: pages applied item by
// item, draws verified, the record lifecycle with its forbidden moves, the evidence chain,
// the outbox entry, freezing on revocation and corrections.
#include "core/canonicaljson.h"
#include "core/evidencechain.h"
#include "core/metastore.h"
#include "core/statement.h"
#include "support/domainfixture.h"

#include <doctest/doctest.h>
#include <sqlite3.h>

using namespace fi;
using nlohmann::json;

using namespace fi::test;

TEST_CASE("reference pages apply item by item: a bad item is named, the rest lands") {
    Fixture f;
    json bad = catalogue_item_json();
    bad["id"] = "BAD-1";
    bad["checkpoints"] = json::array();
    json changed = catalogue_item_json();
    changed["version"] = "four"; // a malformed copy of an item already held
    auto report = f.refs.apply_catalogue_page(
        page(json::array({bad, changed, {{"id", "GONE"}, {"deleted", true}}}), "c2"));
    REQUIRE(report.ok());
    CHECK(report->applied == 0);
    REQUIRE(report->rejected.size() == 2);
    CHECK(report->rejected[0].id == "BAD-1");
    CHECK(report->rejected[0].error.message.find("BAD-1") != std::string::npos);
    // What was stored before is not lost to bad input.
    auto held = f.refs.catalogue_item("ODS-15");
    REQUIRE(held.ok());
    REQUIRE(held->has_value());
    CHECK((*held)->version == 3);
    CHECK(f.refs.cursor("catalogue").value() == std::optional<std::string>("c2"));
    CHECK_FALSE(f.refs.apply_catalogue_page(json::parse(R"js({"items":7})js")).ok());
}

TEST_CASE("an assignment naming an unknown item is rejected, an older revision is stale") {
    Fixture f;
    json unknown = assignment_json();
    unknown["id"] = "A-2";
    unknown["item_ids"] = json::array({"ODS-15", "NOPE-9"});
    auto report = f.refs.apply_assignment_page(page(json::array({unknown})));
    REQUIRE(report.ok());
    REQUIRE(report->rejected.size() == 1);
    CHECK(report->rejected[0].error.message.find("NOPE-9") != std::string::npos);
    CHECK_FALSE(f.refs.assignment("A-2").value().has_value());

    // Behind a rejected item and a tombstone, each stored assignment is its own item, kept
    // as it came (members this version does not know included) and read back the same.
    json second = assignment_json();
    second["id"] = "A-3";
    second["revision"] = 7;
    second["x_future_member"] = "kept";
    auto mixed = f.refs.apply_assignment_page(
        page(json::array({unknown, {{"id", "A-9"}, {"deleted", true}}, second})));
    REQUIRE(mixed.ok());
    CHECK(mixed->applied == 1);
    auto a3 = f.refs.assignment("A-3");
    REQUIRE(a3.ok());
    REQUIRE(a3->has_value());
    CHECK((*a3)->id == "A-3");
    CHECK((*a3)->revision == 7);
    CHECK(query_text(f.db, "SELECT json FROM assignments WHERE id = ?1", "A-3").value() ==
          std::optional<std::string>(second.dump()));

    REQUIRE(f.refs.apply_assignment_page(page(json::array({assignment_json(3)}))).ok());
    auto stale = f.refs.apply_assignment_page(page(json::array({assignment_json(2)})));
    REQUIRE(stale.ok());
    CHECK(stale->stale == 1);
    CHECK(f.refs.assignment("A-1").value()->revision == 3);
}

TEST_CASE("an assignment is stored as the text it came in, when the page's texts are given") {
    Fixture f;
    json kept = assignment_json();
    kept["id"] = "A-4";
    json unknown = assignment_json();
    unknown["id"] = "A-5";
    unknown["item_ids"] = json::array({"NOPE-9"});
    // The items as a server may write them: spaced, escaped, members in its own order.
    const std::string kept_text = "{ \"x_future_member\" : \"\\u4e2d\",\n" + kept.dump().substr(1);
    const std::string unknown_text = unknown.dump();
    const std::vector<std::string_view> item_texts{unknown_text, kept_text};
    json items = json::array({unknown, json::parse(kept_text)});
    auto report = f.refs.apply_assignment_page(page(items), item_texts);
    REQUIRE(report.ok());
    CHECK(report->applied == 1);
    CHECK(query_text(f.db, "SELECT json FROM assignments WHERE id = ?1", "A-4").value() ==
          std::optional<std::string>(kept_text));
    auto a4 = f.refs.assignment("A-4");
    REQUIRE(a4.ok());
    REQUIRE(a4->has_value());
    CHECK(encode_assignment(**a4) == encode_assignment(report->written.at(0)));

    // Texts that are not one for each item are not used: the parsed item is stored.
    json other = assignment_json();
    other["id"] = "A-6";
    const std::vector<std::string_view> too_few{};
    REQUIRE(f.refs.apply_assignment_page(page(json::array({other})), too_few).ok());
    CHECK(query_text(f.db, "SELECT json FROM assignments WHERE id = ?1", "A-6").value() ==
          std::optional<std::string>(other.dump()));
}

TEST_CASE("a page handed over is released once decoded, and only when its texts stand for it") {
    Fixture f;
    json a7 = assignment_json();
    a7["id"] = "A-7";
    const std::string a7_text = " " + a7.dump() + " ";
    const std::vector<std::string_view> texts{a7_text};

    // Kept by the caller: used, not touched.
    const json kept = page(json::array({a7}));
    REQUIRE(f.refs.apply_assignment_page(kept, texts).ok());
    CHECK(kept.at("items").size() == 1);
    CHECK(query_text(f.db, "SELECT json FROM assignments WHERE id = ?1", "A-7").value() ==
          std::optional<std::string>(a7_text));

    // Handed over with a text for each item: released, the texts stored.
    a7["revision"] = 2;
    const std::string a7_text2 = a7.dump();
    json handed = page(json::array({a7}));
    auto report =
        f.refs.apply_assignment_page(std::move(handed), std::vector<std::string_view>{a7_text2});
    REQUIRE(report.ok());
    CHECK(report->applied == 1);
    CHECK(handed.is_null());
    CHECK(query_text(f.db, "SELECT json FROM assignments WHERE id = ?1", "A-7").value() ==
          std::optional<std::string>(a7_text2));
    REQUIRE(f.refs.assignment("A-7").value().has_value());
    CHECK(f.refs.assignment("A-7").value()->revision == 2);

    // Handed over without them: still needed for the items' text, so not released.
    a7["revision"] = 3;
    json short_of_texts = page(json::array({a7}));
    REQUIRE(f.refs.apply_assignment_page(std::move(short_of_texts), {}).ok());
    CHECK(short_of_texts.at("items").size() == 1);
    CHECK(query_text(f.db, "SELECT json FROM assignments WHERE id = ?1", "A-7").value() ==
          std::optional<std::string>(a7.dump()));
}

TEST_CASE("draws are verified on the device and the assignment's team checked against them") {
    Fixture f;
    auto a = f.refs.assignment("A-1").value().value();
    auto ok = f.refs.verify_team(a);
    REQUIRE(ok.ok());
    CHECK(ok->verified());
    std::swap(a.team[0], a.team[1]); // leader and member swapped by hand
    CHECK_FALSE(f.refs.verify_team(a).value().verified());
    json tampered = draw_json();
    tampered["teams"]["T-001"] = json::array({"I-02", "I-04"});
    auto stored = f.refs.store_draw(tampered);
    REQUIRE(stored.ok());
    CHECK_FALSE(stored->verification.verified());
    CHECK(f.refs.draw("D-TEST-1").value()->verification.step == DrawStep::teams);
}

TEST_CASE("a record goes draft → completed with its chain link and outbox entry") {
    Fixture f;
    InspectionRecord r = f.record("5f0c1b9e-8a1d-4c57-9d2e-0b7a4c7e2f11");
    r.answers.pop_back();
    r.outcome.reset();
    REQUIRE(f.records.create_draft(r).ok());
    auto problems = f.records.completion_problems(r.id);
    REQUIRE(problems.ok());
    std::vector<std::string> codes;
    for (const auto& p : *problems)
        codes.push_back(p.code);
    CHECK(std::find(codes.begin(), codes.end(), "missing_answer") != codes.end());
    CHECK(std::find(codes.begin(), codes.end(), "outcome_required") != codes.end());
    auto refused = f.records.complete(r.id, device);
    REQUIRE_FALSE(refused.ok());
    CHECK(f.records.load(r.id).value().state == RecordState::draft);
    CHECK(f.outbox_state(r.id).empty());

    // Autosave the rest, then complete.
    r = f.record(r.id);
    REQUIRE(f.records.save_draft(r).ok());
    auto done = f.records.complete(r.id, device);
    REQUIRE_MESSAGE(done.ok(), (done.ok() ? "" : done.error().message));
    CHECK(done->state == RecordState::completed);
    CHECK(done->chain_seq == 1);
    CHECK(done->record.draw_verified);
    const json body = json::parse(done->body);
    CHECK(body.at("chain").at("prev") == std::string(chain_genesis_prev));
    CHECK(body.at("chain").at("seq") == 1);
    CHECK(chain_hash(chain_genesis_prev, body).value() == *done->chain_hash);
    CHECK(canonical_json(body).value() == done->body);
    CHECK(f.outbox_state(r.id) == "pending");

    // The next record on this device continues the chain.
    auto second = f.record("6a0c1b9e-8a1d-4c57-9d2e-0b7a4c7e2f12");
    REQUIRE(f.records.create_draft(second).ok());
    auto done2 = f.records.complete(second.id, device);
    REQUIRE(done2.ok());
    CHECK(done2->chain_seq == 2);
    CHECK(json::parse(done2->body).at("chain").at("prev") == *done->chain_hash);
    const std::vector<json> chain = {body, json::parse(done2->body)};
    CHECK(verify_chain(chain).ok());
}

TEST_CASE(
    "a completed record is locked: no edit, no photo change, no discard, no second completion") {
    Fixture f;
    auto r = f.record("7b0c1b9e-8a1d-4c57-9d2e-0b7a4c7e2f13");
    REQUIRE(f.records.create_draft(r).ok());
    const auto photo = f.add_photo(r.id, "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", std::nullopt);
    auto done = f.records.complete(r.id, device);
    REQUIRE(done.ok());
    const std::string sealed = done->body;

    r.answers[0].note = "改过";
    auto edit = f.records.save_draft(r);
    REQUIRE_FALSE(edit.ok());
    CHECK(edit.error().code == "record_locked");
    CHECK(edit.error().message.find("correction") != std::string::npos);
    CHECK_FALSE(f.records.remove_photo(r.id, photo.id).ok());
    CHECK_FALSE(f.records.discard_draft(r.id).ok());
    CHECK_FALSE(f.records.complete(r.id, device).ok());
    CHECK(f.records.load(r.id).value().body == sealed);
    CHECK(PhotoStore(f.db).hash_stored(photo.id).value() == photo.sha256);
}

TEST_CASE("photos: a fail needs a photo, tampered photo bytes stop completion") {
    Fixture f;
    auto r = f.record("8c0c1b9e-8a1d-4c57-9d2e-0b7a4c7e2f14");
    r.answers[0].value = std::string("fail");
    r.findings = {{"8e2f4b1a-2c3d-4e5f-8a9b-0c1d2e3f4a5b", "ODS-15", "ODS-15-1", "未取得配额", {}}};
    r.outcome = Outcome::rectification_ordered;
    r.public_text = "发现问题已责令整改";
    REQUIRE(f.records.create_draft(r).ok());
    auto refused = f.records.complete(r.id, device);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == "photo_required");

    const auto photo = f.add_photo(r.id, "1a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", r.findings[0].id);
    auto loaded = f.records.load(r.id).value();
    REQUIRE(loaded.record.findings[0].photo_ids.size() == 1);
    // Someone alters the stored bytes behind the store's back.
    REQUIRE(f.db.exec("UPDATE photo_data SET data = zeroblob(70000)").ok());
    auto tampered = f.records.complete(r.id, device);
    REQUIRE_FALSE(tampered.ok());
    CHECK(tampered.error().code == "damaged");
    CHECK(f.records.load(r.id).value().state == RecordState::draft);

    // Replace the photo: remove (allowed on a draft) and take it again.
    REQUIRE(f.records.remove_photo(r.id, photo.id).ok());
    CHECK(PhotoStore(f.db).info(photo.id).error().code == "not_found");
    f.add_photo(r.id, "2a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", r.findings[0].id);
    auto done = f.records.complete(r.id, device);
    REQUIRE_MESSAGE(done.ok(), (done.ok() ? "" : done.error().message));
    CHECK(done->record.photos.size() == 1);
}

TEST_CASE("a revoked assignment freezes its draft, which is kept and no longer editable") {
    Fixture f;
    auto r = f.record("9d0c1b9e-8a1d-4c57-9d2e-0b7a4c7e2f15");
    REQUIRE(f.records.create_draft(r).ok());
    auto report = f.refs.apply_assignment_page(page(json::array({assignment_json(2, "revoked")})));
    REQUIRE(report.ok());
    CHECK(report->frozen_drafts == 1);
    auto frozen = f.records.load(r.id);
    REQUIRE(frozen.ok());
    CHECK(frozen->state == RecordState::frozen);
    CHECK(frozen->frozen_reason.value().find("revoked") != std::string::npos);
    CHECK(frozen->record.answers.size() == 3); // nothing lost
    auto edit = f.records.save_draft(r);
    REQUIRE_FALSE(edit.ok());
    CHECK(edit.error().code == "assignment_revoked");
    CHECK_FALSE(f.records.complete(r.id, device).ok());
    CHECK_FALSE(f.records.discard_draft(r.id).ok());
    CHECK(f.records.history("A-1").value().size() == 1);
}

TEST_CASE("a correction is a new record superseding the uploaded one, which stays as it was") {
    Fixture f;
    auto r = f.record("ae0c1b9e-8a1d-4c57-9d2e-0b7a4c7e2f16");
    REQUIRE(f.records.create_draft(r).ok());
    const auto photo = f.add_photo(r.id, "3a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", std::nullopt);
    CHECK_FALSE(f.records
                    .start_correction(r.id, "bf0c1b9e-8a1d-4c57-9d2e-0b7a4c7e2f17", "笔误",
                                      {"4a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"})
                    .ok()); // a draft is edited, not corrected
    auto done = f.records.complete(r.id, device);
    REQUIRE(done.ok());
    REQUIRE(f.records.mark_uploaded(r.id, "2026-11-28T10:06:00.000+08:00", false).ok());
    REQUIRE(f.records.mark_uploaded(r.id, "2026-11-28T10:06:00.000+08:00", false).ok());
    CHECK(f.outbox_state(r.id) == "uploaded");

    CHECK_FALSE(f.records
                    .start_correction(r.id, "bf0c1b9e-8a1d-4c57-9d2e-0b7a4c7e2f17", "",
                                      {"4a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"})
                    .ok());
    auto fix =
        f.records.start_correction(r.id, "bf0c1b9e-8a1d-4c57-9d2e-0b7a4c7e2f17",
                                   "实际使用量记录有误", {"4a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"});
    REQUIRE_MESSAGE(fix.ok(), (fix.ok() ? "" : fix.error().message));
    CHECK(fix->supersedes == r.id);
    REQUIRE(fix->photos.size() == 1);
    CHECK(fix->photos[0].id == "4a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    CHECK(fix->photos[0].sha256 == photo.sha256);

    InspectionRecord corrected = *fix;
    corrected.answers[1].value = std::int64_t{13};
    REQUIRE(f.records.save_draft(corrected).ok());
    auto sealed = f.records.complete(corrected.id, device);
    REQUIRE_MESSAGE(sealed.ok(), (sealed.ok() ? "" : sealed.error().message));
    CHECK(sealed->chain_seq == 2);

    auto history = f.records.history("A-1");
    REQUIRE(history.ok());
    REQUIRE(history->size() == 2);
    CHECK((*history)[0].body == done->body); // the original is untouched
    CHECK((*history)[0].state == RecordState::uploaded);
    CHECK((*history)[1].record.correction_reason == "实际使用量记录有误");

    // The chain of versions, the same from either end; a second correction joins it as a
    // draft until completed.
    for (const auto& from : {r.id, corrected.id}) {
        auto chain = f.records.versions(from);
        REQUIRE(chain.ok());
        REQUIRE(chain->size() == 2);
        CHECK((*chain)[0].record_id == r.id);
        CHECK((*chain)[0].state == RecordState::uploaded);
        CHECK((*chain)[0].outbox == OutboxState::uploaded);
        CHECK_FALSE((*chain)[0].reason.has_value());
        CHECK((*chain)[1].record_id == corrected.id);
        CHECK((*chain)[1].state == RecordState::completed);
        CHECK((*chain)[1].supersedes == r.id);
        CHECK((*chain)[1].reason == "实际使用量记录有误");
        CHECK((*chain)[1].completed_at == sealed->record.finished_at);
    }
    const std::string again = "cf0c1b9e-8a1d-4c57-9d2e-0b7a4c7e2f18";
    REQUIRE(f.records.start_correction(corrected.id, again, "再补充", {make_uuid_v4()}).ok());
    auto three = f.records.versions(r.id);
    REQUIRE(three.ok());
    REQUIRE(three->size() == 3);
    CHECK((*three)[2].record_id == again);
    CHECK((*three)[2].state == RecordState::draft);
    CHECK((*three)[2].completed_at.empty());
    CHECK_FALSE(f.records.versions("00000000-0000-4000-8000-000000000000").ok());
}

TEST_CASE("record summaries: every record in a few columns, and the visit state it gives") {
    Fixture f;
    CHECK(f.records.summaries().value().empty());
    InspectionRecord r = f.record("7a0c1b9e-8a1d-4c57-9d2e-0b7a4c7e2f13");
    REQUIRE(f.records.create_draft(r).ok());
    auto one = f.records.summaries().value();
    REQUIRE(one.size() == 1);
    CHECK(one[0].record_id == r.id);
    CHECK(one[0].assignment_id == r.assignment_id);
    CHECK(one[0].state == RecordState::draft);
    CHECK_FALSE(one[0].outbox.has_value());
    CHECK(visit_state(one[0]) == VisitState::draft);

    REQUIRE(f.records.complete(r.id, device).ok());
    auto done = f.records.summaries().value();
    CHECK(done[0].outbox == OutboxState::pending);
    CHECK(visit_state(done[0]) == VisitState::completed);

    OutboxStore outbox(f.db);
    REQUIRE(outbox.park(r.id, "invalid", "中心系统拒收").ok());
    auto parked = f.records.summaries().value();
    CHECK(parked[0].error_message == "中心系统拒收");
    CHECK(visit_state(parked[0]) == VisitState::attention);

    REQUIRE(outbox.unpark(r.id).ok());
    REQUIRE(f.records.mark_uploaded(r.id, "2026-11-29T09:00:00.000+08:00", true).ok());
    auto late = f.records.summaries().value();
    CHECK(late[0].state == RecordState::uploaded);
    CHECK(late[0].received_at == "2026-11-29T09:00:00.000+08:00");
    CHECK(visit_state(late[0]) == VisitState::late);
    CHECK(to_string(VisitState::late) == "late");

    // A later record of the same assignment is the one its visit state follows.
    InspectionRecord second = f.record("8a0c1b9e-8a1d-4c57-9d2e-0b7a4c7e2f14");
    REQUIRE(f.records.create_draft(second).ok());
    const auto all = f.records.summaries().value();
    const auto latest = latest_by_assignment(all);
    REQUIRE(latest.size() == 1);
    CHECK(latest.begin()->second->record_id == second.id);
}

TEST_CASE("record summaries read an index, not the records' bodies") {
    // Today and the outbox read every record's state at each start; with thousands of records
    // reading through their bodies was most of a cold start (issue 21). Measured in pages the
    // library had to fetch (and decrypt) with an emptied cache, against reading the bodies.
    Fixture f;
    for (int i = 0; i < 40; ++i) {
        char id[40];
        std::snprintf(id, sizeof id, "7a0c1b9e-8a1d-4c57-9d2e-0b7a4c7e%04d", i);
        InspectionRecord r = f.record(id);
        REQUIRE_FALSE(r.answers.empty());
        r.answers.front().note = std::string(16 * 1024, 'n'); // four pages of body a record
        REQUIRE(f.records.create_draft(r).ok());
    }
    sqlite3* db = f.db.handle();
    auto pages_fetched = [db](auto&& read) {
        REQUIRE(sqlite3_exec(db, "PRAGMA shrink_memory", nullptr, nullptr, nullptr) == SQLITE_OK);
        int now = 0, high = 0;
        sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_MISS, &now, &high, 1);
        read();
        sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_MISS, &now, &high, 0);
        return now;
    };
    const int bodies = pages_fetched([&] {
        const auto total = query_text(f.db, "SELECT sum(length(body)) FROM inspections").value();
        REQUIRE(std::stoll(total.value_or("0")) > 40 * 16384);
    });
    std::size_t listed = 0;
    const int summaries = pages_fetched([&] { listed = f.records.summaries().value().size(); });
    CHECK(listed == 40);
    CHECK(bodies >= 160);
    CHECK_MESSAGE(summaries * 10 < bodies, summaries, " pages for the summaries, ", bodies,
                  " for the bodies");
}
