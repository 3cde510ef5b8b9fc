#pragma once

// Reading a client's JSON body, which is hostile input: the size is checked by the caller before
// anything is parsed, nesting is bounded before the parser sees the text, and nothing throws.

#include "core/result.h"

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string_view>

namespace fi::server {

/// Deepest nesting of arrays and objects accepted (the interface needs four levels).
inline constexpr std::size_t max_json_depth = 64;

/// Parse `text` as JSON. `invalid` when it is not JSON, not UTF-8, or nested deeper than
/// max_json_depth (found by a scan before parsing, so a hostile body costs one pass).
Result<nlohmann::json> parse_request_json(std::string_view text);

/// Characters (Unicode code points) of UTF-8 text.
std::size_t utf8_length(std::string_view text);

/// `too_large` (field: its path, e.g. `answers[3].note`) for the first string value longer than
/// `max_chars`.
Status check_text_lengths(const nlohmann::json& value, std::size_t max_chars);

/// A member of `object` when it exists (nullptr otherwise): never inserts, never throws.
const nlohmann::json* member(const nlohmann::json& object, std::string_view name);

/// A string member, or nullopt when absent or not a string.
std::optional<std::string> string_member(const nlohmann::json& object, std::string_view name);

} // namespace fi::server
