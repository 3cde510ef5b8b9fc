#pragma once

#include "core/result.h"
#include "sync/curltransport.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace fi::sync {

/// A URL as libcurl's own parser reads it, so that the origin checked is the one curl connects
/// to. `problem` says why it is not usable; the parts are set when it is empty.
struct UrlParts {
    std::string problem;
    std::string scheme;
    std::string host; ///< as curl gives it: an IPv6 address in brackets
    std::string port; ///< the scheme's default when the URL names none
};

/// What the module libfieldinspect-curl.so gives (core/sharedmodule.h): libcurl, the curl
/// transport, and libcurl's URL and date parsers. It is opened on first use, so that a start
/// that sends nothing does not load libcurl and what Debian builds it with (GnuTLS, LDAP, RTMP,
/// SSH, Kerberos: docs/performance-notes.md).
struct CurlModule {
    Transport* (*make_transport)(const TransportOptions& options);
    UrlParts (*url_parts)(std::string_view url);
    /// An HTTP date (`Date`) in seconds since the epoch; -1 when it is unreadable.
    std::int64_t (*http_date)(const char* text);
};

/// The module's entry points, opened once per process; `module_unavailable` when it cannot be
/// opened (remembered: a reinstall needs a restart anyway).
Result<const CurlModule*> curl_module();

/// libcurl's parsers themselves, for the module's own code and the tests that link
/// fi::sync_curl; everything else reaches them through curl_module().
UrlParts curl_url_parts(std::string_view url);
std::int64_t curl_http_date(const char* text);

/// The transport the app and the command line use: a CurlTransport the module makes on the
/// first request. When the module cannot be opened, every request is answered with
/// NetError::other and the loader's words; nothing is sent.
class ModuleTransport final : public Transport {
public:
    explicit ModuleTransport(TransportOptions options) : options_(std::move(options)) {}

    HttpResponse perform(HttpRequest request) override;
    std::future<HttpResponse> start(HttpRequest request) override;

private:
    /// The module's transport, made on first use; the loader's words when it cannot be.
    Result<Transport*> curl();

    TransportOptions options_;
    std::mutex mutex_;
    std::unique_ptr<Transport> curl_;
};

} // namespace fi::sync
