// Scenario 8, clock tampering with libfaketime. After a real sign-in and pull stored the
// server's time, the command line records inspections with the device's wall clock set three
// days back and a year ahead (faketime with the monotonic clocks left alone: what a user can do
// in the settings; CLOCK_BOOTTIME is not theirs to set). Each record must carry the server's
// time carried forward by boot time, with the tampering visible in its `clock` block
// (`device_started_at` and `offset_ms` show the difference), and the evidence chain must stay
// monotonic (seq 1, 2, 3, each `prev` the one before, times never going back).
//
// libfaketime's default also moves CLOCK_MONOTONIC and CLOCK_BOOTTIME (to the faked epoch
// time): a forged boot clock, as a rooted device could present. Then the boot clock cannot
// carry the server's time forward, and the record is stamped with the device's clock and says
// so (`source: device`) — before this scenario it was stamped 56 years ahead as "server" time.
//
// Certificates: with the wall clock a year ahead the server's (two-day) certificate has
// expired; the client must refuse it (a TLS error, exit code 5) rather than quietly accept.
// With the clock three days back the certificate is not yet valid: refused as well.
#include "clitablet.h"
#include "core/date.h"
#include "scenario.h"
#include "support/command.h"

#include <cstdlib>
#include <tuple>

using namespace fi;
using namespace fi::test;
using nlohmann::json;
using namespace std::chrono;

namespace {

/// `faketime` moving the wall clock by `shift` (from the tests' day): with `wall_only` the
/// boot and monotonic clocks are left as they are, without it they are forged too.
std::string moved_clock(seconds shift, bool wall_only) {
    return std::string("FAKETIME_DONT_FAKE_MONOTONIC=") + (wall_only ? "1" : "0") +
           " faketime -m -f " + faketime_from_test_day(shift);
}

system_clock::time_point at(const json& text) {
    auto t = parse_rfc3339(text.get<std::string>());
    REQUIRE(t.ok());
    return *t;
}

} // namespace

TEST_CASE("scenario 8: a tampered wall clock is flagged in the record, the chain stays monotonic") {
    REQUIRE_MESSAGE(run_command("command -v faketime").status == 0, "faketime is not installed");
    CentralServer server;
    CliTablet tab(server.process.base_url());
    REQUIRE_MESSAGE(tab.cli("init --user leader1").status == 0, tab.stderr_text());
    REQUIRE(tab.cli("pull").status == 0); // stores the server's time with the boot clock
    const auto ids = tab.assignment_ids();
    REQUIRE(ids.size() >= 4);

    struct Run {
        std::string name, wrapper;
        milliseconds device_offset; ///< how far the device's wall clock was moved
    };
    const std::vector<Run> runs = {
        {"true clock", "", 0ms},
        {"-3 days", moved_clock(-hours(72), true), -hours(72)},
        {"+1 year", moved_clock(hours(24 * 365), true), hours(24 * 365)}};
    std::vector<json> sealed;
    std::int64_t failures = 0;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        CAPTURE(runs[i].name);
        const auto before = system_clock::now();
        const auto id = tab.record(ids[i], tab.answers_for(ids[i], "时钟"), runs[i].wrapper);
        const auto after = system_clock::now();
        const json r = tab.exported(id);
        sealed.push_back(r);
        const json& clock = r.at("clock");
        // The record's time is the server's, not the device's…
        const bool server_time = clock.at("source") == "server" &&
                                 at(r.at("started_at")) >= before - 5s &&
                                 at(r.at("started_at")) <= after + 5s &&
                                 r.at("inspection_day") == china_date(before).to_string();
        // …and the device's own clock is in the record for anyone to see.
        const auto device = at(clock.at("device_started_at"));
        const auto offset = milliseconds(clock.at("offset_ms").get<std::int64_t>());
        const bool visible = abs(device - (before + runs[i].device_offset)) < 60s &&
                             abs(offset + runs[i].device_offset) < 60s;
        failures += server_time && visible ? 0 : 1;
        CHECK(clock.at("source") == "server");
        CHECK(at(r.at("started_at")) >= before - 5s);
        CHECK(at(r.at("started_at")) <= after + 5s);
        CHECK(r.at("inspection_day") == china_date(before).to_string());
        CHECK(abs(device - (before + runs[i].device_offset)) < 60s);
        CHECK(abs(offset + runs[i].device_offset) < 60s);
    }
    // libfaketime's default moves the monotonic and boot clocks too (to the faked epoch time,
    // some 56 years of "uptime"): a forged boot clock. The records are then stamped with the
    // device's clock and say so (`source: device`, offset 0), never with a made-up time
    // labelled "server". A year ahead as a draft (no assignment left to complete it on),
    // three days back completed, chained and uploaded.
    for (const auto& [shift, draft] :
         {std::tuple{hours(24 * 365), true}, std::tuple{-hours(72), false}}) {
        CAPTURE(shift.count());
        const auto before = system_clock::now();
        std::string id;
        if (draft) {
            const auto r = tab.cli("record --draft --assignment " + ids[3] + " --answers " +
                                       tab.answers_for(ids[3], "时钟"),
                                   moved_clock(shift, false));
            REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
            id = r.out.substr(0, r.out.find('\n'));
        } else {
            id = tab.record(ids[3], tab.answers_for(ids[3], "时钟"), moved_clock(shift, false));
        }
        const json r = tab.exported(id);
        if (!draft)
            sealed.push_back(r);
        const bool flagged = r.at("clock").at("source") == "device" &&
                             r.at("clock").at("offset_ms") == 0 &&
                             abs(at(r.at("started_at")) - (before + shift)) < 60s;
        failures += flagged ? 0 : 1;
        CHECK(r.at("clock").at("source") == "device");
        CHECK(r.at("clock").at("offset_ms") == 0);
        CHECK(abs(at(r.at("started_at")) - (before + shift)) < 60s);
        if (draft) // the user throws the year-ahead draft away before recording again
            REQUIRE(tab.cli("discard " + id).status == 0);
    }

    // The chain: seq 1, 2, 3, 4, each prev the previous hash; the times of server-stamped
    // records never go back (a device-stamped one is flagged as such instead).
    bool monotonic = true;
    for (std::size_t i = 0; i < sealed.size(); ++i) {
        const json& c = sealed[i].at("chain");
        monotonic = monotonic && c.at("seq") == static_cast<int>(i + 1);
        if (i > 0) {
            monotonic = monotonic && c.at("prev") == sealed[i - 1].at("chain").at("hash");
            if (sealed[i].at("clock").at("source") == "server")
                monotonic = monotonic &&
                            at(sealed[i].at("started_at")) >= at(sealed[i - 1].at("finished_at"));
        }
    }
    CHECK(monotonic);
    // The central system takes all four, the device-stamped one too (its clock block says
    // what to make of it).
    const auto synced = tab.cli("sync");
    CHECK_MESSAGE(synced.status == 0, tab.stderr_text());
    CHECK(server.inspections().size() == 4);

    // Certificates under a moved clock: the CA-checked connection is refused, never relaxed.
    Certificate c("127.0.0.1");
    CentralServer tls({"--demo", "--tls-cert", c.cert, "--tls-key", c.key});
    CliTablet secure(tls.process.base_url(), "--ca-file " + c.cert);
    REQUIRE_MESSAGE(secure.cli("init --user leader1").status == 0, secure.stderr_text());
    REQUIRE(secure.cli("pull").status == 0);
    int refused = 0;
    for (const auto shift : {hours(24 * 365), -hours(72)}) {
        CAPTURE(shift.count());
        const auto r = secure.cli("pull", moved_clock(shift, true));
        const std::string said = secure.stderr_text();
        const bool ok = r.status == 5 && said.find("certificate") != std::string::npos;
        refused += ok ? 1 : 0;
        CHECK(r.status == 5);
        CHECK(said.find("certificate") != std::string::npos);
    }
    CHECK(secure.cli("pull").status == 0); // the true clock: accepted again
    report(8, "clock tampering",
           {static_cast<std::int64_t>(runs.size()) + 4,
            failures + (2 - refused) + (monotonic ? 0 : 1), 0, 0,
            "wall clock -3 d / +1 y: server time, offset visible; forged boot clock -3 d / +1 y: "
            "device time, flagged; chain monotonic; expired and not-yet-valid certificate "
            "refused " +
                std::to_string(refused) + "/2"});
}
