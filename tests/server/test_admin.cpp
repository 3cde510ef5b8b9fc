// Administration from the command line (AdminCli, in-process): a data directory set up from
// nothing, and each command's effect.
#include "core/draw.h"
#include "core/drawcommitment.h"
#include "server/admincli.h"
#include "server/referencedatastore.h"
#include "serverfixture.h"

#include <doctest/doctest.h>
#include <fstream>
#include <sstream>

using namespace fi::test;

namespace {

struct Run {
    int code = 0;
    std::string out;
    std::string err;
};

Run admin(const std::filesystem::path& data, std::vector<std::string> args,
          const std::string& input = {}) {
    std::istringstream in(input);
    std::ostringstream out;
    std::ostringstream err;
    args.insert(args.begin(), {"--data", data.string()});
    const int code = fi::server::AdminCli(in, out, err).run(args);
    return {code, out.str(), err.str()};
}

std::string read_text(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

void write_text(const std::filesystem::path& file, const std::string& text) {
    std::ofstream(file, std::ios::binary) << text;
}

std::string demo(const std::string& file) {
    return (std::filesystem::path(FI_ASSETS_DIR) / "demo" / file).string();
}

} // namespace

TEST_CASE("a data directory set up entirely with admin commands serves its draw") {
    TempDir dir;
    const auto data = dir / "data";
    CHECK(admin(data, {"import", "--catalogue", demo("catalogue.json")}).out ==
          "imported 29 catalogue items\n");
    CHECK(admin(data, {"import", "--inspectors", demo("inspectors.json")}).code == 0);
    CHECK(admin(data, {"import", "--targets", demo("targets.json")}).out ==
          "imported 300 targets\n");
    CHECK(
        admin(data, {"import", "--calendar", std::string(FI_ASSETS_DIR) + "/holidays.json"}).out ==
        "imported 2 calendar years\n");
    const Run user = admin(data,
                           {"add-user", "--username", "leader1", "--password-stdin", "--name",
                            "孔立宏", "--unit", "梁子湖分局", "--inspector", "I-022", "--roles",
                            "inspector,leader", "--kdf-memory-kib", "8"},
                           "demo1234\n");
    CHECK(user.code == 0);

    // Interface 1.1, step by step: each party commits on its own machine, the plan is
    // published with the commitments, each party reveals, then the draw runs.
    const Run committed = admin(
        data, {"commit-seed", "--party", "法制审核科", "--out", (dir / "mine.seed").string()});
    REQUIRE(committed.code == 0);
    const std::string own_seed = read_text(dir / "mine.seed").substr(0, 64);
    CHECK(committed.out.find("seed_commitment " + *fi::seed_commitment_for(own_seed)) !=
          std::string::npos);
    CHECK((std::filesystem::status(dir / "mine.seed").permissions() &
           std::filesystem::perms::group_all) == std::filesystem::perms::none);
    CHECK(
        admin(data, {"commit-seed", "--party", "法制审核科", "--out", (dir / "mine.seed").string()})
            .code == 1); // a seed file is never overwritten
    CHECK(read_text(dir / "mine.seed").substr(0, 64) == own_seed);

    const json plan = json::parse(read_text(demo("plan.json")));
    const Run published = admin(data, {"publish-plan", "--file", demo("plan.json")});
    REQUIRE(published.code == 0);
    CHECK(published.out.find(plan["draw"]["parties"][1]["seed_commitment"].get<std::string>()) !=
          std::string::npos);
    CHECK(admin(data, {"run-draw", "--plan", "P-2026-Q4"}).code == 1); // no reveals yet
    const json seeds = json::parse(read_text(demo("party-seeds.json")));
    for (std::size_t i = 0; i < 2; ++i) {
        const auto file = dir / ("party" + std::to_string(i) + ".seed");
        write_text(file, seeds["parties"][i]["seed"].get<std::string>() + "\n");
        const Run revealed = admin(data, {"reveal-seed", "--plan", "P-2026-Q4", "--party",
                                          seeds["parties"][i]["name"].get<std::string>(),
                                          "--seed-file", file.string()});
        CHECK(revealed.code == 0);
        CHECK(revealed.out.find(std::to_string(i + 1) + " of 2 seeds revealed") !=
              std::string::npos);
    }
    // A seed that does not match its party's commitment is refused.
    CHECK(admin(data, {"reveal-seed", "--plan", "P-2026-Q4", "--party", "法制审核科", "--seed-file",
                       (dir / "mine.seed").string()})
              .code == 1);
    const Run drawn = admin(data, {"run-draw", "--plan", "P-2026-Q4"});
    REQUIRE(drawn.code == 0);
    CHECK(drawn.out.find("stratum key: 8 of 75") != std::string::npos);
    CHECK(drawn.out.find("20 assignments created") != std::string::npos);
    const Run listed = admin(data, {"list-assignments", "--plan", "P-2026-Q4"});
    CHECK(std::count(listed.out.begin(), listed.out.end(), '\n') == 20);
    const json preview = json::parse(read_text(demo("draw-preview.json")));
    CHECK(listed.out.starts_with("A-2026Q4-0001 r1 active " +
                                 preview["assignments"][0]["target_id"].get<std::string>()));
    const Run shown = admin(data, {"show-draw", "--id", "D-2026Q4-01"});
    const auto draw = fi::decode_draw(json::parse(shown.out));
    REQUIRE(draw.ok());
    const auto publication = fi::decode_plan_publication(
        json::parse(admin(data, {"show-plan", "--id", "P-2026-Q4"}).out));
    REQUIRE(publication.ok());
    CHECK(fi::verify_plan_draw(*publication, *draw).verified());
    CHECK(admin(data, {"run-draw", "--plan", "P-2026-Q4"}).code == 1); // a draw runs once

    // A server on that directory serves it.
    fi::server::ServerOptions o;
    o.data_dir = data;
    auto server = fi::server::Server::create(o);
    REQUIRE(server.ok());
    REQUIRE((*server)->start().ok());
    Http http((*server)->port(), sign_in((*server)->port(), "leader1"));
    CHECK(!assignments_of(http).empty());

    // A re-draw through the server, then its log and the per-leader count from admin.
    const json mine = led_assignment(http, "I-022");
    REQUIRE(http.post("/assignments/" + mine["id"].get<std::string>() + "/redraw",
                      json{{"reason", "absence"},
                           {"note", "病假"},
                           {"exclude_inspector_ids", {mine["team"][1]["inspector_id"]}}})
                .status == 201);
    (*server)->stop();
    const Run log = admin(data, {"redraws", "--plan", "P-2026-Q4"});
    CHECK(log.out.starts_with("1 " + mine["id"].get<std::string>() + " -> "));
    CHECK(log.out.find("by I-022 absence") != std::string::npos);
    CHECK(admin(data, {"redraw-counts"}).out == "I-022 1\n");
}

TEST_CASE("admin commands: conflicts, prior checks, wipe, unlock, remove") {
    TestServer ts;
    const auto data = ts.data_dir() / "data";
    CHECK(admin(data, {"add-conflict", "--target", "T-00001", "--inspector", "I-005", "--reason",
                       "近亲属"})
              .code == 0);
    CHECK(ts.server().reference_data_store().conflicts()->at("T-00001") ==
          std::vector<std::string>{"I-005"});
    CHECK(admin(data, {"record-check", "--target", "T-00002", "--year", "2026", "--level",
                       "province", "--unit", "省生态环境厅", "--outcome", "no_problem"})
              .code == 0);
    CHECK(ts.server().reference_data_store().prior_checks(2026)->size() == 1);
    CHECK(admin(data, {"record-check", "--target", "T-00002", "--year", "2026", "--level", "county",
                       "--unit", "x", "--outcome", "no_problem"})
              .code == 2);

    const std::string device = random_uuid();
    Http http(ts.port(), sign_in(ts.port(), "inspector1", device));
    CHECK(admin(data, {"wipe-device", "--device", device, "--message", "设备报失"}).code == 0);
    CHECK(http.get("/device").json_body()["wipe"] == true);
    CHECK(admin(data, {"wipe-device", "--device", device, "--undo"}).code == 0);
    CHECK(http.get("/device").json_body()["wipe"] == false);

    for (int i = 0; i < 5; ++i)
        Http(ts.port()).post(
            "/session",
            json{{"username", "inspector1"}, {"password", "nope-nope"}, {"device_id", device}});
    CHECK(
        Http(ts.port())
            .post("/session",
                  json{{"username", "inspector1"}, {"password", "demo1234"}, {"device_id", device}})
            .status == 423);
    CHECK(admin(data, {"unlock-user", "--username", "inspector1"}).code == 0);
    CHECK(sign_in(ts.port(), "inspector1").size() == 64);

    CHECK(admin(data, {"remove", "--inspector", "X-202"}).code == 0);
    CHECK(admin(data, {"remove", "--inspector", "X-202"}).code == 1); // gone already
    const json page = http.get("/inspectors?limit=500").json_body();
    CHECK(page["items"].back() == json{{"id", "X-202"}, {"deleted", true}});
}

TEST_CASE("admin usage errors exit 2 with the usage text") {
    TempDir dir;
    const auto data = dir / "data";
    CHECK(admin(data, {}).code == 2);
    CHECK(admin(data, {"help"}).out.find("publish-plan") != std::string::npos);
    CHECK(admin(data, {"explode"}).code == 2);
    CHECK(admin(data, {"run-draw"}).code == 2);
    CHECK(admin(data, {"run-draw", "--plan"}).code == 2);
    CHECK(admin(data, {"import"}).code == 2);
    CHECK(admin(data, {"run-draw", "--plan", "P-NONE"}).code == 1);
    std::istringstream in;
    std::ostringstream out;
    std::ostringstream err;
    CHECK(fi::server::AdminCli(in, out, err).run({"list-assignments"}) == 2); // no --data
}
