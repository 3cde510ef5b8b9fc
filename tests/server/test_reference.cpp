// Conformance of the reference-data endpoints (central-api.md "Reference data (pull)"):
// pages, opaque cursors, limit, tombstones, and items the client's own decoders accept.
#include "core/modeljson.h"
#include "core/workcalendar.h"
#include "server/referenceservice.h"
#include "serverfixture.h"

#include <doctest/doctest.h>
#include <set>

using namespace fi::test;

namespace {

/// Every page of a list from `since`; the last cursor.
std::pair<std::vector<json>, std::string> pull(const Http& http, const std::string& path, int limit,
                                               std::string since = {}) {
    std::vector<json> items;
    for (int guard = 0; guard < 1000; ++guard) {
        const Answer a = http.get(path + "?limit=" + std::to_string(limit) +
                                  (since.empty() ? "" : "&since=" + since));
        REQUIRE(a.status == 200);
        const json page = a.json_body();
        REQUIRE(page["items"].is_array());
        REQUIRE(page["has_more"].is_boolean());
        REQUIRE(page["next_cursor"].is_string());
        CHECK(page["items"].size() <= static_cast<std::size_t>(limit));
        for (const json& item : page["items"])
            items.push_back(item);
        since = page["next_cursor"].get<std::string>();
        if (!page["has_more"].get<bool>())
            break;
    }
    return {items, since};
}

} // namespace

TEST_CASE("GET /catalogue pages through every item, which the client's decoder accepts") {
    TestServer ts;
    Http http(ts.port(), sign_in(ts.port(), "inspector1"));
    auto [items, cursor] = pull(http, "/catalogue", 7);
    CHECK(items.size() == demo_catalogue().size());
    std::set<std::string> ids;
    for (const json& item : items)
        ids.insert(item["id"].get<std::string>());
    CHECK(ids.size() == items.size()); // no duplicates across pages
    const json first = http.get("/catalogue?limit=500").json_body();
    const auto page = fi::decode_catalogue_page(first);
    REQUIRE(page.ok());
    CHECK(page->rejected.empty());
    CHECK(page->items.size() == demo_catalogue().size());
    CHECK(!page->has_more);

    // Nothing new since the last cursor.
    const json again = http.get("/catalogue?since=" + cursor).json_body();
    CHECK(again["items"].empty());
    CHECK(again["has_more"] == false);
    CHECK(again["next_cursor"] == cursor);
}

TEST_CASE("a removed item comes as a tombstone after the cursor, changed items again") {
    TestServer ts;
    Http http(ts.port(), sign_in(ts.port(), "inspector1"));
    auto [items, cursor] = pull(http, "/catalogue", 100);
    REQUIRE(ts.server().reference().remove(fi::server::Feed::catalogue, "CARB-01").ok());
    json changed = demo_catalogue()[0];
    changed["version"] = 2;
    REQUIRE(ts.server().reference().import_catalogue(json::array({changed})).ok());

    auto [news, next] = pull(http, "/catalogue", 100, cursor);
    REQUIRE(news.size() == 2);
    CHECK(news[0] == json{{"id", "CARB-01"}, {"deleted", true}});
    CHECK(news[1]["id"] == changed["id"]);
    CHECK(news[1]["version"] == 2);
    const auto page = fi::decode_catalogue_page(
        json{{"items", news}, {"next_cursor", next}, {"has_more", false}});
    REQUIRE(page.ok());
    CHECK(page->deleted_ids == std::vector<std::string>{"CARB-01"});
    // A fresh pull from the beginning holds the tombstone, not the item.
    auto [all, ignored] = pull(http, "/catalogue", 500);
    CHECK(std::count_if(all.begin(), all.end(), [](const json& j) {
              return j["id"] == "CARB-01" && j.contains("deleted");
          }) == 1);
    CHECK(ts.server().reference().remove(fi::server::Feed::catalogue, "CARB-01").error().code ==
          "not_found");
}

TEST_CASE("limit is capped at 500, bad limits and foreign cursors are 422") {
    TestServer ts;
    Http http(ts.port(), sign_in(ts.port(), "inspector1"));
    // 300 targets are not served, but 32 inspectors and 29 items are: use a bigger list by
    // adding inspectors.
    json many = json::array();
    for (int i = 0; i < 620; ++i)
        many.push_back({{"id", "Z-" + std::to_string(1000 + i)},
                        {"name", "临时人员"},
                        {"unit", "市生态环境综合执法支队"},
                        {"cert_no", nullptr},
                        {"position", "协管员"},
                        {"expertise", json::array()},
                        {"third_party", false}});
    REQUIRE(ts.server().reference().import_inspectors(many).ok());
    const json page = http.get("/inspectors?limit=1000").json_body();
    CHECK(page["items"].size() == 500);
    CHECK(page["has_more"] == true);
    CHECK(http.get("/inspectors").json_body()["items"].size() == 100); // the default

    for (const char* bad : {"0", "-1", "ten", "", "5x"}) {
        const Answer a = http.get(std::string("/inspectors?limit=") + bad);
        CHECK(a.status == 422);
        CHECK(a.code() == "invalid");
        CHECK(a.json_body()["error"]["field"] == "limit");
    }
    for (const char* bad : {"12", "c1.", "c1.-4", "c2.3", "c1.9x"}) {
        const Answer a = http.get(std::string("/inspectors?since=") + bad);
        CHECK(a.status == 422);
        CHECK(a.json_body()["error"]["field"] == "since");
    }
}

TEST_CASE("GET /inspectors serves the roster, experts and trainees included") {
    TestServer ts;
    Http http(ts.port(), sign_in(ts.port(), "leader1"));
    const json page = http.get("/inspectors?limit=500").json_body();
    const auto decoded = fi::decode_inspector_page(page);
    REQUIRE(decoded.ok());
    CHECK(decoded->rejected.empty());
    CHECK(decoded->items.size() == demo_file("inspectors.json").size());
    int experts = 0;
    int uncertified = 0;
    for (const auto& i : decoded->items) {
        experts += i.third_party ? 1 : 0;
        uncertified += i.cert_no ? 0 : 1;
    }
    CHECK(experts == 2);
    CHECK(uncertified == 4); // two trainees, two experts
}

TEST_CASE("GET /assignments gives each user their own, in the client's shape") {
    TestServer ts;
    Http leader(ts.port(), sign_in(ts.port(), "leader1"));
    const auto mine = assignments_of(leader);
    const json first = leader.get("/assignments?limit=500").json_body();
    const auto decoded = fi::decode_assignment_page(first);
    REQUIRE(decoded.ok());
    CHECK(decoded->rejected.empty());
    int leads_onsite = 0;
    for (const json& a : mine) {
        bool on_team = false;
        for (const json& m : a["team"])
            on_team = on_team || m["inspector_id"] == "I-022";
        CHECK(on_team);
        if (a["team"][0]["inspector_id"] == "I-022" && a["mode"] == "onsite")
            ++leads_onsite;
    }
    CHECK(leads_onsite >= 2);

    Http member(ts.port(), sign_in(ts.port(), "inspector1"));
    int member_of_others = 0;
    for (const json& a : assignments_of(member)) {
        CHECK(a["status"] == "active");
        if (a["team"][0]["inspector_id"] != "I-002")
            for (const json& m : a["team"])
                member_of_others += m["inspector_id"] == "I-002" && m["role"] == "member";
    }
    CHECK(member_of_others >= 1);

    Http admin(ts.port(), sign_in(ts.port(), "admin"));
    const json none = admin.get("/assignments").json_body();
    CHECK(none["items"].empty());
    CHECK(none["has_more"] == false);
}

TEST_CASE("GET /calendar serves the official calendar in the central shape") {
    TestServer ts;
    Http http(ts.port(), sign_in(ts.port(), "inspector1"));
    const Answer a = http.get("/calendar");
    REQUIRE(a.status == 200);
    const json body = a.json_body();
    REQUIRE(body["years"].is_object());
    CHECK(body["years"].contains("2025"));
    CHECK(body["years"].contains("2026"));
    const auto calendar = fi::WorkCalendar::from_json(body);
    REQUIRE(calendar.ok());
    CHECK(calendar->covers(2026));
    CHECK(!calendar->is_working_day(*fi::Date::parse("2026-10-01")));
    // A new year's notice reaches clients through the server.
    const json notice = {
        {"years",
         {{"2027", {{"holidays", json::array({"2027-01-01"})}, {"workdays", json::array()}}}}}};
    REQUIRE(ts.server().reference().import_calendar(notice).ok());
    CHECK(http.get("/calendar").json_body()["years"].contains("2027"));
}

TEST_CASE("imports refuse what a client would refuse") {
    TestServer ts({.demo = false});
    auto& ref = ts.server().reference();
    json item = demo_catalogue()[0];
    item["checkpoints"] = json::array();
    const auto bad_item = ref.import_catalogue(json::array({demo_catalogue()[1], item}));
    REQUIRE(!bad_item.ok());
    CHECK(bad_item.error().field.starts_with("[1]"));
    // All or nothing: the good first item was not stored either.
    CHECK(ts.server().reference_data_store().feed_items(fi::server::Feed::catalogue)->empty());

    json target = demo_file("targets.json")[0];
    std::string code = target["credit_code"];
    code.back() = code.back() == '0' ? '1' : '0';
    target["credit_code"] = code;
    CHECK(ref.import_targets(json::array({target})).error().field == "[0].credit_code");
    const json bad_day = {
        {"2026", {{"holidays", json::array({"2026-02-30"})}, {"workdays", json::array()}}}};
    CHECK(!ref.import_calendar(bad_day).ok());
}
