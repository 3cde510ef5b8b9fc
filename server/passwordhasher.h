#pragma once

#include <string>
#include <string_view>

namespace fi::server {

/// Passwords kept as PBKDF2-HMAC-SHA256 (OpenSSL) with a random 16-byte salt, in a
/// self-describing string `pbkdf2-sha256$<iterations>$<salt hex>$<hash hex>`: a stored hash
/// keeps verifying after the iteration count for new hashes is raised.
class PasswordHasher {
public:
    /// About 0.3 s a verification on the reference machine: slow for a guesser, bearable for a
    /// person signing in once a day.
    static constexpr int default_iterations = 310000;

    explicit PasswordHasher(int iterations = default_iterations);

    std::string hash(std::string_view password) const;
    /// Constant-time comparison; false for a malformed stored string.
    static bool verify(std::string_view password, std::string_view stored);
    /// Spend the time of one verification, so that an unknown username does not answer faster
    /// than a known one.
    void spend_verification_time(std::string_view password) const;

    int iterations() const { return iterations_; }

private:
    int iterations_;
};

} // namespace fi::server
