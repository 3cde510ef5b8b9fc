// The key vault from the attacker's side (issue 16): an edited key file (count reset, lock
// lifted, MAC removed, downgraded to format 1) stays locked and the right PIN still does not
// open it; a file below the shipped KDF cost is re-wrapped at that cost; without a hardware
// store a PIN is refused and a passphrase of real strength is required.
#include "core/atomicfile.h"
#include "platform/keyfile.h"
#include "platform/keyvault.h"
#include "platformsupport.h"
#include "support/tempdir.h"
#include "support/testkdf.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace fi;
using namespace fi::platform;
using namespace std::chrono_literals;
using fi::test::FakeBootClock;
using fi::test::MemorySecretStore;
using fi::test::TempDir;

namespace {

const std::string owner = "I-031";
const std::string pin = "482916";

template <class T> std::string code_of(const Result<T>& r) {
    return r ? std::string() : r.error().code;
}

VaultSetup setup_for(const std::string& who) {
    VaultSetup s;
    s.owner = who;
    return s;
}

/// Wrong PINs, moving the boot clock past each wait, until the vault locks.
void lock_it(KeyVault& vault, FakeBootClock& clock) {
    for (int i = 0; i < KeyVault::lockout_failures; ++i) {
        clock.advance(KeyVault::delay_for(i) + 1s);
        REQUIRE_FALSE(vault.unlock("000000").ok());
    }
    REQUIRE(vault.state()->locked_out);
}

nlohmann::json read_json(const std::filesystem::path& p) {
    return nlohmann::json::parse(fi::test::file_bytes(p));
}

void write_json(const std::filesystem::path& p, const nlohmann::json& j) {
    REQUIRE(write_file_atomically(p, j.dump(1) + "\n").ok());
}

} // namespace

TEST_CASE("an edited count or lock is refused, never taken as a reset") {
    TempDir dir;
    FakeBootClock clock;
    MemorySecretStore os;
    os.hardware = true;
    KeyVault vault(dir / "fieldinspect.db", clock, &os);
    REQUIRE(vault.create(pin, setup_for(owner)).ok());
    lock_it(vault, clock);
    CHECK(code_of(vault.unlock(pin)) == key_error::locked_out);
    const auto path = vault.key_file();

    SUBCASE("locked:false, failures:0, no wait: what an attacker writes") {
        auto j = read_json(path);
        j["locked"] = false;
        j["failures"] = 0;
        j["retry_not_before"] = nullptr;
        write_json(path, j);
    }
    SUBCASE("the MAC removed as well") {
        auto j = read_json(path);
        j["locked"] = false;
        j["failures"] = 0;
        j["state_mac"] = nullptr;
        write_json(path, j);
    }
    SUBCASE("the MAC of another moment pasted in (a count of 0 from before the failures)") {
        TempDir other;
        KeyVault twin(other / "fieldinspect.db", clock, &os);
        REQUIRE(twin.create(pin, setup_for(owner)).ok());
        auto j = read_json(path);
        j["locked"] = false;
        j["failures"] = 0;
        j["retry_not_before"] = nullptr;
        j["state_mac"] = read_json(twin.key_file())["state_mac"];
        write_json(path, j);
    }
    const std::string edited = fi::test::file_bytes(path);
    auto state = vault.state();
    REQUIRE(state.ok());
    CHECK(state->tampered);
    CHECK(state->locked_out);
    CHECK(state->attempts_left == 0);
    // The right PIN does not open it, the file is left as the attacker wrote it (for support),
    // and no PIN reaches the store's auth check.
    const int asked_before = os.refused;
    auto r = vault.unlock(pin);
    CHECK(code_of(r) == key_error::key_file_tampered);
    CHECK(r.error().message.find("sign in") != std::string::npos);
    CHECK(code_of(vault.unlock("000000")) == key_error::key_file_tampered);
    CHECK(os.refused == asked_before);
    CHECK(fi::test::file_bytes(path) == edited);

    // Only the owner's online sign-in lifts it, under a fresh MAC.
    CHECK(vault.lift_lockout({"I-999", ""}).error().code == key_error::not_confirmed);
    REQUIRE(vault.lift_lockout({owner, ""}).ok());
    CHECK_FALSE(vault.state()->tampered);
    CHECK(vault.unlock(pin).ok());
}

TEST_CASE("removing the state secret to escape its MAC breaks the wrap instead") {
    TempDir dir;
    FakeBootClock clock;
    MemorySecretStore os;
    os.hardware = true;
    KeyVault vault(dir / "fieldinspect.db", clock, &os);
    REQUIRE(vault.create(pin, setup_for(owner)).ok());
    lock_it(vault, clock);

    SUBCASE("as a format 1 file, which had no MAC") {
        auto j = read_json(vault.key_file());
        j["version"] = 1;
        j.erase("state_secret");
        j.erase("state_mac");
        j.erase("secret");
        j["locked"] = false;
        j["failures"] = 0;
        j["retry_not_before"] = nullptr;
        write_json(vault.key_file(), j);
    }
    SUBCASE("as a format 2 file without a state secret") {
        auto j = read_json(vault.key_file());
        j["state_secret"] = nullptr;
        j["state_mac"] = nullptr;
        j["locked"] = false;
        j["failures"] = 0;
        j["retry_not_before"] = nullptr;
        write_json(vault.key_file(), j);
    }
    // The count now looks fresh, but the associated data no longer fits: even the right PIN
    // opens nothing, so guessing on is pointless.
    CHECK(code_of(vault.unlock(pin)) == key_error::wrong_pin);
    clock.advance(1h);
    CHECK(code_of(vault.unlock(pin)) == key_error::wrong_pin);
}

TEST_CASE("a wrong PIN is counted by the hardware store too, which a restored file cannot reset") {
    TempDir dir;
    FakeBootClock clock;
    MemorySecretStore os;
    os.hardware = true;
    KeyVault vault(dir / "fieldinspect.db", clock, &os);
    REQUIRE(vault.create(pin, setup_for(owner)).ok());
    const std::string fresh = fi::test::file_bytes(vault.key_file());
    for (int i = 0; i < 3; ++i)
        CHECK(code_of(vault.unlock("000000")) == key_error::wrong_pin);
    CHECK(os.refused == 3); // the store was asked with a wrong auth each time
    // An authentic older copy carries a valid MAC: the app's count goes back to 0 …
    REQUIRE(write_file_atomically(vault.key_file(), fresh).ok());
    CHECK(vault.state()->failures == 0);
    CHECK(code_of(vault.unlock("111111")) == key_error::wrong_pin);
    // … but the store's count does not (a TPM's lock-out is its own: see test_tpm).
    CHECK(os.refused == 4);
}

TEST_CASE("a key file below the shipped KDF cost is re-wrapped at that cost when it opens") {
    TempDir dir;
    FakeBootClock clock;
    const auto db = dir / "fieldinspect.db";
    {
        KeyVault cheap(db, clock); // the test binary's policy: the test KDF
        REQUIRE(cheap.create(pin, setup_for(owner)).ok());
    }
    CHECK(KeyFile::load(KeyFile::path_for(db))->kdf == fi::test::fastest_kdf());
    VaultPolicy shipped; // what every shipped binary uses
    shipped.pin_needs_hardware = false;
    KeyVault vault(db, clock, nullptr, shipped);
    auto key = vault.unlock(pin);
    REQUIRE(key.ok());
    const auto after = KeyFile::load(vault.key_file());
    CHECK(after->kdf == PinKdf::default_params());
    CHECK(after->failures == 0);
    auto again = vault.unlock(pin);
    REQUIRE(again.ok());
    CHECK(*again == *key);
    // A wrong PIN against the weak file is no shortcut either: it is counted as any other.
    CHECK(code_of(vault.unlock("000000")) == key_error::wrong_pin);

    // And nothing below the shipped cost is ever written.
    TempDir other;
    KeyVault strict(other / "fieldinspect.db", clock, nullptr, shipped);
    VaultSetup s = setup_for(owner);
    s.kdf = fi::test::fastest_kdf();
    CHECK(code_of(strict.create(pin, s)) == key_error::kdf_too_cheap);
    CHECK_FALSE(strict.exists());
}

TEST_CASE("without a hardware store a PIN is refused and a passphrase is required") {
    TempDir dir;
    FakeBootClock clock;
    VaultPolicy shipped; // the shipped rule; its cost too (two derivations here)
    SUBCASE("no store at all") {
        KeyVault vault(dir / "fieldinspect.db", clock, nullptr, shipped);
        CHECK(vault.needs_passphrase());
        CHECK(vault.store_name().empty());
        auto r = vault.create(pin, setup_for(owner));
        CHECK(code_of(r) == key_error::weak_passphrase);
        CHECK(r.error().message.find("no security chip") != std::string::npos);
        CHECK_FALSE(vault.exists());
        const std::string passphrase = "Feldweg-7 am Deich";
        REQUIRE(vault.create(passphrase, setup_for(owner)).ok());
        CHECK(vault.state()->passphrase);
        CHECK_FALSE(vault.state()->hardware_bound);
        CHECK(vault.unlock(passphrase).ok());
        // Changing it keeps the rule.
        CHECK(vault.change_pin(passphrase, "135790").error().code == key_error::weak_passphrase);
    }
    SUBCASE("a software keyring is not hardware") {
        MemorySecretStore keyring;
        KeyVault vault(dir / "fieldinspect.db", clock, &keyring, shipped);
        CHECK(vault.needs_passphrase());
        CHECK(code_of(vault.create(pin, setup_for(owner))) == key_error::weak_passphrase);
    }
    SUBCASE("a hardware store: a PIN is enough") {
        MemorySecretStore chip;
        chip.hardware = true;
        KeyVault vault(dir / "fieldinspect.db", clock, &chip, shipped);
        CHECK_FALSE(vault.needs_passphrase());
        REQUIRE(vault.create(pin, setup_for(owner)).ok());
        CHECK(vault.state()->hardware_bound);
        CHECK_FALSE(vault.state()->passphrase);
    }
}

TEST_CASE("the passphrase rule") {
    for (const char* good : {"Feldweg-7 am Deich", "abcDEF123456", "ab12!?cd34#$",
                             "correct horse battery staple", "巡查 2026 年第四季度双随机抽查任务"})
        CHECK_MESSAGE(KeyVault::check_passphrase(good).ok(), good);
    for (const char* weak : {"", "482916", "abcdefghijkl", "abcdefghijk1", "ABCDEFGH1234",
                             "correcthorsebatterystaple", "2026202620262026202620"})
        CHECK_MESSAGE(code_of(KeyVault::check_passphrase(weak)) == key_error::weak_passphrase,
                      weak);
}
