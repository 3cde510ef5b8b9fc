#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <future>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fi::sync {

/// Header names compare case-insensitively (HTTP/2 sends them lower case, HTTP/1.1 may not);
/// they are stored lower case.
using Headers = std::map<std::string, std::string>;

/// Bytes sent and total for one request, reported while it runs.
using ProgressFn = std::function<void(std::int64_t sent, std::int64_t total)>;

struct HttpRequest {
    std::string method = "GET"; ///< GET, POST, PATCH, HEAD, DELETE
    std::string url;
    Headers headers;
    std::string body;
    /// Overall limit for this request; 0 = the transport's default.
    std::chrono::milliseconds timeout{0};
    ProgressFn on_progress;
    /// Set to true from any thread to abort the request.
    const std::atomic<bool>* cancel = nullptr;
};

/// What went wrong below HTTP. Network trouble is a value, never an exception.
enum class NetError {
    none,
    resolve,     ///< host name not found
    connect,     ///< refused or unreachable
    timeout,     ///< connect, overall or low-speed limit hit
    connection,  ///< closed mid-way, nothing or half an answer received
    tls,         ///< certificate, host name or pin refused
    too_large,   ///< the answer exceeded the size limit; stopped before it was read
    cancelled,   ///< the caller cancelled
    refused_url, ///< the URL's scheme is not allowed (http:// without opting in, or other)
    other,
};

const char* to_string(NetError e);

struct HttpResponse {
    long status = 0; ///< 0 when no HTTP answer arrived
    Headers headers;
    std::string body;
    NetError error = NetError::none;
    std::string error_detail; ///< curl's words, for logs and the user's "details"
    std::int64_t bytes_sent = 0;

    bool ok() const { return error == NetError::none; }
    std::optional<std::string> header(const std::string& lower_name) const {
        auto it = headers.find(lower_name);
        if (it == headers.end())
            return std::nullopt;
        return it->second;
    }
};

/// An answer already known (a request refused before it was sent), as start() gives it.
std::future<HttpResponse> ready_response(HttpResponse response);

/// The seam sync talks through: the curl implementation is the real one and the one the
/// tests use against the reference server on loopback.
class Transport {
public:
    virtual ~Transport() = default;
    /// Perform one request; blocks the calling thread (not the transport's worker).
    virtual HttpResponse perform(HttpRequest request) = 0;
    /// Start one request and return at once: the calling thread works while it is on the
    /// network (the uploader reads the next chunk) and then waits for the answer. Here the
    /// request is performed when the answer is asked for, on the asking thread; a transport
    /// with a worker of its own (CurlTransport) sends it right away.
    virtual std::future<HttpResponse> start(HttpRequest request);
};

} // namespace fi::sync
