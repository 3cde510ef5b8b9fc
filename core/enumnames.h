#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace fi {

/// The one table of an enum's spellings: both directions (to_string, parse) and the list for
/// messages come from it, so a new value is one row and no switch can miss it.
template <class E, std::size_t N> struct EnumNames {
    std::array<std::pair<E, std::string_view>, N> names;

    std::string_view to_string(E value) const {
        for (const auto& [e, name] : names)
            if (e == value)
                return name;
        return "?";
    }
    std::optional<E> parse(std::string_view text) const {
        for (const auto& [e, name] : names)
            if (name == text)
                return e;
        return std::nullopt;
    }
    /// "pass_fail, number, text or choice", for messages.
    std::string list() const {
        std::string out;
        for (std::size_t i = 0; i < N; ++i) {
            if (i > 0)
                out += (i + 1 == N) ? " or " : ", ";
            out += names[i].second;
        }
        return out;
    }
};

} // namespace fi
