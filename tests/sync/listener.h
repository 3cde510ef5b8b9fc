#pragma once

// A bare TCP listener standing in for a server that must receive nothing: it records every
// connection and every byte sent to it, and answers each request 401 with an empty body.

#include <atomic>
#include <mutex>
#include <string>
#include <thread>

namespace fi::test {

class Listener {
public:
    /// Listen on `address` (an IPv4 address: "127.0.0.1", or "0.0.0.0" for every interface)
    /// on a free port.
    explicit Listener(const std::string& address = "127.0.0.1");
    ~Listener();
    Listener(const Listener&) = delete;
    Listener& operator=(const Listener&) = delete;

    int port() const { return port_; }
    int connections() const { return connections_.load(); }
    /// Every byte received so far, all connections in order.
    std::string received() const;

private:
    void run();
    int fd_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::atomic<int> connections_{0};
    mutable std::mutex mutex_;
    std::string received_;
    std::thread thread_;
};

/// An IPv4 address of this machine that is not loopback, or empty when it has none.
std::string non_loopback_address();

} // namespace fi::test
