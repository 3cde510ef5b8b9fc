// Fault injection (docs/server.md): scripted through POST /_test/faults, only with the flag.
#include "server/inspectionstore.h"
#include "serverfixture.h"

#include <doctest/doctest.h>

using namespace fi::test;

namespace {

TestServer faulty() {
    return TestServer({.demo = true, .fault_injection = true});
}

void script(const TestServer& ts, json rules) {
    const Answer a = Http(ts.port()).raw("POST", "/_test/faults", json{{"rules", rules}}.dump());
    REQUIRE(a.status == 200);
}

json described(const TestServer& ts) {
    return Http(ts.port()).raw("GET", "/_test/faults").json_body();
}

} // namespace

TEST_CASE("without --fault-injection the fault routes do not exist") {
    TestServer ts;
    const Answer a = Http(ts.port()).raw("POST", "/_test/faults",
                                         R"({"rules":[{"path":"/time","fault":"drop"}]})");
    CHECK(a.status == 404);
    CHECK(Http(ts.port()).get("/time").status == 200);
}

TEST_CASE("503 with Retry-After, then 429, each as often as scripted") {
    TestServer ts = faulty();
    script(ts, json::array({{{"path", "^/api/v1/time$"},
                             {"fault", "status"},
                             {"status", 503},
                             {"retry_after", 7},
                             {"times", 1}},
                            {{"method", "GET"},
                             {"path", "/time"},
                             {"fault", "status"},
                             {"status", 429},
                             {"retry_after", 2},
                             {"times", 1}}}));
    Http http(ts.port());
    const Answer first = http.get("/time");
    CHECK(first.status == 503);
    CHECK(first.header("Retry-After") == "7");
    CHECK(first.code() == "unavailable");
    CHECK(!first.header("Date").empty());
    const Answer second = http.get("/time");
    CHECK(second.status == 429);
    CHECK(second.header("Retry-After") == "2");
    CHECK(http.get("/time").status == 200);
    const json d = described(ts);
    CHECK(d["rules"][0]["fired"] == 1);
    CHECK(d["rules"][0]["matched"] == 3);
    CHECK(d["rules"][1]["fired"] == 1);
    // Cleared: nothing fires any more.
    CHECK(http.raw("DELETE", "/_test/faults").status == 204);
    CHECK(described(ts)["rules"].empty());
}

TEST_CASE("drop closes the connection before anything is handled") {
    TestServer ts = faulty();
    Tablet tablet;
    Http http(ts.port(), sign_in(ts.port(), "leader1", tablet.device_id()));
    const json record = tablet.chain(tablet.record(led_assignment(http, "I-022")));
    const httplib::Headers key{{"Idempotency-Key", record["id"].get<std::string>()}};
    script(ts,
           json::array(
               {{{"method", "POST"}, {"path", "/inspections"}, {"fault", "drop"}, {"times", 1}}}));
    const Answer dropped = http.post("/inspections", record, key);
    CHECK(!dropped.ok);
    CHECK(ts.server().inspection_store().inspections()->empty());
    CHECK(http.post("/inspections", record, key).status == 201);
}

TEST_CASE("drop_after_commit: the record is stored though no answer came, the retry replays") {
    TestServer ts = faulty();
    Tablet tablet;
    Http http(ts.port(), sign_in(ts.port(), "leader1", tablet.device_id()));
    const std::string photo(50000, 'p');
    const json record = tablet.chain(tablet.record(led_assignment(http, "I-022"), {photo}));
    const httplib::Headers key{{"Idempotency-Key", record["id"].get<std::string>()}};
    script(ts, json::array({{{"method", "POST"},
                             {"path", "/inspections"},
                             {"fault", "drop_after_commit"},
                             {"times", 1}},
                            {{"method", "PATCH"},
                             {"path", "/photos/"},
                             {"fault", "drop_after_commit"},
                             {"times", 1}}}));
    const Answer lost = http.post("/inspections", record, key);
    CHECK(!lost.ok);
    CHECK(ts.server().inspection_store().inspections()->size() == 1);
    const Answer replay = http.post("/inspections", record, key);
    CHECK(replay.status == 200);

    const std::string path = "/photos/" + record["photos"][0]["id"].get<std::string>();
    const Answer lost_patch = http.patch(path, photo.substr(0, 20000), 0);
    CHECK(!lost_patch.ok);
    // The bytes were kept: the client learns the offset from HEAD and resumes.
    CHECK(http.head(path).header("Upload-Offset") == "20000");
    CHECK(http.patch(path, photo.substr(20000), 20000).header("Upload-Complete") == "true");
}

TEST_CASE("truncate: the body stops after N bytes and the connection closes") {
    TestServer ts = faulty();
    Http http(ts.port(), sign_in(ts.port(), "inspector1"));
    const Answer whole = http.get("/catalogue?limit=500");
    REQUIRE(whole.status == 200);
    script(ts,
           json::array(
               {{{"path", "/catalogue"}, {"fault", "truncate"}, {"bytes", 100}, {"times", 1}}}));
    const Answer cut = http.get("/catalogue?limit=500");
    CHECK((!cut.ok || cut.body.size() < whole.body.size()));
    // Seen raw: the announced length and fewer bytes.
    script(ts,
           json::array(
               {{{"path", "/catalogue"}, {"fault", "truncate"}, {"bytes", 100}, {"times", 1}}}));
    httplib::Client c("127.0.0.1", ts.port());
    std::string received;
    auto r = c.Get("/api/v1/catalogue?limit=500", {{"Authorization", "Bearer " + http.token()}},
                   [&](const char* data, std::size_t n) {
                       received.append(data, n);
                       return true;
                   });
    CHECK(received.size() <= 100);
    CHECK(received == whole.body.substr(0, received.size()));
}

TEST_CASE("malformed bodies labelled JSON: an HTML page, truncated JSON, deep nesting") {
    TestServer ts = faulty();
    Http http(ts.port(), sign_in(ts.port(), "inspector1"));
    script(
        ts,
        json::array(
            {{{"path", "/calendar"},
              {"fault", "malformed"},
              {"body", "html"},
              {"status", 502},
              {"times", 1}},
             {{"path", "/calendar"},
              {"fault", "malformed"},
              {"body", "truncated_json"},
              {"times", 1}},
             {{"path", "/calendar"}, {"fault", "malformed"}, {"body", "deep_json"}, {"times", 1}},
             {{"path", "/calendar"}, {"fault", "malformed"}, {"body", "not_json"}, {"times", 1}}}));
    const Answer html = http.get("/calendar");
    CHECK(html.status == 502);
    CHECK(html.header("Content-Type") == "application/json");
    CHECK(html.body.starts_with("<!DOCTYPE html>"));
    const Answer truncated = http.get("/calendar");
    CHECK(truncated.status == 200);
    CHECK(truncated.header("Content-Type") == "application/json");
    CHECK(truncated.json_body().is_discarded());
    const Answer deep = http.get("/calendar");
    CHECK(deep.status == 200);
    CHECK(deep.body.size() == 200000);
    CHECK(deep.body.starts_with("[[[[[[[["));
    CHECK(http.get("/calendar").body == "OK");
    CHECK(http.get("/calendar").json_body()["years"].is_object());
}

TEST_CASE("delay, skip and a seeded probability make repeatable scripts") {
    TestServer ts = faulty();
    Http http(ts.port());
    script(ts, json::array({{{"path", "/time"}, {"fault", "delay"}, {"ms", 300}, {"times", 1}}}));
    const auto t0 = std::chrono::steady_clock::now();
    CHECK(http.get("/time").status == 200);
    CHECK(std::chrono::steady_clock::now() - t0 >= std::chrono::milliseconds(300));

    script(ts, json::array({{{"path", "/time"},
                             {"fault", "status"},
                             {"status", 500},
                             {"skip", 2},
                             {"times", 1}}}));
    CHECK(http.get("/time").status == 200);
    CHECK(http.get("/time").status == 200);
    CHECK(http.get("/time").status == 500);
    CHECK(http.get("/time").status == 200);

    auto pattern = [&] {
        script(ts, json::array({{{"path", "/time"},
                                 {"fault", "status"},
                                 {"status", 503},
                                 {"percent", 50},
                                 {"seed", 42}}}));
        std::string p;
        for (int i = 0; i < 24; ++i)
            p += http.get("/time").status == 503 ? 'x' : '.';
        return p;
    };
    const std::string a = pattern();
    CHECK(a == pattern());
    CHECK(a.find('x') != std::string::npos);
    CHECK(a.find('.') != std::string::npos);

    const Answer bad =
        http.raw("POST", "/_test/faults", R"({"rules":[{"path":"(","fault":"drop"}]})");
    CHECK(bad.status == 422);
    CHECK(
        http.raw("POST", "/_test/faults", R"({"rules":[{"path":"x","fault":"explode"}]})").status ==
        422);
}
