#pragma once

#include "core/result.h"
#include "core/secretkey.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fi::platform {

/// A high-entropy recovery secret (160 bits) that can re-open the data key when the PIN is
/// forgotten or the device locked itself out. Written as eight groups of four base32
/// characters ("ABCD-EFGH-…") for the unit's records, shown once, never stored on the tablet.
///
/// The key file keeps only the public half: the data key is sealed (libsodium sealed box) to
/// a public key derived from the token, so the app can re-seal a new data key after a PIN
/// change or a re-key without knowing the token. Zeroed on destruction.
class RecoveryToken {
public:
    static constexpr std::size_t token_bytes = 20;
    static constexpr std::size_t public_key_bytes = 32;
    using PublicKey = std::array<std::uint8_t, public_key_bytes>;

    RecoveryToken(const RecoveryToken&) = delete;
    RecoveryToken& operator=(const RecoveryToken&) = delete;
    RecoveryToken(RecoveryToken&& other) noexcept;
    RecoveryToken& operator=(RecoveryToken&& other) noexcept;
    ~RecoveryToken();

    static RecoveryToken generate();
    /// Parse what a person typed: case, spaces and dashes do not matter.
    static Result<RecoveryToken> parse(std::string_view text);

    /// "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567". The caller must wipe() the string.
    std::string text() const;
    PublicKey public_key() const;

    /// Seal `key` so only the holder of the token behind `recipient` can open it.
    static std::vector<std::uint8_t> seal(const SecretKey& key, const PublicKey& recipient);
    /// Open a sealed key; fails when the token is not the one it was sealed to.
    Result<SecretKey> open(const std::vector<std::uint8_t>& sealed) const;

private:
    RecoveryToken() = default;
    std::array<std::uint8_t, token_bytes> bytes_{};
};

} // namespace fi::platform
