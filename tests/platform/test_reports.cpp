// The inspection record PDF (现场检查笔录) and the statistics PDF, checked from the outside:
// text extracted with pdftotext (poppler-utils), page 1 rendered with pdftoppm and its QR
// code decoded with zbarimg (zbar-tools).

#include "core/metastore.h"
#include "core/recorddocument.h"
#include "core/rules.h"
#include "core/statistics.h"
#include "platform/guiapplication.h"
#include "platform/recordpdf.h"
#include "platform/statisticspdf.h"
#include "platformsupport.h"
#include "support/domainfixture.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <doctest/doctest.h>

namespace fi::test {
namespace {

/// stdout of a shell command (the tools are Debian packages listed in scripts/packages.txt).
std::string run(const std::string& command) {
    std::string out;
    FILE* p = ::popen(command.c_str(), "r");
    REQUIRE(p != nullptr);
    std::array<char, 4096> buf{};
    while (auto n = std::fread(buf.data(), 1, buf.size(), p))
        out.append(buf.data(), n);
    ::pclose(p);
    return out;
}

/// Runs of white space as one space: a table cell may wrap a phrase over lines.
std::string one_line(const std::string& text) {
    std::string out;
    for (char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f';
        if (!space)
            out += c;
        else if (!out.empty() && out.back() != ' ')
            out += ' ';
    }
    return out;
}

std::string shq(const std::filesystem::path& p) {
    return "'" + p.string() + "'";
}

/// With FI_REPORT_SAMPLES=DIR the PDFs made here are kept there, to look at.
void keep(const std::filesystem::path& pdf) {
    if (const char* dir = std::getenv("FI_REPORT_SAMPLES")) {
        std::error_code ec;
        std::filesystem::copy_file(pdf, std::filesystem::path(dir) / pdf.filename(),
                                   std::filesystem::copy_options::overwrite_existing, ec);
    }
}

/// A small real JPEG, different for each n.
std::vector<std::uint8_t> jpeg(int n) {
    QImage img(160, 120, QImage::Format_RGB32);
    img.fill(QColor::fromHsv((n * 37) % 360, 160, 220));
    QPainter p(&img);
    p.setPen(Qt::black);
    p.drawRect(10 + n % 40, 10, 60, 50);
    p.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    REQUIRE(img.save(&buffer, "JPEG", 70));
    return {bytes.begin(), bytes.end()};
}

struct ReportFixture : Fixture {
    ReportFixture() {
        qt_app();
        REQUIRE(platform::ensure_gui_application().ok());
    }

    PhotoRef add_jpeg(const std::string& record_id, int n, std::optional<std::string> finding) {
        const auto bytes = jpeg(n);
        std::size_t off = 0;
        auto ref = records.add_photo(record_id,
                                     PhotoCapture{make_uuid_v4(), "image/jpeg",
                                                  "2026-11-28T09:41:07.000+08:00", std::nullopt,
                                                  std::move(finding)},
                                     static_cast<std::int64_t>(bytes.size()),
                                     [&](std::span<std::uint8_t> buf) -> Result<std::size_t> {
                                         const auto k = std::min(buf.size(), bytes.size() - off);
                                         std::copy_n(bytes.data() + off, k, buf.data());
                                         off += k;
                                         return k;
                                     });
        REQUIRE_MESSAGE(ref.ok(), (ref.ok() ? "" : ref.error().message));
        return ref.value();
    }

    /// A completed record with `photos` photos; with any, the first checkpoint fails with a
    /// finding that cites the first ten.
    StoredRecord completed(const std::string& id, int photos) {
        InspectionRecord r = record(id);
        std::string finding_id;
        if (photos > 0) {
            finding_id = make_uuid_v4();
            r.answers[0].value = std::string("fail");
            r.answers[0].note = "未见配额证明";
            r.findings.push_back(
                {finding_id, "ODS-15", "ODS-15-1", "未取得年度配额即使用含氢氯氟烃", {}});
            r.outcome = Outcome::rectification_ordered;
            r.public_text = std::string(public_text_for(*r.outcome));
        }
        REQUIRE(records.create_draft(r).ok());
        for (int i = 0; i < photos; ++i)
            add_jpeg(id, i, i < 10 ? std::optional<std::string>(finding_id) : std::nullopt);
        auto done = records.complete(id, device);
        REQUIRE_MESSAGE(done.ok(), (done.ok() ? "" : done.error().message));
        return done.value();
    }
};

void check_pdf(ReportFixture& f, const std::string& id, int photos) {
    const StoredRecord sealed = f.completed(id, photos);
    const std::string body_before = f.records.load(id).value().body;
    auto doc = load_record_document(f.db, id, WorkCalendar{});
    REQUIRE_MESSAGE(doc.ok(), (doc.ok() ? "" : doc.error().message));
    const auto pdf = f.dir / ("record-" + std::to_string(photos) + ".pdf");
    auto written = platform::RecordPdf(f.db).write(*doc, pdf);
    REQUIRE_MESSAGE(written.ok(), (written.ok() ? "" : written.error().message));

    keep(pdf);
    const std::string text = run("pdftotext -enc UTF-8 " + shq(pdf) + " -");
    CHECK(text.find("鄂州市测试化工有限公司") != std::string::npos); // 工 shares a radical's glyph
    CHECK(text.find(*sealed.chain_hash) != std::string::npos);
    CHECK(text.find(id) != std::string::npos);
    CHECK(text.find("《消耗臭氧层物质管理条例》") != std::string::npos);
    // Every checkpoint's answer, as the test data gives it.
    CHECK(text.find(photos > 0 ? "不符合" : "符合") != std::string::npos);
    CHECK(text.find("12 吨") != std::string::npos);
    CHECK(text.find("台账核对") != std::string::npos);
    CHECK(text.find("制冷") != std::string::npos);
    CHECK(text.find(photos > 0 ? "发现问题已责令整改" : "未发现问题") != std::string::npos);
    CHECK(text.find("测试I-04") != std::string::npos);
    CHECK(text.find("鄂环执字第I-04号") != std::string::npos);
    CHECK(text.find("更正记录") == std::string::npos); // never corrected: no versions
    if (photos > 0) {
        CHECK(text.find("未取得年度配额即使用含氢氯氟烃") != std::string::npos);
        CHECK(text.find("未见配额证明") != std::string::npos);
    }
    // Each photo's hash is printed in two halves of 32 hex digits.
    for (const auto& p : sealed.record.photos) {
        CHECK(text.find(p.sha256.substr(0, 32)) != std::string::npos);
        CHECK(text.find(p.sha256.substr(32)) != std::string::npos);
    }

    const auto png = f.dir / ("page-" + std::to_string(photos));
    run("pdftoppm -r 150 -png -f 1 -l 1 -singlefile " + shq(pdf) + " " + shq(png));
    const std::string qr = run("zbarimg -q --raw " + shq(png.string() + ".png"));
    CHECK(qr == record_qr_text(id, *sealed.chain_hash) + "\n");

    CHECK(f.records.load(id).value().body == body_before); // the record is only read
}

} // namespace

TEST_CASE("record PDF: no photo — text, answers, chain hash and QR code") {
    ReportFixture f;
    check_pdf(f, "11111111-2222-4333-8444-000000000000", 0);
}

TEST_CASE("record PDF: one photo of a finding") {
    ReportFixture f;
    check_pdf(f, "11111111-2222-4333-8444-000000000001", 1);
}

TEST_CASE("record PDF: thirty photos over several pages") {
    ReportFixture f;
    check_pdf(f, "11111111-2222-4333-8444-000000000030", 30);
    const auto pages = run("pdfinfo " + shq(f.dir / "record-30.pdf") + " | grep Pages");
    CHECK(pages.find("Pages:") != std::string::npos);
    CHECK(std::stoi(pages.substr(pages.find(':') + 1)) >= 3);
}

TEST_CASE("record PDF: a corrected record lists its chain of versions with dates and reasons") {
    ReportFixture f;
    const std::string original = "11111111-2222-4333-8444-0000000000c0";
    const std::string fix1 = "11111111-2222-4333-8444-0000000000c1";
    const std::string fix2 = "11111111-2222-4333-8444-0000000000c2";
    f.completed(original, 1);
    REQUIRE(f.records.mark_uploaded(original, "2026-11-28T10:06:00.000+08:00", false).ok());
    REQUIRE(f.records.start_correction(original, fix1, "配额证明编号抄错", {make_uuid_v4()}).ok());
    REQUIRE(f.records.complete(fix1, device).ok());
    REQUIRE(f.records.start_correction(fix1, fix2, "补充整改期限", {make_uuid_v4()}).ok());
    // A correction still being written is no version yet.
    auto doc = load_record_document(f.db, fix1, WorkCalendar{});
    REQUIRE(doc.ok());
    CHECK(doc->versions.size() == 2);
    REQUIRE(f.records.complete(fix2, device).ok());

    doc = load_record_document(f.db, fix1, WorkCalendar{});
    REQUIRE_MESSAGE(doc.ok(), (doc.ok() ? "" : doc.error().message));
    REQUIRE(doc->versions.size() == 3);
    const auto pdf = f.dir / "record-corrected.pdf";
    REQUIRE(platform::RecordPdf(f.db).write(*doc, pdf).ok());
    keep(pdf);
    const std::string text = one_line(run("pdftotext -enc UTF-8 " + shq(pdf) + " -"));
    const auto at = text.find("更正记录 Versions of this record");
    REQUIRE(at != std::string::npos);
    const std::string table = text.substr(at);
    // Oldest first, each with its id, its completion time and its reason; this one marked.
    const auto o = table.find(original), a = table.find(fix1), b = table.find(fix2);
    REQUIRE(o != std::string::npos);
    REQUIRE(a != std::string::npos);
    REQUIRE(b != std::string::npos);
    CHECK(o < a);
    CHECK(a < b);
    CHECK(table.find("原始记录") != std::string::npos);
    CHECK(table.find("配额证明编号抄错") != std::string::npos);
    CHECK(table.find("补充整改期限") != std::string::npos);
    CHECK(table.find("本记录") != std::string::npos);
    CHECK(table.find(doc->versions[2].completed_at.substr(0, 10)) != std::string::npos);
}

TEST_CASE("record PDF: a confidential result shows its legal ground and reason, not the text") {
    ReportFixture f;
    const std::string id = "11111111-2222-4333-8444-0000000000e0";
    InspectionRecord r = f.record(id);
    r.confidential = true;
    r.confidential_reason = "涉及正在侦办的案件线索";
    r.confidential_ground = ConfidentialGround::public_safety;
    REQUIRE(f.records.create_draft(r).ok());
    REQUIRE(f.records.complete(id, device).ok());
    auto doc = load_record_document(f.db, id, WorkCalendar{});
    REQUIRE(doc.ok());
    const auto pdf = f.dir / "record-confidential.pdf";
    REQUIRE(platform::RecordPdf(f.db).write(*doc, pdf).ok());
    keep(pdf);
    const std::string text = one_line(run("pdftotext -enc UTF-8 " + shq(pdf) + " -"));
    const auto at = text.find("不予公开 not published");
    REQUIRE(at != std::string::npos);
    const std::string line = text.substr(at, 200);
    CHECK(line.find("涉及公共安全") != std::string::npos);
    CHECK(line.find("涉及正在侦办的案件线索") != std::string::npos);
    CHECK(text.find("公开内容 Public text") == std::string::npos);
}

TEST_CASE("record PDF: a draft is refused, the record untouched") {
    ReportFixture f;
    const std::string id = "11111111-2222-4333-8444-0000000000d0";
    REQUIRE(f.records.create_draft(f.record(id)).ok());
    auto doc = load_record_document(f.db, id, WorkCalendar{});
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.error().code == document_error::not_completed);
    CHECK(doc.error().message.find("Complete it first") != std::string::npos);
    CHECK(f.records.load(id).value().state == RecordState::draft);
    // An assignment id finds its latest record; an unknown id says so.
    CHECK(load_record_document(f.db, "A-1", WorkCalendar{}).error().code ==
          document_error::not_completed);
    CHECK(load_record_document(f.db, "nope", WorkCalendar{}).error().code ==
          document_error::not_found);
}

TEST_CASE("record PDF: an unwritable place gives a clear error") {
    ReportFixture f;
    f.completed("11111111-2222-4333-8444-0000000000e0", 0);
    auto doc = load_record_document(f.db, "A-1", WorkCalendar{});
    REQUIRE(doc.ok());
    auto s = platform::RecordPdf(f.db).write(*doc, f.dir / "no-such-folder" / "r.pdf");
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().message.find("does not exist") != std::string::npos);
}

TEST_CASE("record PDF: the publication deadline counts 20 working days of the calendar") {
    ReportFixture f;
    f.completed("11111111-2222-4333-8444-0000000000f0", 0);
    std::ifstream in(FI_ASSETS_DIR "/holidays.json");
    auto cal = WorkCalendar::from_json(nlohmann::json::parse(in));
    REQUIRE(cal.ok());
    auto doc = load_record_document(f.db, "A-1", *cal);
    REQUIRE(doc.ok());
    // Completed Saturday 2026-11-28: 20 working days on, counted by hand, is 2026-12-25.
    CHECK(doc->completed_day == "2026-11-28");
    CHECK(doc->publication_deadline.date.to_string() == "2026-12-25");
    CHECK_FALSE(doc->publication_deadline.provisional);
}

TEST_CASE("statistics PDF: Chinese labels and 'not known on this tablet'") {
    ReportFixture f;
    f.completed("11111111-2222-4333-8444-000000000a01", 0);
    auto stats = compute_quarter_statistics(f.db, Quarter{2026, 4}, "鄂州市生态环境局", "测试");
    REQUIRE(stats.ok());
    const auto pdf = f.dir / "stats.pdf";
    auto s = platform::write_statistics_pdf(*stats, pdf);
    REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message));
    keep(pdf);
    const std::string text = one_line(run("pdftotext -enc UTF-8 " + shq(pdf) + " -"));
    CHECK(text.find("Confirmed by the central system") != std::string::npos); // no ligature
    CHECK(text.find("监管情况统计表") != std::string::npos);
    CHECK(text.find("未发现问题") != std::string::npos);
    CHECK(text.find("本机无法得知") != std::string::npos);
    CHECK(text.find("not known on this tablet") != std::string::npos);
    CHECK(text.find("2026-12-20") != std::string::npos);
}

} // namespace fi::test
