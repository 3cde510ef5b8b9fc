// The retry rules every request follows (central-api.md 1.1, "Clients"): a Retry-After above
// an hour counts as an hour, and a pull's pages, draws and calendar are tried again like
// uploads, resuming at the page they stopped at. Against the real server's fault injection.
#include "syncfixture.h"

#include <chrono>

using namespace fi;
using namespace fi::test;
using nlohmann::json;
using namespace std::chrono_literals;

namespace {

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

json unavailable(const std::string& method, const std::string& path, std::int64_t retry_after,
                 int times) {
    return {{"method", method},           {"path", path},  {"fault", "status"}, {"status", 503},
            {"retry_after", retry_after}, {"times", times}};
}

std::string onsite_assignment(Tablet& t) {
    for (const auto& a : t.assignments())
        if (a.mode == InspectionMode::onsite)
            return a.id;
    FAIL("no on-site assignment");
    return {};
}

} // namespace

TEST_CASE("a Retry-After above an hour counts as an hour: the record goes an hour later") {
    CentralServer server;
    Tablet t(server.process.base_url());
    t.sign_in("inspector1");
    t.pull();
    const auto id = t.complete_record(onsite_assignment(t));
    // 18 digits: as milliseconds it would not even fit in 64 bits.
    server.faults(
        json::array({unavailable("POST", ".*/inspections$", 999'999'999'999'999'999, 1)}));
    const auto before = now_ms();
    const auto s = t.upload();
    const auto after = now_ms();
    CHECK(s.retry_later == 1);
    auto e = t.open_entries();
    REQUIRE(e.size() == 1);
    CHECK(e[0].next_attempt_ms >= before + 3'600'000);
    CHECK(e[0].next_attempt_ms <= after + 3'600'000);
    CHECK(t.upload().requests == 0); // not due yet
    t.clock_offset_ms += 3'601'000;
    CHECK(t.upload().uploaded == 1);
    CHECK(RecordStore(t.db).load(id).value().state == RecordState::uploaded);
}

TEST_CASE("a Retry-After above an hour reaches the caller as an hour") {
    CentralServer server;
    Tablet t(server.process.base_url());
    t.sign_in("inspector1");
    server.faults(json::array({unavailable("GET", ".*/catalogue$", 86'400 * 365, 1)}));
    auto page = t.client.page("catalogue", std::nullopt);
    REQUIRE_FALSE(page.ok());
    CHECK(page.error().retryable());
    CHECK(page.error().retry_after == 3600s);
}

TEST_CASE("a pull's pages are tried again like uploads and resume at the page that failed") {
    CentralServer server;
    Tablet t(server.process.base_url());
    t.sign_in("inspector1");
    // The second assignments page fails twice, asking for a second's wait each time.
    server.faults(json::array({{{"method", "GET"},
                                {"path", ".*/assignments$"},
                                {"fault", "status"},
                                {"status", 503},
                                {"retry_after", 1},
                                {"skip", 1},
                                {"times", 2}}}));
    std::vector<std::chrono::milliseconds> waits;
    sync::PullerOptions o;
    o.retry_for = 30s;
    o.sleep = [&](std::chrono::milliseconds d) { waits.push_back(d); };
    auto pulled = sync::Puller(t.db, t.client, o).pull_all(1);
    REQUIRE_MESSAGE(pulled.ok(), (pulled.ok() ? "" : pulled.error().message));
    CHECK(pulled->retries == 2);
    REQUIRE(waits.size() == 2);
    CHECK(waits[0] >= 1s); // the server's Retry-After is honoured
    CHECK(waits[1] >= 1s);
    CHECK(pulled->draws_not_verified == 0);
    CHECK(t.assignments().size() >= 2);
}

TEST_CASE("without time to wait, a pull stops at the failed page, the next pull resumes there") {
    CentralServer server;
    Tablet t(server.process.base_url());
    t.sign_in("inspector1");
    server.faults(json::array({{{"method", "GET"},
                                {"path", ".*/assignments$"},
                                {"fault", "status"},
                                {"status", 503},
                                {"retry_after", 100'000},
                                {"skip", 1},
                                {"times", 1}}}));
    std::vector<std::chrono::milliseconds> waits;
    sync::PullerOptions o;
    o.retry_for = 60s; // less than the hour the server asks for: no wait, no retry
    o.sleep = [&](std::chrono::milliseconds d) { waits.push_back(d); };
    auto cut = sync::Puller(t.db, t.client, o).pull_all(1);
    REQUIRE_FALSE(cut.ok());
    CHECK(cut.error().retryable());
    CHECK(cut.error().retry_after == 3600s);
    CHECK(waits.empty());
    const auto kept = t.assignments().size();
    CHECK(kept >= 1); // the first page is kept
    const auto cursor = ReferenceStore(t.db).cursor("assignments");
    REQUIRE(cursor.ok());
    REQUIRE(cursor->has_value());

    auto again = sync::Puller(t.db, t.client).pull_all(1);
    REQUIRE(again.ok());
    CHECK(t.assignments().size() > kept);
    CHECK(again->draws_not_verified == 0);
}
