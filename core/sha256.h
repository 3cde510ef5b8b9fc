#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace fi {

/// Incremental SHA-256 over OpenSSL EVP.
class Sha256 {
public:
    using Digest = std::array<std::uint8_t, 32>;

    Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    ~Sha256();

    Sha256& update(std::span<const std::uint8_t> bytes);
    Sha256& update(std::string_view bytes);
    Digest finish();
    std::string finish_hex();

    static Digest digest(std::string_view bytes);
    static Digest digest(std::span<const std::uint8_t> bytes);
    static std::string hex(std::string_view bytes);

private:
    evp_md_ctx_st* ctx_;
};

std::string to_hex(std::span<const std::uint8_t> bytes);
/// Decode exactly out.size() bytes from 2 × out.size() hex digits (either case); false (and
/// `out` unspecified) for anything else.
bool from_hex(std::string_view hex, std::span<std::uint8_t> out);

} // namespace fi
