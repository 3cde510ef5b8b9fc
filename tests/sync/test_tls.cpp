// TLS against the real server with a self-signed certificate: refused unless its CA or a pin
// is configured; a wrong pin or a wrong host name is refused before any body is sent.
#include "syncfixture.h"

using namespace fi;
using namespace fi::test;

namespace {

sync::TransportOptions tls(const std::string& ca, std::vector<std::string> pins = {}) {
    sync::TransportOptions o;
    o.ca_file = ca;
    o.pins = std::move(pins);
    o.connect_timeout = std::chrono::seconds(5);
    return o;
}

} // namespace

TEST_CASE("a self-signed server is refused unless its CA or its pin is configured") {
    Certificate c("127.0.0.1");
    CentralServer server({"--demo", "--tls-cert", c.cert, "--tls-key", c.key});
    const std::string url = server.process.base_url();
    REQUIRE(url.starts_with("https://"));

    SUBCASE("system CAs only: refused, not retried") {
        Tablet t(url, tls(""));
        auto s = t.client.sign_in("inspector1", "demo1234", t.device_id);
        REQUIRE_FALSE(s.ok());
        CHECK(s.error().net == sync::NetError::tls);
        CHECK(s.error().kind == sync::ApiErrorKind::refused);
    }
    SUBCASE("its CA configured: accepted") {
        Tablet t(url, tls(c.cert));
        t.sign_in("inspector1");
        t.pull();
        CHECK_FALSE(t.assignments().empty());
    }
    SUBCASE("its pin configured: accepted") {
        Tablet t(url, tls("", {c.pin}));
        t.sign_in("inspector1");
    }
    SUBCASE("a backup pin that matches is enough") {
        Tablet t(url, tls("", {"sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", c.pin}));
        t.sign_in("inspector1");
    }
    SUBCASE("a wrong pin is refused before any body is sent, even with the right CA") {
        Tablet t(url, tls(c.cert, {"sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}));
        sync::HttpRequest rq;
        rq.method = "POST";
        rq.url = url + "/session";
        rq.body = R"({"username":"inspector1","password":"demo1234","device_id":"x"})";
        const auto r = t.transport.perform(rq);
        CHECK(r.error == sync::NetError::tls);
        CHECK(r.status == 0);
        CHECK(r.bytes_sent == 0);
    }
}

TEST_CASE("a certificate for another host name is refused even with its CA or pin") {
    Certificate c("central.example");
    CentralServer server({"--demo", "--tls-cert", c.cert, "--tls-key", c.key});
    for (const auto& options : {tls(c.cert), tls("", {c.pin})}) {
        Tablet t(server.process.base_url(), options);
        auto s = t.client.sign_in("inspector1", "demo1234", t.device_id);
        REQUIRE_FALSE(s.ok());
        CHECK(s.error().net == sync::NetError::tls);
    }
}

TEST_CASE("plain http is refused unless the configured URL says http://") {
    CentralServer server({"--demo"});
    sync::TransportOptions strict; // allow_plain_http false
    Tablet t(server.process.base_url(), strict);
    auto s = t.client.server_time();
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().net == sync::NetError::refused_url);
    CHECK(s.error().kind == sync::ApiErrorKind::refused);
}
