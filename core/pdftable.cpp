#include "core/pdftable.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <set>

namespace fi {

namespace {

constexpr double page_width = 595.0; // A4 in points
constexpr double page_height = 842.0;
constexpr double margin = 50.0;
constexpr double body_size = 9.0;
constexpr double title_size = 14.0;
constexpr double leading = 1.35; // line height over font size
constexpr double cell_pad = 3.0;

/// UTF-8 to code points of the basic plane; anything else (a broken sequence, a code point past
/// U+FFFF, a surrogate) becomes `?`.
std::vector<std::uint16_t> ucs2(const std::string& text) {
    std::vector<std::uint16_t> out;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::uint32_t cp = '?';
        std::size_t n = 1;
        if (c < 0x80) {
            cp = c;
        } else if ((c & 0xE0) == 0xC0) {
            n = 2;
        } else if ((c & 0xF0) == 0xE0) {
            n = 3;
        } else if ((c & 0xF8) == 0xF0) {
            n = 4;
        }
        if (n > 1) {
            if (i + n > text.size()) {
                n = 1;
            } else {
                cp = c & (0xFF >> (n + 1));
                for (std::size_t k = 1; k < n; ++k) {
                    const auto cc = static_cast<unsigned char>(text[i + k]);
                    if ((cc & 0xC0) != 0x80) {
                        n = 1;
                        cp = '?';
                        break;
                    }
                    cp = (cp << 6) | (cc & 0x3F);
                }
            }
        }
        if (cp > 0xFFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp < 0x20)
            cp = cp == '\t' ? ' ' : '?';
        out.push_back(static_cast<std::uint16_t>(cp));
        i += n;
    }
    return out;
}

/// Width in em: the font's half-width Latin (CIDs 1–95, /W) is 0.5, everything else 1.
double em_width(std::uint16_t cp) {
    return cp >= 0x20 && cp <= 0x7E ? 0.5 : 1.0;
}

double text_width(const std::vector<std::uint16_t>& text, double size) {
    double w = 0;
    for (auto cp : text)
        w += em_width(cp);
    return w * size;
}

/// Greedy wrap to `width` points, breaking after a space where a line has one, else anywhere.
std::vector<std::vector<std::uint16_t>> wrap(const std::vector<std::uint16_t>& text, double width,
                                             double size) {
    std::vector<std::vector<std::uint16_t>> lines(1);
    double used = 0;
    for (auto cp : text) {
        const double w = em_width(cp) * size;
        if (used + w > width && !lines.back().empty()) {
            std::vector<std::uint16_t> next;
            auto& line = lines.back();
            const auto space = std::find(line.rbegin(), line.rend(), std::uint16_t(' '));
            if (space != line.rend() && cp != ' ') {
                const auto cut = space.base(); // just after the space
                next.assign(cut, line.end());
                line.erase(cut, line.end());
            }
            lines.push_back(std::move(next));
            used = text_width(lines.back(), size);
            if (cp == ' ')
                continue;
        }
        lines.back().push_back(cp);
        used += w;
    }
    return lines;
}

std::string hex(const std::vector<std::uint16_t>& text, std::set<int>& high_bytes) {
    std::string out = "<";
    char buf[8];
    for (auto cp : text) {
        std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(cp));
        out += buf;
        high_bytes.insert(cp >> 8);
    }
    return out + ">";
}

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

class Writer {
public:
    explicit Writer(std::set<int>& high_bytes) : high_bytes_(high_bytes) {}

    std::vector<std::string> pages;
    double y = page_height - margin;

    void new_page() {
        pages.emplace_back("0.5 w\n");
        y = page_height - margin;
    }
    void text(double x, double baseline, double size, const std::vector<std::uint16_t>& t) {
        pages.back() += "BT /F1 " + num(size) + " Tf 1 0 0 1 " + num(x) + " " + num(baseline) +
                        " Tm " + hex(t, high_bytes_) + " Tj ET\n";
    }
    void rect(double x, double top, double w, double h) {
        pages.back() += num(x) + " " + num(top - h) + " " + num(w) + " " + num(h) + " re S\n";
    }
    /// A paragraph over the text width; a new page when it does not fit.
    void paragraph(const std::string& s, double size) {
        for (const auto& line : wrap(ucs2(s), page_width - 2 * margin, size)) {
            if (y - size * leading < margin + 20)
                new_page();
            y -= size * leading;
            text(margin, y + size * 0.25, size, line);
        }
        y -= size * 0.4;
    }

private:
    std::set<int>& high_bytes_;
};

} // namespace

std::string pdf_table_document(const PdfTable& table) {
    std::set<int> high_bytes;
    Writer w(high_bytes);
    w.new_page();
    w.paragraph(table.title, title_size);
    for (const auto& p : table.lines_above)
        w.paragraph(p, body_size);
    w.y -= 4;

    std::vector<double> widths = table.widths;
    widths.resize(table.headers.size(), 60.0);
    const double line_h = body_size * leading;
    auto row_lines = [&](const std::vector<std::string>& cells) {
        std::vector<std::vector<std::vector<std::uint16_t>>> out;
        for (std::size_t i = 0; i < widths.size(); ++i)
            out.push_back(wrap(ucs2(i < cells.size() ? cells[i] : std::string()),
                               widths[i] - 2 * cell_pad, body_size));
        return out;
    };
    auto draw_row = [&](const std::vector<std::vector<std::vector<std::uint16_t>>>& cells) {
        std::size_t most = 1;
        for (const auto& c : cells)
            most = std::max(most, c.size());
        const double h = static_cast<double>(most) * line_h + 2 * cell_pad;
        double x = margin;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            w.rect(x, w.y, widths[i], h);
            double baseline = w.y - cell_pad - body_size;
            for (const auto& line : cells[i]) {
                w.text(x + cell_pad, baseline + body_size * 0.1, body_size, line);
                baseline -= line_h;
            }
            x += widths[i];
        }
        w.y -= h;
    };
    const auto header = row_lines(table.headers);
    if (!table.headers.empty())
        draw_row(header);
    for (const auto& row : table.rows) {
        const auto cells = row_lines(row);
        std::size_t most = 1;
        for (const auto& c : cells)
            most = std::max(most, c.size());
        if (w.y - (static_cast<double>(most) * line_h + 2 * cell_pad) < margin + 20) {
            w.new_page();
            draw_row(header);
        }
        draw_row(cells);
    }
    w.y -= 6;
    for (const auto& p : table.lines_below)
        w.paragraph(p, body_size);

    // Page numbers, now that the count is known.
    const std::size_t count = w.pages.size();
    for (std::size_t i = 0; i < count; ++i) {
        const std::string label =
            "第 " + std::to_string(i + 1) + " 页，共 " + std::to_string(count) + " 页";
        const auto t = ucs2(label);
        w.pages[i] += "BT /F1 8 Tf 1 0 0 1 " + num((page_width - text_width(t, 8)) / 2) + " " +
                      num(margin / 2) + " Tm " + hex(t, high_bytes) + " Tj ET\n";
    }

    // The ToUnicode map: codes are UCS-2, so each used high byte maps onto itself.
    std::string cmap = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                       "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> "
                       "def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                       "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    std::vector<int> highs(high_bytes.begin(), high_bytes.end());
    for (std::size_t from = 0; from < highs.size(); from += 100) {
        const std::size_t n = std::min<std::size_t>(100, highs.size() - from);
        cmap += std::to_string(n) + " beginbfrange\n";
        for (std::size_t k = from; k < from + n; ++k) {
            char buf[40];
            std::snprintf(buf, sizeof buf, "<%02X00> <%02XFF> <%02X00>\n", highs[k], highs[k],
                          highs[k]);
            cmap += buf;
        }
        cmap += "endbfrange\n";
    }
    cmap += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";

    // Objects: 1 catalog, 2 pages, 3 font, 4 CID font, 5 descriptor, 6 ToUnicode, then per page
    // its page object and its content stream.
    std::vector<std::string> objects;
    std::string kids;
    for (std::size_t i = 0; i < count; ++i)
        kids += std::to_string(7 + 2 * i) + " 0 R ";
    objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
    objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(count) +
                      " >>");
    objects.push_back("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding "
                      "/UniGB-UCS2-H /DescendantFonts [4 0 R] /ToUnicode 6 0 R >>");
    objects.push_back("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
                      "/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> "
                      "/FontDescriptor 5 0 R /DW 1000 /W [1 95 500] >>");
    objects.push_back("<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 "
                      "-254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 "
                      "/StemV 93 >>");
    objects.push_back("<< /Length " + std::to_string(cmap.size()) + " >>\nstream\n" + cmap +
                      "endstream");
    for (std::size_t i = 0; i < count; ++i) {
        objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << "
                          "/Font << /F1 3 0 R >> >> /Contents " +
                          std::to_string(8 + 2 * i) + " 0 R >>");
        objects.push_back("<< /Length " + std::to_string(w.pages[i].size()) + " >>\nstream\n" +
                          w.pages[i] + "endstream");
    }

    std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t off : offsets) {
        char buf[24];
        std::snprintf(buf, sizeof buf, "%010zu 00000 n \n", off);
        pdf += buf;
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
           " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

} // namespace fi
