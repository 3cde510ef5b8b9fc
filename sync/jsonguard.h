#pragma once

#include "core/result.h"

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <vector>

namespace fi::sync {

/// Deepest nesting an answer of the central system may have. Its deepest shape is about 5.
inline constexpr std::size_t max_json_depth = 64;

/// Parse an answer from the network: the nesting depth is checked by a scan BEFORE the parser
/// sees it (deep input would exhaust the stack in the parser and in dump()), the parse never
/// throws, invalid UTF-8 and trailing garbage are refused. Error code `decode`.
Result<nlohmann::json> parse_untrusted_json(std::string_view text,
                                            std::size_t max_depth = max_json_depth);

/// The text of each element of the list under `member` of the object `text`, exactly as it
/// stands there, for text that parse_untrusted_json admitted: element k parses to the parsed
/// answer's `member[k]` (a repeated member counts as the parser counts it, by its last
/// occurrence). nullopt when `text` is not an object with such a list. Stores keep what the
/// central system sent without serialising what was parsed from it again.
std::optional<std::vector<std::string_view>> member_elements(std::string_view text,
                                                             std::string_view member);

} // namespace fi::sync
