#include "qml/theme.h"

#include "platform/systemtextscale.h"
#include "qml/preferencesforeign.h"

#include <algorithm>

namespace fi::app {

Theme::Palette Theme::standard_palette() {
    Palette p;
    p.primary = QColor(0x0b, 0x5c, 0xad);
    p.accent = QColor(0x00, 0x79, 0x6b);
    p.background = QColor(0xf3, 0xf5, 0xf7);
    p.surface = QColor(0xff, 0xff, 0xff);
    p.text = QColor(0x1b, 0x1f, 0x23);
    p.textSecondary = QColor(0x5a, 0x64, 0x6e);
    p.textOnPrimary = QColor(0xff, 0xff, 0xff);
    p.divider = QColor(0x7f, 0x88, 0x91);
    p.danger = QColor(0xc6, 0x28, 0x28);
    p.dangerSurface = QColor(0xfd, 0xec, 0xea);
    p.warning = QColor(0xb2, 0x4d, 0x00);
    p.warningSurface = QColor(0xff, 0xf3, 0xe0);
    p.success = QColor(0x2a, 0x7a, 0x2e);
    p.successSurface = QColor(0xe8, 0xf5, 0xe9);
    p.info = QColor(0x15, 0x65, 0xc0);
    p.infoSurface = QColor(0xe3, 0xf2, 0xfd);
    p.neutral = QColor(0x60, 0x6b, 0x75);
    p.neutralSurface = QColor(0xec, 0xef, 0xf1);
    p.special = QColor(0x6a, 0x1b, 0x9a);
    p.scrim = QColor(0, 0, 0, 0xe6);
    p.borderWidth = 1;
    return p;
}

// For sunlight: black on white, every colour darkened to 7:1 on its surface, edges at 6:1
// and two pixels wide.
Theme::Palette Theme::outdoor_palette() {
    Palette p;
    p.primary = QColor(0x0a, 0x3f, 0x7a);
    p.accent = QColor(0x00, 0x55, 0x48);
    p.background = QColor(0xff, 0xff, 0xff);
    p.surface = QColor(0xff, 0xff, 0xff);
    p.text = QColor(0x00, 0x00, 0x00);
    p.textSecondary = QColor(0x30, 0x36, 0x3c);
    p.textOnPrimary = QColor(0xff, 0xff, 0xff);
    p.divider = QColor(0x5a, 0x63, 0x6c);
    p.danger = QColor(0x8b, 0x14, 0x14);
    p.dangerSurface = QColor(0xfd, 0xec, 0xea);
    p.warning = QColor(0x7a, 0x33, 0x00);
    p.warningSurface = QColor(0xff, 0xf3, 0xe0);
    p.success = QColor(0x14, 0x50, 0x1a);
    p.successSurface = QColor(0xe8, 0xf5, 0xe9);
    p.info = QColor(0x0d, 0x47, 0xa1);
    p.infoSurface = QColor(0xe3, 0xf2, 0xfd);
    p.neutral = QColor(0x3c, 0x45, 0x4d);
    p.neutralSurface = QColor(0xec, 0xef, 0xf1);
    p.special = QColor(0x4a, 0x14, 0x8c);
    p.scrim = QColor(0, 0, 0, 0xf2);
    p.borderWidth = 2;
    return p;
}

Theme::Theme(QObject* parent) : QObject(parent) {
    set_system_text_scale(platform::system_text_scale());
    Preferences* prefs = PreferencesForeign::instance;
    if (!prefs)
        return;
    auto follow = [this, prefs] {
        apply(prefs->outdoorTheme(), prefs->textScalePercent() / 100.0);
    };
    follow();
    connect(prefs, &Preferences::displayChanged, this, follow);
}

void Theme::apply(bool outdoor, qreal text_scale) {
    update(outdoor, text_scale, system_scale_);
}

void Theme::set_system_text_scale(qreal scale) {
    update(outdoor_, user_scale_, scale);
}

void Theme::update(bool outdoor, qreal user_scale, qreal system_scale) {
    user_scale = std::clamp(user_scale, 1.0, max_text_scale);
    system_scale = std::max(system_scale, 1.0);
    const qreal scale = std::min(user_scale * system_scale, max_text_scale);
    if (outdoor == outdoor_ && qFuzzyCompare(user_scale, user_scale_) &&
        qFuzzyCompare(system_scale, system_scale_))
        return;
    outdoor_ = outdoor;
    user_scale_ = user_scale;
    system_scale_ = system_scale;
    scale_ = scale;
    palette_ = outdoor ? outdoor_palette() : standard_palette();
    Q_EMIT changed();
}

QColor Theme::categoryColor(const QString& category) const {
    if (category == QLatin1String("key"))
        return danger();
    if (category == QLatin1String("special"))
        return palette_.special;
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
