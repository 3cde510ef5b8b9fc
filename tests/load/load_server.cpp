// The end-of-day rush on loopback (issue 23): the real fieldinspect-server executable on a fresh
// data directory, tablets ramping 1 → 8 → 32 → 64 that sign in and upload records with one photo
// each through the interface (every record after a tablet's first corrects its previous one, so
// intake runs its full path against a growing history), then a pull storm of every tablet at
// once. Afterwards the server is stopped and its database read: every acknowledged record must be
// stored exactly once with its photo complete and matching. Prints a Markdown table and writes
// it to --out. Bounded: each level lasts --seconds and a tablet sends at most --max-records in
// it. Run through scripts/load (release build); ctest runs a two-tablet smoke level.
//
//   load_server --server BIN [--out FILE] [--levels 1,8,32,64] [--seconds 20]
//               [--storm-seconds 10] [--idle-seconds 10] [--max-records N] [--photo-kib 256]
//               [--arrive-seconds 20] [--threads N]
#include "core/date.h"
#include "core/sha256.h"
#include "server/inspectionstore.h"
#include "server/passwordhasher.h"
#include "server/planstore.h"
#include "server/serverdatabase.h"
#include "server/sessionservice.h"
#include "server/userstore.h"
#include "serverfixture.h"
#include "support/tempdir.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace fi::test;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
    std::string server;
    std::string out;
    std::vector<int> levels{1, 8, 32, 64};
    double seconds = 20;
    double storm_seconds = 10;
    double idle_seconds = 10;
    int max_records = 100000;
    std::size_t photo_kib = 256;
    double arrive_seconds = 20;
    int threads = 0; ///< 0: the server's default
};

std::string fmt(const char* f, double a) {
    char buf[64];
    std::snprintf(buf, sizeof buf, f, a);
    return buf;
}

/// Milliseconds, to a sensible precision.
std::string ms(double v) {
    return v < 10 ? fmt("%.1f", v) : fmt("%.0f", v);
}

struct Latencies {
    std::vector<double> values;
    double pct(double p) const {
        if (values.empty())
            return 0;
        std::vector<double> s = values;
        std::sort(s.begin(), s.end());
        const auto i = static_cast<std::size_t>(std::ceil(p * static_cast<double>(s.size())));
        return s[std::min(s.size() - 1, i == 0 ? 0 : i - 1)];
    }
    std::string summary() const {
        if (values.empty())
            return "—";
        return ms(pct(0.5)) + " / " + ms(pct(0.95)) + " / " + ms(pct(0.99)) + " / " + ms(pct(1.0));
    }
};

/// The server process, its pid and its /proc figures.
class ServerProcess {
public:
    ServerProcess(const Options& o, const std::filesystem::path& data) {
        int out[2];
        if (::pipe(out) != 0)
            throw std::runtime_error("pipe");
        pid_ = ::fork();
        if (pid_ < 0)
            throw std::runtime_error("fork");
        if (pid_ == 0) {
            // A session of its own, as a service has its own group: the kernel's autogroup
            // scheduling then shares the cores between the server and this tool (and whatever
            // else runs) as it would between a server and other work, instead of counting the
            // server's threads among the tool's sixty-four (docs/load.md).
            ::setsid();
            ::dup2(out[1], STDOUT_FILENO);
            ::close(out[0]);
            ::close(out[1]);
            std::vector<std::string> args{o.server,      "--data",   data.string(), "--listen",
                                          "127.0.0.1:0", "--assets", FI_ASSETS_DIR};
            if (o.threads > 0) {
                args.emplace_back("--threads");
                args.push_back(std::to_string(o.threads));
            }
            std::vector<char*> argv;
            for (std::string& a : args)
                argv.push_back(a.data());
            argv.push_back(nullptr);
            ::execv(argv[0], argv.data());
            std::_Exit(127);
        }
        ::close(out[1]);
        out_ = ::fdopen(out[0], "r");
        char line[512];
        while (std::fgets(line, sizeof line, out_)) {
            const std::string l(line);
            const std::string prefix = "listening on http://127.0.0.1:";
            if (l.rfind(prefix, 0) == 0) {
                port_ = std::stoi(l.substr(prefix.size()));
                break;
            }
        }
        if (port_ == 0)
            throw std::runtime_error("the server did not start (" + o.server + ")");
    }
    ~ServerProcess() { stop(); }

    int port() const { return port_; }

    void stop() {
        if (pid_ <= 0)
            return;
        ::kill(pid_, SIGTERM);
        int status = 0;
        ::waitpid(pid_, &status, 0);
        pid_ = -1;
        if (out_)
            std::fclose(out_);
        out_ = nullptr;
    }

    /// Resident set, MiB.
    double rss_mib() const {
        std::ifstream in("/proc/" + std::to_string(pid_) + "/status");
        std::string key;
        while (in >> key) {
            if (key == "VmRSS:") {
                double kib = 0;
                in >> kib;
                return kib / 1024;
            }
            std::string rest;
            std::getline(in, rest);
        }
        return 0;
    }
    /// User + system CPU seconds so far.
    double cpu_seconds() const {
        std::ifstream in("/proc/" + std::to_string(pid_) + "/stat");
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::istringstream fields(text.substr(text.rfind(')') + 2));
        std::string f;
        double utime = 0;
        double stime = 0;
        for (int i = 3; i <= 15 && fields >> f; ++i) {
            if (i == 14)
                utime = std::stod(f);
            if (i == 15)
                stime = std::stod(f);
        }
        return (utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
    }

private:
    pid_t pid_ = -1;
    FILE* out_ = nullptr;
    int port_ = 0;
};

httplib::Client client_for(int port) {
    httplib::Client c("127.0.0.1", port);
    c.set_keep_alive(true);
    c.set_tcp_nodelay(true);
    c.set_connection_timeout(std::chrono::seconds(60));
    c.set_read_timeout(std::chrono::seconds(120));
    c.set_write_timeout(std::chrono::seconds(120));
    return c;
}

/// What one kind of request took in one phase, and how many failed.
struct Kinds {
    Latencies sign_in, post, patch, get;
    int errors = 0;
    std::string first_error;
    /// Requests sent again after a transport error (the connection closed under them), as a
    /// tablet does; the request's latency runs from its first attempt to its answer.
    int retried = 0;
    std::string first_retry;
    void merge(const Kinds& o) {
        for (auto [to, from] : {std::pair{&sign_in, &o.sign_in}, std::pair{&post, &o.post},
                                std::pair{&patch, &o.patch}, std::pair{&get, &o.get}})
            to->values.insert(to->values.end(), from->values.begin(), from->values.end());
        errors += o.errors;
        if (first_error.empty())
            first_error = o.first_error;
        retried += o.retried;
        if (first_retry.empty())
            first_retry = o.first_retry;
    }
    void fail(const std::string& what) {
        ++errors;
        if (first_error.empty())
            first_error = what;
    }
    void retry(const std::string& what) {
        ++retried;
        if (first_retry.empty())
            first_retry = what;
    }
};

struct Acked {
    std::string record_id;
    std::string photo_id;
};

/// One tablet: its login, the assignment it inspects (and corrects again and again), its chain.
struct TabletState {
    std::string username;
    json assignment;
    Tablet tablet;
    std::string photo;
    std::string photo_sha256;
    std::string token;
    std::string last_id;
    std::vector<Acked> acked;
    std::set<std::string> uncertain; ///< sent, no answer: stored or not, never twice
};

double since_ms(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

bool sign_in(TabletState& t, httplib::Client& c, Kinds& k) {
    const json body{
        {"username", t.username}, {"password", "demo1234"}, {"device_id", t.tablet.device_id()}};
    const auto t0 = Clock::now();
    auto r = c.Post("/api/v1/session", body.dump(), "application/json");
    k.sign_in.values.push_back(since_ms(t0));
    if (!r || r->status != 200) {
        k.fail("sign-in: " +
               (r ? std::to_string(r->status) + " " + r->body : httplib::to_string(r.error())));
        return false;
    }
    t.token = json::parse(r->body)["token"].get<std::string>();
    return true;
}

/// One record and its photo, each request retried on a transport error as a tablet does (the
/// record id is the idempotency key; the photo resumes at the offset HEAD gives).
bool upload_one(TabletState& t, httplib::Client& c, Kinds& k) {
    json r = t.tablet.record(t.assignment, {t.photo});
    if (!t.last_id.empty()) {
        r["supersedes"] = t.last_id;
        r["correction_reason"] = "复核后更正记录";
    }
    r = t.tablet.chain(r);
    const std::string id = r["id"].get<std::string>();
    const std::string photo_id = r["photos"][0]["id"].get<std::string>();
    const std::string body = r.dump();
    const httplib::Headers auth{{"Authorization", "Bearer " + t.token}};
    bool stored = false;
    const auto post_t0 = Clock::now();
    for (int attempt = 0; attempt < 3 && !stored; ++attempt) {
        httplib::Headers h = auth;
        h.emplace("Idempotency-Key", id);
        auto a = c.Post("/api/v1/inspections", h, body, "application/json");
        if (!a) {
            t.uncertain.insert(id);
            k.retry("POST: " + httplib::to_string(a.error()));
            continue;
        }
        k.post.values.push_back(since_ms(post_t0));
        if (a->status != 201 && a->status != 200) {
            k.fail("POST " + std::to_string(a->status) + ": " + a->body.substr(0, 300));
            return false;
        }
        stored = true;
    }
    if (!stored) {
        k.fail("POST: no answer in three attempts");
        return false;
    }
    t.uncertain.erase(id);
    t.last_id = id;
    const auto patch_t0 = Clock::now();
    for (int attempt = 0; attempt < 3; ++attempt) {
        std::int64_t offset = 0;
        if (attempt > 0) {
            auto h = c.Head("/api/v1/photos/" + photo_id, auth);
            if (!h)
                continue;
            offset = std::stoll("0" + h->get_header_value("Upload-Offset"));
        }
        httplib::Headers h = auth;
        h.emplace("Upload-Offset", std::to_string(offset));
        auto a = c.Patch("/api/v1/photos/" + photo_id, h,
                         t.photo.substr(static_cast<std::size_t>(offset)),
                         "application/offset+octet-stream");
        if (a && a->status == 204) {
            k.patch.values.push_back(since_ms(patch_t0));
            t.acked.push_back({id, photo_id});
            return true;
        }
        if (!a) {
            k.retry("PATCH: " + httplib::to_string(a.error()));
            continue;
        }
        k.fail("PATCH: " + std::to_string(a->status) + " " + a->body.substr(0, 300));
        return false;
    }
    k.fail("PATCH: no answer in three attempts");
    return false;
}

struct Row {
    std::string phase;
    int tablets = 0;
    int records = 0;
    double seconds = 0;
    Kinds kinds;
    double cpu_cores = 0;
    double rss_mib = 0;
    double client_cpu_cores = 0;
};

double own_cpu_seconds() {
    rusage u{};
    ::getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

std::vector<int> parse_levels(const std::string& text) {
    std::vector<int> out;
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, ','))
        out.push_back(std::stoi(part));
    if (out.empty() || !std::is_sorted(out.begin(), out.end()) || out.front() < 1)
        throw std::runtime_error("--levels wants rising counts, e.g. 1,8,32,64");
    return out;
}

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (i + 1 >= argc)
            throw std::runtime_error(a + " needs a value");
        const std::string v = argv[++i];
        if (a == "--server")
            o.server = v;
        else if (a == "--out")
            o.out = v;
        else if (a == "--levels")
            o.levels = parse_levels(v);
        else if (a == "--seconds")
            o.seconds = std::stod(v);
        else if (a == "--storm-seconds")
            o.storm_seconds = std::stod(v);
        else if (a == "--idle-seconds")
            o.idle_seconds = std::stod(v);
        else if (a == "--max-records")
            o.max_records = std::stoi(v);
        else if (a == "--photo-kib")
            o.photo_kib = std::stoul(v);
        else if (a == "--arrive-seconds")
            o.arrive_seconds = std::stod(v);
        else if (a == "--threads")
            o.threads = std::stoi(v);
        else
            throw std::runtime_error("unknown option " + a);
    }
    if (o.server.empty())
        throw std::runtime_error("--server BIN is needed (the fieldinspect-server executable)");
    // Bounded: a level of at most ten minutes.
    o.seconds = std::clamp(o.seconds, 1.0, 600.0);
    o.storm_seconds = std::clamp(o.storm_seconds, 0.0, 600.0);
    o.idle_seconds = std::clamp(o.idle_seconds, 0.0, 600.0);
    return o;
}

/// The demo data, one extra plan with an on-site assignment per tablet and a login for each
/// assignment's leader (the shipped password cost), in `data`; the tablets.
std::vector<TabletState> prepare(const std::filesystem::path& data, int tablets,
                                 std::size_t photo_bytes) {
    fi::server::ServerOptions so;
    so.data_dir = data;
    so.demo = true;
    so.assets_dir = FI_ASSETS_DIR;
    auto server = fi::server::Server::create(so);
    if (!server)
        throw std::runtime_error("prepare: " + server.error().message);
    fi::server::Server& s = **server;
    const std::string plan_id = "P-LOAD";
    const json plan =
        test_plan(plan_id, "市生态环境综合执法支队",
                  json::array({test_stratum("general", tablets, "onsite", {"POLL-01"})}));
    if (auto p = s.draws().publish_plan(plan); !p)
        throw std::runtime_error("prepare: plan: " + p.error().message);
    if (auto d = reveal_and_draw(s.draws(), plan_id); !d)
        throw std::runtime_error("prepare: draw: " + d.error().message);
    const auto drawn = s.plan_store().assignments_of_plan(plan_id);
    if (!drawn || static_cast<int>(drawn->size()) < tablets)
        throw std::runtime_error("prepare: the draw made too few assignments");
    std::vector<TabletState> out;
    std::mt19937 random(23);
    std::string password_hash;
    for (int i = 0; i < tablets; ++i) {
        TabletState t;
        t.assignment = json::parse((*drawn)[static_cast<std::size_t>(i)].body);
        t.username = "load-" + std::to_string(i + 1);
        const std::string inspector = t.assignment["team"][0]["inspector_id"].get<std::string>();
        if (i == 0) {
            if (!s.sessions().put_user(t.username, "demo1234", inspector, "检查员 1",
                                       "市生态环境综合执法支队", {"inspector", "leader"}))
                throw std::runtime_error("prepare: cannot add " + t.username);
            auto first = s.user_store().find_user(t.username);
            if (!first || !*first)
                throw std::runtime_error("prepare: the first login was not stored");
            password_hash = (*first)->password_hash;
        } else if (!s.user_store().put_user(fi::server::UserRow{t.username,
                                                                password_hash,
                                                                inspector,
                                                                "检查员 " + std::to_string(i + 1),
                                                                "市生态环境综合执法支队",
                                                                {"inspector", "leader"}})) {
            // One hash of the shipped cost for every login: the same sign-in work, made once.
            throw std::runtime_error("prepare: cannot add " + t.username);
        }
        t.photo.resize(photo_bytes);
        for (char& c : t.photo)
            c = static_cast<char>(random() & 0xff);
        t.photo_sha256 = fi::Sha256::hex(t.photo);
        out.push_back(std::move(t));
    }
    return out;
}

struct Verification {
    std::size_t acknowledged = 0;
    std::size_t stored_once = 0;
    std::size_t photos_complete = 0;
    std::size_t extra = 0; ///< stored without an acknowledgement (only a lost answer may)
    std::vector<std::string> problems;
    bool ok() const { return problems.empty(); }
};

Verification verify(const std::filesystem::path& data, const std::vector<TabletState>& tablets) {
    Verification v;
    auto db = fi::server::ServerDatabase::open(data / "server.db");
    if (!db)
        throw std::runtime_error("verify: " + db.error().message);
    fi::server::InspectionStore store(**db);
    auto all = store.inspections();
    if (!all)
        throw std::runtime_error("verify: " + all.error().message);
    std::map<std::string, int> stored; // load records by id: how many rows
    std::map<std::string, std::string> user_of;
    for (const auto& row : *all)
        if (row.username.rfind("load-", 0) == 0) {
            ++stored[row.id];
            user_of[row.id] = row.username;
        }
    std::set<std::string> acked_ids;
    for (const TabletState& t : tablets)
        for (const Acked& a : t.acked) {
            ++v.acknowledged;
            acked_ids.insert(a.record_id);
            const int n = stored.count(a.record_id) ? stored[a.record_id] : 0;
            if (n != 1) {
                v.problems.push_back("record " + a.record_id + " stored " + std::to_string(n) +
                                     " times");
                continue;
            }
            if (user_of[a.record_id] != t.username)
                v.problems.push_back("record " + a.record_id + " stored under another user");
            ++v.stored_once;
            auto photos = store.photos_of(a.record_id);
            auto hash = store.photo_sha256(a.photo_id);
            if (!photos || photos->size() != 1 || (*photos)[0].id != a.photo_id ||
                !(*photos)[0].complete || !hash || *hash != t.photo_sha256)
                v.problems.push_back("photo " + a.photo_id + " of record " + a.record_id +
                                     " is not complete and matching");
            else
                ++v.photos_complete;
        }
    for (const auto& [id, n] : stored)
        if (!acked_ids.count(id)) {
            bool lost_answer = false;
            for (const TabletState& t : tablets)
                lost_answer = lost_answer || t.uncertain.count(id) || t.last_id == id;
            ++v.extra;
            if (!lost_answer)
                v.problems.push_back("record " + id + " stored but never sent as acknowledged");
        }
    return v;
}

std::string table(const Options& o, const std::vector<Row>& rows, double rss_start, double rss_end,
                  double rss_idle, const Verification& v) {
    std::ostringstream t;
    const double photo_mib = static_cast<double>(o.photo_kib) / 1024.0;
    t << "| phase | tablets | records | records/s | photo MiB/s | POST p50 / p95 / p99 / max ms "
         "| PATCH (photo) p50 / p95 / p99 / max ms | sign-ins: n, p50 / max ms | GET p50 / "
         "p95 / p99 / max ms (req/s) | errors (requests sent again) | server CPU (cores) | load "
         "tool CPU (cores) | "
         "server RSS after (MiB) |\n";
    t << "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
    for (const Row& r : rows) {
        const double rate = r.records / r.seconds;
        t << "| " << r.phase << " | " << r.tablets << " | " << r.records << " | "
          << fmt("%.0f", rate) << " | " << fmt("%.1f", rate * photo_mib) << " | "
          << r.kinds.post.summary() << " | " << r.kinds.patch.summary() << " | ";
        if (r.kinds.sign_in.values.empty())
            t << "— | ";
        else
            t << r.kinds.sign_in.values.size() << ": " << ms(r.kinds.sign_in.pct(0.5)) << " / "
              << ms(r.kinds.sign_in.pct(1.0)) << " | ";
        if (r.kinds.get.values.empty())
            t << "— | ";
        else
            t << r.kinds.get.summary() << " ("
              << fmt("%.0f", static_cast<double>(r.kinds.get.values.size()) / r.seconds)
              << "/s) | ";
        t << r.kinds.errors << (r.kinds.retried ? " (" + std::to_string(r.kinds.retried) + ")" : "")
          << " | " << fmt("%.2f", r.cpu_cores) << " | " << fmt("%.2f", r.client_cpu_cores) << " | "
          << fmt("%.0f", r.rss_mib) << " |\n";
    }
    t << "\nServer RSS: " << fmt("%.0f", rss_start) << " MiB at the start, " << fmt("%.0f", rss_end)
      << " MiB after the pull storm, " << fmt("%.0f", rss_idle) << " MiB after "
      << fmt("%.0f", o.idle_seconds) << " s idle.\n";
    t << "Exactly once: " << v.acknowledged << " records acknowledged, " << v.stored_once
      << " stored once, " << v.photos_complete << " photos complete and matching"
      << (v.extra ? ", " + std::to_string(v.extra) + " stored whose answer was lost" : "")
      << (v.ok() ? "." : " — FAILED: " + v.problems.front()) << "\n";
    return t.str();
}

int run(const Options& o) {
    TempDir dir;
    const auto data = dir.path() / "data";
    const int max_tablets = o.levels.back();
    std::cerr << "load: preparing " << max_tablets << " logins and assignments\n";
    std::vector<TabletState> tablets = prepare(data, max_tablets, o.photo_kib * 1024);

    std::optional<ServerProcess> server;
    server.emplace(o, data);
    const int port = server->port();
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    const double rss_start = server->rss_mib();
    std::cerr << "load: server on port " << port << ", RSS " << rss_start << " MiB\n";

    std::vector<Row> rows;
    std::vector<std::unique_ptr<httplib::Client>> clients;
    for (int i = 0; i < max_tablets; ++i)
        clients.push_back(std::make_unique<httplib::Client>(client_for(port)));

    auto phase = [&](const std::string& name, int n, double seconds,
                     const std::function<void(int, Clock::time_point, Kinds&)>& work) {
        Row row;
        row.phase = name;
        row.tablets = n;
        std::size_t acked_before = 0;
        for (const auto& t : tablets)
            acked_before += t.acked.size();
        const double cpu0 = server->cpu_seconds();
        const double own0 = own_cpu_seconds();
        const auto t0 = Clock::now();
        const auto end = t0 + std::chrono::duration_cast<Clock::duration>(
                                  std::chrono::duration<double>(seconds));
        std::vector<Kinds> kinds(static_cast<std::size_t>(n));
        std::vector<std::thread> threads;
        for (int i = 0; i < n; ++i)
            threads.emplace_back([&, i] { work(i, end, kinds[static_cast<std::size_t>(i)]); });
        for (std::thread& th : threads)
            th.join();
        row.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
        row.cpu_cores = (server->cpu_seconds() - cpu0) / row.seconds;
        row.client_cpu_cores = (own_cpu_seconds() - own0) / row.seconds;
        for (const Kinds& k : kinds)
            row.kinds.merge(k);
        std::size_t acked_after = 0;
        for (const auto& t : tablets)
            acked_after += t.acked.size();
        row.records = static_cast<int>(acked_after - acked_before);
        row.rss_mib = server->rss_mib();
        std::cerr << "load: " << name << " " << n << " tablets: " << row.records << " records in "
                  << fmt("%.1f", row.seconds) << " s, POST " << row.kinds.post.summary()
                  << " ms, errors " << row.kinds.errors
                  << (row.kinds.first_error.empty() ? "" : " (" + row.kinds.first_error + ")")
                  << ", sent again " << row.kinds.retried
                  << (row.kinds.first_retry.empty() ? "" : " (" + row.kinds.first_retry + ")")
                  << "\n";
        rows.push_back(std::move(row));
    };

    // The morning: every tablet signs in, arriving over --arrive-seconds. At the end-of-day
    // rush they hold their tokens (12 hours), as tablets do.
    phase("sign-in", max_tablets, o.arrive_seconds + 600, [&](int i, Clock::time_point, Kinds& k) {
        TabletState& t = tablets[static_cast<std::size_t>(i)];
        std::this_thread::sleep_for(
            std::chrono::duration<double>(o.arrive_seconds * i / max_tablets));
        sign_in(t, *clients[static_cast<std::size_t>(i)], k);
    });
    for (const int level : o.levels) {
        // Meanwhile someone signs in every two seconds (a colleague's tablet, a new device).
        std::atomic<bool> stop{false};
        Kinds during;
        std::thread colleague([&] {
            httplib::Client c = client_for(port);
            while (!stop) {
                TabletState t;
                t.username = tablets[0].username;
                sign_in(t, c, during);
                for (int n = 0; n < 20 && !stop; ++n)
                    std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
        });
        phase("upload", level, o.seconds, [&](int i, Clock::time_point end, Kinds& k) {
            TabletState& t = tablets[static_cast<std::size_t>(i)];
            httplib::Client& c = *clients[static_cast<std::size_t>(i)];
            if (t.token.empty())
                return; // its sign-in failed (counted)
            for (int n = 0; n < o.max_records && Clock::now() < end; ++n)
                if (!upload_one(t, c, k))
                    return;
        });
        stop = true;
        colleague.join();
        rows.back().kinds.merge(during);
    }
    if (o.storm_seconds > 0)
        phase("pull storm", max_tablets, o.storm_seconds,
              [&](int i, Clock::time_point end, Kinds& k) {
                  TabletState& t = tablets[static_cast<std::size_t>(i)];
                  httplib::Client& c = *clients[static_cast<std::size_t>(i)];
                  const httplib::Headers auth{{"Authorization", "Bearer " + t.token}};
                  const std::array<std::string, 4> paths{
                      "/api/v1/assignments?limit=500", "/api/v1/catalogue?limit=500",
                      "/api/v1/inspectors?limit=500", "/api/v1/calendar"};
                  for (std::size_t n = 0; Clock::now() < end; ++n) {
                      const auto t0 = Clock::now();
                      auto a = c.Get(paths[n % paths.size()], auth);
                      if (!a) { // the connection closed under it: sent again, as a tablet does
                          k.retry("GET: " + httplib::to_string(a.error()));
                          a = c.Get(paths[n % paths.size()], auth);
                      }
                      k.get.values.push_back(since_ms(t0));
                      if (!a || a->status != 200) {
                          k.fail("GET: " +
                                 (a ? std::to_string(a->status) + " " + a->body.substr(0, 200)
                                    : httplib::to_string(a.error())));
                          return;
                      }
                  }
              });
    const double rss_end = server->rss_mib();
    clients.clear(); // the tablets go home
    std::this_thread::sleep_for(std::chrono::duration<double>(o.idle_seconds));
    const double rss_idle = server->rss_mib();
    server->stop();

    const Verification v = verify(data, tablets);
    const std::string text = table(o, rows, rss_start, rss_end, rss_idle, v);
    std::cout << text;
    if (!o.out.empty()) {
        std::ofstream out(o.out);
        out << text;
    }
    for (const std::string& p : v.problems)
        std::cerr << "load: " << p << "\n";
    int errors = 0;
    for (const Row& r : rows)
        errors += r.kinds.errors;
    return v.ok() && v.acknowledged > 0 ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    try {
        return run(parse(argc, argv));
    } catch (const std::exception& e) {
        std::cerr << "load_server: " << e.what() << "\n";
        return 2;
    }
}
