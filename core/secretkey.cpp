#include "core/secretkey.h"

#include "core/sha256.h"

#include <openssl/crypto.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <stdexcept>

namespace fi {

namespace {
constexpr char hex_digits[] = "0123456789abcdef";

int hex_value(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}
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
    if (hex.size() != size_bytes * 2)
        return k;
    for (std::size_t i = 0; i < size_bytes; ++i) {
        const int hi = hex_value(hex[2 * i]);
        const int lo = hex_value(hex[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return SecretKey{};
        k.bytes_[i] = static_cast<std::uint8_t>(hi * 16 + lo);
    }
    return k;
}

bool SecretKey::is_zero() const {
    std::uint8_t acc = 0;
    for (auto b : bytes_)
        acc |= b;
    return acc == 0;
}

std::string SecretKey::sqlcipher_literal() const {
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
