#include "server/sessionservice.h"

#include "core/date.h"
#include "core/sha256.h"
#include "server/apierror.h"
#include "server/requestjson.h"
#include "server/serverdatabase.h"

#include <array>
#include <cctype>
#include <openssl/rand.h>
#include <stdexcept>

namespace fi::server {

namespace {

using json = nlohmann::json;

std::string new_token() {
    std::array<std::uint8_t, 32> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
        throw std::runtime_error("RAND_bytes failed");
    return to_hex(bytes);
}

/// Longer names and passwords are refused before any work (the same for every name).
constexpr std::size_t max_username_bytes = 256;
constexpr std::size_t max_password_bytes = 1024;

Error bad_credentials() {
    return Error::make(api_code::invalid_credentials,
                       "Wrong username or password. Check both and sign in again.");
}

Error locked_error(std::int64_t until_ms) {
    const auto until = std::chrono::system_clock::time_point(std::chrono::milliseconds(until_ms));
    return Error::make(api_code::locked,
                       "This account is locked after too many wrong passwords until " +
                           china_timestamp(until) +
                           ". Wait, or ask an administrator to unlock it.");
}

json user_json(const UserRow& u) {
    return {{"inspector_id", u.inspector_id ? json(*u.inspector_id) : json(nullptr)},
            {"name", u.name},
            {"unit", u.unit},
            {"roles", u.roles}};
}

} // namespace

bool is_lower_uuid(std::string_view s) {
    if (s.size() != 36)
        return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-')
                return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

SessionService::SessionService(ServerDatabase& database, UserStore& users, Clock clock,
                               PasswordHasher hasher, SessionPolicy policy)
    : database_(database), users_(users), clock_(std::move(clock)), hasher_(hasher),
      policy_(policy) {}

Result<json> SessionService::sign_in(const json& body) {
    const auto username = string_member(body, "username");
    const auto password = string_member(body, "password");
    const auto device_id = string_member(body, "device_id");
    if (!username || username->empty())
        return Error::make(api_code::invalid, "username must be a non-empty string.", "username");
    if (!password)
        return Error::make(api_code::invalid, "password must be a string.", "password");
    if (!device_id || !is_lower_uuid(*device_id))
        return Error::make(api_code::invalid, "device_id must be a lower-case UUID.", "device_id");

    if (username->size() > max_username_bytes)
        return Error::make(api_code::invalid, "username is too long.", "username");
    if (password->size() > max_password_bytes)
        return Error::make(api_code::invalid, "password is too long.", "password");

    std::lock_guard name_lock(
        name_locks_[std::hash<std::string>{}(*username) % name_locks_.size()]);
    const auto now = clock_();
    const std::int64_t now_ms = epoch_ms(now);
    auto state = users_.login_state(*username);
    if (!state)
        return state.error();
    if (state->locked_until_ms > now_ms)
        return locked_error(state->locked_until_ms);
    auto found = users_.find_user(*username);
    if (!found)
        return found.error();

    // The slow part: the same for a name nobody has.
    bool right = false;
    if (*found)
        right = PasswordHasher::verify(*password, (*found)->password_hash);
    else
        hasher_.spend_verification_time(*password);
    if (!right) {
        // A lock that expired starts a fresh count.
        LoginState next = state->locked_until_ms != 0 ? LoginState{} : *state;
        ++next.failed_attempts;
        if (next.failed_attempts >= policy_.max_failures)
            next.locked_until_ms = now_ms + policy_.lock_duration.count() * 1000;
        FI_TRY(users_.set_login_state(*username, next));
        return next.locked_until_ms != 0 ? locked_error(next.locked_until_ms) : bad_credentials();
    }

    if (state->failed_attempts != 0 || state->locked_until_ms != 0)
        FI_TRY(users_.set_login_state(*username, LoginState{}));
    if (hasher_.needs_upgrade((*found)->password_hash))
        FI_TRY(users_.set_password_hash(*username, hasher_.hash(*password)));
    const std::string token = new_token();
    const auto expires = now + policy_.token_lifetime;
    SessionRow session{Sha256::hex(token), *username, *device_id, china_timestamp(now),
                       epoch_ms(expires)};
    if (const Status tx = database_.transaction([&]() -> Status {
            FI_TRY(users_.put_session(session));
            return users_.touch_device(*device_id, *username, china_timestamp(now));
        });
        !tx)
        return tx.error();
    return json{{"token", token},
                {"expires_at", china_timestamp(expires)},
                {"now", china_timestamp(now)},
                {"user", user_json(**found)}};
}

Result<Caller> SessionService::authenticate(std::string_view authorization) {
    constexpr std::string_view scheme = "bearer ";
    if (authorization.size() <= scheme.size())
        return Error::make(api_code::unauthorized,
                           "Sign in first: this call needs 'Authorization: Bearer <token>'.");
    for (std::size_t i = 0; i < scheme.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(authorization[i])) != scheme[i])
            return Error::make(api_code::unauthorized,
                               "Sign in first: this call needs 'Authorization: Bearer <token>'.");
    const std::string_view token = authorization.substr(scheme.size());
    auto session = users_.find_session(Sha256::hex(token));
    if (!session)
        return session.error();
    if (!*session)
        return Error::make(api_code::unauthorized,
                           "The session is unknown or was ended. Sign in again.");
    if ((*session)->expires_at_ms <= epoch_ms(clock_())) {
        FI_TRY(users_.delete_session((*session)->token_hash));
        return Error::make(api_code::token_expired, "The session expired. Sign in again.");
    }
    auto user = users_.find_user((*session)->username);
    if (!user)
        return user.error();
    if (!*user)
        return Error::make(api_code::unauthorized, "The account no longer exists.");
    Caller c;
    c.username = (*user)->username;
    c.inspector_id = (*user)->inspector_id;
    c.name = (*user)->name;
    c.unit = (*user)->unit;
    c.roles = (*user)->roles;
    c.device_id = (*session)->device_id;
    c.token_hash = (*session)->token_hash;
    return c;
}

Status SessionService::sign_out(const Caller& caller) {
    return users_.delete_session(caller.token_hash);
}

Result<json> SessionService::device_status(const Caller& caller) {
    auto device = users_.find_device(caller.device_id);
    if (!device)
        return device.error();
    if (!*device)
        return json{{"wipe", false}, {"message", nullptr}};
    return json{{"wipe", (*device)->wipe},
                {"message", (*device)->message ? json(*(*device)->message) : json(nullptr)}};
}

Status SessionService::put_user(std::string_view username, std::string_view password,
                                const std::optional<std::string>& inspector_id,
                                std::string_view name, std::string_view unit,
                                const std::vector<std::string>& roles) {
    if (username.empty())
        return Error::make(api_code::invalid, "A user needs a username.", "username");
    if (password.size() < 8)
        return Error::make(api_code::invalid, "A password needs at least 8 characters.",
                           "password");
    for (const std::string& r : roles)
        if (r != "inspector" && r != "leader" && r != "admin" && r != "approver")
            return Error::make(api_code::invalid,
                               "Unknown role '" + r + "' (inspector, leader, admin or approver).",
                               "roles");
    UserRow u;
    u.username = std::string(username);
    u.password_hash = hasher_.hash(password);
    u.inspector_id = inspector_id;
    u.name = std::string(name);
    u.unit = std::string(unit);
    u.roles = roles;
    return users_.put_user(u);
}

Status SessionService::unlock(std::string_view username) {
    auto user = users_.find_user(username);
    if (!user)
        return user.error();
    if (!*user)
        return Error::make(api_code::not_found, "No user " + std::string(username) + ".",
                           "username");
    return users_.set_login_state(username, LoginState{});
}

} // namespace fi::server
