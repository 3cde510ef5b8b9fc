// Scenario 3, the network fault matrix (curl's own fault-directive tests, in spirit): one
// completed record with a photo meets, in turn, a server that accepts and never answers, one
// that trickles, a refused connection, a host that does not resolve, 503 with Retry-After, 429,
// and a connection closed mid-body after the server committed. Each attempt must end within
// its bound, be classified as central-api.md's retry rules say (retry with back-off, honour
// Retry-After), and keep the record in the outbox; once the faults clear it reaches the server
// exactly once.
#include "hostileserver.h"
#include "scenario.h"
#include "syncfixture.h"
#include "uploadprobe.h"

#include <chrono>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace fi;
using namespace fi::test;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

/// A port on loopback nobody listens on.
int closed_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
}

} // namespace

TEST_CASE("scenario 3: network fault matrix, each fault bounded, classified, nothing lost") {
    CentralServer server;
    Tablet t(server.process.base_url());
    t.sign_in("inspector1");
    t.pull();
    const auto id = t.complete_record(t.assignments().at(0).id, 1, 96 * 1024);

    struct Case {
        std::string name;
        std::chrono::milliseconds bound;
        std::string code;           ///< expected outbox error code
        long min_retry_after_s = 0; ///< the next attempt must wait at least this long
    };
    std::int64_t runs = 0, failures = 0;
    std::string figures;
    auto check = [&](const Case& c, const Attempt& a) {
        CAPTURE(c.name);
        CAPTURE(a.entry.error_message);
        ++runs;
        const bool ok = a.took <= c.bound && a.summary.retry_later == 1 && a.summary.parked == 0 &&
                        a.summary.uploaded == 0 && !a.summary.needs_sign_in &&
                        a.entry.error_code == c.code && a.entry.state != OutboxState::parked &&
                        a.entry.next_attempt_ms >= a.started_ms + c.min_retry_after_s * 1000 &&
                        RecordStore(t.db).load(id).value().state == RecordState::completed;
        failures += ok ? 0 : 1;
        figures +=
            (figures.empty() ? "" : ", ") + c.name + " " + std::to_string(a.took.count()) + " ms";
        CHECK(a.took <= c.bound);
        CHECK(a.summary.retry_later == 1);
        CHECK(a.summary.parked == 0);
        CHECK(a.summary.uploaded == 0);
        CHECK(a.entry.error_code == c.code);
        CHECK(a.entry.state != OutboxState::parked);
        CHECK(a.entry.next_attempt_ms >= a.started_ms + c.min_retry_after_s * 1000);
        CHECK(a.entry.next_attempt_ms > a.started_ms); // backs off, never a hot loop
        CHECK(RecordStore(t.db).load(id).value().state == RecordState::completed);
    };

    {
        // Accepts, reads the request, never answers: the low-speed limit ends it.
        HostileServer idle_forever([&](int, const ReceivedRequest&) {
            while (!idle_forever.stopping())
                std::this_thread::sleep_for(20ms);
        });
        check({"idle", 4s + 1500ms, "network_timeout"},
              attempt_through(t, idle_forever.base_url()));
        CHECK(idle_forever.requests().size() == 1);
    }
    {
        // Headers, then a byte every 200 ms of a body that would take hours.
        HostileServer trickle([&](int fd, const ReceivedRequest&) {
            if (!HostileServer::send_all(fd, "HTTP/1.1 201 Created\r\nContent-Type: "
                                             "application/json\r\nContent-Length: 100000\r\n\r\n"))
                return;
            while (!trickle.stopping() && HostileServer::send_all(fd, " "))
                std::this_thread::sleep_for(200ms);
        });
        check({"trickle", 4s + 1500ms, "network_timeout"}, attempt_through(t, trickle.base_url()));
    }
    check({"refused", 1500ms, "network_connect"},
          attempt_through(t, "http://127.0.0.1:" + std::to_string(closed_port()) + "/api/v1"));
    check({"unresolvable", 2s + 1500ms, "network_resolve"},
          attempt_through(
              t, "https://fieldinspect-test.invalid/api/v1")); // plain http goes to loopback only

    server.faults(json::array({{{"method", "POST"},
                                {"path", "/inspections$"},
                                {"fault", "status"},
                                {"status", 503},
                                {"retry_after", 90},
                                {"times", 1}}}));
    check({"503 Retry-After 90", 1500ms, "unavailable", 90},
          attempt_through(t, server.process.base_url()));
    server.faults(json::array({{{"method", "POST"},
                                {"path", "/inspections$"},
                                {"fault", "status"},
                                {"status", 429},
                                {"retry_after", 5},
                                {"times", 1}}}));
    check({"429", 1500ms, "too_many_requests", 5}, attempt_through(t, server.process.base_url()));
    CHECK(server.inspections().empty());

    // Closed mid-body: the server commits the record, then its answer stops after 10 bytes.
    server.faults(json::array({{{"method", "POST"},
                                {"path", "/inspections$"},
                                {"fault", "truncate"},
                                {"bytes", 10},
                                {"times", 1}}}));
    check({"closed mid-body", 1500ms, "network_connection"},
          attempt_through(t, server.process.base_url()));

    // The faults clear: the record goes, once.
    server.faults(json::array());
    const int rounds = t.upload_until_done(3);
    CHECK(rounds == 1);
    const auto lines = server.inspections();
    const std::int64_t on_server = static_cast<std::int64_t>(lines.size());
    report(3, "network fault matrix",
           {runs, failures, on_server == 0 ? 1 : 0, on_server > 1 ? on_server - 1 : 0, figures});
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].starts_with(id));
    CHECK(lines[0].find("photos 1/1") != std::string::npos);
    CHECK(t.open_entries().empty());
}
