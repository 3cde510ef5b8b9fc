// Pull benchmark: 5,000 assignments in 10 pages of 500, pulled by the real Puller into a fresh
// encrypted store (decode, store, one draw fetched and verified, every team checked against
// it), against its floor measured in the same run: parsing the same page bodies with
// nlohmann/json plus inserting the same rows with the bare C API on a keyed connection, one
// transaction a page. The pages come from an in-memory transport so the figure is the
// tablet's own cost, not loopback's (the upload benchmark measures the network path). Then
// the same at 4× and 16× the data, to state how the cost grows. Prints table rows for
// docs/performance.md.
#include "barestore.h"
#include "benchutil.h"
#include "core/draw.h"
#include "core/referencestore.h"
#include "core/store.h"
#include "support/tempdir.h"
#include "sync/centralclient.h"
#include "sync/puller.h"

#include <algorithm>
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

/// One pull into a fresh store, timed from the first request to the last write: the store is
/// opened before and closed after, outside the timing, as the floor's bare connection is.
/// Throws unless every assignment arrived and was verified.
double timed_pull(const CentralData& data, int n) {
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
    sync::ApiResult<sync::PullSummary> summary = sync::decode_error("not run");
    const double ms = time_ms([&] { summary = puller.pull_all(); });
    if (!summary)
        throw std::runtime_error(summary.error().message);
    if (summary->draws_verified != static_cast<std::size_t>(n))
        throw std::runtime_error(
            "verified " + std::to_string(summary->draws_verified) + " of " + std::to_string(n) +
            " draws; first message: " +
            (summary->messages.empty() ? std::string("none") : summary->messages.front()));
    return ms;
}

/// One assignment row as the store keeps it: id, revision, draw and the item's JSON.
struct BareRow {
    std::string id;
    std::int64_t revision;
    std::string draw_id, json;
};
using BarePages = std::vector<std::vector<BareRow>>;

/// The rows the floor inserts, page by page, made before any timing: the stored JSON is the
/// item's text, which a pull needs at least (it stores the assignment as received).
BarePages bare_rows(const CentralData& data) {
    BarePages pages;
    for (const auto& body : data.assignment_pages) {
        auto& rows = pages.emplace_back();
        const json page = json::parse(body);
        for (const auto& item : page.at("items"))
            rows.push_back({item.at("id").get<std::string>(),
                            item.at("revision").get<std::int64_t>(),
                            item.at("draw_id").get<std::string>(), item.dump()});
    }
    return pages;
}

/// The library's floor under storing the pull's rows: the same assignment rows inserted with
/// the bare C API, one transaction a page, on a fresh bare connection with the store's
/// settings, keyed or not. No decoding, checking or verifying; opened and closed untimed.
double bare_assignment_rows_ms(const BarePages& pages, const std::filesystem::path& p, bool keyed) {
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
            if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
                throw std::runtime_error(std::string("bare commit: ") + sqlite3_errmsg(db));
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

/// Parse the pages, checking that every item was there; milliseconds.
double timed_parse(const CentralData& data, int n) {
    std::size_t parsed = 0;
    const double ms = time_ms([&] { parsed = parse_alone(data); });
    if (parsed != static_cast<std::size_t>(n))
        throw std::runtime_error("parsed " + std::to_string(parsed) + " items");
    return ms;
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
            if (scale == 1) {
                // The pull's floor, measured in the same run, alternating with the pull so
                // drift hits both: what any pull must do at least — parse the pages, insert
                // the same rows keyed, one transaction a page.
                const BarePages rows = bare_rows(data);
                test::TempDir bare;
                std::vector<double> parse, keyed, plain, floor, pull;
                for (int i = 0; i < reps; ++i) {
                    parse.push_back(timed_parse(data, n));
                    keyed.push_back(bare_assignment_rows_ms(rows, bare / "keyed.db", true));
                    floor.push_back(parse.back() + keyed.back());
                    pull.push_back(timed_pull(data, n));
                    plain.push_back(bare_assignment_rows_ms(rows, bare / "plain.db", false));
                }
                const double pm = median(parse), km = median(keyed), fm = median(floor),
                             om = median(pull), um = median(plain);
                base_per_item = om * 1000.0 / n;
                row("pull of 5,000 assignments (10 pages) into the store, one 5,000-target draw "
                    "verified, against its floor",
                    "parse + bare keyed insert of the same rows, one transaction a page " +
                        fmt("%.0f ms", fm) + fmt(" (parse %.0f ms", pm) +
                        fmt(" + keyed insert %.0f ms)", km),
                    fmt("%.0f ms", om) +
                        fmt(" (runs %.0f–", *std::min_element(pull.begin(), pull.end())) +
                        fmt("%.0f ms)", *std::max_element(pull.begin(), pull.end())),
                    ratio_text(om / fm, 1.25), "≤ 1.25×", om / fm <= 1.25);
                // What of the floor is the library's: SQLCipher 3.4.1's cost a page written,
                // measured on the same rows with nothing of ours in between.
                row("(information) the same 5,000 assignment rows stored with the bare C API, "
                    "one transaction a page: the library's keyed ÷ unkeyed",
                    fmt("%.0f ms unkeyed", um),
                    fmt("%.0f ms keyed", km) + fmt(" (keyed − unkeyed %.0f ms;", km - um) +
                        fmt(" pull − floor %.0f ms)", om - fm),
                    fmt("%.2f×", km / um), "—", true);
            } else {
                // The big scales take seconds a run: fewer repetitions keep the suite short,
                // but never one alone, which this shared machine's noise would decide.
                const int r = std::max(std::min(reps, 3), reps / scale);
                std::vector<double> parse, pull;
                for (int i = 0; i < r; ++i) {
                    parse.push_back(timed_parse(data, n));
                    pull.push_back(timed_pull(data, n));
                }
                const double pm = median(parse), om = median(pull);
                const double per_item_us = om * 1000.0 / n;
                const double growth = per_item_us / base_per_item;
                row("scaling: pull at " + std::to_string(scale) + "× (" + std::to_string(n) +
                        " assignments)",
                    "1× per assignment " + fmt("%.0f µs", base_per_item),
                    fmt("%.0f ms", om) + ", " + fmt("%.0f µs", per_item_us) + " per assignment",
                    ratio_text(growth, 1.25) + " per item, parse " + fmt("%.2f×", om / pm),
                    "linear or better (≤ 1.25× per item)", growth <= 1.25);
            }
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_pull: %s\n", e.what());
        return 1;
    }
    return 0;
}
