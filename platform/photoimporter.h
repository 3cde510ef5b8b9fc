#pragma once

#include "core/model.h"
#include "core/recordstore.h"
#include "core/result.h"
#include "platform/freespace.h"

#include <QImage>
#include <QSize>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace fi {
class Database;
}

namespace fi::platform {

/// How photos are stored.
struct PhotoPolicy {
    int longest_side_px = 2048; ///< 2048 (default) or 3072 for detail shots
    int jpeg_quality = 90;
    int thumbnail_side_px = 320;
    int thumbnail_quality = 80;
    /// Import refuses below this much free space where the data lives.
    std::uint64_t min_free_bytes = low_space_bytes;
};

/// A photo now held, encrypted, in the store.
struct ImportedPhoto {
    PhotoRef photo;           ///< as attached to the record: id, sha256, bytes, mime, …
    std::string thumbnail_id; ///< `<photo id>.thumb`
    int width_px = 0;
    int height_px = 0;
};

/// Brings a picture into the encrypted store: decoded with its EXIF orientation applied,
/// scaled down to the policy's longest side, encoded as JPEG into memory (which also drops
/// EXIF, GPS tags included), hashed (SHA-256), and streamed into RecordStore::add_photo
/// together with a thumbnail, in one savepoint. Nothing is written to disk outside the
/// encrypted store at any point: no temporary files.
///
/// Thumbnails are kept in the same PhotoStore under `<photo id>.thumb` (image/jpeg); they are
/// never named in a record, so they are never uploaded. Synchronous: call it off the GUI
/// thread, on the thread that owns the store's writer connection.
class PhotoImporter {
public:
    PhotoImporter(Database& db, std::filesystem::path data_dir, PhotoPolicy policy = {});

    /// Import a picture file (gallery, USB) for a draft. The file is only read.
    Result<ImportedPhoto> import_file(std::string_view record_id, const PhotoCapture& capture,
                                      const std::filesystem::path& file);
    /// Import a picture already in memory (the camera's QImage).
    Result<ImportedPhoto> import_image(std::string_view record_id, const PhotoCapture& capture,
                                       const QImage& image);

    /// The photo decoded from the store (in memory).
    Result<QImage> load(std::string_view photo_id);
    /// The thumbnail, made and stored once if missing (e.g. photos copied by a correction).
    Result<QImage> thumbnail(std::string_view photo_id);
    /// Remove a photo and its thumbnail from a draft.
    Status remove(std::string_view record_id, std::string_view photo_id);
    /// Discard a draft with its photos' thumbnails.
    Status discard_draft(std::string_view record_id);

    static std::string thumbnail_id(std::string_view photo_id);
    /// `source` scaled to fit `longest_side_px`, aspect kept; never enlarged.
    static QSize fitted(QSize source, int longest_side_px);

private:
    Status check_space() const;
    Result<ImportedPhoto> store(std::string_view record_id, const PhotoCapture& capture,
                                QImage image);

    Database& db_;
    std::filesystem::path data_dir_;
    PhotoPolicy policy_;
};

} // namespace fi::platform
