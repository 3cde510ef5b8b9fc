#include "listener.h"

#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace fi::test {

Listener::Listener(const std::string& address) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd_ >= 0);
    const int yes = 1;
    ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = 0;
    REQUIRE(::inet_pton(AF_INET, address.c_str(), &a.sin_addr) == 1);
    REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    REQUIRE(::listen(fd_, 16) == 0);
    socklen_t len = sizeof a;
    REQUIRE(::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len) == 0);
    port_ = ntohs(a.sin_port);
    thread_ = std::thread([this] { run(); });
}

Listener::~Listener() {
    stop_ = true;
    thread_.join();
    ::close(fd_);
}

std::string Listener::received() const {
    std::lock_guard lock(mutex_);
    return received_;
}

void Listener::run() {
    while (!stop_) {
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0)
            continue;
        const int c = ::accept(fd_, nullptr, nullptr);
        if (c < 0)
            continue;
        ++connections_;
        std::string request;
        char buf[4096];
        // Read until the headers end or the client goes quiet, then answer and close.
        for (;;) {
            pollfd q{c, POLLIN, 0};
            if (::poll(&q, 1, 500) <= 0)
                break;
            const auto n = ::read(c, buf, sizeof buf);
            if (n <= 0)
                break;
            request.append(buf, static_cast<std::size_t>(n));
            if (request.find("\r\n\r\n") != std::string::npos)
                break;
        }
        {
            std::lock_guard lock(mutex_);
            received_ += request;
        }
        const std::string answer = "HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n"
                                   "Connection: close\r\n\r\n";
        (void)!::write(c, answer.data(), answer.size());
        ::close(c);
    }
}

std::string non_loopback_address() {
    ifaddrs* list = nullptr;
    if (::getifaddrs(&list) != 0)
        return {};
    std::string found;
    for (ifaddrs* i = list; i && found.empty(); i = i->ifa_next) {
        if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET)
            continue;
        char text[INET_ADDRSTRLEN] = {};
        const auto* in = reinterpret_cast<const sockaddr_in*>(i->ifa_addr);
        ::inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
        if (std::string(text).rfind("127.", 0) != 0)
            found = text;
    }
    ::freeifaddrs(list);
    return found;
}

} // namespace fi::test
