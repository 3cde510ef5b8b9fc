#pragma once

#include <string>
#include <string_view>

namespace fi {

/// What went wrong, as a stable machine-readable code plus a sentence a person can act on.
/// Codes that mirror the central system's 422 codes keep its snake_case spelling.
struct Error {
    std::string code;
    std::string message;
    std::string field; ///< optional: the field or item the error is about

    static Error make(std::string_view c, std::string_view m, std::string_view f = {}) {
        return Error{std::string(c), std::string(m), std::string(f)};
    }
};

/// Store error codes (see docs/architecture.md for who raises which).
namespace store_error {
inline constexpr std::string_view wrong_key = "wrong_key";
inline constexpr std::string_view damaged = "damaged";
inline constexpr std::string_view not_found = "not_found";
inline constexpr std::string_view disk_full = "disk_full";
inline constexpr std::string_view io = "io";
inline constexpr std::string_view busy = "busy";
inline constexpr std::string_view constraint = "constraint";
inline constexpr std::string_view newer_schema = "newer_schema";
inline constexpr std::string_view insecure = "insecure";
inline constexpr std::string_view sqlite = "sqlite";
inline constexpr std::string_view invalid_argument = "invalid_argument";
} // namespace store_error

} // namespace fi
