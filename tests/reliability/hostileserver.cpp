#include "hostileserver.h"

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <netinet/in.h>
#include <poll.h>
#include <stdexcept>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace fi::test {

long peak_rss_kib() {
    rusage u{};
    ::getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

HostileServer::HostileServer(Behaviour behaviour) : behaviour_(std::move(behaviour)) {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (listen_fd_ < 0)
        throw std::runtime_error("socket");
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(listen_fd_, 16) != 0)
        throw std::runtime_error("bind/listen");
    socklen_t len = sizeof addr;
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    acceptor_ = std::thread([this] { accept_loop(); });
}

HostileServer::~HostileServer() {
    stopping_ = true;
    ::shutdown(listen_fd_, SHUT_RDWR);
    acceptor_.join();
    ::close(listen_fd_);
    for (auto& c : connections_)
        c.join();
}

std::string HostileServer::base_url() const {
    return "http://127.0.0.1:" + std::to_string(port_) + "/api/v1";
}

std::vector<ReceivedRequest> HostileServer::requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
}

bool HostileServer::send_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (n <= 0) {
            if (n < 0 && errno == EINTR)
                continue;
            return false;
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

std::string HostileServer::answer(int status, std::string_view body,
                                  std::string_view content_type) {
    return "HTTP/1.1 " + std::to_string(status) +
           " X\r\nContent-Type: " + std::string(content_type) +
           "\r\nContent-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" +
           std::string(body);
}

void HostileServer::accept_loop() {
    for (;;) {
        const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0) {
            if (stopping_)
                return;
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            return;
        }
        std::lock_guard lock(mutex_);
        connections_.emplace_back([this, fd] { serve(fd); });
    }
}

void HostileServer::serve(int fd) {
    ReceivedRequest rq;
    std::string data;
    char buf[16384];
    std::size_t need = std::string::npos;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!stopping_ && std::chrono::steady_clock::now() < deadline) {
        if (need == std::string::npos) {
            const auto end = data.find("\r\n\r\n");
            if (end != std::string::npos) {
                rq.head = data.substr(0, end);
                std::size_t length = 0;
                std::string lower;
                for (char c : rq.head)
                    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
                const auto cl = lower.find("\r\ncontent-length:");
                if (cl != std::string::npos)
                    length = std::stoul(lower.substr(cl + 17));
                need = end + 4 + length;
            }
        }
        if (need != std::string::npos && data.size() >= need)
            break;
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, 100) <= 0)
            continue;
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0)
            break;
        data.append(buf, static_cast<std::size_t>(n));
    }
    if (need != std::string::npos && data.size() >= need) {
        rq.body = data.substr(rq.head.size() + 4, need - rq.head.size() - 4);
        {
            std::lock_guard lock(mutex_);
            requests_.push_back(rq);
        }
        behaviour_(fd, rq);
    }
    ::shutdown(fd, SHUT_RDWR);
    ::close(fd);
}

} // namespace fi::test
