// The public pages (一公开, central-api.md 1.1 "Public pages"), over real HTTP without a session:
// every page reachable from /public/ and its JSON twin answer 200, every link resolves, each
// page shows what its twin says, nothing private reaches any of them (a scan of every response
// for canaries put into a record, for record and photo ids and for roster ids), text is escaped,
// an unknown plan is 404. The in-browser check of the draw is tests/server/browser/.
#include "core/date.h"
#include "core/drawcommitment.h"
#include "server/publicationservice.h"
#include "serverfixture.h"

#include <chrono>
#include <cstdio>
#include <doctest/doctest.h>
#include <map>
#include <regex>
#include <set>

using namespace fi::test;

namespace {

/// Every response of the public site: the pages reached by following links from /public/ (HTML,
/// style sheet, script) and each page's JSON twin.
struct Site {
    std::map<std::string, Answer> pages; ///< path → answer (links followed, twins included)
    std::vector<std::string> html;       ///< the paths that answered HTML
};

std::string unescape(std::string text) {
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"&quot;", "\""}, {"&#39;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}}) {
        for (std::size_t at = text.find(from); at != std::string::npos;
             at = text.find(from, at + to.size()))
            text.replace(at, from.size(), to);
    }
    return text;
}

/// The test's own HTML escaping (not the server's), to find a twin's text in its page.
std::string escaped(const std::string& text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

/// Follow every `href` and `src` under /public/ from /public/, without a session.
Site crawl(int port) {
    const Http anonymous(port);
    Site site;
    std::vector<std::string> queue = {"/public/"};
    const std::regex ref(R"#((?:href|src)="([^"]*)")#");
    while (!queue.empty()) {
        const std::string path = queue.back();
        queue.pop_back();
        if (site.pages.contains(path))
            continue;
        const Answer a = anonymous.raw("GET", path);
        site.pages[path] = a;
        if (a.header("Content-Type").rfind("text/html", 0) != 0)
            continue;
        site.html.push_back(path);
        const std::string twin = path + "?format=json";
        if (!site.pages.contains(twin))
            queue.push_back(twin);
        for (std::sregex_iterator m(a.body.begin(), a.body.end(), ref), end; m != end; ++m) {
            std::string target = unescape((*m)[1].str());
            if (target.rfind("/public/", 0) == 0)
                queue.push_back(target);
            else
                // No page links anywhere else: no CDN, no other site, nothing relative to guess.
                CHECK_MESSAGE(target == "?format=json", path << " links to " << target);
        }
    }
    return site;
}

/// Members whose value is a code the page shows by its Chinese label (the `*_label` next to it),
/// or numbers' lists the script reads; the rest of the twin's text must be on the page.
const std::set<std::string> codes = {"kind", "category", "mode",  "reason",
                                     "role", "step",     "ground"};

/// Every text of `twin` (outside `codes`, and outside the plan summary a draw or re-draw page
/// repeats from the plan's own page) that its page does not show.
/// `2026-12-03 14:05（北京时间）` for an RFC 3339 time (of any offset), by the test's own
/// arithmetic; the text itself if it is none.
std::string beijing_time(const std::string& text) {
    const auto t = fi::parse_rfc3339(text);
    if (!t)
        return text;
    using namespace std::chrono;
    const auto local = floor<minutes>(*t) + hours(8);
    const auto day = floor<days>(local);
    const year_month_day ymd{day};
    const hh_mm_ss hms{local - day};
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02lld:%02lld", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<long long>(hms.hours().count()),
                  static_cast<long long>(hms.minutes().count()));
    return std::string(buf) + "（北京时间）";
}

void missing_text(const json& twin, const std::string& html, const std::string& key,
                  std::vector<std::string>& missing) {
    if (twin.is_object()) {
        for (const auto& [k, v] : twin.items())
            if (!codes.contains(k))
                missing_text(v, html, k, missing);
    } else if (twin.is_array()) {
        for (const json& v : twin)
            missing_text(v, html, key, missing);
    } else if (twin.is_string()) {
        const std::string text = twin.get<std::string>();
        if (!text.empty() && html.find(escaped(text)) == std::string::npos)
            missing.push_back(key + ": " + text);
        // A time is shown as people read it, in Beijing time (the twin keeps RFC 3339).
        const bool time_key = key == "at" || key.ends_with("_at");
        if (time_key && !text.empty() && html.find(beijing_time(text)) == std::string::npos)
            missing.push_back(key + " as Beijing time: " + beijing_time(text));
    }
}

/// The demo's leader with a tablet and an on-site assignment they lead.
struct Leader {
    Tablet tablet;
    Http http;
    json assignment;

    explicit Leader(TestServer& ts)
        : http(ts.port(), sign_in(ts.port(), "leader1", tablet.device_id())),
          assignment(led_assignment(http, "I-022")) {}
};

} // namespace

TEST_CASE("public pages: every page and its JSON twin answer 200 without a session, every link "
          "resolves") {
    TestServer ts;
    // A re-draw, so that the log has an entry with its links.
    Leader leader(ts);
    const std::string member = leader.assignment["team"][1]["inspector_id"];
    REQUIRE(
        leader.http
            .post(
                "/assignments/" + leader.assignment["id"].get<std::string>() + "/redraw",
                json{{"reason", "absence"}, {"note", "出差"}, {"exclude_inspector_ids", {member}}})
            .status == 201);

    const Site site = crawl(ts.port());
    for (const std::string path :
         {"/public/", "/public/plans/P-2026-Q4", "/public/plans/P-2026-Q4/draw",
          "/public/plans/P-2026-Q4/redraws", "/public/results", "/public/plans/P-2026-Q4/results",
          "/public/site.css", "/public/drawcheck.js", "/public/plans/P-2026-Q4/draw?format=json"})
        CHECK_MESSAGE(site.pages.contains(path), path << " is not reachable from /public/");
    for (const auto& [path, a] : site.pages) {
        INFO(path);
        CHECK(a.status == 200);
        CHECK(a.header("X-Content-Type-Options") == "nosniff");
        if (path.ends_with("?format=json")) {
            CHECK(a.header("Content-Type").rfind("application/json", 0) == 0);
            CHECK(a.json_body().is_object());
        }
    }
    REQUIRE(site.html.size() == 6);
    for (const std::string& path : site.html) {
        INFO(path);
        const std::string& body = site.pages.at(path).body;
        CHECK(body.find("<html lang=\"zh-CN\">") != std::string::npos);
        CHECK(body.find("name=\"viewport\"") != std::string::npos);
        // No script or style of the page's own: the CSP allows only the server's files.
        CHECK(body.find("<script>") == std::string::npos);
        CHECK(body.find("style=") == std::string::npos);
        CHECK(site.pages.at(path).header("Content-Security-Policy").find("script-src 'self'") !=
              std::string::npos);
    }
    CHECK(site.pages.at("/public/site.css").body.find("@media print") != std::string::npos);
    CHECK(site.pages.at("/public/site.css").header("Content-Type").rfind("text/css", 0) == 0);
    CHECK(site.pages.at("/public/drawcheck.js").body.find("sha256-ctr-fy-v2") != std::string::npos);

    // `/public` leads to the list.
    const Answer bare = Http(ts.port()).raw("GET", "/public");
    CHECK(bare.status == 301);
    CHECK(bare.header("Location") == "/public/");

    // The re-draw log shows the entry: reason's category, who was excluded, the link.
    const json log = site.pages.at("/public/plans/P-2026-Q4/redraws?format=json").json_body();
    REQUIRE(log["entries"].size() == 1);
    const json& entry = log["entries"][0];
    CHECK(entry["reason"] == "absence");
    CHECK(entry["server_verified"] == true);
    CHECK(fi::is_lower_hex(entry["link"].get<std::string>()));
    CHECK(entry["excluded"].size() == 1);
    CHECK(entry["team"].size() == 2);
}

TEST_CASE("public pages: each page shows what its JSON twin says") {
    TestServer ts;
    const Site site = crawl(ts.port());
    REQUIRE(site.html.size() == 6);
    for (const std::string& path : site.html) {
        INFO(path);
        json twin = site.pages.at(path + "?format=json").json_body();
        REQUIRE(twin.is_object());
        const std::string& html = site.pages.at(path).body;
        if (twin.contains("plan")) { // a draw or re-draw page: the plan by its name and links
            CHECK(html.find(escaped(twin["plan"]["name"].get<std::string>())) != std::string::npos);
            for (const auto& [name, href] : twin["plan"]["links"].items())
                CHECK(html.find("href=\"" + escaped(href.get<std::string>()) + "\"") !=
                      std::string::npos);
            twin.erase("plan");
        }
        std::vector<std::string> missing;
        missing_text(twin, html, "", missing);
        CHECK_MESSAGE(missing.empty(), "not on the page: " << json(missing).dump());
    }

    // The draw page's teams are the draw's teams, by name and certificate number: checked here
    // against the signed-in interface's draw and the roster.
    const json twin = site.pages.at("/public/plans/P-2026-Q4/draw?format=json").json_body();
    Http leader(ts.port(), sign_in(ts.port(), "leader1"));
    const json draw = leader.get("/draws/D-2026Q4-01").json_body();
    std::map<std::string, json> roster;
    for (const json& i : demo_file("inspectors.json"))
        roster[i["id"]] = i;
    REQUIRE(twin["drawn"].size() == draw["selected"].size());
    REQUIRE(!twin["drawn"].empty());
    for (std::size_t i = 0; i < draw["selected"].size(); ++i) {
        const std::string target = draw["selected"][i];
        const json& row = twin["drawn"][i];
        CHECK(row["target"]["id"] == target);
        const json& team = draw["teams"][target];
        REQUIRE(row["team"].size() == team.size());
        for (std::size_t j = 0; j < team.size(); ++j) {
            CHECK(row["team"][j]["name"] == roster[team[j]]["name"]);
            CHECK(row["team"][j]["cert_no"] == roster[team[j]]["cert_no"]);
            CHECK(row["team"][j]["role"] == (j == 0 ? "leader" : "member"));
        }
    }
    // The pool is the draw's pool in id order, by position.
    json pool = draw["inspector_pool"];
    std::sort(pool.begin(), pool.end());
    REQUIRE(twin["pool"].size() == pool.size());
    for (std::size_t i = 0; i < pool.size(); ++i) {
        CHECK(twin["pool"][i]["position"] == i + 1);
        CHECK(twin["pool"][i]["name"] == roster[pool[i]]["name"]);
    }
    CHECK(twin["seed"] == draw["seed"]);
    CHECK(twin["parties"] == draw["parties"]);
    CHECK(twin["server_check"]["verified"] == true);
}

TEST_CASE("public pages: nothing private reaches any page or JSON twin, and results show the fixed "
          "wording or 不予公开 with the ground's category") {
    TestServer ts;
    Leader leader(ts);
    std::vector<json> led;
    for (const json& a : assignments_of(leader.http))
        if (a["status"] == "active" && a["team"][0]["inspector_id"] == "I-022" &&
            a["mode"] == "onsite")
            led.push_back(a);
    REQUIRE(led.size() >= 3);
    REQUIRE(led[0]["id"] == leader.assignment["id"]);
    // A record full of canaries where people write: answers, notes, a finding, photo ids, the
    // location; a confidential one with its reason; and a re-draw with a note.
    json record = leader.tablet.record(leader.assignment, {"photo bytes"});
    bool failed = false;
    for (json& answer : record["answers"]) {
        answer["note"] = "CANARY-NOTE-7f3a";
        if (answer["value"].is_string() && answer["value"] == "现场核查正常")
            answer["value"] = "CANARY-ANSWER-91c2";
        if (!failed && answer["value"] == "pass") {
            failed = true;
            answer["value"] = "fail";
            const std::string finding = random_uuid();
            record["photos"][0]["finding_id"] = finding;
            record["findings"].push_back({{"id", finding},
                                          {"item_id", answer["item_id"]},
                                          {"checkpoint_id", answer["checkpoint_id"]},
                                          {"description", "CANARY-FINDING-5d0e"},
                                          {"photo_ids", {record["photos"][0]["id"]}}});
        }
    }
    REQUIRE(failed);
    record["outcome"] = "rectification_ordered";
    record["public_text"] = "发现问题已责令整改";
    record["location"] = {{"lat_e6", 30387654}, {"lon_e6", 114876543}, {"accuracy_m", 7}};
    record = leader.tablet.chain(record);
    const Answer sent = leader.http.post("/inspections", record,
                                         {{"Idempotency-Key", record["id"].get<std::string>()}});
    INFO(sent.body);
    REQUIRE(sent.status == 201);
    json held = leader.tablet.record(led[1]);
    held["confidential"] = true;
    held["confidential_reason"] = "CANARY-CONF-REASON-4e1d";
    held["confidential_ground"] = "public_safety";
    held = leader.tablet.chain(held);
    const Answer held_sent = leader.http.post("/inspections", held,
                                              {{"Idempotency-Key", held["id"].get<std::string>()}});
    INFO(held_sent.body);
    REQUIRE(held_sent.status == 201);
    REQUIRE(
        ts.server()
            .publication()
            .decide_hold(held["id"].get<std::string>(), "approver", true, "CANARY-HOLD-REASON-77aa")
            .ok());
    // A re-draw of another assignment, with a note about a person.
    const json& other = led[2];
    REQUIRE(leader.http
                .post("/assignments/" + other["id"].get<std::string>() + "/redraw",
                      json{{"reason", "conflict"},
                           {"note", "CANARY-REDRAW-NOTE-2b8c"},
                           {"exclude_inspector_ids", {other["team"][1]["inspector_id"]}}})
                .status == 201);

    // Past both publication deadlines (20 working days): both results are public.
    ts.advance(std::chrono::hours(24 * 45));
    const Site site = crawl(ts.port());
    REQUIRE(site.pages.size() >= 14);
    const std::vector<std::string> canaries = {
        "CANARY-",
        record["id"].get<std::string>(),
        held["id"].get<std::string>(),
        record["photos"][0]["id"].get<std::string>(),
        record["findings"][0]["id"].get<std::string>(),
        record["chain"]["hash"].get<std::string>(),
        leader.tablet.device_id(),
        leader.http.token(),
        "30387654",
        "114876543",
        "30.387654",
        "leader1",
        "inspector1",
        // Assignment ids say nothing to the public and name no company: not shown either.
        leader.assignment["id"].get<std::string>(),
    };
    // Roster ids (inspectors I-…, experts X-…): the public sees names and certificate numbers.
    const std::regex roster_id(R"((^|[^A-Za-z0-9])[IX]-[0-9]{3}([^0-9]|$))");
    for (const auto& [path, a] : site.pages) {
        INFO(path);
        REQUIRE(a.status == 200);
        for (const std::string& canary : canaries)
            CHECK_MESSAGE(a.body.find(canary) == std::string::npos, canary << " leaked");
        // The script is code, not data: its comments may name the interface's examples.
        if (!path.ends_with(".js"))
            CHECK_MESSAGE(!std::regex_search(a.body, roster_id), "a roster id leaked");
    }
    // The target of the record is public (受检名单), by name.
    const json target = leader.assignment["target"];
    bool target_shown = false;
    for (const auto& [path, a] : site.pages)
        target_shown =
            target_shown || a.body.find(target["name"].get<std::string>()) != std::string::npos;
    CHECK(target_shown);

    // The results: the fixed wording for the first, 不予公开 with the ground's category only for
    // the held one; each page shows what its twin says.
    const json results = site.pages.at("/public/results?format=json").json_body();
    REQUIRE(results["results"].size() == 2);
    std::map<std::string, json> by_target;
    for (const json& r : results["results"])
        by_target[r["target"]["id"]] = r;
    const json& shown = by_target[led[0]["target"]["id"]];
    CHECK(shown["public_text"] == "发现问题已责令整改");
    CHECK(shown["withheld"] == false);
    CHECK(!shown.contains("ground"));
    CHECK(shown["inspection_day"] == record["inspection_day"]);
    CHECK(shown["target"]["name"] == led[0]["target"]["name"]);
    const json& withheld = by_target[led[1]["target"]["id"]];
    CHECK(withheld["public_text"] == "不予公开");
    CHECK(withheld["withheld"] == true);
    CHECK(withheld["ground_label"] == "涉及公共安全");
    for (const std::string path : {"/public/results", "/public/plans/P-2026-Q4/results"}) {
        INFO(path);
        const std::string& html = site.pages.at(path).body;
        json twin = site.pages.at(path + "?format=json").json_body();
        CHECK(twin["results"].size() == 2);
        twin.erase("plan");
        std::vector<std::string> missing;
        missing_text(twin, html, "", missing);
        CHECK_MESSAGE(missing.empty(), "not on the page: " << json(missing).dump());
        CHECK(html.find("不予公开") != std::string::npos);
        CHECK(html.find("涉及公共安全") != std::string::npos);
    }
}

TEST_CASE(
    "public pages: an unknown plan is 404 as a page and as JSON, and a plan not drawn yet has "
    "no draw page") {
    TestServer ts;
    const Http anonymous(ts.port());
    for (const std::string path :
         {"/public/plans/P-NOPE", "/public/plans/P-NOPE/draw", "/public/plans/P-NOPE/redraws"}) {
        INFO(path);
        const Answer page = anonymous.raw("GET", path);
        CHECK(page.status == 404);
        CHECK(page.header("Content-Type").rfind("text/html", 0) == 0);
        CHECK(page.body.find("lang=\"zh-CN\"") != std::string::npos);
        const Answer twin = anonymous.raw("GET", path + "?format=json");
        CHECK(twin.status == 404);
        CHECK(twin.code() == "not_found");
    }
    CHECK(anonymous.raw("GET", "/public/other.js").status == 404);

    // Published, not drawn: the plan is public with its commitment, the draw is not there yet.
    json plan =
        test_plan("P-PUB-1", "市生态环境综合执法支队",
                  json::array({test_stratum("general", std::nullopt, "onsite", {"POLL-01"})}));
    REQUIRE(ts.server().draws().publish_plan(plan).ok());
    const json twin = anonymous.raw("GET", "/public/plans/P-PUB-1?format=json").json_body();
    CHECK(twin["drawn"] == false);
    CHECK(!twin["links"].contains("draw"));
    CHECK(twin["commitment"]["parties"].size() == 2);
    CHECK(anonymous.raw("GET", "/public/plans/P-PUB-1/draw").status == 404);
}

TEST_CASE("public pages: text from the data is escaped") {
    TestServer ts;
    json plan =
        test_plan("P-ESC-1", "市生态环境综合执法支队",
                  json::array({test_stratum("general", std::nullopt, "onsite", {"POLL-01"})}));
    plan["name"] = "<script>alert('x')</script> & \"计划\"";
    REQUIRE(ts.server().draws().publish_plan(plan).ok());
    const Http anonymous(ts.port());
    for (const std::string path : {"/public/", "/public/plans/P-ESC-1"}) {
        INFO(path);
        const Answer page = anonymous.raw("GET", path);
        REQUIRE(page.status == 200);
        CHECK(page.body.find("<script>alert") == std::string::npos);
        CHECK(page.body.find(
                  "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;计划&quot;") !=
              std::string::npos);
    }
}
