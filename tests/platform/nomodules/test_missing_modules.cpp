// The app's modules missing (a damaged install, or someone removing the TPM's module to make
// the app fall back to a weaker store): this executable has no run path (SKIP_BUILD_RPATH,
// tests/platform/CMakeLists.txt), so no module and no font beside them is found, exactly as
// for an installed app whose <libdir>/fieldinspect was emptied. Each part says so and none
// falls back to something weaker.
#include "core/secretkey.h"
#include "core/sharedmodule.h"
#include "platform/camera.h"
#include "platform/camerabackend.h"
#include "platform/keyvault.h"
#include "platform/secretstore.h"
#include "platform/uifont.h"
#include "platformsupport.h"
#include "support/swtpm.h"
#include "support/tempdir.h"

#include <cstdlib>
#include <doctest/doctest.h>

using namespace fi::platform;
using fi::SecretKey;
using fi::test::FakeBootClock;
using fi::test::Swtpm;
using fi::test::TempDir;

namespace {

/// The precondition of every case here: nothing of the modules' directory is reachable.
void require_no_modules() {
    REQUIRE(fi::module_file("libfieldinspect-secretstores.so").empty());
    REQUIRE(fi::module_file(camera_module).empty());
    REQUIRE(fi::module_file(interface_font_file).empty());
}

} // namespace

TEST_CASE("without its module a device's TPM is not traded for a weaker store: the store "
          "still says TPM and refuses every call, and no key file is made without it") {
    require_no_modules();
    if (!Swtpm::available()) {
        MESSAGE("swtpm or tpm2-tools missing (scripts/packages.txt): skipped");
        return;
    }
    TempDir dir;
    Swtpm tpm(dir / "tpm");
    ::setenv("FI_TPM_TCTI", tpm.tcti().c_str(), 1);
    auto store = system_secret_store();
    ::unsetenv("FI_TPM_TCTI");
    REQUIRE(store != nullptr);
    CHECK(store->name() == "tpm2");
    CHECK(store->hardware_backed());
    const SecretKey secret = SecretKey::random();
    auto kept = store->store("k", secret, nullptr);
    REQUIRE_FALSE(kept.ok());
    CHECK(kept.error().code == "secret_store_unavailable");
    CHECK(kept.error().message.find("Reinstall") != std::string::npos);
    CHECK(store->load("anything", nullptr).error().code == "secret_store_unavailable");
    CHECK(store->remove("anything").error().code == "secret_store_unavailable");

    // The vault over it makes no key file wrapped by the PIN alone.
    FakeBootClock clock;
    const auto db = dir / "data" / "fieldinspect.db";
    std::filesystem::create_directories(db.parent_path());
    VaultPolicy shipped;
    shipped.kdf = KdfParams{1, 8192};
    KeyVault vault(db, clock, store.get(), shipped);
    CHECK(vault.store_name() == "tpm2");
    VaultSetup setup;
    setup.owner = "I-031";
    auto key = vault.create("482916", setup);
    CHECK_FALSE(key.ok());
    CHECK_FALSE(std::filesystem::exists(vault.key_file()));
}

TEST_CASE("without its module the camera is unavailable and says to reinstall, and the "
          "interface keeps the system's CJK face") {
    require_no_modules();
    fi::test::qt_app();
    auto camera = make_camera();
    REQUIRE(camera);
    CHECK_FALSE(camera->available());
    CHECK(camera->unavailable_reason().contains(QLatin1String("Reinstall")));
    CHECK(camera->capture().error().code == "camera_unavailable");
    CHECK(camera->start(nullptr).error().code == "camera_unavailable");

    use_one_cjk_face();
    CHECK(interface_font_family() == "Noto Sans CJK SC");
}
