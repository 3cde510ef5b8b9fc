// Conformance of POST /inspections to central-api.md 1.1 "Intake trusts nothing it is sent":
// the chain bound to the session's device and a bounded seq, one chain of corrections, the
// confidential ground, where photos come from, and every flag (each kept, none refusing);
// `admin review`, late photos and gap reports as ranges.
#include "core/date.h"
#include "server/admincli.h"
#include "server/inspectionstore.h"
#include "server/referencedatastore.h"
#include "serverfixture.h"

#include <doctest/doctest.h>
#include <sstream>

using namespace fi::test;

namespace {

/// A leader1 session from the tablet's own device, and one of the assignments they lead.
struct Leader {
    Tablet tablet;
    Http http;
    json assignment;

    explicit Leader(TestServer& ts, std::size_t which = 0)
        : http(ts.port(), sign_in(ts.port(), "leader1", tablet.device_id())) {
        std::vector<json> led;
        for (const json& a : assignments_of(http))
            if (a["status"] == "active" && a["team"][0]["inspector_id"] == "I-022" &&
                a["mode"] == "onsite")
                led.push_back(a);
        REQUIRE(led.size() > which);
        assignment = led[which];
    }

    Answer upload(const json& record) const {
        return http.post("/inspections", record,
                         {{"Idempotency-Key", record["id"].get<std::string>()}});
    }
};

/// The record's day and both times at `t` (so no test depends on the hour it runs at).
json at(json record, std::chrono::system_clock::time_point t) {
    record["inspection_day"] = fi::china_date(t).to_string();
    record["started_at"] = fi::china_timestamp(t);
    record["finished_at"] = fi::china_timestamp(t);
    record["clock"]["device_started_at"] = fi::china_timestamp(t);
    return record;
}

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

/// The flags of a 201 answer (after checking it is one).
json flags_of(const Answer& a) {
    REQUIRE(a.status == 201);
    return a.json_body()["flags"];
}

} // namespace

TEST_CASE("422 chain_device_mismatch: a session cannot post on another device's chain") {
    TestServer ts;
    Leader victim(ts);
    REQUIRE(victim.upload(victim.tablet.chain(victim.tablet.record(victim.assignment))).status ==
            201);
    // Another session (same user even) forges records on the victim's device id.
    Leader forger(ts, 1);
    Tablet forged_device(victim.tablet.device_id());
    const json forged =
        forged_device.chain_at(forged_device.record(forger.assignment), 5, std::string(64, '0'));
    const Answer a = forger.upload(forged);
    CHECK(a.status == 422);
    CHECK(a.code() == "chain_device_mismatch");
    CHECK(field_of(a) == "chain.device_id");
    CHECK(ts.server().inspection_store().inspections()->size() == 1);
    CHECK(ts.server().inspection_store().chain_gaps()->empty());
    CHECK(*ts.server().inspection_store().max_chain_seq(victim.tablet.device_id()) == 1);
}

TEST_CASE("422 chain_seq_out_of_range: at most 1,000 past the device's highest, 2^63-1 refused") {
    TestServer ts;
    Leader l(ts);
    const json huge =
        l.tablet.chain_at(l.tablet.record(l.assignment), INT64_MAX, std::string(64, '0'));
    const Answer a1 = l.upload(huge);
    CHECK(a1.status == 422);
    CHECK(a1.code() == "chain_seq_out_of_range");
    CHECK(field_of(a1) == "chain.seq");
    const Answer a2 =
        l.upload(l.tablet.chain_at(l.tablet.record(l.assignment), 1001, std::string(64, '0')));
    CHECK(a2.code() == "chain_seq_out_of_range");
    // 1,000 ahead is accepted, and the gap it reveals is recorded.
    const Answer a3 =
        l.upload(l.tablet.chain_at(l.tablet.record(l.assignment), 1000, std::string(64, '0')));
    CHECK(a3.status == 201);
    CHECK(admin(ts, {"chain-gaps"}).find("still missing 1-999") != std::string::npos);
    CHECK(ts.server().inspection_store().inspections()->size() == 1);
}

TEST_CASE("admin chain-gaps reports a gap as ranges at once, even one up to INT64_MAX") {
    TestServer ts;
    auto& store = ts.server().inspection_store();
    const std::string device = random_uuid();
    // What an earlier server, which bounded nothing, may have stored.
    REQUIRE(
        store.put_chain_link({device, 1, std::string(64, '0'), std::string(64, 'a'), "r1"}).ok());
    REQUIRE(
        store.put_chain_link({device, 7, std::string(64, 'b'), std::string(64, 'c'), "r7"}).ok());
    REQUIRE(
        store
            .put_chain_link({device, INT64_MAX, std::string(64, 'd'), std::string(64, 'e'), "rmax"})
            .ok());
    REQUIRE(
        store.put_chain_gap({0, device, 2, INT64_MAX - 1, "2026-11-28T09:30:00.000+08:00", "rmax"})
            .ok());
    const auto started = std::chrono::steady_clock::now();
    const std::string listed = admin(ts, {"chain-gaps"});
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
    CHECK(listed.find("still missing 2-6, 8-9223372036854775806") != std::string::npos);
}

TEST_CASE("409 already_corrected: one chain of corrections, each superseding the newest") {
    TestServer ts;
    Leader l(ts);
    const json original = l.tablet.chain(l.tablet.record(l.assignment));
    REQUIRE(l.upload(original).status == 201);
    auto correction_of = [&](const json& earlier) {
        json c = l.tablet.record(l.assignment);
        c["supersedes"] = earlier["id"];
        c["correction_reason"] = "实际使用量填写错误";
        return l.tablet.chain(c);
    };
    const json first = correction_of(original);
    REQUIRE(l.upload(first).status == 201);
    // A fork: a second correction of the original.
    const Answer fork = l.upload(correction_of(original));
    CHECK(fork.status == 409);
    CHECK(fork.code() == "already_corrected");
    CHECK(field_of(fork) == "supersedes");
    // Correcting the head is fine.
    CHECK(l.upload(correction_of(first)).status == 201);
    CHECK(ts.server()
              .inspection_store()
              .inspections_for_assignment(l.assignment["id"].get<std::string>())
              ->size() == 3);

    // supersedes naming a record of another assignment: 422 invalid, field supersedes.
    Leader other(ts, 1);
    const json elsewhere = other.tablet.chain(other.tablet.record(other.assignment));
    REQUIRE(other.upload(elsewhere).status == 201);
    json across = l.tablet.record(l.assignment);
    across["supersedes"] = elsewhere["id"];
    across["correction_reason"] = "笔误";
    const Answer a = l.upload(l.tablet.chain(across));
    CHECK(a.status == 422);
    CHECK(a.code() == "invalid");
    CHECK(field_of(a) == "supersedes");
}

TEST_CASE("422 confidential_ground_required: a confidential result names its ground") {
    TestServer ts;
    Leader l(ts);
    json secret = l.tablet.record(l.assignment);
    secret["confidential"] = true;
    secret["confidential_reason"] = "涉及国家秘密";
    const Answer a = l.upload(l.tablet.chain_at(secret, 1, std::string(64, '0')));
    CHECK(a.status == 422);
    CHECK(a.code() == "confidential_ground_required");
    CHECK(field_of(a) == "confidential_ground");
    secret["confidential_ground"] = "national_pride"; // not one of the four
    CHECK(l.upload(l.tablet.chain_at(secret, 1, std::string(64, '0'))).code() ==
          "confidential_ground_required");
    secret["confidential_ground"] = "state_secret";
    CHECK(l.upload(l.tablet.chain(secret)).status == 201);
}

TEST_CASE("photos say where they come from: 422 invalid photos without source, imports flagged") {
    TestServer ts;
    Leader l(ts);
    const auto now = ts.now() - std::chrono::seconds(1);
    json record = at(l.tablet.record(l.assignment, {"bytes-1", "bytes-2"}), now);
    record["photos"][1].erase("source");
    const Answer a1 = l.upload(l.tablet.chain_at(record, 1, std::string(64, '0')));
    CHECK(a1.status == 422);
    CHECK(a1.code() == "invalid");
    CHECK(field_of(a1) == "photos");
    record["photos"][1]["source"] = "gallery";
    CHECK(field_of(l.upload(l.tablet.chain_at(record, 1, std::string(64, '0')))) == "photos");
    record["photos"][1]["source"] = "import"; // without original_taken_at
    const Answer a2 = l.upload(l.tablet.chain_at(record, 1, std::string(64, '0')));
    CHECK(a2.code() == "invalid");
    CHECK(field_of(a2) == "photos");
    record["photos"][1]["original_taken_at"] = "yesterday";
    CHECK(field_of(l.upload(l.tablet.chain_at(record, 1, std::string(64, '0')))) == "photos");
    record["photos"][1]["original_taken_at"] = nullptr; // no EXIF time: allowed, and flagged
    const Answer ok = l.upload(l.tablet.chain(record));
    CHECK(flags_of(ok) == json::array({"imported_photo"}));
    CHECK(ok.json_body()["photos_missing"].size() == 2);
}

TEST_CASE("flags: none for an honest record, each suspicion named, the record kept either way") {
    TestServer ts;
    const auto now = ts.now() - std::chrono::seconds(1);

    Leader honest(ts, 0);
    const Answer clean =
        honest.upload(honest.tablet.chain(at(honest.tablet.record(honest.assignment), now)));
    CHECK(flags_of(clean) == json::array());
    CHECK(clean.json_body()["late"] == false);

    SUBCASE("day_mismatch: the claimed day is not the day of started_at") {
        Leader l(ts, 1);
        json r = at(l.tablet.record(l.assignment), now);
        r["inspection_day"] = fi::china_date(now).add_days(-1).to_string();
        const Answer a = l.upload(l.tablet.chain(r));
        CHECK(flags_of(a) == json::array({"day_mismatch"}));
        CHECK(a.json_body()["late"] == true); // judged on the claimed day
    }
    SUBCASE("in_future: a time more than 5 minutes after receipt") {
        Leader l(ts, 1);
        json r = at(l.tablet.record(l.assignment), now);
        r["finished_at"] = fi::china_timestamp(now + std::chrono::minutes(6));
        CHECK(flags_of(l.upload(l.tablet.chain(r))) == json::array({"in_future"}));
        Leader l2(ts, 2);
        json slightly = at(l2.tablet.record(l2.assignment), now);
        slightly["finished_at"] = fi::china_timestamp(now + std::chrono::minutes(4));
        CHECK(flags_of(l2.upload(l2.tablet.chain(slightly))) == json::array());
    }
    SUBCASE("outside_window: the day is before the assignment's window") {
        Leader l(ts, 1);
        const auto from = fi::Date::parse(l.assignment["window"]["from"].get<std::string>());
        REQUIRE(from.ok());
        const auto before =
            fi::parse_rfc3339(from->add_days(-1).to_string() + "T10:00:00.000+08:00");
        REQUIRE(before.ok());
        const Answer a = l.upload(l.tablet.chain(at(l.tablet.record(l.assignment), *before)));
        CHECK(flags_of(a) == json::array({"outside_window"}));
        CHECK(a.json_body()["late"] == true);
    }
    SUBCASE("device_clock: the times came from the device's own clock") {
        Leader l(ts, 1);
        json r = at(l.tablet.record(l.assignment), now);
        r["clock"]["source"] = "device";
        CHECK(flags_of(l.upload(l.tablet.chain(r))) == json::array({"device_clock"}));
    }
    SUBCASE("far_from_target: more than 500 m from the target's known position") {
        auto& reference = ts.server().reference_data_store();
        auto place = [&](const json& assignment, std::int64_t north_e6) {
            const std::string id = assignment["target"]["id"];
            auto body = reference.find_target(id);
            REQUIRE(body.ok());
            REQUIRE(body->has_value());
            json target = json::parse(**body);
            // The fixture's records are taken at 30.391234 N, 114.894321 E.
            target["position"] = {{"lat_e6", 30391234 + north_e6}, {"lon_e6", 114894321}};
            REQUIRE(reference.put_target(id, target.dump()).ok());
        };
        Leader far(ts, 1);
        place(far.assignment, 10000); // about 1.1 km north
        CHECK(flags_of(far.upload(far.tablet.chain(at(far.tablet.record(far.assignment), now)))) ==
              json::array({"far_from_target"}));
        Leader near(ts, 2);
        place(near.assignment, 4000); // about 445 m
        CHECK(flags_of(near.upload(near.tablet.chain(
                  at(near.tablet.record(near.assignment), now)))) == json::array());
    }
    SUBCASE("several at once, kept in the replay and listed by admin review") {
        Leader l(ts, 1);
        json r = at(l.tablet.record(l.assignment, {"x"}), now);
        r["clock"]["source"] = "device";
        r["photos"][0]["source"] = "import";
        r["photos"][0]["original_taken_at"] = "2025-05-01T10:00:00+08:00";
        r = l.tablet.chain(r);
        const Answer a = l.upload(r);
        const json expected = json::array({"device_clock", "imported_photo"});
        CHECK(flags_of(a) == expected);
        const Answer replay = l.upload(r);
        CHECK(replay.status == 200);
        CHECK(replay.json_body()["flags"] == expected);
        const std::string listed = admin(ts, {"review"});
        CHECK(listed.find(r["id"].get<std::string>()) != std::string::npos);
        CHECK(listed.find("flags device_clock imported_photo") != std::string::npos);
        CHECK(listed.find(clean.json_body()["id"].get<std::string>()) == std::string::npos);
    }
    // Nothing flagged was refused.
    CHECK(ts.server().inspection_store().inspections()->size() >= 2);
}

TEST_CASE("admin review says so when nothing is flagged") {
    TestServer ts;
    CHECK(admin(ts, {"review"}) == "no flagged records\n");
}

TEST_CASE("photos complete only after their inspection day are reported late") {
    TestServer ts;
    Leader l(ts);
    const std::string bytes = "photo-bytes-of-the-day";
    const json record = l.tablet.chain(
        at(l.tablet.record(l.assignment, {bytes}), ts.now() - std::chrono::seconds(1)));
    REQUIRE(l.upload(record).status == 201);
    CHECK(admin(ts, {"late-uploads"}) == "no late uploads\n");
    ts.advance(std::chrono::hours(25));
    l.http.set_token(sign_in(ts.port(), "leader1", l.tablet.device_id()));
    const Answer done =
        l.http.patch("/photos/" + record["photos"][0]["id"].get<std::string>(), bytes, 0);
    REQUIRE(done.status == 204);
    REQUIRE(done.header("Upload-Complete") == "true");
    const std::string listed = admin(ts, {"late-uploads"});
    CHECK(listed.find(record["id"].get<std::string>()) != std::string::npos);
    CHECK(listed.find("photos 1/1 (1 LATE)") != std::string::npos);
}
