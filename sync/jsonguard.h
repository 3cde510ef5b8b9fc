#pragma once

#include "core/result.h"

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string_view>

namespace fi::sync {

/// Deepest nesting an answer of the central system may have. Its deepest shape is about 5.
inline constexpr std::size_t max_json_depth = 64;

/// Parse an answer from the network: the nesting depth is checked by a scan BEFORE the parser
/// sees it (deep input would exhaust the stack in the parser and in dump()), the parse never
/// throws, invalid UTF-8 and trailing garbage are refused. Error code `decode`.
Result<nlohmann::json> parse_untrusted_json(std::string_view text,
                                            std::size_t max_depth = max_json_depth);

} // namespace fi::sync
