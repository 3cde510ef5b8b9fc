#pragma once

#include "core/result.h"
#include "core/secretkey.h"

#include <memory>
#include <string>
#include <string_view>

namespace fi::platform {

/// A store for the device secrets mixed into the PIN-derived wrapping key. With one, a copied
/// key file cannot be attacked off the device: the secret never leaves the store. Two kinds:
///  - hardware (`hardware_backed()`): a TPM 2.0 on Linux (Tpm2SecretStore), the Keystore
///    (StrongBox where present) on Android. The secret is released only inside this device, only
///    against `auth` when one was given, and the hardware itself limits wrong `auth` values (the
///    TPM's dictionary-attack lock-out). A PIN is enough there.
///  - software: the freedesktop Secret Service (LibsecretStore). It binds the key to the user's
///    keyring but limits no guesses, so the vault asks for a passphrase as if there were none.
class SecretStore {
public:
    virtual ~SecretStore() = default;

    /// Short stable name recorded in the key file ("tpm2", "secret-service", "android-keystore").
    virtual std::string name() const = 0;
    /// Whether the secret is held by hardware that keeps it on this device and counts wrong
    /// `auth` values itself.
    virtual bool hardware_backed() const = 0;

    /// Keep `secret` (new `id`). With `auth`, the store releases it only against the same
    /// auth. Returns the handle to find it again, which the caller keeps (in the key file): the
    /// id for a keyring, the sealed object for a TPM.
    virtual Result<std::string> store(std::string_view id, const SecretKey& secret,
                                      const SecretKey* auth) = 0;
    /// The secret behind `handle`. Errors: `wrong_pin` (the auth is wrong; counted by the
    /// hardware), `device_locked_out` (the hardware refuses for now: nothing was checked),
    /// `wrong_device` (the handle belongs to another device's store), `not_found`,
    /// `secret_store_unavailable` (nothing checked, nothing counted).
    virtual Result<SecretKey> load(std::string_view handle, const SecretKey* auth) = 0;
    /// Removing a secret that is not there succeeds.
    virtual Status remove(std::string_view handle) = 0;
};

/// The platform's store: a TPM 2.0 when one is configured or present (Tpm2SecretStore), else
/// the Secret Service when a session bus is there, else nullptr. Never a silent fallback: the
/// vault reports which one it uses, and without hardware asks for a passphrase.
std::unique_ptr<SecretStore> system_secret_store();

} // namespace fi::platform
