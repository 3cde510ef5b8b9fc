// Where the session may go, checked below the services: plain http:// only to this device
// itself, refused before a byte leaves; a pin that is empty or garbled refuses the request
// instead of turning the check off. A bare listener proves nothing arrived.
#include "listener.h"
#include "sync/curltransport.h"
#include "sync/origin.h"
#include "syncfixture.h"

using namespace fi;
using namespace fi::test;

namespace {

sync::HttpResponse get(sync::TransportOptions options, const std::string& url) {
    sync::CurlTransport transport(std::move(options));
    sync::HttpRequest rq;
    rq.url = url;
    rq.headers["Authorization"] = "Bearer secret-token";
    return transport.perform(rq);
}

} // namespace

TEST_CASE("plain http:// goes to this device only: to another host it is refused before a byte") {
    Listener listener("0.0.0.0");
    const std::string port = std::to_string(listener.port());
    // The listener works: this device itself may be spoken to in plain http (tests, demos).
    auto here = get(Tablet::plain_http(), "http://127.0.0.1:" + port + "/api/v1/time");
    CHECK(here.status == 401);
    CHECK(listener.connections() == 1);

    std::string other = non_loopback_address();
    if (other.empty())
        other = "central.example"; // no other address here: a name must be refused as well
    CAPTURE(other);
    auto there = get(Tablet::plain_http(), "http://" + other + ":" + port + "/api/v1/time");
    CHECK(there.error == sync::NetError::refused_url);
    CHECK(there.bytes_sent == 0);
    CHECK(there.error_detail.find("https://") != std::string::npos);
    CHECK(listener.connections() == 1);                                   // nothing reached it
    CHECK(listener.received().find("secret-token") != std::string::npos); // only the first

    CHECK(sync::origin_of("http://" + other + "/api/v1").error().code ==
          sync::origin_error::plain_http);
    for (const char* ok : {"http://127.0.0.1:8080/api/v1", "http://localhost/api/v1",
                           "http://[::1]:9/api/v1", "https://central.example/api/v1"})
        CHECK_MESSAGE(sync::origin_of(ok).ok(), ok);
    for (const char* bad : {"http://127.0.0.1.example/", "http://10.0.0.1/", "http://128.0.0.1/",
                            "http://127.0.0.256/"})
        CHECK_MESSAGE(!sync::origin_of(bad).ok(), bad);
    CHECK(sync::origin_of("ftp://central.example/").error().code == sync::origin_error::bad_url);
    CHECK(sync::origin_of("https://user:pw@central.example/").error().code ==
          sync::origin_error::bad_url);
}

TEST_CASE("an empty or garbled pin refuses the request, it never turns verification off") {
    Listener listener;
    const std::string url = "https://127.0.0.1:" + std::to_string(listener.port()) + "/api/v1/time";
    const std::string good = "sha256//" + std::string(43, 'A') + "=";
    CHECK(sync::check_pin(good).ok());
    for (const std::string& pin :
         {std::string(), std::string("sha256//"), std::string("sha256//abc="),
          "sha256//" + std::string(44, 'A'), "md5//" + std::string(43, 'A') + "=",
          "sha256//" + std::string(42, 'A') + "*=", good + ";sha256//x", " " + good}) {
        CAPTURE(pin);
        const auto checked = sync::check_pin(pin);
        REQUIRE_FALSE(checked.ok());
        CHECK(checked.error().code == sync::origin_error::bad_pin);
        sync::TransportOptions o;
        o.pins = {pin};
        auto r = get(o, url);
        CHECK(r.error == sync::NetError::tls);
        CHECK(r.bytes_sent == 0);
        // A backup pin beside a good one does not make a bad one acceptable.
        o.pins = {good, pin};
        CHECK(get(o, url).error == sync::NetError::tls);
    }
    CHECK(listener.connections() == 0);
}
