// Draws (双随机): the demo draw against the generator's preview, every draw recomputed by core's
// verifier, the regime's quotas, exclusion, conflicts, joint assignments, commit-reveal, and
// re-draws over HTTP.
#include "core/date.h"
#include "core/draw.h"
#include "core/drawcommitment.h"
#include "core/modeljson.h"
#include "core/sha256.h"
#include "server/drawquota.h"
#include "server/drawrule.h"
#include "server/drawservice.h"
#include "server/planspec.h"
#include "server/planstore.h"
#include "server/referencedatastore.h"
#include "server/referenceservice.h"
#include "serverfixture.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <doctest/doctest.h>
#include <regex>
#include <set>

using namespace fi::test;
using fi::server::DrawQuota;
using fi::server::PlanSpec;

namespace {

fi::DrawRecord draw_record(fi::server::Server& s, const std::string& id) {
    auto j = s.draws().draw_json(id);
    REQUIRE(j.ok());
    auto d = fi::decode_draw(*j);
    REQUIRE(d.ok());
    return *d;
}

std::vector<std::string> drawn_team(const json& assignment) {
    std::vector<std::string> out;
    for (const json& m : assignment["team"])
        if (m["role"] != "expert")
            out.push_back(m["inspector_id"]);
    return out;
}

} // namespace

TEST_CASE("the demo draw is the one assets/demo/draw-preview.json simulates") {
    TestServer ts;
    const json preview = demo_file("draw-preview.json");
    const json& want = preview["draw"];
    Http http(ts.port(), sign_in(ts.port(), "leader1"));
    const Answer a = http.get("/draws/D-2026Q4-01");
    REQUIRE(a.status == 200);
    const json got = a.json_body();
    for (const char* field : {"id", "plan_id", "algorithm", "seed", "seed_commitment", "selected",
                              "teams", "inspector_pool", "team_size", "conflicts"})
        CHECK_MESSAGE(got[field] == want[field], field);
    REQUIRE(got["strata"].size() == want["strata"].size());
    for (std::size_t i = 0; i < want["strata"].size(); ++i) {
        CHECK(got["strata"][i]["category"] == want["strata"][i]["category"]);
        CHECK(got["strata"][i]["k"] == want["strata"][i]["k"]);
        auto g = got["strata"][i]["candidates"].get<std::vector<std::string>>();
        auto w = want["strata"][i]["candidates"].get<std::vector<std::string>>();
        std::sort(w.begin(), w.end());
        CHECK(g == w);
    }
    CHECK(got["excluded"].empty());
    CHECK(got["published_at"] == "2026-09-28T10:00:00.000+08:00");
    CHECK(got["drawn_at"].is_string());

    // The assignments, numbered in draw order, as the preview lays them out.
    auto rows = ts.server().plan_store().assignments_of_plan("P-2026-Q4");
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == preview["assignments"].size());
    for (std::size_t i = 0; i < rows->size(); ++i) {
        const json& p = preview["assignments"][i];
        char id[32];
        std::snprintf(id, sizeof id, "A-2026Q4-%04zu", i + 1);
        const auto& row = (*rows)[i];
        CHECK(row.id == id);
        const json body = json::parse(row.body);
        CHECK(body["target"]["id"] == p["target_id"]);
        CHECK(body["target"]["name"] == p["name"]);
        CHECK(body["mode"] == p["mode"]);
        CHECK(body["item_ids"] == p["item_ids"]);
        CHECK(body["joint_departments"] == p["joint_departments"]);
        CHECK(body["team"] == p["team"]);
        CHECK(body["draw_id"] == "D-2026Q4-01");
        CHECK(body["window"] == json{{"from", "2026-10-01"}, {"to", "2026-12-31"}});
        CHECK(body["plan"]["id"] == "P-2026-Q4");
        CHECK(!body["target"].contains("joint_list"));
    }
}

TEST_CASE("core's verifier recomputes the published draw and every assignment's team") {
    TestServer ts;
    Http http(ts.port(), sign_in(ts.port(), "leader1"));
    const auto draw = fi::decode_draw(http.get("/draws/D-2026Q4-01").json_body());
    REQUIRE(draw.ok());
    const auto plan = fi::decode_plan_publication(http.get("/plans/P-2026-Q4").json_body());
    REQUIRE(plan.ok());
    const fi::DrawVerification whole = fi::verify_plan_draw(*plan, *draw);
    CHECK_MESSAGE(whole.verified(), whole.message);
    for (const json& a : assignments_of(http)) {
        const auto team = drawn_team(a);
        const auto v =
            fi::verify_assignment_team(*draw, whole, a["target"]["id"].get<std::string>(), team);
        CHECK_MESSAGE(v.verified(), v.message);
    }
    // The verifier is not a rubber stamp: a swapped member is caught.
    fi::DrawRecord tampered = *draw;
    std::swap(tampered.teams.begin()->second[0], tampered.teams.begin()->second[1]);
    CHECK(!fi::verify_plan_draw(*plan, tampered).verified());
    CHECK(http.get("/draws/D-NOPE").status == 404);
    CHECK(http.get("/draws/D-NOPE").code() == "not_found");
}

TEST_CASE("v1.1 publication: the commitment is public at once, the draw waits for every party") {
    TestServer ts;
    auto& draws = ts.server().draws();
    const json p =
        test_plan("P-T1", "市生态环境综合执法支队",
                  json::array({test_stratum("general", std::nullopt, "onsite", {"POLL-01"})}));
    const auto published = draws.publish_plan(p);
    REQUIRE(published.ok());
    Http http(ts.port(), sign_in(ts.port(), "inspector1"));
    // GET /plans/{id}: the commitment, for every signed-in user, before any seed is known.
    const Answer shown = http.get("/plans/P-T1");
    REQUIRE(shown.status == 200);
    const auto publication = fi::decode_plan_publication(shown.json_body());
    REQUIRE(publication.ok());
    CHECK(shown.json_body()["commitment"] == published->commitment);
    CHECK(publication->commitment.parties.size() == 2);
    CHECK(publication->commitment.draw_id == "D-P-T1");
    CHECK(fi::is_lower_hex(publication->commitment.redraw_chain_tip));
    CHECK(publication->withdrawn.empty());
    CHECK(http.get("/plans/P-NOPE").status == 404);
    CHECK(http.get("/draws/D-P-T1").status == 404);

    // No draw until every party revealed; a seed that does not match is refused.
    const auto early = draws.run_draw("P-T1");
    REQUIRE(!early.ok());
    CHECK(early.error().message.find(party_names[0]) != std::string::npos);
    const auto wrong = draws.reveal_seed("P-T1", party_names[0], party_seed("P-T1", 1));
    REQUIRE(!wrong.ok());
    CHECK(wrong.error().field == "seed");
    CHECK(!draws.reveal_seed("P-T1", "规划科", party_seed("P-T1", 0)).ok());
    const auto one = draws.reveal_seed("P-T1", party_names[0], party_seed("P-T1", 0));
    REQUIRE(one.ok());
    CHECK(one->waiting_for == std::vector<std::string>{party_names[1]});
    CHECK(!draws.run_draw("P-T1").ok());

    REQUIRE(reveal_and_draw(draws, "P-T1").ok());
    const json drawn = http.get("/draws/D-P-T1").json_body();
    CHECK(drawn["algorithm"] == "sha256-ctr-fy-v2");
    CHECK(drawn["plan_commitment"] == published->commitment);
    CHECK(drawn["parties"][1]["seed"] == party_seed("P-T1", 1));
    const auto draw = fi::decode_draw(drawn);
    REQUIRE(draw.ok());
    const fi::DrawVerification v = fi::verify_plan_draw(*publication, *draw);
    CHECK_MESSAGE(v.verified(), v.message);
    // A draw runs once.
    CHECK(!draws.run_draw("P-T1").ok());
    // Two plans get different seeds.
    CHECK(drawn["seed"] != http.get("/draws/D-2026Q4-01").json_body()["seed"]);
}

TEST_CASE("v1.1: a planner cannot choose the seed, and late imports do not change a draw") {
    TestServer ts;
    auto& draws = ts.server().draws();
    const json strata = json::array({test_stratum("general", std::nullopt, "onsite", {"POLL-01"})});
    auto refused = [&](json p, const std::string& field) {
        const auto r = draws.publish_plan(p);
        REQUIRE(!r.ok());
        CHECK(r.error().field == field);
    };
    json p = test_plan("P-ONE", "市生态环境综合执法支队", strata);
    p["draw"]["parties"].erase(1);
    refused(p, "draw.parties"); // fewer than two parties
    p = test_plan("P-ONE", "市生态环境综合执法支队", strata);
    p["draw"]["parties"][1]["name"] = "市生态环境综合执法支队";
    refused(p, "draw.parties[1].name"); // the planning office is no party
    p = test_plan("P-ONE", "市生态环境综合执法支队", strata);
    p["draw"]["seed"] = party_seed("P-ONE", 0);
    refused(p, "draw.seed"); // the planner gives no seed
    p = test_plan("P-ONE", "市生态环境综合执法支队", strata);
    p["draw"]["parties"][0]["seed_commitment"] = "XYZ";
    refused(p, "draw.parties[0].seed_commitment");

    // Published, then a target imported and a conflict registered: the draw runs on the lists
    // frozen at publication (their hashes in the commitment), so its result is unchanged.
    const json frozen_plan = test_plan("P-F", "市生态环境综合执法支队", strata);
    REQUIRE(draws.publish_plan(frozen_plan).ok());
    const auto before = fi::decode_plan_publication(*draws.plan_json("P-F"));
    json target = json::parse(ts.server().reference_data_store().targets()->front());
    target["id"] = "T-09999";
    target["category"] = "general";
    REQUIRE(ts.server().reference().import_targets(json::array({target})).ok());
    REQUIRE(ts.server().reference_data_store().add_conflict("T-00010", "I-022", "亲属").ok());
    const auto result = reveal_and_draw(draws, "P-F");
    REQUIRE(result.ok());
    for (const fi::DrawStratum& s : result->draw.strata)
        CHECK(std::find(s.candidates.begin(), s.candidates.end(), "T-09999") == s.candidates.end());
    CHECK(*fi::strata_sha256(result->draw.strata) == before->commitment.strata_sha256);
    CHECK(*fi::conflicts_sha256(result->draw.conflicts) == before->commitment.conflicts_sha256);
    CHECK(fi::verify_plan_draw(*before, result->draw).verified());
    // A later plan takes the import (with its own k: the demo's 9 met the quarter's minimum).
    REQUIRE(draws
                .publish_plan(
                    test_plan("P-G", "市生态环境综合执法支队",
                              json::array({test_stratum("general", 9, "onsite", {"POLL-01"})})))
                .ok());
    const auto later = reveal_and_draw(draws, "P-G");
    REQUIRE(later.ok());
    CHECK(std::find(later->draw.strata[0].candidates.begin(),
                    later->draw.strata[0].candidates.end(),
                    "T-09999") != later->draw.strata[0].candidates.end());
}

TEST_CASE("quotas follow the regime's ratios per quarter and level") {
    auto spec = PlanSpec::decode(
        test_plan("P-Q", "市生态环境综合执法支队",
                  json::array({test_stratum("key", std::nullopt, "onsite", {"POLL-01"})})));
    REQUIRE(spec.ok());
    // The rules are the item list's (the demo catalogue's draw_rules); no draws before.
    std::vector<fi::server::DrawRule> rules;
    for (const json& item : demo_catalogue()) {
        auto r = fi::server::decode_draw_rules(item);
        REQUIRE(r.ok());
        rules.insert(rules.end(), r->begin(), r->end());
    }
    const auto for_stratum = [&](const fi::server::PlanStratum& s, std::int64_t n,
                                 std::int64_t staff) {
        const auto rule = fi::server::rule_for(rules, s.category, spec->level);
        REQUIRE(rule.ok());
        REQUIRE(rule->has_value());
        return DrawQuota::for_stratum(**rule, *spec, n, staff, {});
    };
    const auto& key = spec->strata[0];
    const DrawQuota city = for_stratum(key, 75, 12);
    CHECK(city.min == 4); // ⌈75 × 5 %⌉
    CHECK(city.max == 8); // ⌈75 × 10 %⌉
    CHECK(city.preferred == 8);

    spec->level = fi::server::UnitLevel::branch;
    const DrawQuota branch = for_stratum(key, 21, 5);
    CHECK(branch.min == 3); // ⌈21 × 10 %⌉
    CHECK(branch.max == 5); // ⌈21 × 20 %⌉

    fi::server::PlanStratum general = key;
    general.category = "general";
    CHECK(for_stratum(general, 41, 5).min == 7); // 5 × 5 / 4 quarters
    spec->level = fi::server::UnitLevel::city;
    CHECK(for_stratum(general, 180, 12).min == 9); // 12 × 3 / 4
    spec->window_from = *fi::Date::parse("2026-01-01");
    CHECK(spec->quarters() == 4);
    CHECK(for_stratum(general, 180, 12).min == 36); // a whole year
    fi::server::PlanStratum sellers = key;
    sellers.category = "vehicle_sellers";
    CHECK(for_stratum(sellers, 10, 12).min == 5);
    CHECK(for_stratum(sellers, 10, 12).max == 10);
    fi::server::PlanStratum sewage = key;
    sewage.category = "sewage_plants";
    CHECK(for_stratum(sewage, 5, 12).min == 1); // 20 % of 5
    fi::server::PlanStratum ods = key;
    ods.category = "ods";
    CHECK(for_stratum(ods, 15, 12).max == 1); // 3 % of 15: at least one

    // Enforced at publication, when the lists freeze: a k outside the range is refused, an
    // absent one gets the default. The demo drew this quarter's 8 key targets already, so the
    // detachment may draw no more (test_quota.cpp has the year).
    TestServer ts;
    const auto refused = ts.server().draws().publish_plan(
        test_plan("P-K", "市生态环境综合执法支队",
                  json::array({test_stratum("key", 12, "onsite", {"POLL-01"})})));
    REQUIRE(!refused.ok());
    CHECK(refused.error().field == "strata[0].k");
    CHECK(refused.error().message.find("0–0") != std::string::npos);
    CHECK(!ts.server()
               .draws()
               .publish_plan(test_plan(
                   "P-S", "市生态环境综合执法支队",
                   json::array({test_stratum("special", std::nullopt, "offsite", {"POLL-01"})})))
               .ok()); // special targets need an explicit k
}

TEST_CASE("plans are refused when the regime forbids them") {
    TestServer ts;
    auto& draws = ts.server().draws();
    auto refused = [&](const json& p, const std::string& field) {
        const auto r = draws.publish_plan(p);
        REQUIRE(!r.ok());
        CHECK(r.error().field == field);
    };
    json p = test_plan("P-X", "市生态环境综合执法支队",
                       json::array({test_stratum("key", 8, "onsite", {"NOPE-1"})}));
    refused(p, "strata[0].item_ids"); // 无事项清单不检查
    p = test_plan("P-X", "市生态环境综合执法支队",
                  json::array({test_stratum("special", 3, "onsite", {"POLL-01"})}));
    refused(p, "strata[0].mode"); // special targets off site
    p = test_plan("P-X", "市生态环境综合执法支队",
                  json::array({test_stratum("key", 8, "onsite", {"POLL-01"})}));
    p["draw"]["team_size"] = 1;
    refused(p, "draw.team_size"); // two certified officers
    p = test_plan("P-X", "市生态环境综合执法支队",
                  json::array({test_stratum("key", 8, "onsite", {"POLL-01"})}));
    p["strata"][0]["expert_ids"] = json::array({"I-001"});
    refused(p, "strata[0].expert_ids"); // experts come from third parties
    p = test_plan("P-2026-Q4", "市生态环境综合执法支队",
                  json::array({test_stratum("key", 8, "onsite", {"POLL-01"})}));
    refused(p, "id"); // published already
    p = test_plan("P-X", "市生态环境综合执法支队",
                  json::array({test_stratum("key", 8, "onsite", {"POLL-01"})}));
    p["draw"]["seed"] = std::string(64, 'a');
    refused(p, "draw.seed"); // interface 1.1: no planner's seed
}

TEST_CASE("conflicts of interest (回避) keep an inspector off a target's team") {
    TestServer ts;
    auto& reference = ts.server().reference_data_store();
    auto targets = reference.targets();
    REQUIRE(targets.ok());
    std::vector<std::string> general;
    for (const std::string& body : *targets) {
        const json t = json::parse(body);
        if (t["category"] == "general") {
            general.push_back(t["id"]);
            REQUIRE(reference.add_conflict(t["id"].get<std::string>(), "I-003", "亲属关系").ok());
        }
    }
    REQUIRE(ts.server()
                .draws()
                .publish_plan(
                    test_plan("P-C", "市生态环境综合执法支队",
                              json::array({test_stratum("general", 36, "onsite", {"POLL-01"})})))
                .ok());
    const auto result = reveal_and_draw(ts.server().draws(), "P-C");
    REQUIRE(result.ok());
    CHECK(fi::verify_plan_draw(*fi::decode_plan_publication(*ts.server().draws().plan_json("P-C")),
                               result->draw)
              .verified());
    CHECK(result->draw.selected.size() == 36);
    for (const auto& [target, team] : result->draw.teams) {
        CHECK(std::find(team.begin(), team.end(), "I-003") == team.end());
        CHECK(result->draw.conflicts.at(target) == std::vector<std::string>{"I-003"});
    }
    // Every team: two certificate holders, no expert, no trainee drawn.
    for (const auto& [target, team] : result->draw.teams) {
        CHECK(team.size() == 2);
        for (const std::string& i : team) {
            const bool certified_staff = i != "I-012" && i != "I-021" && !i.starts_with("X-");
            CHECK(certified_staff);
        }
    }
}

TEST_CASE("targets a higher level inspected this year without a problem may be excluded") {
    TestServer ts;
    auto& reference = ts.server().reference_data_store();
    // Province checked two key targets of 华容区: one fine, one with a problem.
    std::vector<std::string> hr_key;
    const auto targets = reference.targets();
    REQUIRE(targets.ok());
    for (const std::string& body : *targets) {
        const json t = json::parse(body);
        if (t["category"] == "key" && t["district"] == "华容区")
            hr_key.push_back(t["id"]);
    }
    REQUIRE(hr_key.size() == 12);
    // The one the demo plan drew, which the prior checks below leave alone.
    std::string demo_drawn;
    const json preview = demo_file("draw-preview.json");
    for (const json& id : preview["draw"]["selected"])
        if (std::find(hr_key.begin(), hr_key.end(), id.get<std::string>()) != hr_key.end())
            demo_drawn = id;
    REQUIRE(std::find(hr_key.begin(), hr_key.begin() + 4, demo_drawn) == hr_key.begin() + 4);
    REQUIRE(reference
                .put_prior_check(
                    {hr_key[0], 2026, "province", "省生态环境厅", "no_problem", "2026-05-10"})
                .ok());
    REQUIRE(reference
                .put_prior_check(
                    {hr_key[1], 2026, "province", "省生态环境厅", "case_opened", "2026-05-11"})
                .ok());
    REQUIRE(reference
                .put_prior_check(
                    {hr_key[2], 2025, "province", "省生态环境厅", "no_problem", "2025-05-11"})
                .ok());
    REQUIRE(
        reference
            .put_prior_check({hr_key[3], 2026, "branch", "华容分局", "no_problem", "2026-05-11"})
            .ok());

    json p = test_plan("P-HR", "华容分局",
                       json::array({test_stratum("key", std::nullopt, "onsite", {"POLL-01"})}));
    p["districts"] = json::array({"华容区"});
    p["exclude_inspected_by_higher_level"] = true;
    REQUIRE(ts.server().draws().publish_plan(p).ok());
    const auto result = reveal_and_draw(ts.server().draws(), "P-HR");
    REQUIRE(result.ok());
    const auto& d = result->draw;
    // A target the demo drew this year (if it drew one here) is left out too: targets nobody
    // drew come first.
    json expected =
        json::array({{{"target_id", hr_key[0]}, {"reason", "inspected_by_higher_level"}}});
    if (!demo_drawn.empty())
        expected.push_back({{"target_id", demo_drawn}, {"reason", "drawn_this_year"}});
    REQUIRE(d.excluded.size() == expected.size());
    CHECK(d.excluded[0].target_id == hr_key[0]);
    CHECK(d.excluded[0].reason == "inspected_by_higher_level");
    const auto& candidates = d.strata[0].candidates;
    CHECK(candidates.size() == 11 - (demo_drawn.empty() ? 0 : 1));
    CHECK(std::find(candidates.begin(), candidates.end(), hr_key[0]) == candidates.end());
    // Branch ratio: 10–20 % of the 12 key targets, default the upper end.
    CHECK(d.strata[0].k == 3);
    CHECK(
        Http(ts.port(), sign_in(ts.port(), "admin")).get("/draws/D-P-HR").json_body()["excluded"] ==
        expected);
}

TEST_CASE(
    "a target drawn again by another department for the same period becomes one joint assignment") {
    TestServer ts;
    // 市市场监管局 draws every special target (k = all 45) for November: the three the demo
    // drew for Q4 are already assigned, so they become joint visits.
    REQUIRE(ts.server()
                .draws()
                .publish_plan(
                    test_plan("P-J", "市市场监管局",
                              json::array({test_stratum("special", 45, "offsite", {"ECO-01"})}),
                              "2026-11-01", "2026-11-30"))
                .ok());
    const auto result = reveal_and_draw(ts.server().draws(), "P-J");
    REQUIRE(result.ok());
    CHECK(result->joined.size() == 3);
    CHECK(result->created.size() == 42);
    std::set<std::string> numbers(result->created.begin(), result->created.end());
    CHECK(numbers.contains("A-2026Q4-0021")); // numbering continues within the quarter
    for (const std::string& id : result->joined) {
        const auto row = ts.server().plan_store().find_assignment(id);
        REQUIRE(row.ok());
        const json a = json::parse((*row)->body);
        CHECK(a["revision"] == 2);
        CHECK(a["status"] == "active");
        CHECK(a["item_ids"] == json::array({"POLL-01", "ECO-01"}));
        CHECK(a["joint_departments"] == json::array({"市市场监管局"}));
        CHECK(a["plan"]["id"] == "P-2026-Q4"); // the visit keeps its draw and team
        CHECK(a["draw_id"] == "D-2026Q4-01");
        CHECK(fi::decode_assignment(a).ok());
    }
}

TEST_CASE("POST /assignments/{id}/redraw: a new draw of one target, the old assignment revoked") {
    TestServer ts;
    Http leader(ts.port(), sign_in(ts.port(), "leader1"));
    const json old = led_assignment(leader, "I-022");
    const std::string member = old["team"][1]["inspector_id"];
    const Answer a = leader.post("/assignments/" + old["id"].get<std::string>() + "/redraw",
                                 json{{"reason", "conflict"},
                                      {"note", "检查人员与企业负责人存在亲属关系"},
                                      {"exclude_inspector_ids", {member}}});
    REQUIRE(a.status == 201);
    const json body = a.json_body();
    const json& revoked = body["revoked"];
    CHECK(revoked["id"] == old["id"]);
    CHECK(revoked["revision"] == old["revision"].get<int>() + 1);
    CHECK(revoked["status"] == "revoked");
    CHECK(revoked["team"] == old["team"]);
    const json& fresh = body["assignment"];
    CHECK(fresh["id"] != old["id"]);
    CHECK(std::regex_match(fresh["id"].get<std::string>(), std::regex("A-2026Q4-\\d{4}")));
    CHECK(fresh["revision"] == 1);
    CHECK(fresh["status"] == "active");
    CHECK(fresh["target"] == old["target"]);
    CHECK(fresh["item_ids"] == old["item_ids"]);
    const auto team = drawn_team(fresh);
    CHECK(team.size() == 2);
    CHECK(std::find(team.begin(), team.end(), member) == team.end());
    // Experts are the plan's, not drawn: they stay.
    CHECK(fresh["team"].size() == old["team"].size());
    CHECK(fresh["team"].back() == old["team"].back());

    const auto draw = fi::decode_draw(body["draw"]);
    REQUIRE(draw.ok());
    CHECK(draw->id == fresh["draw_id"]);
    CHECK(draw->id == "D-2026Q4-01-R1");
    CHECK(draw->algorithm == "sha256-ctr-fy-v2-redraw");
    CHECK(draw->redraw_index == 1);
    REQUIRE(draw->strata.size() == 1);
    CHECK(draw->strata[0].candidates == std::vector<std::string>{old["target"]["id"]});
    CHECK(draw->strata[0].k == 1);
    CHECK(draw->conflicts.at(old["target"]["id"]) == std::vector<std::string>{member});
    CHECK(draw->inspector_pool == draw_record(ts.server(), "D-2026Q4-01").inspector_pool);
    CHECK(leader.get("/draws/" + fresh["draw_id"].get<std::string>()).json_body() == body["draw"]);

    // The public log holds it as entry 1, and the tablet's verifier accepts the whole chain.
    const Answer log_page = leader.get("/plans/P-2026-Q4/redraws");
    REQUIRE(log_page.status == 200);
    REQUIRE(log_page.json_body()["items"].size() == 1);
    const json entry = log_page.json_body()["items"][0];
    CHECK(entry["index"] == 1);
    CHECK(entry["assignment_id"] == old["id"]);
    CHECK(entry["new_assignment_id"] == fresh["id"]);
    CHECK(entry["reason"] == "conflict");
    CHECK(entry["note"] == "检查人员与企业负责人存在亲属关系");
    CHECK(entry["excluded"] == json::array({member}));
    CHECK(entry["by"] == "I-022");
    CHECK(entry["link"] == draw->redraw_link);
    const auto publication =
        fi::decode_plan_publication(leader.get("/plans/P-2026-Q4").json_body());
    REQUIRE(publication.ok());
    const fi::DrawRecord plan_draw = draw_record(ts.server(), "D-2026Q4-01");
    const std::vector<fi::RedrawLogEntry> log = {*fi::decode_redraw_log_entry(entry)};
    const auto created = fi::decode_assignment(fresh);
    REQUIRE(created.ok());
    const fi::DrawVerification v =
        fi::verify_redraw({*publication, plan_draw, log, nullptr, &*created}, *draw);
    CHECK_MESSAGE(v.verified(), v.message);
    // A conflict exclusion joins the target's register for later plans.
    CHECK(ts.server().reference_data_store().conflicts()->at(old["target"]["id"]) ==
          std::vector<std::string>{member});

    // The old team sees the revoked revision; the new team sees the new assignment.
    bool saw_revoked = false;
    for (const json& x : assignments_of(leader))
        if (x["id"] == old["id"])
            saw_revoked = x["status"] == "revoked" && x["revision"] == revoked["revision"];
    CHECK(saw_revoked);

    // Revoked once: asking again is 409 revoked.
    const Answer again = leader.post("/assignments/" + old["id"].get<std::string>() + "/redraw",
                                     json{{"reason", "absence"}});
    CHECK(again.status == 409);
    CHECK(again.code() == "revoked");
}

TEST_CASE("re-draw errors: 403 not_team_leader, 404, 422") {
    TestServer ts;
    Http member(ts.port(), sign_in(ts.port(), "inspector1"));
    // inspector1 (I-002) is a member on teams led by others.
    std::string led_by_other;
    for (const json& a : assignments_of(member))
        if (a["team"][0]["inspector_id"] != "I-002")
            led_by_other = a["id"];
    REQUIRE(!led_by_other.empty());
    const Answer not_leader =
        member.post("/assignments/" + led_by_other + "/redraw", json{{"reason", "absence"}});
    CHECK(not_leader.status == 403);
    CHECK(not_leader.code() == "not_team_leader");

    Http leader(ts.port(), sign_in(ts.port(), "leader1"));
    const std::string mine = led_assignment(leader, "I-022")["id"];
    CHECK(leader.post("/assignments/A-2026Q4-9999/redraw", json{{"reason", "absence"}}).status ==
          404);
    const Answer bad_reason =
        leader.post("/assignments/" + mine + "/redraw", json{{"reason", "bored"}});
    CHECK(bad_reason.status == 422);
    CHECK(bad_reason.json_body()["error"]["field"] == "reason");
    // A leader aiming the re-draw: excluding anyone but the drawn members is refused.
    const fi::DrawRecord d = draw_record(ts.server(), "D-2026Q4-01");
    const Answer aimed =
        leader.post("/assignments/" + mine + "/redraw",
                    json{{"reason", "conflict"}, {"exclude_inspector_ids", d.inspector_pool}});
    CHECK(aimed.status == 422);
    CHECK(aimed.code() == "exclude_not_on_team");
    CHECK(aimed.json_body()["error"]["field"] == "exclude_inspector_ids");
    const Answer expert =
        leader.post("/assignments/" + mine + "/redraw",
                    json{{"reason", "absence"}, {"exclude_inspector_ids", {"X-201"}}});
    CHECK(expert.code() == "exclude_not_on_team");
    // `other` needs a note saying what.
    for (const json& note : {json(nullptr), json(""), json("  　")}) {
        const Answer silent = leader.post("/assignments/" + mine + "/redraw",
                                          json{{"reason", "other"}, {"note", note}});
        CHECK(silent.status == 422);
        CHECK(silent.code() == "note_required");
    }
    // Nothing changed by the refusals: no log entry, no link used.
    CHECK(json::parse((*ts.server().plan_store().find_assignment(mine))->body)["status"] ==
          "active");
    CHECK(leader.get("/plans/P-2026-Q4/redraws").json_body()["items"].empty());
}

TEST_CASE("re-draws take the chain's links in order: no re-roll, a logged count per leader") {
    TestServer ts;
    auto& draws = ts.server().draws();
    // A unit with three certified officers: one re-draw can still fill a team, a second that
    // excludes both members cannot.
    json p = test_plan("P-R", "华容分局",
                       json::array({test_stratum("general", 5, "onsite", {"POLL-01"})}));
    p["inspector_units"] = json::array({"华容分局"});
    p["draw"]["redraw_chain_length"] = 2;
    const auto published = draws.publish_plan(p);
    REQUIRE_MESSAGE(published.ok(), published.error().message);
    const auto drawn = reveal_and_draw(draws, "P-R");
    REQUIRE(drawn.ok());
    REQUIRE(drawn->created.size() >= 2); // some may join assignments of the demo plan
    const auto leader_of = [&](const std::string& id) {
        const json a = json::parse((*ts.server().plan_store().find_assignment(id))->body);
        fi::server::Caller c;
        c.inspector_id = a["team"][0]["inspector_id"].get<std::string>();
        return std::pair{c, a};
    };

    auto [c1, a1] = leader_of(drawn->created[0]);
    const auto first =
        draws.redraw(c1, a1["id"].get<std::string>(),
                     json{{"reason", "absence"},
                          {"note", "病假"},
                          {"exclude_inspector_ids", {a1["team"][1]["inspector_id"]}}});
    REQUIRE(first.ok());
    CHECK((*first)["draw"]["redraw_index"] == 1);

    // Too few left: 409 no_eligible_team, and the link is not used up.
    auto [c2, a2] = leader_of(drawn->created[1]);
    const json both = json::array({a2["team"][0]["inspector_id"], a2["team"][1]["inspector_id"]});
    const auto none = draws.redraw(c2, a2["id"].get<std::string>(),
                                   json{{"reason", "conflict"}, {"exclude_inspector_ids", both}});
    REQUIRE(!none.ok());
    CHECK(none.error().code == "no_eligible_team");

    // The re-drawn assignment asked again is 409 revoked; its successor's re-draw is entry 2.
    CHECK(draws.redraw(c1, a1["id"].get<std::string>(), json{{"reason", "absence"}}).error().code ==
          "revoked");
    auto [c3, a3] = leader_of((*first)["assignment"]["id"].get<std::string>());
    const auto second = draws.redraw(c3, a3["id"].get<std::string>(), json{{"reason", "absence"}});
    REQUIRE(second.ok());
    CHECK((*second)["draw"]["id"] == "D-P-R-R2");
    CHECK((*second)["draw"]["redraw_link"] != (*first)["draw"]["redraw_link"]);
    // Each link hashes to the one before: r_2 → r_1.
    CHECK(*fi::previous_link((*second)["draw"]["redraw_link"].get<std::string>()) ==
          (*first)["draw"]["redraw_link"]);

    // The chain of two is used up.
    auto [c4, a4] = leader_of((*second)["assignment"]["id"].get<std::string>());
    const auto third = draws.redraw(c4, a4["id"].get<std::string>(), json{{"reason", "absence"}});
    REQUIRE(!third.ok());
    CHECK(third.error().code == "redraw_chain_exhausted");

    const auto log = ts.server().plan_store().redraw_log("P-R");
    REQUIRE(log.ok());
    CHECK(log->size() == 2);
    const auto counts = ts.server().plan_store().redraw_counts();
    REQUIRE(counts.ok());
    std::int64_t total = 0;
    for (const auto& [who, n] : *counts)
        total += n;
    CHECK(total == 2);
}
