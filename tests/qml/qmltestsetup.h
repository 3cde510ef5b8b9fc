#pragma once

#include <QObject>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

class QQmlEngine;

namespace fi::app {
class LocationService;
class Preferences;
class Session;
class StoreThread;
class SyncController;
} // namespace fi::app

namespace fi::test {

/// What a QML test needs to look at files (QML itself cannot): a scratch folder for the save
/// dialogs to point at, and the seeded tablet's data folder, to prove nothing lands there.
/// Registered as the singleton `TestFiles` of the module `FieldInspectTest`.
class TestFiles : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString dataDir READ dataDir CONSTANT)
public:
    TestFiles(QString data_dir, QString scratch_dir, app::StoreThread& store)
        : data_dir_(std::move(data_dir)), scratch_dir_(std::move(scratch_dir)), store_(store) {}
    QString dataDir() const { return data_dir_; }
    /// A file URL in the scratch folder (not created).
    Q_INVOKABLE QUrl scratchUrl(const QString& name) const;
    Q_INVOKABLE bool exists(const QString& path) const;
    /// Every file below `dir`, relative to it.
    Q_INVOKABLE QStringList filesBelow(const QString& dir) const;
    /// Where a test keeps a screenshot `name` (.png): the build directory's
    /// tests/qml/screenshots (made if missing), next to the end-to-end test's.
    Q_INVOKABLE QString screenshotPath(const QString& name) const;
    /// Keep a wipe order in the store as a `GET /device` answer does (SyncService keeps it
    /// until carried out); wipeOrdered() once it is stored. The tests' central system is
    /// offline, so the order is what the next sync finds.
    Q_INVOKABLE void orderWipe(const QString& message);
    /// The same-day reminders at a faked time: the app's SyncController asked, with one draft
    /// of today (2026-12-03) at hh:mm UTC+08:00, for the reminder sync says is due then.
    Q_INVOKABLE void remindAt(int hh, int mm);
    void set_sync(app::SyncController* sync) { sync_ = sync; }

Q_SIGNALS:
    void wipeOrdered();

private:
    QString data_dir_;
    QString scratch_dir_;
    app::StoreThread& store_;
    app::SyncController* sync_ = nullptr;
};

/// The QML tests' world: a tablet seeded with the demo data (signed in as leader1, offline:
/// the central system's address points nowhere), unlocked, with the app's real services
/// handed to QML exactly as the app does. Every tst_*.qml file gets a fresh engine over the
/// same services.
class QmlTestSetup : public QObject {
    Q_OBJECT
public:
    QmlTestSetup();
    ~QmlTestSetup() override;

public Q_SLOTS:
    void applicationAvailable();
    void qmlEngineAvailable(QQmlEngine* engine);
    void cleanupTestCase();

private:
    std::unique_ptr<QTemporaryDir> dir_;
    std::unique_ptr<QTemporaryDir> scratch_;
    std::unique_ptr<TestFiles> files_;
    std::unique_ptr<app::StoreThread> store_;
    std::unique_ptr<app::Preferences> preferences_;
    std::unique_ptr<app::Session> session_;
    std::unique_ptr<app::SyncController> sync_;
    std::unique_ptr<app::LocationService> location_;
};

} // namespace fi::test
