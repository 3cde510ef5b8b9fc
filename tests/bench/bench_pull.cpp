// Pull benchmark: 5,000 assignments in 10 pages of 500, pulled by the real Puller into a fresh
// encrypted store (decode, store, one draw fetched and verified, every team checked against
// it), against parsing the same page bodies with nlohmann/json alone. The pages come from an
// in-memory transport so the figure is the tablet's own cost, not loopback's (the upload
// benchmark measures the network path). Then the same at 4× and 16× the data, to state how
// the cost grows. Prints table rows for docs/performance.md.
#include "barestore.h"
#include "benchutil.h"
#include "core/draw.h"
#include "core/referencestore.h"
#include "core/store.h"
#include "support/tempdir.h"
#include "sync/centralclient.h"
#include "sync/puller.h"

#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

using namespace fi;
using namespace fi::bench;
using nlohmann::json;

namespace {

constexpr int page_size = 500;
constexpr int inspectors = 60;

std::string id_of(const char* prefix, int n) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%05d", prefix, n);
    return buf;
}

/// The central system's answers for one user holding `n` assignments of one plan, all drawn
/// in one published draw (the worst case for verification: one large draw).
struct CentralData {
    std::map<std::string, std::string> bodies; ///< path (query included) → body
    std::vector<std::string> assignment_pages; ///< the page bodies alone, for the baseline
};

CentralData make_data(int n) {
    DrawInput in;
    in.id = "D-BENCH";
    in.plan_id = "P-BENCH";
    in.seed = std::string(64, 'a');
    in.seed_commitment = seed_commitment_for(in.seed).value();
    DrawStratum s{"key", {}, n};
    for (int t = 0; t < n; ++t)
        s.candidates.push_back(id_of("T-", t));
    in.strata.push_back(s);
    for (int i = 0; i < inspectors; ++i)
        in.inspector_pool.push_back(id_of("I-", i));
    in.team_size = 2;
    auto outcome = compute_draw(in);
    if (!outcome)
        throw std::runtime_error(outcome.error().message);
    DrawRecord rec;
    static_cast<DrawInput&>(rec) = in;
    rec.selected = outcome->selected;
    rec.teams = outcome->teams;

    CentralData d;
    d.bodies["/draws/D-BENCH"] = encode_draw(rec).dump();
    json items = json::array();
    items.push_back({{"id", "POLL-01"},
                     {"code", "POLL-01"},
                     {"domain", "污染防治"},
                     {"title", "污染防治设施正常运行及污染物达标排放情况的检查"},
                     {"legal_basis", {"《中华人民共和国环境保护法》第四十二条"}},
                     {"target_type", "排污单位"},
                     {"initiating_dept", "市生态环境局"},
                     {"cooperating_depts", json::array()},
                     {"responsible_office", "执法支队"},
                     {"version", 1},
                     {"checkpoints",
                      {{{"id", "POLL-01-1"},
                        {"text", "污染防治设施是否正常运行"},
                        {"kind", "pass_fail"},
                        {"required", true},
                        {"photo_on_fail", true}}}}});
    d.bodies["/catalogue?limit=500"] =
        json{{"items", items}, {"next_cursor", "c1"}, {"has_more", false}}.dump();
    json roster = json::array();
    for (int i = 0; i < inspectors; ++i)
        roster.push_back({{"id", id_of("I-", i)},
                          {"name", "检查员" + std::to_string(i)},
                          {"unit", "市生态环境综合执法支队"},
                          {"cert_no", "鄂环执字第" + std::to_string(4207009000 + i) + "号"},
                          {"position", "执法人员"},
                          {"expertise", {"大气"}},
                          {"third_party", false}});
    d.bodies["/inspectors?limit=500"] =
        json{{"items", roster}, {"next_cursor", "r1"}, {"has_more", false}}.dump();

    const int pages = (n + page_size - 1) / page_size;
    for (int p = 0; p < pages; ++p) {
        json page = json::array();
        for (int k = p * page_size; k < std::min(n, (p + 1) * page_size); ++k) {
            const std::string target = id_of("T-", k);
            const auto& team = rec.teams.at(target);
            page.push_back({{"id", id_of("A-2026Q4-", k)},
                            {"revision", 1},
                            {"status", "active"},
                            {"plan",
                             {{"id", "P-BENCH"},
                              {"name", "2026年第四季度生态环境监管双随机抽查计划"},
                              {"year", 2026},
                              {"kind", "routine"},
                              {"unit", "市生态环境综合执法支队"}}},
                            {"target",
                             {{"id", target},
                              {"name", "鄂州市测试企业" + std::to_string(k) + "有限公司"},
                              {"credit_code", "91420700MA4XXXXXX1"},
                              {"address", "湖北省鄂州市鄂城区测试路" + std::to_string(k) + "号"},
                              {"legal_rep", "张三"},
                              {"district", "鄂城区"},
                              {"category", "key"},
                              {"tags",
                               {{"permit_class", "重点管理"},
                                {"supervision_type", "水环境重点排污单位"},
                                {"pollutants", {"废气", "废水"}},
                                {"weather_grade", "B"},
                                {"credit_rating", nullptr}}}}},
                            {"item_ids", {"POLL-01"}},
                            {"mode", "onsite"},
                            {"team",
                             {{{"inspector_id", team[0]}, {"role", "leader"}},
                              {{"inspector_id", team[1]}, {"role", "member"}}}},
                            {"joint_departments", json::array()},
                            {"window", {{"from", "2026-10-01"}, {"to", "2026-12-31"}}},
                            {"draw_id", "D-BENCH"}});
        }
        const bool more = p + 1 < pages;
        std::string body = json{
            {"items", page},
            {"next_cursor", "a" + std::to_string(p + 1)},
            {"has_more", more}}.dump();
        const std::string path = p == 0 ? "/assignments?limit=500"
                                        : "/assignments?limit=500&since=a" + std::to_string(p);
        d.assignment_pages.push_back(body);
        d.bodies[path] = std::move(body);
    }
    d.bodies["/calendar"] = R"({"years":{}})";
    return d;
}

/// Answers from memory: the tablet's cost without the network's.
class MemoryTransport final : public sync::Transport {
public:
    explicit MemoryTransport(const CentralData& data) : data_(data) {}
    sync::HttpResponse perform(sync::HttpRequest rq) override {
        sync::HttpResponse r;
        const auto path = rq.url.substr(base.size());
        auto it = data_.bodies.find(path);
        if (it == data_.bodies.end()) {
            r.status = 404;
            r.body = R"({"error":{"code":"not_found","message":")" + path + "\"}}";
        } else {
            r.status = 200;
            r.body = it->second;
        }
        r.headers["content-type"] = "application/json";
        return r;
    }
    static inline const std::string base = "http://central.invalid/api/v1";

private:
    const CentralData& data_;
};

/// One pull into a fresh store; throws unless every assignment arrived and was verified.
void pull_into_fresh_store(const CentralData& data, int n) {
    test::TempDir dir;
    OpenOptions create;
    create.mode = OpenOptions::Mode::create_if_missing;
    auto db = open_store(dir.path() / "tablet.db", SecretKey::random(), create);
    if (!db)
        throw std::runtime_error(db.error().message);
    MemoryTransport transport(data);
    sync::CentralClient client(transport, MemoryTransport::base);
    client.set_token("bench");
    sync::Puller puller(*db, client);
    auto summary = puller.pull_all();
    if (!summary)
        throw std::runtime_error(summary.error().message);
    if (summary->draws_verified != static_cast<std::size_t>(n))
        throw std::runtime_error(
            "verified " + std::to_string(summary->draws_verified) + " of " + std::to_string(n) +
            " draws; first message: " +
            (summary->messages.empty() ? std::string("none") : summary->messages.front()));
}

/// The library's floor under the pull: the same assignment rows (id, revision, status, draw,
/// the item's JSON) inserted with the bare C API, one transaction a page, on a bare
/// connection with the store's settings, keyed or not. No decoding, checking or verifying.
double bare_assignment_rows_ms(const CentralData& data, const std::filesystem::path& p,
                               bool keyed) {
    struct Row {
        std::string id;
        std::int64_t revision;
        std::string draw_id, json;
    };
    std::vector<std::vector<Row>> pages;
    for (const auto& body : data.assignment_pages) {
        auto& rows = pages.emplace_back();
        const json page = json::parse(body);
        for (const auto& item : page.at("items"))
            rows.push_back({item.at("id").get<std::string>(),
                            item.at("revision").get<std::int64_t>(),
                            item.at("draw_id").get<std::string>(), item.dump()});
    }
    sqlite3* db = open_bare_store(p, keyed,
                                  "CREATE TABLE assignments (id TEXT PRIMARY KEY, revision "
                                  "INTEGER NOT NULL, status TEXT NOT NULL, draw_id TEXT NOT NULL,"
                                  " json TEXT NOT NULL)");
    const double ms = time_ms([&] {
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db,
                           "INSERT OR REPLACE INTO assignments VALUES (?1, ?2, 'active', ?3, ?4)",
                           -1, &st, nullptr);
        for (const auto& rows : pages) {
            sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
            for (const auto& r : rows) {
                sqlite3_bind_text(st, 1, r.id.c_str(), -1, SQLITE_STATIC);
                sqlite3_bind_int64(st, 2, r.revision);
                sqlite3_bind_text(st, 3, r.draw_id.c_str(), -1, SQLITE_STATIC);
                sqlite3_bind_text(st, 4, r.json.c_str(), -1, SQLITE_STATIC);
                if (sqlite3_step(st) != SQLITE_DONE)
                    throw std::runtime_error(std::string("bare insert: ") + sqlite3_errmsg(db));
                sqlite3_reset(st);
            }
            sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        }
        sqlite3_finalize(st);
    });
    sqlite3_close(db);
    return ms;
}

std::size_t parse_alone(const CentralData& data) {
    std::size_t items = 0;
    for (const auto& body : data.assignment_pages)
        items += json::parse(body).at("items").size();
    return items;
}

} // namespace

int main(int argc, char** argv) {
    const int reps = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    // Largest scale to run (1, 4 or 16): the big ones take a while.
    const int max_scale = argc > 2 ? std::atoi(argv[2]) : 16;
    try {
        double base_per_item = 0;
        for (int scale : {1, 4, 16}) {
            if (scale > max_scale)
                break;
            const int n = 5000 * scale;
            const CentralData data = make_data(n);
            // The big scales take seconds a run: fewer repetitions keep the suite short.
            const int r = scale == 1 ? reps : std::max(1, reps / scale);
            std::size_t parsed = 0;
            const Pair p = compare(
                r, [&] { parsed = parse_alone(data); }, [&] { pull_into_fresh_store(data, n); });
            if (parsed != static_cast<std::size_t>(n))
                throw std::runtime_error("parsed " + std::to_string(parsed) + " items");
            const double per_item_us = p.ours_ms * 1000.0 / n;
            if (scale == 1) {
                base_per_item = per_item_us;
                row("pull of 5,000 assignments (10 pages) into the store, one 5,000-target draw "
                    "verified",
                    "parsing the same JSON alone " + fmt("%.0f ms", p.baseline_ms),
                    fmt("%.0f ms", p.ours_ms), fmt("%.2f×", p.ratio()), "≤ 3×", p.ratio() <= 3.0);
                // What of the difference is the library's: SQLCipher 3.4.1's cost a page
                // written, measured on the same rows with nothing of ours in between.
                test::TempDir bare;
                std::vector<double> plain, keyed;
                for (int i = 0; i < reps; ++i) {
                    plain.push_back(bare_assignment_rows_ms(data, bare / "plain.db", false));
                    keyed.push_back(bare_assignment_rows_ms(data, bare / "keyed.db", true));
                }
                const double bp = median(plain), bk = median(keyed);
                row("(information) the same 5,000 assignment rows stored with the bare C API, "
                    "one transaction a page: the library's keyed ÷ unkeyed",
                    fmt("%.0f ms unkeyed", bp),
                    fmt("%.0f ms keyed", bk) + fmt(" (keyed − unkeyed %.0f ms;", bk - bp) +
                        fmt(" pull − parse %.0f ms)", p.ours_ms - p.baseline_ms),
                    fmt("%.2f×", bk / bp), "—", true);
            } else {
                const double growth = per_item_us / base_per_item;
                row("scaling: pull at " + std::to_string(scale) + "× (" + std::to_string(n) +
                        " assignments)",
                    "1× per assignment " + fmt("%.0f µs", base_per_item),
                    fmt("%.0f ms", p.ours_ms) + ", " + fmt("%.0f µs", per_item_us) +
                        " per assignment",
                    fmt("%.2f× per item", growth) + ", parse " + fmt("%.2f×", p.ratio()),
                    "linear or better (≤ 1.25× per item)", growth <= 1.25);
            }
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_pull: %s\n", e.what());
        return 1;
    }
    return 0;
}
