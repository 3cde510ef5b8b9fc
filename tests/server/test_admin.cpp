// Administration from the command line (AdminCli, in-process): a data directory set up from
// nothing, and each command's effect.
#include "core/draw.h"
#include "server/admincli.h"
#include "server/referencedatastore.h"
#include "serverfixture.h"

#include <doctest/doctest.h>
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

    const Run published = admin(data, {"publish-plan", "--file", demo("plan.json")});
    REQUIRE(published.code == 0);
    CHECK(published.out.find("seed commitment "
                             "50a18a5078d6f17cfa5be4bd5354bebe98856c048f184ab5be5768788a27937e") !=
          std::string::npos);
    const Run drawn = admin(data, {"run-draw", "--plan", "P-2026-Q4"});
    REQUIRE(drawn.code == 0);
    CHECK(drawn.out.find("stratum key: 8 of 75") != std::string::npos);
    CHECK(drawn.out.find("20 assignments created") != std::string::npos);
    const Run listed = admin(data, {"list-assignments", "--plan", "P-2026-Q4"});
    CHECK(std::count(listed.out.begin(), listed.out.end(), '\n') == 20);
    CHECK(listed.out.starts_with("A-2026Q4-0001 r1 active T-00025 team I-020 I-029 X-201"));
    const Run shown = admin(data, {"show-draw", "--id", "D-2026Q4-01"});
    const auto draw = fi::decode_draw(json::parse(shown.out));
    REQUIRE(draw.ok());
    CHECK(fi::verify_draw(*draw).verified());
    CHECK(admin(data, {"run-draw", "--plan", "P-2026-Q4"}).code == 1); // a draw runs once

    // A server on that directory serves it.
    fi::server::ServerOptions o;
    o.data_dir = data;
    auto server = fi::server::Server::create(o);
    REQUIRE(server.ok());
    REQUIRE((*server)->start().ok());
    Http http((*server)->port(), sign_in((*server)->port(), "leader1"));
    CHECK(assignments_of(http).size() == 4);
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
