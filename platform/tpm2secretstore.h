#pragma once

#include "platform/secretstore.h"

#include <cstdint>
#include <optional>
#include <string>

namespace fi::platform {

/// SecretStore in a TPM 2.0, through tpm2-tss (ESAPI). Each secret is a sealed data object
/// under the owner hierarchy's ECC P-256 storage key, which is recreated on demand from the
/// TPM's own seed and never made persistent. The handle the key file keeps is the object's
/// public and private blobs: only the TPM that made them can load them, so a copied data
/// directory is refused on any other device (`wrong_device`). A secret stored with `auth` is
/// unsealed only against it, and every wrong auth counts in the TPM's dictionary-attack
/// lock-out (TPM2_PT_MAX_AUTH_FAIL tries, then one per TPM2_PT_LOCKOUT_INTERVAL), which no
/// file on the disk can reset. Auth and secret cross the bus encrypted: every command runs in
/// an HMAC session salted to the storage key with parameter encryption (AES-128-CFB).
class Tpm2SecretStore final : public SecretStore {
public:
    /// The TCTI that reaches this device's TPM: `$FI_TPM_TCTI`, else `$TPM2TOOLS_TCTI`, else
    /// `device:/dev/tpmrm0` when that exists (the kernel's resource manager); nullopt when there
    /// is none. Pointing it at another TPM gains nothing: objects load only where they were made.
    static std::optional<std::string> system_tcti();

    explicit Tpm2SecretStore(std::string tcti) : tcti_(std::move(tcti)) {}

    std::string name() const override { return "tpm2"; }
    bool hardware_backed() const override { return true; }
    Result<std::string> store(std::string_view id, const SecretKey& secret,
                              const SecretKey* auth) override;
    Result<SecretKey> load(std::string_view handle, const SecretKey* auth) override;
    /// The TPM holds nothing between calls: forgetting the handle (the key file) is the erase.
    Status remove(std::string_view handle) override;

    /// The dictionary-attack state as the TPM reports it (what an attacker with the device
    /// gets: `max_tries` wrong PINs, then one more every `interval_s`).
    struct Lockout {
        std::uint32_t failures = 0; ///< TPM2_PT_LOCKOUT_COUNTER
        std::uint32_t max_tries = 0;
        std::uint32_t interval_s = 0;
        std::uint32_t recovery_s = 0;
    };
    Result<Lockout> lockout();

private:
    std::string tcti_;
};

} // namespace fi::platform
