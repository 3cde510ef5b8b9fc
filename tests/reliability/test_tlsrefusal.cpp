// Scenario 7, TLS. tests/sync/test_tls.cpp proves against the real server that a self-signed
// certificate, a wrong pin and a wrong host name are refused (and that a matching CA or pin is
// accepted). This scenario adds what those cannot see: a hostile HTTPS server that logs every
// request it decrypts sees nothing — no request line, no body, no password — when the client's
// check fails; and a redirect to plain http:// is not followed, so a plain listener logs
// nothing either.
#include "scenario.h"
#include "server/httplib_wrap.h"
#include "syncfixture.h"

#include <mutex>
#include <thread>

using namespace fi;
using namespace fi::test;

namespace {

/// An HTTP(S) server that logs everything it receives and answers `handler`.
template <class S> class LoggingServer {
public:
    template <class... A>
    explicit LoggingServer(std::function<void(const httplib::Request&, httplib::Response&)> h,
                           A&&... args)
        : server_(std::forward<A>(args)...), handler_(std::move(h)) {
        auto log = [this](const httplib::Request& rq, httplib::Response& rs) {
            {
                std::lock_guard lock(mutex_);
                log_.push_back(rq.method + " " + rq.path + " " + rq.body);
            }
            handler_(rq, rs);
        };
        server_.Get(".*", log);
        server_.Post(".*", log);
        server_.Patch(".*", log);
        server_.Options(".*", log);
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        while (!server_.is_running())
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~LoggingServer() {
        server_.stop();
        thread_.join();
    }
    int port() const { return port_; }
    std::vector<std::string> log() const {
        std::lock_guard lock(mutex_);
        return log_;
    }

private:
    S server_;
    std::function<void(const httplib::Request&, httplib::Response&)> handler_;
    mutable std::mutex mutex_;
    std::vector<std::string> log_;
    int port_ = 0;
    std::thread thread_;
};

sync::TransportOptions tls(const std::string& ca, std::vector<std::string> pins = {}) {
    sync::TransportOptions o;
    o.ca_file = ca;
    o.pins = std::move(pins);
    o.connect_timeout = std::chrono::seconds(5);
    o.request_timeout = std::chrono::seconds(10);
    return o;
}

const char* const password_body =
    R"({"username":"inspector1","password":"demo1234-secret","device_id":"x"})";

} // namespace

TEST_CASE("scenario 7: a failed TLS check sends nothing, a redirect to http is not followed") {
    std::int64_t runs = 0, failures = 0;
    auto answer_ok = [](const httplib::Request&, httplib::Response& rs) {
        rs.set_content(R"({"now":"2026-11-28T09:30:00.000+08:00"})", "application/json");
    };

    // Refusals against a server that would log any request it could read.
    Certificate right("127.0.0.1"), other_host("central.example");
    const std::string wrong_pin = "sha256//AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    struct Refusal {
        std::string name;
        const Certificate* served;
        sync::TransportOptions options;
    };
    const std::vector<Refusal> refusals = {
        {"self-signed, system CAs", &right, tls("")},
        {"wrong pin, right CA", &right, tls(right.cert, {wrong_pin})},
        {"wrong pin only", &right, tls("", {wrong_pin})},
        {"host name mismatch, its CA", &other_host, tls(other_host.cert)},
        {"host name mismatch, its pin", &other_host, tls("", {other_host.pin})},
    };
    for (const auto& c : refusals) {
        CAPTURE(c.name);
        ++runs;
        LoggingServer<httplib::SSLServer> hostile(answer_ok, c.served->cert.c_str(),
                                                  c.served->key.c_str());
        const std::string base = "https://127.0.0.1:" + std::to_string(hostile.port()) + "/api/v1";
        sync::CurlTransport transport(c.options);
        sync::HttpRequest rq;
        rq.method = "POST";
        rq.url = base + "/session";
        rq.headers["Content-Type"] = "application/json";
        rq.body = password_body;
        const auto r = transport.perform(rq);
        sync::CentralClient client(transport, base);
        auto s = client.sign_in("inspector1", "demo1234-secret", make_uuid_v4());
        const bool ok = r.error == sync::NetError::tls && r.status == 0 && r.bytes_sent == 0 &&
                        !s.ok() && s.error().kind == sync::ApiErrorKind::refused &&
                        hostile.log().empty();
        failures += ok ? 0 : 1;
        CHECK(r.error == sync::NetError::tls);
        CHECK(r.bytes_sent == 0);
        REQUIRE_FALSE(s.ok());
        CHECK(s.error().kind == sync::ApiErrorKind::refused);
        CHECK(hostile.log().empty()); // not one request line, header or body
    }
    {
        // The control: the same logging server with its CA configured does see the request,
        // so an empty log above means nothing was sent, not that logging is broken.
        LoggingServer<httplib::SSLServer> hostile(answer_ok, right.cert.c_str(), right.key.c_str());
        sync::CurlTransport transport(tls(right.cert));
        sync::CentralClient client(
            transport, "https://127.0.0.1:" + std::to_string(hostile.port()) + "/api/v1");
        CHECK(client.server_time().ok());
        CHECK(hostile.log().size() == 1);
    }

    // A trusted server redirects every request to plain http on another port.
    LoggingServer<httplib::Server> plain(answer_ok);
    const std::string plain_url = "http://127.0.0.1:" + std::to_string(plain.port());
    LoggingServer<httplib::SSLServer> redirecting(
        [&](const httplib::Request& rq, httplib::Response& rs) {
            rs.status = 307;
            rs.set_header("Location", plain_url + rq.path);
            rs.set_content("{}", "application/json");
        },
        right.cert.c_str(), right.key.c_str());
    const std::string base = "https://127.0.0.1:" + std::to_string(redirecting.port()) + "/api/v1";
    for (bool plain_allowed : {false, true}) {
        CAPTURE(plain_allowed);
        ++runs;
        auto o = tls(right.cert);
        o.allow_plain_http = plain_allowed; // even a client configured for http:// somewhere
        sync::CurlTransport transport(o);
        sync::CentralClient client(transport, base);
        auto s = client.sign_in("inspector1", "demo1234-secret", make_uuid_v4());
        auto p = client.post_inspection("00000000-0000-4000-8000-000000000000", password_body);
        const bool ok = !s.ok() && s.error().status == 307 && !p.ok() && plain.log().empty();
        failures += ok ? 0 : 1;
        REQUIRE_FALSE(s.ok());
        CHECK(s.error().status == 307);
        CHECK(s.error().kind != sync::ApiErrorKind::retryable);
        CHECK_FALSE(p.ok());
        CHECK(plain.log().empty());
    }
    CHECK(redirecting.log().size() == 4); // the redirecting server did get them, over TLS
    report(7, "TLS refusals",
           {runs, failures, 0, 0,
            "self-signed, wrong pin, host mismatch: 0 bytes sent, hostile server logged 0 "
            "requests; 307 to http:// not followed, plain listener logged 0 requests"});
}
