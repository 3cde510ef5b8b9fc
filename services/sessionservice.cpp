#include "services/sessionservice.h"

#include "core/atomicfile.h"
#include "core/metastore.h"
#include "core/store.h"
#include "services/errors.h"
#include "services/workspace.h"
#include "sync/origin.h"

#include <fstream>
#include <nlohmann/json.hpp>

namespace fi::services {

namespace {
using nlohmann::json;
namespace fs = std::filesystem;

UserInfo user_of(const std::string& username, const sync::SessionUser& s) {
    UserInfo u;
    u.username = username;
    u.inspector_id = s.inspector_id;
    u.name = s.name;
    u.unit = s.unit;
    u.roles = s.roles;
    return u;
}

std::string trust_text(const ServerConfig& s) {
    std::string t;
    if (!s.ca_file.empty())
        t += " with the CA bundle " + s.ca_file;
    for (const auto& p : s.pins)
        t += (t.empty() ? " pinned to " : ", ") + p;
    return t;
}

/// Whether the central system a front end names (empty fields: "the kept one") is the one the
/// tablet was set up with: the same scheme, host and port, and, when trust is given, the same
/// CA bundle and pins. The session goes nowhere else.
Status same_central_system(const ServerConfig& given, const ServerConfig& kept) {
    if (given.url.empty() && given.ca_file.empty() && given.pins.empty())
        return {};
    // The settings naming the kept central system word for word (every unlock of a tablet set
    // up from them): the same origin, without opening the curl module to parse it.
    if (given.url == kept.url && given.ca_file == kept.ca_file && given.pins == kept.pins)
        return {};
    for (const auto& p : given.pins)
        FI_TRY(sync::check_pin(p));
    auto mine = sync::origin_of(kept.url, kept.ca_file, kept.pins);
    if (!mine)
        return mine.error();
    bool same = true;
    if (!given.url.empty()) {
        auto theirs = sync::origin_of(given.url);
        if (!theirs)
            return theirs.error();
        same = theirs->scheme == mine->scheme && theirs->host == mine->host &&
               theirs->port == mine->port;
    }
    if (!given.ca_file.empty() || !given.pins.empty())
        same = same && given.ca_file == kept.ca_file && given.pins == kept.pins;
    if (same)
        return {};
    ServerConfig named = given;
    if (named.url.empty())
        named.url = kept.url;
    return Error::make(sync::origin_error::mismatch,
                       "This tablet was set up with the central system at " + mine->to_string() +
                           trust_text(kept) +
                           "; its session goes nowhere else, and the settings (--server, "
                           "--ca-file, --tls-pin, FI_SERVER or the app's settings) name " +
                           named.url + trust_text(named) +
                           ". Nothing was sent. Leave the server settings out to use the one "
                           "it was set up with; another central system needs the tablet set up "
                           "again.");
}

/// The central system and its trust, kept beside the store at first run.
Status keep_origin(const fs::path& file, const ServerConfig& s) {
    return write_file_atomically(
        file, json{{"url", s.url}, {"ca_file", s.ca_file}, {"pins", s.pins}}.dump() + "\n");
}

/// The kept central system; an empty URL when the tablet was set up before it was kept.
Result<ServerConfig> kept_origin(const fs::path& file) {
    ServerConfig s;
    std::error_code ec;
    if (!fs::exists(file, ec))
        return s;
    std::ifstream in(file);
    const json j = json::parse(in, nullptr, false);
    if (!j.is_object() || !j.contains("url") || !j.at("url").is_string())
        return Error::make(store_error::damaged,
                           "The record of the central system this tablet was set up with (" +
                               file.string() +
                               ") cannot be read. Nothing was sent. Ask your administrator.");
    s.url = j.at("url").get<std::string>();
    s.ca_file = j.value("ca_file", "");
    if (j.contains("pins") && j.at("pins").is_array())
        for (const auto& p : j.at("pins"))
            if (p.is_string())
                s.pins.push_back(p.get<std::string>());
    return s;
}
} // namespace

bool SessionService::set_up() const {
    return w_.vault().exists() || fs::exists(w_.store_path());
}

Result<platform::VaultState> SessionService::vault_state() {
    return w_.vault().state();
}

bool SessionService::needs_passphrase() const {
    return w_.vault().needs_passphrase();
}

std::string SessionService::secret_store() const {
    return w_.vault().store_name();
}

const UserInfo& SessionService::user() const {
    return w_.user;
}

Result<UserInfo> SessionService::sign_in_first(const ServerConfig& server,
                                               const std::string& username,
                                               const std::string& password) {
    if (set_up())
        return Error::make(platform::key_error::already_set_up,
                           "This tablet is already set up at " + w_.data_dir().string() +
                               "; nothing was changed. Unlock it with your PIN.");
    if (server.url.empty())
        return Error::make(service_error::no_server, "Enter the central system's address first.");
    // A non-https address (but this device's own), an empty or garbled pin: refused before
    // a byte is sent, the password included.
    if (auto origin = sync::origin_of(server.url, server.ca_file, server.pins); !origin)
        return origin.error();
    w_.connect_to(server);
    const std::string device = make_uuid_v4();
    auto session = w_.client().sign_in(username, password, device);
    if (!session)
        return to_error(session.error());
    pending_session_ = *session;
    pending_username_ = username;
    pending_device_id_ = device;
    return user_of(username, session->user);
}

Result<UserInfo> SessionService::create_store(const std::string& pin) {
    if (!pending_session_)
        return Error::make(service_error::no_session, "Sign in online first, then choose a PIN.");
    std::error_code ec;
    fs::create_directories(w_.data_dir(), ec);
    if (ec)
        return Error::make(store_error::io, "Cannot create the data folder " +
                                                w_.data_dir().string() + ": " + ec.message());
    platform::KeyVault vault = w_.vault();
    platform::VaultSetup setup;
    setup.owner = pending_session_->user.inspector_id;
    auto key = vault.create(pin, setup);
    if (!key)
        return key.error();
    OpenOptions o;
    o.mode = OpenOptions::Mode::create_if_missing;
    auto opened = open_store(w_.store_path(), *key, o);
    if (!opened)
        return opened.error();
    w_.open(std::move(opened.value()));
    auto db = w_.store();
    FI_TRY(MetaStore(**db).set("device.id", pending_device_id_));
    const sync::Session session = *pending_session_;
    pending_session_.reset();
    FI_TRY(keep_session(session, pending_username_));
    FI_TRY(keep_origin(w_.origin_path(), w_.server()));
    return w_.user;
}

Status SessionService::keep_session(const sync::Session& session, const std::string& username) {
    auto db = w_.store();
    if (!db)
        return db.error();
    MetaStore meta(**db);
    const ServerConfig& server = w_.server();
    FI_TRY(meta.set("server.url", server.url));
    FI_TRY(meta.set("server.ca_file", server.ca_file));
    FI_TRY(meta.set("server.pins", json(server.pins).dump()));
    FI_TRY(meta.set("session.token", session.token));
    FI_TRY(meta.set("session.username", username));
    FI_TRY(meta.set("session.user", json{{"inspector_id", session.user.inspector_id},
                                         {"name", session.user.name},
                                         {"unit", session.user.unit},
                                         {"roles", session.user.roles}}
                                        .dump()));
    w_.client().set_token(session.token);
    w_.sync_clock();
    auto u = load_user();
    if (!u)
        return u.error();
    w_.user = *u;
    return {};
}

Result<UserInfo> SessionService::load_user() {
    auto db = w_.store();
    if (!db)
        return db.error();
    MetaStore meta(**db);
    UserInfo u;
    auto name = meta.get("session.username");
    if (!name)
        return name.error();
    u.username = name->value_or("");
    auto text = meta.get("session.user");
    if (!text)
        return text.error();
    if (*text) {
        const json j = json::parse(**text, nullptr, false);
        if (j.is_object()) {
            u.inspector_id = j.value("inspector_id", "");
            u.name = j.value("name", "");
            u.unit = j.value("unit", "");
            if (j.contains("roles") && j.at("roles").is_array())
                for (const auto& r : j.at("roles"))
                    if (r.is_string())
                        u.roles.push_back(r.get<std::string>());
        }
    }
    return u;
}

Result<UserInfo> SessionService::unlock(const ServerConfig& server, const std::string& pin) {
    if (w_.is_open())
        return w_.user;
    if (!set_up())
        return Error::make(service_error::not_set_up,
                           "This tablet is not set up yet: there is no data at " +
                               w_.data_dir().string() + ". Sign in first.");
    auto key = w_.vault().unlock(pin);
    if (!key)
        return key.error();
    auto opened = open_store(w_.store_path(), *key);
    if (!opened)
        return opened.error();
    w_.open(std::move(opened.value()));
    MetaStore meta(**w_.store());
    // The central system kept at sign-in is the only one the session goes to; a front end
    // that names another gets its network operations refused (the store still opens).
    ServerConfig kept;
    if (auto stored = meta.get("server.url"); stored && *stored)
        kept.url = **stored;
    if (auto ca = meta.get("server.ca_file"); ca && *ca)
        kept.ca_file = **ca;
    if (auto pins = meta.get("server.pins"); pins && *pins) {
        const json j = json::parse(**pins, nullptr, false);
        if (j.is_array())
            for (const auto& p : j)
                if (p.is_string())
                    kept.pins.push_back(p.get<std::string>());
    }
    ServerConfig config = kept.url.empty() ? server : kept;
    if (kept.url.empty()) {
        if (auto origin = sync::origin_of(server.url, server.ca_file, server.pins);
            !origin && !server.url.empty())
            w_.refuse_network(origin.error());
    } else if (auto same = same_central_system(server, kept); !same) {
        w_.refuse_network(same.error());
    }
    w_.connect_to(config);
    if (auto token = meta.get("session.token"); token && *token)
        w_.client().set_token(**token);
    auto u = load_user();
    if (!u) {
        w_.close();
        return u.error();
    }
    w_.user = *u;
    return w_.user;
}

Result<UserInfo> SessionService::sign_in(const std::string& password, const std::string& username) {
    auto db = w_.store();
    if (!db)
        return db.error();
    auto device = MetaStore(**db).device_id();
    if (!device)
        return device.error();
    const std::string who = username.empty() ? w_.user.username : username;
    FI_TRY(w_.network_allowed());
    auto session = w_.client().sign_in(who, password, *device);
    if (!session)
        return to_error(session.error());
    if (!w_.user.inspector_id.empty() && session->user.inspector_id != w_.user.inspector_id) {
        const std::string previous = w_.client().token();
        w_.client().set_token(session->token);
        (void)w_.client().sign_out();
        w_.client().set_token(previous);
        return Error::make(service_error::not_owner,
                           "This tablet belongs to another inspector. Sign in with the account "
                           "that set it up.");
    }
    FI_TRY(keep_session(*session, who));
    return w_.user;
}

Status SessionService::sign_out() {
    auto db = w_.store();
    if (!db)
        return db.error();
    if (auto allowed = w_.network_allowed(); !allowed) {
        // Ended here; the central system is not told (it is not the one named).
        FI_TRY(MetaStore(**db).erase("session.token"));
        w_.client().set_token({});
        return allowed;
    }
    auto r = w_.client().sign_out();
    FI_TRY(MetaStore(**db).erase("session.token"));
    w_.client().set_token({});
    if (!r && r.error().kind != sync::ApiErrorKind::unauthorized)
        return to_error(r.error());
    return {};
}

Status SessionService::lift_lockout(const ServerConfig& server, const std::string& username,
                                    const std::string& password) {
    // The central system the tablet was set up with, not whatever the settings name now.
    auto kept = kept_origin(w_.origin_path());
    if (!kept)
        return kept.error();
    if (kept->url.empty()) { // set up before the origin was kept: the one given
        if (auto origin = sync::origin_of(server.url, server.ca_file, server.pins); !origin)
            return origin.error();
        w_.connect_to(server);
    } else {
        FI_TRY(same_central_system(server, *kept));
        w_.connect_to(*kept);
    }
    // The device id is inside the locked store; this session only proves who the user is.
    auto session = w_.client().sign_in(username, password, make_uuid_v4());
    if (!session)
        return to_error(session.error());
    auto lifted = w_.vault().lift_lockout(
        platform::OnlineConfirmation{session->user.inspector_id, session->now});
    const std::string previous = w_.client().token();
    w_.client().set_token(session->token);
    (void)w_.client().sign_out();
    w_.client().set_token(previous);
    return lifted;
}

void SessionService::lock() {
    w_.close();
    w_.refuse_network(std::nullopt);
    w_.client().set_token({});
    w_.user = {};
    pending_session_.reset();
}

Result<std::string> SessionService::device_id() {
    auto db = w_.store();
    if (!db)
        return db.error();
    return MetaStore(**db).device_id();
}

} // namespace fi::services
