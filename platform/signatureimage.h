#pragma once

#include <QImage>
#include <QPolygonF>
#include <QSize>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fi::platform {

/// A signature's image for display and print: a PNG decoded, or an SVG of strokes drawn (its
/// `path` elements of straight segments, M/L/H/V/Z absolute or relative, and its `polyline`
/// and `line` elements, in its viewBox or width × height) — what the tablet's signature pad
/// writes. The build has no SVG renderer (QtSvg), so any other SVG gives a null image and the
/// caller says it cannot be shown (its SHA-256 still identifies it). At most `fit` pixels.
class SignatureImage {
public:
    static QImage render(std::span<const std::uint8_t> bytes, std::string_view mime, QSize fit);

    /// What the signature pad writes: the strokes (each the points a finger or stylus passed
    /// through, in the pad's coordinates) as an SVG of black `path`s in a `size` viewBox, to
    /// a tenth of a pixel. A stroke of one point (a dot) becomes a short segment so it shows.
    /// Empty when there is nothing drawn.
    static std::string strokes_svg(const std::vector<QPolygonF>& strokes, QSizeF size);
};

} // namespace fi::platform
