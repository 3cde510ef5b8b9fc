// fieldinspect-cli as a script uses it: the README's worked example, its exit codes, and a
// client killed mid-upload that completes on restart without a duplicate.
#include "clitablet.h"
#include "listener.h"

#include <csignal>
#include <fstream>
#include <regex>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace fi;
using namespace fi::test;
using nlohmann::json;

namespace {

/// An answers file passing every rule for `assignment_id`; with `photo`, one failed checkpoint
/// with a photo beside it, named relative to the file: a real JPEG of random pixels (the CLI
/// imports photos like the app: decoded, scaled to 2048 px, re-encoded), large enough to need
/// several 1 MiB chunks when `large_photo`.
std::string answers_for(CliTablet& tab, const std::string& assignment_id, bool photo = false,
                        bool large_photo = false) {
    AnswerOptions options;
    if (photo) {
        make_jpeg(tab.work_dir() / "photo.jpg", large_photo ? 2048 : 400, large_photo ? 1536 : 300,
                  5, true);
        options.photo_file = "photo.jpg";
    }
    return tab.answers_with(assignment_id, options);
}

} // namespace

TEST_CASE("the command line records, completes and uploads an inspection end to end") {
    CentralServer server;
    CliTablet tab(server.process.base_url());
    auto r = tab.cli("init --user inspector1 --json");
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    CHECK(json::parse(r.out).at("inspector_id") == "I-002");
    REQUIRE(tab.cli("pull").status == 0);
    const auto a = tab.onsite_assignment();
    const auto shown = json::parse(tab.cli("show " + a + " --json").out);
    CHECK(shown.at("draw_verified") == true);

    r = tab.cli("record --assignment " + a + " --answers " + answers_for(tab, a, true) + " --json");
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    const json made = json::parse(r.out);
    CHECK(made.at("chain_seq") == 1);
    CHECK(made.at("draw_verified") == true);
    CHECK(tab.cli("status").status == 3); // pending

    r = tab.cli("sync --json");
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    const json summary = json::parse(r.out);
    CHECK(summary.at("uploaded") == 1);
    CHECK(tab.stderr_text().find("uploading") != std::string::npos);
    // The record, then each image in one PATCH: the photo and every signature (all signed).
    const json sealed = json::parse(tab.cli("export " + made.at("id").get<std::string>()).out);
    const auto images = std::to_string(sealed.at("photos").size() + sealed.at("signatures").size());
    CHECK(sealed.at("signatures").size() == 3); // two inspectors present and the representative
    CHECK(summary.at("requests") ==
          1 + sealed.at("photos").size() + sealed.at("signatures").size());
    CHECK(summary.at("records").empty());
    CHECK(tab.cli("status").status == 0);

    const auto lines = server.inspections();
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].find(made.at("id").get<std::string>()) == 0);
    CHECK(lines[0].find("photos " + images + "/" + images) != std::string::npos);
    // The exported record is the sealed body the server received.
    const json exported = json::parse(tab.cli("export " + made.at("id").get<std::string>()).out);
    CHECK(exported.at("chain").at("hash") == made.at("chain_hash"));
}

TEST_CASE("exit codes: usage 2, wrong PIN 5, sign-in needed 4, pending 3") {
    CentralServer server;
    CliTablet tab(server.process.base_url());
    CHECK(tab.cli("").status == 2);
    CHECK(tab.cli("frobnicate").status == 2);
    CHECK(tab.cli("record --answers x.json").status == 2);
    CHECK(tab.cli("status").status == 5); // no data directory yet
    REQUIRE(tab.cli("init --user inspector1").status == 0);
    CHECK(tab.cli("init --user inspector1").status == 5); // never over an existing one

    const std::string wrong = "FI_PIN=999999 ";
    auto r = run_command(tab.env() + wrong + FI_CLI_BINARY + " status 2>&1");
    CHECK(r.status == 5);
    CHECK(r.out.find("PIN") != std::string::npos);

    REQUIRE(tab.cli("pull").status == 0);
    const auto a = tab.onsite_assignment();
    REQUIRE(tab.cli("record --assignment " + a + " --answers " + answers_for(tab, a)).status == 0);
    REQUIRE(tab.cli("sign-out").status == 0);
    CHECK(tab.cli("sync").status == 4);
    CHECK(tab.cli("status").status == 3);
    REQUIRE(tab.cli("sign-in --user inspector1").status == 0);
    CHECK(tab.cli("sync").status == 0);
    CHECK(server.inspections().size() == 1);
}

TEST_CASE("an answers file that breaks a rule keeps a draft and lists every problem") {
    CentralServer server;
    CliTablet tab(server.process.base_url());
    REQUIRE(tab.cli("init --user inspector1").status == 0);
    REQUIRE(tab.cli("pull").status == 0);
    const auto a = tab.onsite_assignment();
    json doc = json::parse(file_bytes(answers_for(tab, a)));
    doc["inspectors_present"] = json::array({"I-002"}); // one officer is not enough on site
    doc.erase("signatures");                            // (and nobody signed)
    doc["answers"].erase(0);                            // and a required answer is missing
    const auto path = tab.work_dir() / "bad.json";
    std::ofstream(path) << doc.dump();
    const auto r = tab.cli("record --assignment " + a + " --answers " + path.string());
    CHECK(r.status == 5);
    const auto err = tab.stderr_text();
    CHECK(err.find("too_few_certified_present") != std::string::npos);
    CHECK(err.find("missing_answer") != std::string::npos);
    CHECK(err.find("missing_signature") != std::string::npos);
    CHECK(err.find("kept as a draft") != std::string::npos);
    // Nothing is queued, but today's draft is not on the central system either: status counts
    // it as unsent (exit 3) until it is completed or discarded.
    auto st = tab.cli("status --json");
    CHECK(st.status == 3);
    json same_day = json::parse(st.out);
    CHECK(same_day.at("drafts_today") == 1);
    CHECK(same_day.at("due_today") == 0);
    CHECK(same_day.at("pending") == 0);
    CHECK(tab.cli("status").out.find("1 draft(s) of today not completed") != std::string::npos);
    const auto drafts = json::parse(tab.cli("drafts --json").out);
    REQUIRE(drafts.size() == 1);
    REQUIRE(tab.cli("discard " + drafts[0].at("id").get<std::string>()).status == 0);
    st = tab.cli("status --json");
    CHECK(st.status == 0);
    CHECK(json::parse(st.out).at("drafts_today") == 0);
}

TEST_CASE("a client killed mid-upload completes after a restart, without a duplicate") {
    CentralServer server;
    CliTablet tab(server.process.base_url());
    REQUIRE(tab.cli("init --user inspector1").status == 0);
    REQUIRE(tab.cli("pull").status == 0);
    const auto a = tab.onsite_assignment();
    auto made = tab.cli("record --json --assignment " + a + " --answers " +
                        answers_for(tab, a, true, true));
    REQUIRE_MESSAGE(made.status == 0, tab.stderr_text());
    const auto exported =
        json::parse(tab.cli("export " + json::parse(made.out).at("id").get<std::string>()).out);
    const auto size = exported.at("photos").at(0).at("bytes").get<std::int64_t>();
    const auto images =
        std::to_string(exported.at("photos").size() + exported.at("signatures").size());
    REQUIRE(size > 2 * 1024 * 1024); // three chunks: the kill lands mid-photo
    // Every photo chunk is slow, so the kill lands mid-photo.
    server.faults(json::array(
        {{{"method", "PATCH"}, {"path", ".*/photos/.*"}, {"fault", "delay"}, {"ms", 1500}}}));
    // The shell and the CLI in a process group of their own, so that the kill reaches this
    // test's CLI and no other (ctest runs other CLI tests beside this one).
    const pid_t pid = ::fork();
    if (pid == 0) {
        ::setpgid(0, 0);
        const std::string cmd = tab.env() + FI_CLI_BINARY + " sync >/dev/null 2>&1";
        ::execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
        std::_Exit(127);
    }
    ::setpgid(pid, pid); // also from here: whichever runs first, the group exists before the kill
    std::this_thread::sleep_for(std::chrono::milliseconds(2500));
    ::kill(-pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(300)); // the CLI, the shell's child
    const auto partial = server.inspections();
    REQUIRE(partial.size() == 1); // the record arrived; its photo did not finish
    CHECK(partial[0].find("/" + images) != std::string::npos);
    CHECK(partial[0].find("photos " + images + "/") == std::string::npos);

    server.faults(json::array());
    const auto r = tab.cli("sync --json");
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    const auto lines = server.inspections();
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].find("photos " + images + "/" + images) != std::string::npos);
    // It resumed: fewer photo bytes than the whole photo went up after the restart.
    CHECK(json::parse(r.out).at("photo_bytes_sent").get<std::int64_t>() < size);
}

TEST_CASE("the command line as a person uses it: help, checklist skeleton, drafts to resume") {
    CentralServer server;
    CliTablet tab(server.process.base_url());
    // Help for one command says how to call it, and exits 0.
    auto r = tab.cli("record --help");
    CHECK(r.status == 0);
    CHECK(r.out.find("record --assignment ID --answers FILE") != std::string::npos);
    CHECK(r.out.find("--resume") != std::string::npos);
    CHECK(tab.cli("help checklist").out.find("--skeleton") != std::string::npos);

    REQUIRE(tab.cli("init --user inspector1").status == 0);
    // Before a pull nothing is on the tablet, and the message says what to run.
    const auto skeleton = tab.work_dir() / "skeleton.json";
    r = tab.cli("checklist A-2026Q4-0005 --skeleton " + skeleton.string());
    CHECK(r.status == 5);
    CHECK(tab.stderr_text().find("fieldinspect-cli pull") != std::string::npos);

    REQUIRE(tab.cli("pull").status == 0);
    const auto a = tab.onsite_assignment();
    r = tab.cli("checklist " + a + " --json --skeleton " + skeleton.string());
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    const json list = json::parse(r.out);
    const json skel = json::parse(file_bytes(skeleton));
    std::size_t checkpoints = 0;
    for (const auto& item : list.at("items"))
        checkpoints += item.at("checkpoints").size();
    REQUIRE(checkpoints > 0);
    CHECK(skel.at("answers").size() == checkpoints); // one line for each, to fill in
    for (const auto& ans : skel.at("answers")) {
        CHECK(ans.at("value").is_null());
        CHECK_FALSE(ans.at("_help").get<std::string>().empty());
    }

    // Publication is the default; how to hold a result back is said beside it.
    CHECK(skel.at("confidential") == false);
    CHECK(skel.at("confidential_ground").is_null());
    CHECK(skel.at("_confidential_help").get<std::string>().find("public_safety") !=
          std::string::npos);

    // The skeleton as it is answers nothing: refused, kept as a draft, listed. Its
    // confidentiality members are taken as they stand (no complaint about them).
    std::ofstream(tab.work_dir() / "empty.json") << json{
        {"answers", skel.at("answers")},
        {"confidential", skel.at("confidential")},
        {"confidential_reason", skel.at("confidential_reason")},
        {"confidential_ground",
         skel.at("confidential_ground")}}.dump();
    r = tab.cli("record --assignment " + a + " --answers " +
                (tab.work_dir() / "empty.json").string());
    CHECK(r.status == 5);
    CHECK(tab.stderr_text().find("missing_answer") != std::string::npos);
    CHECK(tab.stderr_text().find("confidential") == std::string::npos);
    CHECK(tab.stderr_text().find("--resume") != std::string::npos);
    const json drafts = json::parse(tab.cli("drafts --json").out);
    REQUIRE(drafts.size() == 1);
    const std::string draft = drafts.at(0).at("id");
    CHECK(drafts.at(0).at("assignment_id") == a);

    // Recording again does not leave a second draft behind: it says how to resume.
    const auto answers = answers_for(tab, a, true);
    r = tab.cli("record --assignment " + a + " --answers " + answers);
    CHECK(r.status == 5);
    CHECK(tab.stderr_text().find(draft) != std::string::npos);
    CHECK(json::parse(tab.cli("drafts --json").out).size() == 1);

    // Resumed with the right answers, the same draft is completed, with its photo.
    r = tab.cli("record --resume --json --assignment " + a + " --answers " + answers);
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    CHECK(json::parse(r.out).at("id") == draft);
    CHECK(json::parse(tab.cli("drafts --json").out).empty());
    const json sealed = json::parse(tab.cli("export " + draft).out);
    REQUIRE(sealed.at("photos").size() == 1);
    // The photo went through the importer: re-encoded JPEG, no bigger than 2048 px.
    CHECK(sealed.at("photos").at(0).at("mime") == "image/jpeg");

    // A draft of another assignment can be thrown away.
    std::string other;
    for (const auto& x : json::parse(tab.cli("assignments --json").out))
        if (x.at("mode") == "onsite" && x.at("id") != a)
            other = x.at("id");
    REQUIRE_FALSE(other.empty());
    r = tab.cli("record --draft --json --assignment " + other + " --answers " +
                answers_for(tab, other));
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    const std::string other_id = r.out.substr(0, r.out.find('\n'));
    CHECK(tab.cli("discard " + other_id).status == 0);
    CHECK(json::parse(tab.cli("drafts --json").out).empty());
    CHECK(tab.cli("export " + other_id).status == 5); // gone
}

TEST_CASE("the command line keeps the server's trust from init: later commands need no flags") {
    Certificate c("127.0.0.1");
    CentralServer server({"--demo", "--tls-cert", c.cert, "--tls-key", c.key});
    const std::string url = server.process.base_url();
    REQUIRE(url.starts_with("https://"));
    CliTablet tab(url);
    // Without the CA the server's certificate is refused, and nothing is created.
    CHECK(tab.cli("init --user inspector1").status == 5);
    CHECK_FALSE(std::filesystem::exists(tab.data_dir() / "fieldinspect.db"));
    auto r = tab.cli("init --user inspector1 --ca-file " + c.cert);
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    // No --ca-file and no FI_SERVER: the URL and the CA come from the encrypted store.
    const std::string bare =
        "FI_DATA=" + (tab.data_dir()).string() + " FI_PIN=246810 " + FI_CLI_BINARY;
    r = run_command(bare + " pull 2>&1");
    REQUIRE_MESSAGE(r.status == 0, r.out);
    CHECK(run_command(bare + " assignments --json").out.find("A-2026Q4") != std::string::npos);
    // A pin given later replaces the kept trust for that run: a wrong one is refused.
    r = run_command(bare +
                    " pull --tls-pin sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= 2>&1");
    CHECK(r.status == 5);
}

TEST_CASE("a busy central system: the command line says what answered, the wait, and that nothing "
          "was lost") {
    CentralServer server;
    CliTablet tab(server.process.base_url());
    REQUIRE(tab.cli("init --user inspector1").status == 0);
    server.faults(json::array({{{"method", "GET"},
                                {"path", ".*/catalogue.*"},
                                {"fault", "status"},
                                {"status", 503},
                                {"retry_after", 120}}}));
    const auto r = tab.cli("pull");
    CHECK(r.status == 3); // try later, not a data error
    const auto err = tab.stderr_text();
    CHECK(err.find("503") != std::string::npos);
    CHECK(err.find("wait 120 s") != std::string::npos);
    CHECK(err.find("Nothing was lost") != std::string::npos);
    server.faults(json::array());
    CHECK(tab.cli("pull").status == 0);
    // An item shown before a pull says what to run.
    const auto shown = tab.cli("show A-2026Q4-9999");
    CHECK(shown.status == 5);
    CHECK(tab.stderr_text().find("fieldinspect-cli pull") != std::string::npos);
}

namespace {

/// `fieldinspect-server admin wipe-device`: the central system orders the tablet erased.
void order_wipe(CentralServer& server, const std::string& device_id) {
    const auto r = run_command(server_binary().string() + " admin --data " +
                               (server.dir / "central").string() + " wipe-device --device " +
                               device_id + " --message 'reported lost' 2>&1");
    REQUIRE_MESSAGE(r.status == 0, r.out);
}

} // namespace

TEST_CASE("the session goes only to the central system the tablet was set up with") {
    CentralServer server;
    CliTablet tab(server.process.base_url());
    REQUIRE(tab.cli("init --user inspector1").status == 0);
    Listener other; // another port on this device: another origin
    const std::string elsewhere = "http://127.0.0.1:" + std::to_string(other.port()) + "/api/v1";
    for (const std::string& args :
         {"--server " + elsewhere + " sync", "--server " + elsewhere + " pull",
          "--server " + elsewhere + " sign-in --user inspector1",
          "--server " + elsewhere + " lift-lockout --user inspector1"}) {
        CAPTURE(args);
        const auto r = tab.cli(args);
        CHECK(r.status == 5);
        CHECK(tab.stderr_text().find("set up with the central system at http://127.0.0.1:" +
                                     std::to_string(server.process.port())) != std::string::npos);
        CHECK(tab.stderr_text().find("Nothing was sent") != std::string::npos);
    }
    // Named by the environment instead (the app's settings file is the same case).
    auto r = run_command(tab.env() + "FI_SERVER=" + elsewhere + " " + FI_CLI_BINARY + " sync 2>&1");
    CHECK(r.status == 5);
    // The same central system with other trust is another origin as well.
    CHECK(tab.cli("--tls-pin sha256//" + std::string(43, 'B') + "= sync").status == 5);
    CHECK(other.connections() == 0);
    CHECK(other.received().empty());
    // Offline work goes on, and the kept central system still gets everything.
    CHECK(tab.cli("--server " + elsewhere + " assignments").status == 0);
    CHECK(tab.cli("sync").status == 0);
    CHECK(tab.cli("lift-lockout --user inspector1").status == 0);
    CHECK(other.connections() == 0);
}

TEST_CASE("init refuses plain http to another host and empty or garbled pins before a byte") {
    CentralServer server;
    Listener anywhere("0.0.0.0");
    const std::string port = std::to_string(anywhere.port());
    std::string host = non_loopback_address();
    if (host.empty())
        host = "central.example";
    CliTablet tab(server.process.base_url());
    auto r = tab.cli("--server http://" + host + ":" + port + "/api/v1 init --user inspector1");
    CHECK(r.status == 5);
    CHECK(tab.stderr_text().find("Plain http:// is refused") != std::string::npos);
    for (const std::string& pin : {std::string("''"), std::string("sha256//garbled")}) {
        CAPTURE(pin);
        r = tab.cli("--tls-pin " + pin + " init --user inspector1");
        CHECK(r.status == 5);
        CHECK(tab.stderr_text().find("pin") != std::string::npos);
        CHECK(tab.stderr_text().find("Nothing was sent") != std::string::npos);
    }
    CHECK(anywhere.connections() == 0);
    CHECK_FALSE(std::filesystem::exists(tab.data_dir() / "fieldinspect.db"));
    // Set up properly, a garbled pin later refuses the network, not the tablet.
    REQUIRE(tab.cli("init --user inspector1").status == 0);
    CHECK(tab.cli("--tls-pin '' sync").status == 5);
    CHECK(tab.stderr_text().find("is empty") != std::string::npos);
    CHECK(tab.cli("--tls-pin '' assignments").status == 0);
}

TEST_CASE("a wipe order with nothing unsent: everything goes up, then the data directory goes") {
    CentralServer server;
    CliTablet tab(server.process.base_url());
    auto r = tab.cli("init --user inspector1 --json");
    REQUIRE(r.status == 0);
    const std::string device = json::parse(r.out).at("device_id");
    REQUIRE(tab.cli("pull").status == 0);
    const auto a = tab.onsite_assignment();
    REQUIRE(
        tab.cli("record --assignment " + a + " --answers " + answers_for(tab, a, true)).status ==
        0);
    const auto mine =
        tab.data_dir().parent_path() / "mine.txt"; // the user's own file, beside the data directory
    std::ofstream(mine) << "mine";
    const auto data = tab.data_dir();
    std::filesystem::create_directories(data / "exports"); // left by an older version
    std::ofstream(data / "exports" / "old.pdf") << "%PDF";
    std::ofstream(data / "fieldinspect.ini") << "[server]\nurl=x\n";
    REQUIRE(std::filesystem::exists(data / "fieldinspect.db.key"));

    order_wipe(server, device);
    r = tab.cli("sync --json");
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    const json out = json::parse(r.out);
    CHECK(out.at("wiped") == true);
    CHECK(out.at("uploaded") == 1);
    CHECK(out.at("erased_unsent").empty());
    CHECK(server.inspections().size() == 1); // uploaded first, photo and all
    // Every image of it: the photo and the signatures.
    CHECK(std::regex_search(server.inspections().at(0), std::regex("photos ([1-9]\\d*)/\\1")));
    CHECK_FALSE(std::filesystem::exists(data)); // store, -wal, -shm, key, exports, ini
    CHECK(std::filesystem::exists(mine));       // the user's own file stays
    CHECK(tab.cli("status").status == 5);       // nothing left to open
}

TEST_CASE("a wipe order with unsent records and no network asks, it never erases them silently") {
    auto server = std::make_unique<CentralServer>();
    CliTablet tab(server->process.base_url());
    auto r = tab.cli("init --user inspector1 --json");
    REQUIRE(r.status == 0);
    const std::string device = json::parse(r.out).at("device_id");
    REQUIRE(tab.cli("pull").status == 0);
    const auto a = tab.onsite_assignment();
    r = tab.cli("record --assignment " + a + " --answers " + answers_for(tab, a) + " --json");
    REQUIRE(r.status == 0);
    const std::string id = json::parse(r.out).at("id");
    // The central system orders the wipe but takes no upload (busy), then goes away.
    order_wipe(*server, device);
    server->faults(json::array(
        {{{"method", "POST"}, {"path", ".*/inspections$"}, {"fault", "status"}, {"status", 503}}}));
    r = tab.cli("sync");
    CHECK(r.status == 3);
    CHECK(r.out.find("Nothing was erased") != std::string::npos);
    CHECK(r.out.find(id) != std::string::npos);
    CHECK(r.out.find("reported lost") != std::string::npos);
    server.reset(); // no network from here on

    // The order was kept: the next sync, offline, asks again.
    r = tab.cli("sync --json");
    CHECK(r.status == 3);
    const json asked = json::parse(r.out);
    CHECK(asked.at("wiped") == false);
    REQUIRE(asked.at("unsent").size() == 1);
    CHECK(asked.at("unsent").at(0).at("id") == id);
    // Without the explicit confirmation nothing goes.
    r = tab.cli("wipe");
    CHECK(r.status == 3);
    CHECK(r.out.find(id) != std::string::npos);
    CHECK(r.out.find("--discard-unsent") != std::string::npos);
    CHECK(tab.cli("export " + id).status == 0); // still there, readable with the PIN
    // Confirmed: erased with the rest.
    r = tab.cli("wipe --discard-unsent --json");
    CHECK(r.status == 0);
    CHECK(json::parse(r.out).at("erased_unsent").size() == 1);
    CHECK_FALSE(std::filesystem::exists(tab.data_dir()));
}
