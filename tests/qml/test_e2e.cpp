// The real app, offscreen, driven through a whole inspection against the real reference
// server (a child process with its demo data): first-run sign-in and PIN, Today, the Target
// page, starting with two certified officers present, every checkpoint answered through its
// editor, a fail with its finding and two photos taken with the camera (the test camera back
// end, one shot retaken after review), the outcome, completion, the same-day upload — then the
// server is asked what it received, photos included. A tablet locked with pages open comes
// back to them. A leader's re-draw runs on a second tablet. Every page is saved as a PNG in
// FI_SCREENSHOT_DIR.
#include "appdriver.h"
#include "qml/application.h"
#include "qml/assignmentdetail.h"
#include "qml/assignmentlistmodel.h"
#include "qml/checklistcontroller.h"
#include "qml/checklistmodel.h"
#include "qml/completioncontroller.h"
#include "qml/openrecord.h"
#include "qml/photocontroller.h"
#include "qml/session.h"
#include "support/serverprocess.h"

#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>
#include <algorithm>
#include <cmath>
#include <memory>

Q_IMPORT_QML_PLUGIN(FieldInspectPlugin)

using namespace fi;
using namespace fi::app;
using fi::test::AppDriver;

namespace {

// The Flickable of a page's ScrollView.
QQuickItem* scroller(QQuickItem* page) {
    for (QQuickItem* item : page->findChildren<QQuickItem*>())
        if (item->inherits("QQuickFlickable") && item->isVisible() &&
            item->height() > page->height() / 2)
            return item;
    return nullptr;
}

} // namespace

class TestEndToEnd : public QObject {
    Q_OBJECT
private:
    QTemporaryDir central_;
    std::unique_ptr<test::ServerProcess> server_;

private Q_SLOTS:
    void initTestCase() { server_ = test::start_e2e(central_); }

    void a_whole_inspection_reaches_the_central_system() {
        QTemporaryDir tablet;
        Application app(test::e2e_options(tablet.path(), server_->base_url()));
        QVERIFY(app.load());
        AppDriver d(app);

        // First run: sign in online, then choose the PIN.
        QVERIFY(d.wait_page(QStringLiteral("signin")));
        d.screenshot(QStringLiteral("01-sign-in"));
        QVERIFY(d.type(QStringLiteral("username"), QStringLiteral("inspector1")));
        QVERIFY(d.type(QStringLiteral("password"), QStringLiteral("demo1234")));
        QVERIFY(d.tap(QStringLiteral("signInButton")));
        QTRY_VERIFY_WITH_TIMEOUT(app.session().pinPending(), 15000);
        QVERIFY(d.type(QStringLiteral("newPin"), test::e2e_pin));
        QVERIFY(d.type(QStringLiteral("newPinRepeat"), test::e2e_pin));
        d.screenshot(QStringLiteral("02-choose-pin"));
        QVERIFY(d.tap(QStringLiteral("choosePinButton")));

        // Today, after the first pull.
        AssignmentListModel* list = d.wait_today();
        QVERIFY(list);
        d.screenshot(QStringLiteral("03-today"));

        // The first on-site assignment: tap its card.
        const QString assignment = test::first_assignment(*list, QStringLiteral("onsite"));
        QVERIFY(!assignment.isEmpty());
        QVERIFY(d.open_assignment(*list, assignment));

        // Target: the draw verifies; start with two certified officers present.
        d.screenshot(QStringLiteral("04-target"));
        QVERIFY(d.tap(QStringLiteral("startButton")));
        QVERIFY(d.wait_popup(QStringLiteral("startDialog")));
        QVERIFY(d.tick_team_present());
        d.screenshot(QStringLiteral("05-start-dialog"));
        QTRY_VERIFY(d.find(QStringLiteral("confirmStart"))->isEnabled());
        QVERIFY(d.tap(QStringLiteral("confirmStart")));

        // Checklist: every checkpoint through its own editor.
        QVERIFY(d.wait_page(QStringLiteral("checklist")));
        OpenRecord* record = d.shown_record();
        ChecklistController* checklist = d.shown_checklist();
        QVERIFY(record && checklist);
        // The record as the Complete page reads it, for what the test checks.
        CompletionController view;
        view.setRecord(record);
        QTRY_VERIFY_WITH_TIMEOUT(view.hasLocation(), 10000);
        d.screenshot(QStringLiteral("06-checklist"));
        ChecklistModel* model = checklist->checklist();
        bool failed = false;
        QString finding;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex idx = model->index(row); // every row is a checkpoint
            const QString cp = model->data(idx, ChecklistModel::CheckpointIdRole).toString();
            const QString kind = model->data(idx, ChecklistModel::KindRole).toString();
            const bool fail_here = !failed && kind == QLatin1String("pass_fail") &&
                                   model->data(idx, ChecklistModel::PhotoOnFailRole).toBool();
            QVERIFY2(d.answer_row(*model, row,
                                  fail_here ? QStringLiteral("answer_fail")
                                            : QStringLiteral("answer_pass")),
                     qPrintable(cp));
            if (fail_here) {
                failed = true;
                QVERIFY(d.wait_popup(QStringLiteral("findingDialog")));
                d.find(QStringLiteral("findingText"))->forceActiveFocus();
                d.keys(QStringLiteral("outfall sign missing"));
                d.screenshot(QStringLiteral("07-finding"));
                // "Add photo" opens the camera; its frames come from the test camera back end
                // (tests/qml/testcamera.cpp, linked into this test only).
                QVERIFY(d.tap(QStringLiteral("findingAddPhoto")));
                QVERIFY(d.wait_page(QStringLiteral("camera")));
                finding = d.page()->property("findingId").toString();
                QVERIFY(!finding.isEmpty());
                auto* camera = d.page()->property("controller").value<PhotoController*>();
                QVERIFY(camera);
                QTRY_COMPARE_WITH_TIMEOUT(d.wait_find(QStringLiteral("viewfinder"))
                                              ->property("sourceRect")
                                              .toRectF()
                                              .width(),
                                          640.0, 5000);
                d.screenshot(QStringLiteral("08-camera"));
                // A shot shown for review and retaken (out of the store again), then two kept.
                for (const char* choice : {"retake", "keep", "keep"}) {
                    QTRY_VERIFY(d.find(QStringLiteral("shutter")) &&
                                d.find(QStringLiteral("shutter"))->isEnabled());
                    QVERIFY(d.tap(QStringLiteral("shutter")));
                    QTRY_VERIFY_WITH_TIMEOUT(d.page()->property("reviewing").toBool(), 15000);
                    QVERIFY(d.wait_find(QStringLiteral("reviewPhoto")));
                    if (qstrcmp(choice, "retake") == 0) {
                        QTRY_COMPARE_WITH_TIMEOUT(camera->photoCount(), 1, 15000);
                        d.screenshot(QStringLiteral("08-camera-review"));
                    }
                    QVERIFY(d.tap(QString::fromLatin1(choice)));
                    QTRY_VERIFY(!d.page()->property("reviewing").toBool());
                }
                QTRY_COMPARE_WITH_TIMEOUT(camera->photoCount(), 2, 15000);
                QVERIFY(d.tap(QStringLiteral("cameraDone")));
                QVERIFY(d.wait_page(QStringLiteral("checklist")));
                QTRY_COMPARE_WITH_TIMEOUT(checklist->photoCount(), 2, 5000);
                // Both on the finding of the failed checkpoint, on the Photos page.
                QVERIFY(d.tap(QStringLiteral("photosButton")));
                QVERIFY(d.wait_page(QStringLiteral("photos")));
                auto* photos = d.page()->property("controller").value<PhotoController*>();
                QVERIFY(photos);
                QCOMPARE(photos->photoCount(), 2);
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
                d.show_row(row);
            }
            QTRY_VERIFY2(model->data(model->index(row), ChecklistModel::AnsweredRole).toBool(),
                         qPrintable(cp + QStringLiteral(" (") + kind + QStringLiteral(")")));
        }
        QVERIFY(failed);
        QCOMPARE(checklist->requiredAnswered(), checklist->requiredTotal());
        d.screenshot(QStringLiteral("10-checklist-answered"));

        // Complete: the outcome the fail allows, then lock it.
        QVERIFY(d.complete(QStringLiteral("rectification_ordered"), QStringLiteral("11-complete")));
        const QString record_id = record->recordId();

        // The same-day upload starts by itself; the Sync page shows it through.
        QVERIFY(d.upload());
        // The record its pages hold follows the store: received, with its photos.
        QTRY_COMPARE_WITH_TIMEOUT(record->state(), QStringLiteral("uploaded"), 5000);
        d.screenshot(QStringLiteral("12-sync"));

        // The central system has the record, both photos and the three signatures (two
        // inspectors present, the representative), whole.
        const auto lines = test::central_inspections(server_->data_dir());
        const auto line = std::find_if(lines.begin(), lines.end(), [&](const std::string& l) {
            return l.find(record_id.toStdString()) != std::string::npos;
        });
        QVERIFY2(line != lines.end(), qPrintable(QString::number(lines.size()) + " lines"));
        QCOMPARE(view.signatures().size(), 3);
        QVERIFY2(line->find(" photos 5/5") != std::string::npos, line->c_str());

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
        QVERIFY(d.type(QStringLiteral("pin"), test::e2e_pin));
        QVERIFY(d.tap(QStringLiteral("unlockButton")));
        QVERIFY(d.wait_page(QStringLiteral("today")));
    }

    // Locked in the middle of a checklist (the tablet put down, a call), then unlocked: the
    // same record's checklist comes back at the row it was at, not Today.
    void a_locked_tablet_comes_back_to_the_open_checklist() {
        QTemporaryDir tablet;
        Application app(
            test::e2e_signed_in(tablet.path(), server_->base_url(), QStringLiteral("inspector1")));
        QVERIFY(app.load());
        AppDriver d(app);
        AssignmentListModel* list = d.wait_today();
        QVERIFY(list);
        // The last on-site assignment not started on this tablet, started as the Target page
        // does, with the team's certified officers present.
        QString assignment;
        for (int i = 0; i < list->rowCount(); ++i) {
            const QModelIndex idx = list->index(i);
            if (list->data(idx, AssignmentListModel::ModeRole).toString() ==
                    QLatin1String("onsite") &&
                list->data(idx, AssignmentListModel::StateRole).toString() ==
                    QLatin1String("not_started"))
                assignment = list->data(idx, AssignmentListModel::AssignmentIdRole).toString();
        }
        QVERIFY(!assignment.isEmpty());
        AssignmentDetail detail;
        detail.setSession(&app.session());
        detail.setLocation(&app.location());
        detail.setAssignmentId(assignment);
        QTRY_VERIFY_WITH_TIMEOUT(detail.loaded(), 10000);
        QStringList present;
        for (const QVariant& m : detail.team())
            if (m.toMap().value(QStringLiteral("certified")).toBool())
                present << m.toMap().value(QStringLiteral("inspectorId")).toString();
        QSignalSpy started(&detail, &AssignmentDetail::started);
        detail.startInspection(present, {});
        QVERIFY(started.wait(10000));
        const QString record_id = started.at(0).at(0).toString();
        QMetaObject::invokeMethod(d.window(), "openChecklist", Q_ARG(QString, record_id));
        QVERIFY(d.wait_page(QStringLiteral("checklist")));
        QQuickItem* view = d.find(QStringLiteral("checklist"));
        const int rows = view->property("count").toInt();
        QVERIFY(rows > 3);
        const int row = rows - 2; // far from the first unanswered one, where it would reopen
        d.show_row(row);
        QVERIFY(view->setProperty("currentIndex", row));

        QVERIFY(d.lock_and_unlock());

        QVERIFY(d.wait_page(QStringLiteral("checklist")));
        QVERIFY(d.shown_record());
        QCOMPARE(d.shown_record()->recordId(), record_id);
        view = d.find(QStringLiteral("checklist"));
        QCOMPARE(view->property("currentIndex").toInt(), row);
        // The row is on screen, not merely current.
        QQuickItem* shown = nullptr;
        QVERIFY(QMetaObject::invokeMethod(view, "itemAtIndex", Q_RETURN_ARG(QQuickItem*, shown),
                                          Q_ARG(int, row)));
        QVERIFY(shown);
        const qreal y = shown->y() - view->property("contentY").toReal();
        QVERIFY2(y + shown->height() > 0 && y < view->height(), qPrintable(QString::number(y)));
        d.screenshot(QStringLiteral("17-checklist-after-unlock"));

        // The Complete page over it, scrolled down: both come back, the page where it was.
        QVERIFY(d.tap(QStringLiteral("completeButton")));
        QVERIFY(d.wait_page(QStringLiteral("complete")));
        QQuickItem* flick = nullptr;
        QTRY_VERIFY([&] {
            flick = scroller(d.page());
            return flick && flick->property("contentHeight").toReal() > flick->height() + 100;
        }());
        const qreal scrolled =
            std::floor((flick->property("contentHeight").toReal() - flick->height()) / 2);
        QVERIFY(flick->setProperty("contentY", scrolled));
        QCOMPARE(d.page()->property("scrollY").toReal(), scrolled);
        QVERIFY(d.lock_and_unlock());
        QVERIFY(d.wait_page(QStringLiteral("complete")));
        QCOMPARE(d.shown_record()->recordId(), record_id);
        QTRY_VERIFY(std::abs(scroller(d.page())->property("contentY").toReal() - scrolled) < 2);
        d.screenshot(QStringLiteral("18-complete-after-unlock"));
        QVERIFY(d.tap(QStringLiteral("backButton")));
        QVERIFY(d.wait_page(QStringLiteral("checklist")));

        // The Photos page and the camera over it: the camera comes back, the Photos page under it.
        QVERIFY(d.tap(QStringLiteral("photosButton")));
        QVERIFY(d.wait_page(QStringLiteral("photos")));
        QVERIFY(d.tap(QStringLiteral("captureButton")));
        QVERIFY(d.wait_page(QStringLiteral("camera")));
        QVERIFY(d.lock_and_unlock());
        QVERIFY(d.wait_page(QStringLiteral("camera")));
        QCOMPARE(d.shown_record()->recordId(), record_id);
        QTRY_COMPARE_WITH_TIMEOUT(
            d.wait_find(QStringLiteral("viewfinder"))->property("sourceRect").toRectF().width(),
            640.0, 5000);
        d.screenshot(QStringLiteral("19-camera-after-unlock"));
        QVERIFY(d.tap(QStringLiteral("cameraDone")));
        QVERIFY(d.wait_page(QStringLiteral("photos")));
        QCOMPARE(d.shown_record()->recordId(), record_id);
        QVERIFY(d.tap(QStringLiteral("backButton")));
        QVERIFY(d.wait_page(QStringLiteral("checklist")));
        QCOMPARE(d.shown_record()->recordId(), record_id);
        // Under it, Today, offering to continue that record where it was left.
        QVERIFY(d.tap(QStringLiteral("backButton")));
        QVERIFY(d.wait_page(QStringLiteral("today")));
        QQuickItem* again = d.wait_find(QStringLiteral("continueButton"));
        QVERIFY(again);
        d.screenshot(QStringLiteral("20-today-continue"));
        QVERIFY(d.tap(again));
        QVERIFY(d.wait_page(QStringLiteral("checklist")));
        QCOMPARE(d.shown_record()->recordId(), record_id);
        QCOMPARE(d.find(QStringLiteral("checklist"))->property("currentIndex").toInt(), row);
    }

    void a_leader_asks_for_a_new_draw() {
        QTemporaryDir tablet;
        Application app(
            test::e2e_signed_in(tablet.path(), server_->base_url(), QStringLiteral("leader1")));
        QVERIFY(app.load());
        AppDriver d(app);
        AssignmentListModel* list = d.wait_today();
        QVERIFY(list);
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
