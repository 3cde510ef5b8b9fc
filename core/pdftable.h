#pragma once

#include <string>
#include <vector>

namespace fi {

/// A table for a plain-C++ PDF (no Qt, no font file): the server's bureau reports. Text is any
/// UTF-8 in Unicode's basic plane (others print as `?`); columns are widths in points.
struct PdfTable {
    std::string title;
    std::vector<std::string> lines_above; ///< under the title, one paragraph each
    std::vector<std::string> headers;
    std::vector<double> widths; ///< one per header, in points (A4 text width is 495)
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> lines_below;
};

/// The table as a PDF 1.4 document: A4 portrait, headers repeated on every page, cells wrapped to
/// their column. The font is the standard CJK font STSong-Light (Type0, CIDFontType0, ordering
/// Adobe-GB1, encoding UniGB-UCS2-H), not embedded: every PDF reader supplies it, so the file
/// stays small and needs no font on the server. A ToUnicode map makes its text extractable and
/// searchable.
std::string pdf_table_document(const PdfTable& table);

} // namespace fi
