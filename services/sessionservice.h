#pragma once

#include "core/result.h"
#include "platform/keyvault.h"
#include "services/values.h"
#include "sync/centralclient.h"

#include <optional>
#include <string>

namespace fi::services {

class Workspace;

/// Who may use the tablet: first-run sign-in and the PIN that encrypts the store, unlocking
/// with the PIN, renewing and ending the session, lifting a PIN lock-out online, locking. It
/// keeps the session, the server and the trust it was given in the encrypted store, so later
/// runs of either front end need only the PIN.
class SessionService {
public:
    explicit SessionService(Workspace& w) : w_(w) {}

    /// True when this tablet was set up (a key file or a store exists).
    bool set_up() const;
    Result<platform::VaultState> vault_state();
    /// First run: true when this device has no hardware key store (TPM 2.0, Keystore), so the
    /// data must be protected by a passphrase of real strength rather than a PIN. Front ends
    /// say so before asking (no silent fallback).
    bool needs_passphrase() const;
    /// The store a first run binds the key to ("tpm2", "secret-service"), empty when none.
    std::string secret_store() const;
    /// First run, step 1: sign in online; the session is held until a PIN is set.
    Result<UserInfo> sign_in_first(const ServerConfig& server, const std::string& username,
                                   const std::string& password);
    /// First run, step 2: create the store under a key wrapped by `pin`, owned by the user
    /// who just signed in, and keep the session in it. The derivation's cost is the binary's
    /// (platform::VaultPolicy::shipped); nothing here can lower it.
    Result<UserInfo> create_store(const std::string& pin);
    /// Open the store with the PIN (offline). An empty `server.url` (or trust) means the one
    /// kept at sign-in.
    Result<UserInfo> unlock(const ServerConfig& server, const std::string& pin);
    /// Renew the session of the tablet's owner (the store is open). `username` defaults to the
    /// one kept; another inspector's account is refused (`not_owner`).
    Result<UserInfo> sign_in(const std::string& password, const std::string& username = {});
    /// End the session here and at the central system (a session it no longer knows is ended
    /// already).
    Status sign_out();
    /// After ten wrong PINs: sign in online as the tablet's owner to allow PINs again.
    Status lift_lockout(const ServerConfig& server, const std::string& username,
                        const std::string& password);
    /// Close the store and forget the key and the token (lock now).
    void lock();
    Result<std::string> device_id();
    const UserInfo& user() const;

private:
    Status keep_session(const sync::Session& session, const std::string& username);
    Result<UserInfo> load_user();

    Workspace& w_;
    /// First run: the session between the online sign-in and the PIN.
    std::optional<sync::Session> pending_session_;
    std::string pending_username_;
    std::string pending_device_id_;
};

} // namespace fi::services
