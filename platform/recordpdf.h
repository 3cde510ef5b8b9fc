#pragma once

#include "core/recorddocument.h"
#include "core/result.h"

#include <filesystem>

namespace fi {
class Database;
}

namespace fi::platform {

/// The on-site inspection record (现场检查笔录) of a completed record as an A4 PDF, made
/// offline: plan, target, inspectors present with their certificates, every item with its
/// legal basis and every answer, findings with their photos (thumbnails, each with its
/// SHA-256 and capture time), the outcome and its public wording, publication (confidential:
/// on which legal ground and why; the deadline), the chain hash, and a QR code of the record id and
/// chain hash. Labels are Chinese first (it is a Chinese administrative document), English beside
/// them.
///
/// Reads photos from the store and never writes to it. Needs a QGuiApplication
/// (ensure_gui_application); run it on the thread that owns the store connection.
class RecordPdf {
public:
    explicit RecordPdf(Database& db) : db_(db) {}

    /// Draw `doc` and write it to `path` (atomically).
    Status write(const RecordDocument& doc, const std::filesystem::path& path);

private:
    Database& db_;
};

} // namespace fi::platform
