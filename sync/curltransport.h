#pragma once

#include "sync/httptypes.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace fi::sync {

/// How the transport talks to the central system.
struct TransportOptions {
    std::chrono::milliseconds connect_timeout{15000};
    std::chrono::milliseconds request_timeout{120000};
    /// Abort when fewer than low_speed_bytes per second flow for low_speed_time.
    long low_speed_bytes = 512;
    std::chrono::seconds low_speed_time{30};
    /// Answers larger than this are refused before they are read whole.
    std::int64_t max_response_bytes = 4 * 1024 * 1024;
    /// PEM bundle of CAs to trust instead of the system's (a self-signed central system).
    std::string ca_file;
    /// Public-key pins, "sha256//<base64>" each; any one matching is enough (backup pins).
    /// Without ca_file the pin is the trust anchor (self-signed central systems); the host
    /// name is checked either way.
    std::vector<std::string> pins;
    /// Plain http:// is refused unless the configured URL itself says http://, and even then
    /// to any host but this device itself (localhost, 127.0.0.0/8, ::1).
    bool allow_plain_http = false;
};

/// libcurl's multi interface on one worker thread. Each request is an easy handle tagged with
/// CURLOPT_PRIVATE; results come back through promises. TLS verification is always on (no
/// option turns it off: a malformed pin refuses the request); no
/// redirects are followed; Expect: 100-continue is never sent; HTTP/2 is used when offered.
class CurlTransport final : public Transport {
public:
    explicit CurlTransport(TransportOptions options = {});
    CurlTransport(const CurlTransport&) = delete;
    CurlTransport& operator=(const CurlTransport&) = delete;
    ~CurlTransport() override;

    HttpResponse perform(HttpRequest request) override;
    /// Queued for the worker at once: sent while the caller goes on.
    std::future<HttpResponse> start(HttpRequest request) override;

    const TransportOptions& options() const { return options_; }

private:
    struct Job;
    void run();
    /// Set `job` up and add it to the multi handle (true), or answer it at once (false: a URL
    /// the options refuse). The caller keeps ownership either way.
    bool start_job(Job* job);

    TransportOptions options_;
    void* multi_ = nullptr; // CURLM*
    std::mutex mutex_;
    std::deque<std::unique_ptr<Job>> queue_;
    bool stopping_ = false;
    std::thread worker_;
};

} // namespace fi::sync
