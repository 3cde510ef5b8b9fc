// Conformance of POST /inspections (central-api.md "Upload of an inspection"): acceptance,
// Idempotency-Key, every 422 code, 409 already_inspected, corrections, the late flag, the
// per-device chain and its gaps, and the 413 limits.
#include "core/date.h"
#include "core/sha256.h"
#include "server/admincli.h"
#include "server/inspectionstore.h"
#include "server/referenceservice.h"
#include "serverfixture.h"

#include <doctest/doctest.h>
#include <sstream>

using namespace fi::test;

namespace {

/// A signed-in team leader with a tablet and one of the assignments they lead.
struct Leader {
    Tablet tablet;
    Http http; ///< signed in from the tablet's device: a device chains its own records only
    json assignment;

    explicit Leader(TestServer& ts, bool onsite = true)
        : http(ts.port(), sign_in(ts.port(), "leader1", tablet.device_id())),
          assignment(led_assignment(http, "I-022", onsite)) {}

    Answer upload(const json& record) const {
        return http.post("/inspections", record,
                         {{"Idempotency-Key", record["id"].get<std::string>()}});
    }
};

std::string field_of(const Answer& a) {
    const json f = a.json_body()["error"]["field"];
    return f.is_string() ? f.get<std::string>() : std::string();
}

std::string admin(TestServer& ts, std::vector<std::string> args) {
    std::istringstream in;
    std::ostringstream out;
    std::ostringstream err;
    args.insert(args.begin(), {"--data", ts.data_dir().string() + "/data"});
    fi::server::AdminCli(in, out, err).run(args);
    return out.str() + err.str();
}

} // namespace

TEST_CASE("an inspection is accepted once, a replay answers 200 the same, another body 409") {
    TestServer ts;
    Leader l(ts);
    const json record = l.tablet.chain(l.tablet.record(l.assignment, {"photo-bytes"}));
    const Answer first = l.upload(record);
    REQUIRE(first.status == 201);
    const json answer = first.json_body();
    CHECK(answer["id"] == record["id"]);
    CHECK(answer["late"] == false);
    CHECK(answer["photos_missing"] == json::array({record["photos"][0]["id"]}));
    const auto received = fi::parse_rfc3339(answer["received_at"].get<std::string>());
    REQUIRE(received.ok());
    CHECK(answer["received_at"].get<std::string>().ends_with("+08:00"));

    const Answer replay = l.upload(record);
    CHECK(replay.status == 200);
    CHECK(replay.json_body() == answer);
    // The same content with other white space and member order is the same body.
    const Answer reformatted = l.http.post("/inspections", record.dump(2),
                                           {{"Idempotency-Key", record["id"].get<std::string>()}});
    CHECK(reformatted.status == 200);

    json changed = record;
    changed["answers"][0]["note"] = "改过";
    const Answer conflict = l.upload(changed);
    CHECK(conflict.status == 409);
    CHECK(conflict.code() == "idempotency_conflict");
    CHECK(ts.server().inspection_store().inspections()->size() == 1);
}

TEST_CASE("422 invalid: a record cannot claim a photo id another record declared") {
    // The attacker's move: declare someone else's photo id, to overwrite or complete its bytes
    // with one's own picture under the other record.
    TestServer ts;
    Leader l(ts);
    const json first = l.tablet.chain(l.tablet.record(l.assignment, {"photo-bytes"}));
    REQUIRE(l.upload(first).status == 201);
    json other;
    for (const json& a : assignments_of(l.http))
        if (a["status"] == "active" && a["team"][0]["inspector_id"] == "I-022" &&
            a["mode"] == "onsite" && a["id"] != l.assignment["id"])
            other = a;
    REQUIRE(other.is_object());
    json second = l.tablet.record(other, {"someone else's picture"});
    second["photos"][0]["id"] = first["photos"][0]["id"];
    const Answer a = l.upload(l.tablet.chain(second));
    CHECK(a.status == 422);
    CHECK(a.code() == "invalid");
    CHECK(field_of(a) == "photos[0].id");
    CHECK(ts.server().inspection_store().inspections()->size() == 1);
}

TEST_CASE("the Idempotency-Key is required and is the record id") {
    TestServer ts;
    Leader l(ts);
    const json record = l.tablet.chain(l.tablet.record(l.assignment));
    const Answer missing = l.http.post("/inspections", record);
    CHECK(missing.status == 422);
    CHECK(field_of(missing) == "Idempotency-Key");
    const Answer other = l.http.post("/inspections", record, {{"Idempotency-Key", random_uuid()}});
    CHECK(other.status == 422);
    CHECK(field_of(other) == "Idempotency-Key");
    CHECK(l.upload(record).status == 201);
}

TEST_CASE("422 not_assigned: the uploader is not on the team") {
    TestServer ts;
    Leader l(ts);
    l.assignment = led_assignment(l.http, "I-022", true, "I-002");
    Http stranger(ts.port(), sign_in(ts.port(), "inspector1"));
    bool on_team = false;
    for (const json& m : l.assignment["team"])
        on_team = on_team || m["inspector_id"] == "I-002";
    REQUIRE(!on_team);
    Tablet tablet;
    const json record = tablet.chain(tablet.record(l.assignment));
    stranger.set_token(sign_in(ts.port(), "inspector1", tablet.device_id()));
    const Answer a = stranger.post("/inspections", record,
                                   {{"Idempotency-Key", record["id"].get<std::string>()}});
    CHECK(a.status == 422);
    CHECK(a.code() == "not_assigned");
    // An unknown assignment, too.
    json unknown = l.tablet.record(l.assignment);
    unknown["assignment_id"] = "A-2026Q4-9999";
    unknown = l.tablet.chain(unknown);
    CHECK(l.upload(unknown).code() == "not_assigned");
}

TEST_CASE("422 assignment_revoked after a re-draw, 409 already_inspected stops a re-draw") {
    TestServer ts;
    Leader l(ts);
    const json record = l.tablet.chain(l.tablet.record(l.assignment));
    const std::string id = l.assignment["id"];
    REQUIRE(l.http.post("/assignments/" + id + "/redraw", json{{"reason", "absence"}}).status ==
            201);
    const Answer a = l.upload(record);
    CHECK(a.status == 422);
    CHECK(a.code() == "assignment_revoked");

    Leader other(ts);
    REQUIRE(other.assignment["id"] != l.assignment["id"]);
    REQUIRE(other.upload(other.tablet.chain(other.tablet.record(other.assignment))).status == 201);
    const Answer late_redraw =
        other.http.post("/assignments/" + other.assignment["id"].get<std::string>() + "/redraw",
                        json{{"reason", "other"}, {"note", "调离执法岗位"}});
    CHECK(late_redraw.status == 409);
    CHECK(late_redraw.code() == "already_inspected");
}

TEST_CASE(
    "422 item_not_in_assignment, missing_answer, fail_without_finding, outcome_inconsistent") {
    TestServer ts;
    Leader l(ts);
    const json good = l.tablet.record(l.assignment);

    json foreign = good;
    foreign["answers"].push_back(
        {{"item_id", "CARB-01"}, {"checkpoint_id", "CARB-01-1"}, {"value", "pass"}, {"note", ""}});
    const Answer a1 = l.upload(l.tablet.chain_at(foreign, 1, std::string(64, '0')));
    CHECK(a1.status == 422);
    CHECK(a1.code() == "item_not_in_assignment");

    json missing = good;
    missing["answers"].erase(0);
    const Answer a2 = l.upload(l.tablet.chain_at(missing, 1, std::string(64, '0')));
    CHECK(a2.code() == "missing_answer");
    CHECK(field_of(a2).find(good["answers"][0]["checkpoint_id"].get<std::string>()) !=
          std::string::npos);

    json failed = good;
    for (json& answer : failed["answers"])
        if (answer["value"] == "pass") {
            answer["value"] = "fail";
            break;
        }
    failed["outcome"] = "rectification_ordered";
    failed["public_text"] = "发现问题已责令整改";
    const Answer a3 = l.upload(l.tablet.chain_at(failed, 1, std::string(64, '0')));
    CHECK(a3.code() == "fail_without_finding");

    json inconsistent = good;
    inconsistent["public_text"] = "发现违法行为已立案调查";
    const Answer a4 = l.upload(l.tablet.chain_at(inconsistent, 1, std::string(64, '0')));
    CHECK(a4.status == 422);
    CHECK(a4.code() == "outcome_inconsistent");
    CHECK(ts.server().inspection_store().inspections()->empty());
}

TEST_CASE("422 no_legal_basis when the catalogue withdrew an item's legal basis") {
    TestServer ts;
    Leader l(ts);
    json item;
    for (const json& i : demo_catalogue())
        if (i["id"] == l.assignment["item_ids"][0])
            item = i;
    item["legal_basis"] = json::array();
    REQUIRE(ts.server().reference().import_catalogue(json::array({item})).ok());
    const Answer a = l.upload(l.tablet.chain(l.tablet.record(l.assignment)));
    CHECK(a.status == 422);
    CHECK(a.code() == "no_legal_basis");
}

TEST_CASE("422 invalid for bodies of the wrong shape, unparseable or too deep") {
    TestServer ts;
    Leader l(ts);
    json shape = l.tablet.record(l.assignment);
    shape["answers"] = "all fine";
    const Answer a1 = l.upload(l.tablet.chain_at(shape, 1, std::string(64, '0')));
    CHECK(a1.status == 422);
    CHECK(a1.code() == "invalid");
    CHECK(field_of(a1) == "answers");

    const std::string id = random_uuid();
    const Answer a2 = l.http.post("/inspections", std::string("{\"id\":\"") + id + "\",",
                                  {{"Idempotency-Key", id}});
    CHECK(a2.status == 422);
    CHECK(a2.code() == "invalid");
    const Answer a3 = l.http.post("/inspections", std::string(65, '[') + std::string(65, ']'),
                                  {{"Idempotency-Key", id}});
    CHECK(a3.code() == "invalid");
    CHECK(a3.json_body()["error"]["message"].get<std::string>().find("64") != std::string::npos);
    const Answer a4 =
        l.http.post("/inspections", std::string("\"\xff\xfe\""), {{"Idempotency-Key", id}});
    CHECK(a4.code() == "invalid");
    const Answer a5 =
        l.http.post("/inspections", std::string("{\"n\":1.5}"), {{"Idempotency-Key", id}});
    CHECK(a5.code() == "invalid");
}

TEST_CASE("422 chain_broken: a record changed after chaining, a wrong prev, a reused seq") {
    TestServer ts;
    Leader l(ts);
    json altered = l.tablet.chain(l.tablet.record(l.assignment));
    altered["answers"][0]["note"] = "事后修改";
    const Answer a1 = l.upload(altered);
    CHECK(a1.status == 422);
    CHECK(a1.code() == "chain_broken");
    CHECK(field_of(a1) == "chain.hash");

    // A second device of the same leader, with its own session.
    Leader second(ts);
    Tablet& t = second.tablet;
    const json first = t.chain(t.record(l.assignment));
    const json first_prev_wrong = t.chain_at(t.record(l.assignment), 1, std::string(64, 'a'));
    CHECK(second.upload(first_prev_wrong).code() == "chain_broken");
    REQUIRE(second.upload(first).status == 201);

    const json forked = t.chain_at(t.record(second.assignment), 2, std::string(64, 'b'));
    CHECK(second.upload(forked).code() == "chain_broken");
    const json reused = t.chain_at(t.record(second.assignment), 1, std::string(64, '0'));
    const Answer a2 = second.upload(reused);
    CHECK(a2.code() == "chain_broken");
    CHECK(field_of(a2) == "chain.seq");
}

TEST_CASE("a gap in a device's chain is accepted, recorded and shown to the administrator") {
    TestServer ts;
    Tablet t;
    Http http(ts.port(), sign_in(ts.port(), "leader1", t.device_id()));
    std::vector<json> led;
    for (const json& a : assignments_of(http))
        if (a["status"] == "active" && a["team"][0]["inspector_id"] == "I-022")
            led.push_back(a);
    REQUIRE(led.size() >= 3);
    const json r1 = t.chain(t.record(led[0]));
    const json r2 = t.chain(t.record(led[1]));
    const json r3 = t.chain(t.record(led[2]));
    auto upload = [&](const json& r) {
        return http.post("/inspections", r, {{"Idempotency-Key", r["id"].get<std::string>()}});
    };
    CHECK(admin(ts, {"chain-gaps"}) == "no chain gaps\n");
    REQUIRE(upload(r1).status == 201);
    REQUIRE(upload(r3).status == 201); // seq 2 never arrived (yet)
    const auto gaps = ts.server().inspection_store().chain_gaps();
    REQUIRE(gaps->size() == 1);
    CHECK((*gaps)[0].device_id == t.device_id());
    CHECK((*gaps)[0].seq_from == 2);
    CHECK((*gaps)[0].seq_to == 2);
    CHECK((*gaps)[0].noticed_by == r3["id"]);
    const std::string listed = admin(ts, {"chain-gaps"});
    CHECK(listed.find(t.device_id()) != std::string::npos);
    CHECK(listed.find("still missing 2") != std::string::npos);

    // The missing record arrives and fits between its neighbours.
    REQUIRE(upload(r2).status == 201);
    CHECK(admin(ts, {"chain-gaps"}).find("since received") != std::string::npos);
}

TEST_CASE("409 already_inspected, a correction superseding the accepted record is accepted") {
    TestServer ts;
    Leader l(ts);
    const json original = l.tablet.chain(l.tablet.record(l.assignment));
    REQUIRE(l.upload(original).status == 201);

    const json second = l.tablet.chain(l.tablet.record(l.assignment));
    const Answer dup = l.upload(second);
    CHECK(dup.status == 409);
    CHECK(dup.code() == "already_inspected");

    json wrong_target = l.tablet.record(l.assignment);
    wrong_target["supersedes"] = random_uuid();
    wrong_target["correction_reason"] = "笔误";
    const Answer a = l.upload(l.tablet.chain_at(wrong_target, 99, std::string(64, 'c')));
    CHECK(a.status == 422);
    CHECK(field_of(a) == "supersedes");

    json correction = l.tablet.record(l.assignment);
    correction["supersedes"] = original["id"];
    correction["correction_reason"] = "实际使用量填写错误";
    const Answer fixed = l.upload(l.tablet.chain(correction));
    CHECK(fixed.status == 201);
    const auto all = ts.server().inspection_store().inspections_for_assignment(
        l.assignment["id"].get<std::string>());
    CHECK(all->size() == 2); // both records stay
}

TEST_CASE("late is true when the UTC+08:00 day of receipt is after the inspection day") {
    TestServer ts;
    Leader l(ts);
    std::vector<json> led;
    for (const json& a : assignments_of(l.http))
        if (a["status"] == "active" && a["team"][0]["inspector_id"] == "I-022")
            led.push_back(a);
    REQUIRE(led.size() >= 2);
    const json today = l.tablet.chain(l.tablet.record(led[0]));
    REQUIRE(l.upload(today).json_body()["late"] == false);
    ts.advance(std::chrono::hours(24));
    l.http.set_token(sign_in(ts.port(), "leader1", l.tablet.device_id())); // it lasted 12 h
    const json yesterday = l.tablet.chain(l.tablet.record(led[1]));
    const Answer late = l.upload(yesterday);
    REQUIRE(late.status == 201);
    CHECK(late.json_body()["late"] == true);
    const std::string listed = admin(ts, {"late-uploads"});
    CHECK(listed.find(yesterday["id"].get<std::string>()) != std::string::npos);
    CHECK(listed.find(today["id"].get<std::string>()) == std::string::npos);
}

TEST_CASE(
    "413 too_large: body over 1 MiB, a text over 4000 characters, 201 photos, a 25 MiB+ photo") {
    TestServer ts;
    Leader l(ts);
    const json good = l.tablet.record(l.assignment);

    json long_note = good;
    long_note["answers"][0]["note"] = std::string(4000, 'x');
    CHECK(l.upload(l.tablet.chain_at(long_note, 1, std::string(64, '0'))).status == 201);

    Leader l2(ts);
    json longer = l2.tablet.record(l2.assignment);
    std::string text;
    for (int i = 0; i < 4001; ++i)
        text += "检";
    longer["answers"][0]["note"] = text;
    const Answer a1 = l2.upload(l2.tablet.chain(longer));
    CHECK(a1.status == 413);
    CHECK(a1.code() == "too_large");
    CHECK(field_of(a1) == "answers[0].note");

    json many = l2.tablet.record(l2.assignment, std::vector<std::string>(201, "x"));
    const Answer a2 = l2.upload(l2.tablet.chain_at(many, 1, std::string(64, '0')));
    CHECK(a2.status == 413);
    CHECK(field_of(a2) == "photos");

    json big = l2.tablet.record(l2.assignment, {"x"});
    big["photos"][0]["bytes"] = 25 * 1024 * 1024 + 1;
    const Answer a3 = l2.upload(l2.tablet.chain_at(big, 1, std::string(64, '0')));
    CHECK(a3.status == 413);
    CHECK(field_of(a3) == "photos[0].bytes");

    json huge = l2.tablet.record(l2.assignment);
    huge["padding"] = std::string(1024 * 1024UL, ' ');
    const Answer a4 = l2.upload(huge);
    CHECK(a4.status == 413);
    CHECK(a4.code() == "too_large");
}
