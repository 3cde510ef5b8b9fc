// Holding less, as a person runs it: records the real central system acknowledged leave the
// tablet after the retention period (`purge`, and at the end of every `sync`), their receipts
// kept; a record the central system has not confirmed never does.
#include "clitablet.h"

#include <fstream>

using namespace fi;
using namespace fi::test;
using nlohmann::json;

namespace {

/// Record and complete a passing inspection of the first on-site assignment, with a photo:
/// the assignment and the record.
std::pair<std::string, std::string> record_one(CliTablet& tab) {
    const std::string assignment = tab.onsite_assignment();
    make_jpeg(tab.work_dir() / "photo.jpg", 400, 300, 5, true);
    AnswerOptions options;
    options.photo_file = "photo.jpg";
    return {assignment, tab.record(assignment, tab.answers_with(assignment, options))};
}

} // namespace

TEST_CASE("retention: what the central system acknowledged leaves the tablet, its receipt stays, "
          "what it has not confirmed never does") {
    CentralServer server;
    CliTablet tab(server.process.base_url());
    REQUIRE(tab.cli("init --user inspector1").status == 0);
    REQUIRE(tab.cli("pull").status == 0);
    const auto [assignment, id] = record_one(tab);

    // Completed, not on the central system yet: never removed, however short the period.
    auto r = tab.cli("purge --days 0 --json");
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    CHECK(json::parse(r.out).at("removed").empty());
    CHECK(tab.cli("export " + id).status == 0);

    // Received: within the default 30 days it stays, at the end of the sync too.
    r = tab.cli("sync --json");
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text() << r.out);
    CHECK(json::parse(r.out).at("uploaded") == 1);
    CHECK(json::parse(r.out).at("purged") == 0);
    CHECK(tab.cli("export " + id).status == 0);
    r = tab.cli("retention --json");
    CHECK(json::parse(r.out).at("retention_days") == 30);

    // A dry run names it and removes nothing.
    r = tab.cli("purge --dry-run --days 0 --json");
    REQUIRE(r.status == 0);
    const json dry = json::parse(r.out);
    CHECK(dry.at("dry_run") == true);
    REQUIRE(dry.at("removed").size() == 1);
    CHECK(dry.at("removed").at(0).at("id") == id);
    // Its images: the photo and the three signatures (kept as photos), all to go with it.
    const json sealed = json::parse(tab.cli("export " + id).out);
    CHECK(sealed.at("photos").size() == 1);
    CHECK(sealed.at("signatures").size() == 3);
    CHECK(dry.at("removed").at(0).at("photos") == 4);

    // Removed: the record and its photo are gone, the central system still has it, and the
    // tablet still knows it was sent and when.
    r = tab.cli("purge --days 0");
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    CHECK(r.out.find("Removed 1 record(s)") != std::string::npos);
    CHECK(r.out.find(id) != std::string::npos);
    r = tab.cli("export " + id);
    CHECK(r.status != 0);
    CHECK(tab.stderr_text().find("retention period") != std::string::npos);
    CHECK(tab.state_of(assignment) == "uploaded");
    CHECK(tab.cli("status").status == 0); // nothing left to upload
    REQUIRE(server.inspections().size() == 1);
    CHECK(server.inspections().at(0).find(id) != std::string::npos);
    CHECK(tab.cli("purge --days 0 --json").out.find(id) == std::string::npos);

    // The setting: 1 to 3650 days; anything else is refused and the setting kept.
    CHECK(tab.cli("retention 0").status != 0);
    CHECK(tab.cli("retention 7").status == 0);
    CHECK(json::parse(tab.cli("retention --json").out).at("retention_days") == 7);
    CHECK(tab.cli("purge --days 99999").status == 2);
}
