#pragma once

#include "platform/secretstore.h"

namespace fi::platform {

/// SecretStore over the freedesktop Secret Service (GNOME Keyring, KWallet) through
/// libsecret. Secrets are stored under the schema `org.fieldinspect.DeviceSecret` with one
/// attribute, `id`, in the default collection. Software only: the keyring limits no guesses, so
/// `auth` is not used (the vault asks for a passphrase rather than a PIN over this store).
class LibsecretStore final : public SecretStore {
public:
    /// Whether a session bus is there to ask. Checked before any libsecret call so a headless
    /// machine never waits on D-Bus auto-launch.
    static bool reachable();

    std::string name() const override { return "secret-service"; }
    bool hardware_backed() const override { return false; }
    Result<std::string> store(std::string_view id, const SecretKey& secret,
                              const SecretKey* auth) override;
    Result<SecretKey> load(std::string_view id, const SecretKey* auth) override;
    Status remove(std::string_view id) override;
};

} // namespace fi::platform
