// The public pages in a real browser: Debian's headless Chromium, started by the test with a
// temporary profile, loads the pages from the reference server over loopback. The draw page's
// script (server/public/drawcheck.js) recomputes the draw from the page's JSON twin and writes
// its verdict into the page, read here from the dumped DOM: it agrees with the server's draw, it
// disagrees with a copy whose JSON has one seed (or one team member) changed, and it agrees with
// the shared vectors (tests/data/draw-v2-vectors.json, written from the interface alone) and
// disagrees with their negative case. Screenshots of every page go to the build directory.
// Exits 77 (ctest: skipped) only when Chromium cannot start at all.
#include "serverfixture.h"
#include "support/command.h"
#include "support/tempdir.h"

#include <doctest/doctest.h>
#include <fstream>
#include <iostream>
#include <thread>

using namespace fi::test;

namespace {

/// Headless Chromium with a profile of its own, removed afterwards.
class Browser {
public:
    Browser() {
        for (const char* name : {"chromium", "chromium-browser"})
            if (run_command(std::string("command -v ") + name + " >/dev/null 2>&1").status == 0) {
                binary_ = name;
                break;
            }
    }
    bool available() const { return !binary_.empty(); }

    /// The DOM after the page's scripts ran (virtual time lets the fetch finish first).
    std::string dump_dom(const std::string& url) const {
        return run_command(command("--virtual-time-budget=10000 --dump-dom '" + url + "'")).out;
    }
    /// A PNG of the page at `width`×`height` CSS pixels.
    bool screenshot(const std::string& url, const std::filesystem::path& file, int width,
                    int height) const {
        std::filesystem::remove(file);
        run_command(command(
            "--virtual-time-budget=10000 --hide-scrollbars --window-size=" + std::to_string(width) +
            "," + std::to_string(height) + " --screenshot='" + file.string() + "' '" + url + "'"));
        return std::filesystem::exists(file) && std::filesystem::file_size(file) > 1000;
    }

private:
    std::string command(const std::string& args) const {
        // --no-sandbox: the tests run as root in CI containers, where the sandbox cannot start.
        // The browser keeps the true clock: under libfaketime (scripts/on-day, the tests' day)
        // its virtual time never settles. Nothing it checks depends on the day.
        return "timeout 120 env -u LD_PRELOAD -u FAKETIME " + binary_ +
               " --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run "
               "--no-default-browser-check --disable-extensions --user-data-dir='" +
               profile_.path().string() + "' " + args + " 2>/dev/null";
    }

    std::string binary_;
    TempDir profile_;
};

/// The one Browser of the run; exits 77 when Chromium is missing or cannot render a page.
const Browser& browser() {
    static const Browser b;
    static const bool started = [] {
        if (!b.available()) {
            std::cout << "SKIP: no chromium on PATH (Debian package chromium)\n";
            return false;
        }
        const std::string dom = b.dump_dom("data:text/html,<p>ready</p>");
        if (dom.find("<p>ready</p>") == std::string::npos) {
            std::cout << "SKIP: chromium does not start headless here\n";
            return false;
        }
        return true;
    }();
    if (!started)
        std::exit(77);
    return b;
}

/// The check's verdict in a dumped DOM: `agree`, `disagree`, `error`, `pending` or "".
std::string verdict(const std::string& dom) {
    const std::string marker = "id=\"check-result\" data-state=\"";
    const auto at = dom.find(marker);
    if (at == std::string::npos)
        return {};
    const auto from = at + marker.size();
    return dom.substr(from, dom.find('"', from) - from);
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

/// A static copy of one draw page on its own loopback server: the real page, script and style
/// sheet at their paths, and whatever JSON the test gives as the twin.
class StaticCopy {
public:
    /// With `redraws_html`, the re-draw page too (its twin `redraws_twin`), whose check reads
    /// the draw's twin.
    StaticCopy(std::string html, std::string script, std::string css, std::string twin,
               std::string redraws_html = {}, std::string redraws_twin = {}) {
        const auto page = [html = std::move(html), twin = std::move(twin)](
                              const httplib::Request& req, httplib::Response& res) {
            if (req.has_param("format"))
                res.set_content(twin, "application/json");
            else
                res.set_content(html, "text/html; charset=utf-8");
        };
        server_.Get("/public/plans/([^/]+)/draw", page);
        if (!redraws_html.empty())
            server_.Get("/public/plans/([^/]+)/redraws",
                        [html = std::move(redraws_html), twin = std::move(redraws_twin)](
                            const httplib::Request& req, httplib::Response& res) {
                            if (req.has_param("format"))
                                res.set_content(twin, "application/json");
                            else
                                res.set_content(html, "text/html; charset=utf-8");
                        });
        server_.Get("/public/drawcheck.js",
                    [script = std::move(script)](const httplib::Request&, httplib::Response& res) {
                        res.set_content(script, "text/javascript");
                    });
        server_.Get("/public/site.css",
                    [css = std::move(css)](const httplib::Request&, httplib::Response& res) {
                        res.set_content(css, "text/css");
                    });
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        while (!server_.is_running())
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~StaticCopy() {
        server_.stop();
        thread_.join();
    }
    std::string url(const std::string& plan_id, const std::string& page = "draw") const {
        return "http://127.0.0.1:" + std::to_string(port_) + "/public/plans/" + plan_id + "/" +
               page;
    }

private:
    httplib::Server server_;
    int port_ = 0;
    std::thread thread_;
};

std::string site(const TestServer& ts) {
    return "http://127.0.0.1:" + std::to_string(ts.port());
}

/// The public twin of a draw of the shared vectors: the pool by position in id order (named by
/// the ids themselves, there being no roster), the teams and conflicts as positions.
json vector_twin(const json& plan, const json& draw) {
    json pool_ids = draw["inspector_pool"];
    std::sort(pool_ids.begin(), pool_ids.end());
    std::map<std::string, int> position;
    json pool = json::array();
    for (std::size_t i = 0; i < pool_ids.size(); ++i) {
        position[pool_ids[i]] = static_cast<int>(i + 1);
        pool.push_back({{"position", i + 1}, {"name", pool_ids[i]}, {"cert_no", ""}});
    }
    const auto positions = [&](const json& ids) {
        json out = json::array();
        for (const json& id : ids)
            out.push_back(position.at(id.get<std::string>()));
        return out;
    };
    json conflicts = json::object();
    json teams = json::object();
    json drawn = json::array();
    for (const json& target : draw["selected"]) {
        const std::string t = target;
        if (draw["conflicts"].contains(t))
            conflicts[t] = positions(draw["conflicts"][t]);
        teams[t] = positions(draw["teams"][t]);
        json team = json::array();
        for (const json& id : draw["teams"][t])
            team.push_back({{"name", id}, {"cert_no", ""}});
        drawn.push_back({{"target", {{"id", t}}}, {"team", team}});
    }
    return {{"draw_id", draw["id"]},
            {"algorithm", draw["algorithm"]},
            {"published_at", draw["published_at"]},
            {"drawn_at", draw["drawn_at"]},
            {"commitment", plan["commitment"]},
            {"parties", draw["parties"]},
            {"seed", draw["seed"]},
            {"seed_commitment", draw["seed_commitment"]},
            {"strata", draw["strata"]},
            {"pool", pool},
            {"team_size", draw["team_size"]},
            {"conflicts", conflicts},
            {"selected", draw["selected"]},
            {"teams", teams},
            {"drawn", drawn}};
}

/// The public twin of the shared vectors' re-draw log: excluded inspectors and new teams by the
/// ids themselves (no roster), excluded ones with their pool positions, as the site gives them.
json vector_redraws_twin(const json& vectors) {
    json pool_ids = vectors["draw"]["inspector_pool"];
    std::sort(pool_ids.begin(), pool_ids.end());
    std::map<std::string, int> position;
    for (std::size_t i = 0; i < pool_ids.size(); ++i)
        position[pool_ids[i]] = static_cast<int>(i + 1);
    json entries = json::array();
    for (std::size_t i = 0; i < vectors["redraw_log"].size(); ++i) {
        const json& log = vectors["redraw_log"][i];
        json excluded = json::array();
        for (const json& id : log["excluded"])
            excluded.push_back(
                {{"name", id}, {"cert_no", ""}, {"position", position.at(id.get<std::string>())}});
        json team = json::array();
        for (const json& id : vectors["redraws"][i]["expected_team"])
            team.push_back({{"name", id}, {"cert_no", ""}});
        entries.push_back({{"index", log["index"]},
                           {"at", log["at"]},
                           {"target", {{"id", log["target_id"]}}},
                           {"excluded", excluded},
                           {"draw_id", log["draw_id"]},
                           {"link", log["link"]},
                           {"team", team}});
    }
    return {{"redraw_chain_tip", vectors["redraw_chain"]["tip"]},
            {"redraw_chain_length", vectors["redraw_chain"]["length"]},
            {"entries", entries}};
}

std::filesystem::path screenshots_dir() {
    const std::filesystem::path dir = std::filesystem::path(FI_TEST_BUILD_DIR) / "public-pages";
    std::filesystem::create_directories(dir);
    return dir;
}

} // namespace

TEST_CASE("browser: the draw page renders and its in-browser check agrees with the server, "
          "every page renders, screenshots in the build directory") {
    const Browser& b = browser();
    TestServer ts;
    const std::string draw_url = site(ts) + "/public/plans/P-2026-Q4/draw";
    const std::string dom = b.dump_dom(draw_url);
    INFO(dom.substr(0, 2000));
    CHECK(verdict(dom) == "agree");
    CHECK(count(dom, "<li class=\"ok\">") == 7);
    CHECK(count(dom, "<li class=\"fail\">") == 0);
    // The page shows the teams the script checked: a row per drawn target.
    const json twin =
        Http(ts.port()).raw("GET", "/public/plans/P-2026-Q4/draw?format=json").json_body();
    REQUIRE(!twin["drawn"].empty());
    CHECK(count(dom, "<tr data-target=") == twin["drawn"].size());

    const auto dir = screenshots_dir();
    CHECK(b.screenshot(draw_url, dir / "draw.png", 1000, 1600));
    CHECK(b.screenshot(draw_url, dir / "draw-phone.png", 390, 1400));
    for (const auto& [name, path] : std::vector<std::pair<std::string, std::string>>{
             {"plans", "/public/"},
             {"plan", "/public/plans/P-2026-Q4"},
             {"redraws", "/public/plans/P-2026-Q4/redraws"}}) {
        INFO(path);
        // Rendered: the page's heading and the site's links are in the DOM.
        const std::string page = b.dump_dom(site(ts) + path);
        CHECK(page.find("<h1>") != std::string::npos);
        CHECK(page.find("href=\"/public/\"") != std::string::npos);
        CHECK(b.screenshot(site(ts) + path, dir / (name + ".png"), 1000, 1400));
    }
}

TEST_CASE("browser: a copy of the draw page whose JSON was tampered with does not agree") {
    const Browser& b = browser();
    TestServer ts;
    const Http anonymous(ts.port());
    const std::string html = anonymous.raw("GET", "/public/plans/P-2026-Q4/draw").body;
    const std::string script = anonymous.raw("GET", "/public/drawcheck.js").body;
    const std::string css = anonymous.raw("GET", "/public/site.css").body;
    const json twin = anonymous.raw("GET", "/public/plans/P-2026-Q4/draw?format=json").json_body();
    REQUIRE(twin["parties"].size() == 2);

    // The copy as published agrees (so the copy itself is faithful)…
    {
        const StaticCopy copy(html, script, css, twin.dump());
        CHECK(verdict(b.dump_dom(copy.url("P-2026-Q4"))) == "agree");
    }
    // …one party's seed changed by one digit: the seeds no longer match their commitments.
    {
        json tampered = twin;
        std::string seed = tampered["parties"][1]["seed"];
        seed[0] = seed[0] == '0' ? '1' : '0';
        tampered["parties"][1]["seed"] = seed;
        const StaticCopy copy(html, script, css, tampered.dump());
        const std::string dom = b.dump_dom(copy.url("P-2026-Q4"));
        INFO(dom.substr(0, 2000));
        CHECK(verdict(dom) == "disagree");
        CHECK(dom.find("<li class=\"fail\">✗ 各提交方公开的种子") != std::string::npos);
    }
    // …one team member swapped for another of the pool: the recomputed team is not the one shown.
    {
        json tampered = twin;
        json& member = tampered["drawn"][0]["team"][1];
        for (const json& p : tampered["pool"])
            if (p["name"] != member["name"] &&
                p["name"] != tampered["drawn"][0]["team"][0]["name"]) {
                member["name"] = p["name"];
                member["cert_no"] = p["cert_no"];
                break;
            }
        const StaticCopy copy(html, script, css, tampered.dump());
        const std::string dom = b.dump_dom(copy.url("P-2026-Q4"));
        INFO(dom.substr(0, 2000));
        CHECK(verdict(dom) == "disagree");
        CHECK(count(dom, "<li class=\"fail\">") == 1);
        CHECK(dom.find("<li class=\"fail\">✗ 重新计算出的检查组") != std::string::npos);
    }
}

TEST_CASE("browser: the script agrees with the shared draw vectors and refuses their negative "
          "case") {
    const Browser& b = browser();
    TestServer ts;
    const Http anonymous(ts.port());
    const std::string html = anonymous.raw("GET", "/public/plans/P-2026-Q4/draw").body;
    const std::string script = anonymous.raw("GET", "/public/drawcheck.js").body;
    const std::string css = anonymous.raw("GET", "/public/site.css").body;
    std::ifstream in(std::string(FI_TEST_DATA_DIR) + "/draw-v2-vectors.json");
    const json vectors = json::parse(in);
    REQUIRE(vectors["draw"]["selected"] == vectors["expected"]["selected"]);
    {
        const StaticCopy copy(html, script, css,
                              vector_twin(vectors["plan"], vectors["draw"]).dump());
        const std::string dom = b.dump_dom(copy.url("P-2026-07"));
        INFO(dom.substr(0, 2000));
        CHECK(verdict(dom) == "agree");
        CHECK(count(dom, "<li class=\"ok\">") == 7);
    }
    // The negative cases of a plan's draw that the public data can show (the pool's and the
    // conflicts' hashes are over roster ids, which the public pages do not carry), each with the
    // first check that must fail.
    const std::map<std::string, std::string> first_failure = {
        {"party_seed_mismatch", "各提交方公开的种子"},
        {"hex_upper_case_seed", "合成种子"},
        {"draw_id_mismatch", "算法为"},
        {"drawn_before_published", "抽取时间"},
    };
    std::size_t tried = 0;
    for (const json& negative : vectors["negative"]) {
        const auto expected = first_failure.find(negative["case"].get<std::string>());
        if (expected == first_failure.end())
            continue;
        ++tried;
        INFO(expected->first);
        const StaticCopy copy(html, script, css,
                              vector_twin(vectors["plan"], negative["input"]["draw"]).dump());
        const std::string dom = b.dump_dom(copy.url("P-2026-07"));
        INFO(dom.substr(0, 2000));
        CHECK(verdict(dom) == "disagree");
        const auto fail = dom.find("<li class=\"fail\">✗ ");
        REQUIRE(fail != std::string::npos);
        CHECK(dom.compare(fail + std::string("<li class=\"fail\">✗ ").size(),
                          expected->second.size(), expected->second) == 0);
    }
    CHECK(tried == first_failure.size());
}

TEST_CASE("browser: the re-draw page recomputes each re-draw from the chain: it agrees with the "
          "server and with the shared vectors, not with a wrong reading") {
    const Browser& b = browser();
    TestServer ts;
    // A real re-draw on the demo plan: the leader has a member excluded.
    Http leader(ts.port(), sign_in(ts.port(), "leader1"));
    const json mine = led_assignment(leader, "I-022");
    REQUIRE(leader
                .post("/assignments/" + mine["id"].get<std::string>() + "/redraw",
                      json{{"reason", "absence"},
                           {"note", "病假"},
                           {"exclude_inspector_ids", {mine["team"][1]["inspector_id"]}}})
                .status == 201);
    const std::string live = site(ts) + "/public/plans/P-2026-Q4/redraws";
    {
        const std::string dom = b.dump_dom(live);
        INFO(dom.substr(0, 3000));
        CHECK(verdict(dom) == "agree");
        CHECK(count(dom, "<li class=\"ok\">") == 4); // the tip, then three checks of re-draw 1
        CHECK(count(dom, "<li class=\"fail\">") == 0);
        CHECK(b.screenshot(live, screenshots_dir() / "redraws-checked.png", 1000, 1400));
    }

    // The shared vectors' three re-draws (re-draw 3 takes re-draw 1's exclusion, of the same
    // target, and not re-draw 2's), through a static copy of the real pages and script.
    const Http anonymous(ts.port());
    const std::string html = anonymous.raw("GET", "/public/plans/P-2026-Q4/draw").body;
    const std::string redraws_html = anonymous.raw("GET", "/public/plans/P-2026-Q4/redraws").body;
    const std::string script = anonymous.raw("GET", "/public/drawcheck.js").body;
    const std::string css = anonymous.raw("GET", "/public/site.css").body;
    std::ifstream in(std::string(FI_TEST_DATA_DIR) + "/draw-v2-vectors.json");
    const json vectors = json::parse(in);
    const json draw_twin = vector_twin(vectors["plan"], vectors["draw"]);
    const json redraws = vector_redraws_twin(vectors);
    REQUIRE(redraws["entries"].size() == 3);
    const auto check_copy = [&](const json& twin) {
        const StaticCopy copy(html, script, css, draw_twin.dump(), redraws_html, twin.dump());
        return b.dump_dom(copy.url("P-2026-07", "redraws"));
    };
    {
        const std::string dom = check_copy(redraws);
        INFO(dom.substr(0, 3000));
        CHECK(verdict(dom) == "agree");
        CHECK(count(dom, "<li class=\"ok\">") == 1 + 3 * 3);
    }
    // Wrong reading: re-draw 2's exclusion (another target) counted for re-draw 3 too.
    {
        json wrong = redraws;
        for (const json& p : wrong["entries"][1]["excluded"])
            wrong["entries"][2]["excluded"].push_back(p);
        const std::string dom = check_copy(wrong);
        INFO(dom.substr(0, 3000));
        CHECK(verdict(dom) == "disagree");
        CHECK(count(dom, "<li class=\"fail\">") == 1);
        CHECK(dom.find("<li class=\"fail\">✗ 第 3 次：在本浏览器中重新计算出的新检查组") !=
              std::string::npos);
    }
    // Wrong reading: re-draw 1's exclusion ignored for re-draw 3 (by assignment, not target).
    {
        json wrong = redraws;
        wrong["entries"][0]["target"]["id"] = "T-99999";
        const std::string dom = check_copy(wrong);
        INFO(dom.substr(0, 3000));
        CHECK(verdict(dom) == "disagree");
        CHECK(dom.find("<li class=\"fail\">✗ 第 3 次：在本浏览器中重新计算出的新检查组") !=
              std::string::npos);
    }
    // A link that is not the chain's: re-draw 2 no longer hashes back to the tip.
    {
        json wrong = redraws;
        std::string link = wrong["entries"][1]["link"];
        link[5] = link[5] == 'a' ? 'b' : 'a';
        wrong["entries"][1]["link"] = link;
        const std::string dom = check_copy(wrong);
        INFO(dom.substr(0, 3000));
        CHECK(verdict(dom) == "disagree");
        CHECK(dom.find("<li class=\"fail\">✗ 第 2 次：按顺序记录，链环经 2 次 SHA-256") !=
              std::string::npos);
    }
}

TEST_CASE("browser: the approvers' page renders, signed out and signed in, screenshots in the "
          "build directory") {
    const Browser& b = browser();
    TestServer ts;
    // A confidential record waiting for an approver.
    Tablet tablet;
    const Http leader(ts.port(), sign_in(ts.port(), "leader1", tablet.device_id()));
    json record = tablet.record(led_assignment(leader, "I-022"));
    record["confidential"] = true;
    record["confidential_reason"] = "涉及在建军工配套项目";
    record["confidential_ground"] = "state_secret";
    record = tablet.chain(std::move(record));
    REQUIRE(leader.post("/inspections", record, {{"Idempotency-Key", record["id"]}}).status == 201);

    const auto dir = screenshots_dir();
    // Signed out: the sign-in form, rendered by the browser.
    const std::string form = b.dump_dom(site(ts) + "/approve/");
    CHECK(form.find("<h1>审批人登录</h1>") != std::string::npos);
    CHECK(form.find("type=\"password\"") != std::string::npos);
    CHECK(b.screenshot(site(ts) + "/approve/", dir / "approve-login.png", 1000, 900));

    // Signed in (the form posted over HTTP: headless Chromium takes no typing from the command
    // line), the page as the approver's browser gets it, shown from a copy with the real style
    // sheet.
    httplib::Client c("127.0.0.1", ts.port());
    auto first = c.Get("/approve/");
    REQUIRE(first);
    const std::string login_cookie = first->get_header_value("Set-Cookie");
    const std::string nonce = login_cookie.substr(
        login_cookie.find('=') + 1, login_cookie.find(';') - login_cookie.find('=') - 1);
    auto in = c.Post(
        "/approve/login", {{"Cookie", login_cookie.substr(0, login_cookie.find(';'))}},
        httplib::Params{{"username", "approver"}, {"password", "demo1234"}, {"csrf", nonce}});
    REQUIRE(in);
    REQUIRE(in->status == 303);
    const std::string session = in->get_header_value("Set-Cookie");
    auto page = c.Get("/approve/", {{"Cookie", session.substr(0, session.find(';'))}});
    REQUIRE(page);
    REQUIRE(page->status == 200);
    const std::string css = Http(ts.port()).raw("GET", "/public/site.css").body;
    httplib::Server copy;
    copy.Get("/approve/", [html = page->body](const httplib::Request&, httplib::Response& res) {
        res.set_content(html, "text/html; charset=utf-8");
    });
    copy.Get("/public/site.css", [&css](const httplib::Request&, httplib::Response& res) {
        res.set_content(css, "text/css");
    });
    const int port = copy.bind_to_any_port("127.0.0.1");
    std::thread serving([&] { copy.listen_after_bind(); });
    while (!copy.is_running())
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    const std::string url = "http://127.0.0.1:" + std::to_string(port) + "/approve/";
    const std::string dom = b.dump_dom(url);
    CHECK(dom.find("同意不予公开</button>") != std::string::npos);
    CHECK(dom.find(record["id"].get<std::string>()) != std::string::npos);
    CHECK(b.screenshot(url, dir / "approve-holds.png", 1100, 1300));
    copy.stop();
    serving.join();
}
