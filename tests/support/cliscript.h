#pragma once

// The answers file fieldinspect-cli's `record` reads (docs/cli.md), made for tests from what
// `show ID --json` says of an assignment and the demo catalogue the reference server serves.

#include <nlohmann/json.hpp>
#include <string>

namespace fi::test {

struct AnswerOptions {
    std::string text_value = "台账齐全"; ///< the value of every text checkpoint
    std::string note;                    ///< a note on every answer when not empty
    /// When not empty: the first photo_on_fail checkpoint fails, with a finding and this
    /// photo file attached to it (the outcome is then "rectification_ordered").
    std::string photo_file;
    std::string finding_description = "现场发现问题";
    std::string representative_name = "王建国"; ///< who signs for the unit, on site
};

/// Answers that pass every rule for `assignment` (the JSON of `show ID --json`): pass on
/// pass/fail checkpoints, 7 for numbers, the first choice, the team minus experts present,
/// a location on site (with a signature of each inspector present and of the unit's
/// representative) or an off-site method.
nlohmann::json passing_answers(const nlohmann::json& assignment, const AnswerOptions& options = {});

} // namespace fi::test
