#include "platform/photoimporter.h"

#include "core/database.h"
#include "core/exif.h"
#include "core/photostore.h"
#include "core/sha256.h"
#include "core/transaction.h"

#include <QBuffer>
#include <QByteArray>
#include <QImageReader>
#include <QImageWriter>
#include <QPainter>
#include <algorithm>
#include <cstring>
#include <fstream>
#include <span>
#include <vector>

namespace fi::platform {

namespace {

std::span<const std::uint8_t> bytes_of(const QByteArray& a) {
    return {reinterpret_cast<const std::uint8_t*>(a.constData()),
            static_cast<std::size_t>(a.size())};
}

/// JPEG into memory: QBuffer, never a file.
Result<QByteArray> encode_jpeg(const QImage& image, int quality) {
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(quality);
    if (!writer.write(image))
        return Error::make("encode_failed", "The photo could not be encoded (" +
                                                writer.errorString().toStdString() +
                                                "). Try again; if it persists, restart the app.");
    return out;
}

/// JPEG has no alpha: put transparent pictures (screenshots, PNG) on white, not on black.
QImage opaque(const QImage& image) {
    if (!image.hasAlphaChannel())
        return image.convertToFormat(QImage::Format_RGB32);
    QImage flat(image.size(), QImage::Format_RGB32);
    flat.fill(Qt::white);
    QPainter p(&flat);
    p.drawImage(0, 0, image);
    p.end();
    return flat;
}

Result<QImage> decode(const QByteArray& bytes, std::string_view id) {
    QImage image;
    if (!image.loadFromData(bytes, "JPEG"))
        return Error::make(store_error::damaged, "The stored photo " + std::string(id) +
                                                     " cannot be decoded; it may be damaged.");
    return image;
}

} // namespace

PhotoImporter::PhotoImporter(Database& db, std::filesystem::path data_dir, PhotoPolicy policy)
    : db_(db), data_dir_(std::move(data_dir)), policy_(policy) {}

std::string PhotoImporter::thumbnail_id(std::string_view photo_id) {
    return std::string(photo_id) + ".thumb";
}

QSize PhotoImporter::fitted(QSize source, int longest_side_px) {
    if (!source.isValid() || longest_side_px <= 0 ||
        std::max(source.width(), source.height()) <= longest_side_px)
        return source;
    return source.scaled(longest_side_px, longest_side_px, Qt::KeepAspectRatio);
}

Status PhotoImporter::check_space() const {
    const auto space = free_space(data_dir_, policy_.min_free_bytes);
    if (!space)
        return Error::make(store_error::io, "Cannot check the free storage at " +
                                                data_dir_.string() +
                                                ". Check that the data folder exists.");
    if (space->low)
        return Error::make("low_space", "The photo was not imported. " + space->warning);
    return {};
}

namespace {
/// When the file says it was taken (EXIF DateTimeOriginal), read from its first bytes by
/// core's strict reader; nothing when it says nothing readable. The re-encoded JPEG keeps no
/// EXIF, so this is the only moment it can be read.
std::optional<std::string> exif_time(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::vector<std::uint8_t> head(exif_scan_bytes);
    in.read(reinterpret_cast<char*>(head.data()), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
    if (auto t = read_exif_taken_at(head))
        return t->rfc3339;
    return std::nullopt;
}
} // namespace

Result<ImportedPhoto> PhotoImporter::import_file(std::string_view record_id,
                                                 const PhotoCapture& capture,
                                                 const std::filesystem::path& file) {
    FI_TRY(check_space());
    QImageReader reader(QString::fromStdString(file.string()));
    reader.setAutoTransform(true); // EXIF orientation: portrait shots come out portrait
    if (!reader.canRead())
        return Error::make("not_an_image", file.filename().string() +
                                               " is not a picture this app can read. Choose a "
                                               "JPEG or PNG photo.");
    // Decode at (about) the target size: a 100-megapixel photo must not need 400 MB of RAM.
    // The reader's size is before the EXIF rotation, which does not change the longest side.
    const QSize raw = reader.size();
    const QSize target = fitted(raw, policy_.longest_side_px);
    if (raw.isValid() && target != raw)
        reader.setScaledSize(target);
    QImage image = reader.read();
    if (image.isNull())
        return Error::make("not_an_image", file.filename().string() + " could not be read (" +
                                               reader.errorString().toStdString() +
                                               "). Choose another photo.");
    PhotoCapture stamped = capture;
    if (stamped.source == "import" && !stamped.original_taken_at)
        stamped.original_taken_at = exif_time(file);
    return store(record_id, stamped, std::move(image));
}

Result<ImportedPhoto> PhotoImporter::import_image(std::string_view record_id,
                                                  const PhotoCapture& capture,
                                                  const QImage& image) {
    FI_TRY(check_space());
    if (image.isNull())
        return Error::make("not_an_image", "The camera gave no picture. Take the photo again.");
    return store(record_id, capture, image);
}

Result<ImportedPhoto> PhotoImporter::store(std::string_view record_id, const PhotoCapture& capture,
                                           QImage image) {
    const QSize target = fitted(image.size(), policy_.longest_side_px);
    if (target != image.size())
        image = image.scaled(target, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    image = opaque(image);

    auto jpeg = encode_jpeg(image, policy_.jpeg_quality);
    if (!jpeg)
        return jpeg.error();
    const std::string sha256 =
        Sha256::hex(std::string_view(jpeg->constData(), static_cast<std::size_t>(jpeg->size())));
    const QImage small = image.scaled(fitted(image.size(), policy_.thumbnail_side_px),
                                      Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    auto thumb = encode_jpeg(small, policy_.thumbnail_quality);
    if (!thumb)
        return thumb.error();

    PhotoCapture jpeg_capture = capture;
    jpeg_capture.mime = "image/jpeg";
    const auto bytes = bytes_of(*jpeg);
    std::size_t offset = 0;
    const ChunkSource source = [&](std::span<std::uint8_t> buffer) -> Result<std::size_t> {
        const std::size_t n = std::min(buffer.size(), bytes.size() - offset);
        std::memcpy(buffer.data(), bytes.data() + offset, n);
        offset += n;
        return n;
    };

    auto sp = Savepoint::begin(db_, "photo_import");
    if (!sp)
        return sp.error();
    auto ref = RecordStore(db_).add_photo(record_id, jpeg_capture,
                                          static_cast<std::int64_t>(bytes.size()), source);
    if (!ref)
        return ref.error();
    // The store hashes what it wrote; the capture hash must be the same bytes.
    if (ref->sha256 != sha256)
        return Error::make(store_error::io, "The photo changed on its way into the store; it was "
                                            "not kept. Import it again.");
    auto stored_thumb =
        PhotoStore(db_).put_bytes(thumbnail_id(capture.id), "image/jpeg", bytes_of(*thumb));
    if (!stored_thumb)
        return stored_thumb.error();
    FI_TRY(sp->release());
    return ImportedPhoto{*ref, thumbnail_id(capture.id), image.width(), image.height()};
}

Result<QImage> PhotoImporter::load(std::string_view photo_id) {
    PhotoStore photos(db_);
    auto info = photos.info(photo_id);
    if (!info)
        return info.error();
    QByteArray bytes;
    bytes.reserve(static_cast<qsizetype>(info->bytes));
    FI_TRY(photos.read_all(photo_id, [&](std::span<const std::uint8_t> chunk) -> Status {
        bytes.append(reinterpret_cast<const char*>(chunk.data()),
                     static_cast<qsizetype>(chunk.size()));
        return {};
    }));
    return decode(bytes, photo_id);
}

Result<QImage> PhotoImporter::thumbnail(std::string_view photo_id) {
    const std::string id = thumbnail_id(photo_id);
    if (auto info = PhotoStore(db_).info(id))
        return load(id);
    else if (info.error().code != store_error::not_found)
        return info.error();
    auto full = load(photo_id);
    if (!full)
        return full.error();
    const QImage small = full->scaled(fitted(full->size(), policy_.thumbnail_side_px),
                                      Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    auto thumb = encode_jpeg(small, policy_.thumbnail_quality);
    if (!thumb)
        return thumb.error();
    FI_TRY(PhotoStore(db_).put_bytes(id, "image/jpeg", bytes_of(*thumb)));
    return small;
}

Status PhotoImporter::remove(std::string_view record_id, std::string_view photo_id) {
    auto sp = Savepoint::begin(db_, "photo_remove");
    if (!sp)
        return sp.error();
    FI_TRY(RecordStore(db_).remove_photo(record_id, photo_id));
    PhotoStore photos(db_);
    if (photos.info(thumbnail_id(photo_id)))
        FI_TRY(photos.remove(thumbnail_id(photo_id)));
    return sp->release();
}

Status PhotoImporter::discard_draft(std::string_view record_id) {
    auto sp = Savepoint::begin(db_, "draft_discard");
    if (!sp)
        return sp.error();
    RecordStore records(db_);
    auto stored = records.load(record_id);
    if (!stored)
        return stored.error();
    FI_TRY(records.discard_draft(record_id));
    PhotoStore photos(db_);
    for (const auto& p : stored->record.photos)
        if (photos.info(thumbnail_id(p.id)))
            FI_TRY(photos.remove(thumbnail_id(p.id)));
    return sp->release();
}

} // namespace fi::platform
