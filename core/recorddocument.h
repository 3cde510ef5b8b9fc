#pragma once

#include "core/model.h"
#include "core/placestore.h"
#include "core/recordstore.h"
#include "core/result.h"
#include "core/workcalendar.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fi {

class Database;

/// Everything the on-site inspection record (现场检查笔录) shows, gathered from the store for
/// one completed record: the sealed record with its chain, the assignment (plan, target, team),
/// its items with their legal basis, the roster entries of the team, and the publication
/// deadline. Plain data: the PDF is drawn from it by platform's RecordPdf, and nothing here
/// changes the record.
struct RecordDocument {
    StoredRecord stored;
    Assignment assignment;
    std::vector<CatalogueItem> items; ///< the assignment's items the catalogue holds, in order
    std::vector<Inspector> roster;    ///< the team's roster entries
    WorkingDayResult publication_deadline;
    /// Where it was completed and how far from the target, as kept beside it (none for a
    /// record completed before schema v5).
    std::optional<RecordPlace> place;
    std::string completed_day; ///< YYYY-MM-DD (UTC+08:00) of `finished_at`
    /// The record's correction chain, oldest first, completed versions only (a correction
    /// still being written is no version yet); one entry when it was never corrected.
    std::vector<RecordVersion> versions;

    const CatalogueItem* item(std::string_view id) const;
    const Inspector* inspector(std::string_view id) const;
    const Checkpoint* checkpoint(std::string_view item_id, std::string_view checkpoint_id) const;
};

/// Error codes of load_record_document.
namespace document_error {
inline constexpr std::string_view not_completed = "not_completed";
inline constexpr std::string_view not_found = "not_found";
} // namespace document_error

/// The document of a record, given the record's id or an assignment's id (then its latest
/// completed or uploaded record, corrections included). A draft or frozen record is refused
/// (`not_completed`): only a sealed record has a chain hash to print.
Result<RecordDocument> load_record_document(Database& db, std::string_view record_or_assignment_id,
                                            const WorkCalendar& calendar);

/// What the record's QR code holds, so a printed record can be matched with the central
/// system's copy: `fieldinspect:record:v1;id=<record id>;chain=<chain hash>`.
std::string record_qr_text(std::string_view record_id, std::string_view chain_hash);

/// A confidential result's legal ground in Chinese, as the record and the public pages name it:
/// 涉及国家秘密, 涉及国家安全, 涉及公共安全, 法律明确不予公开公示的其他情形.
std::string_view confidential_ground_name(ConfidentialGround ground);
/// The ground as printed on the record: its Chinese name and, after it, the English.
std::string confidential_ground_text(ConfidentialGround ground);

/// Text of an answer's value as printed (`pass` → 符合, `fail` → 不符合, `na` → 不适用; numbers
/// with the checkpoint's unit; text and choices as given).
std::string answer_text(const AnswerValue& value, const Checkpoint* checkpoint);

} // namespace fi
