#pragma once

#include "core/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fi::server {

class ServerDatabase;

/// A login. `password_hash` is PasswordHasher's self-describing string.
struct UserRow {
    std::string username;
    std::string password_hash;
    std::optional<std::string> inspector_id; ///< none for an administrator without a roster entry
    std::string name;
    std::string unit;
    std::vector<std::string> roles; ///< inspector | leader | admin | approver
};

/// Consecutive wrong passwords given for a name — a user's or not: an unknown name is counted
/// and locked exactly like a known one, so the answers do not tell them apart.
struct LoginState {
    int failed_attempts = 0;
    std::int64_t locked_until_ms = 0; ///< 0: not locked
};

/// A signed-in device. Only the SHA-256 of the token is kept: a copy of the database does not
/// hand out sessions.
struct SessionRow {
    std::string token_hash;
    std::string username;
    std::string device_id;
    std::string created_at;
    std::int64_t expires_at_ms = 0;
};

/// A tablet the server has seen, and whether it is to wipe itself.
struct DeviceRow {
    std::string device_id;
    bool wipe = false;
    std::optional<std::string> message;
    std::string last_user;
    std::string last_seen;
};

/// Users, their failed sign-ins, their sessions and the devices they sign in from (tables
/// `users`, `login_failures`, `sessions`, `devices`). Every call is atomic on its own;
/// ServerDatabase::transaction groups several.
class UserStore {
public:
    explicit UserStore(ServerDatabase& database) : database_(database) {}

    /// none for an unknown username.
    Result<std::optional<UserRow>> find_user(std::string_view username);
    /// By username.
    Result<std::vector<UserRow>> users();
    /// Insert or update in place (its sessions stay).
    Status put_user(const UserRow& user);
    /// Replace the password hash only (a hash of the earlier scheme upgraded at sign-in).
    Status set_password_hash(std::string_view username, std::string_view password_hash);

    /// The failure count and lock of a name, known or not (zeros when none).
    Result<LoginState> login_state(std::string_view username);
    /// Set them (sign-in, unlock); zeros forget the name.
    Status set_login_state(std::string_view username, const LoginState& state);

    /// A new session (insert; a token hash is never reused).
    Status put_session(const SessionRow& session);
    /// none for an unknown (or signed-out) token.
    Result<std::optional<SessionRow>> find_session(std::string_view token_hash);
    /// Sign-out or an expired token: the session stops working.
    Status delete_session(std::string_view token_hash);

    /// Note a sign-in from `device_id`, adding the device if it is new.
    Status touch_device(std::string_view device_id, std::string_view username,
                        std::string_view seen_at);
    /// none for a device never seen here.
    Result<std::optional<DeviceRow>> find_device(std::string_view device_id);
    /// Set or clear the wipe flag, adding the device if it never signed in here.
    Status set_device_wipe(std::string_view device_id, bool wipe,
                           const std::optional<std::string>& message);

private:
    ServerDatabase& database_;
};

} // namespace fi::server
