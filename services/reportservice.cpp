#include "services/reportservice.h"

#include "core/atomicfile.h"
#include "core/recorddocument.h"
#include "platform/recordpdf.h"
#include "platform/statisticspdf.h"
#include "services/workspace.h"

#include <algorithm>

namespace fi::services {

namespace fs = std::filesystem;

Result<fs::path> ReportService::output(const fs::path& given) {
    if (given.empty())
        return Error::make(store_error::invalid_argument,
                           "Choose where the file goes; nothing was written.");
    // The data directory holds only what the store needs; a wipe or a retention purge could
    // not vouch for a report left in it.
    std::error_code ec;
    const fs::path data = fs::weakly_canonical(w_.data_dir(), ec);
    const fs::path target = fs::weakly_canonical(fs::absolute(given, ec), ec);
    if (!ec && !data.empty()) {
        auto [d, t] = std::mismatch(data.begin(), data.end(), target.begin(), target.end());
        if (d == data.end())
            return Error::make(store_error::invalid_argument,
                               "Reports are not kept in the tablet's data folder " + data.string() +
                                   "; choose another place. Nothing was written.");
    }
    return given;
}

Result<RecordDocument> ReportService::record_document(const std::string& id) {
    auto db = w_.store();
    if (!db)
        return db.error();
    return load_record_document(**db, id, w_.calendar());
}

Result<fs::path> ReportService::record_pdf(const std::string& id, const fs::path& out) {
    auto doc = record_document(id);
    if (!doc)
        return doc.error();
    auto file = output(out);
    if (!file)
        return file.error();
    FI_TRY(platform::RecordPdf(**w_.store()).write(*doc, *file));
    return *file;
}

Result<QuarterStatistics> ReportService::statistics(const std::string& quarter) {
    auto db = w_.store();
    if (!db)
        return db.error();
    auto q = Quarter::parse(quarter);
    if (!q)
        return q.error();
    const UserInfo& u = w_.user;
    const std::string who = u.name.empty() ? u.inspector_id : u.name + " (" + u.inspector_id + ")";
    return compute_quarter_statistics(**db, *q, u.unit, who);
}

Result<fs::path> ReportService::export_statistics(const QuarterStatistics& stats, bool pdf,
                                                  const fs::path& out) {
    auto file = output(out);
    if (!file)
        return file.error();
    if (pdf)
        FI_TRY(platform::write_statistics_pdf(stats, *file));
    else
        FI_TRY(write_file_atomically(*file, statistics_csv(stats)));
    return *file;
}

} // namespace fi::services
