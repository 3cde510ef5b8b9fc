#pragma once

// What an answer means, decided once: whether a checkpoint counts as answered, how far a
// checklist is, and what changing one answer does to the rest of the record. The app's
// checklist, its progress badge, the completion check (rules.h) and the command line all ask
// these; none re-derives them.

#include "core/model.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fi {

/// Nothing but ASCII white space, the ideographic space U+3000 (Chinese input methods type it)
/// and the no-break space U+00A0: a text of blanks is no answer, a reason of blanks no reason.
bool is_blank(std::string_view text);

/// The catalogue gives the item at least one non-blank legal basis (无法律依据不检查): an item
/// without one is refused once, as `no_legal_basis`, and nothing of it is asked or answered.
bool has_legal_basis(const CatalogueItem& item);

/// The checkpoint `checkpoint_id` of item `item_id` among `items`, or nullptr.
const Checkpoint* find_checkpoint(const std::vector<CatalogueItem>& items, std::string_view item_id,
                                  std::string_view checkpoint_id);

/// The record's answer to a checkpoint, or nullptr.
const Answer* find_answer(const InspectionRecord& record, std::string_view item_id,
                          std::string_view checkpoint_id);

/// An answer of `fail` (a pass/fail checkpoint that failed).
bool is_fail(const Answer& answer);

/// Whether `answer` answers `checkpoint` as the completeness rule counts it: present, and for
/// a text checkpoint not blank (is_blank).
bool is_answered(const Checkpoint& checkpoint, const Answer* answer);

/// How far a record's checklist is, over the items that can be inspected (with a legal basis).
struct ChecklistProgress {
    int required_total = 0;
    int required_answered = 0;
    int fails = 0;
};
ChecklistProgress checklist_progress(const InspectionRecord& record,
                                     const std::vector<CatalogueItem>& items);

/// One checkpoint of one item.
struct CheckpointRef {
    std::string item_id;
    std::string checkpoint_id;
    bool operator==(const CheckpointRef&) const = default;
};

/// Where the inspector goes next: the first required checkpoint not answered (is_answered) in
/// the checklist's order (items as given, each item's checkpoints in order, items without a
/// legal basis skipped) after `after`, wrapping round to the start; from the start without
/// `after` (or when `after` is not in the checklist). `after` itself comes last. nullopt when
/// every required checkpoint is answered — then checklist_progress says so too.
std::optional<CheckpointRef> next_unanswered(const InspectionRecord& record,
                                             const std::vector<CatalogueItem>& items,
                                             const std::optional<CheckpointRef>& after = {});

/// Set (a value) or clear (nullopt) one answer, and what that does to the rest of the record:
/// when a fail turns into anything else, a finding of that checkpoint with no description and
/// no photo is dropped (it was only room for one); when a checkpoint fails, "no problem found"
/// is no longer a possible outcome, so the outcome and its public text are cleared. The
/// answer's note is kept when its value changes. Returns whether anything changed.
bool set_answer(InspectionRecord& record, const std::string& item_id,
                const std::string& checkpoint_id, std::optional<AnswerValue> value);

/// Keep the result from publication or publish it. A published result keeps no reason and no
/// ground: turning confidentiality off clears both (the body of a public record has no
/// ground at all). Returns whether anything changed.
bool set_confidential(InspectionRecord& record, bool confidential);

} // namespace fi
