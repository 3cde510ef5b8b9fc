#include "core/sha256.h"

#include <openssl/evp.h>
#include <stdexcept>

namespace fi {

Sha256::Sha256() : ctx_(EVP_MD_CTX_new()) {
    if (!ctx_ || EVP_DigestInit_ex(ctx_, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("OpenSSL SHA-256 is unavailable");
}

Sha256::~Sha256() {
    EVP_MD_CTX_free(ctx_);
}

Sha256& Sha256::update(std::span<const std::uint8_t> bytes) {
    EVP_DigestUpdate(ctx_, bytes.data(), bytes.size());
    return *this;
}

Sha256& Sha256::update(std::string_view bytes) {
    EVP_DigestUpdate(ctx_, bytes.data(), bytes.size());
    return *this;
}

Sha256::Digest Sha256::finish() {
    Digest d{};
    unsigned int len = 0;
    EVP_DigestFinal_ex(ctx_, d.data(), &len);
    EVP_DigestInit_ex(ctx_, EVP_sha256(), nullptr); // ready for reuse
    return d;
}

std::string Sha256::finish_hex() {
    const auto d = finish();
    return to_hex(d);
}

Sha256::Digest Sha256::digest(std::string_view bytes) {
    return Sha256().update(bytes).finish();
}

Sha256::Digest Sha256::digest(std::span<const std::uint8_t> bytes) {
    return Sha256().update(bytes).finish();
}

std::string Sha256::hex(std::string_view bytes) {
    return Sha256().update(bytes).finish_hex();
}

std::string to_hex(std::span<const std::uint8_t> bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (auto b : bytes) {
        out.push_back(digits[b >> 4]);
        out.push_back(digits[b & 0xf]);
    }
    return out;
}

namespace {
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

bool from_hex(std::string_view hex, std::span<std::uint8_t> out) {
    if (hex.size() != out.size() * 2)
        return false;
    for (std::size_t i = 0; i < out.size(); ++i) {
        const int hi = hex_value(hex[2 * i]);
        const int lo = hex_value(hex[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return false;
        out[i] = static_cast<std::uint8_t>(hi * 16 + lo);
    }
    return true;
}

} // namespace fi
