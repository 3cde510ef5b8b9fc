// The executable itself: started as a subprocess on a free port, found through its
// "listening on" line, stopped by SIGTERM, killed with SIGKILL mid-upload and restarted on the
// same data directory without losing an acknowledged byte.
#include "core/sha256.h"
#include "serverfixture.h"

#include <arpa/inet.h>
#include <csignal>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <random>
#include <regex>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace fi::test;

namespace {

/// fieldinspect-server as a child process, its stdout read through a pipe.
class ServerProcess {
public:
    explicit ServerProcess(std::vector<std::string> args, const std::string& stdin_text = {}) {
        int out[2];
        int in[2];
        REQUIRE(pipe(out) == 0);
        REQUIRE(pipe(in) == 0);
        pid_ = fork();
        REQUIRE(pid_ >= 0);
        if (pid_ == 0) {
            dup2(out[1], STDOUT_FILENO);
            dup2(in[0], STDIN_FILENO);
            const int devnull = open("/dev/null", O_WRONLY);
            dup2(devnull, STDERR_FILENO);
            close(out[0]);
            close(in[1]);
            std::vector<char*> argv{const_cast<char*>(FI_SERVER_BINARY)};
            for (std::string& a : args)
                argv.push_back(a.data());
            argv.push_back(nullptr);
            execv(FI_SERVER_BINARY, argv.data());
            _exit(127);
        }
        close(out[1]);
        close(in[0]);
        out_ = out[0];
        if (!stdin_text.empty())
            REQUIRE(write(in[1], stdin_text.data(), stdin_text.size()) ==
                    static_cast<ssize_t>(stdin_text.size()));
        close(in[1]);
    }
    ~ServerProcess() {
        if (pid_ > 0) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
        close(out_);
    }

    /// The next line of stdout (empty after `timeout` or at the end).
    std::string line(std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
        const auto until = std::chrono::steady_clock::now() + timeout;
        for (;;) {
            if (const auto nl = buffer_.find('\n'); nl != std::string::npos) {
                std::string l = buffer_.substr(0, nl);
                buffer_.erase(0, nl + 1);
                return l;
            }
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                until - std::chrono::steady_clock::now());
            if (left.count() <= 0)
                return {};
            pollfd p{out_, POLLIN, 0};
            if (poll(&p, 1, static_cast<int>(left.count())) <= 0)
                return {};
            char buf[4096];
            const ssize_t n = read(out_, buf, sizeof buf);
            if (n <= 0)
                return {};
            buffer_.append(buf, static_cast<std::size_t>(n));
        }
    }
    /// Everything left on stdout.
    std::string rest() {
        std::string all = buffer_;
        buffer_.clear();
        for (std::string l = line(); !l.empty(); l = line())
            all += l + "\n";
        return all;
    }
    /// The port of the "listening on" line.
    int port() {
        const std::string l = line();
        std::smatch m;
        REQUIRE_MESSAGE(
            std::regex_match(l, m, std::regex(R"(listening on http://127\.0\.0\.1:(\d+)/api/v1)")),
            l);
        return std::stoi(m[1]);
    }
    void signal(int sig) { kill(pid_, sig); }
    /// Exit code (or 128 + signal).
    int wait() {
        int status = 0;
        waitpid(pid_, &status, 0);
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }

private:
    pid_t pid_ = -1;
    int out_ = -1;
    std::string buffer_;
};

std::vector<std::string> serve(const std::filesystem::path& data, bool demo, bool fast_kdf = true) {
    std::vector<std::string> a{"--data",      data.string(), "--listen",
                               "127.0.0.1:0", "--assets",    FI_ASSETS_DIR};
    if (demo)
        a.emplace_back("--demo");
    if (fast_kdf)
        a.insert(a.end(), {"--kdf-memory-kib", "8"});
    return a;
}

std::string random_bytes(std::size_t n) {
    std::mt19937 random(7);
    std::string s(n, '\0');
    for (char& c : s)
        c = static_cast<char>(random() & 0xff);
    return s;
}

} // namespace

TEST_CASE("the executable serves the demo on a free port and stops cleanly on SIGTERM") {
    TempDir dir;
    ServerProcess p(serve(dir / "data", /*demo=*/true, /*fast_kdf=*/false));
    const int port = p.port();
    // A newcomer's first steps (README): sign in, list the assignments.
    Http http(port, sign_in(port, "leader1"));
    const Answer a = http.get("/assignments");
    REQUIRE(a.status == 200);
    CHECK(a.json_body()["items"].size() >= 2);
    // The default KDF, not the tests' fast one, protects the demo logins.
    CHECK(std::filesystem::exists(dir / "data" / "server.db"));
    p.signal(SIGTERM);
    CHECK(p.wait() == 0);
}

TEST_CASE("bad command lines are refused with exit code 2") {
    TempDir dir;
    {
        ServerProcess p({"--listen", "127.0.0.1:0"});
        CHECK(p.wait() == 2);
    }
    {
        ServerProcess p({"--data", (dir / "d").string(), "--listen", "127.0.0.1"});
        CHECK(p.wait() == 2);
    }
    {
        ServerProcess p(
            {"--data", (dir / "d").string(), "--listen", "127.0.0.1:0", "--tls-cert", "x"});
        CHECK(p.wait() == 1); // HTTPS needs both files
    }
    {
        ServerProcess p({"admin", "--data", (dir / "d").string(), "frobnicate"});
        CHECK(p.wait() == 2);
    }
}

TEST_CASE("kill -9 mid-upload, restart on the same data: every acknowledged byte is there") {
    TempDir dir;
    const std::string photo = random_bytes(3 * 1024 * 1024UL);
    const std::size_t chunk = 1024 * 1024UL;
    std::string token;
    json record;
    {
        ServerProcess p(serve(dir / "data", true));
        const int port = p.port();
        Tablet tablet;
        Http http(port, sign_in(port, "leader1", tablet.device_id()));
        record = tablet.chain(tablet.record(led_assignment(http, "I-022"), {photo}));
        REQUIRE(http.post("/inspections", record,
                          {{"Idempotency-Key", record["id"].get<std::string>()}})
                    .status == 201);
        const std::string path = "/photos/" + record["photos"][0]["id"].get<std::string>();
        REQUIRE(http.patch(path, photo.substr(0, chunk), 0).status == 204);
        REQUIRE(
            http.patch(path, photo.substr(chunk, chunk), static_cast<std::int64_t>(chunk)).status ==
            204);

        // A third chunk is under way — headers and half its bytes sent — when the server dies.
        const int fd = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<std::uint16_t>(port));
        inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
        REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        const std::string head = "PATCH /api/v1" + path +
                                 " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                 "Authorization: Bearer " +
                                 http.token() +
                                 "\r\n"
                                 "Content-Type: application/offset+octet-stream\r\n"
                                 "Upload-Offset: " +
                                 std::to_string(2 * chunk) +
                                 "\r\n"
                                 "Content-Length: " +
                                 std::to_string(chunk) + "\r\n\r\n";
        const std::string half = head + photo.substr(2 * chunk, chunk / 2);
        REQUIRE(send(fd, half.data(), half.size(), MSG_NOSIGNAL) ==
                static_cast<ssize_t>(half.size()));
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        p.signal(SIGKILL);
        CHECK(p.wait() == 128 + SIGKILL);
        close(fd);
    }
    ServerProcess again(serve(dir / "data", true));
    const int port = again.port();
    Http http(port, sign_in(port, "leader1"));
    const std::string path = "/photos/" + record["photos"][0]["id"].get<std::string>();
    const Answer h = http.head(path);
    REQUIRE(h.status == 200);
    CHECK(h.header("Upload-Offset") == std::to_string(2 * chunk)); // both acknowledged chunks
    CHECK(h.header("Upload-Length") == std::to_string(photo.size()));
    // The record survived too: a replay is recognised, and the upload finishes.
    CHECK(http.post("/inspections", record, {{"Idempotency-Key", record["id"].get<std::string>()}})
              .status == 200);
    const Answer done =
        http.patch(path, photo.substr(2 * chunk), static_cast<std::int64_t>(2 * chunk));
    CHECK(done.status == 204);
    CHECK(done.header("Upload-Complete") == "true");
}

TEST_CASE("the admin command works on the data directory of a running server") {
    TempDir dir;
    ServerProcess server(serve(dir / "data", true));
    const int port = server.port();
    {
        ServerProcess admin({"admin", "--data", (dir / "data").string(), "add-user", "--username",
                             "zhang", "--password-stdin", "--name", "张三", "--unit", "鄂城分局",
                             "--inspector", "I-013", "--roles", "inspector", "--kdf-memory-kib",
                             "8"},
                            "s3cret-pass\n");
        CHECK(admin.rest() == "user zhang saved\n");
        CHECK(admin.wait() == 0);
    }
    const Answer a = Http(port).post(
        "/session",
        json{{"username", "zhang"}, {"password", "s3cret-pass"}, {"device_id", random_uuid()}});
    REQUIRE(a.status == 200);
    CHECK(a.json_body()["user"]["inspector_id"] == "I-013");
    {
        ServerProcess admin({"admin", "--data", (dir / "data").string(), "late-uploads"});
        CHECK(admin.rest() == "no late uploads\n");
        CHECK(admin.wait() == 0);
    }
}
