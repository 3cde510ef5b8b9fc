#pragma once

#include "core/result.h"
#include "platform/pinkdf.h"
#include "platform/recoverytoken.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace fi::platform {

/// The data key encrypted under a wrapping key (XChaCha20-Poly1305, random nonce).
struct WrappedKey {
    std::array<std::uint8_t, 24> nonce{};
    std::vector<std::uint8_t> ciphertext; ///< 32 key bytes + 16 tag bytes
};

/// The data key sealed to a recovery public key (see RecoveryToken).
struct RecoverySeal {
    RecoveryToken::PublicKey public_key{};
    std::vector<std::uint8_t> sealed;
    std::vector<std::uint8_t> pending_sealed; ///< the new key while a re-key is in flight
};

/// When the next PIN attempt is allowed, on the boot clock. A different boot id means the
/// device rebooted; the wait then starts again rather than trusting the settable wall clock.
struct RetryGate {
    std::string boot_id;
    std::chrono::milliseconds boottime{0};
};

/// The key file beside the store (`<store>.key`, mode 0600): everything needed to unwrap the
/// data key except the PIN and the device's secret store, plus the wrong-PIN counter and
/// lock-out state, kept here so that restarting the app cannot reset them. Plain JSON so
/// support can read the non-secret parts; nothing in it opens the store without the PIN (or
/// the recovery code). Format 2 adds the state secret and the MAC over the counter and the
/// lock-out; format 1 files (no MAC) still load.
struct KeyFile {
    static constexpr int format_version = 2;

    int version = format_version; ///< as read; written files are always the current format
    std::string owner;            ///< inspector id whose online sign-in may lift a lock-out
    KdfParams kdf;
    PinKdf::Salt salt{};
    bool passphrase = false; ///< set up with a passphrase (no hardware store) rather than a PIN
    /// Set when the wrapping key also mixes in a device secret from a secret store: the
    /// store's handle (a keyring id, or a TPM's sealed object, released only against the PIN).
    std::optional<std::string> device_secret_id;
    std::string device_secret_store; ///< which store holds it ("tpm2", "secret-service", …)
    /// A second secret in the same store, released without the PIN: the key of `state_mac`.
    std::optional<std::string> state_secret_id;
    /// Keyed BLAKE2b (state secret) over state_text(): an edited count or lock is refused.
    std::optional<std::string> state_mac;
    WrappedKey wrapped;
    std::optional<WrappedKey> pending; ///< a re-key's new key, until the store is switched
    std::optional<RecoverySeal> recovery;
    int failures = 0;
    bool locked = false;
    std::optional<RetryGate> not_before;

    static std::filesystem::path path_for(const std::filesystem::path& database);

    /// Read and validate; `not_found` when absent, `key_file_damaged` when unreadable.
    static Result<KeyFile> load(const std::filesystem::path& path);
    /// Write atomically (temporary, fsync, rename), mode 0600.
    Status save(const std::filesystem::path& path) const;

    /// Authenticated with every wrap so a file whose KDF settings, salt, owner, device
    /// binding or state secret were edited refuses to unwrap rather than yielding a different
    /// key (and removing the state secret to escape its MAC breaks the wrap).
    std::string associated_data() const;
    /// What `state_mac` covers: the associated data, the count, the lock, the retry gate.
    std::string state_text() const;
};

} // namespace fi::platform
