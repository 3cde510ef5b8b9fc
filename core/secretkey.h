#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace fi {

/// A 256-bit secret (the database data key). Zeroed when destroyed; never printed.
class SecretKey {
public:
    static constexpr std::size_t size_bytes = 32;

    SecretKey() = default; ///< all zero: not a usable key
    explicit SecretKey(const std::array<std::uint8_t, size_bytes>& bytes) : bytes_(bytes) {}
    SecretKey(const SecretKey& other) = default;
    SecretKey& operator=(const SecretKey& other) = default;
    ~SecretKey();

    /// A fresh key from the system's CSPRNG.
    static SecretKey random();
    /// From 64 hex characters; returns an all-zero key if the text is not that.
    static SecretKey from_hex(std::string_view hex);

    const std::uint8_t* data() const { return bytes_.data(); }
    bool is_zero() const;

    /// The SQLCipher raw-key literal x'…'. The caller must wipe the returned string (wipe()).
    std::string sqlcipher_literal() const;

    /// HMAC-SHA256(key, label) as hex: a one-way check value that identifies the key.
    std::string check_value(std::string_view label) const;

    friend bool operator==(const SecretKey& a, const SecretKey& b);

private:
    std::array<std::uint8_t, size_bytes> bytes_{};
};

/// Overwrite a string's characters with zeros in a way the optimiser keeps.
void wipe(std::string& s);

} // namespace fi
