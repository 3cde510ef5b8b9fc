// Conformance of POST /inspections and the photo routes to central-api.md 1.1's signatures:
// 422 missing_signature (field signatures) for a missing or extra entry, the images listed in
// photos_missing until their bytes arrive through HEAD/PATCH /photos/{id} with the photos'
// hash check, a refusal carrying no image.
#include "core/date.h"
#include "core/sha256.h"
#include "serverfixture.h"

#include <doctest/doctest.h>

using namespace fi::test;

namespace {

const std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"100\">"
                        "<path d=\"M10 50 L120 20 L200 80\" stroke=\"black\" fill=\"none\"/></svg>";

json image_entry(json entry, const std::string& bytes) {
    entry["id"] = random_uuid();
    entry["sha256"] = fi::Sha256::hex(bytes);
    entry["bytes"] = bytes.size();
    entry["mime"] = "image/svg+xml";
    entry["signed_at"] = fi::china_timestamp(std::chrono::system_clock::now());
    return entry;
}

/// One signature per inspector present and the representative's (or nothing for them).
json signatures_for(const json& record, bool representative = true) {
    json list = json::array();
    for (const auto& id : record["inspectors_present"])
        list.push_back(image_entry({{"role", "inspector"}, {"inspector_id", id}}, svg));
    if (representative)
        list.push_back(image_entry(
            {{"role", "representative"}, {"name", "王建国"}, {"position", "环保负责人"}}, svg));
    return list;
}

struct Leader {
    Tablet tablet;
    Http http;
    json assignment;

    explicit Leader(TestServer& ts, bool onsite = true)
        : http(ts.port(), sign_in(ts.port(), "leader1", tablet.device_id())) {
        for (const json& a : assignments_of(http)) // leader1 (I-022) leads or is a member
            for (const json& m : a["team"])
                if (a["status"] == "active" && (a["mode"] == "onsite") == onsite &&
                    m["inspector_id"] == "I-022" && m["role"] != "expert")
                    assignment = a;
        REQUIRE_FALSE(assignment.is_null());
    }

    Answer upload(const json& record) const {
        return http.post("/inspections", record,
                         {{"Idempotency-Key", record["id"].get<std::string>()}});
    }
    Answer try_first(const json& record) const { // as the device's first record, state kept
        return upload(tablet.chain_at(record, 1, std::string(64, '0')));
    }
};

std::string field_of(const Answer& a) {
    const json f = a.json_body()["error"]["field"];
    return f.is_string() ? f.get<std::string>() : std::string();
}

} // namespace

TEST_CASE("422 missing_signature: one per inspector present and the representative's") {
    TestServer ts;
    Leader l(ts);
    json record = l.tablet.record(l.assignment);
    REQUIRE(record["inspectors_present"].size() >= 2);

    record["signatures"] = json::array();
    Answer a = l.try_first(record);
    CHECK(a.status == 422);
    CHECK(a.code() == "missing_signature");
    CHECK(field_of(a) == "signatures");

    record["signatures"] = signatures_for(record, false); // the unit's representative missing
    a = l.try_first(record);
    CHECK(a.code() == "missing_signature");
    CHECK(field_of(a) == "signatures");

    record["signatures"] = signatures_for(record);
    record["signatures"].erase(0); // an inspector present has not signed
    CHECK(l.try_first(record).code() == "missing_signature");

    record["signatures"] = signatures_for(record); // someone not present signed
    record["signatures"].push_back(
        image_entry({{"role", "inspector"}, {"inspector_id", "I-999"}}, svg));
    CHECK(l.try_first(record).code() == "missing_signature");

    record["signatures"] = signatures_for(record);
    record["signatures"].back() = {{"role", "representative"}, {"refused", true}, {"reason", " "}};
    CHECK(l.try_first(record).code() == "missing_signature"); // a refusal says why

    record["signatures"] = signatures_for(record);
    record["signatures"][0]["mime"] = "image/jpeg";
    a = l.try_first(record);
    CHECK(a.code() == "invalid");
    CHECK(field_of(a) == "signatures[0].mime");

    // Nothing of the refused records was kept: the device's first record is still free.
    record["signatures"] = signatures_for(record);
    CHECK(l.upload(l.tablet.chain(record)).status == 201);
}

TEST_CASE("signature images go up like photos and count for completeness") {
    TestServer ts;
    Leader l(ts);
    json record = l.tablet.record(l.assignment, {"photo-bytes"});
    record["signatures"] = signatures_for(record);
    const std::string wrong = svg + " ";
    record["signatures"][0] = image_entry(record["signatures"][0], wrong);
    record = l.tablet.chain(record);
    const Answer a = l.upload(record);
    REQUIRE(a.status == 201);
    json expected = json::array({record["photos"][0]["id"]});
    for (const auto& g : record["signatures"])
        expected.push_back(g["id"]);
    CHECK(a.json_body()["photos_missing"] == expected);

    const std::string sig0 = "/photos/" + record["signatures"][0]["id"].get<std::string>();
    const Answer head = l.http.head(sig0);
    CHECK(head.status == 200);
    CHECK(head.header("Upload-Offset") == "0");
    CHECK(head.header("Upload-Length") == std::to_string(wrong.size()));
    // The photos' hash check: other bytes of the declared length are refused and reset.
    std::string forged = wrong;
    forged[5] = 'X';
    const Answer mismatch = l.http.patch(sig0, forged, 0);
    CHECK(mismatch.status == 422);
    CHECK(mismatch.code() == "hash_mismatch");
    CHECK(l.http.head(sig0).header("Upload-Offset") == "0");
    // More than declared is 413, as for a photo.
    CHECK(l.http.patch(sig0, wrong + "more", 0).status == 413);

    const Answer done = l.http.patch(sig0, wrong, 0);
    CHECK(done.status == 204);
    CHECK(done.header("Upload-Complete") == "true");
    CHECK(*ts.server().inspection_store().photo_bytes(
              record["signatures"][0]["id"].get<std::string>()) == wrong);
    for (std::size_t i = 1; i < record["signatures"].size(); ++i)
        CHECK(l.http.patch("/photos/" + record["signatures"][i]["id"].get<std::string>(), svg, 0)
                  .header("Upload-Complete") == "true");

    // Complete only when the photo is there too.
    Answer replay = l.upload(record);
    CHECK(replay.status == 200);
    CHECK(replay.json_body()["photos_missing"] == json::array({record["photos"][0]["id"]}));
    CHECK(l.http.patch("/photos/" + record["photos"][0]["id"].get<std::string>(), "photo-bytes", 0)
              .header("Upload-Complete") == "true");
    replay = l.upload(record);
    CHECK(replay.json_body()["photos_missing"] == json::array());
}

TEST_CASE("a refusal carries no image, an off-site record carries no signatures") {
    TestServer ts;
    Leader l(ts);
    json record = l.tablet.record(l.assignment);
    record["signatures"] = signatures_for(record, false);
    record["signatures"].push_back(
        {{"role", "representative"}, {"refused", true}, {"reason", "拒绝签字，称需请示总经理"}});
    record = l.tablet.chain(record);
    const Answer a = l.upload(record);
    REQUIRE(a.status == 201);
    CHECK(a.json_body()["photos_missing"].size() == record["inspectors_present"].size());

    Leader off(ts, false);
    json offsite = off.tablet.record(off.assignment);
    offsite["signatures"] = signatures_for(offsite);
    const Answer refused = off.try_first(offsite);
    CHECK(refused.code() == "missing_signature");
    CHECK(field_of(refused) == "signatures");
    offsite["signatures"] = json::array();
    CHECK(off.upload(off.tablet.chain(offsite)).status == 201);
}
