#pragma once

#include "core/recorddocument.h"
#include "core/result.h"
#include "core/statistics.h"

#include <filesystem>
#include <optional>
#include <string>

namespace fi::services {

class Workspace;

/// The tablet's reports: the inspection record (现场检查笔录) of a completed record as PDF, and
/// the quarterly statistics (监管情况统计表) of the signed-in user's unit, shown or exported as
/// CSV or PDF. A file is written only when asked for, and only where the caller says: the
/// place the user chose (the app's save dialog, the command line's --out). Nothing is ever
/// written into the data directory, so no copy of a report stays behind on the tablet.
/// Drawing a PDF needs a QGuiApplication (platform::ensure_gui_application).
class ReportService {
public:
    explicit ReportService(Workspace& w) : w_(w) {}

    /// The PDF of a completed record, or of an assignment's latest completed record; a draft is
    /// refused (`not_completed`).
    Result<RecordDocument> record_document(const std::string& record_or_assignment_id);
    Result<std::filesystem::path> record_pdf(const std::string& record_or_assignment_id,
                                             const std::filesystem::path& out);
    /// The quarterly statistics (`2026Q4`) for the signed-in user's unit.
    Result<QuarterStatistics> statistics(const std::string& quarter);
    /// The table written as CSV or PDF; returns the file.
    Result<std::filesystem::path> export_statistics(const QuarterStatistics& stats, bool pdf,
                                                    const std::filesystem::path& out);

private:
    /// `given`, unless it is empty or inside the data directory (refused: nothing written).
    Result<std::filesystem::path> output(const std::filesystem::path& given);
    Workspace& w_;
};

} // namespace fi::services
