#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace fi {

/// Text from outside (ids, names, what a user typed) quoted back in a message: at most
/// `max_bytes`, cut on a UTF-8 character boundary and marked with "…", so hostile or long
/// input cannot make a message unreadable.
std::string shorten_utf8(std::string_view text, std::size_t max_bytes);

/// Characters as the central system counts its limits: Unicode code points of UTF-8 text.
std::size_t utf8_chars(std::string_view text);

} // namespace fi
