#include "server/passwordhasher.h"

#include "server/cpugate.h"

#include <array>
#include <charconv>
#include <mutex>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <optional>
#include <semaphore>
#include <sodium.h>
#include <stdexcept>
#include <vector>

namespace fi::server {

namespace {

constexpr std::string_view pbkdf2_scheme = "pbkdf2-sha256";
constexpr std::string_view argon2id_prefix = "$argon2id$";
constexpr std::size_t pbkdf2_hash_bytes = 32;

void sodium_ready() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0)
            throw std::runtime_error("sodium_init failed");
    });
}

/// The process-wide permits to run a hash (see PasswordHasher).
class HashSlot {
public:
    HashSlot() { slots().acquire(); }
    ~HashSlot() { slots().release(); }
    HashSlot(const HashSlot&) = delete;
    HashSlot& operator=(const HashSlot&) = delete;

private:
    static std::counting_semaphore<PasswordHasher::max_concurrent_hashes>& slots() {
        static std::counting_semaphore<PasswordHasher::max_concurrent_hashes> s(
            PasswordHasher::max_concurrent_hashes);
        return s;
    }
};

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

/// The earlier scheme: `pbkdf2-sha256$iterations$salt$hash`.
bool verify_pbkdf2(std::string_view password, std::string_view stored) {
    std::array<std::string_view, 4> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const std::size_t end = i + 1 < parts.size() ? stored.find('$', start) : stored.size();
        if (end == std::string_view::npos)
            return false;
        parts[i] = stored.substr(start, end - start);
        start = end + 1;
    }
    if (parts[0] != pbkdf2_scheme || parts[3].find('$') != std::string_view::npos)
        return false;
    int iterations = 0;
    const auto r = std::from_chars(parts[1].data(), parts[1].data() + parts[1].size(), iterations);
    // The bound keeps a damaged row from costing hours.
    if (r.ec != std::errc() || r.ptr != parts[1].data() + parts[1].size() || iterations < 1 ||
        iterations > 10'000'000)
        return false;
    const auto salt = from_hex(parts[2]);
    const auto want = from_hex(parts[3]);
    if (!salt || !want || want->size() != pbkdf2_hash_bytes)
        return false;
    std::array<std::uint8_t, pbkdf2_hash_bytes> got{};
    if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), salt->data(),
                          static_cast<int>(salt->size()), iterations, EVP_sha256(),
                          static_cast<int>(got.size()), got.data()) != 1)
        throw std::runtime_error("PKCS5_PBKDF2_HMAC failed"); // OpenSSL broken: an invariant
    return CRYPTO_memcmp(got.data(), want->data(), pbkdf2_hash_bytes) == 0;
}

std::string argon2id(std::string_view password, const KdfCost& cost) {
    sodium_ready();
    std::array<char, crypto_pwhash_STRBYTES> out{};
    HashSlot slot;
    const CpuGate::Section cpu(CpuGate::process(), CpuGate::Urgency::urgent);
    if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(), cost.opslimit,
                              cost.memlimit_bytes, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("crypto_pwhash_str failed (out of memory?)");
    return std::string(out.data());
}

} // namespace

KdfCost PasswordHasher::fastest_cost() {
    return KdfCost{crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

bool PasswordHasher::valid(const KdfCost& c) {
    // Upper bounds: a typing slip must not ask every sign-in for terabytes.
    return c.opslimit >= crypto_pwhash_OPSLIMIT_MIN && c.opslimit <= 100 &&
           c.memlimit_bytes >= crypto_pwhash_MEMLIMIT_MIN &&
           c.memlimit_bytes <= std::size_t{4} * 1024 * 1024 * 1024;
}

PasswordHasher::PasswordHasher(KdfCost cost) : cost_(valid(cost) ? cost : default_cost) {}

std::string PasswordHasher::hash(std::string_view password) const {
    return argon2id(password, cost_);
}

bool PasswordHasher::verify(std::string_view password, std::string_view stored) {
    if (stored.starts_with(argon2id_prefix)) {
        sodium_ready();
        // crypto_pwhash_str_verify needs a terminated string of at most STRBYTES.
        if (stored.size() >= crypto_pwhash_STRBYTES)
            return false;
        std::array<char, crypto_pwhash_STRBYTES> text{};
        std::copy(stored.begin(), stored.end(), text.begin());
        HashSlot slot;
        const CpuGate::Section cpu(CpuGate::process(), CpuGate::Urgency::urgent);
        return crypto_pwhash_str_verify(text.data(), password.data(), password.size()) == 0;
    }
    return verify_pbkdf2(password, stored);
}

bool PasswordHasher::needs_upgrade(std::string_view stored) const {
    if (!stored.starts_with(argon2id_prefix) || stored.size() >= crypto_pwhash_STRBYTES)
        return true;
    sodium_ready();
    std::array<char, crypto_pwhash_STRBYTES> text{};
    std::copy(stored.begin(), stored.end(), text.begin());
    return crypto_pwhash_str_needs_rehash(text.data(), cost_.opslimit, cost_.memlimit_bytes) != 0;
}

void PasswordHasher::spend_verification_time(std::string_view password) const {
    std::call_once(dummy_->once,
                   [&] { dummy_->hash = argon2id("\x01 nobody's password \x01", cost_); });
    (void)verify(password, dummy_->hash);
}

} // namespace fi::server
