// Conformance of the session endpoints, the bearer check and the response conventions
// (central-api.md "Conventions", "Session"), over real HTTP.
#include "core/date.h"
#include "core/sha256.h"
#include "server/passwordhasher.h"
#include "server/sessionservice.h"
#include "serverfixture.h"

#include <algorithm>
#include <array>
#include <doctest/doctest.h>
#include <openssl/evp.h>
#include <thread>

using namespace fi::test;

namespace {

json credentials(const std::string& user, const std::string& password,
                 const std::string& device = random_uuid()) {
    return {{"username", user}, {"password", password}, {"device_id", device}};
}

/// The interface's error body: exactly code, message and field.
void check_error_shape(const Answer& a, const std::string& code) {
    const json body = a.json_body();
    REQUIRE(body.is_object());
    REQUIRE(body.size() == 1);
    const json& e = body["error"];
    CHECK(e.size() == 3);
    CHECK(e["code"] == code);
    CHECK(e["message"].is_string());
    CHECK(!e["message"].get<std::string>().empty());
    CHECK((e["field"].is_null() || e["field"].is_string()));
}

} // namespace

TEST_CASE("POST /session signs a demo user in and answers the interface's shape") {
    TestServer ts;
    const std::string device = random_uuid();
    const Answer a = Http(ts.port()).post("/session", credentials("leader1", "demo1234", device));
    REQUIRE(a.status == 200);
    const json body = a.json_body();
    CHECK(body["token"].get<std::string>().size() == 64);
    CHECK(fi::parse_rfc3339(body["expires_at"].get<std::string>()).ok());
    CHECK(fi::parse_rfc3339(body["now"].get<std::string>()).ok());
    CHECK(body["now"].get<std::string>().ends_with("+08:00"));
    CHECK(body["user"]["inspector_id"] == "I-022");
    CHECK(body["user"]["name"] == "孔立宏");
    CHECK(body["user"]["unit"] == "梁子湖分局");
    CHECK(body["user"]["roles"] == json::array({"inspector", "leader"}));
    CHECK(!a.header("Date").empty());

    // The token works; the admin login has no inspector.
    Http http(ts.port(), body["token"].get<std::string>());
    CHECK(http.get("/device").status == 200);
    const Answer admin = Http(ts.port()).post("/session", credentials("admin", "demo1234"));
    REQUIRE(admin.status == 200);
    CHECK(admin.json_body()["user"]["inspector_id"].is_null());
    CHECK(admin.json_body()["user"]["roles"] == json::array({"admin"}));
}

TEST_CASE("wrong passwords and unknown users are 401 invalid_credentials") {
    TestServer ts;
    Http http(ts.port());
    const Answer wrong = http.post("/session", credentials("leader1", "demo12345"));
    CHECK(wrong.status == 401);
    check_error_shape(wrong, "invalid_credentials");
    const Answer unknown = http.post("/session", credentials("nobody", "demo1234"));
    CHECK(unknown.status == 401);
    check_error_shape(unknown, "invalid_credentials");
}

TEST_CASE("a malformed sign-in is 422 invalid with the field named") {
    TestServer ts;
    Http http(ts.port());
    const Answer no_device =
        http.post("/session", json{{"username", "leader1"}, {"password", "demo1234"}});
    CHECK(no_device.status == 422);
    check_error_shape(no_device, "invalid");
    CHECK(no_device.json_body()["error"]["field"] == "device_id");
    const Answer upper = http.post(
        "/session", credentials("leader1", "demo1234", "9B2E4C1A-3F5D-4E6A-8B7C-1D2E3F4A5B6C"));
    CHECK(upper.status == 422);
    const Answer not_json = http.post("/session", std::string("{\"username\":"));
    CHECK(not_json.status == 422);
    check_error_shape(not_json, "invalid");
}

TEST_CASE("the fifth wrong password locks the account: 423, even for the right password") {
    TestServer ts;
    Http http(ts.port());
    for (int i = 0; i < 4; ++i)
        CHECK(http.post("/session", credentials("inspector1", "wrong-pass")).status == 401);
    const Answer fifth = http.post("/session", credentials("inspector1", "wrong-pass"));
    CHECK(fifth.status == 423);
    check_error_shape(fifth, "locked");
    const Answer right = http.post("/session", credentials("inspector1", "demo1234"));
    CHECK(right.status == 423);
    // Other accounts are not affected.
    CHECK(http.post("/session", credentials("leader1", "demo1234")).status == 200);
    // The lock runs out.
    ts.advance(std::chrono::minutes(16));
    CHECK(http.post("/session", credentials("inspector1", "demo1234")).status == 200);
}

TEST_CASE("a successful sign-in resets the failure count") {
    TestServer ts;
    Http http(ts.port());
    for (int i = 0; i < 4; ++i)
        CHECK(http.post("/session", credentials("inspector1", "wrong-pass")).status == 401);
    CHECK(http.post("/session", credentials("inspector1", "demo1234")).status == 200);
    for (int i = 0; i < 4; ++i)
        CHECK(http.post("/session", credentials("inspector1", "wrong-pass")).status == 401);
}

TEST_CASE("401 for a missing, unknown or expired token, DELETE /session ends the token") {
    TestServer ts;
    const Answer missing = Http(ts.port()).get("/assignments");
    CHECK(missing.status == 401);
    check_error_shape(missing, "unauthorized");
    CHECK(missing.header("WWW-Authenticate") == "Bearer");
    CHECK(Http(ts.port(), std::string(64, 'a')).get("/catalogue").status == 401);

    const std::string token = sign_in(ts.port(), "leader1");
    Http http(ts.port(), token);
    CHECK(http.get("/catalogue").status == 200);
    const Answer bye = http.del("/session");
    CHECK(bye.status == 204);
    CHECK(bye.body.empty());
    CHECK(http.get("/catalogue").status == 401);
    CHECK(http.del("/session").status == 401);

    Http second(ts.port(), sign_in(ts.port(), "leader1"));
    CHECK(second.get("/calendar").status == 200);
    ts.advance(std::chrono::hours(12) + std::chrono::seconds(1));
    const Answer expired = second.get("/calendar");
    CHECK(expired.status == 401);
    check_error_shape(expired, "token_expired");
}

TEST_CASE("GET /device reports the wipe flag of the session's device") {
    TestServer ts;
    const std::string device = random_uuid();
    Http http(ts.port(), sign_in(ts.port(), "inspector1", device));
    const Answer before = http.get("/device");
    REQUIRE(before.status == 200);
    CHECK(before.json_body() == json{{"wipe", false}, {"message", nullptr}});
    REQUIRE(ts.server().user_store().set_device_wipe(device, true, "设备已挂失").ok());
    const Answer after = http.get("/device");
    CHECK(after.json_body() == json{{"wipe", true}, {"message", "设备已挂失"}});
    // Another device of the same user is not wiped.
    Http other(ts.port(), sign_in(ts.port(), "inspector1"));
    CHECK(other.get("/device").json_body()["wipe"] == false);
}

TEST_CASE("GET /time needs no token and gives milliseconds in UTC+08:00") {
    TestServer ts;
    const Answer a = Http(ts.port()).get("/time");
    REQUIRE(a.status == 200);
    const std::string now = a.json_body()["now"].get<std::string>();
    CHECK(now.size() == std::string("2026-11-28T09:30:00.123+08:00").size());
    CHECK(now.ends_with("+08:00"));
    const auto t = fi::parse_rfc3339(now);
    REQUIRE(t.ok());
    CHECK(std::chrono::abs(*t - std::chrono::system_clock::now()) < std::chrono::seconds(5));
    ts.advance(std::chrono::hours(2));
    const auto later =
        fi::parse_rfc3339(Http(ts.port()).get("/time").json_body()["now"].get<std::string>());
    CHECK(*later - *t > std::chrono::minutes(119));
}

TEST_CASE("every response carries a Date header and errors the interface's body") {
    TestServer ts;
    Http anonymous(ts.port());
    for (const Answer& a :
         {anonymous.get("/time"), anonymous.get("/nowhere"), anonymous.get("/catalogue"),
          anonymous.head("/photos/x"), anonymous.post("/session", std::string("[]"))}) {
        CHECK(a.ok);
        CHECK(a.header("Date").ends_with(" GMT"));
    }
    const Answer unknown = anonymous.get("/nowhere");
    CHECK(unknown.status == 404);
    check_error_shape(unknown, "not_found");
    // A body over the transport's limit is refused by the library itself, still in shape.
    Http http(ts.port(), sign_in(ts.port(), "leader1"));
    const Answer huge = http.patch("/photos/x", std::string(8 * 1024 * 1024 + 1, 'x'), 0);
    CHECK(huge.status == 413);
    check_error_shape(huge, "too_large");
    CHECK(!huge.header("Date").empty());
}

namespace {

/// A hash of the earlier scheme, as the server stored them before Argon2id.
std::string pbkdf2_hash(const std::string& password, int iterations) {
    const std::array<std::uint8_t, 16> salt{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    std::array<std::uint8_t, 32> out{};
    REQUIRE(PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), salt.data(),
                              static_cast<int>(salt.size()), iterations, EVP_sha256(),
                              static_cast<int>(out.size()), out.data()) == 1);
    return "pbkdf2-sha256$" + std::to_string(iterations) + "$" + fi::to_hex(salt) + "$" +
           fi::to_hex(out);
}

} // namespace

TEST_CASE("passwords are stored as Argon2id with a salt") {
    using fi::server::PasswordHasher;
    const PasswordHasher hasher(PasswordHasher::fastest_cost());
    const std::string a = hasher.hash("demo1234");
    const std::string b = hasher.hash("demo1234");
    CHECK(a.starts_with("$argon2id$v=19$"));
    CHECK(a != b); // salted
    CHECK(PasswordHasher::verify("demo1234", a));
    CHECK(!PasswordHasher::verify("demo1235", a));
    CHECK(!PasswordHasher::verify("demo1234", "plain"));
    CHECK(!hasher.needs_upgrade(a));
    CHECK(PasswordHasher(PasswordHasher::default_cost).needs_upgrade(a)); // another cost
    // The shipped cost: at least the interactive level libsodium recommends.
    CHECK(PasswordHasher::default_cost.memlimit_bytes >= 64u * 1024 * 1024);
    CHECK(PasswordHasher::default_cost.opslimit >= 2);

    TestServer ts;
    auto user = ts.server().user_store().find_user("leader1");
    REQUIRE(user.ok());
    REQUIRE(user->has_value());
    CHECK((*user)->password_hash.find("demo1234") == std::string::npos);
    CHECK((*user)->password_hash.starts_with("$argon2id$"));
}

TEST_CASE("a PBKDF2 hash of the earlier scheme still signs in and is replaced by Argon2id") {
    TestServer ts;
    auto& users = ts.server().user_store();
    auto user = users.find_user("inspector1");
    REQUIRE(user.ok());
    REQUIRE(user->has_value());
    fi::server::UserRow row = **user;
    row.password_hash = pbkdf2_hash("old-pass-1", 1000);
    REQUIRE(users.put_user(row).ok());

    Http http(ts.port());
    // A wrong password leaves the old hash as it is.
    CHECK(http.post("/session", credentials("inspector1", "old-pass-2")).status == 401);
    CHECK((*users.find_user("inspector1"))->password_hash == row.password_hash);
    CHECK(http.post("/session", credentials("inspector1", "old-pass-1")).status == 200);
    const std::string upgraded = (*users.find_user("inspector1"))->password_hash;
    CHECK(upgraded.starts_with("$argon2id$"));
    CHECK(fi::server::PasswordHasher::verify("old-pass-1", upgraded));
    // And it keeps working.
    CHECK(http.post("/session", credentials("inspector1", "old-pass-1")).status == 200);
    CHECK((*users.find_user("inspector1"))->password_hash == upgraded);
}

TEST_CASE("an unknown name is answered exactly like a known one, lock-out included") {
    TestServer ts;
    Http http(ts.port());
    std::vector<Answer> known;
    std::vector<Answer> unknown;
    for (int i = 0; i < 6; ++i) {
        known.push_back(http.post("/session", credentials("inspector1", "wrong-pass")));
        unknown.push_back(http.post("/session", credentials("nobody-at-all", "wrong-pass")));
    }
    for (std::size_t i = 0; i < known.size(); ++i) {
        INFO("attempt " << i + 1);
        CHECK(known[i].status == (i < 4 ? 401 : 423));
        CHECK(unknown[i].status == known[i].status);
        CHECK(unknown[i].code() == known[i].code());
        // The same words, but for the time of the lock's end.
        const auto words = [](const Answer& a) {
            std::string m = a.json_body()["error"]["message"].get<std::string>();
            return m.substr(0, m.find(" until "));
        };
        CHECK(words(unknown[i]) == words(known[i]));
        CHECK(unknown[i].header("WWW-Authenticate") == known[i].header("WWW-Authenticate"));
    }
    auto state = ts.server().user_store().login_state("nobody-at-all");
    REQUIRE(state.ok());
    CHECK(state->failed_attempts == 5);
    CHECK(state->locked_until_ms > 0);
    // The lock of an unknown name runs out like a known one's.
    ts.advance(std::chrono::minutes(16));
    CHECK(http.post("/session", credentials("nobody-at-all", "wrong-pass")).status == 401);
}

TEST_CASE("twenty wrong passwords at once: exactly the lock count is tried, none slips past") {
    TestServer ts;
    std::vector<std::thread> threads;
    std::vector<int> statuses(20, 0);
    for (std::size_t i = 0; i < statuses.size(); ++i)
        threads.emplace_back([&, i] {
            statuses[i] =
                Http(ts.port()).post("/session", credentials("leader1", "wrong-pass")).status;
        });
    for (std::thread& t : threads)
        t.join();
    CHECK(std::count(statuses.begin(), statuses.end(), 401) == 4);
    CHECK(std::count(statuses.begin(), statuses.end(), 423) == 16);
    auto state = ts.server().user_store().login_state("leader1");
    REQUIRE(state.ok());
    CHECK(state->failed_attempts == 5);
    CHECK(Http(ts.port()).post("/session", credentials("leader1", "demo1234")).status == 423);
}

TEST_CASE("only sign-in and time answer without a session and test routes need the flag") {
    TestServer ts;
    const Http anonymous(ts.port());
    const std::string photo = "/photos/" + random_uuid();
    const std::vector<std::pair<std::string, Answer>> closed = {
        {"DELETE /session", anonymous.del("/session")},
        {"GET /device", anonymous.get("/device")},
        {"GET /calendar", anonymous.get("/calendar")},
        {"GET /catalogue", anonymous.get("/catalogue")},
        {"GET /inspectors", anonymous.get("/inspectors")},
        {"GET /assignments", anonymous.get("/assignments")},
        {"GET /draws/D", anonymous.get("/draws/D-2026-Q4")},
        {"POST /assignments/A/redraw", anonymous.post("/assignments/A-1/redraw", json::object())},
        {"POST /inspections", anonymous.post("/inspections", json::object())},
        {"HEAD /photos/P", anonymous.head(photo)},
        {"PATCH /photos/P", anonymous.patch(photo, "x", 0)},
    };
    for (const auto& [route, answer] : closed) {
        INFO(route);
        CHECK(answer.status == 401);
        CHECK(answer.header("WWW-Authenticate") == "Bearer");
    }
    CHECK(anonymous.get("/time").status == 200);
    CHECK(anonymous.post("/session", credentials("leader1", "demo1234")).status == 200);
    // Without --fault-injection the test routes do not exist.
    for (const std::string method : {"GET", "POST", "DELETE"}) {
        INFO(method);
        const Answer a = anonymous.raw(method, "/_test/faults", "{}");
        CHECK(a.status == 404);
        check_error_shape(a, "not_found");
    }
}
