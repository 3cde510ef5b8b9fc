#pragma once

#include <QObject>
#include <QTemporaryDir>
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
    std::unique_ptr<app::StoreThread> store_;
    std::unique_ptr<app::Preferences> preferences_;
    std::unique_ptr<app::Session> session_;
    std::unique_ptr<app::SyncController> sync_;
    std::unique_ptr<app::LocationService> location_;
};

} // namespace fi::test
