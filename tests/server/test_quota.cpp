// Ratios and frequency from the item list (比例、频次): four quarterly draws of the demo year keep
// every yearly figure in its range, targets nobody drew this year are drawn first (every key
// target within the year, 原则上争取每年对重点监管对象达到全覆盖), a quarter's k is refused when it
// would break the year, the rules come from the catalogue, and `admin coverage` shows the year.
#include "core/date.h"
#include "core/draw.h"
#include "core/drawcommitment.h"
#include "core/sha256.h"
#include "server/admincli.h"
#include "server/drawrule.h"
#include "server/drawservice.h"
#include "server/quotaledger.h"
#include "server/referenceservice.h"
#include "serverfixture.h"

#include <array>
#include <chrono>
#include <doctest/doctest.h>
#include <map>
#include <set>
#include <sstream>

using namespace fi::test;

namespace {

const std::array<std::pair<const char*, const char*>, 4> quarter_windows = {
    std::pair{"2026-01-01", "2026-03-31"}, std::pair{"2026-04-01", "2026-06-30"},
    std::pair{"2026-07-01", "2026-09-30"}, std::pair{"2026-10-01", "2026-12-31"}};

// A plan of `unit` for quarter `quarter` (1–4) of 2026, published a minute ago.
json quarter_plan(const std::string& id, const std::string& unit, int quarter, json strata) {
    const auto& [from, to] = quarter_windows.at(static_cast<std::size_t>(quarter - 1));
    json plan = test_plan(id, unit, std::move(strata), from, to);
    plan["joint_items"] = {{"rule", "onsite_targets_add_joint_list_items"}};
    return plan;
}

// Publish, every party reveals, draw; the draw must verify against the publication.
fi::DrawRecord publish_and_draw(fi::server::DrawService& draws, const json& plan) {
    const std::string id = plan["id"];
    const auto published = draws.publish_plan(plan);
    REQUIRE_MESSAGE(published.ok(), (id + ": " + published.error().message));
    const auto drawn = reveal_and_draw(draws, id);
    REQUIRE_MESSAGE(drawn.ok(), (id + ": " + drawn.error().message));
    const auto publication = fi::decode_plan_publication(*draws.plan_json(id));
    REQUIRE(publication.ok());
    const fi::DrawVerification v = fi::verify_plan_draw(*publication, drawn->draw);
    CHECK_MESSAGE(v.verified(), (id + ": " + v.message));
    return drawn->draw;
}

// A draw's picks per stratum category (`selected` is the strata's picks, k each, in order).
std::map<std::string, std::vector<std::string>> picks(const fi::DrawRecord& d) {
    std::map<std::string, std::vector<std::string>> out;
    std::size_t at = 0;
    for (const fi::DrawStratum& s : d.strata)
        for (std::int64_t i = 0; i < s.k; ++i)
            out[s.category].push_back(d.selected.at(at++));
    return out;
}

// A server with the demo directories and catalogue but no plan.
std::unique_ptr<TestServer> directory_only_server() {
    TestServer::Setup setup;
    setup.demo = false;
    auto ts = std::make_unique<TestServer>(setup);
    auto& reference = ts->server().reference();
    REQUIRE(reference.import_catalogue(demo_file("catalogue.json")).ok());
    REQUIRE(reference.import_inspectors(demo_file("inspectors.json")).ok());
    REQUIRE(reference.import_targets(demo_file("targets.json")).ok());
    return ts;
}

const char* const detachment = "市生态环境综合执法支队";

// The detachment's quarter plan: the three joint-list groups first (a target is a candidate of
// one stratum only, so the groups come before the categories that hold their targets), then
// key, general and special; k from the item list's rules except for special targets.
json detachment_plan(int quarter) {
    return quarter_plan(
        "P-2026-Q" + std::to_string(quarter) + "-ZD", detachment, quarter,
        json::array({test_stratum("sewage_plants", std::nullopt, "onsite", {"JL-69"}),
                     test_stratum("ods", std::nullopt, "onsite", {"ECO-01"}),
                     test_stratum("vehicle_sellers", std::nullopt, "onsite", {"JL-22"}),
                     test_stratum("key", std::nullopt, "onsite", {"POLL-01", "PMT-02", "EMG-01"}),
                     test_stratum("general", std::nullopt, "onsite", {"POLL-01", "ECO-01"}),
                     test_stratum("special", 3, "offsite", {"POLL-01"})}));
}

struct Directory {
    std::int64_t key = 0, general = 0, ods = 0, vehicle_sellers = 0, sewage_plants = 0;
    std::map<std::string, std::int64_t> key_in; ///< key targets per district
    std::set<std::string> key_ids;
};

// Counted here from the demo file, independently of the server.
Directory count_directory() {
    Directory d;
    for (const json& t : demo_file("targets.json")) {
        std::set<std::string> codes;
        for (const json& c : t["joint_list"])
            codes.insert(c.get<std::string>());
        if (t["category"] == "key") {
            ++d.key;
            ++d.key_in[t["district"].get<std::string>()];
            d.key_ids.insert(t["id"].get<std::string>());
        }
        if (t["category"] == "general")
            ++d.general;
        if (codes.contains("15") || codes.contains("16") || codes.contains("17") ||
            codes.contains("18") || codes.contains("19"))
            ++d.ods;
        if (codes.contains("22"))
            ++d.vehicle_sellers;
        if (codes.contains("69"))
            ++d.sewage_plants;
    }
    return d;
}

const std::array<std::pair<const char*, const char*>, 5> branches = {
    std::pair{"鄂城分局", "鄂城区"}, std::pair{"华容分局", "华容区"},
    std::pair{"梁子湖分局", "梁子湖区"}, std::pair{"葛店分局", "葛店开发区"},
    std::pair{"临空分局", "临空经济区"}};

} // namespace

TEST_CASE("four quarters of the demo year: every ratio within its yearly range, every key target "
          "drawn") {
    const auto ts = directory_only_server();
    auto& draws = ts->server().draws();
    const Directory dir = count_directory();
    REQUIRE(dir.key == 75);
    REQUIRE(dir.ods == 15);
    REQUIRE(dir.vehicle_sellers == 10);
    REQUIRE(dir.sewage_plants == 5);

    // unit → category → every pick of the year; quarter → the detachment's picks per category.
    std::map<std::string, std::map<std::string, std::vector<std::string>>> year;
    std::map<int, std::map<std::string, std::vector<std::string>>> detachment_by_quarter;
    std::set<std::string> drawn;
    for (int q = 1; q <= 4; ++q) {
        // The detachment draws first, then each branch its own district's key targets.
        const fi::DrawRecord d = publish_and_draw(draws, detachment_plan(q));
        for (const auto& [category, ids] : picks(d)) {
            auto& all = year[detachment][category];
            all.insert(all.end(), ids.begin(), ids.end());
            detachment_by_quarter[q][category] = ids;
            drawn.insert(ids.begin(), ids.end());
        }
        for (const auto& [unit, district] : branches) {
            json p = quarter_plan(
                std::string("P-2026-Q") + std::to_string(q) + "-" + unit, unit, q,
                json::array({test_stratum("key", std::nullopt, "onsite", {"POLL-01"})}));
            p["districts"] = json::array({district});
            p["inspector_units"] = json::array({unit});
            const fi::DrawRecord b = publish_and_draw(draws, p);
            for (const auto& [category, ids] : picks(b)) {
                auto& all = year[unit][category];
                all.insert(all.end(), ids.begin(), ids.end());
                drawn.insert(ids.begin(), ids.end());
            }
        }
    }

    const auto& zd = year[detachment];
    const auto count = [](const std::vector<std::string>& v) {
        return static_cast<std::int64_t>(v.size());
    };
    // Joint list: ODS 1–3 % of 15 is 0.15–0.45 units: one a year (a ratio asks for a check);
    // the old per-quarter rounding drew 4 (27 %).
    CHECK(count(zd.at("ods")) == 1);
    // Urban sewage plants: 20 % of 5 is one a year (per quarter it was four, 80 %).
    CHECK(count(zd.at("sewage_plants")) == 1);
    // Vehicle sellers: 5–10 a year (per quarter ⌈10/4⌉ gave 12).
    CHECK(count(zd.at("vehicle_sellers")) >= 5);
    CHECK(count(zd.at("vehicle_sellers")) <= 10);
    // Key, city detachment: 5–10 % of 75 a quarter is 15–30 a year; each quarter at most
    // ⌈7.5⌉ = 8.
    CHECK(count(zd.at("key")) >= dir.key * 5 * 4 / 100);
    CHECK(count(zd.at("key")) <= dir.key * 10 * 4 / 100);
    for (int q = 1; q <= 4; ++q)
        CHECK(count(detachment_by_quarter[q]["key"]) <= 8);
    // General: at least 12 staff × 3 = 36 a year, 9 a quarter.
    CHECK(count(zd.at("general")) >= 36);
    for (int q = 1; q <= 4; ++q)
        CHECK(count(detachment_by_quarter[q]["general"]) == 9);
    // Branches: 10–20 % of their district's key targets a quarter, 40–80 % a year.
    for (const auto& [unit, district] : branches) {
        const std::int64_t n = dir.key_in.at(district);
        const std::int64_t got = count(year[unit]["key"]);
        CHECK_MESSAGE(got * 100 >= n * 40, unit);
        CHECK_MESSAGE(got * 100 <= n * 80, unit);
    }
    // The detachment never drew a target twice in a stratum: targets nobody drew this year
    // come first (避免重复检查), and its ratios never run out of them.
    for (const auto& [category, ids] : zd)
        CHECK_MESSAGE(std::set<std::string>(ids.begin(), ids.end()).size() == ids.size(), category);
    // 原则上争取每年对重点监管对象达到全覆盖: the detachment and the branches together drew
    // every key target within the year.
    for (const std::string& id : dir.key_ids)
        CHECK_MESSAGE(drawn.contains(id), (id + " was not drawn in 2026"));

    // The ledger (what `admin coverage` prints) sees the same year.
    auto ledger = fi::server::QuotaLedger::load(ts->server().reference_data_store(),
                                                ts->server().plan_store(), 2026);
    REQUIRE(ledger.ok());
    const auto report = ledger->coverage(ts->server().reference_data_store());
    REQUIRE(report.ok());
    CHECK(report->key_targets == 75);
    CHECK(report->key_not_drawn.empty());
    std::map<std::string, const fi::server::CoverageLine*> lines;
    for (const auto& l : report->lines)
        lines[l.unit + "/" + l.stratum] = &l;
    for (const char* s : {"ods", "sewage_plants", "vehicle_sellers", "key", "general"}) {
        const auto* l = lines.at(std::string(detachment) + "/" + s);
        REQUIRE(l->year);
        CHECK_MESSAGE(l->drawn == count(zd.at(s)), s);
        CHECK_MESSAGE(l->drawn >= l->year->min, s);
        CHECK_MESSAGE(l->drawn <= l->year->max, s);
    }
    CHECK(lines.at(std::string(detachment) + "/key")->year->min == 15);
    CHECK(lines.at(std::string(detachment) + "/key")->year->max == 30);
    CHECK(!lines.at(std::string(detachment) + "/special")->year);
}

TEST_CASE("the detachment alone draws no key target twice: as far as 5–10 % a quarter allows") {
    const auto ts = directory_only_server();
    auto& draws = ts->server().draws();
    std::vector<std::string> key;
    std::set<std::string> drawn;
    for (int q = 1; q <= 4; ++q) {
        const fi::DrawRecord d = publish_and_draw(draws, detachment_plan(q));
        const auto p = picks(d);
        key.insert(key.end(), p.at("key").begin(), p.at("key").end());
        drawn.insert(d.selected.begin(), d.selected.end());
        // From the second quarter on, the key targets drawn before are left out, and say why.
        if (q > 1) {
            std::int64_t left_out = 0;
            for (const fi::DrawExclusion& x : d.excluded)
                if (x.reason == "drawn_this_year")
                    ++left_out;
            CHECK(left_out > 0);
        }
    }
    // 8 + 8 + 8 + 6 = 30, the most 10 % a quarter allows in a year (40 % of 75), all different.
    CHECK(key.size() == 30);
    CHECK(std::set<std::string>(key.begin(), key.end()).size() == 30);
    auto ledger = fi::server::QuotaLedger::load(ts->server().reference_data_store(),
                                                ts->server().plan_store(), 2026);
    REQUIRE(ledger.ok());
    const auto report = ledger->coverage(ts->server().reference_data_store());
    REQUIRE(report.ok());
    // The rest waits for the branches' draws, and the coverage report names them: every key
    // target no stratum drew (a sewage plant or an ODS unit may be key and drawn in its group).
    std::vector<std::string> waiting;
    for (const std::string& id : count_directory().key_ids)
        if (!drawn.contains(id))
            waiting.push_back(id);
    CHECK(waiting.size() <= 45);
    CHECK(report->key_not_drawn == waiting);
}

TEST_CASE("a quarter's k is refused when it would take the year out of range") {
    const auto ts = directory_only_server();
    auto& draws = ts->server().draws();
    // Q1: all ten vehicle sellers is within 5–10 a year; the one ODS unit of the year too.
    publish_and_draw(
        draws, quarter_plan("P-V1", detachment, 1,
                            json::array({test_stratum("vehicle_sellers", 10, "onsite", {"JL-22"}),
                                         test_stratum("ods", 1, "onsite", {"ECO-01"})})));
    // Q2: the year holds 10 sellers and 1 ODS unit: no more of either.
    for (const char* category : {"vehicle_sellers", "ods"}) {
        const auto refused = draws.publish_plan(
            quarter_plan(std::string("P-V2-") + category, detachment, 2,
                         json::array({test_stratum(category, 1, "onsite", {"ECO-01"})})));
        REQUIRE(!refused.ok());
        CHECK(refused.error().field == "strata[0].k");
        CHECK_MESSAGE(refused.error().message.find("outside 0–0") != std::string::npos,
                      refused.error().message);
    }
    // Without k the stratum draws nothing this quarter and says so (k 0, no candidates).
    const fi::DrawRecord quiet = publish_and_draw(
        draws, quarter_plan(
                   "P-V2", detachment, 2,
                   json::array({test_stratum("vehicle_sellers", std::nullopt, "onsite", {"JL-22"}),
                                test_stratum("key", std::nullopt, "onsite", {"POLL-01"})})));
    CHECK(quiet.strata[0].k == 0);
    CHECK(quiet.strata[0].candidates.empty());
    // Key, a quarter at most ⌈75 × 10 %⌉ = 8: a second Q2 plan of the same unit gets nothing more.
    CHECK(picks(quiet).at("key").size() == 8);
    const auto more = draws.publish_plan(quarter_plan(
        "P-V2-KEY", detachment, 2, json::array({test_stratum("key", 1, "onsite", {"POLL-01"})})));
    REQUIRE(!more.ok());
    CHECK(more.error().field == "strata[0].k");
    // Another unit's figure is its own: a branch still draws its share.
    json branch =
        quarter_plan("P-V2-EC", "鄂城分局", 2,
                     json::array({test_stratum("key", std::nullopt, "onsite", {"POLL-01"})}));
    branch["districts"] = json::array({"鄂城区"});
    CHECK(picks(publish_and_draw(draws, branch)).at("key").size() == 5); // ⌈21 × 20 %⌉
}

TEST_CASE("ratios are the item list's: no rule, or items that disagree, refuse the plan") {
    const auto ts = directory_only_server();
    auto& draws = ts->server().draws();
    auto& reference = ts->server().reference();
    json poll;
    json sewage;
    for (const json& item : demo_catalogue()) {
        if (item["id"] == "POLL-01")
            poll = item;
        if (item["id"] == "JL-69")
            sewage = item;
    }
    REQUIRE(poll.contains("draw_rules"));

    // The rules decode as the seed states them.
    const auto rules = fi::server::decode_draw_rules(sewage);
    REQUIRE(rules.ok());
    REQUIRE(rules->size() == 1);
    CHECK((*rules)[0].stratum == "sewage_plants");
    CHECK((*rules)[0].min_percent == 20);
    CHECK((*rules)[0].year_range(5, 0)->min == 1);
    CHECK((*rules)[0].year_range(5, 0)->max == 1);
    json broken = sewage;
    broken["draw_rules"][0]["ratio"]["max_percent"] = 120;
    CHECK(!fi::server::decode_draw_rules(broken).ok());
    const auto refused = reference.import_catalogue(json::array({broken})); // nothing stored
    REQUIRE(!refused.ok());
    CHECK(refused.error().message.find("JL-69") != std::string::npos);

    // A second item stating another key ratio: the list disagrees with itself.
    json other = poll;
    other["id"] = "POLL-99";
    other["code"] = "POLL-99";
    other["draw_rules"][0]["ratio"]["max_percent"] = 30;
    REQUIRE(reference.import_catalogue(json::array({other})).ok());
    const json key_plan = quarter_plan(
        "P-R1", detachment, 1, json::array({test_stratum("key", 8, "onsite", {"POLL-01"})}));
    const auto disagree = draws.publish_plan(key_plan);
    REQUIRE(!disagree.ok());
    CHECK(disagree.error().field == "catalogue");
    CHECK(disagree.error().message.find("POLL-99") != std::string::npos);

    // The list without any key rule: the planner cannot make one up.
    poll.erase("draw_rules");
    other.erase("draw_rules");
    REQUIRE(reference.import_catalogue(json::array({poll, other})).ok());
    const auto none = draws.publish_plan(key_plan);
    REQUIRE(!none.ok());
    CHECK(none.error().field == "strata[0].category");
    // Joint-list rules sit on their own items and still apply.
    CHECK(draws
              .publish_plan(quarter_plan(
                  "P-R2", detachment, 1,
                  json::array({test_stratum("sewage_plants", std::nullopt, "onsite", {"JL-69"})})))
              .ok());
}

TEST_CASE("too few targets not yet drawn: all of them drawn, the rest of k from the others") {
    TestServer ts; // the demo drew three of the 45 special targets for Q4
    auto& draws = ts.server().draws();
    const json p = quarter_plan("P-SP", "市市场监管局", 4,
                                json::array({test_stratum("special", 45, "offsite", {"ECO-01"})}));
    const fi::DrawRecord d = publish_and_draw(draws, p);
    REQUIRE(d.strata.size() == 2);
    CHECK(d.strata[0].category == "special");
    CHECK(d.strata[0].candidates.size() == 42);
    CHECK(d.strata[0].k == 42);
    CHECK(d.strata[1].category == "special");
    std::vector<std::string> demo_picks; // the demo's special picks, in id order
    const json preview = demo_file("draw-preview.json");
    for (const json& a : preview["assignments"])
        if (a["category"] == "special")
            demo_picks.push_back(a["target_id"]);
    std::sort(demo_picks.begin(), demo_picks.end());
    CHECK(d.strata[1].candidates == demo_picks);
    CHECK(d.strata[1].k == 3);
    CHECK(d.selected.size() == 45);
}

TEST_CASE("admin coverage: the year's figure per unit and stratum, and key targets not drawn") {
    TempDir dir;
    const auto data = dir / "data";
    const auto admin = [&](std::vector<std::string> args) {
        std::istringstream in;
        std::ostringstream out;
        std::ostringstream err;
        args.insert(args.begin(), {"--data", data.string()});
        const int code = fi::server::AdminCli(in, out, err).run(args);
        return std::tuple{code, out.str(), err.str()};
    };
    REQUIRE(std::get<0>(admin({"load-demo", "--assets", FI_ASSETS_DIR, "--kdf-memory-kib", "8"})) ==
            0);
    const auto [code, out, err] = admin({"coverage", "--year", "2026"});
    REQUIRE_MESSAGE(code == 0, err);
    CHECK(out.find("市生态环境综合执法支队\n") != std::string::npos);
    CHECK_MESSAGE(out.find("  key: drawn 8 of 75, year 15–30 (below), by quarter Q1 0 Q2 0 Q3 0 "
                           "Q4 8; 5–10 % a quarter") != std::string::npos,
                  out);
    CHECK(out.find("  general: drawn 9 of 180, year 36–180 (below)") != std::string::npos);
    CHECK(out.find("  special: drawn 3 of 45, no yearly figure") != std::string::npos);
    CHECK(out.find("key targets drawn this year: 8 of 75; not yet drawn: 67\n") !=
          std::string::npos);
    const json preview = demo_file("draw-preview.json");
    const std::string drawn = preview["draw"]["selected"][0]; // a key target the demo drew
    CHECK(out.find("  T-00002 ") != std::string::npos);       // a key target not drawn
    CHECK(out.find("  " + drawn + " ") == std::string::npos);
    const auto [none_code, none_out, none_err] = admin({"coverage", "--year", "2025"});
    CHECK(none_code == 0);
    CHECK(none_out.find("key targets drawn this year: 0 of 75") != std::string::npos);
    CHECK(std::get<0>(admin({"coverage", "--year", "twenty"})) == 2);
}
