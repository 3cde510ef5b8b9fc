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
inline constexpr std::string_view weak_passphrase = "weak_passphrase";
inline constexpr std::string_view key_file_tampered = "key_file_tampered";
inline constexpr std::string_view wrong_device = "wrong_device";
inline constexpr std::string_view device_locked_out = "device_locked_out";
inline constexpr std::string_view kdf_too_cheap = "kdf_too_cheap";
} // namespace key_error

/// What the unlock screen shows.
struct VaultState {
    int failures = 0;        ///< wrong PINs since the last success
    bool locked_out = false; ///< only an online sign-in (lift_lockout) or recovery opens it
    /// The count or the lock was changed outside the app (their MAC no longer matches):
    /// locked until an online sign-in, whatever the file now says.
    bool tampered = false;
    std::chrono::milliseconds retry_after{0}; ///< wait before the next PIN may be tried
    int attempts_left = 0;                    ///< wrong PINs left before the lock-out
    bool has_recovery = false;
    bool device_bound = false;   ///< a secret store takes part in the wrap
    bool hardware_bound = false; ///< …and it is hardware (TPM, Keystore) that limits guesses
    bool passphrase = false;     ///< set up with a passphrase rather than a PIN
    std::string store;           ///< the store's name ("tpm2", …), empty when none
};

/// What this binary asks of a key file. Shipped binaries: VaultPolicy::shipped() is the
/// default below, with no switch to change it; test binaries link tests/support/testkdf.cpp
/// (compiled only with FI_INSECURE_TEST_KDF), whose definition of shipped() replaces the weak
/// one in keyvault.cpp with the cheapest KDF and PINs without hardware.
struct VaultPolicy {
    /// The cost of every key file written, and the least accepted: a file below it is
    /// re-wrapped at this cost on its next unlock.
    KdfParams kdf = PinKdf::default_params();
    /// Without a hardware store a PIN falls to an offline search in hours: ask for a
    /// passphrase (KeyVault::check_passphrase) instead.
    bool pin_needs_hardware = true;

    static VaultPolicy shipped();
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
    /// The derivation's cost; empty: the policy's. Nothing below the policy's is accepted.
    std::optional<KdfParams> kdf;
    /// Public half of the recovery code; without it a lock-out can be lifted online but a
    /// forgotten PIN cannot be recovered.
    std::optional<RecoveryToken::PublicKey> recovery;
};

/// Keeper of the store's data key: a random 256-bit key that exists on disk only wrapped —
/// under a key derived from the user's PIN (Argon2id) mixed with a device secret that the
/// device's secret store releases only against the PIN (a TPM counts the wrong ones), and
/// sealed to a recovery public key. Counts wrong PINs durably in the key file before each
/// check (so killing the app mid-check still counts), delays after five and locks after ten
/// until an online sign-in; the count and the lock carry a MAC under a second device secret,
/// so an edited file stays locked. Without a hardware store it asks for a passphrase instead
/// of a PIN. Keys leave only as SecretKey, which zeroes itself; intermediate key bytes are
/// zeroed here.
///
/// Not thread-safe; run it off the GUI thread (one derivation takes about half a second).
class KeyVault {
public:
    static constexpr int delay_from_failures = 5;
    static constexpr int lockout_failures = 10;
    static constexpr std::size_t min_pin_chars = 6;
    static constexpr std::size_t min_passphrase_chars = 12;
    static constexpr std::size_t long_passphrase_chars = 20;
    /// The passphrase rule where no hardware store limits guesses: at least 12 characters
    /// mixing three kinds (lower-case, capitals, digits, anything else), or at least 20
    /// mixing two (a few words with spaces). Characters are counted, not bytes.
    static Status check_passphrase(std::string_view passphrase);
    /// How long to wait before the next attempt after `failures` wrong PINs.
    static std::chrono::milliseconds delay_for(int failures);

    /// `database` is the store the key opens; the key file lives beside it (`<store>.key`).
    /// `os_store` may be null (no secret store on this device).
    KeyVault(std::filesystem::path database, const BootClock& clock,
             SecretStore* os_store = nullptr, VaultPolicy policy = VaultPolicy::shipped());

    const std::filesystem::path& database() const { return database_; }
    std::filesystem::path key_file() const { return KeyFile::path_for(database_); }
    bool exists() const;
    /// First run: whether create() wants a passphrase (no hardware store here) or a PIN.
    bool needs_passphrase() const;
    /// The store a first run would bind to ("tpm2", "secret-service"), empty when none.
    std::string store_name() const;

    /// First run: make a new data key and wrap it. Refuses if a key file exists, and refuses a
    /// PIN where needs_passphrase() (`weak_passphrase`).
    Result<SecretKey> create(std::string_view pin, const VaultSetup& setup);

    /// For the unlock screen. After a reboot during a wait, this starts the wait again on the
    /// new boot's clock (and records that), so the countdown shown is the one enforced.
    Result<VaultState> state();

    /// The data key for the right PIN. Offline; counts failures durably. A file below the
    /// policy's KDF cost (or of format 1) is re-wrapped at the policy's cost on the way.
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

    /// After a lock-out (or an edited count): the user signed in online as the tablet's
    /// owner, so PIN attempts start again from zero under a fresh MAC.
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
    struct Loaded;
    Result<Loaded> load();
    Status save(KeyFile& file, const std::optional<SecretKey>& state_key);
    Result<SecretStore*> store_for(const KeyFile& file);
    Result<Opened> open_with_pin(std::string_view pin);
    Status bind_secrets(KeyFile& file, const SecretKey& derived, Opened& o);
    Status rewrap(Opened& o, std::string_view pin, const KdfParams& cost);
    Status check_new_secret(std::string_view secret, bool passphrase) const;
    Status arm_gate_after_reboot(KeyFile& file, const std::optional<SecretKey>& state_key,
                                 const ClockReading& now);
    void resolve_pending(KeyFile& file, SecretKey& current, const SecretKey& pending);

    std::filesystem::path database_;
    const BootClock& clock_;
    SecretStore* os_store_;
    VaultPolicy policy_;
};

} // namespace fi::platform
