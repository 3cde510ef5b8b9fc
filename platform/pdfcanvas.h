#pragma once

#include "core/result.h"

#include <QBuffer>
#include <QByteArray>
#include <QFont>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QString>
#include <filesystem>
#include <memory>
#include <vector>

namespace fi::platform {

/// A4 pages drawn top to bottom for the reports (inspection record, statistics): text that
/// wraps, label/value lines, simple tables, pictures and a QR code, page breaks with a footer.
/// Measures are millimetres. Text is set in DejaVu Sans for Latin and Noto Sans CJK SC for
/// Chinese (Debian fonts-dejavu-core, fonts-noto-cjk), both embedded.
///
/// The PDF is made in memory; `finish` repairs its text layer (Qt 6.4 maps a glyph shared by a
/// CJK radical and an ideograph — 工, 水, 人 … — to the radical, so copied or extracted text
/// would read ⼯ for 工) and `save` writes it atomically.
class PdfCanvas {
public:
    /// `footer` is printed on every page beside the page number.
    PdfCanvas(const QString& title, const QString& footer);
    ~PdfCanvas();
    PdfCanvas(const PdfCanvas&) = delete;
    PdfCanvas& operator=(const PdfCanvas&) = delete;

    static constexpr double page_width_mm = 210.0;
    static constexpr double margin_mm = 15.0;
    static constexpr double content_width_mm = page_width_mm - 2 * margin_mm;

    QFont font(double point_size, bool bold = false) const;
    QFont mono_font(double point_size) const;

    double y() const { return y_mm_; }
    void set_y(double y_mm) { y_mm_ = y_mm; }
    void skip(double mm) { y_mm_ += mm; }
    /// Start a new page unless `mm` still fit on this one.
    void ensure_space(double mm);
    void new_page();

    /// Text wrapped to `width_mm` at `x_mm` (from the left margin); returns its height.
    double text_at(double x_mm, double y_mm, double width_mm, const QString& text,
                   const QFont& font, int flags = Qt::AlignLeft) const;
    double text_height(double width_mm, const QString& text, const QFont& font) const;
    /// A paragraph at the cursor, full width.
    void paragraph(const QString& text, const QFont& font, double space_after_mm = 1.5);
    /// A section heading with a rule under it.
    void heading(const QString& text);
    /// `label` in a narrow column, `value` wrapped beside it.
    void field(const QString& label, const QString& value, const QFont* value_font = nullptr);
    /// A table with a header row; column widths in mm (they should add up to the content
    /// width). Rows break across pages; the header repeats.
    void table(const std::vector<QString>& header, const std::vector<std::vector<QString>>& rows,
               const std::vector<double>& widths_mm);
    /// A picture scaled into the box (aspect kept), framed.
    void image(const QImage& image, double x_mm, double y_mm, double w_mm, double h_mm);
    void frame(double x_mm, double y_mm, double w_mm, double h_mm);
    /// A QR code (libqrencode, level M) of `text`, `size_mm` square, at (x, y).
    Status qr_code(const QByteArray& text, double x_mm, double y_mm, double size_mm);

    /// The finished PDF (text layer repaired).
    Result<QByteArray> finish();
    /// Finish and write to `path` (atomically); a clear error when it cannot be written.
    Status save(const std::filesystem::path& path);

private:
    double units(double mm) const;
    QRectF rect(double x_mm, double y_mm, double w_mm, double h_mm) const;
    void footer();

    QString footer_;
    QBuffer buffer_;
    std::unique_ptr<QPdfWriter> writer_;
    std::unique_ptr<QPainter> painter_;
    double y_mm_ = margin_mm;
    int page_ = 1;
};

/// Replace, in the ToUnicode maps of a PDF made by Qt, the CJK radicals (U+2E80–U+2FDF) that
/// share their glyph with a unified ideograph by that ideograph. In place and length-keeping
/// (four hex digits for four), so the PDF's cross-reference table stays valid.
void repair_cjk_text_layer(QByteArray& pdf, const QFont& cjk_font);

} // namespace fi::platform
