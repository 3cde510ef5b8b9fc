// The Theme's colours against WCAG 2.1 contrast goals (issue 22): the standard theme AA
// everywhere (text 4.5:1, edges 3:1), the outdoor theme for sunlight (text 7:1, edges 3:1,
// 2 px borders); and the display settings (outdoor theme, text size 100–150 %) reaching the
// Theme at once and kept across restarts.
#include "qml/preferences.h"
#include "qml/preferencesforeign.h"
#include "qml/theme.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace fi::app;

namespace {

// WCAG 2.1 relative luminance and contrast ratio.
double channel(double c) {
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
double luminance(const QColor& c) {
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}
double contrast(const QColor& a, const QColor& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

struct Pair {
    const char* name;
    QColor fore, back;
};

// Every colour the pages write text in, on every surface it is written on.
std::vector<Pair> text_pairs(const Theme::Palette& p) {
    return {{"text on background", p.text, p.background},
            {"text on surface", p.text, p.surface},
            {"secondary text on background", p.textSecondary, p.background},
            {"secondary text on surface", p.textSecondary, p.surface},
            {"text on primary", p.textOnPrimary, p.primary},
            {"primary on surface", p.primary, p.surface},
            {"primary on background", p.primary, p.background},
            {"danger on surface", p.danger, p.surface},
            {"danger on its surface", p.danger, p.dangerSurface},
            {"warning on surface", p.warning, p.surface},
            {"warning on its surface", p.warning, p.warningSurface},
            {"success on surface", p.success, p.surface},
            {"success on its surface", p.success, p.successSurface},
            {"info on surface", p.info, p.surface},
            {"info on its surface", p.info, p.infoSurface},
            {"neutral on surface", p.neutral, p.surface},
            {"neutral on its surface", p.neutral, p.neutralSurface},
            {"special category on surface", p.special, p.surface}};
}

// Every edge that tells one thing from another: cards, fields, chips, the progress track.
std::vector<Pair> edge_pairs(const Theme::Palette& p) {
    return {{"edge on background", p.divider, p.background},
            {"edge on surface", p.divider, p.surface},
            {"edge on a neutral surface", p.divider, p.neutralSurface},
            {"selected edge on surface", p.primary, p.surface}};
}

void check(const Theme::Palette& palette, double text_goal, double edge_goal) {
    for (const Pair& pair : text_pairs(palette)) {
        const double ratio = contrast(pair.fore, pair.back);
        if (ratio < text_goal)
            QFAIL(qPrintable(QStringLiteral("%1: %2 on %3 is %4:1, under %5:1")
                                 .arg(QLatin1String(pair.name), pair.fore.name(), pair.back.name())
                                 .arg(ratio, 0, 'f', 2)
                                 .arg(text_goal)));
    }
    for (const Pair& pair : edge_pairs(palette)) {
        const double ratio = contrast(pair.fore, pair.back);
        if (ratio < edge_goal)
            QFAIL(qPrintable(QStringLiteral("%1: %2 on %3 is %4:1, under %5:1")
                                 .arg(QLatin1String(pair.name), pair.fore.name(), pair.back.name())
                                 .arg(ratio, 0, 'f', 2)
                                 .arg(edge_goal)));
    }
}

} // namespace

class TestTheme : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void the_formula_is_wcags() {
        QCOMPARE(qRound(contrast(Qt::black, Qt::white) * 100), 2100);
        QCOMPARE(qRound(contrast(QColor(0x76, 0x76, 0x76), Qt::white) * 100), 454);
        QCOMPARE(contrast(Qt::white, Qt::white), 1.0);
    }

    void the_standard_theme_is_aa() { check(Theme::standard_palette(), 4.5, 3.0); }

    void the_outdoor_theme_reads_in_sunlight() {
        check(Theme::outdoor_palette(), 7.0, 3.0);
        QVERIFY(Theme::outdoor_palette().borderWidth >= 2);
    }

    void the_theme_follows_the_display_settings() {
        QTemporaryDir dir;
        Preferences prefs(dir.path().toStdString());
        PreferencesForeign::instance = &prefs;
        Theme theme;
        PreferencesForeign::instance = nullptr;
        QCOMPARE(theme.fontBody(), 16);
        QCOMPARE(theme.touchTarget(), 48);
        QCOMPARE(theme.text(), Theme::standard_palette().text);
        QSignalSpy changed(&theme, &Theme::changed);

        prefs.setTextScalePercent(150);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(theme.fontBody(), 24);
        QCOMPARE(theme.touchTarget(), 72);
        QCOMPARE(theme.spacing(), 8); // spacing stays: only text and touch sizes grow

        prefs.setOutdoorTheme(true);
        QCOMPARE(changed.count(), 2);
        QVERIFY(theme.outdoor());
        QCOMPARE(theme.text(), Theme::outdoor_palette().text);
        QCOMPARE(theme.borderWidth(), 2);
        QCOMPARE(theme.stateColor(QStringLiteral("late")), Theme::outdoor_palette().danger);

        Preferences again(dir.path().toStdString());
        QVERIFY(again.outdoorTheme());
        QCOMPARE(again.textScalePercent(), 150);
    }

    void the_text_size_stays_in_its_range() {
        QTemporaryDir dir;
        Preferences prefs(dir.path().toStdString());
        prefs.setTextScalePercent(400);
        QCOMPARE(prefs.textScalePercent(), 150);
        prefs.setTextScalePercent(10);
        QCOMPARE(prefs.textScalePercent(), 100);
        prefs.setTextScalePercent(120);
        QCOMPARE(prefs.textScalePercent(), 125);
    }
};

QTEST_GUILESS_MAIN(TestTheme)
#include "test_theme.moc"
