#pragma once

#include "qml/appoptions.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <memory>

class QQmlApplicationEngine;
class QQuickWindow;

namespace fi::app {

class LocationService;
class Preferences;
class Session;
class StoreThread;
class SyncController;

/// The app put together: the services (store thread, preferences, session, sync, location)
/// built once, handed to QML as singletons, the engine with the photo provider, Main.qml.
/// The executable's main() only calls Application::main; the end-to-end test builds the
/// same Application to drive the real app.
class Application final : public QObject {
    Q_OBJECT
public:
    explicit Application(AppOptions options, QObject* parent = nullptr);
    ~Application() override;

    /// Load Main.qml; false (with a message on standard error) when it cannot be loaded.
    bool load();

    QQmlApplicationEngine& engine() { return *engine_; }
    QQuickWindow* window() const;
    StoreThread& store() { return *store_; }
    Preferences& preferences() { return *preferences_; }
    Session& session() { return *session_; }
    SyncController& sync() { return *sync_; }
    LocationService& location() { return *location_; }

    /// The whole program: QGuiApplication, options, style, Application, event loop.
    static int main(int argc, char** argv);

Q_SIGNALS:
    /// A page finished loading what it shows (Main.qml's pageReady).
    void pageReady(const QString& page);

private Q_SLOTS:
    void on_page_ready(const QString& page);

private:
    void take_screenshot();

    AppOptions options_;
    QElapsedTimer since_start_;
    std::unique_ptr<StoreThread> store_;
    std::unique_ptr<Preferences> preferences_;
    std::unique_ptr<Session> session_;
    std::unique_ptr<SyncController> sync_;
    std::unique_ptr<LocationService> location_;
    std::unique_ptr<QQmlApplicationEngine> engine_;
    bool screenshot_taken_ = false;
    bool screenshot_saved_ = false;
    bool first_frame_reported_ = false;
};

} // namespace fi::app
