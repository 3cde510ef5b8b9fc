// Scenario 9, authorisation on the server, seen from real tablets against the real server
// process: a re-draw asked by a plain member, an upload for an assignment the caller is not
// on, and a replay of an accepted record's id with a changed body. Each is refused with the
// status central-api.md documents, and nothing is stored (the server's own admin command is
// the witness). The server's request-level tests (tests/server test_draw "re-draw errors",
// test_intake "not_assigned" and "…another body 409") cover the same refusals from a plain
// HTTP client; this scenario adds the tablet's side: the record kept, nothing changed.
#include "scenario.h"
#include "syncfixture.h"

#include <algorithm>

using namespace fi;
using namespace fi::test;

namespace {

std::string admin(CentralServer& s, const std::string& command) {
    const auto r = run_command(server_binary().string() + " admin --data " +
                               (s.dir / "central").string() + " " + command);
    REQUIRE(r.status == 0);
    return r.out;
}

bool on_team(const Assignment& a, const std::string& inspector_id) {
    return std::any_of(a.team.begin(), a.team.end(),
                       [&](const TeamMember& m) { return m.inspector_id == inspector_id; });
}

} // namespace

TEST_CASE("scenario 9: re-draw by a non-leader, foreign assignment, changed replay: refused") {
    CentralServer server;
    Tablet member(server.process.base_url());
    member.sign_in("inspector1");
    member.pull();
    Tablet leader(server.process.base_url());
    leader.sign_in("leader1");
    leader.pull();
    const std::string assignments_before = admin(server, "list-assignments");
    std::int64_t runs = 0, failures = 0;
    auto outcome = [&](bool refused_as_documented) {
        ++runs;
        failures += refused_as_documented ? 0 : 1;
        CHECK(refused_as_documented);
    };

    // 1. A re-draw by a member who does not lead the team: 403 not_team_leader.
    std::optional<Assignment> led_by_other;
    for (const auto& a : member.assignments())
        if (a.team.at(0).inspector_id != "I-002")
            led_by_other = a;
    REQUIRE(led_by_other.has_value());
    auto redraw = member.client.redraw(led_by_other->id, "conflict", "回避", {});
    REQUIRE_FALSE(redraw.ok());
    outcome(redraw.error().status == 403 && redraw.error().code == "not_team_leader" &&
            redraw.error().kind == sync::ApiErrorKind::rejected);
    CHECK(admin(server, "list-assignments") == assignments_before);

    // 2. An upload for an assignment the caller is not on: the leader's tablet holds a record
    //    for one of the leader's assignments, but the session is inspector1's.
    std::optional<Assignment> foreign;
    for (const auto& a : leader.assignments())
        if (!on_team(a, "I-002"))
            foreign = a;
    REQUIRE(foreign.has_value());
    const auto foreign_record = leader.complete_record(foreign->id, 1, 16 * 1024);
    leader.sign_in("inspector1"); // the same tablet, now someone else's session
    const auto s = leader.upload();
    CHECK(s.uploaded == 0);
    CHECK(s.parked == 1);
    auto open = leader.open_entries();
    REQUIRE(open.size() == 1);
    outcome(open[0].error_code == "not_assigned" && open[0].state == OutboxState::parked);
    CHECK_FALSE(open[0].error_message.value_or("").empty());
    CHECK(RecordStore(leader.db).load(foreign_record).value().state == RecordState::completed);
    CHECK(server.inspections().empty());
    CHECK(member.client
              .photo_offset(
                  RecordStore(leader.db).load(foreign_record).value().record.photos.at(0).id)
              .error()
              .status == 404); // no photo was declared either

    // 3. The same id with another body: 409 idempotency_conflict, the first body stays.
    const auto mine = member.complete_record(member.assignments().at(0).id);
    REQUIRE(member.upload().uploaded == 1);
    const auto stored = RecordStore(member.db).load(mine).value();
    const auto first_line = server.inspections().at(0);
    std::string changed = stored.body;
    const auto at = changed.find("\"public_text\":\"");
    REQUIRE(at != std::string::npos);
    changed.insert(at + 15, "改");
    auto conflict = member.client.post_inspection(mine, changed);
    REQUIRE_FALSE(conflict.ok());
    outcome(conflict.error().status == 409 && conflict.error().code == "idempotency_conflict" &&
            conflict.error().kind == sync::ApiErrorKind::rejected);
    // The stored record is still the first: its exact body replays (200) with the same receipt.
    auto replay = member.client.post_inspection(mine, stored.body);
    REQUIRE(replay.ok());
    CHECK(replay->replay);
    CHECK(replay->received_at == stored.received_at.value_or(""));
    const auto lines = server.inspections();
    CHECK(lines == std::vector<std::string>{first_line});

    report(9, "authorisation",
           {runs, failures, lines.size() == 1 ? 0 : 1,
            lines.size() > 1 ? static_cast<std::int64_t>(lines.size()) - 1 : 0,
            "403 not_team_leader, 422 not_assigned, 409 idempotency_conflict; nothing stored"});
    CHECK(admin(server, "list-assignments") == assignments_before);
}
