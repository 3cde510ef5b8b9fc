#pragma once

#include "core/result.h"
#include "core/secretkey.h"
#include "platform/bootclock.h"
#include "platform/keyfile.h"
#include "platform/pinkdf.h"
#include "platform/recoverytoken.h"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace fi {
class Database;
}

namespace fi::platform {

class SecretStore;

/// Error codes of the key vault, beside core's store codes.
namespace key_error {
inline constexpr std::string_view wrong_pin = "wrong_pin";
inline constexpr std::string_view retry_later = "retry_later";
inline constexpr std::string_view locked_out = "locked_out";
inline constexpr std::string_view not_confirmed = "not_confirmed";
inline constexpr std::string_view weak_pin = "weak_pin";
inline constexpr std::string_view no_recovery = "no_recovery";
inline constexpr std::string_view wrong_token = "wrong_token";
inline constexpr std::string_view already_set_up = "already_set_up";
inline constexpr std::string_view key_file_damaged = "key_file_damaged";
inline constexpr std::string_view secret_store_unavailable = "secret_store_unavailable";
} // namespace key_error

/// What the unlock screen shows.
struct VaultState {
    int failures = 0;        ///< wrong PINs since the last success
    bool locked_out = false; ///< only an online sign-in (lift_lockout) or recovery opens it
    std::chrono::milliseconds retry_after{0}; ///< wait before the next PIN may be tried
    int attempts_left = 0;                    ///< wrong PINs left before the lock-out
    bool has_recovery = false;
    bool device_bound = false; ///< the OS secret store takes part in the wrap
};

/// Proof, as far as the app can give it, that the central system has just accepted this
/// user's credentials: built by the app from a successful `POST /session` answer.
struct OnlineConfirmation {
    std::string inspector_id; ///< `user.inspector_id` of the session answer
    std::string server_now;   ///< the answer's `now`, for the app's log; only the id is checked
};

/// First-run settings.
struct VaultSetup {
    std::string owner; ///< inspector id of the tablet's user
    KdfParams kdf = PinKdf::default_params();
    /// Public half of the recovery code; without it a lock-out can be lifted online but a
    /// forgotten PIN cannot be recovered.
    std::optional<RecoveryToken::PublicKey> recovery;
};

/// Keeper of the store's data key: a random 256-bit key that exists on disk only wrapped —
/// under a key derived from the user's PIN (Argon2id), optionally mixed with a device secret
/// from the OS secret store, and sealed to a recovery public key. Counts wrong PINs durably in
/// the key file before each check (so killing the app mid-check still counts), delays after
/// five and locks after ten until an online sign-in. Keys leave only as SecretKey, which
/// zeroes itself; intermediate key bytes are zeroed here.
///
/// Not thread-safe; run it off the GUI thread (one derivation takes about half a second).
class KeyVault {
public:
    static constexpr int delay_from_failures = 5;
    static constexpr int lockout_failures = 10;
    static constexpr std::size_t min_pin_chars = 6;
    /// How long to wait before the next attempt after `failures` wrong PINs.
    static std::chrono::milliseconds delay_for(int failures);

    /// `database` is the store the key opens; the key file lives beside it (`<store>.key`).
    /// `os_store` may be null (no OS secret store on this device).
    KeyVault(std::filesystem::path database, const BootClock& clock,
             SecretStore* os_store = nullptr);

    const std::filesystem::path& database() const { return database_; }
    std::filesystem::path key_file() const { return KeyFile::path_for(database_); }
    bool exists() const;

    /// First run: make a new data key and wrap it. Refuses if a key file exists.
    Result<SecretKey> create(std::string_view pin, const VaultSetup& setup);

    /// For the unlock screen. After a reboot during a wait, this starts the wait again on the
    /// new boot's clock (and records that), so the countdown shown is the one enforced.
    Result<VaultState> state();

    /// The data key for the right PIN. Offline; counts failures durably.
    Result<SecretKey> unlock(std::string_view pin);

    /// Re-wrap the same data key under a new PIN (new salt). The store is not touched.
    Status change_pin(std::string_view old_pin, std::string_view new_pin);

    /// Re-encrypt the store under a fresh data key (core's Database::rekey) and re-wrap.
    /// `db` must be the only connection to the store, opened as the app's writer
    /// (Mode::create_if_missing: core's rekey attaches a new file). Returns the new key.
    Result<SecretKey> rekey(Database& db, std::string_view pin);
    /// The halves of rekey(), around Database::rekey: begin writes the new key as pending,
    /// finish makes it current. Public so a crash between them can be tested; after such a
    /// crash the next unlock keeps whichever key opens the store.
    Result<SecretKey> begin_rekey(std::string_view pin);
    Status finish_rekey();

    /// Add or replace the recovery seal (the PIN proves the user).
    Status set_recovery(std::string_view pin, const RecoveryToken::PublicKey& recovery);

    /// After a lock-out: the user signed in online as the tablet's owner, so PIN attempts
    /// start again from zero.
    Status lift_lockout(const OnlineConfirmation& confirmation);

    /// Forgotten PIN (locked out or not): open the data key with the recovery code after an
    /// online sign-in as the owner, set a new PIN, clear the failures.
    Result<SecretKey> recover(const OnlineConfirmation& confirmation, const RecoveryToken& token,
                              std::string_view new_pin);

    /// Crypto-erase: remove the device secret from the OS store and overwrite and delete the
    /// key file. Without them the store's bytes cannot be decrypted. Used by WipePolicy.
    Status destroy();

private:
    struct Opened;
    Result<Opened> open_with_pin(std::string_view pin);
    Result<SecretKey> wrapping_key(const KeyFile& file, std::string_view pin,
                                   const SecretKey* device_secret);
    Result<std::optional<SecretKey>> device_secret(const KeyFile& file);
    Status bind_device_secret(KeyFile& file, std::optional<SecretKey>& secret);
    Status arm_gate_after_reboot(KeyFile& file, const ClockReading& now);
    void resolve_pending(KeyFile& file, SecretKey& current, const SecretKey& pending);

    std::filesystem::path database_;
    const BootClock& clock_;
    SecretStore* os_store_;
};

} // namespace fi::platform
