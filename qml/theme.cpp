#include "qml/theme.h"

namespace fi::app {

Theme::Theme(QObject* parent) : QObject(parent) {}

QColor Theme::categoryColor(const QString& category) const {
    if (category == QLatin1String("key"))
        return danger();
    if (category == QLatin1String("special"))
        return QColor(0x6a, 0x1b, 0x9a);
    return info();
}

QColor Theme::stateColor(const QString& state) const {
    if (state == QLatin1String("draft") || state == QLatin1String("pending") ||
        state == QLatin1String("uploading"))
        return warning();
    if (state == QLatin1String("completed"))
        return info();
    if (state == QLatin1String("uploaded"))
        return success();
    if (state == QLatin1String("late") || state == QLatin1String("attention") ||
        state == QLatin1String("parked"))
        return danger();
    return neutral();
}

QColor Theme::stateSurface(const QString& state) const {
    if (state == QLatin1String("draft") || state == QLatin1String("pending") ||
        state == QLatin1String("uploading"))
        return warningSurface();
    if (state == QLatin1String("completed"))
        return infoSurface();
    if (state == QLatin1String("uploaded"))
        return successSurface();
    if (state == QLatin1String("late") || state == QLatin1String("attention") ||
        state == QLatin1String("parked"))
        return dangerSurface();
    return neutralSurface();
}

} // namespace fi::app
