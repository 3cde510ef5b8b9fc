#include "core/secretkey.h"

#include "core/sha256.h"

#include <openssl/crypto.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <stdexcept>

namespace fi {

namespace {
constexpr char hex_digits[] = "0123456789abcdef";
} // namespace

SecretKey::~SecretKey() {
    OPENSSL_cleanse(bytes_.data(), bytes_.size());
}

SecretKey SecretKey::random() {
    SecretKey k;
    if (RAND_bytes(k.bytes_.data(), static_cast<int>(k.bytes_.size())) != 1)
        throw std::runtime_error("the system random number generator failed");
    return k;
}

SecretKey SecretKey::from_hex(std::string_view hex) {
    SecretKey k;
    if (!fi::from_hex(hex, k.bytes_))
        return SecretKey{};
    return k;
}

bool SecretKey::is_zero() const {
    std::uint8_t acc = 0;
    for (auto b : bytes_)
        acc |= b;
    return acc == 0;
}

std::string SecretKey::sqlcipher_literal() const {
    // Built in place (not through to_hex) so no unwiped copy of the key's hex is left behind.
    std::string s = "x'";
    s.reserve(2 + size_bytes * 2 + 1);
    for (auto b : bytes_) {
        s.push_back(hex_digits[b >> 4]);
        s.push_back(hex_digits[b & 0xf]);
    }
    s.push_back('\'');
    return s;
}

std::string SecretKey::check_value(std::string_view label) const {
    unsigned char mac[32];
    unsigned int len = 0;
    HMAC(EVP_sha256(), bytes_.data(), static_cast<int>(bytes_.size()),
         reinterpret_cast<const unsigned char*>(label.data()), label.size(), mac, &len);
    return to_hex(std::span<const std::uint8_t>(mac, len));
}

bool operator==(const SecretKey& a, const SecretKey& b) {
    return CRYPTO_memcmp(a.bytes_.data(), b.bytes_.data(), SecretKey::size_bytes) == 0;
}

void wipe(std::string& s) {
    if (!s.empty())
        OPENSSL_cleanse(s.data(), s.size());
    s.clear();
}

} // namespace fi
