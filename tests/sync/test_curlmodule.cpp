// libcurl in its own module (sync/curlmodule.h): the app's and the command line's transport
// opened on the first request, and origin_of reading URLs with the module's parser — the same
// parser, with the same answers, as the transport's own check.
#include "clitablet.h"
#include "sync/curlmodule.h"
#include "sync/origin.h"
#include "syncfixture.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace fi;
using namespace fi::test;

TEST_CASE("the curl module is this build's, and its transport speaks to the central system with "
          "the options it was given") {
    auto module = sync::curl_module();
    REQUIRE_MESSAGE(module, (module ? "" : module.error().message));

    CentralServer server;
    sync::ModuleTransport transport(Tablet::plain_http());
    sync::CentralClient client(transport, server.process.base_url());
    auto time = client.server_time();
    REQUIRE(time);
    CHECK(time->starts_with("20")); // RFC 3339 from the server's clock

    // The options travel into the module: without allow_plain_http the same URL is refused
    // before a byte is sent.
    sync::ModuleTransport strict(sync::TransportOptions{});
    sync::HttpRequest get;
    get.url = server.process.base_url() + "/time";
    const auto refused = strict.perform(get);
    CHECK(refused.error == sync::NetError::refused_url);
    CHECK(refused.status == 0);
}

TEST_CASE("a request started goes out at once, and the caller takes the answer when it is ready") {
    CentralServer server;
    sync::ModuleTransport transport(Tablet::plain_http());
    sync::HttpRequest get;
    get.url = server.process.base_url() + "/time";
    auto answer = transport.start(get);
    // Not left until asked for (a deferred answer would say so here): the transport's own
    // worker sends it and the answer arrives by itself.
    REQUIRE(answer.wait_for(std::chrono::seconds(30)) == std::future_status::ready);
    const auto r = answer.get();
    CHECK(r.status == 200);
    CHECK(r.body.find("20") != std::string::npos);

    // A request the options refuse is answered the same way, without a byte sent.
    sync::ModuleTransport strict(sync::TransportOptions{});
    const auto refused = strict.start(get).get();
    CHECK(refused.error == sync::NetError::refused_url);
    CHECK(refused.status == 0);
}

TEST_CASE("origin_of reads a URL through the module exactly as the transport's own check reads "
          "it: no second parser to disagree with the one that connects") {
    for (const char* url :
         {"https://Example.ORG:8443/api/v1", "http://127.0.0.1:8080", "https://[::1]/",
          "http://localhost", "https://user:secret@central.example/", "ftp://central.example/",
          "not a url", "https://central.example:99999/", "http://127.0.0.1\\@evil.example/",
          "http://evil.example#@127.0.0.1/", "HTTPS://central.example", "https://"}) {
        CAPTURE(url);
        const auto via_module = sync::origin_of(url);
        const auto direct = sync::origin_from(url, sync::curl_url_parts(url), {}, {});
        REQUIRE(via_module.ok() == direct.ok());
        if (direct)
            CHECK(*via_module == *direct);
        else
            CHECK(via_module.error().message == direct.error().message);
    }
    // And what it reads is what the rules expect.
    CHECK(sync::origin_of("https://Example.ORG:8443/x").value().host == "example.org");
    CHECK(sync::origin_of("https://[::1]/").value().host == "::1");
    CHECK(sync::origin_of("https://user:secret@central.example/").error().code ==
          sync::origin_error::bad_url);
    CHECK(sync::origin_of("http://evil.example#@127.0.0.1/").error().code ==
          sync::origin_error::plain_http);
}

TEST_CASE("a command that sends nothing never loads libcurl, one that sends opens the module") {
    // The dynamic loader's own account of what it loaded (LD_DEBUG=files), for the command line
    // that shares the app's unlock: a tablet set up from the settings it is run with.
    CentralServer server;
    CliTablet tab(server.process.base_url());
    REQUIRE_MESSAGE(tab.cli("init --user inspector1 --json").status == 0, tab.stderr_text());
    REQUIRE_MESSAGE(tab.cli("pull").status == 0, tab.stderr_text());
    const auto a = tab.onsite_assignment();

    const auto shown = tab.cli("show " + a + " --json", "LD_DEBUG=files");
    REQUIRE_MESSAGE(shown.status == 0, tab.stderr_text());
    const std::string offline = tab.stderr_text();
    REQUIRE(offline.find("libsqlcipher") != std::string::npos); // the loader did report
    CHECK(offline.find("libfieldinspect-curl") == std::string::npos);
    CHECK(offline.find("libcurl") == std::string::npos);

    const auto pulled = tab.cli("pull", "LD_DEBUG=files");
    REQUIRE_MESSAGE(pulled.status == 0, tab.stderr_text());
    CHECK(tab.stderr_text().find("libfieldinspect-curl.so") != std::string::npos);
}
