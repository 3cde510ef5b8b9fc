// The TPM 2.0 secret store against swtpm instances the tests start themselves (socket mode, a
// temporary state directory each): sealing and unsealing, a wrong auth refused and counted by
// the TPM's dictionary-attack lock-out, objects of one TPM refused by another, and the key
// vault over it (a PIN is enough; the data key needs the TPM as well as the PIN).
#include "core/sha256.h"
#include "platform/keyfile.h"
#include "platform/keyvault.h"
#include "platform/tpm2secretstore.h"
#include "platformsupport.h"
#include "support/swtpm.h"
#include "support/tempdir.h"

#include <cstdlib>
#include <doctest/doctest.h>
#include <span>

using namespace fi;
using namespace fi::platform;
using fi::test::FakeBootClock;
using fi::test::Swtpm;
using fi::test::TempDir;

namespace {

template <class T> std::string code_of(const Result<T>& r) {
    return r ? std::string() : r.error().code;
}

SecretKey auth_of(std::uint8_t b) {
    std::array<std::uint8_t, SecretKey::size_bytes> bytes{};
    bytes.fill(b);
    return SecretKey(bytes);
}

} // namespace

TEST_CASE("a TPM seals a secret that only it and only the right auth unseal") {
    if (!Swtpm::available()) {
        MESSAGE("swtpm or tpm2-tools missing (scripts/packages.txt): skipped");
        return;
    }
    TempDir dir;
    Swtpm tpm(dir / "tpm-a");
    tpm.provision_lockout(4, 600, 600);
    Tpm2SecretStore store(tpm.tcti());
    CHECK(store.name() == "tpm2");
    CHECK(store.hardware_backed());

    const SecretKey secret = SecretKey::random();
    const SecretKey auth = auth_of(0x5a);
    auto handle = store.store("a", secret, &auth);
    REQUIRE_MESSAGE(handle.ok(), (handle ? "" : handle.error().message));
    // The handle is the sealed object: the secret is not in it.
    CHECK(handle->find(to_hex(std::span<const std::uint8_t>(secret.data(), 32))) ==
          std::string::npos);
    auto back = store.load(*handle, &auth);
    REQUIRE_MESSAGE(back.ok(), (back ? "" : back.error().message));
    CHECK(*back == secret);

    // A secret without auth (the lock-out MAC's key) needs none and counts nothing.
    const SecretKey state = SecretKey::random();
    auto state_handle = store.store("b", state, nullptr);
    REQUIRE(state_handle.ok());
    CHECK(*store.load(*state_handle, nullptr) == state);

    // Wrong auths: refused, and counted by the TPM until its lock-out refuses everything.
    const SecretKey wrong = auth_of(0x11);
    int refused = 0;
    for (int i = 0; i < 4; ++i) {
        auto r = store.load(*handle, &wrong);
        REQUIRE_FALSE(r.ok());
        refused += r.error().code == key_error::wrong_pin ? 1 : 0;
    }
    CHECK(refused == 4);
    auto lockout = store.lockout();
    REQUIRE(lockout.ok());
    CHECK(lockout->failures == 4);
    CHECK(lockout->max_tries == 4);
    auto locked = store.load(*handle, &auth);
    CHECK(code_of(locked) == key_error::device_locked_out);
    CHECK(*store.load(*state_handle, nullptr) == state); // outside the lock-out (no auth)

    // The same blobs on another TPM: refused as another device's.
    Swtpm other(dir / "tpm-b");
    Tpm2SecretStore elsewhere(other.tcti());
    auto r = elsewhere.load(*handle, &auth);
    CHECK_MESSAGE(code_of(r) == key_error::wrong_device, r.error().message);
    CHECK(r.error().message.find("another device") != std::string::npos);
    CHECK(code_of(elsewhere.load(*state_handle, nullptr)) == key_error::wrong_device);
    // A damaged handle is damage, not a wrong PIN.
    CHECK(code_of(store.load("00ff", &auth)) == key_error::key_file_damaged);
}

TEST_CASE("the key vault over a TPM: a PIN is enough, and the TPM takes part in every unlock") {
    if (!Swtpm::available()) {
        MESSAGE("swtpm or tpm2-tools missing (scripts/packages.txt): skipped");
        return;
    }
    TempDir dir;
    Swtpm tpm(dir / "tpm");
    tpm.provision_lockout(32, 600, 600);
    Tpm2SecretStore store(tpm.tcti());
    FakeBootClock clock;
    const auto db = dir / "data" / "fieldinspect.db";
    std::filesystem::create_directories(db.parent_path());
    VaultPolicy shipped;
    shipped.kdf = KdfParams{1, 8192}; // the TPM is what is tested here, not Argon2id's cost
    KeyVault vault(db, clock, &store, shipped);
    CHECK_FALSE(vault.needs_passphrase());
    CHECK(vault.store_name() == "tpm2");
    VaultSetup setup;
    setup.owner = "I-031";
    auto key = vault.create("482916", setup);
    REQUIRE_MESSAGE(key.ok(), (key ? "" : key.error().message));
    auto state = vault.state();
    REQUIRE(state.ok());
    CHECK(state->hardware_bound);
    CHECK(state->store == "tpm2");
    CHECK(*vault.unlock("482916") == *key);

    CHECK(code_of(vault.unlock("000000")) == key_error::wrong_pin);
    CHECK(store.lockout()->failures == 1); // the TPM counted it
    CHECK(vault.state()->failures == 1);
    CHECK(*vault.unlock("482916") == *key);

    // A PIN change seals the same device secret again under the new PIN.
    REQUIRE(vault.change_pin("482916", "975310").ok());
    CHECK(code_of(vault.unlock("482916")) == key_error::wrong_pin);
    CHECK(*vault.unlock("975310") == *key);

    // Without the TPM (another one answers): nothing opens, nothing counted.
    Swtpm other(dir / "tpm-other");
    Tpm2SecretStore elsewhere(other.tcti());
    KeyVault thief(db, clock, &elsewhere, shipped);
    const int before = vault.state()->failures;
    CHECK(code_of(thief.unlock("975310")) == key_error::wrong_device);
    CHECK(vault.state()->failures == before);
}

TEST_CASE("the device's TPM store is opened from its module: what it seals, the TPM code linked "
          "here unseals, and a wrong auth is refused the same way") {
    if (!Swtpm::available()) {
        MESSAGE("swtpm or tpm2-tools missing (scripts/packages.txt): skipped");
        return;
    }
    TempDir dir;
    Swtpm tpm(dir / "tpm-module");
    tpm.provision_lockout(4, 600, 600);
    ::setenv("FI_TPM_TCTI", tpm.tcti().c_str(), 1);
    auto store = system_secret_store(); // libfieldinspect-secretstores.so, from the run path
    ::unsetenv("FI_TPM_TCTI");
    REQUIRE(store != nullptr);
    CHECK(store->name() == "tpm2");
    CHECK(store->hardware_backed());

    const SecretKey secret = SecretKey::random();
    const SecretKey auth = auth_of(0x3c);
    auto handle = store->store("m", secret, &auth);
    REQUIRE_MESSAGE(handle.ok(), (handle ? "" : handle.error().message));
    auto back = store->load(*handle, &auth);
    REQUIRE_MESSAGE(back.ok(), (back ? "" : back.error().message));
    CHECK(*back == secret);
    // The same sealed object, unsealed by the store linked into this test.
    auto direct = Tpm2SecretStore(tpm.tcti()).load(*handle, &auth);
    REQUIRE_MESSAGE(direct.ok(), (direct ? "" : direct.error().message));
    CHECK(*direct == secret);
    const SecretKey wrong = auth_of(0x3d);
    CHECK(code_of(store->load(*handle, &wrong)) == key_error::wrong_pin);
}
