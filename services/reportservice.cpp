#include "services/reportservice.h"

#include "core/atomicfile.h"
#include "core/recorddocument.h"
#include "platform/recordpdf.h"
#include "platform/statisticspdf.h"
#include "services/workspace.h"

namespace fi::services {

namespace fs = std::filesystem;

Result<fs::path> ReportService::output(const std::optional<fs::path>& given,
                                       const std::string& default_name) {
    if (given) {
        if (given->empty())
            return Error::make(store_error::invalid_argument,
                               "Choose where the file goes; nothing was written.");
        return *given;
    }
    const fs::path dir = w_.data_dir() / "exports";
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        return Error::make(store_error::io, "Cannot create the folder " + dir.string() + ": " +
                                                ec.message() + ". Check the storage.");
    return dir / default_name;
}

Result<RecordDocument> ReportService::record_document(const std::string& id) {
    auto db = w_.store();
    if (!db)
        return db.error();
    return load_record_document(**db, id, w_.calendar());
}

Result<fs::path> ReportService::record_pdf(const std::string& id,
                                           const std::optional<fs::path>& out) {
    auto doc = record_document(id);
    if (!doc)
        return doc.error();
    auto file = output(out, "record-" + doc->stored.record.id + ".pdf");
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
                                                  const std::optional<fs::path>& out) {
    auto file = output(out, "statistics-" + stats.quarter.to_string() + (pdf ? ".pdf" : ".csv"));
    if (!file)
        return file.error();
    if (pdf)
        FI_TRY(platform::write_statistics_pdf(stats, *file));
    else
        FI_TRY(write_file_atomically(*file, statistics_csv(stats)));
    return *file;
}

} // namespace fi::services
