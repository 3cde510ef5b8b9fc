// Photo provenance and the place of a record through to the PDF (issue 18): an import carries
// the time its file says it was taken (EXIF, read before the picture is re-encoded), an import
// of another day is marked on the printed record, and the record's place is printed with its
// distance to the target beside where it was completed.
#include "core/placestore.h"
#include "core/recorddocument.h"
#include "core/workcalendar.h"
#include "platform/photoimporter.h"
#include "platform/recordpdf.h"
#include "platformsupport.h"
#include "support/command.h"
#include "support/domainfixture.h"
#include "support/exifjpeg.h"

#include <QBuffer>
#include <QImage>
#include <QImageWriter>
#include <algorithm>
#include <cctype>
#include <doctest/doctest.h>
#include <fstream>

using namespace fi;
using namespace fi::test;

namespace {

std::vector<std::uint8_t> plain_jpeg() {
    QImage image(320, 240, QImage::Format_RGB32);
    image.fill(QColor(40, 90, 160));
    QByteArray out;
    QBuffer buf(&out);
    buf.open(QIODevice::WriteOnly);
    QImageWriter w(&buf, "jpeg");
    REQUIRE(w.write(image));
    return {out.begin(), out.end()};
}

void write_bytes(const std::filesystem::path& p, const std::vector<std::uint8_t>& bytes) {
    std::ofstream(p, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()),
               static_cast<std::streamsize>(bytes.size()));
}

PhotoCapture import_capture(const std::string& id) {
    PhotoCapture c;
    c.id = id;
    c.taken_at = "2026-11-28T09:41:07.000+08:00";
    c.location = Location{30391234, 114894321, 8};
    c.source = "import";
    return c;
}

/// Text of a PDF with every white space removed (pdftotext breaks lines where the page does).
std::string pdf_text(const std::filesystem::path& pdf) {
    std::string text = run_command("pdftotext -enc UTF-8 '" + pdf.string() + "' -").out;
    std::erase_if(text, [](unsigned char c) { return std::isspace(c); });
    return text;
}

bool has(const std::string& text, std::string needle) {
    std::erase_if(needle, [](unsigned char c) { return std::isspace(c); });
    return text.find(needle) != std::string::npos;
}

} // namespace

TEST_CASE("platform: an imported photo carries its EXIF time, the record's PDF marks an import "
          "of another day and prints both places with their distances to the target") {
    fi::test::qt_app();
    Fixture f;
    const std::string id = "5f1c2d3e-4b5a-4c6d-8e7f-901234567891";
    REQUIRE(f.records.create_draft(f.record(id)).ok());
    const auto gallery = f.dir / "gallery";
    std::filesystem::create_directories(gallery);
    std::filesystem::create_directories(f.dir / "data");
    const auto jpeg = plain_jpeg();
    write_bytes(gallery / "old.jpg",
                with_segment(jpeg, exif_segment("2025:06:01 10:00:00", std::string("+08:00"))));
    write_bytes(gallery / "today.jpg",
                with_segment(jpeg, exif_segment("2026:11:28 08:05:00", std::nullopt, false)));
    write_bytes(gallery / "bare.jpg", jpeg);

    platform::PhotoPolicy cheap;
    cheap.min_free_bytes = 1;
    platform::PhotoImporter importer(f.db, f.dir / "data", cheap);
    auto old = importer.import_file(id, import_capture("0b1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"),
                                    gallery / "old.jpg");
    REQUIRE_MESSAGE(old.ok(), (old.ok() ? "" : old.error().message));
    CHECK(old->photo.original_taken_at == "2025-06-01T10:00:00+08:00");
    auto today = importer.import_file(id, import_capture("1b1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"),
                                      gallery / "today.jpg");
    REQUIRE(today.ok());
    CHECK(today->photo.original_taken_at == "2026-11-28T08:05:00+08:00"); // no offset: +08:00
    auto bare = importer.import_file(id, import_capture("2b1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"),
                                     gallery / "bare.jpg");
    REQUIRE(bare.ok());
    CHECK_FALSE(bare->photo.original_taken_at);
    // The camera's photo is no import: its file time is not asked for.
    PhotoCapture camera = import_capture("3b1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    camera.source = "camera";
    auto shot = importer.import_file(id, camera, gallery / "old.jpg");
    REQUIRE(shot.ok());
    CHECK_FALSE(shot->photo.original_taken_at);

    // Completed, with the place of its completion kept beside it (as RecordService keeps it).
    auto done = f.records.complete(id, device);
    REQUIRE_MESSAGE(done.ok(), (done.ok() ? "" : done.error().message));
    const json body = json::parse(done->body);
    CHECK(body.at("photos").at(0).at("original_taken_at") == "2025-06-01T10:00:00+08:00");
    REQUIRE(PlaceStore(f.db)
                .keep(id, RecordPlace{Location{30395734, 114894321, 6}, 623, 1123, false})
                .ok());

    auto doc = load_record_document(f.db, id, WorkCalendar{});
    REQUIRE_MESSAGE(doc.ok(), (doc.ok() ? "" : doc.error().message));
    // The target's known position: 0.0056° (623 m) south of the record's start location.
    doc->assignment.target.position = Position{30385634, 114894321};
    const auto pdf = f.dir / "record.pdf";
    auto written = platform::RecordPdf(f.db).write(*doc, pdf);
    REQUIRE_MESSAGE(written.ok(), (written.ok() ? "" : written.error().message));
    const std::string text = pdf_text(pdf);
    CHECK(
        has(text, "原片摄于 2025-06-01T10:00:00+08:00，非检查当日 imported: taken on another day"));
    CHECK(has(text, "非检查当日"));
    CHECK(has(text, "imported, no time in the file"));
    CHECK(has(text, "；导入 imported")); // the import of the inspection day: an import, no more
    // The import of the inspection day is an import, not one of another day.
    CHECK_FALSE(has(text, "2026-11-28T08:05:00+08:00"));
    CHECK(has(text, "623 m from the target"));
    CHECK(has(text, "more than 500 m"));
    CHECK(has(text, "Location at completion"));
    CHECK(has(text, "30.395734"));
    CHECK(has(text, "1123 m from the target")); // the completion place, 0.0101° north of it
}
