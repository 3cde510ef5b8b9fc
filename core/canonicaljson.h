#pragma once

#include "core/result.h"

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace fi {

/// Error codes of canonical_json.
namespace canonical_json_error {
inline constexpr std::string_view unsupported_number = "unsupported_number";
inline constexpr std::string_view unsupported_type = "unsupported_type";
inline constexpr std::string_view invalid_utf8 = "invalid_utf8";
inline constexpr std::string_view too_deep = "too_deep";
} // namespace canonical_json_error

/// Deepest nesting of arrays and objects accepted; the interface needs four levels.
inline constexpr std::size_t canonical_json_max_depth = 64;

/// The canonical JSON the evidence chain hashes (central-api.md, the RFC 8785 subset): members
/// sorted by name in byte order, no insignificant white space, strings as UTF-8 with only
/// `\"` `\\` `\b` `\f` `\n` `\r` `\t` and `\u00xx` (lower-case hex) for other control characters
/// escaped, integers in plain decimal, `true`, `false`, `null`.
///
/// Refused, with the JSON pointer of the culprit in `field`, rather than guessed at: any
/// floating-point number (the interface has none, and RFC 8785 number formatting is exactly
/// where implementations disagree), binary values, strings or names that are not valid UTF-8,
/// and nesting deeper than canonical_json_max_depth. Works iteratively, so hostile input cannot
/// exhaust the stack.
Result<std::string> canonical_json(const nlohmann::json& value);

} // namespace fi
