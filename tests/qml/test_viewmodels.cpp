// The view models and the store thread, over a seeded tablet (leader1, the demo draw). Every
// model runs under QAbstractItemModelTester.
#include "core/metastore.h"
#include "qml/applayer.h"
#include "qml/assignmentdetail.h"
#include "qml/assignmentlistmodel.h"
#include "qml/checklistcontroller.h"
#include "qml/checklistmodel.h"
#include "qml/completioncontroller.h"
#include "qml/openrecord.h"
#include "qml/outboxlistmodel.h"
#include "qml/photocontroller.h"
#include "qml/photolistmodel.h"
#include "qml/preferences.h"
#include "qml/problemlistmodel.h"
#include "qml/session.h"
#include "qml/statisticsmodel.h"
#include "qml/storethread.h"
#include "qml/synccontroller.h"
#include "qml/usermessages.h"
#include "seededstore.h"
#include "services/tablet.h"
#include "services/yieldingtransport.h"
#include "sync/sameday.h"

#include <QAbstractItemModelTester>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QFileInfo>
#include <QGuiApplication>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <future>
#include <memory>
#include <sqlite3.h>

using namespace fi;
using namespace fi::app;

namespace {

/// A transport that counts what reaches it.
class CountingTransport final : public sync::Transport {
public:
    int calls = 0;
    sync::HttpResponse perform(sync::HttpRequest) override {
        ++calls;
        sync::HttpResponse r;
        r.status = 200;
        return r;
    }
};

QString role(const QAbstractItemModel& m, int row, int r) {
    return m.data(m.index(row, 0), r).toString();
}

} // namespace

// The desktop's notification service as the freedesktop specification has it, on a private
// session bus (a real dbus-daemon): what a Notify call carried.
class FakeNotifications : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    QStringList summaries;
    QStringList bodies;
public Q_SLOTS:
    uint Notify(const QString&, uint, const QString&, const QString& summary, const QString& body,
                const QStringList&, const QVariantMap&, int) {
        summaries << summary;
        bodies << body;
        return static_cast<uint>(summaries.size());
    }
};

class TestViewModels : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<StoreThread> store_;
    std::unique_ptr<Preferences> preferences_;
    std::unique_ptr<Session> session_;

    /// A fresh draft for the first assignment not started yet, with its team present.
    QString start_draft() {
        AssignmentListModel list;
        list.setSession(session_.get());
        if (!QTest::qWaitFor([&] { return list.loaded(); }, 5000))
            return {};
        QString id;
        for (int i = 0; i < list.rowCount() && id.isEmpty(); ++i)
            if (role(list, i, AssignmentListModel::StateRole) == QLatin1String("not_started") &&
                role(list, i, AssignmentListModel::ModeRole) == QLatin1String("onsite"))
                id = role(list, i, AssignmentListModel::AssignmentIdRole);
        AssignmentDetail detail;
        detail.setSession(session_.get());
        detail.setAssignmentId(id);
        if (!QTest::qWaitFor([&] { return detail.loaded(); }, 5000))
            return {};
        QStringList present;
        for (const auto& m : detail.team())
            if (m.toMap().value(QStringLiteral("certified")).toBool())
                present << m.toMap().value(QStringLiteral("inspectorId")).toString();
        QSignalSpy started(&detail, &AssignmentDetail::started);
        detail.startInspection(present, {});
        if (!started.wait(5000))
            return {};
        return started.at(0).at(0).toString();
    }

private Q_SLOTS:
    void initTestCase() {
        dir_ = std::make_unique<QTemporaryDir>();
        const std::filesystem::path data = dir_->path().toStdString();
        test::SeedOptions seed;
        seed.extra_assignments = 4;
        seed.records = 3;
        test::seed_store(data, "246813", seed);
        store_ = std::make_unique<StoreThread>(data);
        preferences_ = std::make_unique<Preferences>(data);
        preferences_->setLanguage(QStringLiteral("en"));
        session_ = std::make_unique<Session>(*store_, *preferences_);
        session_->auto_start({}, {}, QStringLiteral("246813"));
        QTRY_COMPARE_WITH_TIMEOUT(session_->state(), Session::Unlocked, 10000);
        QCOMPARE(session_->userLogin(), QStringLiteral("leader1"));
        QVERIFY(session_->isLeader());
    }

    // The same-day reminder at a faked 23:00 with a draft of today: the banner's text and a
    // freedesktop notification on the session bus, once; nothing at 22:59 or before anything
    // of today is unsent. The times come from the Settings page's preference.
    void same_day_reminder_at_23_00_notifies_once() {
        QProcess daemon;
        daemon.start(QStringLiteral("dbus-daemon"),
                     {QStringLiteral("--session"), QStringLiteral("--nofork"),
                      QStringLiteral("--print-address")});
        QVERIFY(daemon.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(daemon.canReadLine(), 5000);
        const QByteArray address = daemon.readLine().trimmed();
        QVERIFY(!address.isEmpty());
        qputenv("DBUS_SESSION_BUS_ADDRESS", address);
        QDBusConnection server =
            QDBusConnection::connectToBus(QString::fromUtf8(address), QStringLiteral("fake"));
        QVERIFY(server.isConnected());
        FakeNotifications fake;
        QVERIFY(server.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &fake,
                                      QDBusConnection::ExportAllSlots));
        QVERIFY(server.registerService(QStringLiteral("org.freedesktop.Notifications")));

        QVERIFY(!preferences_->setReminderTimes(QStringLiteral("25:00")));
        QVERIFY(preferences_->setReminderTimes(QStringLiteral("23:00 21:00")));
        QCOMPARE(preferences_->reminderTimes(), QStringLiteral("21:00, 23:00"));

        SyncController sync(*session_);
        using namespace std::chrono;
        const auto at = [](int hh, int mm) {
            return sys_days{year{2026} / December / 3} + hours(hh - 8) + minutes(mm);
        };
        const std::vector<std::string> draft_today{"2026-12-03"};
        sync.remind(sync::same_day_status({}, {}, at(23, 0)));
        QVERIFY2(sync.reminder().isEmpty(), "nothing of today unsent: no reminder");
        // 21:00: the first reminder of the day.
        sync.remind(sync::same_day_status({}, draft_today, at(21, 0)));
        QVERIFY(!sync.reminder().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(fake.summaries.size(), 1, 5000);
        sync.dismissReminder();
        QVERIFY(sync.reminder().isEmpty());
        sync.remind(sync::same_day_status({}, draft_today, at(22, 59)));
        QVERIFY(sync.reminder().isEmpty());

        sync.remind(sync::same_day_status({}, draft_today, at(23, 0)));
        QCOMPARE(sync.reminder(),
                 QStringLiteral("1 record of today not yet on the central system: 1 h 00 min left "
                                "until 24:00. Complete them and sync."));
        QTRY_COMPARE_WITH_TIMEOUT(fake.summaries.size(), 2, 5000);
        QCOMPARE(fake.summaries.last(), QStringLiteral("Same-day upload"));
        QCOMPARE(fake.bodies.last(), sync.reminder());
        // Once: a minute later nothing new.
        sync.remind(sync::same_day_status({}, draft_today, at(23, 1)));
        QTest::qWait(200);
        QCOMPARE(fake.summaries.size(), 2);

        server.unregisterService(QStringLiteral("org.freedesktop.Notifications"));
        QDBusConnection::disconnectFromBus(QStringLiteral("fake"));
        daemon.kill();
        daemon.waitForFinished();
    }

    // Unlocking reads Today's list once: the page made on unlocking loads it, and the session
    // does not announce a data change that did not happen (it read the list twice at every
    // start). The list model made as Main.qml makes Today's page: on the change to Unlocked.
    void unlocking_reads_todays_list_once() {
        session_->lockNow();
        QTRY_COMPARE_WITH_TIMEOUT(session_->state(), Session::Locked, 5000);
        std::unique_ptr<AssignmentListModel> today;
        std::unique_ptr<QSignalSpy> resets;
        const auto made = connect(session_.get(), &Session::stateChanged, this, [&] {
            if (session_->state() != Session::Unlocked || today)
                return;
            today = std::make_unique<AssignmentListModel>();
            resets = std::make_unique<QSignalSpy>(today.get(), &QAbstractItemModel::modelReset);
            today->setSession(session_.get());
        });
        QSignalSpy changed(session_.get(), &Session::dataChanged);
        session_->unlock(QStringLiteral("246813"));
        QTRY_COMPARE_WITH_TIMEOUT(session_->state(), Session::Unlocked, 10000);
        disconnect(made);
        QVERIFY(today);
        QTRY_VERIFY_WITH_TIMEOUT(today->loaded(), 5000);
        store_->wait_idle();
        QVERIFY(today->rowCount() > 0);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(resets->size(), 1);
    }

    // A startup PIN (the app gives it before it builds its window) is used on the store thread
    // as soon as the state check queued at construction is done, without waiting for this
    // thread to take that check's answer: a job queued right behind finds the store open and
    // Today's list read ahead, and the list the page then asks for runs no query but the
    // store's stamp. No unlock screen is shown in between.
    void a_startup_pin_unlocks_without_waiting_for_the_window() {
        StoreThread store(dir_->path().toStdString());
        Session session(store, *preferences_);
        QList<Session::State> states;
        connect(&session, &Session::stateChanged, this, [&] { states << session.state(); });
        session.auto_start({}, {}, QStringLiteral("246813"));
        struct Seen {
            bool open = false;
            int taken = 0, fresh = 0;
            std::size_t taken_rows = 0, fresh_rows = 0;
        };
        std::promise<Seen> seen;
        store.run(
            this,
            [&seen](Tablet& b) {
                Seen out;
                out.open = b.workspace.is_open();
                if (out.open) {
                    sqlite3* db = (*b.workspace.store())->handle();
                    int statements = 0;
                    sqlite3_trace_v2(
                        db, SQLITE_TRACE_STMT,
                        [](unsigned, void* n, void*, void*) {
                            ++*static_cast<int*>(n);
                            return 0;
                        },
                        &statements);
                    const auto taken = b.assignments.list();
                    out.taken = std::exchange(statements, 0);
                    const auto fresh = b.assignments.list();
                    out.fresh = statements;
                    sqlite3_trace_v2(db, 0, nullptr, nullptr);
                    out.taken_rows = taken ? taken->size() : 0;
                    out.fresh_rows = fresh ? fresh->size() : 0;
                }
                seen.set_value(out);
                return 0;
            },
            [](int) {});
        // No event of this thread is processed meanwhile: the unlock did not wait for one.
        auto answer = seen.get_future();
        QVERIFY(answer.wait_for(std::chrono::seconds(20)) == std::future_status::ready);
        const Seen got = answer.get();
        QVERIFY2(got.open, "the store was still locked when the next job ran");
        QCOMPARE(got.taken, 1); // PRAGMA data_version, nothing else
        QVERIFY(got.fresh > 10);
        QVERIFY(got.taken_rows > 0);
        QCOMPARE(got.taken_rows, got.fresh_rows);
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), Session::Unlocked, 10000);
        QCOMPARE(states, QList<Session::State>{Session::Unlocked});
        // Locking forgets a list read ahead and not taken.
        store.post([](Tablet& b) { b.assignments.read_ahead(); });
        session.lockNow();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), Session::Locked, 5000);
        std::promise<bool> kept;
        store.post([&kept](Tablet& b) { kept.set_value(b.assignments.has_read_ahead()); });
        auto answer_kept = kept.get_future();
        QVERIFY(answer_kept.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
        QVERIFY(!answer_kept.get());
    }

    // A wrong startup PIN shows the unlock screen with the error, the attempt counted, as a
    // PIN typed there would.
    void a_wrong_startup_pin_shows_the_unlock_screen() {
        StoreThread store(dir_->path().toStdString());
        Session session(store, *preferences_);
        session.auto_start({}, {}, QStringLiteral("999999"));
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), Session::Locked, 10000);
        QVERIFY(!session.error().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(session.failures(), 1, 5000);
        session.unlock(QStringLiteral("246813")); // and the count is reset for the others
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), Session::Unlocked, 10000);
        session.lockNow();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), Session::Locked, 5000);
    }

    // A startup PIN on a tablet not set up yet unlocks nothing: the first run's screens (or
    // options) take over, and no store is made from the PIN alone.
    void a_startup_pin_on_a_new_tablet_leaves_the_first_run() {
        QTemporaryDir empty;
        StoreThread store(empty.path().toStdString());
        Session session(store, *preferences_);
        QList<Session::State> states;
        connect(&session, &Session::stateChanged, this, [&] { states << session.state(); });
        session.auto_start({}, {}, QStringLiteral("246813"));
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), Session::NeedsSetup, 10000);
        QVERIFY(!session.busy());
        QCOMPARE(states, QList<Session::State>{Session::NeedsSetup}); // no unlock tried
        QVERIFY(session.error().isEmpty());
        QVERIFY(!QFileInfo::exists(empty.filePath(QStringLiteral("fieldinspect.db"))));
    }

    // What was read ahead is taken only while the store holds what it held then: a write by
    // the same connection, by another one, or a store opened again since, and the list is read
    // afresh.
    void a_read_ahead_list_is_not_taken_after_a_write() {
        QTemporaryDir dir;
        const std::filesystem::path data = dir.path().toStdString();
        test::SeedOptions seed;
        seed.extra_assignments = 3;
        test::seed_store(data, "246813", seed);
        services::Tablet a(data);
        services::Tablet b(data);
        QVERIFY(a.session.unlock({}, "246813"));
        QVERIFY(b.session.unlock({}, "246813"));
        const auto state_of = [&a](const std::string& id) -> std::optional<VisitState> {
            const auto rows = a.assignments.list();
            for (const auto& r : rows.value())
                if (r.assignment.id == id)
                    return r.state;
            return std::nullopt;
        };
        const auto rows = a.assignments.list();
        QVERIFY(rows && rows->size() >= 3);
        const std::string first = (*rows)[0].assignment.id, second = (*rows)[1].assignment.id,
                          third = (*rows)[2].assignment.id;
        QVERIFY(state_of(first) == VisitState::not_started);

        a.assignments.read_ahead();
        QVERIFY(a.records.start(first, {}, std::nullopt, std::nullopt)); // this connection
        QVERIFY(state_of(first) == VisitState::draft);

        a.assignments.read_ahead();
        QVERIFY(b.records.start(second, {}, std::nullopt, std::nullopt)); // another one
        QVERIFY(state_of(second) == VisitState::draft);

        // A connection that wrote nothing has the same stamp as the next one may have.
        services::Tablet c(data);
        QVERIFY(c.session.unlock({}, "246813"));
        c.assignments.read_ahead();
        QVERIFY(c.assignments.has_read_ahead());
        c.session.lock();
        QVERIFY(!c.assignments.has_read_ahead()); // whatever closes the store forgets it
        QVERIFY(b.records.start(third, {}, std::nullopt, std::nullopt));
        QVERIFY(c.session.unlock({}, "246813")); // opened again
        bool listed_as_draft = false;
        for (const auto& r : c.assignments.list().value())
            listed_as_draft |= r.assignment.id == third && r.state == VisitState::draft;
        QVERIFY(listed_as_draft);
    }

    // In the app the sync an unlock starts waits for the first page shown, so that it (the
    // curl module, the central system's clock, the retention purge) does not share the first
    // frame's cores and memory; with no page shown, for at most the wait given.
    void the_unlock_sync_waits_for_the_first_page_shown() {
        SyncController sync(*session_);
        sync.sync_after_first_page(std::chrono::minutes(1));
        QSignalSpy syncing(&sync, &SyncController::syncingChanged);
        const auto relock = [&] {
            session_->lockNow();
            QTRY_COMPARE_WITH_TIMEOUT(session_->state(), Session::Locked, 5000);
            session_->unlock(QStringLiteral("246813"));
            QTRY_COMPARE_WITH_TIMEOUT(session_->state(), Session::Unlocked, 10000);
        };
        relock();
        QTest::qWait(300);
        QCOMPARE(syncing.size(), 0);
        QCOMPARE(sync.runs(), 0);
        sync.page_shown();
        QCOMPARE(syncing.size(), 1); // started, now
        QVERIFY(sync.syncing());
        QTRY_COMPARE_WITH_TIMEOUT(sync.runs(), 1, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!sync.syncing(), 5000);
        // Later pages start nothing more.
        syncing.clear();
        sync.page_shown();
        QCOMPARE(syncing.size(), 0);

        // No page within the wait: the sync goes anyway.
        sync.sync_after_first_page(std::chrono::milliseconds(200));
        relock();
        QTRY_COMPARE_WITH_TIMEOUT(sync.runs(), 2, 20000);
    }

    // The app bar's same-day picture is read without the records' rows, which name the target
    // of every record (thousands on a busy tablet, read at every start and every minute); the
    // Sync page's list reads them while it is open and lets them go when it closes.
    void sync_rows_are_read_only_while_the_sync_page_lists_them() {
        std::size_t stored = 0;
        bool read = false;
        store_->run(
            this, [](Tablet& t) { return t.sync.snapshot(); },
            [&](Result<SyncSnapshot> s) {
                stored = s ? s->rows.size() : 0;
                read = true;
            });
        QTRY_VERIFY_WITH_TIMEOUT(read, 5000);
        QVERIFY2(stored >= 3, "the seeded receipts are rows of the Sync page");

        SyncController sync(*session_);
        QSignalSpy status(&sync, &SyncController::statusChanged);
        sync.refresh();
        QVERIFY(status.wait(5000));
        QCOMPARE(sync.records()->rowCount(), 0);

        QSignalSpy shown(&sync, &SyncController::recordsShownChanged);
        sync.setRecordsShown(true);
        QCOMPARE(shown.size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(static_cast<std::size_t>(sync.records()->rowCount()), stored,
                                  5000);
        // Every minute's refresh keeps them while the page is open…
        status.clear();
        sync.refresh();
        QVERIFY(status.wait(5000));
        QCOMPARE(static_cast<std::size_t>(sync.records()->rowCount()), stored);
        // …and they go with the page.
        sync.setRecordsShown(false);
        QCOMPARE(sync.records()->rowCount(), 0);
        sync.setRecordsShown(false);
        QCOMPARE(shown.size(), 2);
    }

    void cleanupTestCase() {
        session_.reset();
        preferences_.reset();
        store_.reset();
    }

    // A read asked for again while the first is still queued runs once, and reads after
    // every job posted before it; asked for once it has started, it runs again.
    void latest_read_runs_once_while_queued() {
        std::promise<void> release;
        std::shared_future<void> released = release.get_future().share();
        store_->post([released](Tablet&) { released.wait(); }); // the thread is busy
        StoreThread::LatestRead read;
        std::atomic<int> ran{0};
        QList<int> delivered;
        auto ask = [&] {
            store_->run_latest(
                read, this, [&ran](Tablet&) { return ++ran; },
                [&delivered](int n) { delivered << n; });
        };
        ask();
        ask();
        ask();
        release.set_value();
        QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 1, 5000);
        QCOMPARE(ran.load(), 1);
        // Started (and finished): asking again queues a new read.
        ask();
        QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 2, 5000);
        QCOMPARE(ran.load(), 2);
        QCOMPARE(delivered, (QList<int>{1, 2}));
    }

    void assignment_list_loads_filters_and_searches() {
        AssignmentListModel list;
        QAbstractItemModelTester tester(&list,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        list.setSession(session_.get());
        QTRY_VERIFY_WITH_TIMEOUT(list.loaded(), 5000);
        // leader1's four drawn assignments and four copies; the records went to all but the first.
        QCOMPARE(list.rowCount(), 8);
        QCOMPARE(role(list, 0, AssignmentListModel::StateRole), QStringLiteral("not_started"));
        bool uploaded = false;
        for (int i = 0; i < list.rowCount(); ++i) {
            QVERIFY(!role(list, i, AssignmentListModel::TargetNameRole).isEmpty());
            QVERIFY(!role(list, i, AssignmentListModel::TeamRole).isEmpty());
            QVERIFY(!role(list, i, AssignmentListModel::PlanNameRole).isEmpty());
            uploaded |= role(list, i, AssignmentListModel::StateRole) == QLatin1String("uploaded");
        }
        QVERIFY2(uploaded, "the seeded records show as uploaded");

        list.setCategoryFilter(QStringLiteral("special"));
        QVERIFY(list.rowCount() > 0);
        for (int i = 0; i < list.rowCount(); ++i)
            QCOMPARE(role(list, i, AssignmentListModel::CategoryRole), QStringLiteral("special"));
        list.setCategoryFilter({});
        list.setStateFilter(QStringLiteral("done"));
        QVERIFY(list.rowCount() > 0 && list.rowCount() < list.totalCount());
        list.setStateFilter({});
        const QString name = role(list, 0, AssignmentListModel::TargetNameRole);
        list.setSearchText(name.mid(3, 4));
        QVERIFY(list.rowCount() >= 1);
        QVERIFY(list.indexOf(role(list, 0, AssignmentListModel::AssignmentIdRole)) == 0);
        list.setSearchText(QStringLiteral("没有这家公司"));
        QCOMPARE(list.rowCount(), 0);
        list.setSearchText({});
        QCOMPARE(list.rowCount(), list.totalCount());
    }

    // The app leaving the foreground (a call, the home button) saves what is typed at once,
    // not after the autosave delay: a suspended app may be ended without a word.
    void record_saves_when_the_app_leaves_the_foreground() {
        const QString record_id = start_draft();
        QVERIFY(!record_id.isEmpty());
        OpenRecord record;
        ChecklistController editor;
        editor.setRecord(&record);
        record.setSession(session_.get());
        record.setRecordId(record_id);
        QTRY_VERIFY_WITH_TIMEOUT(record.loaded(), 5000);
        ChecklistModel* model = editor.checklist();
        const QModelIndex first = model->index(0);
        editor.setAnswer(model->data(first, ChecklistModel::ItemIdRole).toString(),
                         model->data(first, ChecklistModel::CheckpointIdRole).toString(),
                         model->data(first, ChecklistModel::KindRole).toString() ==
                                 QStringLiteral("pass_fail")
                             ? QVariant(QStringLiteral("pass"))
                             : QVariant(QStringLiteral("1")));
        QCOMPARE(record.saveState(), QStringLiteral("unsaved"));
        // Still active: the autosave waits.
        Q_EMIT qGuiApp->applicationStateChanged(Qt::ApplicationActive);
        QCOMPARE(record.saveState(), QStringLiteral("unsaved"));
        // Suspended: handed to the store at once.
        Q_EMIT qGuiApp->applicationStateChanged(Qt::ApplicationSuspended);
        QCOMPARE(record.saveState(), QStringLiteral("saving"));
        QTRY_COMPARE_WITH_TIMEOUT(record.saveState(), QStringLiteral("saved"), 5000);
        OpenRecord again;
        ChecklistController again_editor;
        again_editor.setRecord(&again);
        again.setSession(session_.get());
        again.setRecordId(record_id);
        QTRY_VERIFY_WITH_TIMEOUT(again.loaded(), 5000);
        QCOMPARE(again_editor.answerCount(), 1);
    }

    void record_controllers_autosave_and_follow_the_rules() {
        const QString record_id = start_draft();
        QVERIFY(!record_id.isEmpty());
        // One record, each page's controller over it (as the Checklist, Photos and Complete
        // pages hold them).
        OpenRecord record;
        ChecklistController editor;
        PhotoController photo_page;
        CompletionController completion;
        editor.setRecord(&record);
        photo_page.setRecord(&record);
        completion.setRecord(&record);
        QAbstractItemModelTester checklist(editor.checklist(),
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester photos(photo_page.photos(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester problems(completion.problems(),
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
        record.setSession(session_.get());
        record.setRecordId(record_id);
        QTRY_VERIFY_WITH_TIMEOUT(record.loaded(), 5000);
        QCOMPARE(record.state(), QStringLiteral("draft"));
        QVERIFY(!record.readOnly());
        ChecklistModel* model = editor.checklist();
        QVERIFY(model->rowCount() > 3);
        // Every row is a checkpoint; an item's rows are consecutive (its section), and its
        // header is in `sections`.
        const QVariantMap sections = model->sections();
        QSet<QString> seen;
        QString previous;
        for (int i = 0; i < model->rowCount(); ++i) {
            QVERIFY(!model->data(model->index(i), ChecklistModel::CheckpointIdRole)
                         .toString()
                         .isEmpty());
            const QString id = model->data(model->index(i), ChecklistModel::ItemIdRole).toString();
            if (id == previous)
                continue;
            QVERIFY2(!seen.contains(id), qPrintable(id));
            QCOMPARE(model->rowOf(id, {}), i);
            const QVariantMap header = sections.value(id).toMap();
            QCOMPARE(header.value(QStringLiteral("title")),
                     model->data(model->index(i), ChecklistModel::ItemTitleRole));
            if (i == 0) {
                QVERIFY(!header.value(QStringLiteral("legalBasis")).toStringList().isEmpty());
                QVERIFY(header.value(QStringLiteral("required")).toInt() > 0);
            }
            seen.insert(id);
            previous = id;
        }
        QCOMPARE(seen.size(), sections.size());

        // The first pass/fail checkpoint that needs a photo when it fails.
        int row = -1;
        for (int i = 0; i < model->rowCount() && row < 0; ++i)
            if (model->data(model->index(i), ChecklistModel::PhotoOnFailRole).toBool())
                row = i;
        QVERIFY(row >= 0);
        const QString item = model->data(model->index(row), ChecklistModel::ItemIdRole).toString();
        const QString cp =
            model->data(model->index(row), ChecklistModel::CheckpointIdRole).toString();
        QCOMPARE(model->rowOf(item, cp), row);

        completion.setOutcome(QStringLiteral("no_problem"));
        QCOMPARE(completion.publicText(), QStringLiteral("未发现问题"));
        QSignalSpy sections_changed(model, &ChecklistModel::sectionsChanged);
        // A keystroke notifies what changed: an answer is the checklist's progress and the
        // outcome it takes away, never the confidentiality, the place or the versions.
        QSignalSpy progress(&editor, &ChecklistController::progressChanged);
        QSignalSpy outcome(&completion, &CompletionController::outcomeChanged);
        QSignalSpy confidentiality(&completion, &CompletionController::confidentialityChanged);
        QSignalSpy place(&completion, &CompletionController::placeChanged);
        QSignalSpy stored(&completion, &CompletionController::storedChanged);
        QSignalSpy photo_targets(&photo_page, &PhotoController::photoTargetsChanged);
        const int answered = sections.value(item).toMap().value(QStringLiteral("answered")).toInt();
        editor.setAnswer(item, cp, QStringLiteral("fail"));
        QCOMPARE(editor.failCount(), 1);
        QCOMPARE(progress.count(), 1);
        QCOMPARE(outcome.count(), 1);
        QCOMPARE(confidentiality.count(), 0);
        QCOMPARE(place.count(), 0);
        QCOMPARE(stored.count(), 0);
        QCOMPARE(photo_targets.count(), 0);
        QVERIFY(model->data(model->index(row), ChecklistModel::FailedRole).toBool());
        QVERIFY2(!sections_changed.isEmpty(), "the item's header follows its progress");
        const int counted =
            model->data(model->index(row), ChecklistModel::RequiredRole).toBool() ? 1 : 0;
        QCOMPARE(model->sections().value(item).toMap().value(QStringLiteral("answered")).toInt(),
                 answered + counted);
        QVERIFY2(completion.outcome().isEmpty(), "a fail takes \"no problem found\" away");
        QVERIFY(!completion.noProblemAllowed());
        QVERIFY(model->data(model->index(row), ChecklistModel::NeedsPhotoRole).toBool());
        const QString finding = editor.setFinding(item, cp, QStringLiteral("标识牌缺失"));
        QCOMPARE(finding.size(), 36);
        QCOMPARE(editor.setFinding(item, cp, QStringLiteral("排口标识牌缺失")), finding);
        QCOMPARE(editor.findingCount(), 1);
        QCOMPARE(photo_targets.count(), 2); // the finding made, then described
        QCOMPARE(confidentiality.count(), 0);
        QCOMPARE(record.saveState(), QStringLiteral("unsaved"));
        QSignalSpy saved(&record, &OpenRecord::saved);
        QVERIFY(saved.wait(3000));
        QCOMPARE(record.saveState(), QStringLiteral("saved"));

        // The store has it: a second record reads the same draft.
        OpenRecord again;
        ChecklistController again_checklist;
        again_checklist.setRecord(&again);
        again.setSession(session_.get());
        again.setRecordId(record_id);
        QTRY_VERIFY_WITH_TIMEOUT(again.loaded(), 5000);
        QCOMPARE(again_checklist.failCount(), 1);
        QCOMPARE(again_checklist.findings().size(), 1);
        QCOMPARE(again_checklist.findings()
                     .at(0)
                     .toMap()
                     .value(QStringLiteral("description"))
                     .toString(),
                 QStringLiteral("排口标识牌缺失"));

        // Back to pass: a described finding stays, an empty one would go.
        editor.setAnswer(item, cp, QStringLiteral("pass"));
        QCOMPARE(editor.findingCount(), 1);
        QVERIFY(completion.noProblemAllowed());
        editor.setAnswer(item, cp, QVariant()); // cleared
        QCOMPARE(editor.failCount(), 0);

        // Confidentiality notifies its own properties only.
        progress.clear();
        completion.setConfidential(true);
        QCOMPARE(confidentiality.count(), 1);
        QCOMPARE(progress.count(), 0);
        completion.setConfidentialGround(QStringLiteral("state_secret"));
        QCOMPARE(completion.confidentialGround(), QStringLiteral("state_secret"));
        completion.setConfidential(false);
        QCOMPARE(completion.confidentialGround(), QString());

        // The store's rules: what still blocks completion, with where to fix it.
        QSignalSpy checked(&completion, &CompletionController::problemsChecked);
        completion.checkProblems();
        QVERIFY(checked.wait(5000));
        const QStringList codes = completion.problems()->codes();
        QVERIFY2(codes.contains(QStringLiteral("missing_answer")), qPrintable(codes.join(',')));
        QVERIFY(codes.contains(QStringLiteral("outcome_required")));
        const auto* p = completion.problems();
        bool to_checklist = false;
        for (int i = 0; i < p->rowCount(); ++i)
            if (p->data(p->index(i), ProblemListModel::CodeRole).toString() ==
                QLatin1String("missing_answer")) {
                QCOMPARE(p->data(p->index(i), ProblemListModel::PageRole).toString(),
                         QStringLiteral("checklist"));
                QVERIFY(
                    !p->data(p->index(i), ProblemListModel::CheckpointIdRole).toString().isEmpty());
                QVERIFY(!p->data(p->index(i), ProblemListModel::MessageRole).toString().isEmpty());
                to_checklist = true;
            }
        QVERIFY(to_checklist);
    }

    void statistics_model_counts_and_a_draft_has_no_pdf() {
        StatisticsModel stats;
        QAbstractItemModelTester tester(&stats,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        stats.setSession(session_.get());
        QTRY_VERIFY_WITH_TIMEOUT(stats.loaded() && !stats.busy(), 5000);
        QVERIFY(stats.rowCount() > 15);
        auto row_of = [&](const QString& key) {
            for (int i = 0; i < stats.rowCount(); ++i)
                if (role(stats, i, StatisticsModel::KeyRole) == key)
                    return i;
            return -1;
        };
        const int unit_row = row_of(QStringLiteral("unit_inspected"));
        QVERIFY(unit_row >= 0);
        QVERIFY(!stats.data(stats.index(unit_row), StatisticsModel::KnownRole).toBool());
        QVERIFY(!role(stats, unit_row, StatisticsModel::ValueRole).isEmpty());
        QVERIFY(stats
                    .data(stats.index(row_of(QStringLiteral("targets_drawn"))),
                          StatisticsModel::KnownRole)
                    .toBool());
        // Another quarter: nothing inspected then.
        stats.setQuarter(QStringLiteral("2020Q1"));
        QTRY_VERIFY_WITH_TIMEOUT(!stats.busy(), 5000);
        QCOMPARE(role(stats, row_of(QStringLiteral("inspected")), StatisticsModel::ValueRole),
                 QStringLiteral("0"));
        QCOMPARE(stats.reportDue(), QStringLiteral("2020-03-20"));
        stats.setQuarter(QStringLiteral("2020Q9"));
        QTRY_VERIFY_WITH_TIMEOUT(!stats.error().isEmpty(), 5000);

        // A draft has no inspection record: refused with a message, no file.
        const QString record_id = start_draft();
        QVERIFY(!record_id.isEmpty());
        OpenRecord record;
        CompletionController editor;
        editor.setRecord(&record);
        record.setSession(session_.get());
        record.setRecordId(record_id);
        QTRY_VERIFY_WITH_TIMEOUT(record.loaded(), 5000);
        const QString chosen = dir_->filePath(QStringLiteral("draft.pdf"));
        editor.makeRecordPdf(QUrl::fromLocalFile(chosen));
        QVERIFY(!editor.pdfError().isEmpty());
        QVERIFY(!QFileInfo::exists(chosen));
        QVERIFY(editor.pdfPath().isEmpty());
        QVERIFY(!editor.pdfBusy());
    }

    void photos_go_into_the_store() {
        const QString record_id = start_draft();
        QVERIFY(!record_id.isEmpty());
        OpenRecord record;
        PhotoController editor;
        editor.setRecord(&record);
        QAbstractItemModelTester tester(editor.photos(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        record.setSession(session_.get());
        record.setRecordId(record_id);
        QTRY_VERIFY_WITH_TIMEOUT(record.loaded(), 5000);
        QSignalSpy added(&editor, &PhotoController::photoAdded);
        editor.importPhoto(
            QUrl::fromLocalFile(QStringLiteral(FI_SOURCE_DIR "/docs/examples/outfall.jpg")), {});
        QVERIFY(added.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(editor.photos()->rowCount(), 1, 5000);
        const QString id = editor.photos()
                               ->data(editor.photos()->index(0), PhotoListModel::PhotoIdRole)
                               .toString();
        QCOMPARE(editor.photos()
                     ->data(editor.photos()->index(0), PhotoListModel::ThumbnailRole)
                     .toString(),
                 QStringLiteral("image://fiphoto/thumb/") + id);
        // A file that is no picture: said in words, nothing stored.
        editor.importPhoto(QUrl::fromLocalFile(QStringLiteral(FI_SOURCE_DIR "/README.md")), {});
        QTRY_VERIFY_WITH_TIMEOUT(!record.error().isEmpty(), 5000);
        QVERIFY(record.error().contains(QStringLiteral("JPEG or PNG")));
        QCOMPARE(editor.photoCount(), 1);
        editor.removePhoto(id);
        QTRY_COMPARE_WITH_TIMEOUT(editor.photos()->rowCount(), 0, 5000);
    }

    void outbox_list_a_fork_the_central_system_refused_is_for_a_person() {
        // Another version was corrected first (409 already_corrected): trying again cannot
        // help, the record is kept and shown with what to do.
        OutboxListModel model;
        OutboxRow forked;
        forked.record_id = "r1";
        forked.outbox = OutboxState::parked;
        forked.error_code = "already_corrected";
        forked.error_message = "record r0 was already corrected by r2";
        model.set_rows({forked}, false);
        QCOMPARE(role(model, 0, OutboxListModel::ActionRole), QStringLiteral("view"));
        const QString hint = role(model, 0, OutboxListModel::HintRole);
        QVERIFY(!hint.isEmpty());
        QVERIFY(hint != UserMessages::error(QStringLiteral("no_such_code"),
                                            QString::fromStdString(forked.error_message)));
    }

    void outbox_list_shows_progress_and_actions() {
        OutboxListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        OutboxRow pending;
        pending.record_id = "r1";
        pending.target_name = "鄂州市某公司";
        pending.outbox = OutboxState::pending;
        pending.photo_bytes = 2048;
        OutboxRow parked = pending;
        parked.record_id = "r2";
        parked.outbox = OutboxState::parked;
        parked.error_code = "invalid";
        parked.error_message = "field x is wrong";
        OutboxRow refused = parked;
        refused.record_id = "r3";
        refused.error_code = "already_inspected";
        OutboxRow done = pending;
        done.record_id = "r4";
        done.outbox = OutboxState::uploaded;
        model.set_rows({pending, parked, refused, done}, false);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(role(model, 0, OutboxListModel::ActionRole), QString());
        QCOMPARE(role(model, 1, OutboxListModel::ActionRole), QStringLiteral("retry"));
        QCOMPARE(role(model, 1, OutboxListModel::MessageRole), QStringLiteral("field x is wrong"));
        QVERIFY(!role(model, 1, OutboxListModel::HintRole).isEmpty());
        QCOMPARE(role(model, 2, OutboxListModel::ActionRole), QStringLiteral("view"));
        QCOMPARE(role(model, 3, OutboxListModel::StateRole), QStringLiteral("uploaded"));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.set_progress("r1", 1024, 2048);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.data(model.index(0), OutboxListModel::SentBytesRole).toLongLong(), 1024);
        model.set_progress("r1", 1024, 2048);
        QCOMPARE(changed.count(), 1); // nothing changed, nothing said
        model.set_needs_sign_in(true);
        QCOMPARE(role(model, 0, OutboxListModel::ActionRole), QStringLiteral("signIn"));
        QCOMPARE(role(model, 3, OutboxListModel::ActionRole), QString());
    }

    void store_thread_delivers_in_order_and_not_to_the_dead() {
        QList<int> order;
        for (int i = 0; i < 5; ++i)
            store_->run(
                this, [i](Tablet&) { return i; }, [&order](int v) { order << v; });
        bool called = false;
        {
            auto gone = std::make_unique<QObject>();
            store_->run(
                gone.get(), [](Tablet&) { return 1; }, [&called](int) { called = true; });
        }
        store_->wait_idle();
        QCOMPARE(order, (QList<int>{0, 1, 2, 3, 4}));
        QVERIFY2(!called, "a result for a destroyed view model is dropped");
        QCOMPARE(store_->interactive_pending(), 0);
    }

    void sync_yields_to_the_user_between_requests() {
        CountingTransport inner;
        std::atomic<int> pending{0};
        services::YieldingTransport t(inner, pending);
        QCOMPARE(t.perform({}).status, 200); // not syncing: always through
        t.set_yielding(true);
        QCOMPARE(t.perform({}).status, 200); // nobody waiting
        pending = 1;
        const auto r = t.perform({});
        QCOMPARE(r.error, sync::NetError::cancelled);
        QCOMPARE(inner.calls, 2);
        // A request started (the uploader's) yields the same way.
        QCOMPARE(t.start({}).get().error, sync::NetError::cancelled);
        QCOMPARE(inner.calls, 2);
        t.set_yielding(false);
        QCOMPARE(t.perform({}).status, 200);
        QCOMPARE(t.start({}).get().status, 200);
        QCOMPARE(inner.calls, 4);
    }
};

QTEST_MAIN(TestViewModels)
#include "test_viewmodels.moc"
