// A result kept from publication, end to end through fieldinspect-cli and the real reference
// server (interface 1.1, "Intake trusts nothing it is sent"): the central system refuses a
// confidential record without its legal ground (422 confidential_ground_required), so the
// tablet completes none without one — it would be parked for ever — and one with its ground
// is received (201) with the ground in the body the central system keeps.
#include "clitablet.h"
#include "syncfixture.h"

#include <fstream>

using namespace fi;
using namespace fi::test;
using nlohmann::json;

namespace {

/// The first off-site assignment (no place, no signatures: only confidentiality is judged).
std::string offsite_assignment(const CliTablet& tab) {
    const auto r = tab.cli("assignments --json");
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    for (const auto& a : json::parse(r.out))
        if (a.at("mode") == "offsite")
            return a.at("id");
    FAIL("no off-site assignment");
    return "";
}

json read_json(const std::string& path) {
    std::ifstream in(path);
    return json::parse(in);
}

void write_json(const std::string& path, const json& j) {
    std::ofstream(path) << j.dump(1);
}

/// The body the central system keeps for `record_id`, read from its database file (plain
/// SQLite) with Python's sqlite3, read-only.
json central_body(const CentralServer& server, const std::string& record_id) {
    const auto db = server.dir / "central" / "server.db";
    const auto r = run_command("python3 -c 'import sqlite3,sys; c=sqlite3.connect(\"file:\"+sys."
                               "argv[1]+\"?mode=ro\", uri=True); print(c.execute(\"SELECT body "
                               "FROM inspections WHERE id=?\", (sys.argv[2],)).fetchone()[0])' '" +
                               db.string() + "' '" + record_id + "'");
    REQUIRE_MESSAGE(r.status == 0, r.out);
    return json::parse(r.out);
}

} // namespace

TEST_CASE(
    "cli: a confidential result needs its legal ground, and with it the central system takes it") {
    CentralServer server;
    CliTablet tab(server.process.base_url());
    REQUIRE_MESSAGE(tab.cli("init --user leader1").status == 0, tab.stderr_text());
    REQUIRE(tab.cli("pull").status == 0);
    const std::string a = offsite_assignment(tab);
    const std::string answers = tab.answers_for(a, "C1");
    json file = read_json(answers);
    file["confidential"] = true;
    file["confidential_reason"] = "涉及正在查处案件的线索";
    write_json(answers, file);

    // No ground: refused here with the central system's own code, kept as a draft, not sent.
    auto r = tab.cli("record --assignment " + a + " --answers " + answers);
    CHECK(r.status == 5);
    std::string said = tab.stderr_text();
    INFO(said);
    CHECK(said.find("[confidential_ground_required] confidential_ground") != std::string::npos);
    CHECK(said.find("\"confidential_ground\" in the answers file") != std::string::npos);
    const json drafts = json::parse(tab.cli("drafts --json").out);
    REQUIRE(drafts.size() == 1);
    const std::string record = drafts[0].at("id");
    CHECK(json::parse(tab.cli("sync --json").out).at("uploaded") == 0);
    CHECK(server.inspections().empty());

    // A ground that is none of the four is refused as the file's mistake; nothing changes.
    file["confidential_ground"] = "national_interest";
    write_json(answers, file);
    r = tab.cli("record --resume --assignment " + a + " --answers " + answers);
    CHECK(r.status == 5);
    said = tab.stderr_text();
    CHECK(said.find("confidential_ground must be state_secret, national_security, public_safety "
                    "or other_law") != std::string::npos);
    CHECK(tab.exported(record).at("confidential_ground").is_null());

    // With its ground it completes and the central system receives it (201, not parked).
    file["confidential_ground"] = "public_safety";
    write_json(answers, file);
    r = tab.cli("record --resume --assignment " + a + " --answers " + answers);
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    CHECK(r.out.starts_with(record));
    const json sealed = tab.exported(record);
    CHECK(sealed.at("confidential") == true);
    CHECK(sealed.at("confidential_ground") == "public_safety");
    r = tab.cli("sync --json");
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    CHECK(json::parse(r.out).at("uploaded") == 1);
    CHECK(json::parse(tab.cli("status --json").out).at("parked") == 0);
    const auto lines = server.inspections();
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].starts_with(record));
    const json kept = central_body(server, record);
    CHECK(kept.at("confidential") == true);
    CHECK(kept.at("confidential_ground") == "public_safety");
    CHECK(kept.at("confidential_reason") == "涉及正在查处案件的线索");
}

TEST_CASE("cli: a published result carries no ground, whatever the answers file says") {
    CentralServer server;
    CliTablet tab(server.process.base_url());
    REQUIRE_MESSAGE(tab.cli("init --user leader1").status == 0, tab.stderr_text());
    REQUIRE(tab.cli("pull").status == 0);
    const std::string a = offsite_assignment(tab);
    const std::string answers = tab.answers_for(a, "C2");
    json file = read_json(answers);
    file["confidential"] = false;
    file["confidential_ground"] = "state_secret";
    write_json(answers, file);
    auto r = tab.cli("record --assignment " + a + " --answers " + answers);
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    const std::string record = r.out.substr(0, r.out.find('\n'));
    CHECK_FALSE(tab.exported(record).contains("confidential_ground"));
    REQUIRE(tab.cli("sync").status == 0);
    CHECK_FALSE(central_body(server, record).contains("confidential_ground"));
}
