// The command line completes no record the central system would flag for its times (issue
// 18): `in_future` and `outside_window`, end to end through fieldinspect-cli and the real
// server. The tablet's trusted time is the central system's, taken at each pull and carried
// forward by the boot clock; here the server runs on a clock libfaketime sets (its process
// only, its timers left true), so the trusted time moves as it does when a central system's
// clock is put right, or when the day comes after an assignment's window. Each refusal must
// name the flag in words, keep the draft with every answer and send nothing.
#include "clitablet.h"
#include "core/date.h"
#include "support/command.h"
#include "syncfixture.h"

#include <algorithm>

using namespace fi;
using namespace fi::test;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

/// libfaketime's preload library where the faketime package puts it; empty when missing.
std::string faketime_library() {
    std::error_code ec;
    for (const auto& dir : std::filesystem::directory_iterator("/usr/lib", ec)) {
        const auto lib = dir.path() / "faketime" / "libfaketime.so.1";
        if (std::filesystem::exists(lib, ec))
            return lib.string();
    }
    return {};
}

/// Restart the central system (same data, same port) on the clock libfaketime's FAKETIME
/// gives (faketime_from_test_day(2h), "@2027-01-01 10:00:00", in UTC); empty: the test's
/// own clock.
void run_server_on(CentralServer& server, const std::string& faketime) {
    server.process.kill();
    std::vector<std::string> env;
    if (!faketime.empty())
        env = {"LD_PRELOAD=" + faketime_library(), "FAKETIME=" + faketime,
               "FAKETIME_DONT_FAKE_MONOTONIC=1", "TZ=UTC"};
    server.process.set_environment(std::move(env));
    server.process.start();
}

/// The first assignment of `mode` this tablet holds, as `show ID --json` gives it.
json assignment_of(const CliTablet& tab, const std::string& mode) {
    const auto r = tab.cli("assignments --json");
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    for (const auto& a : json::parse(r.out))
        if (a.at("mode") == mode) {
            const auto shown = tab.cli("show " + a.at("id").get<std::string>() + " --json");
            REQUIRE_MESSAGE(shown.status == 0, tab.stderr_text());
            return json::parse(shown.out);
        }
    FAIL("no " << mode << " assignment");
    return {};
}

/// The problem lines of a refused `record` (`  - [code] field: message`).
std::vector<std::string> refusals(const std::string& stderr_text) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while ((at = stderr_text.find("  - [", at)) != std::string::npos) {
        const auto end = stderr_text.find('\n', at);
        out.push_back(stderr_text.substr(at + 4, end - at - 4));
        at = end;
    }
    return out;
}

/// What a refused completion leaves: the draft, with the answers it had, and nothing sent.
void check_kept_and_unsent(CliTablet& tab, CentralServer& server, const std::string& record_id,
                           const json& before) {
    const json drafts = json::parse(tab.cli("drafts --json").out);
    REQUIRE(drafts.size() == 1);
    CHECK(drafts[0].at("id") == record_id);
    const json kept = tab.exported(record_id);
    CHECK(kept.at("answers") == before.at("answers"));
    CHECK(kept.at("answers").size() > 0);
    CHECK(kept.at("outcome") == before.at("outcome"));
    CHECK(kept.at("offsite_method") == before.at("offsite_method"));
    CHECK(kept.at("started_at") == before.at("started_at"));
    CHECK(kept.at("inspection_day") == before.at("inspection_day"));
    const auto sent = tab.cli("sync --json");
    INFO(tab.stderr_text());
    CHECK(json::parse(sent.out).at("uploaded") == 0);
    CHECK(server.inspections().empty());
}

} // namespace

// The draft keeps its answers and nothing is sent; once the time has caught up it completes.
TEST_CASE("cli: a record started ahead of the trusted time is not completed (in_future)") {
    REQUIRE_MESSAGE(!faketime_library().empty(), "libfaketime is not installed");
    CentralServer server;
    run_server_on(server, faketime_from_test_day(2h)); // the central system's clock two hours fast
    CliTablet tab(server.process.base_url());
    REQUIRE_MESSAGE(tab.cli("init --user leader1").status == 0, tab.stderr_text());
    REQUIRE(tab.cli("pull").status == 0);         // the trusted time: the server's, two hours ahead
    const json a = assignment_of(tab, "offsite"); // off site: no place, no signatures
    const std::string id = a.at("id");
    const auto answers = tab.answers_for(id, "T1");
    auto r = tab.cli("record --draft --assignment " + id + " --answers " + answers);
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    const std::string record = r.out.substr(0, r.out.find('\n'));
    const json draft = tab.exported(record);
    REQUIRE(draft.at("answers").size() > 0);

    // The server's clock is put right; the next pull brings the tablet's trusted time back.
    run_server_on(server, "");
    REQUIRE(tab.cli("pull").status == 0);
    r = tab.cli("record --resume --assignment " + id + " --answers " + answers);
    CHECK(r.status == 5);
    const std::string said = tab.stderr_text();
    INFO(said);
    CHECK(said.find("The record " + record + " was kept as a draft") != std::string::npos);
    // The flag, once: the finish (stamped now, before the start) is the same cause, and no
    // answer is to blame, so the answers file is not what the refusal sends one to fix.
    const auto problems = refusals(said);
    REQUIRE(problems.size() == 1);
    const std::string started = draft.at("started_at");
    CHECK(problems[0].starts_with("[in_future] started_at: The record's times (" + started));
    CHECK(problems[0].find("lie in the future of the trusted time") != std::string::npos);
    CHECK(problems[0].ends_with("then start the record again."));
    CHECK(said.find("answers file") == std::string::npos);
    CHECK(said.find("No answer is the cause") != std::string::npos);
    check_kept_and_unsent(tab, server, record, draft);

    // With the trusted time past the start again, the same draft completes and is received
    // without a time flag.
    run_server_on(server, faketime_from_test_day(2h));
    REQUIRE(tab.cli("pull").status == 0);
    r = tab.cli("record --resume --assignment " + id + " --answers " + answers);
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    CHECK(r.out.starts_with(record));
    r = tab.cli("sync --json");
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    CHECK(json::parse(r.out).at("uploaded") == 1);
    const auto lines = server.inspections();
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].starts_with(record));
    CHECK(lines[0].find(" flags") == std::string::npos);
}

// The draft keeps its answers and nothing is sent.
TEST_CASE("cli: a record of a day after the assignment's window is not completed "
          "(outside_window)") {
    REQUIRE_MESSAGE(!faketime_library().empty(), "libfaketime is not installed");
    CentralServer server;
    CliTablet tab(server.process.base_url());
    REQUIRE_MESSAGE(tab.cli("init --user leader1").status == 0, tab.stderr_text());
    REQUIRE(tab.cli("pull").status == 0);
    const json a = assignment_of(tab, "offsite");
    const std::string id = a.at("id");
    const std::string window_to = a.at("window").at("to");
    const auto last = Date::parse(window_to);
    REQUIRE(last);
    const std::string day_after = last->add_days(1).to_string();

    // The morning after (10:00 in UTC+08:00) the inspector signs in again and records it.
    run_server_on(server, "@" + day_after + " 02:00:00");
    REQUIRE_MESSAGE(tab.cli("sign-in --user leader1").status == 0, tab.stderr_text());
    REQUIRE(tab.cli("pull").status == 0);
    const auto answers = tab.answers_for(id, "T2");
    auto r = tab.cli("record --assignment " + id + " --answers " + answers);
    CHECK(r.status == 5);
    const std::string said = tab.stderr_text();
    INFO(said);
    const auto problems = refusals(said);
    REQUIRE(problems.size() == 1); // nothing else stands in the way
    CHECK(said.find("No answer is the cause") != std::string::npos);
    CHECK(problems[0] == "[outside_window] inspection_day: The inspection day " + day_after +
                             " is outside the assignment's window (" +
                             a.at("window").at("from").get<std::string>() + " to " + window_to +
                             "). The inspection can only be recorded within it.");
    const json drafts = json::parse(tab.cli("drafts --json").out);
    REQUIRE(drafts.size() == 1);
    const std::string record = drafts[0].at("id");
    CHECK(said.find("The record " + record + " was kept as a draft") != std::string::npos);
    const json draft = tab.exported(record);
    CHECK(draft.at("inspection_day") == day_after);
    // Every answer of the file is in the draft.
    const json file = json::parse(file_bytes(answers));
    REQUIRE(file.at("answers").size() == draft.at("answers").size());
    for (std::size_t i = 0; i < file.at("answers").size(); ++i)
        CHECK(draft.at("answers")[i].at("value") == file.at("answers")[i].at("value"));
    check_kept_and_unsent(tab, server, record, draft);
}
