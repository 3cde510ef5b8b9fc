#include "platform/sodiuminit.h"

#include <sodium.h>
#include <stdexcept>

namespace fi::platform {

void sodium_init_once() {
    // sodium_init() is itself thread-safe and returns 1 when already done.
    static const int rc = sodium_init();
    if (rc < 0)
        throw std::runtime_error("libsodium could not be initialised (no random source)");
}

} // namespace fi::platform
