// The real app, offscreen, driven through a whole inspection against the real reference
// server (a child process with its demo data): first-run sign-in and PIN, Today, the Target
// page, starting with two certified officers present, every checkpoint answered through its
// editor, a fail with its finding and photo, a general photo, the outcome, completion, the
// same-day upload — then the server is asked what it received, photos included. A leader's
// re-draw runs on a second tablet. Every page is saved as a PNG in FI_SCREENSHOT_DIR.
#include "qml/application.h"
#include "qml/assignmentlistmodel.h"
#include "qml/checklistmodel.h"
#include "qml/inspectioneditor.h"
#include "qml/problemlistmodel.h"
#include "qml/session.h"
#include "qml/synccontroller.h"
#include "support/command.h"
#include "support/serverprocess.h"

#include <QDir>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>
#include <cstdio>
#include <memory>

Q_IMPORT_QML_PLUGIN(FieldInspectPlugin)

using namespace fi;
using namespace fi::app;

namespace {

const QString pin = QStringLiteral("246813");

/// The app's window and the pages in it, found by object name.
class Driver {
public:
    explicit Driver(Application& app) : app_(app) {}

    QQuickWindow* window() const { return app_.window(); }

    QQuickItem* page() const { return window()->property("currentPage").value<QQuickItem*>(); }
    QString page_name() const {
        QQuickItem* p = page();
        return p ? p->property("pageName").toString() : QString();
    }
    bool page_ready() const {
        QQuickItem* p = page();
        return p && p->property("ready").toBool();
    }
    /// Wait until `name` is the current page and shows its data.
    bool stack_busy() const {
        auto* stack = window()->findChild<QQuickItem*>(QStringLiteral("stack"));
        Q_ASSERT(stack);
        return stack->property("busy").toBool();
    }
    /// Wait until `name` is the current page, shows its data and stands still (no transition).
    bool wait_page(const QString& name, int ms = 15000) const {
        if (QTest::qWaitFor([&] { return page_name() == name && page_ready() && !stack_busy(); },
                            ms))
            return true;
        qWarning("waited for page %s; on page %s (ready %d); session error: %s", qPrintable(name),
                 qPrintable(page_name()), page_ready(), qPrintable(app_.session().error()));
        return false;
    }

    /// A visible item by object name: on the current page first (a page leaving in a
    /// transition is still visible), then anywhere in the window (popups, the app bar).
    QQuickItem* find(const QString& name) const {
        if (QQuickItem* hit = find_in(page(), name))
            return hit;
        return find_in(window()->contentItem(), name);
    }
    static QQuickItem* find_in(QQuickItem* root, const QString& name) {
        if (!root)
            return nullptr;
        if (root->objectName() == name && root->isVisible())
            return root;
        for (QQuickItem* child : root->childItems())
            if (QQuickItem* hit = find_in(child, name))
                return hit;
        return nullptr;
    }
    QQuickItem* wait_find(const QString& name, int ms = 5000) const {
        QQuickItem* hit = nullptr;
        if (!QTest::qWaitFor([&] { return (hit = find(name)) != nullptr; }, ms))
            return nullptr;
        return hit;
    }

    /// Tap an item in its middle, as a finger would.
    bool tap(QQuickItem* item) const {
        if (!item)
            return false;
        const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
        QTest::mouseClick(window(), Qt::LeftButton, {}, centre.toPoint());
        return true;
    }
    bool tap(const QString& name) const { return tap(wait_find(name)); }

    /// Type into a text field found by object name (its TextField child for FiTextField).
    bool type(const QString& name, const QString& text) const {
        QQuickItem* field = wait_find(name);
        if (!field)
            return false;
        if (QQuickItem* input = field->property("input").value<QQuickItem*>())
            field = input;
        tap(field);
        field->forceActiveFocus();
        const QString before = field->property("text").toString();
        keys(text);
        if (field->property("text").toString() != before + text) {
            qWarning("typing into %s gave \"%s\"", qPrintable(name),
                     qPrintable(field->property("text").toString()));
            return false;
        }
        return true;
    }

    /// Key presses into the focused item (QTest::keyClicks is for widgets only).
    void keys(const QString& text) const {
        for (const QChar c : text)
            QTest::keyClick(window(), c.toLatin1());
    }

    void screenshot(const QString& name) const {
        QTest::qWait(300); // thumbnails and fonts settle
        QDir().mkpath(QStringLiteral(FI_SCREENSHOT_DIR));
        const QImage shot = window()->grabWindow();
        QVERIFY2(shot.save(QStringLiteral(FI_SCREENSHOT_DIR "/") + name + QStringLiteral(".png")),
                 qPrintable(name));
    }

    /// Wait until a popup (dialog, menu) of the current page is fully open.
    bool wait_popup(const QString& name, int ms = 5000) const {
        return QTest::qWaitFor(
            [&] {
                QObject* popup = window()->findChild<QObject*>(name);
                return popup && popup->property("opened").toBool();
            },
            ms);
    }

    template <class T> T* object(const QString& name) const {
        return page() ? page()->findChild<T*>(name) : nullptr;
    }

private:
    Application& app_;
};

AppOptions options_for(const QString& data, const std::string& server) {
    AppOptions o;
    o.data_dir = data.toStdString();
    o.server_url = QString::fromStdString(server);
    o.language = QStringLiteral("zh_CN");
    o.nmea_replay = std::filesystem::path(FI_ASSETS_DIR) / "demo" / "ezhou-walk.nmea";
    o.nmea_interval = std::chrono::milliseconds(2);
    return o;
}

} // namespace

class TestEndToEnd : public QObject {
    Q_OBJECT
private:
    QTemporaryDir central_;
    std::unique_ptr<test::ServerProcess> server_;

private Q_SLOTS:
    void initTestCase() {
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
        QQuickStyle::setStyle(QStringLiteral("Material"));
        server_ = std::make_unique<test::ServerProcess>(
            std::filesystem::path(central_.path().toStdString()) / "central",
            std::vector<std::string>{"--demo"});
    }

    void a_whole_inspection_reaches_the_central_system() {
        QTemporaryDir tablet;
        Application app(options_for(tablet.path(), server_->base_url()));
        QVERIFY(app.load());
        Driver d(app);

        // First run: sign in online, then choose the PIN.
        QVERIFY(d.wait_page(QStringLiteral("signin")));
        d.screenshot(QStringLiteral("01-sign-in"));
        QVERIFY(d.type(QStringLiteral("username"), QStringLiteral("inspector1")));
        QVERIFY(d.type(QStringLiteral("password"), QStringLiteral("demo1234")));
        QVERIFY(d.tap(QStringLiteral("signInButton")));
        QTRY_VERIFY_WITH_TIMEOUT(app.session().pinPending(), 15000);
        QVERIFY(d.type(QStringLiteral("newPin"), pin));
        QVERIFY(d.type(QStringLiteral("newPinRepeat"), pin));
        d.screenshot(QStringLiteral("02-choose-pin"));
        QVERIFY(d.tap(QStringLiteral("choosePinButton")));

        // Today, after the first pull.
        QVERIFY(d.wait_page(QStringLiteral("today")));
        auto* list = d.object<AssignmentListModel>(QStringLiteral("assignments"));
        QVERIFY(list);
        QTRY_VERIFY_WITH_TIMEOUT(list->rowCount() > 0, 20000);
        d.screenshot(QStringLiteral("03-today"));

        // The first on-site assignment: tap its card.
        QString assignment;
        for (int i = 0; i < list->rowCount() && assignment.isEmpty(); ++i)
            if (list->data(list->index(i), AssignmentListModel::ModeRole).toString() ==
                QLatin1String("onsite"))
                assignment =
                    list->data(list->index(i), AssignmentListModel::AssignmentIdRole).toString();
        QVERIFY(!assignment.isEmpty());
        auto* listView = d.find(QStringLiteral("assignmentList"));
        QVERIFY(listView);
        QQuickItem* card = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto items =
                    listView->property("contentItem").value<QQuickItem*>()->childItems();
                for (QQuickItem* it : items)
                    if (it->property("assignmentId").toString() == assignment && it->isVisible())
                        card = it;
                return card != nullptr;
            }(),
            5000);
        QVERIFY(d.tap(card));

        // Target: the draw verifies; start with two certified officers present.
        QVERIFY(d.wait_page(QStringLiteral("target")));
        d.screenshot(QStringLiteral("04-target"));
        QVERIFY(d.tap(QStringLiteral("startButton")));
        QVERIFY(d.wait_popup(QStringLiteral("startDialog")));
        QVariantList team = d.page()
                                ->findChild<QObject*>(QStringLiteral("assignmentDetail"))
                                ->property("team")
                                .toList();
        for (const auto& m : team) {
            const auto member = m.toMap();
            if (member.value(QStringLiteral("certified")).toBool() &&
                !member.value(QStringLiteral("isSelf")).toBool())
                QVERIFY(d.tap(QStringLiteral("present_") +
                              member.value(QStringLiteral("inspectorId")).toString()));
        }
        d.screenshot(QStringLiteral("05-start-dialog"));
        QTRY_VERIFY(d.find(QStringLiteral("confirmStart"))->isEnabled());
        QVERIFY(d.tap(QStringLiteral("confirmStart")));

        // Checklist: every checkpoint through its own editor.
        QVERIFY(d.wait_page(QStringLiteral("checklist")));
        auto* editor = d.object<InspectionEditor>(QStringLiteral("inspectionEditor"));
        QVERIFY(editor);
        QTRY_VERIFY_WITH_TIMEOUT(editor->hasLocation(), 10000);
        d.screenshot(QStringLiteral("06-checklist"));
        ChecklistModel* model = editor->checklist();
        QQuickItem* checklistView = d.find(QStringLiteral("checklist"));
        bool failed = false;
        QString finding;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex idx = model->index(row); // every row is a checkpoint
            // In the middle, clear of the item's header held at the top (it keeps its taps).
            QMetaObject::invokeMethod(checklistView, "positionViewAtIndex", Q_ARG(int, row),
                                      Q_ARG(int, 1 /* ListView.Center */));
            QTest::qWait(100); // rows above may still change height
            const QString cp = model->data(idx, ChecklistModel::CheckpointIdRole).toString();
            const QString kind = model->data(idx, ChecklistModel::KindRole).toString();
            if (kind == QLatin1String("pass_fail")) {
                QQuickItem* buttons = d.wait_find(QStringLiteral("passFail_") + cp);
                QVERIFY2(buttons, qPrintable(cp));
                const bool fail_here =
                    !failed && model->data(idx, ChecklistModel::PhotoOnFailRole).toBool();
                QVERIFY(d.tap(Driver::find_in(buttons, fail_here ? QStringLiteral("answer_fail")
                                                                 : QStringLiteral("answer_pass"))));
                if (fail_here) {
                    failed = true;
                    QVERIFY(d.wait_popup(QStringLiteral("findingDialog")));
                    d.find(QStringLiteral("findingText"))->forceActiveFocus();
                    d.keys(QStringLiteral("outfall sign missing"));
                    d.screenshot(QStringLiteral("07-finding"));
                    QVERIFY(d.tap(QStringLiteral("findingAddPhoto")));
                    QVERIFY(d.wait_page(QStringLiteral("photos")));
                    finding = d.page()->property("findingId").toString();
                    QVERIFY(!finding.isEmpty());
                    // What the file dialog hands over on this machine (no camera here).
                    const QUrl photo = QUrl::fromLocalFile(
                        QStringLiteral(FI_SOURCE_DIR "/docs/examples/outfall.jpg"));
                    QVERIFY(QMetaObject::invokeMethod(editor, "importPhoto", Q_ARG(QUrl, photo),
                                                      Q_ARG(QString, finding)));
                    QTRY_COMPARE_WITH_TIMEOUT(editor->photoCount(), 1, 15000);
                    QVERIFY(QMetaObject::invokeMethod(editor, "importPhoto", Q_ARG(QUrl, photo),
                                                      Q_ARG(QString, QString())));
                    QTRY_COMPARE_WITH_TIMEOUT(editor->photoCount(), 2, 15000);
                    d.screenshot(QStringLiteral("08-photos"));
                    QQuickItem* grid = d.find(QStringLiteral("photoGrid"));
                    QVERIFY(grid);
                    QQuickItem* first = nullptr;
                    QTRY_VERIFY([&] {
                        for (QQuickItem* it :
                             grid->property("contentItem").value<QQuickItem*>()->childItems())
                            if (it->property("photoId").isValid())
                                first = it;
                        return first != nullptr;
                    }());
                    QVERIFY(d.tap(first));
                    QVERIFY(d.wait_page(QStringLiteral("photo")));
                    QTRY_VERIFY(d.find(QStringLiteral("fullPhoto"))->property("status").toInt() ==
                                1 /* Image.Ready */);
                    d.screenshot(QStringLiteral("09-photo-viewer"));
                    QVERIFY(d.tap(QStringLiteral("backButton")));
                    QVERIFY(d.wait_page(QStringLiteral("photos")));
                    QVERIFY(d.tap(QStringLiteral("backButton")));
                    QVERIFY(d.wait_page(QStringLiteral("checklist")));
                    checklistView = d.find(QStringLiteral("checklist"));
                    QMetaObject::invokeMethod(checklistView, "positionViewAtIndex", Q_ARG(int, row),
                                              Q_ARG(int, 1 /* ListView.Center */));
                    QTest::qWait(100);
                }
            } else if (kind == QLatin1String("number")) {
                QVERIFY(d.type(QStringLiteral("number_") + cp, QStringLiteral("12")));
            } else if (kind == QLatin1String("choice")) {
                QVERIFY(d.tap(QStringLiteral("choice_") + cp + QStringLiteral("_0")));
            } else {
                QVERIFY(d.type(QStringLiteral("text_") + cp, QStringLiteral("ledger complete")));
            }
            QTRY_VERIFY2(model->data(model->index(row), ChecklistModel::AnsweredRole).toBool(),
                         qPrintable(cp + QStringLiteral(" (") + kind + QStringLiteral(")")));
        }
        QVERIFY(failed);
        QCOMPARE(editor->requiredAnswered(), editor->requiredTotal());
        d.screenshot(QStringLiteral("10-checklist-answered"));

        // Complete: the outcome the fail allows, then lock it.
        QVERIFY(d.tap(QStringLiteral("completeButton")));
        QVERIFY(d.wait_page(QStringLiteral("complete")));
        QVERIFY(d.tap(QStringLiteral("outcome_rectification_ordered")));
        QTRY_COMPARE(editor->outcome(), QStringLiteral("rectification_ordered"));
        QVERIFY(QMetaObject::invokeMethod(editor, "checkProblems"));
        QTest::qWait(500);
        d.screenshot(QStringLiteral("11-complete"));
        QTRY_VERIFY2_WITH_TIMEOUT(d.find(QStringLiteral("completeNow"))->isEnabled(),
                                  qPrintable(editor->problems()->codes().join(QLatin1Char(','))),
                                  10000);
        QVERIFY(d.tap(QStringLiteral("completeNow")));
        QObject* confirm = d.page()->findChild<QObject*>(QStringLiteral("confirmComplete"));
        QVERIFY(confirm);
        QTRY_VERIFY(confirm->property("opened").toBool());
        QMetaObject::invokeMethod(confirm, "accept");
        QTRY_COMPARE_WITH_TIMEOUT(editor->state(), QStringLiteral("completed"), 10000);
        QTRY_VERIFY(!confirm->property("visible").toBool()); // its modal shade takes taps
        const QString record = editor->recordId();

        // The same-day upload starts by itself; the Sync page shows it through.
        QVERIFY(d.tap(QStringLiteral("syncButton")));
        QVERIFY(d.wait_page(QStringLiteral("sync")));
        QTRY_VERIFY_WITH_TIMEOUT(app.sync().unsent() == 0 && !app.sync().syncing(), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(editor->state(), QStringLiteral("completed"), 1000);
        d.screenshot(QStringLiteral("12-sync"));

        // The central system has the record and both photos, whole.
        const std::string lines =
            test::run_command(
                test::server_binary().string() + " admin --data " +
                (std::filesystem::path(central_.path().toStdString()) / "central").string() +
                " inspections")
                .out;
        bool seen = false;
        std::size_t at = 0;
        while (at < lines.size()) {
            const auto end = lines.find('\n', at);
            const std::string line = lines.substr(at, end - at);
            if (line.find(record.toStdString()) != std::string::npos) {
                seen = true;
                QVERIFY2(line.find(" photos 2/2") != std::string::npos, line.c_str());
            }
            at = end == std::string::npos ? lines.size() : end + 1;
        }
        QVERIFY2(seen, lines.c_str());

        // Settings, Today again (portrait too), lock and unlock.
        QVERIFY(d.tap(QStringLiteral("menuButton")));
        QTest::qWait(400); // the menu opens
        QVERIFY(d.tap(QStringLiteral("menuSettings")));
        QVERIFY(d.wait_page(QStringLiteral("settings")));
        d.screenshot(QStringLiteral("13-settings"));
        for (int i = 0; i < 8 && d.page_name() != QLatin1String("today"); ++i) {
            QVERIFY(d.tap(QStringLiteral("backButton")));
            QTRY_VERIFY(!d.stack_busy());
        }
        QVERIFY(d.wait_page(QStringLiteral("today")));
        d.window()->resize(800, 1280);
        QTest::qWait(200);
        d.screenshot(QStringLiteral("14-today-portrait"));
        d.window()->resize(1280, 800);
        QVERIFY(d.tap(QStringLiteral("menuButton")));
        QTest::qWait(400);
        QVERIFY(d.tap(QStringLiteral("menuLock")));
        QVERIFY(d.wait_page(QStringLiteral("unlock")));
        d.screenshot(QStringLiteral("15-unlock"));
        QVERIFY(d.type(QStringLiteral("pin"), pin));
        QVERIFY(d.tap(QStringLiteral("unlockButton")));
        QVERIFY(d.wait_page(QStringLiteral("today")));
    }

    void a_leader_asks_for_a_new_draw() {
        QTemporaryDir tablet;
        AppOptions o = options_for(tablet.path(), server_->base_url());
        o.username = QStringLiteral("leader1");
        o.password = QStringLiteral("demo1234");
        o.pin = pin;
        Application app(std::move(o));
        QVERIFY(app.load());
        Driver d(app);
        QVERIFY(d.wait_page(QStringLiteral("today")));
        auto* list = d.object<AssignmentListModel>(QStringLiteral("assignments"));
        QTRY_VERIFY_WITH_TIMEOUT(list->rowCount() > 0, 20000);
        // A general assignment this leader leads without inspector1 (who may have inspected
        // the other one in the first test; the central system refuses to re-draw those).
        QString id;
        for (int i = 0; i < list->rowCount() && id.isEmpty(); ++i)
            if (list->data(list->index(i), AssignmentListModel::CategoryRole).toString() ==
                    QLatin1String("general") &&
                !list->data(list->index(i), AssignmentListModel::TeamRole)
                     .toString()
                     .contains(QStringLiteral("孟华嘉")))
                id = list->data(list->index(i), AssignmentListModel::AssignmentIdRole).toString();
        QVERIFY(!id.isEmpty());
        QMetaObject::invokeMethod(d.window(), "openTarget", Q_ARG(QString, id));
        QVERIFY(d.wait_page(QStringLiteral("target")));
        d.screenshot(QStringLiteral("16-target-leader"));
        QVERIFY(d.tap(QStringLiteral("redrawButton")));
        QVERIFY(d.wait_page(QStringLiteral("redraw")));
        QVERIFY(d.tap(QStringLiteral("reason_conflict")));
        QVERIFY(d.type(QStringLiteral("redrawNote"), QStringLiteral("relative works there")));
        d.screenshot(QStringLiteral("17-redraw"));
        QVERIFY(d.tap(QStringLiteral("requestRedraw")));
        QVERIFY(d.wait_find(QStringLiteral("redrawDone"), 20000));
        QObject* redraw = d.page()->findChild<QObject*>(QStringLiteral("redraw"));
        QVERIFY(redraw->property("done").toBool());
        QVERIFY2(redraw->property("error").toString().isEmpty(),
                 qPrintable(redraw->property("error").toString()));
        d.screenshot(QStringLiteral("18-redraw-result"));
    }
};

QTEST_MAIN(TestEndToEnd)
#include "test_e2e.moc"
