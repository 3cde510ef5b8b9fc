// The test KDF: linked into test binaries only (tests/CMakeLists.txt, the fi_test_kdf object
// library, compiled with FI_INSECURE_TEST_KDF), where this definition replaces platform's weak
// VaultPolicy::shipped(): the cheapest Argon2id, and a PIN accepted without a hardware store (the
// build machine has none; the tests that need one start swtpm). Shipped binaries never link it,
// so they hold no cheap KDF and no switch that would choose one.
#include "support/testkdf.h"

#include "platform/keyvault.h"

namespace fi::platform {

VaultPolicy VaultPolicy::shipped() {
    VaultPolicy p;
    p.kdf = test::fastest_kdf();
    p.pin_needs_hardware = false;
    return p;
}

} // namespace fi::platform
