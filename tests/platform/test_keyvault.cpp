// The data key's vault against real SQLCipher stores: the right, wrong and locked-out PIN,
// the durable failure count, PIN change and re-key keeping the data, recovery, the OS secret
// store binding, and that the key file alone opens nothing. The test binary's policy (the test
// KDF, tests/support/testkdf.cpp) throughout, except where a test asks for the shipped one.
#include "core/atomicfile.h"
#include "core/database.h"
#include "core/sha256.h"
#include "core/statement.h"
#include "core/store.h"
#include "platform/keyfile.h"
#include "platform/keyvault.h"
#include "platform/pinkdf.h"
#include "platform/recoverytoken.h"
#include "platform/secretstore.h"
#include "platformsupport.h"
#include "support/tempdir.h"
#include "support/testkdf.h"

#include <algorithm>
#include <csignal>
#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace fi;
using namespace fi::platform;
using namespace std::chrono_literals;
using fi::test::FakeBootClock;
using fi::test::MemorySecretStore;
using fi::test::TempDir;

namespace {

const std::string owner = "I-031";
const std::string pin = "482916";

VaultSetup cheap_setup(std::optional<RecoveryToken::PublicKey> recovery = std::nullopt) {
    VaultSetup s;
    s.owner = owner;
    s.recovery = recovery;
    return s;
}

/// The store with one row of evidence in it.
void make_store(const std::filesystem::path& path, const SecretKey& key) {
    OpenOptions o;
    o.mode = OpenOptions::Mode::create_if_missing;
    auto db = open_store(path, key, o);
    REQUIRE_MESSAGE(db.ok(), (db.ok() ? "" : db.error().message));
    auto st = db->prepare("INSERT INTO meta (key, value) VALUES ('evidence', '现场照片 12 张')");
    REQUIRE(st.ok());
    REQUIRE(st->run().ok());
}

/// A writer connection as the app opens it. (core's Database::rekey attaches a new file, which
/// SQLite allows only on a connection opened with the create flag.)
Database writer(const std::filesystem::path& path, const SecretKey& key) {
    OpenOptions o;
    o.mode = OpenOptions::Mode::create_if_missing;
    auto db = open_store(path, key, o);
    REQUIRE_MESSAGE(db.ok(), (db.ok() ? "" : db.error().message));
    return std::move(db.value());
}

/// The evidence row, read through a fresh connection under `key`.
Result<std::string> read_store(const std::filesystem::path& path, const SecretKey& key) {
    auto db = open_store(path, key);
    if (!db)
        return db.error();
    auto st = db->prepare("SELECT value FROM meta WHERE key = 'evidence'");
    if (!st)
        return st.error();
    auto row = st->step();
    if (!row)
        return row.error();
    return *row ? st->column_string(0) : std::string();
}

std::string error_code(const Status& s) {
    return s ? std::string() : s.error().code;
}
template <class T> std::string error_code(const Result<T>& r) {
    return r ? std::string() : r.error().code;
}

/// Wrong PINs until the vault says so, moving the clock past each wait.
void fail_times(KeyVault& vault, FakeBootClock& clock, int n) {
    for (int i = 0; i < n; ++i) {
        clock.advance(KeyVault::delay_for(i) + 1s);
        auto r = vault.unlock("000000");
        REQUIRE_FALSE(r.ok());
        CHECK((r.error().code == key_error::wrong_pin || r.error().code == key_error::locked_out));
    }
}

} // namespace

TEST_CASE("the right PIN unwraps the data key that opens the store") {
    TempDir dir;
    FakeBootClock clock;
    const auto db_path = dir / "fieldinspect.db";
    KeyVault vault(db_path, clock);
    CHECK_FALSE(vault.exists());
    auto key = vault.create(pin, cheap_setup());
    REQUIRE(key.ok());
    CHECK_FALSE(key->is_zero());
    make_store(db_path, *key);

    KeyVault after_restart(db_path, clock);
    auto again = after_restart.unlock(pin);
    REQUIRE(again.ok());
    CHECK(*again == *key);
    CHECK(read_store(db_path, *again).value() == "现场照片 12 张");

    struct stat st {};
    REQUIRE(::stat(vault.key_file().c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    auto state = after_restart.state();
    REQUIRE(state.ok());
    CHECK(state->failures == 0);
    CHECK(state->attempts_left == KeyVault::lockout_failures);
    CHECK_FALSE(state->device_bound);
}

TEST_CASE("setting up refuses a weak PIN and never replaces an existing key file") {
    TempDir dir;
    FakeBootClock clock;
    KeyVault vault(dir / "fieldinspect.db", clock);
    CHECK(error_code(vault.create("1234", cheap_setup())) == key_error::weak_pin);
    CHECK_FALSE(vault.exists());
    REQUIRE(vault.create(pin, cheap_setup()).ok());
    const auto before = fi::test::file_bytes(vault.key_file());
    CHECK(error_code(vault.create("999999", cheap_setup())) == key_error::already_set_up);
    CHECK(fi::test::file_bytes(vault.key_file()) == before);
}

TEST_CASE("a wrong PIN is refused and counted in the key file, so a restart does not reset it") {
    TempDir dir;
    FakeBootClock clock;
    const auto db_path = dir / "fieldinspect.db";
    {
        KeyVault vault(db_path, clock);
        REQUIRE(vault.create(pin, cheap_setup()).ok());
        for (int i = 1; i <= 3; ++i) {
            auto r = vault.unlock("111111");
            REQUIRE_FALSE(r.ok());
            CHECK(r.error().code == key_error::wrong_pin);
            CHECK(r.error().message.find(std::to_string(10 - i) + " more wrong PINs") !=
                  std::string::npos);
        }
    }
    KeyVault restarted(db_path, clock);
    CHECK(restarted.state()->failures == 3);
    CHECK(restarted.state()->attempts_left == 7);
    REQUIRE(restarted.unlock(pin).ok());
    CHECK(restarted.state()->failures == 0);
}

TEST_CASE("from the fifth wrong PIN the vault makes the user wait, on the boot clock") {
    TempDir dir;
    FakeBootClock clock;
    KeyVault vault(dir / "fieldinspect.db", clock);
    REQUIRE(vault.create(pin, cheap_setup()).ok());
    fail_times(vault, clock, 5);
    auto state = vault.state();
    REQUIRE(state.ok());
    CHECK(state->failures == 5);
    CHECK(state->retry_after == 30s);

    // Even the right PIN waits: the gate is checked before the PIN.
    auto early = vault.unlock(pin);
    REQUIRE_FALSE(early.ok());
    CHECK(early.error().code == key_error::retry_later);
    CHECK(early.error().message.find("30 seconds") != std::string::npos);
    CHECK(vault.state()->failures == 5); // waiting does not count as an attempt

    // Setting the wall clock forward does not help; boot time does.
    clock.now.wall += std::chrono::hours(1);
    CHECK(error_code(vault.unlock(pin)) == key_error::retry_later);
    clock.advance(20s);
    CHECK(vault.state()->retry_after == 10s);

    // A reboot restarts the wait rather than trusting any clock.
    clock.reboot();
    CHECK(vault.state()->retry_after == 30s);
    CHECK(error_code(vault.unlock(pin)) == key_error::retry_later);
    clock.advance(30s);
    auto key = vault.unlock(pin);
    REQUIRE(key.ok());
    CHECK(vault.state()->failures == 0);

    // The waits grow: 30 s, 1 min, 2 min, 5 min, 15 min.
    CHECK(KeyVault::delay_for(4) == 0ms);
    CHECK(KeyVault::delay_for(6) == 1min);
    CHECK(KeyVault::delay_for(9) == 15min);
}

TEST_CASE("ten wrong PINs lock the data until the tablet's user signs in online") {
    TempDir dir;
    FakeBootClock clock;
    const auto db_path = dir / "fieldinspect.db";
    SecretKey original;
    {
        KeyVault vault(db_path, clock);
        auto key = vault.create(pin, cheap_setup());
        REQUIRE(key.ok());
        original = *key;
        make_store(db_path, original);
        fail_times(vault, clock, 10);
        CHECK(vault.state()->locked_out);
    }
    KeyVault vault(db_path, clock); // restarting the app does not help
    clock.advance(std::chrono::hours(48));
    auto refused = vault.unlock(pin);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == key_error::locked_out);
    CHECK(refused.error().message.find("sign in") != std::string::npos);
    CHECK(vault.state()->attempts_left == 0);

    // Someone else's online sign-in does not unlock this tablet.
    CHECK(error_code(vault.lift_lockout({"I-118", "2026-11-28T09:30:00.000+08:00"})) ==
          key_error::not_confirmed);
    CHECK(error_code(vault.lift_lockout({"", ""})) == key_error::not_confirmed);
    CHECK(vault.state()->locked_out);

    REQUIRE(vault.lift_lockout({owner, "2026-11-28T09:30:00.000+08:00"}).ok());
    auto state = vault.state();
    CHECK_FALSE(state->locked_out);
    CHECK(state->failures == 0);
    auto key = vault.unlock(pin);
    REQUIRE(key.ok());
    CHECK(*key == original);
    CHECK(read_store(db_path, *key).value() == "现场照片 12 张");
}

TEST_CASE("killing the app during a PIN check still counts the attempt") {
    // A child process checks a PIN with the default (slow) derivation and is killed halfway:
    // the attempt was written before the derivation started, so it stays counted.
    TempDir dir;
    FakeBootClock clock;
    KeyVault vault(dir / "fieldinspect.db", clock);
    VaultSetup setup = cheap_setup();
    setup.kdf = PinKdf::default_params();
    REQUIRE(vault.create(pin, setup).ok());

    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        KeyVault in_child(dir / "fieldinspect.db", clock);
        (void)in_child.unlock("555555");
        ::_exit(0); // not reached in time
    }
    // Kill it as soon as the attempt is on disk: the derivation (about 0.5 s) is running then.
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (std::chrono::steady_clock::now() < deadline) {
        auto file = KeyFile::load(vault.key_file());
        if (file && file->failures == 1)
            break;
        std::this_thread::sleep_for(2ms);
    }
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    REQUIRE(WIFSIGNALED(status)); // killed mid-check, not finished
    CHECK(vault.state()->failures == 1);
}

TEST_CASE("a forgotten PIN is recovered with the recovery code after an online sign-in") {
    TempDir dir;
    FakeBootClock clock;
    const auto db_path = dir / "fieldinspect.db";
    auto token = RecoveryToken::generate();
    std::string code = token.text();
    CHECK(code.size() == 39); // 32 digits in 8 groups
    KeyVault vault(db_path, clock);
    auto key = vault.create(pin, cheap_setup(token.public_key()));
    REQUIRE(key.ok());
    make_store(db_path, *key);
    fail_times(vault, clock, 10);
    REQUIRE(vault.state()->locked_out);

    const OnlineConfirmation confirmed{owner, "2026-11-28T09:30:00.000+08:00"};
    auto other = RecoveryToken::generate();
    CHECK(error_code(vault.recover(confirmed, other, "135790")) == key_error::wrong_token);
    CHECK(error_code(vault.recover({"I-999", ""}, token, "135790")) == key_error::not_confirmed);

    // Typed back by a person: lower case, spaces instead of dashes.
    std::string typed;
    for (char c : code)
        typed.push_back(c == '-' ? ' ' : static_cast<char>(std::tolower(c)));
    auto parsed = RecoveryToken::parse(typed);
    REQUIRE(parsed.ok());
    wipe(code);
    auto recovered = vault.recover(confirmed, *parsed, "135790");
    REQUIRE(recovered.ok());
    CHECK(*recovered == *key);
    CHECK_FALSE(vault.state()->locked_out);
    CHECK(vault.unlock("135790").ok());
    CHECK(error_code(vault.unlock(pin)) == key_error::wrong_pin);
    CHECK(read_store(db_path, *recovered).value() == "现场照片 12 张");

    CHECK(error_code(RecoveryToken::parse("ABCD-EFGH")) == "invalid_token");
    CHECK(error_code(RecoveryToken::parse("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4561")) ==
          "invalid_token");
}

TEST_CASE("a vault without a recovery code says so instead of recovering") {
    TempDir dir;
    FakeBootClock clock;
    KeyVault vault(dir / "fieldinspect.db", clock);
    REQUIRE(vault.create(pin, cheap_setup()).ok());
    CHECK_FALSE(vault.state()->has_recovery);
    auto token = RecoveryToken::generate();
    CHECK(error_code(vault.recover({owner, ""}, token, "135790")) == key_error::no_recovery);
    // Added later, with the PIN:
    REQUIRE(vault.set_recovery(pin, token.public_key()).ok());
    CHECK(vault.state()->has_recovery);
    CHECK(vault.recover({owner, ""}, token, "135790").ok());
}

TEST_CASE("changing the PIN re-wraps the same key and keeps the data") {
    TempDir dir;
    FakeBootClock clock;
    const auto db_path = dir / "fieldinspect.db";
    KeyVault vault(db_path, clock);
    auto key = vault.create(pin, cheap_setup());
    REQUIRE(key.ok());
    make_store(db_path, *key);
    const auto store_before = fi::test::file_sha256(db_path);
    const auto salt_before = KeyFile::load(vault.key_file())->salt;

    CHECK(error_code(vault.change_pin(pin, "12")) == key_error::weak_pin);
    CHECK(vault.state()->failures == 0); // refused before the old PIN was tried
    CHECK(error_code(vault.change_pin("999999", "246801")) == key_error::wrong_pin);
    REQUIRE(vault.change_pin(pin, "246801").ok());

    CHECK(fi::test::file_sha256(db_path) == store_before); // no re-encryption
    CHECK(KeyFile::load(vault.key_file())->salt != salt_before);
    auto after = vault.unlock("246801");
    REQUIRE(after.ok());
    CHECK(*after == *key);
    CHECK(read_store(db_path, *after).value() == "现场照片 12 张");
    CHECK(error_code(vault.unlock(pin)) == key_error::wrong_pin);
}

TEST_CASE("re-keying re-encrypts the store under a new key and keeps the data") {
    TempDir dir;
    FakeBootClock clock;
    const auto db_path = dir / "fieldinspect.db";
    auto token = RecoveryToken::generate();
    KeyVault vault(db_path, clock);
    auto old_key = vault.create(pin, cheap_setup(token.public_key()));
    REQUIRE(old_key.ok());
    make_store(db_path, *old_key);

    SecretKey new_key;
    {
        auto db = writer(db_path, *old_key);
        CHECK(error_code(vault.rekey(db, "000000")) == key_error::wrong_pin);
        auto fresh = vault.rekey(db, pin);
        REQUIRE_MESSAGE(fresh.ok(), (fresh.ok() ? "" : fresh.error().message));
        new_key = *fresh;
        CHECK_FALSE(new_key == *old_key);
        auto st = db.prepare("SELECT value FROM meta WHERE key = 'evidence'");
        REQUIRE(st.ok());
        REQUIRE(st->step().value());
        CHECK(st->column_string(0) == "现场照片 12 张");
    }
    auto unlocked = vault.unlock(pin);
    REQUIRE(unlocked.ok());
    CHECK(*unlocked == new_key);
    CHECK(read_store(db_path, new_key).value() == "现场照片 12 张");
    CHECK(error_code(read_store(db_path, *old_key)) == store_error::wrong_key);
    CHECK_FALSE(KeyFile::load(vault.key_file())->pending.has_value());
    // The recovery seal follows the new key.
    auto recovered = vault.recover({owner, ""}, token, "135790");
    REQUIRE(recovered.ok());
    CHECK(*recovered == new_key);
}

TEST_CASE("a re-key interrupted either side of the switch keeps the key that opens the store") {
    TempDir dir;
    FakeBootClock clock;
    const auto db_path = dir / "fieldinspect.db";
    KeyVault vault(db_path, clock);
    auto old_key = vault.create(pin, cheap_setup());
    REQUIRE(old_key.ok());
    make_store(db_path, *old_key);

    SUBCASE("crash before the store was switched") {
        auto fresh = vault.begin_rekey(pin);
        REQUIRE(fresh.ok());
        CHECK(KeyFile::load(vault.key_file())->pending.has_value());
        auto key = vault.unlock(pin);
        REQUIRE(key.ok());
        CHECK(*key == *old_key);
        CHECK_FALSE(KeyFile::load(vault.key_file())->pending.has_value());
        CHECK(read_store(db_path, *key).ok());
    }
    SUBCASE("crash after the store was switched, before the key file was") {
        auto fresh = vault.begin_rekey(pin);
        REQUIRE(fresh.ok());
        {
            auto db = writer(db_path, *old_key);
            REQUIRE(db.rekey(*fresh).ok());
        }
        auto key = vault.unlock(pin);
        REQUIRE(key.ok());
        CHECK(*key == *fresh);
        CHECK_FALSE(KeyFile::load(vault.key_file())->pending.has_value());
        CHECK(read_store(db_path, *key).value() == "现场照片 12 张");
        // and it stays that way
        CHECK(*vault.unlock(pin) == *fresh);
    }
}

TEST_CASE("the key file alone does not open the store") {
    TempDir dir;
    FakeBootClock clock;
    const auto db_path = dir / "fieldinspect.db";
    KeyVault vault(db_path, clock);
    auto key = vault.create(pin, cheap_setup(RecoveryToken::generate().public_key()));
    REQUIRE(key.ok());
    make_store(db_path, *key);

    const std::string text = fi::test::file_bytes(vault.key_file());
    const std::string key_hex = to_hex(std::span<const std::uint8_t>(key->data(), 32));
    CHECK(text.find(key_hex) == std::string::npos);
    CHECK(text.find(std::string(reinterpret_cast<const char*>(key->data()), 32)) ==
          std::string::npos);
    CHECK(text.find(pin) == std::string::npos);

    // Every 32-byte string the file holds, tried as the key: none opens the store.
    const auto j = nlohmann::json::parse(text);
    std::vector<std::string> hex_fields = {j["kdf"]["salt"], j["wrapped_key"]["nonce"],
                                           j["wrapped_key"]["ciphertext"],
                                           j["recovery"]["public_key"], j["recovery"]["sealed"]};
    int tried = 0;
    for (const auto& h : hex_fields)
        for (std::size_t at = 0; at + 64 <= h.size(); at += 2) {
            auto candidate = SecretKey::from_hex(std::string_view(h).substr(at, 64));
            CHECK_FALSE(read_store(db_path, candidate).ok());
            ++tried;
        }
    CHECK(tried > 50);
    // Nor does unlocking without the PIN.
    KeyVault thief(db_path, clock);
    CHECK(error_code(thief.unlock("")) == key_error::wrong_pin);
    CHECK(error_code(thief.unlock("000000")) == key_error::wrong_pin);
}

TEST_CASE("an edited or damaged key file refuses to unwrap and is left as it is") {
    TempDir dir;
    FakeBootClock clock;
    KeyVault vault(dir / "fieldinspect.db", clock);
    REQUIRE(vault.create(pin, cheap_setup()).ok());

    SUBCASE("cheaper KDF settings written in") {
        auto j = nlohmann::json::parse(fi::test::file_bytes(vault.key_file()));
        j["kdf"]["opslimit"] = 2; // authenticated with the wrap: the PIN no longer fits
        REQUIRE(write_file_atomically(vault.key_file(), j.dump()).ok());
        CHECK(error_code(vault.unlock(pin)) == key_error::wrong_pin);
    }
    SUBCASE("truncated") {
        const auto text = fi::test::file_bytes(vault.key_file());
        REQUIRE(write_file_atomically(vault.key_file(), text.substr(0, text.size() / 2)).ok());
        CHECK(error_code(vault.unlock(pin)) == key_error::key_file_damaged);
        CHECK(fi::test::file_bytes(vault.key_file()) == text.substr(0, text.size() / 2));
    }
    SUBCASE("failure count removed") {
        auto j = nlohmann::json::parse(fi::test::file_bytes(vault.key_file()));
        j.erase("failures");
        REQUIRE(write_file_atomically(vault.key_file(), j.dump()).ok());
        CHECK(error_code(vault.unlock(pin)) == key_error::key_file_damaged);
    }
}

TEST_CASE("a key bound to the OS secret store needs the store's secret as well as the PIN") {
    TempDir dir;
    FakeBootClock clock;
    const auto db_path = dir / "fieldinspect.db";
    MemorySecretStore os;
    auto token = RecoveryToken::generate();
    KeyVault vault(db_path, clock, &os);
    auto key = vault.create(pin, cheap_setup(token.public_key()));
    REQUIRE(key.ok());
    make_store(db_path, *key);
    CHECK(vault.state()->device_bound);
    REQUIRE(os.secrets.size() == 2); // the wrap's secret and the lock-out MAC's
    CHECK(*vault.unlock(pin) == *key);

    // The key file and the PIN, copied to another machine, without the store's secret:
    KeyVault elsewhere(db_path, clock, nullptr);
    CHECK(error_code(elsewhere.unlock(pin)) == key_error::secret_store_unavailable);
    CHECK(error_code(elsewhere.state()) == key_error::secret_store_unavailable);
    CHECK(vault.state()->failures == 0); // not the user's fault, not counted

    os.reachable = false;
    CHECK(error_code(vault.unlock(pin)) == key_error::secret_store_unavailable);
    os.reachable = true;

    // A different secret under the same id and auth (a forged store) does not fit.
    auto& wrap_secret = std::find_if(os.secrets.begin(), os.secrets.end(), [](const auto& e) {
                            return e.second.auth.has_value();
                        })->second;
    wrap_secret.secret = SecretKey::random();
    CHECK(error_code(vault.unlock(pin)) == key_error::wrong_pin);

    // The secret lost: the PIN is not enough; recovery rebinds to a new secret.
    os.secrets.clear();
    CHECK(error_code(vault.unlock(pin)) == "not_found");
    auto recovered = vault.recover({owner, ""}, token, "135790");
    REQUIRE(recovered.ok());
    CHECK(*recovered == *key);
    CHECK(os.secrets.size() == 2);
    CHECK(*vault.unlock("135790") == *key);

    // destroy() removes the secret with the key file.
    REQUIRE(vault.destroy().ok());
    CHECK(os.secrets.empty());
    CHECK_FALSE(vault.exists());
}

TEST_CASE("the system secret store: a TPM when one is there, else the keyring, else none") {
    const bool tpm = qEnvironmentVariableIsSet("FI_TPM_TCTI") ||
                     qEnvironmentVariableIsSet("TPM2TOOLS_TCTI") ||
                     std::filesystem::exists("/dev/tpmrm0");
    const bool bus = qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS");
    auto store = system_secret_store();
    if (tpm) {
        REQUIRE(store != nullptr);
        CHECK(store->name() == "tpm2");
        CHECK(store->hardware_backed());
    } else if (!bus && !qEnvironmentVariableIsSet("XDG_RUNTIME_DIR")) {
        CHECK(store == nullptr); // headless build machine: no store, so a passphrase
    } else if (store) {
        CHECK(store->name() == "secret-service");
        CHECK_FALSE(store->hardware_backed());
    }
}

TEST_CASE("the default PIN derivation is slow enough (Argon2id, measured)") {
    const auto params = PinKdf::default_params();
    CHECK(params.memlimit_bytes == 128ULL * 1024 * 1024);
    CHECK(params.opslimit == 5);
    std::chrono::milliseconds best = std::chrono::hours(1);
    for (int i = 0; i < 2; ++i)
        best = std::min(best, PinKdf::measure(params));
    MESSAGE("Argon2id default (", params.opslimit, " passes, ",
            params.memlimit_bytes / (1024 * 1024), " MiB): ", best.count(), " ms");
    CHECK(best >= 200ms); // a sanity check, not a timing goal
    CHECK(PinKdf::measure(fi::test::fastest_kdf()) < 100ms);
}
