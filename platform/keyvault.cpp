#include "platform/keyvault.h"

#include "core/database.h"
#include "core/sha256.h"
#include "platform/secretstore.h"
#include "platform/sodiuminit.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>
#include <vector>

namespace fi::platform {

using namespace std::chrono_literals;

struct KeyVault::Opened {
    KeyFile file;
    SecretKey data_key;
    SecretKey wrapping_key;
    std::optional<SecretKey> device_secret;
};

namespace {

WrappedKey wrap(const SecretKey& data_key, const SecretKey& wrapping_key, const std::string& ad) {
    WrappedKey w;
    randombytes_buf(w.nonce.data(), w.nonce.size());
    w.ciphertext.resize(SecretKey::size_bytes + crypto_aead_xchacha20poly1305_ietf_ABYTES);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        w.ciphertext.data(), &written, data_key.data(), SecretKey::size_bytes,
        reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nullptr, w.nonce.data(),
        wrapping_key.data());
    return w;
}

std::optional<SecretKey> unwrap(const WrappedKey& w, const SecretKey& wrapping_key,
                                const std::string& ad) {
    std::array<std::uint8_t, SecretKey::size_bytes> out{};
    unsigned long long len = 0;
    if (w.ciphertext.size() != out.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES ||
        crypto_aead_xchacha20poly1305_ietf_decrypt(
            out.data(), &len, nullptr, w.ciphertext.data(), w.ciphertext.size(),
            reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), w.nonce.data(),
            wrapping_key.data()) != 0)
        return std::nullopt;
    SecretKey key(out);
    sodium_memzero(out.data(), out.size());
    return key;
}

std::string random_id() {
    std::array<std::uint8_t, 16> id{};
    randombytes_buf(id.data(), id.size());
    return to_hex(id);
}

std::string describe(std::chrono::milliseconds wait) {
    const auto seconds = std::chrono::ceil<std::chrono::seconds>(wait).count();
    if (seconds < 120)
        return std::to_string(seconds) + " seconds";
    return std::to_string((seconds + 59) / 60) + " minutes";
}

Error retry_later(std::chrono::milliseconds wait) {
    return Error::make(key_error::retry_later,
                       "Too many wrong PINs. Wait " + describe(wait) + " before trying again.");
}

Error locked_out() {
    return Error::make(key_error::locked_out,
                       "This tablet locked itself after 10 wrong PINs. Connect to the network "
                       "and sign in with your account to unlock it; your records are kept.");
}

Error wrong_pin(const KeyFile& counted) {
    if (counted.locked)
        return locked_out();
    const int left = KeyVault::lockout_failures - counted.failures;
    std::string msg = "Wrong PIN. " + std::to_string(left) + " more wrong " +
                      (left == 1 ? "PIN locks" : "PINs lock") +
                      " the tablet until you sign in online.";
    if (counted.failures >= KeyVault::delay_from_failures)
        msg += " Wait " + describe(KeyVault::delay_for(counted.failures)) + " before the next try.";
    return Error::make(key_error::wrong_pin, msg);
}

Status check_new_pin(std::string_view pin) {
    if (pin.size() < KeyVault::min_pin_chars)
        return Error::make(key_error::weak_pin, "Choose a PIN of at least " +
                                                    std::to_string(KeyVault::min_pin_chars) +
                                                    " digits.");
    return {};
}

Status check_owner(const KeyFile& file, const OnlineConfirmation& confirmation) {
    if (confirmation.inspector_id.empty() || confirmation.inspector_id != file.owner)
        return Error::make(key_error::not_confirmed,
                           "The online sign-in was not made by this tablet's user (" + file.owner +
                               "). That user must sign in to unlock it.");
    return {};
}

/// A re-key whose switch is in doubt is settled by asking the store which key opens it.
bool opens(const std::filesystem::path& database, const SecretKey& key) {
    OpenOptions o;
    o.mode = OpenOptions::Mode::read_only;
    return Database::open(database, key, o).ok();
}

/// Overwrite with zeros, flush, unlink. On flash the old blocks may survive the overwrite;
/// what makes the erase sound is that the device secret and the recovery code are gone too.
Status shred(const std::filesystem::path& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec)
        return {}; // nothing there
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd >= 0) {
        const std::vector<char> zeros(static_cast<std::size_t>(size), '\0');
        std::size_t done = 0;
        while (done < zeros.size()) {
            const ssize_t n = ::write(fd, zeros.data() + done, zeros.size() - done);
            if (n <= 0)
                break;
            done += static_cast<std::size_t>(n);
        }
        ::fsync(fd);
        ::close(fd);
    }
    if (!std::filesystem::remove(path, ec) && ec)
        return Error::make("io", "Cannot delete " + path.string() + ": " + ec.message() +
                                     ". Check the storage and its permissions.");
    return {};
}

} // namespace

std::chrono::milliseconds KeyVault::delay_for(int failures) {
    switch (failures) {
    case 5:
        return 30s;
    case 6:
        return 1min;
    case 7:
        return 2min;
    case 8:
        return 5min;
    case 9:
        return 15min;
    default:
        return 0ms;
    }
}

KeyVault::KeyVault(std::filesystem::path database, const BootClock& clock, SecretStore* os_store)
    : database_(std::move(database)), clock_(clock), os_store_(os_store) {
    sodium_init_once();
}

bool KeyVault::exists() const {
    std::error_code ec;
    return std::filesystem::exists(key_file(), ec);
}

Result<std::optional<SecretKey>> KeyVault::device_secret(const KeyFile& file) {
    if (!file.device_secret_id)
        return std::optional<SecretKey>();
    if (!os_store_ || os_store_->name() != file.device_secret_store)
        return Error::make(key_error::secret_store_unavailable,
                           "This tablet's key is bound to the system keyring (" +
                               file.device_secret_store +
                               "), which cannot be reached now. Restart the tablet and try "
                               "again; the PIN was not checked.");
    auto secret = os_store_->load(*file.device_secret_id);
    if (!secret)
        return secret.error();
    return std::optional<SecretKey>(std::move(secret.value()));
}

Status KeyVault::bind_device_secret(KeyFile& file, std::optional<SecretKey>& secret) {
    file.device_secret_id.reset();
    file.device_secret_store.clear();
    secret.reset();
    if (!os_store_)
        return {};
    const std::string id = random_id();
    SecretKey fresh = SecretKey::random();
    // A store that refuses leaves the PIN wrap alone in charge; state() reports it.
    if (!os_store_->store(id, fresh))
        return {};
    file.device_secret_id = id;
    file.device_secret_store = os_store_->name();
    secret = std::move(fresh);
    return {};
}

Result<SecretKey> KeyVault::wrapping_key(const KeyFile& file, std::string_view pin,
                                         const SecretKey* device_secret) {
    auto derived = PinKdf::derive(pin, file.salt, file.kdf);
    if (!derived || !device_secret)
        return derived;
    // Keyed BLAKE2b: the result needs both the PIN and the secret that never leaves the store.
    std::array<std::uint8_t, SecretKey::size_bytes> mixed{};
    crypto_generichash(mixed.data(), mixed.size(), derived->data(), SecretKey::size_bytes,
                       device_secret->data(), SecretKey::size_bytes);
    SecretKey key(mixed);
    sodium_memzero(mixed.data(), mixed.size());
    return key;
}

void KeyVault::resolve_pending(KeyFile& file, SecretKey& current, const SecretKey& pending) {
    std::error_code ec;
    const bool store_exists = std::filesystem::exists(database_, ec);
    if (store_exists && opens(database_, pending)) {
        file.wrapped = *file.pending;
        if (file.recovery && !file.recovery->pending_sealed.empty())
            file.recovery->sealed = file.recovery->pending_sealed;
        current = pending;
    } else if (store_exists && !opens(database_, current)) {
        return; // neither key opens it: keep both for support rather than guess
    }
    file.pending.reset();
    if (file.recovery)
        file.recovery->pending_sealed.clear();
}

Result<SecretKey> KeyVault::create(std::string_view pin, const VaultSetup& setup) {
    if (exists())
        return Error::make(key_error::already_set_up,
                           "This tablet is already set up (" + key_file().string() +
                               "). Unlock it with its PIN; nothing was changed.");
    FI_TRY(check_new_pin(pin));
    if (setup.owner.empty())
        return Error::make("invalid_argument", "The tablet's user must be known to set it up.");
    if (!PinKdf::valid(setup.kdf))
        return Error::make("invalid_argument", "These PIN-derivation settings are not accepted.");
    KeyFile f;
    f.owner = setup.owner;
    f.kdf = setup.kdf;
    f.salt = PinKdf::random_salt();
    std::optional<SecretKey> secret;
    FI_TRY(bind_device_secret(f, secret));
    auto wk = wrapping_key(f, pin, secret ? &*secret : nullptr);
    if (!wk)
        return wk.error();
    SecretKey data_key = SecretKey::random();
    f.wrapped = wrap(data_key, *wk, f.associated_data());
    if (setup.recovery)
        f.recovery =
            RecoverySeal{*setup.recovery, RecoveryToken::seal(data_key, *setup.recovery), {}};
    if (auto st = f.save(key_file()); !st) {
        if (f.device_secret_id)
            (void)os_store_->remove(*f.device_secret_id);
        return st.error();
    }
    return data_key;
}

Result<VaultState> KeyVault::state() {
    const auto path = key_file();
    auto f = KeyFile::load(path);
    if (!f)
        return f.error();
    VaultState s;
    s.failures = f->failures;
    s.locked_out = f->locked;
    s.attempts_left = f->locked ? 0 : std::max(0, lockout_failures - f->failures);
    s.has_recovery = f->recovery.has_value();
    s.device_bound = f->device_secret_id.has_value();
    if (!f->locked && f->failures >= delay_from_failures) {
        const auto now = clock_.read();
        FI_TRY(arm_gate_after_reboot(*f, now));
        s.retry_after = std::max(0ms, f->not_before->boottime - now.boottime);
    }
    return s;
}

Status KeyVault::arm_gate_after_reboot(KeyFile& file, const ClockReading& now) {
    if (file.not_before && !now.boot_id.empty() && file.not_before->boot_id == now.boot_id)
        return {};
    // Rebooted since the last failure: boot time restarted, and the wall clock is the user's
    // to set, so the wait starts again on this boot's clock.
    file.not_before = RetryGate{now.boot_id, now.boottime + delay_for(file.failures)};
    return file.save(key_file());
}

Result<KeyVault::Opened> KeyVault::open_with_pin(std::string_view pin) {
    const auto path = key_file();
    auto f = KeyFile::load(path);
    if (!f)
        return f.error();
    if (f->locked)
        return locked_out();
    const auto now = clock_.read();
    if (f->failures >= delay_from_failures) {
        FI_TRY(arm_gate_after_reboot(*f, now));
        if (now.boottime < f->not_before->boottime)
            return retry_later(f->not_before->boottime - now.boottime);
    }
    auto secret = device_secret(*f);
    if (!secret)
        return secret.error();

    // Count the attempt before its answer is known: killing the app during the check must
    // not give a free guess.
    KeyFile counted = *f;
    counted.failures += 1;
    counted.locked = counted.failures >= lockout_failures;
    if (counted.failures >= delay_from_failures)
        counted.not_before = RetryGate{now.boot_id, now.boottime + delay_for(counted.failures)};
    FI_TRY(counted.save(path));

    auto wk = wrapping_key(*f, pin, secret->has_value() ? &**secret : nullptr);
    if (!wk) {
        (void)f->save(path); // the PIN was never checked: do not count it
        return wk.error();
    }
    const std::string ad = f->associated_data();
    auto data_key = unwrap(f->wrapped, *wk, ad);
    if (!data_key)
        return wrong_pin(counted);

    f->failures = 0;
    f->locked = false;
    f->not_before.reset();
    if (f->pending) {
        if (auto pending = unwrap(*f->pending, *wk, ad))
            resolve_pending(*f, *data_key, *pending);
        else
            f->pending.reset(); // unreadable under this PIN: cannot be the store's key
    }
    FI_TRY(f->save(path));
    return Opened{std::move(*f), std::move(*data_key), std::move(*wk), std::move(*secret)};
}

Result<SecretKey> KeyVault::unlock(std::string_view pin) {
    auto o = open_with_pin(pin);
    if (!o)
        return o.error();
    return o->data_key;
}

Status KeyVault::change_pin(std::string_view old_pin, std::string_view new_pin) {
    FI_TRY(check_new_pin(new_pin));
    auto o = open_with_pin(old_pin);
    if (!o)
        return o.error();
    o->file.salt = PinKdf::random_salt();
    auto wk = wrapping_key(o->file, new_pin, o->device_secret ? &*o->device_secret : nullptr);
    if (!wk)
        return wk.error();
    o->file.wrapped = wrap(o->data_key, *wk, o->file.associated_data());
    return o->file.save(key_file());
}

Result<SecretKey> KeyVault::begin_rekey(std::string_view pin) {
    auto o = open_with_pin(pin);
    if (!o)
        return o.error();
    SecretKey fresh = SecretKey::random();
    o->file.pending = wrap(fresh, o->wrapping_key, o->file.associated_data());
    if (o->file.recovery)
        o->file.recovery->pending_sealed = RecoveryToken::seal(fresh, o->file.recovery->public_key);
    FI_TRY(o->file.save(key_file()));
    return fresh;
}

Status KeyVault::finish_rekey() {
    auto f = KeyFile::load(key_file());
    if (!f)
        return f.error();
    if (!f->pending)
        return Error::make("invalid_argument", "No re-key is in progress.");
    f->wrapped = *f->pending;
    f->pending.reset();
    if (f->recovery && !f->recovery->pending_sealed.empty()) {
        f->recovery->sealed = f->recovery->pending_sealed;
        f->recovery->pending_sealed.clear();
    }
    return f->save(key_file());
}

Result<SecretKey> KeyVault::rekey(Database& db, std::string_view pin) {
    auto o = open_with_pin(pin);
    if (!o)
        return o.error();
    SecretKey fresh = SecretKey::random();
    o->file.pending = wrap(fresh, o->wrapping_key, o->file.associated_data());
    if (o->file.recovery)
        o->file.recovery->pending_sealed = RecoveryToken::seal(fresh, o->file.recovery->public_key);
    FI_TRY(o->file.save(key_file()));

    if (auto st = db.rekey(fresh); !st) {
        // Database::rekey can fail after the switch (syncing, reopening): ask the store.
        SecretKey current = o->data_key;
        resolve_pending(o->file, current, fresh);
        (void)o->file.save(key_file());
        return st.error();
    }
    FI_TRY(finish_rekey());
    return fresh;
}

Status KeyVault::set_recovery(std::string_view pin, const RecoveryToken::PublicKey& recovery) {
    auto o = open_with_pin(pin);
    if (!o)
        return o.error();
    o->file.recovery = RecoverySeal{recovery, RecoveryToken::seal(o->data_key, recovery), {}};
    return o->file.save(key_file());
}

Status KeyVault::lift_lockout(const OnlineConfirmation& confirmation) {
    auto f = KeyFile::load(key_file());
    if (!f)
        return f.error();
    FI_TRY(check_owner(*f, confirmation));
    f->failures = 0;
    f->locked = false;
    f->not_before.reset();
    return f->save(key_file());
}

Result<SecretKey> KeyVault::recover(const OnlineConfirmation& confirmation,
                                    const RecoveryToken& token, std::string_view new_pin) {
    FI_TRY(check_new_pin(new_pin));
    auto f = KeyFile::load(key_file());
    if (!f)
        return f.error();
    FI_TRY(check_owner(*f, confirmation));
    if (!f->recovery)
        return Error::make(key_error::no_recovery,
                           "This tablet was set up without a recovery code, so a forgotten PIN "
                           "cannot be recovered. Ask the administrator to set the tablet up "
                           "again; records already uploaded are safe on the central system.");
    auto data_key = token.open(f->recovery->sealed);
    if (!data_key)
        return data_key.error();
    if (!f->recovery->pending_sealed.empty())
        if (auto pending = token.open(f->recovery->pending_sealed); pending && f->pending)
            resolve_pending(*f, *data_key, *pending);

    // A fresh salt and device secret: whatever was known about the old wrap is now useless.
    const auto old_secret_id = f->device_secret_id;
    std::optional<SecretKey> secret;
    FI_TRY(bind_device_secret(*f, secret));
    f->salt = PinKdf::random_salt();
    auto wk = wrapping_key(*f, new_pin, secret ? &*secret : nullptr);
    if (!wk)
        return wk.error();
    f->wrapped = wrap(*data_key, *wk, f->associated_data());
    f->pending.reset();
    f->recovery->pending_sealed.clear();
    f->failures = 0;
    f->locked = false;
    f->not_before.reset();
    FI_TRY(f->save(key_file()));
    if (old_secret_id && os_store_)
        (void)os_store_->remove(*old_secret_id);
    return data_key;
}

Status KeyVault::destroy() {
    Status result;
    if (auto f = KeyFile::load(key_file()); f && f->device_secret_id && os_store_)
        if (auto st = os_store_->remove(*f->device_secret_id); !st)
            result = st;
    auto tmp = key_file();
    tmp += ".tmp";
    for (const auto& p : {key_file(), tmp})
        if (auto st = shred(p); !st && result)
            result = st;
    return result;
}

} // namespace fi::platform
