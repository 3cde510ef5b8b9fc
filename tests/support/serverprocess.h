#pragma once

#include <filesystem>
#include <string>
#include <sys/types.h>
#include <vector>

namespace fi::test {

/// The real reference server as a child process on a free loopback port: started with
/// `--listen 127.0.0.1:0`, its port read from the line it prints, killed on destruction.
/// Restartable on the same data directory and port (for restart and crash tests; a tablet
/// set up with its address keeps talking to it).
class ServerProcess {
public:
    ServerProcess(std::filesystem::path data_dir, std::vector<std::string> extra_args);
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;
    ~ServerProcess();

    /// Start (again, on the port of the last run); throws if it does not come up within a few
    /// seconds.
    void start();
    /// `NAME=value` entries added to the child's environment from the next start() on, e.g.
    /// libfaketime's to run the central system on another clock; empty: the test's own.
    void set_environment(std::vector<std::string> entries) { env_ = std::move(entries); }
    /// SIGKILL and reap.
    void kill();
    bool running() const { return pid_ > 0; }
    /// The child's process id (-1 when not running), e.g. to read its /proc/PID/status.
    pid_t pid() const { return pid_; }

    int port() const { return port_; }
    /// e.g. http://127.0.0.1:41234/api/v1
    const std::string& base_url() const { return base_url_; }
    const std::filesystem::path& data_dir() const { return data_dir_; }

private:
    std::filesystem::path data_dir_;
    std::vector<std::string> args_;
    std::vector<std::string> env_;
    pid_t pid_ = -1;
    int port_ = 0;
    std::string base_url_;
};

/// Path of the server binary this test build uses.
std::filesystem::path server_binary();

} // namespace fi::test
