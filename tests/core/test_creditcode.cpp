#include "core/creditcode.h"

#include <doctest/doctest.h>
#include <random>
#include <string>
#include <string_view>

using fi::check_credit_code;
using fi::CreditCodeProblem;

namespace {

constexpr std::string_view alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// Independent formulation of GB 32100-2015's check: weight of position i is 3^i mod 31.
char reference_check(std::string_view first17) {
    long sum = 0;
    long weight = 1;
    for (char c : first17) {
        sum += static_cast<long>(alphabet.find(c)) * weight;
        weight = weight * 3 % 31;
    }
    const long check = (31 - sum % 31) % 31;
    return alphabet[static_cast<std::size_t>(check)];
}

} // namespace

TEST_CASE("published unified social credit codes are valid") {
    // Codes of large companies, as printed on their public business licences.
    for (const char* code :
         {"914403001922038216", "9144030071526726XG", "91330100716105852F", "91110000100017643K"}) {
        CAPTURE(std::string(code));
        CHECK(reference_check(std::string_view(code).substr(0, 17)) == code[17]);
        const auto r = check_credit_code(code);
        CHECK(r.valid());
        CHECK(r.reason.empty());
        auto made = fi::make_credit_code(std::string_view(code).substr(0, 17));
        REQUIRE(made.ok());
        CHECK(*made == code);
    }
}

TEST_CASE("make_credit_code agrees with an independent computation on random codes") {
    std::mt19937 rng(32100);
    for (int i = 0; i < 500; ++i) {
        std::string first17;
        for (int k = 0; k < 17; ++k)
            first17.push_back(alphabet[rng() % alphabet.size()]);
        auto code = fi::make_credit_code(first17);
        REQUIRE(code.ok());
        CHECK(code->size() == 18);
        CHECK(code->substr(0, 17) == first17);
        CHECK((*code)[17] == reference_check(first17));
        CHECK(check_credit_code(*code).valid());
    }
}

TEST_CASE("every single-character typo is caught") {
    const std::string code = "9144030071526726XG";
    for (std::size_t pos = 0; pos < code.size(); ++pos)
        for (char c : alphabet) {
            if (c == code[pos])
                continue;
            std::string typo = code;
            typo[pos] = c;
            const auto r = check_credit_code(typo);
            CHECK_FALSE(r.valid());
            CHECK(r.problem == CreditCodeProblem::wrong_check);
            CHECK(r.position == 18);
            CHECK(r.expected == reference_check(std::string_view(typo).substr(0, 17)));
        }
}

TEST_CASE("wrong check character names the expected one") {
    const auto r = check_credit_code("914403001922038217");
    CHECK(r.problem == CreditCodeProblem::wrong_check);
    CHECK(r.expected == '6');
    CHECK(r.reason.find("'6'") != std::string::npos);
}

TEST_CASE("wrong length") {
    for (const char* code :
         {"", "91440300192203821", "9144030019220382160", "91 4403001922038216"}) {
        const auto r = check_credit_code(code);
        CHECK(r.problem == CreditCodeProblem::wrong_length);
        CHECK_FALSE(r.reason.empty());
    }
    // Length is counted in characters, not bytes.
    const auto r = check_credit_code("中14403001922038216");
    CHECK(r.problem == CreditCodeProblem::bad_character);
    CHECK(r.position == 1);
}

TEST_CASE("bad characters are reported with their position") {
    struct Case {
        const char* code;
        std::size_t position;
        const char* hint;
    };
    for (const Case& c :
         {Case{"9144030071526726xG", 17, "upper case"}, Case{"9144I30071526726XG", 5, "never used"},
          Case{"O14403001922038216", 1, "never used"}, Case{"91440300192203821S", 18, "never used"},
          Case{"9144030019220382-6", 17, "'-'"}, Case{"91440300192203821 ", 18, "space"}}) {
        CAPTURE(std::string(c.code));
        const auto r = check_credit_code(c.code);
        CHECK(r.problem == CreditCodeProblem::bad_character);
        CHECK(r.position == c.position);
        CHECK(r.reason.find(std::to_string(c.position)) != std::string::npos);
        CHECK(r.reason.find(c.hint) != std::string::npos);
    }
}

TEST_CASE("make_credit_code refuses bad input") {
    CHECK_FALSE(fi::make_credit_code("9144030019220382").ok());
    CHECK_FALSE(fi::make_credit_code("914403001922038216").ok());
    auto r = fi::make_credit_code("91440300192203Z21");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("15") != std::string::npos);
}
