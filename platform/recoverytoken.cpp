#include "platform/recoverytoken.h"

#include "platform/sodiuminit.h"

#include <sodium.h>

namespace fi::platform {

namespace {

constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"; // RFC 4648 base32
constexpr std::string_view derivation_key = "fieldinspect recovery v1";

struct Keypair {
    std::array<std::uint8_t, crypto_box_PUBLICKEYBYTES> pk{};
    std::array<std::uint8_t, crypto_box_SECRETKEYBYTES> sk{};
    ~Keypair() { sodium_memzero(sk.data(), sk.size()); }
};

/// The token is already uniformly random; hashing it with a fixed label only separates this
/// use from any other, so no slow KDF is needed.
void keypair_of(const std::array<std::uint8_t, RecoveryToken::token_bytes>& token, Keypair& out) {
    std::array<std::uint8_t, crypto_box_SEEDBYTES> seed{};
    crypto_generichash(seed.data(), seed.size(), token.data(), token.size(),
                       reinterpret_cast<const unsigned char*>(derivation_key.data()),
                       derivation_key.size());
    crypto_box_seed_keypair(out.pk.data(), out.sk.data(), seed.data());
    sodium_memzero(seed.data(), seed.size());
}

int base32_value(char c) {
    if (c >= 'a' && c <= 'z')
        c = static_cast<char>(c - 'a' + 'A');
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= '2' && c <= '7')
        return c - '2' + 26;
    return -1;
}

} // namespace

RecoveryToken::RecoveryToken(RecoveryToken&& other) noexcept : bytes_(other.bytes_) {
    sodium_memzero(other.bytes_.data(), other.bytes_.size());
}

RecoveryToken& RecoveryToken::operator=(RecoveryToken&& other) noexcept {
    if (this != &other) {
        bytes_ = other.bytes_;
        sodium_memzero(other.bytes_.data(), other.bytes_.size());
    }
    return *this;
}

RecoveryToken::~RecoveryToken() {
    sodium_memzero(bytes_.data(), bytes_.size());
}

RecoveryToken RecoveryToken::generate() {
    sodium_init_once();
    RecoveryToken t;
    randombytes_buf(t.bytes_.data(), t.bytes_.size());
    return t;
}

Result<RecoveryToken> RecoveryToken::parse(std::string_view text) {
    sodium_init_once();
    RecoveryToken t;
    std::size_t bits = 0;
    std::uint32_t acc = 0;
    std::size_t out = 0;
    std::size_t digits = 0;
    for (char c : text) {
        if (c == '-' || c == ' ')
            continue;
        const int v = base32_value(c);
        if (v < 0 || digits == token_bytes * 8 / 5)
            return Error::make("invalid_token",
                               "That is not a recovery code. It has 32 letters and digits in "
                               "groups of four; check it against the paper copy.");
        ++digits;
        acc = (acc << 5) | static_cast<std::uint32_t>(v);
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            t.bytes_[out++] = static_cast<std::uint8_t>(acc >> bits);
            acc &= (1U << bits) - 1;
        }
    }
    if (out != token_bytes)
        return Error::make("invalid_token", "The recovery code is incomplete: it has 32 letters "
                                            "and digits in groups of four.");
    return t;
}

std::string RecoveryToken::text() const {
    std::string s;
    std::size_t bits = 0;
    std::uint32_t acc = 0;
    int written = 0;
    for (auto b : bytes_) {
        acc = (acc << 8) | b;
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            if (written > 0 && written % 4 == 0)
                s.push_back('-');
            s.push_back(alphabet[(acc >> bits) & 31U]);
            ++written;
        }
        acc &= (1U << bits) - 1;
    }
    sodium_memzero(&acc, sizeof acc);
    return s; // 160 bits = 32 digits exactly
}

RecoveryToken::PublicKey RecoveryToken::public_key() const {
    Keypair kp;
    keypair_of(bytes_, kp);
    return kp.pk;
}

std::vector<std::uint8_t> RecoveryToken::seal(const SecretKey& key, const PublicKey& recipient) {
    sodium_init_once();
    std::vector<std::uint8_t> sealed(crypto_box_SEALBYTES + SecretKey::size_bytes);
    crypto_box_seal(sealed.data(), key.data(), SecretKey::size_bytes, recipient.data());
    return sealed;
}

Result<SecretKey> RecoveryToken::open(const std::vector<std::uint8_t>& sealed) const {
    if (sealed.size() != crypto_box_SEALBYTES + SecretKey::size_bytes)
        return Error::make("key_file_damaged",
                           "The recovery copy of the key is damaged; recovery is not possible "
                           "with this key file.");
    Keypair kp;
    keypair_of(bytes_, kp);
    std::array<std::uint8_t, SecretKey::size_bytes> out{};
    if (crypto_box_seal_open(out.data(), sealed.data(), sealed.size(), kp.pk.data(),
                             kp.sk.data()) != 0)
        return Error::make("wrong_token", "This recovery code does not belong to this tablet. "
                                          "Check the code against the paper copy.");
    SecretKey key(out);
    sodium_memzero(out.data(), out.size());
    return key;
}

} // namespace fi::platform
