// The curious colleague (docs/security.md): another inspector signs in on a tablet set up for
// someone else. The sign-in is refused (`not_owner`), the session the central system opened
// for it is ended there at once, and the owner's own session on the tablet is untouched.
#include "clitablet.h"
#include "syncfixture.h"

using namespace fi::test;

TEST_CASE("cli: another inspector's sign-in is refused and leaves no live session of theirs") {
    CentralServer server;
    CliTablet tab(server.process.base_url());
    REQUIRE_MESSAGE(tab.cli("init --user inspector1").status == 0, tab.stderr_text());
    const auto live = [&](const std::string& user) {
        return std::stoi(
            server.query("SELECT count(*) FROM sessions WHERE username = '" + user + "'"));
    };
    REQUIRE(live("inspector1") == 1);
    REQUIRE(live("leader1") == 0);

    // leader1's password is right: the central system answers with a session, which the
    // tablet refuses because it belongs to inspector1.
    const auto r = tab.cli("sign-in --user leader1");
    CHECK(r.status == 5);
    CHECK(tab.stderr_text().find("belongs to another inspector") != std::string::npos);
    CHECK(live("leader1") == 0); // signed out at the central system, not merely dropped

    // The owner's session was kept: the tablet still pulls and syncs as inspector1, and no
    // new session was needed for it.
    CHECK(tab.cli("pull").status == 0);
    CHECK(tab.cli("sync").status == 0);
    CHECK(live("inspector1") == 1);
}
