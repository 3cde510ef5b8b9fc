#pragma once

namespace fi::platform {

/// Initialise libsodium once per process (thread-safe, idempotent). A failure means the
/// process has no usable random source: that is a broken invariant, so it throws.
void sodium_init_once();

} // namespace fi::platform
