#pragma once

// The regime's rules (../shared/domain/README.md) as pure functions over the model. The app
// runs them all before completing a record (validate_for_completion: every problem, each with
// the field to jump to); the reference server runs them on intake (validate_for_intake: the
// first problem, with the central system's 422 code). docs/domain.md pairs each rule with the
// wording of the implementation plan it comes from.

#include "core/model.h"
#include "core/modeljson.h"
#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fi {

/// One thing that keeps a record from being completed or accepted.
struct Problem {
    std::string code;    ///< a 422 code of central-api.md where one applies, else rule_code::*
    std::string message; ///< a sentence a person can act on (English; the app translates)
    std::string field;   ///< the culprit: `answers[3].value`, `findings[0].description`, a
                         ///< checkpoint or item id, `inspectors_present`, …
};

using Problems = std::vector<Problem>;

/// Codes the rules raise. The first group are the central system's 422 codes; the rest are
/// the client's own, finer ones (intake_code maps them onto the 422 codes).
namespace rule_code {
inline constexpr std::string_view not_assigned = "not_assigned";
inline constexpr std::string_view assignment_revoked = "assignment_revoked";
inline constexpr std::string_view item_not_in_assignment = "item_not_in_assignment";
inline constexpr std::string_view no_legal_basis = "no_legal_basis";
inline constexpr std::string_view missing_answer = "missing_answer";
inline constexpr std::string_view fail_without_finding = "fail_without_finding";
inline constexpr std::string_view outcome_inconsistent = "outcome_inconsistent";
inline constexpr std::string_view invalid = "invalid";
/// Interface 1.1: a signature missing or too many (field `signatures`).
inline constexpr std::string_view missing_signature = "missing_signature";
/// Interface 1.1: a confidential result without one of the four legal grounds (field
/// `confidential_ground`).
inline constexpr std::string_view confidential_ground_required = "confidential_ground_required";
/// 413 on the wire: a text, a photo or the photo count over the central system's limits.
inline constexpr std::string_view too_large = "too_large";

inline constexpr std::string_view no_plan = "no_plan";
inline constexpr std::string_view no_items = "no_items";
inline constexpr std::string_view unknown_item = "unknown_item";
inline constexpr std::string_view text_too_long = "text_too_long";
inline constexpr std::string_view finding_description_required = "finding_description_required";
inline constexpr std::string_view photo_required = "photo_required";
inline constexpr std::string_view photo_not_declared = "photo_not_declared";
inline constexpr std::string_view photo_too_large = "photo_too_large";
inline constexpr std::string_view too_many_photos = "too_many_photos";
inline constexpr std::string_view outcome_required = "outcome_required";
inline constexpr std::string_view confidential_reason_required = "confidential_reason_required";
inline constexpr std::string_view too_few_certified_present = "too_few_certified_present";
inline constexpr std::string_view location_required = "location_required";
inline constexpr std::string_view offsite_method_required = "offsite_method_required";
inline constexpr std::string_view offsite_method_not_allowed = "offsite_method_not_allowed";
inline constexpr std::string_view correction_reason_required = "correction_reason_required";
inline constexpr std::string_view supersedes_required = "supersedes_required";
inline constexpr std::string_view invalid_credit_code = "invalid_credit_code";
} // namespace rule_code

/// Limits of central-api.md ("Limits the central system enforces").
/// @{
inline constexpr std::size_t max_text_chars = 4000;
inline constexpr std::size_t max_photos = 200;
inline constexpr std::int64_t max_photo_bytes = 25LL * 1024 * 1024;
/// @}

/// Certified officers an on-site visit needs (administrative law: two enforcement officers).
inline constexpr std::size_t min_certified_onsite = 2;

/// The fixed public phrasing of each outcome (公开信息采用…进行表述).
std::string_view public_text_for(Outcome outcome);

/// The rules, one group each. They never stop at the first problem, and skip what an earlier
/// group already refuses (an answer to an item outside the assignment is reported once, as
/// such, not again as an unknown checkpoint). Values that depend on the catalogue are judged
/// only for items the catalogue knows.
/// @{

/// 三个不查 (无法律依据、无事项清单、无计划清单不检查): the assignment exists and is the
/// record's (`not_assigned`), is active at the record's revision (`assignment_revoked`),
/// names a plan (`no_plan`) and items (`no_items`) each in the catalogue (`unknown_item`)
/// with a legal basis (`no_legal_basis`); every answer and finding is for one of its items
/// (`item_not_in_assignment`). With no assignment (nullptr) nothing else can be judged.
Problems check_three_no_checks(const InspectionRecord& record, const Assignment* assignment,
                               const CatalogueLookup& catalogue);

/// Completeness: every required checkpoint of every assigned item answered
/// (`missing_answer`; a required text answered with blanks only counts as unanswered); each
/// value of its checkpoint's kind (pass_fail "pass"|"fail"|"na", number an integer, text,
/// choice one of the choices: `invalid`); no unknown checkpoint, no second answer to one
/// checkpoint (`invalid`); texts within max_text_chars characters (`text_too_long`).
Problems check_completeness(const InspectionRecord& record, const Assignment& assignment,
                            const CatalogueLookup& catalogue);

/// Findings and photo evidence: a `fail` needs a finding on the same item and checkpoint
/// (`fail_without_finding`), every finding a description (`fail_without_finding` when its
/// checkpoint failed, else `finding_description_required`); a `photo_on_fail` checkpoint
/// that failed needs a finding with a photo (`photo_required`); every photo a finding cites
/// is declared in `photos` for that finding (`photo_not_declared`); photo ids unique, a
/// photo's finding exists, sha256 is 64 lower-case hex digits (`invalid`); at most
/// max_photos photos (`too_many_photos`) of at most max_photo_bytes (`photo_too_large`).
Problems check_findings(const InspectionRecord& record, const Assignment& assignment,
                        const CatalogueLookup& catalogue);

/// Outcome: set (`outcome_required`), not `no_problem` after a `fail`
/// (`outcome_inconsistent`), public_text the outcome's fixed phrasing
/// (`outcome_inconsistent`), a confidential result gives its reason
/// (`confidential_reason_required`) and its legal ground (`confidential_ground_required`).
Problems check_outcome(const InspectionRecord& record, const CatalogueLookup& catalogue);

/// Who was there and how: everyone present is on the team (`not_assigned`), listed once
/// (`invalid`); on site, at least min_certified_onsite present team officers (leader or
/// member, a certificate in the roster, not third-party) (`too_few_certified_present`), a
/// location (`location_required`) and no off-site method (`offsite_method_not_allowed`);
/// off site, the method (`offsite_method_required`).
Problems check_presence(const InspectionRecord& record, const Assignment& assignment,
                        const RosterLookup& roster);

/// Corrections: `supersedes` needs a non-blank `correction_reason`
/// (`correction_reason_required`) and a reason needs `supersedes` (`supersedes_required`);
/// a record cannot supersede itself (`invalid`).
Problems check_correction(const InspectionRecord& record);

/// Times: `inspection_day` a real YYYY-MM-DD day, `started_at` and `clock.device_started_at`
/// RFC 3339, `finished_at` present, RFC 3339 and not before `started_at` (`invalid`). Required
/// at completion too: a completed record is sealed as it is, and the central system would
/// refuse it for good.
Problems check_times(const InspectionRecord& record);

/// Signatures (interface 1.1), for a record that carries them (one made before signatures
/// has none and is not judged): on site, one inspector entry for each of
/// `inspectors_present` and no other, and one representative entry — signed with a name, or
/// refused with a non-blank reason (`missing_signature`, field `signatures`); off site none
/// (`missing_signature`). Each image a PNG or SVG with a SHA-256, a size and a time, an id
/// no photo or other signature has (`invalid`), within max_photo_bytes (`photo_too_large`).
Problems check_signatures(const InspectionRecord& record);

/// The uploader is on the assignment's team as leader or member (`not_assigned`): a
/// third-party expert takes part but does not file the enforcement record.
Status check_uploader(const Assignment& assignment, std::string_view caller_inspector_id);

/// 统一社会信用代码 of the target, checked by core/creditcode.h: a warning
/// (`invalid_credit_code`, field `target.credit_code`) to show, never a reason to refuse an
/// inspection — the code comes from the central directory, which the tablet cannot fix.
std::optional<Problem> credit_code_warning(const Target& target);
/// @}

/// Every blocking problem of a record about to be completed, in rule order, so the app can
/// list them all with a jump to each. Empty: the record may be completed. These are the rules
/// validate_for_intake applies, so a record the tablet completes is not refused centrally
/// unless the reference data changed meanwhile. The credit-code warning is not among them
/// (see credit_code_warning).
Problems validate_for_completion(const InspectionRecord& record, const Assignment* assignment,
                                 const CatalogueLookup& catalogue, const RosterLookup& roster);

/// The central system's code for a rule's code: the 422 codes pass through, `too_large` and
/// the size codes give `too_large` (a 413), `unknown_item` gives `no_legal_basis`,
/// `photo_required` gives `fail_without_finding`, everything else `invalid`.
std::string_view intake_code(std::string_view rule_code);

/// What the central system answers to an upload: the caller check, then the very rules of
/// validate_for_completion, and of the problems found the first in the order of
/// central-api.md's 422 list (not_assigned, assignment_revoked, item_not_in_assignment,
/// no_legal_basis, missing_answer, fail_without_finding, outcome_inconsistent,
/// missing_signature, confidential_ground_required, invalid), then
/// too_large. Its code is already intake_code'd; message and field are the rule's. nullopt:
/// accept.
std::optional<Problem> validate_for_intake(const InspectionRecord& record,
                                           const Assignment* assignment,
                                           const CatalogueLookup& catalogue,
                                           const RosterLookup& roster,
                                           std::string_view caller_inspector_id);

} // namespace fi
