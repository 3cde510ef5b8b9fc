// The end-of-day rush (issue 23), what must hold while many tablets upload at once: intake
// judges a record outside its write transaction and decides inside it, so uploads racing each
// other are still taken one at a time where it matters (one correction of a head, one copy of
// a record); and a connection left open by one client does not keep another one's request
// waiting for a worker. scripts/load measures the rest (docs/load.md).
#include "server/cpugate.h"
#include "server/inspectionstore.h"
#include "server/serverdatabase.h"
#include "serverfixture.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <doctest/doctest.h>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

using namespace fi::test;

namespace {

/// `n` tablets of leader1, each signed in from its own device, and one assignment they lead.
struct Crowd {
    std::vector<Tablet> tablets;
    std::vector<Http> https;
    json assignment;

    Crowd(TestServer& ts, std::size_t n) {
        for (std::size_t i = 0; i < n; ++i) {
            tablets.emplace_back();
            https.emplace_back(ts.port(),
                               sign_in(ts.port(), "leader1", tablets.back().device_id()));
        }
        assignment = led_assignment(https.front(), "I-022");
    }

    static Answer upload(const Http& http, const json& record) {
        return http.post("/inspections", record,
                         {{"Idempotency-Key", record["id"].get<std::string>()}});
    }
};

/// Run `work(i)` for i in [0, n) on n threads started together; the answers in order.
std::vector<Answer> at_once(std::size_t n, const std::function<Answer(std::size_t)>& work) {
    std::vector<Answer> answers(n);
    std::atomic<std::size_t> ready{0};
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < n; ++i)
        threads.emplace_back([&, i] {
            ++ready;
            while (ready < n)
                std::this_thread::yield();
            answers[i] = work(i);
        });
    for (std::thread& t : threads)
        t.join();
    return answers;
}

} // namespace

TEST_CASE("capacity: eight corrections of one record at once, from eight tablets: one accepted, "
          "seven 409 already_corrected") {
    TestServer ts;
    constexpr std::size_t n = 8;
    Crowd crowd(ts, n);
    const json original = crowd.tablets[0].chain(crowd.tablets[0].record(crowd.assignment));
    REQUIRE(Crowd::upload(crowd.https[0], original).status == 201);
    std::vector<json> corrections;
    for (std::size_t i = 0; i < n; ++i) {
        json c = crowd.tablets[i].record(crowd.assignment);
        c["supersedes"] = original["id"];
        c["correction_reason"] = "复核后更正记录";
        corrections.push_back(crowd.tablets[i].chain(c));
    }
    const auto answers =
        at_once(n, [&](std::size_t i) { return Crowd::upload(crowd.https[i], corrections[i]); });
    int accepted = 0;
    for (const Answer& a : answers) {
        if (a.status == 201) {
            ++accepted;
        } else {
            CHECK(a.status == 409);
            CHECK(a.code() == "already_corrected");
        }
    }
    CHECK(accepted == 1);
    // The chain of corrections did not fork: the original and one correction of it.
    const auto stored = ts.server().inspection_store().inspections_for_assignment(
        crowd.assignment["id"].get<std::string>());
    REQUIRE(stored.ok());
    REQUIRE(stored->size() == 2);
    CHECK(stored->at(1).supersedes == original["id"].get<std::string>());
}

TEST_CASE("capacity: one record sent eight times at once is stored once, every answer the first "
          "one's") {
    TestServer ts;
    constexpr std::size_t n = 8;
    Crowd crowd(ts, 1);
    const json record = crowd.tablets[0].chain(crowd.tablets[0].record(crowd.assignment));
    const auto answers =
        at_once(n, [&](std::size_t) { return Crowd::upload(crowd.https[0], record); });
    int created = 0;
    std::set<std::string> received_at;
    for (const Answer& a : answers) {
        CHECK_MESSAGE((a.status == 201 || a.status == 200), a.body);
        created += a.status == 201 ? 1 : 0;
        received_at.insert(a.json_body().value("received_at", std::string("?")));
    }
    CHECK(created == 1);
    CHECK(received_at.size() == 1); // the replays answer what the first upload was answered
    const auto stored = ts.server().inspection_store().inspections_for_assignment(
        crowd.assignment["id"].get<std::string>());
    REQUIRE(stored.ok());
    CHECK(stored->size() == 1);
}

TEST_CASE("capacity: connections left open by other clients do not keep a request waiting for a "
          "worker") {
    // The fixture serves 24 connections at once. Twenty-four clients each make a request and
    // keep their connection open, idle, as a tablet between two syncs does: every worker is
    // holding one. A 25th client's request is served once an idle connection is let go — after
    // the keep-alive timeout (1 s), not the library's 5 s.
    TestServer ts;
    std::vector<std::unique_ptr<httplib::Client>> idle;
    for (int i = 0; i < 24; ++i) {
        auto c = std::make_unique<httplib::Client>("127.0.0.1", ts.port());
        c->set_keep_alive(true);
        auto r = c->Get("/api/v1/time");
        REQUIRE(r);
        REQUIRE(r->status == 200);
        idle.push_back(std::move(c));
    }
    httplib::Client late("127.0.0.1", ts.port());
    const auto t0 = std::chrono::steady_clock::now();
    auto r = late.Get("/api/v1/time");
    const auto waited = std::chrono::steady_clock::now() - t0;
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(waited < std::chrono::milliseconds(3500));
}

TEST_CASE("capacity: reads are served while another request's transaction holds the writer") {
    // A group commit holds the one writing connection through its fsync. Session lookups,
    // pulls and photo offsets read on connections of their own (WAL), so here a transaction
    // held open for up to 10 s keeps none of them waiting; with one connection for everything
    // each would wait the 10 s.
    TestServer ts;
    Tablet tablet;
    Http http(ts.port(), sign_in(ts.port(), "leader1", tablet.device_id()));
    std::mutex m;
    std::condition_variable changed;
    bool holding = false;
    bool let_go = false;
    std::thread writer([&] {
        (void)ts.server().database().transaction([&]() -> fi::Status {
            std::unique_lock lock(m);
            holding = true;
            changed.notify_all();
            changed.wait_for(lock, std::chrono::seconds(10), [&] { return let_go; });
            return {};
        });
    });
    {
        std::unique_lock lock(m);
        REQUIRE(changed.wait_for(lock, std::chrono::seconds(10), [&] { return holding; }));
    }
    const auto t0 = std::chrono::steady_clock::now();
    const Answer assignments = http.get("/assignments");
    const Answer catalogue = http.get("/catalogue");
    const Answer device = http.get("/device");
    const auto took = std::chrono::steady_clock::now() - t0;
    {
        std::lock_guard lock(m);
        let_go = true;
    }
    changed.notify_all();
    writer.join();
    CHECK(assignments.status == 200);
    CHECK(!assignments.json_body()["items"].empty());
    CHECK(catalogue.status == 200);
    CHECK(device.status == 200);
    CHECK(took < std::chrono::seconds(3));
}

TEST_CASE("capacity: a sign-in's hash waiting for the cores goes before every upload waiting") {
    // One section (one core): an upload's section is running, five more uploads wait, then a
    // sign-in's hash asks. When the running one leaves, the hash enters first, whoever waited
    // longer.
    fi::server::CpuGate gate(1);
    std::mutex m;
    std::vector<std::string> order;
    std::optional<fi::server::CpuGate::Section> running;
    running.emplace(gate, fi::server::CpuGate::Urgency::bulk);
    std::vector<std::thread> waiting;
    auto enter = [&](fi::server::CpuGate::Urgency urgency, std::string name) {
        return std::thread([&, urgency, name] {
            const fi::server::CpuGate::Section section(gate, urgency);
            std::lock_guard lock(m);
            order.push_back(name);
        });
    };
    for (int i = 0; i < 5; ++i)
        waiting.push_back(enter(fi::server::CpuGate::Urgency::bulk, "upload"));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    waiting.push_back(enter(fi::server::CpuGate::Urgency::urgent, "sign-in"));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    {
        std::lock_guard lock(m);
        CHECK(order.empty()); // nobody passes the running section
    }
    running.reset();
    for (std::thread& t : waiting)
        t.join();
    REQUIRE(order.size() == 6);
    CHECK(order.front() == "sign-in");
}
