#include "core/creditcode.h"

#include <array>
#include <utility>

namespace fi {

namespace {

constexpr std::string_view alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> weights = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                         29, 25, 13, 8,  24, 10, 30, 28};

int value_of(char c) {
    const auto pos = alphabet.find(c);
    return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

// Characters as a person counts them: UTF-8 lead bytes, so a stray 中 counts once.
std::size_t count_characters(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0u) != 0x80u)
            ++n;
    return n;
}

// The first character outside the alphabet, as {1-based character position, description};
// position 0 if there is none.
std::pair<std::size_t, std::string> first_bad_character(std::string_view code) {
    std::size_t position = 0;
    for (const char ch : code) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c & 0xC0u) == 0x80u)
            continue; // continuation byte of a character already reported or counted
        ++position;
        if (value_of(ch) >= 0)
            continue;
        std::string shown;
        if (c >= 0x80)
            shown = "a full-width or Chinese character";
        else if (c > 0x20 && c < 0x7F)
            shown = "'" + std::string(1, ch) + "'";
        else
            shown = "a space or control character";
        if (c >= 'a' && c <= 'z')
            shown += " (letters must be upper case)";
        else if (c == 'I' || c == 'O' || c == 'Z' || c == 'S' || c == 'V')
            shown += " (I, O, Z, S and V are never used)";
        return {position, "The unified social credit code has " + shown + " at position " +
                              std::to_string(position) + "."};
    }
    return {0, {}};
}

// Check character for 17 characters already known to be in the alphabet.
char check_character(std::string_view first17) {
    int sum = 0;
    for (std::size_t i = 0; i < weights.size(); ++i)
        sum += value_of(first17[i]) * weights[i];
    const int check = 31 - sum % 31;
    return alphabet[static_cast<std::size_t>(check == 31 ? 0 : check)];
}

} // namespace

CreditCodeCheck check_credit_code(std::string_view code) {
    const std::size_t length = count_characters(code);
    if (length != 18)
        return CreditCodeCheck{CreditCodeProblem::wrong_length, 0, 0,
                               "A unified social credit code has 18 characters; this one has " +
                                   std::to_string(length) + "."};
    if (auto [position, reason] = first_bad_character(code); position != 0)
        return CreditCodeCheck{CreditCodeProblem::bad_character, position, 0, std::move(reason)};
    const char expected = check_character(code.substr(0, 17));
    if (code[17] != expected)
        return CreditCodeCheck{CreditCodeProblem::wrong_check, 18, expected,
                               "The check character of the unified social credit code is wrong: "
                               "expected '" +
                                   std::string(1, expected) + "', found '" +
                                   std::string(1, code[17]) + "'. Check the code for a typo."};
    return CreditCodeCheck{};
}

Result<std::string> make_credit_code(std::string_view first17) {
    const std::size_t length = count_characters(first17);
    if (length != 17)
        return Error::make("invalid_credit_code",
                           "make_credit_code needs the first 17 characters; got " +
                               std::to_string(length) + ".");
    if (auto [position, reason] = first_bad_character(first17); position != 0)
        return Error::make("invalid_credit_code", reason);
    std::string code(first17);
    code.push_back(check_character(first17));
    return code;
}

} // namespace fi
