#pragma once

#include "core/result.h"
#include "server/caller.h"
#include "server/clock.h"
#include "server/passwordhasher.h"
#include "server/userstore.h"

#include <array>
#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

namespace fi::server {

class ServerDatabase;

/// How long sessions live and when an account locks.
struct SessionPolicy {
    std::chrono::seconds token_lifetime = std::chrono::hours(12);
    int max_failures = 5; ///< the failure that reaches this count locks the account (423)
    std::chrono::seconds lock_duration = std::chrono::minutes(15);
};

/// Sign-in, bearer tokens and devices (central-api.md "Session"). Tokens are 256 random bits;
/// only their SHA-256 is stored. Wrong passwords count per name; the max_failures-th locks
/// it for lock_duration, during which even the right password answers `locked`.
///
/// Attempts on one name are taken one at a time, from reading its count to writing it back,
/// so twenty at once are judged as twenty in a row: exactly max_failures passwords are tried
/// before the lock, never more. An unknown name takes the same path — a verification against
/// a dummy hash, the same count, the same lock — so its answers (401, then 423) and their
/// timing are a known name's (central-api.md 1.1 "Requests the central system refuses
/// outright"). A hash of the earlier scheme is replaced by an Argon2id one at the next sign-in.
class SessionService {
public:
    /// `database` groups the read-check-write steps (failure counting, sign-in) atomically.
    SessionService(ServerDatabase& database, UserStore& users, Clock clock, PasswordHasher hasher,
                   SessionPolicy policy = {});

    /// `POST /session`: the 200 body, or invalid / invalid_credentials / locked.
    Result<nlohmann::json> sign_in(const nlohmann::json& body);
    /// The caller of an `Authorization` header value; unauthorized or token_expired.
    Result<Caller> authenticate(std::string_view authorization);
    /// `DELETE /session`: the token stops working.
    Status sign_out(const Caller& caller);
    /// `GET /device`.
    Result<nlohmann::json> device_status(const Caller& caller);

    /// Add a login or replace one (administration, demo data). The password is hashed here.
    Status put_user(std::string_view username, std::string_view password,
                    const std::optional<std::string>& inspector_id, std::string_view name,
                    std::string_view unit, const std::vector<std::string>& roles);
    /// Clear a name's failures and lock.
    Status unlock(std::string_view username);

private:
    ServerDatabase& database_;
    UserStore& users_;
    Clock clock_;
    PasswordHasher hasher_;
    SessionPolicy policy_;
    /// Attempts on a name hold the lock its hash picks (striped: bounded, whatever the names).
    std::array<std::mutex, 64> name_locks_;
};

/// A lower-case UUID (8-4-4-4-12 hex digits): the shape of every client-made id.
bool is_lower_uuid(std::string_view text);

} // namespace fi::server
