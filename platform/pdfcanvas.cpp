#include "platform/pdfcanvas.h"

#include "core/atomicfile.h"

#include <QFontDatabase>
#include <QPageLayout>
#include <QPageSize>
#include <QRawFont>
#include <algorithm>
#include <map>
#include <qrencode.h>

namespace fi::platform {

namespace {

constexpr int dpi = 300;
constexpr double page_height_mm = 297.0;
constexpr double footer_mm = 12.0; ///< kept free at the bottom for the footer
const QString cjk_family = QStringLiteral("Noto Sans CJK SC");

bool is_hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

/// radical code point → the unified ideograph drawn with the same glyph in `font`.
std::map<uint, uint> radical_map(const QFont& font) {
    std::map<uint, uint> out;
    const QRawFont raw = QRawFont::fromFont(font, QFontDatabase::Any);
    if (!raw.isValid())
        return out;
    std::map<quint32, uint> ideograph_of_glyph;
    auto scan = [&](uint from, uint to) {
        QString chars;
        for (uint c = from; c <= to; ++c)
            chars.append(QChar(static_cast<char16_t>(c)));
        const auto glyphs = raw.glyphIndexesForString(chars);
        for (qsizetype i = 0; i < glyphs.size(); ++i)
            if (glyphs[i] != 0)
                ideograph_of_glyph.emplace(glyphs[i], from + static_cast<uint>(i));
    };
    scan(0x4E00, 0x9FFF); // unified ideographs first: they are what the text really holds
    scan(0x3400, 0x4DBF);
    QString radicals;
    for (uint c = 0x2E80; c <= 0x2FDF; ++c)
        radicals.append(QChar(static_cast<char16_t>(c)));
    const auto glyphs = raw.glyphIndexesForString(radicals);
    for (qsizetype i = 0; i < glyphs.size(); ++i)
        if (glyphs[i] != 0)
            if (auto it = ideograph_of_glyph.find(glyphs[i]); it != ideograph_of_glyph.end())
                out.emplace(0x2E80 + static_cast<uint>(i), it->second);
    return out;
}

/// Replace the 4-hex-digit token `<XXXX>` starting at `pos` if it is a mapped radical.
void repair_token(QByteArray& pdf, qsizetype pos, const std::map<uint, uint>& map) {
    if (pos + 5 >= pdf.size() || pdf[pos] != '<' || pdf[pos + 5] != '>')
        return;
    for (int i = 1; i <= 4; ++i)
        if (!is_hex(pdf[pos + i]))
            return;
    bool ok = false;
    const uint code = pdf.mid(pos + 1, 4).toUInt(&ok, 16);
    auto it = map.find(code);
    if (!ok || it == map.end())
        return;
    const QByteArray hex = QByteArray::number(it->second, 16).toUpper().rightJustified(4, '0');
    for (int i = 0; i < 4; ++i)
        pdf[pos + 1 + i] = hex[i];
}

} // namespace

void repair_cjk_text_layer(QByteArray& pdf, const QFont& cjk_font) {
    static const std::map<uint, uint> map = radical_map(cjk_font);
    if (map.empty())
        return;
    qsizetype from = 0;
    for (;;) {
        const qsizetype begin = pdf.indexOf("beginbfrange", from);
        if (begin < 0)
            break;
        const qsizetype end = pdf.indexOf("endbfrange", begin);
        if (end < 0)
            break;
        // Lines `<lo> <hi> [<u1> <u2> …]` or `<lo> <hi> <u>`: only destinations change, and a
        // single destination only where it stands for one glyph (lo == hi).
        qsizetype line = begin + 12;
        while (line < end) {
            qsizetype eol = pdf.indexOf('\n', line);
            if (eol < 0 || eol > end)
                eol = end;
            const QByteArray text = pdf.mid(line, eol - line);
            const qsizetype bracket = text.indexOf('[');
            if (bracket >= 0) {
                for (qsizetype p = line + bracket; p < eol; ++p)
                    if (pdf[p] == '<')
                        repair_token(pdf, p, map);
            } else {
                const auto parts = text.trimmed().split(' ');
                if (parts.size() == 3 && parts[0] == parts[1])
                    repair_token(pdf, line + text.lastIndexOf('<'), map);
            }
            line = eol + 1;
        }
        from = end;
    }
}

PdfCanvas::PdfCanvas(const QString& title, const QString& footer) : footer_(footer) {
    buffer_.open(QIODevice::WriteOnly);
    writer_ = std::make_unique<QPdfWriter>(&buffer_);
    writer_->setResolution(dpi);
    writer_->setTitle(title);
    writer_->setCreator(QStringLiteral("fieldinspect"));
    writer_->setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                       QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter));
    painter_ = std::make_unique<QPainter>(writer_.get());
}

PdfCanvas::~PdfCanvas() {
    if (painter_ && painter_->isActive())
        painter_->end();
}

double PdfCanvas::units(double mm) const {
    return mm / 25.4 * dpi;
}

QRectF PdfCanvas::rect(double x_mm, double y_mm, double w_mm, double h_mm) const {
    return QRectF(units(margin_mm + x_mm), units(y_mm), units(w_mm), units(h_mm));
}

QFont PdfCanvas::font(double point_size, bool bold) const {
    QFont f;
    f.setFamilies({QStringLiteral("DejaVu Sans"), cjk_family});
    f.setPointSizeF(point_size);
    f.setBold(bold);
    // No ligatures: extracted or copied text must read "fi", not "ﬁ" (a search for "confirmed"
    // would miss it). Chinese needs no shaping.
    f.setStyleStrategy(QFont::PreferNoShaping);
    return f;
}

QFont PdfCanvas::mono_font(double point_size) const {
    QFont f;
    f.setFamilies({QStringLiteral("DejaVu Sans Mono"), QStringLiteral("Noto Sans Mono CJK SC")});
    f.setStyleHint(QFont::Monospace);
    f.setPointSizeF(point_size);
    return f;
}

void PdfCanvas::footer() {
    painter_->setFont(font(7.5));
    painter_->setPen(Qt::darkGray);
    const QString text = QStringLiteral("第 %1 页 · page %1    %2").arg(page_).arg(footer_);
    painter_->drawText(rect(0, page_height_mm - 10, content_width_mm, 6), Qt::AlignLeft, text);
    painter_->setPen(Qt::black);
}

void PdfCanvas::new_page() {
    footer();
    writer_->newPage();
    ++page_;
    y_mm_ = margin_mm;
}

void PdfCanvas::ensure_space(double mm) {
    if (y_mm_ + mm > page_height_mm - footer_mm - 3)
        new_page();
}

double PdfCanvas::text_height(double width_mm, const QString& text, const QFont& f) const {
    painter_->setFont(f);
    const QRectF r =
        painter_->boundingRect(rect(0, 0, width_mm, 1000), Qt::TextWordWrap | Qt::AlignLeft, text);
    return r.height() / units(1.0);
}

double PdfCanvas::text_at(double x_mm, double y_mm, double width_mm, const QString& text,
                          const QFont& f, int flags) const {
    painter_->setFont(f);
    QRectF bounds;
    painter_->drawText(rect(x_mm, y_mm, width_mm, 1000), flags | Qt::TextWordWrap, text, &bounds);
    return bounds.height() / units(1.0);
}

void PdfCanvas::paragraph(const QString& text, const QFont& f, double space_after_mm) {
    const double h = text_height(content_width_mm, text, f);
    ensure_space(h);
    text_at(0, y_mm_, content_width_mm, text, f);
    y_mm_ += h + space_after_mm;
}

void PdfCanvas::heading(const QString& text) {
    const QFont f = font(11.5, true);
    ensure_space(text_height(content_width_mm, text, f) + 14);
    y_mm_ += 2;
    const double h = text_at(0, y_mm_, content_width_mm, text, f);
    y_mm_ += h + 0.8;
    painter_->setPen(QPen(Qt::black, units(0.3)));
    painter_->drawLine(rect(0, y_mm_, content_width_mm, 0).topLeft(),
                       rect(0, y_mm_, content_width_mm, 0).topRight());
    y_mm_ += 2;
}

void PdfCanvas::field(const QString& label, const QString& value, const QFont* value_font) {
    constexpr double label_mm = 48.0;
    const QFont lf = font(8.5);
    const QFont vf = value_font ? *value_font : font(9.5);
    const QString shown = value.isEmpty() ? QStringLiteral("—") : value;
    const double h = std::max(text_height(label_mm - 2, label, lf),
                              text_height(content_width_mm - label_mm, shown, vf));
    ensure_space(h);
    painter_->setPen(Qt::darkGray);
    text_at(0, y_mm_ + 0.4, label_mm - 2, label, lf);
    painter_->setPen(Qt::black);
    text_at(label_mm, y_mm_, content_width_mm - label_mm, shown, vf);
    y_mm_ += h + 1.2;
}

void PdfCanvas::table(const std::vector<QString>& header,
                      const std::vector<std::vector<QString>>& rows,
                      const std::vector<double>& widths_mm) {
    constexpr double pad = 1.2;
    auto draw_row = [&](const std::vector<QString>& cells, const QFont& f, bool shaded) {
        double h = 0;
        for (std::size_t c = 0; c < widths_mm.size(); ++c)
            h = std::max(
                h, text_height(widths_mm[c] - 2 * pad, c < cells.size() ? cells[c] : QString(), f));
        h += 2 * pad;
        return std::pair<double, bool>(h, shaded);
    };
    auto paint_row = [&](const std::vector<QString>& cells, const QFont& f, double h, bool shaded) {
        double x = 0;
        for (std::size_t c = 0; c < widths_mm.size(); ++c) {
            const QRectF cell = rect(x, y_mm_, widths_mm[c], h);
            if (shaded)
                painter_->fillRect(cell, QColor(235, 235, 235));
            painter_->setPen(QPen(Qt::black, units(0.15)));
            painter_->drawRect(cell);
            text_at(x + pad, y_mm_ + pad, widths_mm[c] - 2 * pad,
                    c < cells.size() ? cells[c] : QString(), f);
            x += widths_mm[c];
        }
        y_mm_ += h;
    };
    const QFont hf = font(8.5, true);
    const QFont bf = font(8.5);
    const double header_h = draw_row(header, hf, true).first;
    ensure_space(header_h + 8);
    paint_row(header, hf, header_h, true);
    for (const auto& r : rows) {
        const double h = draw_row(r, bf, false).first;
        if (y_mm_ + h > page_height_mm - footer_mm - 3) {
            new_page();
            paint_row(header, hf, header_h, true);
        }
        paint_row(r, bf, h, false);
    }
    y_mm_ += 2;
}

void PdfCanvas::frame(double x_mm, double y_mm, double w_mm, double h_mm) {
    painter_->setPen(QPen(Qt::gray, units(0.2)));
    painter_->setBrush(Qt::NoBrush);
    painter_->drawRect(rect(x_mm, y_mm, w_mm, h_mm));
    painter_->setPen(Qt::black);
}

void PdfCanvas::image(const QImage& img, double x_mm, double y_mm, double w_mm, double h_mm) {
    frame(x_mm, y_mm, w_mm, h_mm);
    if (img.isNull())
        return;
    const QRectF box = rect(x_mm, y_mm, w_mm, h_mm);
    QSizeF size = QSizeF(img.size()).scaled(box.size(), Qt::KeepAspectRatio);
    const QRectF target(box.center().x() - size.width() / 2, box.center().y() - size.height() / 2,
                        size.width(), size.height());
    painter_->drawImage(target, img);
}

Status PdfCanvas::qr_code(const QByteArray& text, double x_mm, double y_mm, double size_mm) {
    QRcode* code = QRcode_encodeString(text.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!code)
        return Error::make("qr_failed", "The QR code could not be made (" +
                                            std::to_string(text.size()) + " bytes).");
    const int n = code->width;
    constexpr int quiet = 4; // modules of white border readers need
    const double module = size_mm / (n + 2 * quiet);
    painter_->fillRect(rect(x_mm, y_mm, size_mm, size_mm), Qt::white);
    for (int row = 0; row < n; ++row)
        for (int col = 0; col < n; ++col)
            if (code->data[row * n + col] & 1)
                painter_->fillRect(rect(x_mm + (col + quiet) * module,
                                        y_mm + (row + quiet) * module, module, module),
                                   Qt::black);
    QRcode_free(code);
    return {};
}

Result<QByteArray> PdfCanvas::finish() {
    footer();
    if (!painter_->end())
        return Error::make("pdf_failed", "The PDF could not be drawn.");
    QByteArray pdf = buffer_.data();
    if (pdf.isEmpty())
        return Error::make("pdf_failed", "The PDF came out empty.");
    QFont cjk(cjk_family);
    repair_cjk_text_layer(pdf, cjk);
    return pdf;
}

Status PdfCanvas::save(const std::filesystem::path& path) {
    auto pdf = finish();
    if (!pdf)
        return pdf.error();
    std::error_code ec;
    if (path.has_parent_path() && !std::filesystem::is_directory(path.parent_path(), ec))
        return Error::make("io", "Cannot write " + path.string() + ": the folder " +
                                     path.parent_path().string() +
                                     " does not exist. Choose a folder that exists.");
    auto written = write_file_atomically(
        path, std::string_view(pdf->constData(), static_cast<std::size_t>(pdf->size())));
    if (!written)
        return Error::make(written.error().code, "Cannot write the PDF to " + path.string() + " (" +
                                                     written.error().message + ")");
    return {};
}

} // namespace fi::platform
