// The place of an on-site record through the command line (issue 18): the CLI has no position
// of its own, so a file's location is taken only when the file says it is simulated, and the
// record is then marked so beside it; the sealed body stays as the interface has it.
#include "support/cliscript.h"
#include "syncfixture.h"

#include <fstream>

using namespace fi;
using namespace fi::test;
using nlohmann::json;

namespace {

/// A tablet driven only through the command line.
struct PlaceTablet {
    TempDir dir;
    std::string env;

    explicit PlaceTablet(const std::string& server_url) {
        env = "FI_DATA=" + (dir / "data").string() + " FI_PIN=246810 FI_PASSWORD=demo1234 " +
              "FI_SERVER=" + server_url + " ";
    }
    CommandResult cli(const std::string& args) const {
        return run_command(env + FI_CLI_BINARY + " " + args + " 2>" + (dir / "stderr").string());
    }
    std::string stderr_text() const { return file_bytes(dir / "stderr"); }

    std::string first_assignment(const std::string& mode) {
        const auto r = cli("assignments --json");
        REQUIRE(r.status == 0);
        for (const auto& a : json::parse(r.out))
            if (a.at("mode") == mode)
                return a.at("id");
        FAIL("no assignment of mode " << mode);
        return "";
    }

    std::string write(const std::string& name, const json& doc) {
        const auto path = dir / name;
        std::ofstream(path) << doc.dump(1);
        return path.string();
    }
};

} // namespace

TEST_CASE("cli: an on-site answers file with a location is refused unless simulated, with it, "
          "the record is marked simulated beside its unchanged body") {
    CentralServer server;
    PlaceTablet tab(server.process.base_url());
    REQUIRE_MESSAGE(tab.cli("init --user inspector1").status == 0, tab.stderr_text());
    REQUIRE(tab.cli("pull").status == 0);
    const auto a = tab.first_assignment("onsite");
    json answers = passing_answers(json::parse(tab.cli("show " + a + " --json").out));
    REQUIRE(answers.at("location").is_object());
    REQUIRE(answers.at("simulated") == true);

    // Without the mark: refused before anything is made, and said why.
    json typed = answers;
    typed.erase("simulated");
    auto r = tab.cli("record --assignment " + a + " --answers " + tab.write("typed.json", typed));
    CHECK(r.status == 5);
    CHECK(tab.stderr_text().find("\"simulated\": true") != std::string::npos);
    CHECK(json::parse(tab.cli("drafts --json").out).empty());
    typed["simulated"] = "yes"; // only the JSON true counts
    r = tab.cli("record --assignment " + a + " --answers " + tab.write("typed2.json", typed));
    CHECK(r.status == 5);
    CHECK(json::parse(tab.cli("drafts --json").out).empty());

    // With it: completed, marked simulated; the body is the interface's, without the mark.
    r = tab.cli("record --json --assignment " + a + " --answers " +
                tab.write("simulated.json", answers));
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    const json made = json::parse(r.out);
    CHECK(made.at("location_simulated") == true);
    CHECK(made.at("distance_to_target_m").is_null()); // the demo's targets carry no position
    CHECK(made.at("far_from_target") == false);
    const json body = json::parse(tab.cli("export " + made.at("id").get<std::string>()).out);
    CHECK(body.at("location") == answers.at("location"));
    CHECK_FALSE(body.contains("simulated"));
    CHECK_FALSE(body.at("location").contains("simulated"));
}

TEST_CASE("cli: the location is taken once, when the draft starts, a resumed draft keeps it") {
    CentralServer server;
    PlaceTablet tab(server.process.base_url());
    REQUIRE_MESSAGE(tab.cli("init --user inspector1").status == 0, tab.stderr_text());
    REQUIRE(tab.cli("pull").status == 0);
    const auto a = tab.first_assignment("onsite");
    json answers = passing_answers(json::parse(tab.cli("show " + a + " --json").out));
    auto r = tab.cli("record --draft --assignment " + a + " --answers " +
                     tab.write("first.json", answers));
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    const std::string id = r.out.substr(0, r.out.find('\n'));

    json moved = answers;
    moved["location"] = {{"lat_e6", 31000000}, {"lon_e6", 115000000}, {"accuracy_m", 3}};
    r = tab.cli("record --json --resume --assignment " + a + " --answers " +
                tab.write("moved.json", moved));
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    CHECK(json::parse(r.out).at("id") == id);
    const json body = json::parse(tab.cli("export " + id).out);
    CHECK(body.at("location") == answers.at("location"));
}

TEST_CASE("cli: an off-site answers file needs no mark, and the skeleton offers no place to type") {
    CentralServer server;
    PlaceTablet tab(server.process.base_url());
    REQUIRE_MESSAGE(tab.cli("init --user inspector1").status == 0, tab.stderr_text());
    REQUIRE(tab.cli("pull").status == 0);
    const auto onsite = tab.first_assignment("onsite");
    const auto skeleton = tab.dir / "skeleton.json";
    REQUIRE(tab.cli("checklist " + onsite + " --skeleton " + skeleton.string()).status == 0);
    CHECK(json::parse(file_bytes(skeleton)).at("location").is_null());

    const auto r = tab.cli("assignments --json");
    std::string offsite;
    for (const auto& x : json::parse(r.out))
        if (x.at("mode") == "offsite")
            offsite = x.at("id");
    if (offsite.empty())
        return; // the demo gives this user no off-site assignment
    json answers = passing_answers(json::parse(tab.cli("show " + offsite + " --json").out));
    CHECK(answers.at("simulated") == false);
    const auto done = tab.cli("record --json --assignment " + offsite + " --answers " +
                              tab.write("offsite.json", answers));
    REQUIRE_MESSAGE(done.status == 0, tab.stderr_text());
    CHECK(json::parse(done.out).at("location_simulated") == false);
}
