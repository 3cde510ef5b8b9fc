#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace fi::server {

/// The cost of one password hash: Argon2id passes over memory, and the memory.
struct KdfCost {
    std::uint64_t opslimit = 0;
    std::size_t memlimit_bytes = 0;
    friend bool operator==(const KdfCost&, const KdfCost&) = default;
};

/// Passwords kept as Argon2id (libsodium crypto_pwhash_str, ARGON2ID13): a self-describing
/// string `$argon2id$v=19$m=…,t=…,p=1$<salt>$<hash>` with a random salt, so a stored hash keeps
/// verifying after the cost of new hashes changes. Hashes of the earlier scheme
/// (`pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>`, PBKDF2-HMAC-SHA256) still verify, and
/// needs_upgrade() says so: SessionService rehashes them at the next sign-in.
///
/// Every hash holds `memlimit_bytes` of memory while it runs, so at most a few run at once
/// (process-wide, the others wait): a crowd of sign-ins costs the server time, never more
/// memory than max_concurrent_hashes × memlimit.
class PasswordHasher {
public:
    /// 64 MiB, 3 passes: about 0.2 s a verification on the reference machine — slow for a
    /// guesser, bearable for a person signing in once a day.
    static constexpr KdfCost default_cost{3, std::size_t{64} * 1024 * 1024};
    /// Hashes computed at the same time, process-wide.
    static constexpr std::ptrdiff_t max_concurrent_hashes = 2;
    /// The cheapest cost libsodium accepts (tests that do not measure the KDF).
    static KdfCost fastest_cost();
    /// Whether libsodium accepts this cost.
    static bool valid(const KdfCost& cost);

    explicit PasswordHasher(KdfCost cost = default_cost);

    std::string hash(std::string_view password) const;
    /// Constant-time comparison; false for a malformed stored string. Either scheme.
    static bool verify(std::string_view password, std::string_view stored);
    /// Whether `stored` is of the earlier scheme or of another Argon2id cost than this
    /// hasher's: the next successful sign-in stores a fresh hash.
    bool needs_upgrade(std::string_view stored) const;
    /// Spend the time (and memory) of one verification, so that an unknown username does not
    /// answer faster than a known one.
    void spend_verification_time(std::string_view password) const;

    const KdfCost& cost() const { return cost_; }

private:
    /// A hash of nothing anybody types, verified against for unknown users; made at the first
    /// need (an admin command that signs nobody in never pays for it), shared by copies.
    struct Dummy {
        std::once_flag once;
        std::string hash;
    };
    KdfCost cost_;
    std::shared_ptr<Dummy> dummy_ = std::make_shared<Dummy>();
};

} // namespace fi::server
