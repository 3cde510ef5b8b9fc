// Pulls against the real reference server: every active assignment's team checked against
// its draw, whether this pull wrote the assignment or the store already held it.
#include "core/modeljson.h"
#include "core/statement.h"
#include "syncfixture.h"

using namespace fi;
using namespace fi::test;

TEST_CASE("a pull verifies every active team: those it wrote as written, the rest as stored") {
    CentralServer server;
    Tablet t(server.process.base_url());
    t.sign_in("inspector1");
    auto first = sync::Puller(t.db, t.client).pull_all(1); // one assignment a page
    REQUIRE_MESSAGE(first.ok(), (first.ok() ? "" : first.error().message));
    const auto held = t.assignments();
    REQUIRE(held.size() >= 2);
    CHECK(first->draws_verified == held.size());
    CHECK(first->draws_not_verified == 0);

    // A team changed in the store behind the central system's back: the next pull brings
    // nothing new, so it checks every team as stored, and the changed one shows.
    Assignment changed = held[0];
    auto member = std::find_if(changed.team.begin(), changed.team.end(),
                               [](const TeamMember& m) { return m.role != TeamRole::expert; });
    REQUIRE(member != changed.team.end());
    member->inspector_id = "not-drawn-inspector";
    REQUIRE(execute(t.db, "UPDATE assignments SET json = ?2 WHERE id = ?1", changed.id,
                    encode_assignment(changed).dump())
                .ok());
    auto second = sync::Puller(t.db, t.client).pull_all(1);
    REQUIRE(second.ok());
    CHECK(second->applied == 0);
    CHECK(second->draws_verified == held.size() - 1);
    CHECK(second->draws_not_verified == 1);
    bool named = false;
    for (const auto& m : second->messages)
        named = named || m.find("assignment " + changed.id) != std::string::npos;
    CHECK(named);
}
