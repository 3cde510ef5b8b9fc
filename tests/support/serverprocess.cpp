#include "support/serverprocess.h"

#include "core/atomicfile.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <regex>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace fi::test {

std::filesystem::path server_binary() {
#ifdef FI_SERVER_BINARY
    return FI_SERVER_BINARY;
#else
    throw std::runtime_error("this test binary was built without the server");
#endif
}

ServerProcess::ServerProcess(std::filesystem::path data_dir, std::vector<std::string> extra_args)
    : data_dir_(std::move(data_dir)), args_(std::move(extra_args)) {
    start();
}

ServerProcess::~ServerProcess() {
    kill();
}

void ServerProcess::start() {
    if (pid_ > 0)
        return;
    // The child's output goes to a file beside the data directory (never a pipe that could
    // fill up or break); the "listening on" line is read from there.
    const std::string log = data_dir_.string() + ".log";
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        throw std::runtime_error("cannot create " + log);
    std::vector<std::string> argv_s = {server_binary().string(), "--data", data_dir_.string(),
                                       "--listen", "127.0.0.1:" + std::to_string(port_)};
    argv_s.insert(argv_s.end(), args_.begin(), args_.end());
    // The test's environment, each name given in env_ replaced; made before fork (the child
    // only execs).
    std::vector<std::string> env_s;
    for (char** e = environ; *e; ++e) {
        const std::string_view entry(*e);
        const auto name = entry.substr(0, entry.find('=') + 1);
        if (std::none_of(env_.begin(), env_.end(),
                         [&](const std::string& mine) { return mine.starts_with(name); }))
            env_s.emplace_back(entry);
    }
    env_s.insert(env_s.end(), env_.begin(), env_.end());
    std::vector<char*> envp;
    for (auto& e : env_s)
        envp.push_back(e.data());
    envp.push_back(nullptr);
    pid_ = ::fork();
    if (pid_ == 0) {
        ::dup2(fd, STDOUT_FILENO);
        ::dup2(fd, STDERR_FILENO);
        std::vector<char*> argv;
        for (auto& a : argv_s)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execve(argv[0], argv.data(), envp.data());
        std::_Exit(127);
    }
    ::close(fd);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    const std::regex line(R"(listening on (https?://127\.0\.0\.1:(\d+)/api/v1))");
    std::smatch m;
    std::string seen;
    for (;;) {
        seen = read_small_file(log).value_or("");
        if (std::regex_search(seen, m, line))
            break;
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            throw std::runtime_error("the server exited; it said: " + seen);
        }
        if (std::chrono::steady_clock::now() > deadline) {
            kill();
            throw std::runtime_error("the server did not start in time; it said: " + seen);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    base_url_ = m[1].str();
    port_ = std::stoi(m[2].str());
}

void ServerProcess::kill() {
    if (pid_ <= 0)
        return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
}

} // namespace fi::test
