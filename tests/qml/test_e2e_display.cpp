// Every page of the real app in the outdoor theme at 150 % text (issue 22), in Chinese and in
// English, landscape and portrait, against the real reference server: a PNG of each in
// FI_SCREENSHOT_DIR (display-<language>-<page>-<orientation>.png), and on each the item tree
// walked for what a larger text breaks — a text cut off (elided or wider or taller than its
// box), an item reaching past the window, past a clipping parent or past the layout that
// places it, two items of one layout on top of each other.
#include "appdriver.h"
#include "qml/application.h"
#include "qml/assignmentlistmodel.h"
#include "qml/preferences.h"
#include "qml/session.h"
#include "support/serverprocess.h"

#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>
#include <memory>

Q_IMPORT_QML_PLUGIN(FieldInspectPlugin)

using namespace fi;
using namespace fi::app;
using fi::test::AppDriver;

namespace {

constexpr qreal tolerance = 1.0; // sub-pixel rounding of layouts

QString describe(const QQuickItem* item) {
    QString name = QString::fromLatin1(item->metaObject()->className());
    if (!item->objectName().isEmpty())
        name += QStringLiteral(" '") + item->objectName() + QLatin1Char('\'');
    const QVariant text = item->property("text");
    if (text.isValid() && !text.toString().isEmpty())
        name += QStringLiteral(" \"") + text.toString().left(40) + QLatin1Char('"');
    return name;
}

QString rect_text(const QRectF& r) {
    return QStringLiteral("(%1,%2 %3×%4)")
        .arg(r.x(), 0, 'f', 0)
        .arg(r.y(), 0, 'f', 0)
        .arg(r.width(), 0, 'f', 0)
        .arg(r.height(), 0, 'f', 0);
}

bool shown(const QQuickItem* item) {
    return item->isVisible() && item->opacity() > 0.01;
}

// What an item must stay inside: a rectangle in scene coordinates, per direction (a
// Flickable's content may run past it in the direction it scrolls).
struct Bounds {
    QRectF rect;
    bool horizontal = true;
    bool vertical = true;
    QString owner;
};

class LayoutCheck {
public:
    QStringList problems;

    void walk(QQuickItem* item, const Bounds& bounds) {
        if (!shown(item))
            return;
        // A drop shadow (Material's elevation effect: an item holding a ShaderEffectSource)
        // is drawn past its control on purpose; it holds no content.
        for (const QQuickItem* child : item->childItems())
            if (child->inherits("QQuickShaderEffectSource"))
                return;
        const QRectF rect = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
        const bool sized = item->width() > 0 && item->height() > 0;
        if (sized) {
            check_bounds(item, rect, bounds);
            check_text(item);
        }
        if (item->inherits("QQuickLayout"))
            check_layout(item, rect);

        Bounds inner = bounds;
        if (item->inherits("QQuickFlickable")) {
            const bool scrolls_h = item->property("contentWidth").toReal() > item->width() + 1;
            const bool scrolls_v = item->property("contentHeight").toReal() > item->height() + 1;
            inner = narrowed(bounds, rect, !scrolls_h, !scrolls_v, describe(item));
        } else if (item->clip() && sized) {
            inner = narrowed(bounds, rect, true, true, describe(item));
        }
        for (QQuickItem* child : item->childItems())
            walk(child, inner);
    }

private:
    static Bounds narrowed(const Bounds& outer, const QRectF& rect, bool horizontal, bool vertical,
                           const QString& owner) {
        Bounds b;
        b.owner = owner;
        b.horizontal = horizontal;
        b.vertical = vertical;
        b.rect = rect;
        if (outer.horizontal && horizontal) {
            b.rect.setLeft(std::max(rect.left(), outer.rect.left()));
            b.rect.setRight(std::min(rect.right(), outer.rect.right()));
        }
        if (outer.vertical && vertical) {
            b.rect.setTop(std::max(rect.top(), outer.rect.top()));
            b.rect.setBottom(std::min(rect.bottom(), outer.rect.bottom()));
        }
        return b;
    }

    void check_bounds(const QQuickItem* item, const QRectF& r, const Bounds& b) {
        const bool out_h = b.horizontal && (r.left() < b.rect.left() - tolerance ||
                                            r.right() > b.rect.right() + tolerance);
        const bool out_v = b.vertical && (r.top() < b.rect.top() - tolerance ||
                                          r.bottom() > b.rect.bottom() + tolerance);
        if (out_h || out_v)
            problems << QStringLiteral("%1 %2 reaches past %3 %4")
                            .arg(describe(item), rect_text(r), b.owner, rect_text(b.rect));
    }

    void check_text(const QQuickItem* item) {
        if (!item->inherits("QQuickText"))
            return;
        if (item->property("text").toString().isEmpty())
            return;
        if (item->property("truncated").toBool())
            problems << describe(item) + QStringLiteral(" is cut off (elided)");
        const qreal cw = item->property("contentWidth").toReal();
        const qreal ch = item->property("contentHeight").toReal();
        if (cw > item->width() + tolerance)
            problems << QStringLiteral("%1 is %2 px wide in a box of %3")
                            .arg(describe(item))
                            .arg(cw, 0, 'f', 0)
                            .arg(item->width(), 0, 'f', 0);
        if (ch > item->height() + tolerance)
            problems << QStringLiteral("%1 is %2 px high in a box of %3")
                            .arg(describe(item))
                            .arg(ch, 0, 'f', 0)
                            .arg(item->height(), 0, 'f', 0);
    }

    // A layout places its children side by side or one under the other: none may reach past
    // the layout, none may lie over another.
    void check_layout(const QQuickItem* layout, const QRectF& rect) {
        QList<QPair<const QQuickItem*, QRectF>> placed;
        for (const QQuickItem* child : layout->childItems()) {
            if (!shown(child) || child->width() <= 0 || child->height() <= 0)
                continue;
            const QRectF r = child->mapRectToScene(QRectF(0, 0, child->width(), child->height()));
            if (r.left() < rect.left() - tolerance || r.right() > rect.right() + tolerance)
                problems << QStringLiteral("%1 %2 reaches past its layout %3 %4")
                                .arg(describe(child), rect_text(r), describe(layout),
                                     rect_text(rect));
            for (const auto& [other, o] : placed) {
                const QRectF overlap = r.intersected(o);
                if (overlap.width() > tolerance && overlap.height() > tolerance)
                    problems << QStringLiteral("%1 %2 lies over %3 %4")
                                    .arg(describe(child), rect_text(r), describe(other),
                                         rect_text(o));
            }
            placed.append({child, r});
        }
    }
};

struct Orientation {
    const char* name;
    int width, height;
};
constexpr Orientation orientations[] = {{"landscape", 1280, 800}, {"portrait", 800, 1280}};

} // namespace

class TestDisplay : public QObject {
    Q_OBJECT
private:
    QTemporaryDir central_;
    std::unique_ptr<test::ServerProcess> server_;
    QStringList problems_;

    // The window as it is now, in both orientations: a screenshot each, and the layout check.
    void look(AppDriver& d, const QString& language, const QString& name) {
        for (const Orientation& o : orientations) {
            d.window()->resize(o.width, o.height);
            QTest::qWait(400); // layouts settle, list delegates load
            const QString shot =
                QStringLiteral("display-%1-%2-%3").arg(language, name, QLatin1String(o.name));
            d.screenshot(shot);
            LayoutCheck check;
            Bounds window;
            window.rect = QRectF(0, 0, o.width, o.height);
            window.owner = QStringLiteral("the window");
            check.walk(d.window()->contentItem(), window);
            for (const QString& p : check.problems)
                problems_ << shot + QStringLiteral(": ") + p;
        }
        d.window()->resize(1280, 800);
        QTest::qWait(200);
    }

    static void outdoor_at_150(Application& app) {
        app.preferences().setOutdoorTheme(true);
        app.preferences().setTextScalePercent(150);
    }

private Q_SLOTS:
    void initTestCase() { server_ = test::start_e2e(central_); }

    void every_page_outdoor_at_150_percent_data() {
        QTest::addColumn<QString>("language");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
        QTest::newRow("en") << QStringLiteral("en");
    }

    void every_page_outdoor_at_150_percent() {
        QFETCH(QString, language);
        problems_.clear();

        // First run: the sign-in page.
        {
            QTemporaryDir fresh;
            Application first(test::e2e_options(fresh.path(), server_->base_url(), language));
            QVERIFY(first.load());
            outdoor_at_150(first);
            AppDriver d(first);
            QVERIFY(d.wait_page(QStringLiteral("signin")));
            look(d, language, QStringLiteral("signin"));
        }

        QTemporaryDir tablet;
        Application app(test::e2e_signed_in(tablet.path(), server_->base_url(),
                                            QStringLiteral("leader1"), language));
        QVERIFY(app.load());
        outdoor_at_150(app);
        QCOMPARE(app.preferences().textScalePercent(), 150);
        AppDriver d(app);
        AssignmentListModel* list = d.wait_today();
        QVERIFY(list);
        look(d, language, QStringLiteral("today"));

        // Target, its start dialog, the checklist.
        const QString assignment = test::first_assignment(*list, QStringLiteral("onsite"));
        QVERIFY(!assignment.isEmpty());
        QMetaObject::invokeMethod(d.window(), "openTarget", Q_ARG(QString, assignment));
        QVERIFY(d.wait_page(QStringLiteral("target")));
        look(d, language, QStringLiteral("target"));
        QVERIFY(d.tap(QStringLiteral("startButton")));
        QVERIFY(d.wait_popup(QStringLiteral("startDialog")));
        look(d, language, QStringLiteral("start-dialog"));
        QVERIFY(d.tick_team_present());
        QTRY_VERIFY(d.find(QStringLiteral("confirmStart"))->isEnabled());
        QVERIFY(d.tap(QStringLiteral("confirmStart")));
        QVERIFY(d.wait_page(QStringLiteral("checklist")));
        look(d, language, QStringLiteral("checklist"));

        // The item index, then Photos and Complete over the checklist.
        QVERIFY(d.tap(QStringLiteral("indexButton")));
        QVERIFY(d.wait_popup(QStringLiteral("itemIndex")));
        look(d, language, QStringLiteral("checklist-index"));
        QObject* index = d.window()->findChild<QObject*>(QStringLiteral("itemIndex"));
        QMetaObject::invokeMethod(index, "close");
        QTRY_VERIFY(!index->property("visible").toBool());
        QVERIFY(d.tap(QStringLiteral("photosButton")));
        QVERIFY(d.wait_page(QStringLiteral("photos")));
        look(d, language, QStringLiteral("photos"));
        QVERIFY(d.back_to(QStringLiteral("checklist")));
        QVERIFY(d.tap(QStringLiteral("completeButton")));
        QVERIFY(d.wait_page(QStringLiteral("complete")));
        look(d, language, QStringLiteral("complete"));
        QVERIFY(d.back_to(QStringLiteral("today")));

        // The pages of the menu.
        QMetaObject::invokeMethod(d.window(), "openSync");
        QVERIFY(d.wait_page(QStringLiteral("sync")));
        look(d, language, QStringLiteral("sync"));
        QMetaObject::invokeMethod(d.window(), "openSettings");
        QVERIFY(d.wait_page(QStringLiteral("settings")));
        look(d, language, QStringLiteral("settings"));
        QMetaObject::invokeMethod(d.window(), "openStatistics");
        QVERIFY(d.wait_page(QStringLiteral("statistics")));
        look(d, language, QStringLiteral("statistics"));
        QVERIFY(d.back_to(QStringLiteral("today")));

        // A leader's re-draw page.
        QMetaObject::invokeMethod(d.window(), "openRedraw", Q_ARG(QString, assignment));
        QVERIFY(d.wait_page(QStringLiteral("redraw")));
        look(d, language, QStringLiteral("redraw"));
        QVERIFY(d.back_to(QStringLiteral("today")));

        // Locked: the PIN page.
        app.session().lockNow();
        QVERIFY(d.wait_page(QStringLiteral("unlock")));
        look(d, language, QStringLiteral("unlock"));

        problems_.removeDuplicates();
        for (const QString& p : std::as_const(problems_))
            qWarning().noquote() << p;
        QVERIFY2(problems_.isEmpty(), qPrintable(QString::number(problems_.size()) +
                                                 QStringLiteral(" problems (listed above)")));
    }
};

QTEST_MAIN(TestDisplay)
#include "test_e2e_display.moc"
