#include "support/swtpm.h"

#include "support/command.h"

#include <arpa/inet.h>
#include <chrono>
#include <csignal>
#include <netinet/in.h>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace fi::test {

namespace {

/// A port the kernel says is free now, whose successor is free too (swtpm's control port).
int free_port_pair() {
    for (int attempt = 0; attempt < 50; ++attempt) {
        const int s = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof a;
        if (::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
            ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
            ::close(s);
            continue;
        }
        const int port = ntohs(a.sin_port);
        ::close(s);
        if (port >= 65535)
            continue;
        const int t = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in b = a;
        b.sin_port = htons(static_cast<std::uint16_t>(port + 1));
        const bool ok = ::bind(t, reinterpret_cast<sockaddr*>(&b), sizeof b) == 0;
        ::close(t);
        if (ok)
            return port;
    }
    throw std::runtime_error("no free port pair for swtpm");
}

bool answers(int port) {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool ok = ::connect(s, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    ::close(s);
    return ok;
}

} // namespace

bool Swtpm::available() {
    return run_command("command -v swtpm >/dev/null && command -v tpm2_dictionarylockout "
                       ">/dev/null")
               .status == 0;
}

Swtpm::Swtpm(std::filesystem::path state_dir) : dir_(std::move(state_dir)) {
    std::filesystem::create_directories(dir_);
    port_ = free_port_pair();
    const std::string state = "dir=" + dir_.string();
    const std::string server = "type=tcp,port=" + std::to_string(port_) + ",bindaddr=127.0.0.1";
    const std::string ctrl = "type=tcp,port=" + std::to_string(port_ + 1) + ",bindaddr=127.0.0.1";
    const std::string log = "file=" + (dir_ / "swtpm.log").string();
    pid_ = ::fork();
    if (pid_ == 0) {
        ::execlp("swtpm", "swtpm", "socket", "--tpm2", "--tpmstate", state.c_str(), "--server",
                 server.c_str(), "--ctrl", ctrl.c_str(), "--flags", "not-need-init,startup-clear",
                 "--log", log.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!answers(port_)) {
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            throw std::runtime_error("swtpm exited at start (see " + (dir_ / "swtpm.log").string() +
                                     ")");
        }
        if (std::chrono::steady_clock::now() > deadline)
            throw std::runtime_error("swtpm did not answer within 10 s");
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

Swtpm::~Swtpm() {
    if (pid_ > 0) {
        ::kill(pid_, SIGTERM);
        int status = 0;
        ::waitpid(pid_, &status, 0);
    }
}

std::string Swtpm::tcti() const {
    return "swtpm:host=127.0.0.1,port=" + std::to_string(port_);
}

std::string Swtpm::env() const {
    return "FI_TPM_TCTI=" + tcti() + " TPM2TOOLS_TCTI=" + tcti() + " ";
}

void Swtpm::provision_lockout(int max_tries, int interval_s, int recovery_s) const {
    const auto r = run_command(
        "TPM2TOOLS_TCTI=" + tcti() + " tpm2_dictionarylockout --setup-parameters --max-tries=" +
        std::to_string(max_tries) + " --recovery-time=" + std::to_string(interval_s) +
        " --lockout-recovery-time=" + std::to_string(recovery_s) + " 2>&1");
    if (r.status != 0)
        throw std::runtime_error("tpm2_dictionarylockout failed: " + r.out);
}

} // namespace fi::test
