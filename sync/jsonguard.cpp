#include "sync/jsonguard.h"

namespace fi::sync {

namespace {

/// Maximum bracket depth of a JSON text, ignoring brackets inside strings.
std::size_t nesting_depth(std::string_view text, std::size_t stop_at) {
    std::size_t depth = 0, deepest = 0;
    bool in_string = false, escaped = false;
    for (char c : text) {
        if (in_string) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                in_string = false;
            continue;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
            if (deepest > stop_at)
                return deepest;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

} // namespace

Result<nlohmann::json> parse_untrusted_json(std::string_view text, std::size_t max_depth) {
    if (nesting_depth(text, max_depth) > max_depth)
        return Error::make("decode", "The central system's answer is nested deeper than " +
                                         std::to_string(max_depth) + " levels; it was not read.");
    auto json = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (json.is_discarded())
        return Error::make("decode", "The central system's answer is not valid JSON.");
    return json;
}

} // namespace fi::sync
