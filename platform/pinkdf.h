#pragma once

#include "core/result.h"
#include "core/secretkey.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <string_view>

namespace fi::platform {

/// The cost of one PIN derivation. Stored in the key file beside the salt (and bound into the
/// wrap's associated data), so the default can rise later: a file below the binary's cost is
/// re-wrapped at that cost on its next unlock.
struct KdfParams {
    std::uint64_t opslimit = 0;       ///< Argon2id passes over memory
    std::uint64_t memlimit_bytes = 0; ///< Argon2id memory
    friend bool operator==(const KdfParams&, const KdfParams&) = default;
};

/// Derives a 256-bit wrapping key from a PIN or password with Argon2id (libsodium
/// crypto_pwhash, ARGON2ID13). Slow on purpose: every guess at a stolen key file costs an
/// attacker the same time and memory as one unlock costs the user.
class PinKdf {
public:
    static constexpr std::size_t salt_bytes = 16;
    using Salt = std::array<std::uint8_t, salt_bytes>;

    /// 128 MiB, 5 passes: about half a second on the reference machine (platform/README.md).
    static KdfParams default_params();
    /// Whether `params` costs less than `floor` in time or in memory.
    static bool below(const KdfParams& params, const KdfParams& floor);
    /// Whether libsodium accepts these parameters (a key file may be damaged or hostile).
    static bool valid(const KdfParams& params);

    static Salt random_salt();

    /// The wrapping key for `pin`. Fails only when the parameters are invalid or memory
    /// cannot be had.
    static Result<SecretKey> derive(std::string_view pin, const Salt& salt,
                                    const KdfParams& params);

    /// Wall time of one derivation with `params` (for the benchmark note and the sanity test).
    static std::chrono::milliseconds measure(const KdfParams& params);
};

} // namespace fi::platform
