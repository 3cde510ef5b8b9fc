// Corrections through fieldinspect-cli against the real reference server: a chain of two
// corrections the central system takes, a correction of an older version refused, one
// correction being written at a time; and a record is "uploaded" only once its photos are.
#include "clitablet.h"

#include <chrono>
#include <fstream>
#include <thread>

using namespace fi;
using namespace fi::test;
using nlohmann::json;

namespace {

/// An answers file passing every rule, with one failed checkpoint and its photo; `note` on
/// every answer, so each version says something of its own.
std::string answers_for(CliTablet& tab, const std::string& assignment_id, const std::string& note) {
    make_jpeg(tab.work_dir() / "photo.jpg", 400, 300, 5, true);
    AnswerOptions options;
    options.photo_file = "photo.jpg";
    options.note = note;
    return tab.answers_with(assignment_id, options);
}

/// The versions of the record of `assignment_id`, as `show --json` lists them.
json versions_of(CliTablet& tab, const std::string& assignment_id) {
    const auto shown = tab.cli("show " + assignment_id + " --json");
    REQUIRE_MESSAGE(shown.status == 0, tab.stderr_text());
    return json::parse(shown.out).at("versions");
}

} // namespace

TEST_CASE("the command line corrects an uploaded record twice, an older version is refused") {
    CentralServer server;
    CliTablet tab(server.process.base_url());
    REQUIRE(tab.cli("init --user inspector1").status == 0);
    REQUIRE(tab.cli("pull").status == 0);
    const auto a = tab.onsite_assignment();
    auto r = tab.cli("record --assignment " + a + " --answers " + answers_for(tab, a, ""));
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    const std::string original = r.out.substr(0, r.out.find('\n'));
    REQUIRE(tab.cli("sync").status == 0);
    CHECK(versions_of(tab, a).size() == 1);

    // A reason is required.
    r = tab.cli("correct --record " + original + " --reason ' '");
    CHECK(r.status == 5);
    CHECK(tab.stderr_text().find("reason") != std::string::npos);
    CHECK(tab.cli("correct --record " + original).status == 2);

    r = tab.cli("correct --record " + original + " --reason 读数抄错 --json");
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    const json first = json::parse(r.out);
    const std::string fix1 = first.at("id");
    CHECK(fix1 != original);
    CHECK(first.at("supersedes") == original);
    CHECK(first.at("correction_reason") == "读数抄错");
    CHECK(first.at("already_started") == false);
    // Prefilled from the record it corrects, photos copied under new ids.
    const json draft = json::parse(tab.cli("export " + fix1).out);
    const json sealed = json::parse(tab.cli("export " + original).out);
    CHECK(draft.at("answers") == sealed.at("answers"));
    REQUIRE(draft.at("photos").size() == 1);
    CHECK(draft.at("photos")[0].at("id") != sealed.at("photos")[0].at("id"));
    CHECK(draft.at("photos")[0].at("sha256") == sealed.at("photos")[0].at("sha256"));

    // One correction at a time: asking again points to the one being written.
    r = tab.cli("correct --record " + original + " --reason 另一个理由 --json");
    REQUIRE(r.status == 0);
    CHECK(json::parse(r.out).at("id") == fix1);
    CHECK(json::parse(r.out).at("already_started") == true);
    CHECK(tab.stderr_text().find("already being written") != std::string::npos);
    auto versions = versions_of(tab, a);
    REQUIRE(versions.size() == 2);
    CHECK(versions[0].at("id") == original);
    CHECK(versions[0].at("state") == "uploaded");
    CHECK(versions[1].at("id") == fix1);
    CHECK(versions[1].at("state") == "draft");
    CHECK(versions[1].at("reason") == "读数抄错");

    r = tab.cli("record --assignment " + a + " --answers " + answers_for(tab, a, "更正后的记录") +
                " --resume");
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    CHECK(r.out.find(fix1) == 0);
    r = tab.cli("sync --json");
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    CHECK(json::parse(r.out).at("uploaded") == 1);

    // The original is no longer the newest version: correcting it is refused, naming fix1.
    r = tab.cli("correct --record " + original + " --reason 再改一次");
    CHECK(r.status == 5);
    CHECK(tab.stderr_text().find(fix1) != std::string::npos);
    CHECK(tab.cli("drafts --json").out == "[]\n");

    r = tab.cli("correct --record " + fix1 + " --reason 补充现场情况");
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    const std::string fix2 = r.out.substr(0, r.out.find('\n'));
    r = tab.cli("record --assignment " + a + " --answers " + answers_for(tab, a, "第二次更正") +
                " --resume");
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    REQUIRE(tab.cli("sync").status == 0);

    // All three on the central system, one chain.
    const auto lines = server.inspections();
    CHECK(lines.size() == 3);
    const json last = json::parse(tab.cli("export " + fix2).out);
    CHECK(last.at("supersedes") == fix1);
    CHECK(last.at("correction_reason") == "补充现场情况");
    CHECK(last.at("answers")[0].at("note") == "第二次更正");
    versions = versions_of(tab, a);
    REQUIRE(versions.size() == 3);
    CHECK(versions[0].at("reason").is_null());
    CHECK(versions[1].at("reason") == "读数抄错");
    CHECK(versions[2].at("reason") == "补充现场情况");
    CHECK(versions[2].at("supersedes") == fix1);
    for (const auto& v : versions) {
        CHECK(v.at("state") == "uploaded");
        CHECK_FALSE(v.at("completed_at").get<std::string>().empty());
    }
    // The same chain from any of its versions; the text view lists it too.
    const auto text = tab.cli("show " + a).out;
    CHECK(text.find("version 3: " + fix2) != std::string::npos);
    CHECK(text.find("补充现场情况") != std::string::npos);
    CHECK(tab.state_of(a) == "uploaded");
}

TEST_CASE("a record is uploaded only when its photos are: status, assignments") {
    CentralServer server;
    CliTablet tab(server.process.base_url());
    REQUIRE(tab.cli("init --user inspector1").status == 0);
    REQUIRE(tab.cli("pull").status == 0);
    const auto a = tab.onsite_assignment();
    REQUIRE(tab.cli("record --assignment " + a + " --answers " + answers_for(tab, a, "")).status ==
            0);
    // The central system takes the record but no photo byte.
    server.faults(json::array(
        {{{"method", "PATCH"}, {"path", ".*/photos/.*"}, {"fault", "status"}, {"status", 503}}}));
    CHECK(tab.cli("sync").status == 3);
    const auto lines = server.inspections();
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].find("photos 0/") != std::string::npos); // neither the photo nor a signature
    auto st = tab.cli("status --json");
    CHECK(st.status == 3);
    const json status = json::parse(st.out);
    CHECK(status.at("uploading") == 1);
    CHECK(status.at("due_today") == 1);
    REQUIRE(status.at("records").size() == 1);
    CHECK(status.at("records")[0].at("state") == "uploading");
    CHECK(tab.state_of(a) == "completed");
    CHECK(versions_of(tab, a)[0].at("state") == "completed");

    server.faults(json::array());
    // The photo waits out its back-off (2–4 s after one failure), then goes whole.
    std::this_thread::sleep_for(std::chrono::seconds(5));
    const auto resumed = tab.cli("sync");
    REQUIRE_MESSAGE(resumed.status == 0, (resumed.out + tab.stderr_text()));
    CHECK(tab.cli("status").status == 0);
    CHECK(tab.state_of(a) == "uploaded");
}
