#include "server/passwordhasher.h"

#include "core/sha256.h"

#include <array>
#include <charconv>
#include <cstdint>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <optional>
#include <span>
#include <stdexcept>
#include <vector>

namespace fi::server {

namespace {

constexpr std::string_view scheme = "pbkdf2-sha256";
constexpr std::size_t salt_bytes = 16;
constexpr std::size_t hash_bytes = 32;

std::vector<std::uint8_t> pbkdf2(std::string_view password, std::span<const std::uint8_t> salt,
                                 int iterations) {
    std::vector<std::uint8_t> out(hash_bytes);
    if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), salt.data(),
                          static_cast<int>(salt.size()), iterations, EVP_sha256(),
                          static_cast<int>(out.size()), out.data()) != 1)
        throw std::runtime_error("PKCS5_PBKDF2_HMAC failed"); // OpenSSL broken: an invariant
    return out;
}

std::optional<std::vector<std::uint8_t>> from_hex(std::string_view hex) {
    if (hex.size() % 2 != 0)
        return std::nullopt;
    std::vector<std::uint8_t> out;
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        unsigned v = 0;
        const auto r = std::from_chars(hex.data() + i, hex.data() + i + 2, v, 16);
        if (r.ec != std::errc() || r.ptr != hex.data() + i + 2)
            return std::nullopt;
        out.push_back(static_cast<std::uint8_t>(v));
    }
    return out;
}

} // namespace

PasswordHasher::PasswordHasher(int iterations) : iterations_(iterations < 1 ? 1 : iterations) {}

std::string PasswordHasher::hash(std::string_view password) const {
    std::array<std::uint8_t, salt_bytes> salt{};
    if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1)
        throw std::runtime_error("RAND_bytes failed");
    const auto h = pbkdf2(password, salt, iterations_);
    return std::string(scheme) + "$" + std::to_string(iterations_) + "$" + to_hex(salt) + "$" +
           to_hex(h);
}

bool PasswordHasher::verify(std::string_view password, std::string_view stored) {
    // scheme$iterations$salt$hash
    std::array<std::string_view, 4> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const std::size_t end = i + 1 < parts.size() ? stored.find('$', start) : stored.size();
        if (end == std::string_view::npos)
            return false;
        parts[i] = stored.substr(start, end - start);
        start = end + 1;
    }
    if (parts[0] != scheme || parts[3].find('$') != std::string_view::npos)
        return false;
    int iterations = 0;
    const auto r = std::from_chars(parts[1].data(), parts[1].data() + parts[1].size(), iterations);
    if (r.ec != std::errc() || r.ptr != parts[1].data() + parts[1].size() || iterations < 1)
        return false;
    const auto salt = from_hex(parts[2]);
    const auto want = from_hex(parts[3]);
    if (!salt || !want || want->size() != hash_bytes)
        return false;
    const auto got = pbkdf2(password, *salt, iterations);
    return CRYPTO_memcmp(got.data(), want->data(), hash_bytes) == 0;
}

void PasswordHasher::spend_verification_time(std::string_view password) const {
    const std::array<std::uint8_t, salt_bytes> salt{};
    (void)pbkdf2(password, salt, iterations_);
}

} // namespace fi::server
