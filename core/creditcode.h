#pragma once

#include "core/result.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace fi {

/// Why a unified social credit code is not valid.
enum class CreditCodeProblem { none, wrong_length, bad_character, wrong_check };

/// Outcome of check_credit_code.
struct CreditCodeCheck {
    CreditCodeProblem problem = CreditCodeProblem::none;
    std::size_t position = 0; ///< 1-based character position for bad_character / wrong_check
    char expected = 0;        ///< the right check character, for wrong_check
    std::string reason;       ///< a sentence for the user; empty when valid

    bool valid() const { return problem == CreditCodeProblem::none; }
};

/// 统一社会信用代码 (GB 32100-2015): 18 characters from `0-9A-HJ-NP-RTUW-Y` (no I, O, Z, S, V),
/// the last a check character over the first 17 (weights 3^i mod 31, check = 31 − sum mod 31).
/// Only the code's own check is verified, not the embedded organisation code's (GB 11714), so
/// that generated demo codes pass. Upper case only: a form upper-cases input before checking.
/// @{
CreditCodeCheck check_credit_code(std::string_view code);
/// The 18-character code for 17 valid leading characters (demo data, tests).
Result<std::string> make_credit_code(std::string_view first17);
/// @}

} // namespace fi
