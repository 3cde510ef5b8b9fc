#include "platform/signatureimage.h"

#include <QByteArray>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <cmath>
#include <vector>

namespace fi::platform {

namespace {

/// The numbers of an attribute such as "0 0 300 100" or "10,20 30,40".
std::vector<double> numbers(QStringView text) {
    static const QRegularExpression number(
        QStringLiteral(R"([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)"));
    std::vector<double> out;
    auto it = number.globalMatch(text);
    while (it.hasNext())
        out.push_back(it.next().captured(0).toDouble());
    return out;
}

/// Straight segments of a path's `d`; false for anything else (curves, arcs).
bool add_path(QPainterPath& path, const QString& d) {
    static const QRegularExpression token(
        QStringLiteral(R"([MmLlHhVvZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)"));
    static const QRegularExpression unsupported(QStringLiteral("[CcSsQqTtAa]"));
    if (d.contains(unsupported))
        return false;
    QChar command;
    std::vector<double> args;
    QPointF at, start;
    const auto flush = [&]() {
        const bool rel = command.isLower();
        const QChar c = command.toUpper();
        const std::size_t need = (c == QLatin1Char('H') || c == QLatin1Char('V')) ? 1 : 2;
        for (std::size_t i = 0; i + need <= args.size(); i += need) {
            QPointF p = at;
            if (c == QLatin1Char('H'))
                p.setX(rel ? at.x() + args[i] : args[i]);
            else if (c == QLatin1Char('V'))
                p.setY(rel ? at.y() + args[i] : args[i]);
            else
                p = rel ? at + QPointF(args[i], args[i + 1]) : QPointF(args[i], args[i + 1]);
            if (c == QLatin1Char('M') && i == 0) {
                path.moveTo(p);
                start = p;
            } else {
                path.lineTo(p); // a moveto's further pairs are lines
            }
            at = p;
        }
        args.clear();
    };
    auto it = token.globalMatch(d);
    while (it.hasNext()) {
        const QString t = it.next().captured(0);
        if (t.size() == 1 && t[0].isLetter()) {
            if (!command.isNull())
                flush();
            command = t[0];
            if (command.toUpper() == QLatin1Char('Z')) {
                path.closeSubpath();
                at = start;
                command = QChar();
            }
        } else if (!command.isNull()) {
            args.push_back(t.toDouble());
        } else {
            return false;
        }
    }
    if (!command.isNull())
        flush();
    return true;
}

QImage render_svg(const QByteArray& bytes, QSize fit) {
    QXmlStreamReader xml(bytes);
    QRectF view;
    QPainterPath strokes;
    double width_px = 1.5;
    bool ok = true;
    while (!xml.atEnd() && ok) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto attrs = xml.attributes();
        const auto name = xml.name();
        if (name == QStringLiteral("svg")) {
            const auto box = numbers(attrs.value(QStringLiteral("viewBox")));
            if (box.size() == 4)
                view = QRectF(box[0], box[1], box[2], box[3]);
            else {
                const auto w = numbers(attrs.value(QStringLiteral("width")));
                const auto h = numbers(attrs.value(QStringLiteral("height")));
                if (!w.empty() && !h.empty())
                    view = QRectF(0, 0, w[0], h[0]);
            }
        } else if (name == QStringLiteral("path")) {
            ok = add_path(strokes, attrs.value(QStringLiteral("d")).toString());
            if (const auto w = numbers(attrs.value(QStringLiteral("stroke-width"))); !w.empty())
                width_px = w[0];
        } else if (name == QStringLiteral("polyline") || name == QStringLiteral("line")) {
            std::vector<double> p;
            if (name == QStringLiteral("line"))
                for (const char* key : {"x1", "y1", "x2", "y2"})
                    for (double v : numbers(attrs.value(QString::fromLatin1(key))))
                        p.push_back(v);
            else
                p = numbers(attrs.value(QStringLiteral("points")));
            for (std::size_t i = 0; i + 1 < p.size(); i += 2) {
                if (i == 0)
                    strokes.moveTo(p[i], p[i + 1]);
                else
                    strokes.lineTo(p[i], p[i + 1]);
            }
        }
    }
    if (!ok || xml.hasError() || strokes.isEmpty())
        return {};
    if (!view.isValid())
        view = strokes.boundingRect().adjusted(-2, -2, 2, 2);
    QSize size = view.size().toSize().scaled(fit, Qt::KeepAspectRatio);
    if (size.isEmpty())
        return {};
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    const double scale = size.width() / view.width();
    painter.scale(scale, scale);
    painter.translate(-view.topLeft());
    QPen pen(Qt::black, std::max(width_px, 1.0 / scale));
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(strokes);
    painter.end();
    return image;
}

} // namespace

QImage SignatureImage::render(std::span<const std::uint8_t> bytes, std::string_view mime,
                              QSize fit) {
    const QByteArray data(reinterpret_cast<const char*>(bytes.data()),
                          static_cast<qsizetype>(bytes.size()));
    if (mime == "image/svg+xml")
        return render_svg(data, fit);
    QImage image;
    if (!image.loadFromData(data, "PNG"))
        return {};
    if (image.width() > fit.width() || image.height() > fit.height())
        image = image.scaled(fit, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    return image;
}

std::string SignatureImage::strokes_svg(const std::vector<QPolygonF>& strokes, QSizeF size) {
    const auto num = [](double v) { return QString::number(std::round(v * 10) / 10, 'f', 1); };
    // On each path: the renderer above (and any other) reads the width from the path itself.
    const QString style = QStringLiteral("fill=\"none\" stroke=\"#000\" stroke-width=\"3\" "
                                         "stroke-linecap=\"round\" stroke-linejoin=\"round\"");
    QString paths;
    for (const QPolygonF& stroke : strokes) {
        if (stroke.isEmpty())
            continue;
        QString d = QStringLiteral("M") + num(stroke[0].x()) + u' ' + num(stroke[0].y());
        if (stroke.size() == 1)
            d += QStringLiteral(" l0.1 0");
        for (qsizetype i = 1; i < stroke.size(); ++i)
            d += QStringLiteral(" L") + num(stroke[i].x()) + u' ' + num(stroke[i].y());
        paths +=
            QStringLiteral("<path d=\"") + d + QStringLiteral("\" ") + style + QStringLiteral("/>");
    }
    if (paths.isEmpty() || size.isEmpty())
        return {};
    const QString svg = QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ") +
                        num(size.width()) + u' ' + num(size.height()) + QStringLiteral("\">") +
                        paths + QStringLiteral("</svg>");
    return svg.toStdString();
}

} // namespace fi::platform
