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
    std::optional<SecretKey> state_key;
};

struct KeyVault::Loaded {
    KeyFile file;
    std::optional<SecretKey> state_key;
    bool tampered = false;
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

Error tampered() {
    return Error::make(key_error::key_file_tampered,
                       "This tablet's key file was changed outside the app: its count of wrong "
                       "PINs or its lock no longer match their seal. The tablet stays locked; "
                       "connect to the network and sign in with your account to unlock it, or "
                       "use the recovery code. Your records are kept.");
}

/// Argon2id(PIN) → two independent 256-bit values: what the store is asked with (the TPM
/// object's auth, counted by its lock-out) and, keyed by the device secret, the wrapping key.
SecretKey pin_auth(const SecretKey& derived) {
    static constexpr std::string_view context = "fieldinspect device-secret auth v1";
    std::array<std::uint8_t, SecretKey::size_bytes> out{};
    crypto_generichash(out.data(), out.size(),
                       reinterpret_cast<const unsigned char*>(context.data()), context.size(),
                       derived.data(), SecretKey::size_bytes);
    SecretKey key(out);
    sodium_memzero(out.data(), out.size());
    return key;
}

SecretKey mix(const SecretKey& derived, const SecretKey* device_secret) {
    if (!device_secret)
        return derived;
    // Keyed BLAKE2b: the result needs both the PIN and the secret that never leaves the store.
    std::array<std::uint8_t, SecretKey::size_bytes> mixed{};
    crypto_generichash(mixed.data(), mixed.size(), derived.data(), SecretKey::size_bytes,
                       device_secret->data(), SecretKey::size_bytes);
    SecretKey key(mixed);
    sodium_memzero(mixed.data(), mixed.size());
    return key;
}

std::string state_mac(const KeyFile& file, const SecretKey& state_key) {
    const std::string text = file.state_text();
    std::array<std::uint8_t, 32> mac{};
    crypto_generichash(mac.data(), mac.size(), reinterpret_cast<const unsigned char*>(text.data()),
                       text.size(), state_key.data(), SecretKey::size_bytes);
    return to_hex(mac);
}

/// UTF-8 code points (a Chinese character is one character, not three).
std::size_t characters(std::string_view text) {
    std::size_t n = 0;
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++n;
    return n;
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

// Weak so that a test binary's definition (tests/support/testkdf.cpp) takes its place; a
// shipped binary links no other definition, so it always derives at the default cost and
// always asks for a passphrase where no hardware store limits guesses.
[[gnu::weak]] VaultPolicy VaultPolicy::shipped() {
    return VaultPolicy{};
}

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

Status KeyVault::check_passphrase(std::string_view passphrase) {
    bool lower = false, upper = false, digit = false, other = false;
    for (const char c : passphrase) {
        if (c >= 'a' && c <= 'z')
            lower = true;
        else if (c >= 'A' && c <= 'Z')
            upper = true;
        else if (c >= '0' && c <= '9')
            digit = true;
        else
            other = true;
    }
    const int kinds = int(lower) + int(upper) + int(digit) + int(other);
    const std::size_t n = characters(passphrase);
    if ((n >= min_passphrase_chars && kinds >= 3) || (n >= long_passphrase_chars && kinds >= 2))
        return {};
    return Error::make(
        key_error::weak_passphrase,
        "This device has no security chip the app can use, so a PIN could be guessed on a "
        "copy of its files in hours. Choose a passphrase instead: at least " +
            std::to_string(min_passphrase_chars) +
            " characters mixing three kinds (lower-case letters, capitals, digits, other signs), "
            "or at least " +
            std::to_string(long_passphrase_chars) + " mixing two (a few words with spaces).");
}

KeyVault::KeyVault(std::filesystem::path database, const BootClock& clock, SecretStore* os_store,
                   VaultPolicy policy)
    : database_(std::move(database)), clock_(clock), os_store_(os_store),
      policy_(std::move(policy)) {
    sodium_init_once();
}

bool KeyVault::exists() const {
    std::error_code ec;
    return std::filesystem::exists(key_file(), ec);
}

bool KeyVault::needs_passphrase() const {
    return policy_.pin_needs_hardware && !(os_store_ && os_store_->hardware_backed());
}

std::string KeyVault::store_name() const {
    return os_store_ ? os_store_->name() : std::string();
}

Status KeyVault::check_new_secret(std::string_view secret, bool passphrase) const {
    if (passphrase)
        return check_passphrase(secret);
    if (secret.size() < min_pin_chars)
        return Error::make(key_error::weak_pin, "Choose a PIN of at least " +
                                                    std::to_string(min_pin_chars) + " digits.");
    return {};
}

Result<SecretStore*> KeyVault::store_for(const KeyFile& file) {
    if (!os_store_ || os_store_->name() != file.device_secret_store)
        return Error::make(key_error::secret_store_unavailable,
                           "This tablet's key is bound to its secret store (" +
                               file.device_secret_store +
                               "), which cannot be reached now. Restart the tablet and try "
                               "again; the PIN was not checked.");
    return os_store_;
}

Result<KeyVault::Loaded> KeyVault::load() {
    auto f = KeyFile::load(key_file());
    if (!f)
        return f.error();
    Loaded l{std::move(*f), std::nullopt, false};
    if (!l.file.state_secret_id)
        return l; // format 1, or no store: nothing to check the count against
    auto store = store_for(l.file);
    if (!store)
        return store.error();
    auto key = (*store)->load(*l.file.state_secret_id, nullptr);
    if (!key)
        return key.error();
    l.state_key = std::move(*key);
    const std::string expected = state_mac(l.file, *l.state_key);
    l.tampered = !l.file.state_mac || l.file.state_mac->size() != expected.size() ||
                 sodium_memcmp(l.file.state_mac->data(), expected.data(), expected.size()) != 0;
    return l;
}

Status KeyVault::save(KeyFile& file, const std::optional<SecretKey>& state_key) {
    if (state_key)
        file.state_mac = state_mac(file, *state_key);
    return file.save(key_file());
}

Status KeyVault::bind_secrets(KeyFile& file, const SecretKey& derived, Opened& o) {
    // Hardware or keyring alike: its refusal stops the set-up (no silent fallback to the PIN
    // alone); the caller says which store took part.
    SecretKey device = SecretKey::random();
    const SecretKey auth = pin_auth(derived);
    auto handle = os_store_->store(random_id(), device, &auth);
    if (!handle)
        return handle.error();
    SecretKey state = SecretKey::random();
    auto state_handle = os_store_->store(random_id(), state, nullptr);
    if (!state_handle) {
        (void)os_store_->remove(*handle);
        return state_handle.error();
    }
    file.device_secret_store = os_store_->name();
    file.device_secret_id = std::move(*handle);
    file.state_secret_id = std::move(*state_handle);
    o.device_secret = std::move(device);
    o.state_key = std::move(state);
    return {};
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
    const bool passphrase = needs_passphrase();
    FI_TRY(check_new_secret(pin, passphrase));
    if (setup.owner.empty())
        return Error::make("invalid_argument", "The tablet's user must be known to set it up.");
    const KdfParams kdf = setup.kdf.value_or(policy_.kdf);
    if (!PinKdf::valid(kdf) || PinKdf::below(kdf, policy_.kdf))
        return Error::make(key_error::kdf_too_cheap,
                           "These PIN-derivation settings are not accepted: they cost less than "
                           "this app's own.");
    Opened o;
    KeyFile& f = o.file;
    f.owner = setup.owner;
    f.kdf = kdf;
    f.salt = PinKdf::random_salt();
    f.passphrase = passphrase;
    auto derived = PinKdf::derive(pin, f.salt, f.kdf);
    if (!derived)
        return derived.error();
    if (os_store_)
        FI_TRY(bind_secrets(f, *derived, o));
    o.wrapping_key = mix(*derived, o.device_secret ? &*o.device_secret : nullptr);
    SecretKey data_key = SecretKey::random();
    f.wrapped = wrap(data_key, o.wrapping_key, f.associated_data());
    if (setup.recovery)
        f.recovery =
            RecoverySeal{*setup.recovery, RecoveryToken::seal(data_key, *setup.recovery), {}};
    if (auto st = save(f, o.state_key); !st) {
        for (const auto& id : {f.device_secret_id, f.state_secret_id})
            if (id)
                (void)os_store_->remove(*id);
        return st.error();
    }
    return data_key;
}

Result<VaultState> KeyVault::state() {
    auto l = load();
    if (!l)
        return l.error();
    const KeyFile& f = l->file;
    VaultState s;
    s.failures = f.failures;
    s.tampered = l->tampered;
    s.locked_out = f.locked || l->tampered;
    s.attempts_left = s.locked_out ? 0 : std::max(0, lockout_failures - f.failures);
    s.has_recovery = f.recovery.has_value();
    s.device_bound = f.device_secret_id.has_value();
    s.hardware_bound = s.device_bound && os_store_ && os_store_->name() == f.device_secret_store &&
                       os_store_->hardware_backed();
    s.passphrase = f.passphrase;
    s.store = f.device_secret_store;
    if (!s.locked_out && f.failures >= delay_from_failures) {
        const auto now = clock_.read();
        FI_TRY(arm_gate_after_reboot(l->file, l->state_key, now));
        s.retry_after = std::max(0ms, l->file.not_before->boottime - now.boottime);
    }
    return s;
}

Status KeyVault::arm_gate_after_reboot(KeyFile& file, const std::optional<SecretKey>& state_key,
                                       const ClockReading& now) {
    if (file.not_before && !now.boot_id.empty() && file.not_before->boot_id == now.boot_id)
        return {};
    // Rebooted since the last failure: boot time restarted, and the wall clock is the user's
    // to set, so the wait starts again on this boot's clock.
    file.not_before = RetryGate{now.boot_id, now.boottime + delay_for(file.failures)};
    return save(file, state_key);
}

Result<KeyVault::Opened> KeyVault::open_with_pin(std::string_view pin) {
    auto l = load();
    if (!l)
        return l.error();
    KeyFile& f = l->file;
    if (l->tampered)
        return tampered();
    if (f.locked)
        return locked_out();
    const auto now = clock_.read();
    if (f.failures >= delay_from_failures) {
        FI_TRY(arm_gate_after_reboot(f, l->state_key, now));
        if (now.boottime < f.not_before->boottime)
            return retry_later(f.not_before->boottime - now.boottime);
    }
    SecretStore* store = nullptr;
    if (f.device_secret_id) {
        auto s = store_for(f);
        if (!s)
            return s.error();
        store = *s;
    }

    // Count the attempt before its answer is known: killing the app during the check must
    // not give a free guess.
    KeyFile counted = f;
    counted.failures += 1;
    counted.locked = counted.failures >= lockout_failures;
    if (counted.failures >= delay_from_failures)
        counted.not_before = RetryGate{now.boot_id, now.boottime + delay_for(counted.failures)};
    FI_TRY(save(counted, l->state_key));

    auto derived = PinKdf::derive(pin, f.salt, f.kdf);
    if (!derived) {
        (void)save(f, l->state_key); // the PIN was never checked: do not count it
        return derived.error();
    }
    std::optional<SecretKey> secret;
    if (store) {
        const SecretKey auth = pin_auth(*derived);
        auto s = store->load(*f.device_secret_id, &auth);
        if (!s && s.error().code == key_error::wrong_pin)
            return wrong_pin(counted); // refused by the hardware, which counted it too
        if (!s) {
            (void)save(f, l->state_key); // nothing was checked: do not count it
            return s.error();
        }
        secret = std::move(*s);
    }
    SecretKey wk = mix(*derived, secret ? &*secret : nullptr);
    const std::string ad = f.associated_data();
    auto data_key = unwrap(f.wrapped, wk, ad);
    if (!data_key)
        return wrong_pin(counted);

    f.failures = 0;
    f.locked = false;
    f.not_before.reset();
    if (f.pending) {
        if (auto pending = unwrap(*f.pending, wk, ad))
            resolve_pending(f, *data_key, *pending);
        else
            f.pending.reset(); // unreadable under this PIN: cannot be the store's key
    }
    Opened o{std::move(f), std::move(*data_key), std::move(wk), std::move(secret),
             std::move(l->state_key)};
    if (PinKdf::below(o.file.kdf, policy_.kdf) || o.file.version < KeyFile::format_version) {
        // Written by an older app or at a lower cost: from now on at this binary's cost.
        FI_TRY(rewrap(o, pin, policy_.kdf));
    } else {
        FI_TRY(save(o.file, o.state_key));
    }
    return o;
}

Status KeyVault::rewrap(Opened& o, std::string_view pin, const KdfParams& cost) {
    KeyFile& f = o.file;
    const auto old_device = f.device_secret_id;
    const auto old_state = f.state_secret_id;
    f.version = KeyFile::format_version;
    f.kdf = cost;
    f.salt = PinKdf::random_salt();
    auto derived = PinKdf::derive(pin, f.salt, f.kdf);
    if (!derived)
        return derived.error();
    if (f.device_secret_id) {
        auto store = store_for(f);
        if (!store)
            return store.error();
        // The same device secret, sealed again under the new PIN's auth.
        const SecretKey auth = pin_auth(*derived);
        auto handle = (*store)->store(random_id(), *o.device_secret, &auth);
        if (!handle)
            return handle.error();
        f.device_secret_id = std::move(*handle);
        if (!o.state_key) {
            SecretKey state = SecretKey::random();
            auto state_handle = (*store)->store(random_id(), state, nullptr);
            if (!state_handle)
                return state_handle.error();
            f.state_secret_id = std::move(*state_handle);
            o.state_key = std::move(state);
        }
    }
    o.wrapping_key = mix(*derived, o.device_secret ? &*o.device_secret : nullptr);
    f.wrapped = wrap(o.data_key, o.wrapping_key, f.associated_data());
    FI_TRY(save(f, o.state_key));
    if (old_device && old_device != f.device_secret_id)
        (void)os_store_->remove(*old_device);
    if (old_state && old_state != f.state_secret_id)
        (void)os_store_->remove(*old_state);
    return {};
}

Result<SecretKey> KeyVault::unlock(std::string_view pin) {
    auto o = open_with_pin(pin);
    if (!o)
        return o.error();
    return o->data_key;
}

Status KeyVault::change_pin(std::string_view old_pin, std::string_view new_pin) {
    auto current = KeyFile::load(key_file());
    if (!current)
        return current.error();
    FI_TRY(check_new_secret(new_pin, current->passphrase));
    auto o = open_with_pin(old_pin);
    if (!o)
        return o.error();
    return rewrap(*o, new_pin, policy_.kdf);
}

Result<SecretKey> KeyVault::begin_rekey(std::string_view pin) {
    auto o = open_with_pin(pin);
    if (!o)
        return o.error();
    SecretKey fresh = SecretKey::random();
    o->file.pending = wrap(fresh, o->wrapping_key, o->file.associated_data());
    if (o->file.recovery)
        o->file.recovery->pending_sealed = RecoveryToken::seal(fresh, o->file.recovery->public_key);
    FI_TRY(save(o->file, o->state_key));
    return fresh;
}

Status KeyVault::finish_rekey() {
    auto l = load();
    if (!l)
        return l.error();
    KeyFile& f = l->file;
    if (!f.pending)
        return Error::make("invalid_argument", "No re-key is in progress.");
    f.wrapped = *f.pending;
    f.pending.reset();
    if (f.recovery && !f.recovery->pending_sealed.empty()) {
        f.recovery->sealed = f.recovery->pending_sealed;
        f.recovery->pending_sealed.clear();
    }
    return save(f, l->state_key);
}

Result<SecretKey> KeyVault::rekey(Database& db, std::string_view pin) {
    auto o = open_with_pin(pin);
    if (!o)
        return o.error();
    SecretKey fresh = SecretKey::random();
    o->file.pending = wrap(fresh, o->wrapping_key, o->file.associated_data());
    if (o->file.recovery)
        o->file.recovery->pending_sealed = RecoveryToken::seal(fresh, o->file.recovery->public_key);
    FI_TRY(save(o->file, o->state_key));

    if (auto st = db.rekey(fresh); !st) {
        // Database::rekey can fail after the switch (syncing, reopening): ask the store.
        SecretKey current = o->data_key;
        resolve_pending(o->file, current, fresh);
        (void)save(o->file, o->state_key);
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
    return save(o->file, o->state_key);
}

Status KeyVault::lift_lockout(const OnlineConfirmation& confirmation) {
    auto l = load();
    if (!l)
        return l.error();
    FI_TRY(check_owner(l->file, confirmation));
    l->file.failures = 0;
    l->file.locked = false;
    l->file.not_before.reset();
    return save(l->file, l->state_key);
}

Result<SecretKey> KeyVault::recover(const OnlineConfirmation& confirmation,
                                    const RecoveryToken& token, std::string_view new_pin) {
    // The file as it is, MAC or not: recovery starts everything afresh, and the store's
    // secrets may be the very thing that was lost.
    auto loaded = KeyFile::load(key_file());
    if (!loaded)
        return loaded.error();
    KeyFile& f = *loaded;
    FI_TRY(check_owner(f, confirmation));
    const bool passphrase = f.version >= 2 ? f.passphrase : needs_passphrase();
    FI_TRY(check_new_secret(new_pin, passphrase));
    if (!f.recovery)
        return Error::make(key_error::no_recovery,
                           "This tablet was set up without a recovery code, so a forgotten PIN "
                           "cannot be recovered. Ask the administrator to set the tablet up "
                           "again; records already uploaded are safe on the central system.");
    auto data_key = token.open(f.recovery->sealed);
    if (!data_key)
        return data_key.error();
    if (!f.recovery->pending_sealed.empty())
        if (auto pending = token.open(f.recovery->pending_sealed); pending && f.pending)
            resolve_pending(f, *data_key, *pending);

    // A fresh salt and fresh device secrets: whatever was known about the old wrap is useless.
    const auto old_ids = std::array{f.device_secret_id, f.state_secret_id};
    Opened o;
    o.file = f;
    o.file.version = KeyFile::format_version;
    o.file.passphrase = passphrase;
    o.file.kdf = PinKdf::below(f.kdf, policy_.kdf) ? policy_.kdf : f.kdf;
    o.file.salt = PinKdf::random_salt();
    o.file.device_secret_id.reset();
    o.file.state_secret_id.reset();
    o.file.device_secret_store.clear();
    auto derived = PinKdf::derive(new_pin, o.file.salt, o.file.kdf);
    if (!derived)
        return derived.error();
    if (os_store_)
        FI_TRY(bind_secrets(o.file, *derived, o));
    o.wrapping_key = mix(*derived, o.device_secret ? &*o.device_secret : nullptr);
    o.file.wrapped = wrap(*data_key, o.wrapping_key, o.file.associated_data());
    o.file.pending.reset();
    o.file.recovery->pending_sealed.clear();
    o.file.failures = 0;
    o.file.locked = false;
    o.file.not_before.reset();
    FI_TRY(save(o.file, o.state_key));
    if (os_store_)
        for (const auto& id : old_ids)
            if (id)
                (void)os_store_->remove(*id);
    return data_key;
}

Status KeyVault::destroy() {
    Status result;
    if (auto f = KeyFile::load(key_file()); f && os_store_)
        for (const auto& id : {f->device_secret_id, f->state_secret_id})
            if (id)
                if (auto st = os_store_->remove(*id); !st && result)
                    result = st;
    auto tmp = key_file();
    tmp += ".tmp";
    for (const auto& p : {key_file(), tmp})
        if (auto st = shred(p); !st && result)
            result = st;
    return result;
}

} // namespace fi::platform
