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

constexpr std::size_t npos = std::string_view::npos;

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r'; // JSON's white space, no more
}

std::size_t skip_space(std::string_view t, std::size_t i) {
    while (i < t.size() && is_space(t[i]))
        ++i;
    return i;
}

/// Just past the string that starts at t[i] (a quote), or npos.
std::size_t skip_string(std::string_view t, std::size_t i) {
    for (++i; i < t.size(); ++i) {
        if (t[i] == '\\')
            ++i;
        else if (t[i] == '"')
            return i + 1;
    }
    return npos;
}

/// Just past the value that starts at t[i], or npos. Iterative: no depth to exhaust.
std::size_t skip_value(std::string_view t, std::size_t i) {
    if (i >= t.size())
        return npos;
    if (t[i] == '"')
        return skip_string(t, i);
    if (t[i] != '{' && t[i] != '[') { // a number, true, false or null
        while (i < t.size() && t[i] != ',' && t[i] != '}' && t[i] != ']' && !is_space(t[i]))
            ++i;
        return i;
    }
    std::size_t depth = 0;
    while (i < t.size()) {
        const char c = t[i];
        if (c == '"') {
            i = skip_string(t, i);
            if (i == npos)
                return npos;
            continue;
        }
        if (c == '{' || c == '[')
            ++depth;
        else if ((c == '}' || c == ']') && --depth == 0)
            return i + 1;
        ++i;
    }
    return npos;
}

/// The elements of the list `list` (its whole text, brackets included).
std::optional<std::vector<std::string_view>> elements_of(std::string_view list) {
    std::vector<std::string_view> out;
    std::size_t i = skip_space(list, 1);
    if (i < list.size() && list[i] == ']')
        return out;
    while (i < list.size()) {
        const std::size_t end = skip_value(list, i);
        if (end == npos)
            return std::nullopt;
        out.push_back(list.substr(i, end - i));
        i = skip_space(list, end);
        if (i < list.size() && list[i] == ']')
            return out;
        if (i >= list.size() || list[i] != ',')
            return std::nullopt;
        i = skip_space(list, i + 1);
    }
    return std::nullopt;
}

} // namespace

std::optional<std::vector<std::string_view>> member_elements(std::string_view text,
                                                             std::string_view member) {
    std::size_t i = skip_space(text, 0);
    if (text.substr(i).starts_with("\xEF\xBB\xBF")) // the parser skips a byte order mark
        i = skip_space(text, i + 3);
    if (i >= text.size() || text[i] != '{')
        return std::nullopt;
    i = skip_space(text, i + 1);
    std::optional<std::vector<std::string_view>> found;
    if (i < text.size() && text[i] == '}')
        return found;
    while (i < text.size() && text[i] == '"') {
        const std::size_t key_end = skip_string(text, i);
        if (key_end == npos)
            return std::nullopt;
        const std::string_view key = text.substr(i + 1, key_end - i - 2);
        bool wanted = key == member;
        if (!wanted && key.find('\\') != npos) { // an escaped name: compare what it says
            const auto name = nlohmann::json::parse(text.substr(i, key_end - i), nullptr, false);
            wanted = name.is_string() && name.get_ref<const std::string&>() == member;
        }
        i = skip_space(text, key_end);
        if (i >= text.size() || text[i] != ':')
            return std::nullopt;
        i = skip_space(text, i + 1);
        const std::size_t value_end = skip_value(text, i);
        if (value_end == npos)
            return std::nullopt;
        if (wanted) // a repeated member: the parser keeps its last value, and so does this
            found = text[i] == '[' ? elements_of(text.substr(i, value_end - i)) : std::nullopt;
        i = skip_space(text, value_end);
        if (i < text.size() && text[i] == '}')
            return found;
        if (i >= text.size() || text[i] != ',')
            return std::nullopt;
        i = skip_space(text, i + 1);
    }
    return std::nullopt;
}

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
