#include "server/requestjson.h"

#include "server/apierror.h"

#include <utility>
#include <vector>

namespace fi::server {

namespace {

/// Deepest nesting of `text`, stopping early past `limit`. Brackets inside strings do not count.
std::size_t nesting_depth(std::string_view text, std::size_t limit) {
    std::size_t depth = 0;
    std::size_t deepest = 0;
    bool in_string = false;
    bool escaped = false;
    for (const char c : text) {
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
            if (deepest > limit)
                return deepest;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

} // namespace

Result<nlohmann::json> parse_request_json(std::string_view text) {
    if (nesting_depth(text, max_json_depth) > max_json_depth)
        return Error::make(api_code::invalid, "The body nests arrays and objects deeper than " +
                                                  std::to_string(max_json_depth) + " levels.");
    auto value =
        nlohmann::json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    if (value.is_discarded())
        return Error::make(api_code::invalid, "The body is not valid JSON (UTF-8).");
    return value;
}

std::size_t utf8_length(std::string_view text) {
    std::size_t n = 0;
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++n;
    return n;
}

Status check_text_lengths(const nlohmann::json& value, std::size_t max_chars) {
    // Iterative walk naming each value as the rules do (`answers[3].note`), so a deep document
    // cannot exhaust the stack.
    std::vector<std::pair<const nlohmann::json*, std::string>> todo{{&value, ""}};
    while (!todo.empty()) {
        auto [v, pointer] = std::move(todo.back());
        todo.pop_back();
        if (v->is_string()) {
            const auto& s = v->get_ref<const std::string&>();
            if (utf8_length(s) > max_chars)
                return Error::make(api_code::too_large,
                                   "A text has " + std::to_string(utf8_length(s)) +
                                       " characters; at most " + std::to_string(max_chars) +
                                       " are accepted.",
                                   pointer);
        } else if (v->is_object()) {
            for (auto it = v->begin(); it != v->end(); ++it)
                todo.emplace_back(&it.value(),
                                  pointer.empty() ? it.key() : pointer + "." + it.key());
        } else if (v->is_array()) {
            for (std::size_t i = 0; i < v->size(); ++i)
                todo.emplace_back(&(*v)[i], pointer + "[" + std::to_string(i) + "]");
        }
    }
    return {};
}

const nlohmann::json* member(const nlohmann::json& object, std::string_view name) {
    if (!object.is_object())
        return nullptr;
    const auto it = object.find(name);
    return it == object.end() ? nullptr : &*it;
}

std::optional<std::string> string_member(const nlohmann::json& object, std::string_view name) {
    const nlohmann::json* m = member(object, name);
    if (!m || !m->is_string())
        return std::nullopt;
    return m->get<std::string>();
}

} // namespace fi::server
