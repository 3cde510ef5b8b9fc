// Photo import into the encrypted store: real JPEGs made here with QImage (no binary test
// data), EXIF orientation applied, the downscale policy, thumbnails stored once, SHA-256 at
// capture matching the stored bytes, the free-space check, and no plaintext left anywhere on
// disk — neither in the data directory nor in TMPDIR.
#include "core/photostore.h"
#include "core/recordstore.h"
#include "core/sha256.h"
#include "core/store.h"
#include "platform/photoimporter.h"
#include "platformsupport.h"
#include "support/tempdir.h"

#include <QBuffer>
#include <QColor>
#include <QImage>
#include <QImageWriter>
#include <QLinearGradient>
#include <QPainter>
#include <cstdlib>
#include <doctest/doctest.h>
#include <fstream>

using namespace fi;
using namespace fi::platform;
using fi::test::TempDir;

namespace {

const std::string record_id = "6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b";
const std::string canary = "CANARY-9d41f0 排污口暗管照片 (finding text)";

/// A picture with structure (gradient, shapes) and a red marker square in its top-left.
QImage drawing(int width, int height) {
    QImage image(width, height, QImage::Format_RGB32);
    QPainter p(&image);
    QLinearGradient g(0, 0, width, height);
    g.setColorAt(0, QColor(40, 90, 160));
    g.setColorAt(1, QColor(200, 210, 120));
    p.fillRect(image.rect(), g);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(30, 160, 60));
    for (int i = 0; i < 12; ++i)
        p.drawEllipse(QPoint(width * (i + 1) / 13, height / 2), width / 30 + 2, height / 8);
    p.setBrush(QColor(20, 20, 20));
    p.drawRect(width / 2, height * 3 / 4, width / 3, height / 8);
    const int marker = std::max(8, std::min(width, height) / 8);
    p.fillRect(0, 0, marker, marker, QColor(255, 0, 0));
    p.end();
    return image;
}

QByteArray jpeg_bytes(const QImage& image, int quality = 92) {
    QByteArray out;
    QBuffer buf(&out);
    buf.open(QIODevice::WriteOnly);
    QImageWriter w(&buf, "jpeg");
    w.setQuality(quality);
    REQUIRE(w.write(image));
    return out;
}

/// An EXIF APP1 segment holding only Orientation (tag 0x0112) = `orientation`, big-endian.
QByteArray exif_orientation(std::uint16_t orientation) {
    // clang-format off
    const unsigned char seg[] = {
        0xFF, 0xE1, 0x00, 0x22,                         // APP1, length 34
        'E', 'x', 'i', 'f', 0x00, 0x00,                 // Exif header
        'M', 'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08,   // TIFF, big-endian, IFD0 at 8
        0x00, 0x01,                                     // one entry
        0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, // Orientation, SHORT, count 1
        static_cast<unsigned char>(orientation >> 8),
        static_cast<unsigned char>(orientation & 0xFF), 0x00, 0x00, // value, padded
        0x00, 0x00, 0x00, 0x00};                        // no next IFD
    // clang-format on
    return QByteArray(reinterpret_cast<const char*>(seg), sizeof seg);
}

void write_file(const std::filesystem::path& p, const QByteArray& bytes) {
    std::ofstream out(p, std::ios::binary);
    out.write(bytes.constData(), bytes.size());
    REQUIRE(out.good());
}

bool is_red(QRgb c) {
    return qRed(c) > 200 && qGreen(c) < 60 && qBlue(c) < 60;
}

std::string text_of(const QByteArray& a) {
    return std::string(a.constData(), static_cast<std::size_t>(a.size()));
}

/// The photo's bytes as stored, read back through PhotoStore.
std::string stored_bytes(Database& db, const std::string& id) {
    std::string out;
    REQUIRE(PhotoStore(db)
                .read_all(id,
                          [&](std::span<const std::uint8_t> c) -> Status {
                              out.append(reinterpret_cast<const char*>(c.data()), c.size());
                              return {};
                          })
                .ok());
    return out;
}

/// The regular files under `dir` that contain any of `needles`, space-separated.
std::string plaintext_files(const std::filesystem::path& dir,
                            const std::vector<std::string>& needles, int* scanned = nullptr) {
    std::string hits;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
        if (!entry.is_regular_file())
            continue;
        if (scanned)
            ++*scanned;
        const std::string content = fi::test::file_bytes(entry.path());
        for (const auto& needle : needles)
            if (content.find(needle) != std::string::npos) {
                hits += entry.path().filename().string() + " ";
                break;
            }
    }
    return hits;
}

PhotoCapture capture(const std::string& id) {
    return PhotoCapture{id, "image/jpeg", "2026-11-28T09:41:07.000+08:00",
                        Location{30391234, 114894321, 8}, std::nullopt};
}

/// A draft in a fresh store; `data/`, `source/` (the gallery) and `tmp/` (TMPDIR).
struct Fixture {
    TempDir root;
    std::filesystem::path data = root / "data";
    std::filesystem::path source = root / "source";
    std::filesystem::path tmp = root / "tmp";
    Database db = make();

    Database make() {
        fi::test::qt_app();
        std::filesystem::create_directories(data);
        std::filesystem::create_directories(source);
        std::filesystem::create_directories(tmp);
        // Anything that falls back on the temp directory (Qt, SQLite, libc) lands here.
        ::setenv("TMPDIR", tmp.c_str(), 1);
        ::setenv("SQLITE_TMPDIR", tmp.c_str(), 1);
        OpenOptions o;
        o.mode = OpenOptions::Mode::create_if_missing;
        auto d = open_store(data / "fieldinspect.db", SecretKey::random(), o);
        REQUIRE(d.ok());
        InspectionRecord r;
        r.id = record_id;
        r.assignment_id = "A-2026Q4-0012";
        r.assignment_revision = 1;
        r.inspection_day = "2026-11-28";
        r.findings = {{"5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d", "ODS-15", "ODS-15-1", canary, {}}};
        REQUIRE(RecordStore(*d).create_draft(r).ok());
        return std::move(d.value());
    }
    ~Fixture() {
        ::unsetenv("TMPDIR");
        ::unsetenv("SQLITE_TMPDIR");
    }

    PhotoPolicy cheap_space(PhotoPolicy p = {}) {
        p.min_free_bytes = 1; // the test machine's free space is not under test here
        return p;
    }
};

} // namespace

TEST_CASE("a portrait photo with EXIF orientation 6 is imported upright, hashed, thumbnailed") {
    Fixture f;
    // Stored landscape 400×300 with the marker top-left; Orientation 6 means "rotate 90°
    // clockwise to view", so the upright picture is 300×400 with the marker top-right.
    const QByteArray plain = jpeg_bytes(drawing(400, 300));
    REQUIRE(static_cast<unsigned char>(plain[0]) == 0xFF);
    REQUIRE(static_cast<unsigned char>(plain[1]) == 0xD8);
    QByteArray with_exif = plain.left(2) + exif_orientation(6) + plain.mid(2);
    write_file(f.source / "portrait.jpg", with_exif);

    PhotoImporter importer(f.db, f.data, f.cheap_space());
    auto imported = importer.import_file(record_id, capture("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"),
                                         f.source / "portrait.jpg");
    REQUIRE_MESSAGE(imported.ok(), (imported.ok() ? "" : imported.error().message));
    CHECK(imported->width_px == 300);
    CHECK(imported->height_px == 400);

    auto image = importer.load(imported->photo.id);
    REQUIRE(image.ok());
    CHECK(image->width() == 300);
    CHECK(image->height() == 400);
    CHECK(is_red(image->pixel(image->width() - 10, 10))); // marker now top-right
    CHECK_FALSE(is_red(image->pixel(10, 10)));            // not top-left any more
    CHECK_FALSE(is_red(image->pixel(10, image->height() - 10)));

    // SHA-256 at capture = SHA-256 of the stored bytes = the record's photo entry.
    const std::string bytes = stored_bytes(f.db, imported->photo.id);
    CHECK(imported->photo.sha256 == Sha256::hex(bytes));
    CHECK(PhotoStore(f.db).hash_stored(imported->photo.id).value() == imported->photo.sha256);
    CHECK(imported->photo.bytes == static_cast<std::int64_t>(bytes.size()));
    CHECK(imported->photo.mime == "image/jpeg");
    CHECK(bytes.find("Exif") == std::string::npos); // orientation baked in, metadata dropped
    auto stored = RecordStore(f.db).load(record_id);
    REQUIRE(stored.ok());
    REQUIRE(stored->record.photos.size() == 1);
    CHECK(stored->record.photos[0].sha256 == imported->photo.sha256);
    CHECK(stored->record.photos[0].location->lat_e6 == 30391234);

    // The thumbnail: stored once, encrypted, under <id>.thumb, upright too.
    CHECK(imported->thumbnail_id == imported->photo.id + ".thumb");
    auto thumb_info = PhotoStore(f.db).info(imported->thumbnail_id);
    REQUIRE(thumb_info.ok());
    CHECK(thumb_info->mime == "image/jpeg");
    auto thumb = importer.thumbnail(imported->photo.id);
    REQUIRE(thumb.ok());
    CHECK(thumb->width() == 240);
    CHECK(thumb->height() == 320);
    CHECK(is_red(thumb->pixel(thumb->width() - 5, 5)));
}

TEST_CASE("a large photo is scaled to the policy's longest side, 2048 or 3072") {
    Fixture f;
    write_file(f.source / "large.jpg", jpeg_bytes(drawing(4000, 3000), 85));

    PhotoImporter standard(f.db, f.data, f.cheap_space());
    auto a = standard.import_file(record_id, capture("1a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"),
                                  f.source / "large.jpg");
    REQUIRE_MESSAGE(a.ok(), (a.ok() ? "" : a.error().message));
    CHECK(a->width_px == 2048);
    CHECK(a->height_px == 1536);
    CHECK(standard.load(a->photo.id)->size() == QSize(2048, 1536));
    CHECK(is_red(standard.load(a->photo.id)->pixel(20, 20)));

    PhotoPolicy detail;
    detail.longest_side_px = 3072;
    PhotoImporter fine(f.db, f.data, f.cheap_space(detail));
    auto b = fine.import_file(record_id, capture("2a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"),
                              f.source / "large.jpg");
    REQUIRE(b.ok());
    CHECK(b->width_px == 3072);
    CHECK(b->height_px == 2304);
    CHECK(b->photo.sha256 == Sha256::hex(stored_bytes(f.db, b->photo.id)));
    CHECK(b->photo.sha256 != a->photo.sha256);
    CHECK(fine.thumbnail(b->photo.id)->size() == QSize(320, 240));

    // A small picture is never enlarged.
    CHECK(PhotoImporter::fitted(QSize(800, 600), 2048) == QSize(800, 600));
    CHECK(PhotoImporter::fitted(QSize(3000, 4000), 2048) == QSize(1536, 2048));
}

TEST_CASE("nothing of an imported photo or of the record reaches the disk unencrypted") {
    Fixture f;
    const QByteArray source_jpeg = jpeg_bytes(drawing(1600, 1200));
    write_file(f.source / "evidence.jpg", source_jpeg);
    PhotoImporter importer(f.db, f.data, f.cheap_space());
    auto imported = importer.import_file(record_id, capture("3a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"),
                                         f.source / "evidence.jpg");
    REQUIRE(imported.ok());
    auto from_camera = importer.import_image(
        record_id, capture("4a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"), drawing(1024, 768));
    REQUIRE(from_camera.ok());

    // What plaintext would look like: the stored JPEGs' headers and slices of their entropy-
    // coded data, the thumbnail's, the source's, and the record's canary text.
    std::vector<std::string> needles = {canary, "JFIF", std::string("\xFF\xD8\xFF", 3)};
    for (const auto& id : {imported->photo.id, imported->thumbnail_id, from_camera->photo.id,
                           from_camera->thumbnail_id}) {
        const std::string b = stored_bytes(f.db, id);
        REQUIRE(b.size() > 2000);
        needles.push_back(b.substr(b.size() / 2, 48));
        needles.push_back(b.substr(b.size() - 200, 48));
    }
    needles.push_back(text_of(source_jpeg.mid(source_jpeg.size() / 2, 48)));

    // The scan finds plaintext where there is some (a control copy) ...
    const auto control = f.root / "control";
    std::filesystem::create_directories(control);
    write_file(control / "leak.bin",
               QByteArray::fromStdString(stored_bytes(f.db, from_camera->photo.id)));
    CHECK(plaintext_files(control, needles) == "leak.bin ");
    // ... and finds none in the data directory or the temp directory.
    int scanned = 0;
    CHECK(plaintext_files(f.data, needles, &scanned) == "");
    CHECK(plaintext_files(f.tmp, needles) == "");
    CHECK(scanned >= 2); // the store and its WAL at least
    // And no file at all was left in the temp directory.
    int temp_files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(f.tmp))
        temp_files += entry.is_regular_file() ? 1 : 0;
    CHECK(temp_files == 0);
}

TEST_CASE("import refuses when storage is low, and a file that is not a picture") {
    Fixture f;
    write_file(f.source / "ok.jpg", jpeg_bytes(drawing(640, 480)));
    PhotoPolicy greedy;
    greedy.min_free_bytes = std::numeric_limits<std::uint64_t>::max();
    PhotoImporter starved(f.db, f.data, greedy);
    auto low = starved.import_file(record_id, capture("5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"),
                                   f.source / "ok.jpg");
    REQUIRE_FALSE(low.ok());
    CHECK(low.error().code == "low_space");
    CHECK(low.error().message.find("MB of storage left") != std::string::npos);
    CHECK(starved
              .import_image(record_id, capture("5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"),
                            drawing(64, 64))
              .error()
              .code == "low_space");
    CHECK(RecordStore(f.db).load(record_id)->record.photos.empty());

    write_file(f.source / "notes.jpg", QByteArray("not a picture at all\n"));
    PhotoImporter importer(f.db, f.data, f.cheap_space());
    auto bad = importer.import_file(record_id, capture("6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"),
                                    f.source / "notes.jpg");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().code == "not_an_image");
    CHECK(RecordStore(f.db).load(record_id)->record.photos.empty());
}

TEST_CASE("a missing thumbnail is made once, and removing a photo removes its thumbnail") {
    Fixture f;
    PhotoImporter importer(f.db, f.data, f.cheap_space());
    auto p = importer.import_image(record_id, capture("7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"),
                                   drawing(1200, 900));
    REQUIRE(p.ok());
    PhotoStore photos(f.db);
    REQUIRE(photos.remove(p->thumbnail_id).ok()); // as after a correction copied the photo
    auto thumb = importer.thumbnail(p->photo.id);
    REQUIRE(thumb.ok());
    CHECK(thumb->size() == QSize(320, 240));
    auto made = photos.info(p->thumbnail_id);
    REQUIRE(made.ok());
    CHECK(importer.thumbnail(p->photo.id).ok());
    CHECK(photos.info(p->thumbnail_id)->sha256 == made->sha256); // not made again

    REQUIRE(importer.remove(record_id, p->photo.id).ok());
    CHECK(photos.info(p->photo.id).error().code == store_error::not_found);
    CHECK(photos.info(p->thumbnail_id).error().code == store_error::not_found);

    auto q = importer.import_image(record_id, capture("8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"),
                                   drawing(300, 200));
    REQUIRE(q.ok());
    REQUIRE(importer.discard_draft(record_id).ok());
    CHECK(photos.info(q->thumbnail_id).error().code == store_error::not_found);
}
