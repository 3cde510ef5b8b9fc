// The Theme's colours against WCAG 2.1 contrast goals (issue 22): the standard theme AA
// everywhere (text 4.5:1, edges 3:1), the outdoor theme for sunlight (text 7:1, edges 3:1,
// 2 px borders); and the display settings (outdoor theme, text size 100–150 %) reaching the
// Theme at once and kept across restarts.
#include "qml/preferences.h"
#include "qml/preferencesforeign.h"
#include "qml/theme.h"

#include <QMetaProperty>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

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
    QString name;
    QColor fore, back;
};

// The Theme's colours as QML reads them: every QColor property of the singleton's class, by
// name, so a colour added to the Theme is checked without touching this test.
std::map<QString, QColor> colours(const Theme& theme) {
    std::map<QString, QColor> out;
    const QMetaObject* mo = theme.metaObject();
    for (int i = mo->propertyOffset(); i < mo->propertyCount(); ++i) {
        const QMetaProperty p = mo->property(i);
        if (p.metaType() == QMetaType::fromType<QColor>())
            out.emplace(QString::fromLatin1(p.name()), p.read(&theme).value<QColor>());
    }
    return out;
}

QColor invoke(const Theme& theme, const char* method, const QString& arg) {
    QColor out;
    if (!QMetaObject::invokeMethod(const_cast<Theme*>(&theme), method, Q_RETURN_ARG(QColor, out),
                                   Q_ARG(QString, arg)))
        qFatal("Theme has no %s", method);
    return out;
}

const QStringList states = {
    QStringLiteral("not_started"), QStringLiteral("draft"),     QStringLiteral("pending"),
    QStringLiteral("uploading"),   QStringLiteral("completed"), QStringLiteral("uploaded"),
    QStringLiteral("late"),        QStringLiteral("attention"), QStringLiteral("parked")};
const QStringList categories = {QStringLiteral("key"), QStringLiteral("general"),
                                QStringLiteral("special")};

bool is_surface(const QString& name) {
    return name == QLatin1String("background") || name == QLatin1String("surface") ||
           name.endsWith(QLatin1String("Surface"));
}

// Text: every colour the pages write in (all but surfaces, edges, the scrim and the text on
// filled buttons), the state and category colours, on every surface; the text on filled
// buttons on every colour a button is filled with, pressed (darker) too.
std::vector<Pair> text_pairs(const Theme& theme) {
    const auto all = colours(theme);
    std::vector<QString> fores, backs;
    for (const auto& [name, colour] : all) {
        if (is_surface(name))
            backs.push_back(name);
        else if (name != QLatin1String("divider") && name != QLatin1String("scrim") &&
                 name != QLatin1String("textOnPrimary"))
            fores.push_back(name);
    }
    std::vector<Pair> out;
    std::vector<std::pair<QString, QColor>> fore_colours;
    for (const auto& f : fores)
        fore_colours.emplace_back(f, all.at(f));
    for (const auto& c : categories)
        fore_colours.emplace_back(QStringLiteral("category ") + c,
                                  invoke(theme, "categoryColor", c));
    for (const auto& st : states)
        fore_colours.emplace_back(QStringLiteral("state ") + st, invoke(theme, "stateColor", st));
    std::vector<std::pair<QString, QColor>> back_colours;
    for (const auto& b : backs)
        back_colours.emplace_back(b, all.at(b));
    for (const auto& st : states)
        back_colours.emplace_back(QStringLiteral("state surface ") + st,
                                  invoke(theme, "stateSurface", st));
    for (const auto& [fn, fc] : fore_colours)
        for (const auto& [bn, bc] : back_colours)
            out.push_back({fn + QStringLiteral(" on ") + bn, fc, bc});
    for (const char* filled : {"primary", "danger"}) {
        const QColor fill = all.at(QLatin1String(filled));
        out.push_back({QStringLiteral("text on a ") + QLatin1String(filled) + " button",
                       all.at(QStringLiteral("textOnPrimary")), fill});
        out.push_back({QStringLiteral("text on a pressed ") + QLatin1String(filled) + " button",
                       all.at(QStringLiteral("textOnPrimary")), fill.darker(120)});
    }
    return out;
}

// Edges that tell one thing from another: cards, fields, chips and the progress track
// (divider), on every surface they are drawn on.
std::vector<Pair> edge_pairs(const Theme& theme) {
    const auto all = colours(theme);
    std::vector<Pair> out;
    for (const auto& [name, colour] : all)
        if (is_surface(name))
            out.push_back(
                {QStringLiteral("edge on ") + name, all.at(QStringLiteral("divider")), colour});
    return out;
}

void check(const Theme& theme, double text_goal, double edge_goal) {
    const auto texts = text_pairs(theme);
    QVERIFY(texts.size() > 100); // every colour on every surface: the enumeration found them
    for (const Pair& pair : texts) {
        const double ratio = contrast(pair.fore, pair.back);
        if (ratio < text_goal)
            QFAIL(qPrintable(QStringLiteral("%1: %2 on %3 is %4:1, under %5:1")
                                 .arg(pair.name, pair.fore.name(), pair.back.name())
                                 .arg(ratio, 0, 'f', 2)
                                 .arg(text_goal)));
    }
    const auto edges = edge_pairs(theme);
    QVERIFY(edges.size() >= 7);
    for (const Pair& pair : edges) {
        const double ratio = contrast(pair.fore, pair.back);
        if (ratio < edge_goal)
            QFAIL(qPrintable(QStringLiteral("%1: %2 on %3 is %4:1, under %5:1")
                                 .arg(pair.name, pair.fore.name(), pair.back.name())
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

    void the_standard_theme_is_aa() {
        Theme theme;
        theme.apply(false, 1.0);
        QVERIFY(!theme.outdoor());
        check(theme, 4.5, 3.0);
    }

    void the_outdoor_theme_reads_in_sunlight() {
        Theme theme;
        theme.apply(true, 1.0);
        QVERIFY(theme.outdoor());
        check(theme, 7.0, 3.0);
        QVERIFY(theme.borderWidth() >= 2);
    }

    // The check itself: a colour under the goal fails it (the old card edge, 1.09:1).
    void a_pair_under_the_goal_is_found() {
        Theme theme;
        const auto pairs = edge_pairs(theme);
        const auto on_surface = std::find_if(pairs.begin(), pairs.end(), [](const Pair& p) {
            return p.name == QLatin1String("edge on surface");
        });
        QVERIFY(on_surface != pairs.end());
        QVERIFY(contrast(on_surface->fore, on_surface->back) >= 3.0);
        QVERIFY(contrast(QColor(0xe6, 0xe8, 0xeb), on_surface->back) < 3.0);
    }

    // The device's text size multiplies the user's, held at 150 %.
    void the_device_text_size_is_followed() {
        Theme theme;
        theme.set_system_text_scale(1.0);
        theme.apply(false, 1.0);
        QCOMPARE(theme.fontBody(), 16);
        QSignalSpy changed(&theme, &Theme::changed);
        theme.set_system_text_scale(1.3);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(theme.systemTextScale(), 1.3);
        QCOMPARE(theme.fontBody(), 21);
        QCOMPARE(theme.touchTarget(), 62);
        theme.apply(false, 1.25);
        QCOMPARE(theme.textScale(), 1.5);
        QCOMPARE(theme.fontBody(), 24);
        theme.set_system_text_scale(0.8); // smaller than normal: the app keeps its own sizes
        QCOMPARE(theme.systemTextScale(), 1.0);
        QCOMPARE(theme.fontBody(), 20);
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
