#pragma once

#include "core/result.h"
#include "core/secretkey.h"

#include <memory>
#include <string>
#include <string_view>

namespace fi::platform {

/// The operating system's secret store, holding a per-device secret that is mixed into the
/// PIN-derived wrapping key. With it, a copied key file cannot be attacked off the device:
/// the secret stays in the store (on Android in the hardware-backed Keystore). Linux: the
/// Secret Service over the session bus (LibsecretStore). Without a store the key file,
/// mode 0600, is the only wrap and the slow KDF is the only brake on guessing.
class SecretStore {
public:
    virtual ~SecretStore() = default;

    /// Short stable name recorded in the key file ("secret-service", "android-keystore").
    virtual std::string name() const = 0;
    virtual Status store(std::string_view id, const SecretKey& secret) = 0;
    /// `not_found` when no secret has this id; `secret_store_unavailable` when the store
    /// cannot be reached (not counted as a wrong PIN).
    virtual Result<SecretKey> load(std::string_view id) = 0;
    /// Removing a secret that is not there succeeds.
    virtual Status remove(std::string_view id) = 0;
};

/// The platform's store when one is reachable now, otherwise nullptr (Linux without a
/// session bus, or built without libsecret).
std::unique_ptr<SecretStore> system_secret_store();

} // namespace fi::platform
