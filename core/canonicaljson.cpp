#include "core/canonicaljson.h"

#include <cstdint>
#include <vector>

namespace fi {

namespace {

using json = nlohmann::json;

// One open array or object: where we are inside it, and the name or index of the child being
// written (kept for error messages).
struct Frame {
    const json* node;
    json::const_iterator next;
    std::size_t index = 0;
    std::string_view key;
};

std::size_t utf8_sequence_length(std::string_view s, std::size_t i);

// JSON pointer (RFC 6901) of the value being written, from the open containers. Bytes that are
// not UTF-8 become '?': the pointer ends up in messages that are themselves serialised as JSON.
std::string pointer_of(const std::vector<Frame>& stack) {
    std::string out;
    for (const Frame& f : stack) {
        out.push_back('/');
        if (!f.node->is_object()) {
            out += std::to_string(f.index - 1);
            continue;
        }
        for (std::size_t i = 0; i < f.key.size();) {
            const std::size_t len = utf8_sequence_length(f.key, i);
            if (len == 0) {
                out.push_back('?');
                ++i;
            } else if (f.key[i] == '~') {
                out += "~0";
            } else if (f.key[i] == '/') {
                out += "~1";
            } else {
                out.append(f.key.substr(i, len));
            }
            i += len;
        }
    }
    return out;
}

// Length of the valid UTF-8 sequence starting at s[i], or 0 if it is not one (overlong forms,
// surrogates and code points above U+10FFFF included).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80)
        return 1;
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2;
        cp = b0 & 0x1Fu;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3;
        cp = b0 & 0x0Fu;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        cp = b0 & 0x07u;
    } else {
        return 0;
    }
    if (i + len > s.size())
        return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const unsigned char b = byte(i + k);
        if ((b & 0xC0u) != 0x80u)
            return 0;
        cp = (cp << 6) | (b & 0x3Fu);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

bool write_string(std::string_view s, std::string& out) {
    static constexpr char hex[] = "0123456789abcdef";
    out.push_back('"');
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            const std::size_t len = utf8_sequence_length(s, i);
            if (len == 0)
                return false;
            out.append(s.substr(i, len));
            i += len;
            continue;
        }
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                out += "\\u00";
                out.push_back(hex[c >> 4]);
                out.push_back(hex[c & 0xF]);
            } else {
                out.push_back(static_cast<char>(c));
            }
        }
        ++i;
    }
    out.push_back('"');
    return true;
}

} // namespace

Result<std::string> canonical_json(const json& value) {
    std::string out;
    std::vector<Frame> stack;

    const auto fail = [&](std::string_view code, const std::string& what) {
        const std::string where = pointer_of(stack);
        return Error::make(code, what + " at \"" + where + "\" cannot be put in canonical JSON",
                           where);
    };

    // Writes a scalar, or opens a container (its members are written by the loop below).
    const auto begin_value = [&](const json& v) -> Status {
        switch (v.type()) {
        case json::value_t::object:
        case json::value_t::array:
            if (stack.size() >= canonical_json_max_depth)
                return fail(canonical_json_error::too_deep,
                            "nesting deeper than " + std::to_string(canonical_json_max_depth));
            out.push_back(v.is_object() ? '{' : '[');
            stack.push_back(Frame{&v, v.cbegin(), 0, {}});
            return {};
        case json::value_t::string:
            if (!write_string(v.get_ref<const std::string&>(), out))
                return fail(canonical_json_error::invalid_utf8, "a string that is not UTF-8");
            return {};
        case json::value_t::number_integer:
            out += std::to_string(v.get<std::int64_t>());
            return {};
        case json::value_t::number_unsigned:
            out += std::to_string(v.get<std::uint64_t>());
            return {};
        case json::value_t::boolean:
            out += v.get<bool>() ? "true" : "false";
            return {};
        case json::value_t::null:
            out += "null";
            return {};
        case json::value_t::number_float:
            return fail(canonical_json_error::unsupported_number, "a floating-point number");
        case json::value_t::binary:
        case json::value_t::discarded:
            break;
        }
        return fail(canonical_json_error::unsupported_type, "a binary or discarded value");
    };

    FI_TRY(begin_value(value));
    while (!stack.empty()) {
        Frame& top = stack.back();
        if (top.next == top.node->cend()) {
            out.push_back(top.node->is_object() ? '}' : ']');
            stack.pop_back();
            continue;
        }
        if (top.index > 0)
            out.push_back(',');
        const json& child = *top.next;
        // nlohmann::json keeps members in a std::map<std::string, …>, whose order is
        // std::string's: unsigned byte order, exactly what the interface asks for.
        if (top.node->is_object()) {
            top.key = top.next.key();
            if (!write_string(top.key, out)) {
                ++top.index;
                return fail(canonical_json_error::invalid_utf8, "a member name that is not UTF-8");
            }
            out.push_back(':');
        }
        ++top.next;
        ++top.index;
        // May grow the stack, so `top` must not be used after this.
        FI_TRY(begin_value(child));
    }
    return out;
}

} // namespace fi
