#pragma once

// A tiny HTTP/1.1 server on plain loopback sockets for answers no real server would give
// (never answering, trickling, 50 MB, 100 000 levels of JSON…): for each connection it reads
// one request, keeps it, and hands the socket to a scripted behaviour, then closes it.

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace fi::test {

/// One request as received.
struct ReceivedRequest {
    std::string head; ///< request line and headers
    std::string body;
};

class HostileServer {
public:
    /// What to do with a connection once its request is read: write anything to `fd`.
    /// Long behaviours poll `stopping()`.
    using Behaviour = std::function<void(int fd, const ReceivedRequest& request)>;

    explicit HostileServer(Behaviour behaviour);
    HostileServer(const HostileServer&) = delete;
    HostileServer& operator=(const HostileServer&) = delete;
    ~HostileServer();

    int port() const { return port_; }
    std::string base_url() const; ///< http://127.0.0.1:PORT/api/v1
    bool stopping() const { return stopping_.load(); }
    std::vector<ReceivedRequest> requests() const;

    /// Write all of `bytes`; false once the peer is gone.
    static bool send_all(int fd, std::string_view bytes);
    /// A whole answer with Content-Length and Content-Type: application/json.
    static std::string answer(int status, std::string_view body,
                              std::string_view content_type = "application/json");

private:
    void accept_loop();
    void serve(int fd);

    Behaviour behaviour_;
    int listen_fd_ = -1;
    int port_ = 0;
    std::atomic<bool> stopping_{false};
    mutable std::mutex mutex_;
    std::vector<ReceivedRequest> requests_;
    std::vector<std::thread> connections_;
    std::thread acceptor_;
};

/// Peak resident set of this process so far, in KiB (getrusage ru_maxrss).
long peak_rss_kib();

} // namespace fi::test
