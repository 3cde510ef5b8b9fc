#pragma once

#include "platform/pinkdf.h"

#ifndef FI_INSECURE_TEST_KDF
#error                                                                                             \
    "The test KDF exists only in test binaries (tests/CMakeLists.txt defines FI_INSECURE_TEST_KDF)."
#endif

namespace fi::test {

/// The cheapest Argon2id cost libsodium accepts (1 pass, 8 KiB): what every test binary
/// derives with, so that thousands of throw-away key files cost milliseconds.
inline platform::KdfParams fastest_kdf() {
    return platform::KdfParams{1, 8192};
}

} // namespace fi::test
