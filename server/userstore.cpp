#include "server/userstore.h"

#include "server/serverdatabase.h"
#include "server/storesql.h"

#include <nlohmann/json.hpp>

namespace fi::server {

namespace {

using store_sql::query;
using store_sql::run;
using store_sql::sql;

std::string roles_text(const std::vector<std::string>& roles) {
    return nlohmann::json(roles).dump();
}

std::vector<std::string> roles_of(std::string_view text) {
    std::vector<std::string> out;
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_array())
        for (const auto& r : j)
            if (r.is_string())
                out.push_back(r.get<std::string>());
    return out;
}

UserRow user_of(const Statement& st) {
    UserRow u;
    u.username = st.column_string(0);
    u.password_hash = st.column_string(1);
    u.inspector_id = st.column_optional_string(2);
    u.name = st.column_string(3);
    u.unit = st.column_string(4);
    u.roles = roles_of(st.column_text(5));
    return u;
}
constexpr std::string_view user_columns =
    "username, password_hash, inspector_id, name, unit, roles";

} // namespace

Result<std::optional<UserRow>> UserStore::find_user(std::string_view username) {
    auto db = database_.read();
    std::optional<UserRow> out;
    FI_TRY(query(
        *db, sql("SELECT ", user_columns, " FROM users WHERE username = ?1"),
        [&](const Statement& st) { out = user_of(st); }, username));
    return out;
}

Result<std::vector<UserRow>> UserStore::users() {
    auto db = database_.read();
    std::vector<UserRow> out;
    FI_TRY(query(*db, sql("SELECT ", user_columns, " FROM users ORDER BY username"),
                 [&](const Statement& st) { out.push_back(user_of(st)); }));
    return out;
}

Status UserStore::put_user(const UserRow& u) {
    auto db = database_.lock();
    return database_.transaction([&]() -> Status {
        // Update in place: INSERT OR REPLACE would delete the row under its sessions.
        FI_TRY(run(*db,
                   "UPDATE users SET password_hash = ?2, inspector_id = ?3, name = ?4, unit = ?5, "
                   "roles = ?6 WHERE username = ?1",
                   u.username, u.password_hash, u.inspector_id, u.name, u.unit,
                   roles_text(u.roles)));
        if (db->changes() == 0)
            FI_TRY(run(
                *db, sql("INSERT INTO users (", user_columns, ") VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
                u.username, u.password_hash, u.inspector_id, u.name, u.unit, roles_text(u.roles)));
        return {};
    });
}

Status UserStore::set_password_hash(std::string_view username, std::string_view password_hash) {
    auto db = database_.lock();
    return run(*db, "UPDATE users SET password_hash = ?2 WHERE username = ?1", username,
               password_hash);
}

Result<LoginState> UserStore::login_state(std::string_view username) {
    auto db = database_.read();
    LoginState out;
    FI_TRY(query(
        *db, "SELECT failed_attempts, locked_until_ms FROM login_failures WHERE username = ?1",
        [&](const Statement& st) {
            out = LoginState{st.column_int(0), st.column_int64(1)};
        },
        username));
    return out;
}

Status UserStore::set_login_state(std::string_view username, const LoginState& s) {
    auto db = database_.lock();
    if (s.failed_attempts == 0 && s.locked_until_ms == 0)
        return run(*db, "DELETE FROM login_failures WHERE username = ?1", username);
    return run(*db,
               "INSERT OR REPLACE INTO login_failures (username, failed_attempts, locked_until_ms) "
               "VALUES (?1, ?2, ?3)",
               username, s.failed_attempts, s.locked_until_ms);
}

// --- sessions -----------------------------------------------------------------------------------

Status UserStore::put_session(const SessionRow& s) {
    auto db = database_.lock();
    return run(*db,
               "INSERT INTO sessions (token_hash, username, device_id, created_at, expires_at_ms) "
               "VALUES (?1, ?2, ?3, ?4, ?5)",
               s.token_hash, s.username, s.device_id, s.created_at, s.expires_at_ms);
}

Result<std::optional<SessionRow>> UserStore::find_session(std::string_view token_hash) {
    auto db = database_.read();
    std::optional<SessionRow> out;
    FI_TRY(query(
        *db,
        "SELECT token_hash, username, device_id, created_at, expires_at_ms FROM sessions "
        "WHERE token_hash = ?1",
        [&](const Statement& st) {
            out = SessionRow{st.column_string(0), st.column_string(1), st.column_string(2),
                             st.column_string(3), st.column_int64(4)};
        },
        token_hash));
    return out;
}

Status UserStore::delete_session(std::string_view token_hash) {
    auto db = database_.lock();
    return run(*db, "DELETE FROM sessions WHERE token_hash = ?1", token_hash);
}

// --- devices ------------------------------------------------------------------------------------

Status UserStore::touch_device(std::string_view device_id, std::string_view username,
                               std::string_view seen_at) {
    auto db = database_.lock();
    return database_.transaction([&]() -> Status {
        FI_TRY(run(*db, "UPDATE devices SET last_user = ?2, last_seen = ?3 WHERE device_id = ?1",
                   device_id, username, seen_at));
        if (db->changes() == 0)
            FI_TRY(run(*db,
                       "INSERT INTO devices (device_id, last_user, last_seen) VALUES (?1, ?2, ?3)",
                       device_id, username, seen_at));
        return {};
    });
}

Result<std::optional<DeviceRow>> UserStore::find_device(std::string_view device_id) {
    auto db = database_.read();
    std::optional<DeviceRow> out;
    FI_TRY(query(
        *db,
        "SELECT device_id, wipe, message, last_user, last_seen FROM devices WHERE device_id = ?1",
        [&](const Statement& st) {
            out = DeviceRow{st.column_string(0), st.column_int(1) != 0,
                            st.column_optional_string(2), st.column_string(3), st.column_string(4)};
        },
        device_id));
    return out;
}

Status UserStore::set_device_wipe(std::string_view device_id, bool wipe,
                                  const std::optional<std::string>& message) {
    auto db = database_.lock();
    return database_.transaction([&]() -> Status {
        FI_TRY(run(*db, "UPDATE devices SET wipe = ?2, message = ?3 WHERE device_id = ?1",
                   device_id, wipe, message));
        if (db->changes() == 0)
            // A device reported lost before it ever signed in here.
            FI_TRY(run(*db,
                       "INSERT INTO devices (device_id, wipe, message, last_user, last_seen) "
                       "VALUES (?1, ?2, ?3, '', '')",
                       device_id, wipe, message));
        return {};
    });
}

} // namespace fi::server
