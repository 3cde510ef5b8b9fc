// Reference server benchmark: intake over loopback, each workload against a trivial
// cpp-httplib handler that only reads the same bytes, in the same run; prints table rows for
// docs/performance.md. Run through scripts/bench (release build): bench_server [REPETITIONS].
#include "benchutil.h"
#include "server/planstore.h"
#include "server/sessionservice.h"
#include "serverfixture.h"

#include <cstdlib>
#include <fcntl.h>
#include <map>
#include <random>
#include <stdexcept>
#include <thread>
#include <unistd.h>

using namespace fi::test;
using namespace fi::bench;

namespace {

constexpr int inspections_per_rep = 20;
constexpr std::size_t photo_bytes = 4 * 1024 * 1024UL;
constexpr std::size_t chunk_bytes = 1024 * 1024UL;

/// The baseline: the same routes, each handler only taking the bytes it was sent.
class TrivialServer {
public:
    TrivialServer() {
        http_.set_tcp_nodelay(true); // as the reference server does
        http_.Post("/api/v1/inspections", [](const httplib::Request& req, httplib::Response& res) {
            res.status = 201;
            res.set_content(std::to_string(req.body.size()), "application/json");
        });
        http_.Patch("/api/v1/photos/([^/]+)",
                    [](const httplib::Request& req, httplib::Response& res) {
                        res.status = 204;
                        res.set_header("Upload-Offset", std::to_string(req.body.size()));
                    });
        port_ = http_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { http_.listen_after_bind(); });
        while (!http_.is_running())
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~TrivialServer() {
        http_.stop();
        thread_.join();
    }
    int port() const { return port_; }

private:
    httplib::Server http_;
    std::thread thread_;
    int port_ = 0;
};

/// One inspector's tablet with the assignment it inspects again and again: every record after
/// the first is a correction of the previous one, so the server runs its full intake path
/// (rules, chain, idempotency, 409 check) each time.
struct Inspector {
    std::string token;
    json assignment;
    Tablet tablet;
    std::string last_id;

    json next(const std::vector<std::string>& photos = {}) {
        json r = tablet.record(assignment, photos);
        if (!last_id.empty()) {
            r["supersedes"] = last_id;
            r["correction_reason"] = "复核后更正记录";
        }
        last_id = r["id"].get<std::string>();
        return tablet.chain(r);
    }
};

struct Prepared {
    std::string token;
    std::string key;
    std::string body;
};

httplib::Client keep_alive(int port) {
    httplib::Client c("127.0.0.1", port);
    c.set_keep_alive(true);
    c.set_tcp_nodelay(true);
    c.set_read_timeout(std::chrono::seconds(60));
    c.set_write_timeout(std::chrono::seconds(60));
    return c;
}

void post_all(httplib::Client& c, const std::vector<Prepared>& batch, int expected) {
    for (const Prepared& p : batch) {
        auto r = c.Post("/api/v1/inspections",
                        {{"Authorization", "Bearer " + p.token}, {"Idempotency-Key", p.key}},
                        p.body, "application/json");
        if (!r || r->status != expected)
            throw std::runtime_error("upload failed: " +
                                     (r ? r->body : httplib::to_string(r.error())));
    }
}

void patch_photo(httplib::Client& c, const std::string& token, const std::string& id,
                 const std::string& bytes) {
    for (std::size_t offset = 0; offset < bytes.size(); offset += chunk_bytes) {
        auto r = c.Patch(
            "/api/v1/photos/" + id,
            {{"Authorization", "Bearer " + token}, {"Upload-Offset", std::to_string(offset)}},
            bytes.substr(offset, chunk_bytes), "application/offset+octet-stream");
        if (!r || r->status != 204)
            throw std::runtime_error("photo failed: " +
                                     (r ? r->body : httplib::to_string(r.error())));
    }
}

} // namespace

namespace {

int run(int reps) {
    TestServer ts;
    TrivialServer trivial;

    // One login per on-site demo assignment, for its leader.
    std::vector<Inspector> inspectors;
    const auto drawn = ts.server().plan_store().assignments_of_plan("P-2026-Q4");
    if (!drawn)
        throw std::runtime_error(drawn.error().message);
    for (const auto& assignment : *drawn) {
        const json a = json::parse(assignment.body);
        if (a["mode"] != "onsite")
            continue;
        const std::string user = "bench-" + assignment.id;
        if (!ts.server().sessions().put_user(user, "demo1234",
                                             a["team"][0]["inspector_id"].get<std::string>(),
                                             "检查员", "单位", {"inspector", "leader"}))
            throw std::runtime_error("cannot add " + user);
        Tablet tablet;
        inspectors.push_back({sign_in(ts.port(), user, tablet.device_id()), a, tablet, {}});
    }

    // Bodies made before the clock runs: a batch for every repetition (and a warm-up).
    std::size_t next_inspector = 0;
    auto batch = [&] {
        std::vector<Prepared> out;
        for (int i = 0; i < inspections_per_rep; ++i) {
            Inspector& in = inspectors[next_inspector++ % inspectors.size()];
            const json r = in.next();
            out.push_back({in.token, r["id"].get<std::string>(), r.dump()});
        }
        return out;
    };
    std::vector<std::vector<Prepared>> batches;
    for (int i = 0; i <= reps; ++i)
        batches.push_back(batch());
    std::size_t body_bytes = 0;
    for (const Prepared& p : batches[0])
        body_bytes += p.body.size();

    auto ours_client = keep_alive(ts.port());
    auto base_client = keep_alive(trivial.port());
    post_all(ours_client, batches[0], 201); // warm-up

    // The floor under durable intake: one synchronous write per accepted record (the WAL
    // commit with synchronous=FULL), on the disk that holds the server's database. It is
    // measured alternately with the rest, since this shared disk's fsync varies tenfold.
    const auto floor_file = ts.data_dir() / "fsync-floor";
    const int floor_fd = ::open(floor_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const std::string page(4096, 'x');
    auto fsync_floor = [&] {
        for (int k = 0; k < inspections_per_rep; ++k)
            if (::write(floor_fd, page.data(), page.size()) < 0 || ::fsync(floor_fd) != 0)
                throw std::runtime_error("fsync floor");
    };
    std::vector<double> base_ms, floor_ms, ours_ms;
    for (int i = 1; i <= reps; ++i) {
        base_ms.push_back(time_ms([&] { post_all(base_client, batches[i], 201); }));
        floor_ms.push_back(time_ms(fsync_floor));
        ours_ms.push_back(time_ms([&] { post_all(ours_client, batches[i], 201); }));
    }
    ::close(floor_fd);
    const Pair intake{median(base_ms), median(ours_ms)};
    const double floor = median(floor_ms);
    const double n = inspections_per_rep;
    row("intake: POST /inspections on loopback, " + std::to_string(inspections_per_rep) +
            " records of " + std::to_string(body_bytes / inspections_per_rep / 1024) +
            " KiB (rules, chain, durable commit)",
        fmt("%.0f /s trivial handler", n / (intake.baseline_ms / 1000)),
        fmt("%.0f /s", n / (intake.ours_ms / 1000)) + fmt(" (%.1f ms each)", intake.ours_ms / n),
        fmt("%.1f×", intake.ratio()), "≥ 100 /s", n / (intake.ours_ms / 1000) >= 100);
    row("intake against the disk: one 4 KiB write + fsync per record (information)",
        fmt("%.2f ms per fsync", floor / n), fmt("%.2f ms per record", intake.ours_ms / n),
        fmt("%.2f×", intake.ours_ms / floor), "— (a commit writes several WAL pages)", true);

    // Photos: a 4 MiB photo in 1 MiB chunks, each committed (fsync) before its 204, hashed at
    // the end.
    std::mt19937 random(3);
    std::string photo(photo_bytes, '\0');
    for (char& c : photo)
        c = static_cast<char>(random() & 0xff);
    std::vector<std::pair<std::string, std::string>> declared; // token, photo id
    for (int i = 0; i <= reps; ++i) {
        Inspector& in = inspectors[next_inspector++ % inspectors.size()];
        const json r = in.next({photo});
        post_all(ours_client, {{in.token, r["id"].get<std::string>(), r.dump()}}, 201);
        declared.emplace_back(in.token, r["photos"][0]["id"].get<std::string>());
    }
    patch_photo(ours_client, declared[0].first, declared[0].second, photo); // warm-up
    std::size_t photo_round = 1;
    const Pair photos = compare(
        reps, [&] { patch_photo(base_client, "x", "baseline", photo); },
        [&] {
            const auto& [token, id] = declared[photo_round++];
            patch_photo(ours_client, token, id, photo);
        });
    const double mib = static_cast<double>(photo_bytes) / (1024.0 * 1024.0);
    row("photo bytes: PATCH 4 MiB in 1 MiB chunks on loopback (durable chunks, SHA-256 check)",
        fmt("%.0f MiB/s trivial handler", mib / (photos.baseline_ms / 1000)),
        fmt("%.0f MiB/s", mib / (photos.ours_ms / 1000)), fmt("%.1f×", photos.ratio()),
        "≥ 20 MiB/s", mib / (photos.ours_ms / 1000) >= 20);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    const int reps = argc > 1 ? std::atoi(argv[1]) : 7;
    try {
        return run(reps);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_server: %s\n", e.what());
        return 1;
    }
}
