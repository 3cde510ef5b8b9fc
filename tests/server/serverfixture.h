#pragma once

// Shared helpers of the server tests: a demo server in-process on a free loopback port with a
// clock the test can move, a plain HTTP client (cpp-httplib's, over real sockets), and valid
// inspection records for the demo assignments, chained like a tablet chains them.

#include "server/drawservice.h"
#include "server/httplib_wrap.h"
#include "server/server.h"
#include "support/tempdir.h"

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace fi::test {

using json = nlohmann::json;

/// A server on 127.0.0.1:0 over a fresh data directory (demo data unless told otherwise).
class TestServer {
public:
    struct Setup {
        bool demo = true;
        bool fault_injection = false;
        fi::server::SessionPolicy sessions{};
    };
    TestServer() : TestServer(Setup{}) {}
    explicit TestServer(Setup setup);
    ~TestServer();

    /// Move the server's clock.
    void advance(std::chrono::milliseconds by) { offset_ms_->fetch_add(by.count()); }
    std::chrono::system_clock::time_point now() const;

    fi::server::Server& server() { return *server_; }
    int port() const { return server_->port(); }
    const std::filesystem::path& data_dir() const { return dir_.path(); }

private:
    TempDir dir_;
    std::shared_ptr<std::atomic<std::int64_t>> offset_ms_;
    std::unique_ptr<fi::server::Server> server_;
};

/// One HTTP exchange's outcome: a response, or a transport error (connection dropped…).
struct Answer {
    bool ok = false; ///< a response arrived
    int status = 0;
    httplib::Headers headers;
    std::string body;
    httplib::Error error = httplib::Error::Success;

    json json_body() const { return json::parse(body, nullptr, false); }
    std::string header(const std::string& name) const;
    /// The interface's error code, "" if the body is not an error body.
    std::string code() const;
};

/// Requests to a server under /api/v1, with an optional bearer token.
class Http {
public:
    explicit Http(int port, std::string token = {}) : port_(port), token_(std::move(token)) {}
    void set_token(std::string token) { token_ = std::move(token); }
    const std::string& token() const { return token_; }

    Answer get(const std::string& path, const httplib::Headers& extra = {}) const;
    Answer head(const std::string& path) const;
    Answer del(const std::string& path) const;
    Answer post(const std::string& path, const std::string& body,
                const httplib::Headers& extra = {}) const;
    Answer post(const std::string& path, const json& body,
                const httplib::Headers& extra = {}) const {
        return post(path, body.dump(), extra);
    }
    Answer patch(const std::string& path, const std::string& bytes, std::int64_t offset,
                 const std::string& content_type = "application/offset+octet-stream") const;
    /// A path outside /api/v1 (the test-only fault routes).
    Answer raw(const std::string& method, const std::string& path,
               const std::string& body = {}) const;

private:
    httplib::Headers headers(const httplib::Headers& extra) const;
    int port_;
    std::string token_;
};

std::string random_uuid();

/// Sign in a demo user (password demo1234) from a fresh device; the token.
std::string sign_in(int port, const std::string& username,
                    const std::string& device_id = random_uuid());

/// The demo catalogue (assets/demo/catalogue.json).
const json& demo_catalogue();
/// An assets/demo file.
json demo_file(const std::string& name);

/// Plans as tests publish them (interface 1.1): a stratum of a plan file; the seed of test
/// party 0 or 1 of a plan (fixed per plan, different between plans); a plan of `unit` with
/// those two parties' commitments, published a minute ago (a draw runs only after it).
json test_stratum(const std::string& category, std::optional<int> k, const std::string& mode,
                  json items);
std::string party_seed(const std::string& plan_id, int party);
extern const std::array<std::string, 2> party_names;
json test_plan(const std::string& id, const std::string& unit, json strata,
               const std::string& from = "2026-10-01", const std::string& to = "2026-12-31");
/// Every party reveals its seed, then the plan's draw runs.
fi::Result<fi::server::DrawResult> reveal_and_draw(fi::server::DrawService& draws,
                                                   const std::string& plan_id);

/// A tablet's side of the upload: builds valid records for assignments and chains them.
class Tablet {
public:
    explicit Tablet(std::string device_id = random_uuid()) : device_id_(std::move(device_id)) {}

    /// A complete, valid record for `assignment` (as GET /assignments gives it), by its
    /// leader and first member, on the UTC+08:00 day of `day_of` (default: now), with
    /// `photos` photos of the given bytes declared. Not chained yet.
    json record(const json& assignment, const std::vector<std::string>& photos = {},
                std::optional<std::chrono::system_clock::time_point> day_of = std::nullopt) const;
    /// Add the `chain` member as the device's next record (advances the chain).
    json chain(json record);
    /// Chain as seq `seq` after `prev` without touching the device's state.
    json chain_at(json record, std::int64_t seq, const std::string& prev) const;

    const std::string& device_id() const { return device_id_; }

private:
    std::string device_id_;
    std::int64_t seq_ = 0;
    std::string last_hash_;
};

/// The caller's assignments (every page).
std::vector<json> assignments_of(const Http& http);
/// The first active assignment the demo user `inspector_id` leads, on site unless told, and
/// without `without` on its team when one is named.
json led_assignment(const Http& http, const std::string& inspector_id, bool onsite = true,
                    const std::string& without = {});

} // namespace fi::test
