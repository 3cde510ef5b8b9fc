// Signatures on the record PDF (现场检查笔录), checked from the outside with pdftotext and
// pdfimages: each signer with name or id, time and SHA-256, the refusal with its reason, and
// the images of an SVG of strokes and a PNG drawn on the page.
#include "core/recorddocument.h"
#include "core/sha256.h"
#include "platform/guiapplication.h"
#include "platform/recordpdf.h"
#include "platform/signatureimage.h"
#include "platformsupport.h"
#include "support/domainfixture.h"

#include <QBuffer>
#include <QImage>
#include <array>
#include <cstdio>
#include <doctest/doctest.h>

namespace fi::test {
namespace {

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

const std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 300 100\">"
                        "<path d=\"M10 50 L120 20 L200 80 l60 -50\" stroke=\"black\" "
                        "stroke-width=\"6\" fill=\"none\"/></svg>";

std::span<const std::uint8_t> as_bytes(const std::string& s) {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

std::string png_bytes() {
    QImage img(200, 80, QImage::Format_RGB32);
    img.fill(Qt::white);
    for (int x = 20; x < 180; ++x)
        for (int y = 38; y < 44; ++y)
            img.setPixel(x, y, qRgb(0, 0, 0));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    REQUIRE(img.save(&buffer, "PNG"));
    return bytes.toStdString();
}

SignatureCapture signing(std::string id, std::string role, std::string who, std::string mime) {
    SignatureCapture c;
    c.id = std::move(id);
    c.role = std::move(role);
    if (c.role == "inspector")
        c.inspector_id = std::move(who);
    else {
        c.name = std::move(who);
        c.position = "环保负责人";
    }
    c.mime = std::move(mime);
    c.signed_at = "2026-11-28T10:01:00.000+08:00";
    return c;
}

/// Dark pixels of a region (the signatures are black strokes on white).
int dark_pixels(const QImage& page, QRect region) {
    int n = 0;
    for (int y = region.top(); y <= region.bottom() && y < page.height(); ++y)
        for (int x = region.left(); x <= region.right() && x < page.width(); ++x)
            n += qGray(page.pixel(x, y)) < 100 ? 1 : 0;
    return n;
}

} // namespace

TEST_CASE("signature images: an SVG of strokes and a PNG are drawn, other SVG is not") {
    qt_app();
    const QImage drawn =
        platform::SignatureImage::render(as_bytes(svg), "image/svg+xml", QSize(300, 100));
    REQUIRE_FALSE(drawn.isNull());
    CHECK(drawn.size() == QSize(300, 100));
    CHECK(dark_pixels(drawn, drawn.rect()) > 500);
    CHECK(qGray(drawn.pixel(10, 90)) > 200); // off the strokes: white
    const std::string png = png_bytes();
    const QImage decoded =
        platform::SignatureImage::render(as_bytes(png), "image/png", QSize(100, 100));
    CHECK(decoded.width() == 100);
    const std::string curve = "<svg viewBox=\"0 0 10 10\"><path d=\"M0 0 C 1 1 2 2 3 3\"/></svg>";
    CHECK(
        platform::SignatureImage::render(as_bytes(curve), "image/svg+xml", QSize(10, 10)).isNull());
}

TEST_CASE("signature pad: strokes written as SVG are drawn back where they were made") {
    qt_app();
    // A horizontal stroke across the top half, a dot low on the right, an empty stroke.
    const std::vector<QPolygonF> strokes{
        QPolygonF{QPointF(20, 25), QPointF(150.04, 25), QPointF(280, 25.96)},
        QPolygonF{QPointF(250, 80)}, QPolygonF{}};
    const std::string svg = platform::SignatureImage::strokes_svg(strokes, QSizeF(300, 100));
    CHECK(svg.find("viewBox=\"0 0 300.0 100.0\"") != std::string::npos);
    CHECK(svg.find("M20.0 25.0 L150.0 25.0 L280.0 26.0") != std::string::npos); // 0.1 px
    const QImage drawn =
        platform::SignatureImage::render(as_bytes(svg), "image/svg+xml", QSize(300, 100));
    REQUIRE_FALSE(drawn.isNull());
    CHECK(dark_pixels(drawn, QRect(30, 22, 240, 6)) > 400); // along the stroke
    CHECK(dark_pixels(drawn, QRect(247, 77, 6, 6)) >= 3);   // the dot shows
    CHECK(dark_pixels(drawn, QRect(20, 50, 200, 45)) == 0); // nothing where nothing was drawn
    // Nothing drawn, nothing written.
    CHECK(platform::SignatureImage::strokes_svg({}, QSizeF(300, 100)).empty());
    CHECK(platform::SignatureImage::strokes_svg({QPolygonF{}}, QSizeF(300, 100)).empty());
}

TEST_CASE("record PDF: each signature drawn with signer, time and SHA-256, a refusal's reason") {
    Fixture f;
    qt_app();
    REQUIRE(platform::ensure_gui_application().ok());
    const std::string id = "11111111-2222-4333-8444-0000000000d0";
    InspectionRecord r = f.record(id);
    REQUIRE(f.records.create_draft(r).ok());
    const std::string png = png_bytes();
    auto s1 = f.records.add_signature(
        id, signing("a1000000-0000-4000-8000-0000000000a1", "inspector", "I-04", "image/svg+xml"),
        as_bytes(svg));
    auto s2 = f.records.add_signature(
        id, signing("a1000000-0000-4000-8000-0000000000a2", "inspector", "I-02", "image/png"),
        as_bytes(png));
    REQUIRE(s1.ok());
    REQUIRE(s2.ok());
    REQUIRE(f.records.record_refusal(id, "拒绝签字，称需请示总经理").ok());
    REQUIRE(f.records.complete(id, device).ok());

    auto doc = load_record_document(f.db, id, WorkCalendar{});
    REQUIRE_MESSAGE(doc.ok(), (doc.ok() ? "" : doc.error().message));
    const auto pdf = f.dir / "record-signed.pdf";
    REQUIRE(platform::RecordPdf(f.db).write(*doc, pdf).ok());
    const std::string text = one_line(run("pdftotext -enc UTF-8 '" + pdf.string() + "' -"));
    const auto at = text.find("九、签名 Signatures");
    REQUIRE(at != std::string::npos);
    const std::string part = text.substr(at);
    CHECK(part.find("I-04") != std::string::npos);
    CHECK(part.find("I-02") != std::string::npos);
    CHECK(part.find("测试I-04") != std::string::npos); // the roster's name
    for (const auto& g : {*s1, *s2}) {
        CHECK(part.find(g.sha256.substr(0, 32)) != std::string::npos);
        CHECK(part.find(g.sha256.substr(32)) != std::string::npos);
    }
    CHECK(part.find("2026-11-28T10:01:00.000+08:00") != std::string::npos);
    CHECK(part.find("拒绝签字 refused to sign：拒绝签字，称需请示总经理") != std::string::npos);
    CHECK(text.find("Target's signature") == std::string::npos); // no blank lines to sign

    // Both images are in the PDF: two more than in the same record made before signatures
    // (paper lines to sign instead), counted by pdfimages.
    InspectionRecord before = f.record("11111111-2222-4333-8444-0000000000d1");
    REQUIRE(f.records.create_draft(before).ok());
    REQUIRE(f.records.complete(before.id, device).ok());
    auto plain = load_record_document(f.db, before.id, WorkCalendar{});
    REQUIRE(plain.ok());
    const auto plain_pdf = f.dir / "record-unsigned.pdf";
    REQUIRE(platform::RecordPdf(f.db).write(*plain, plain_pdf).ok());
    CHECK(one_line(run("pdftotext -enc UTF-8 '" + plain_pdf.string() + "' -"))
              .find("Target's signature") != std::string::npos);
    const auto images = [](const std::filesystem::path& file) {
        return std::stoi(run("pdfimages -list '" + file.string() + "' | tail -n +3 | wc -l"));
    };
    CHECK(images(pdf) == images(plain_pdf) + 2);
}

} // namespace fi::test
