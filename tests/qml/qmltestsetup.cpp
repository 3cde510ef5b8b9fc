#include "qmltestsetup.h"

#include "qml/locationservice.h"
#include "qml/locationserviceforeign.h"
#include "qml/photoimageprovider.h"
#include "qml/preferences.h"
#include "qml/preferencesforeign.h"
#include "qml/session.h"
#include "qml/sessionforeign.h"
#include "qml/storethread.h"
#include "qml/synccontroller.h"
#include "qml/synccontrollerforeign.h"
#include "seededstore.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <stdexcept>

namespace fi::test {

QmlTestSetup::QmlTestSetup() = default;
QmlTestSetup::~QmlTestSetup() = default;

void QmlTestSetup::applicationAvailable() {
    QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    QQuickStyle::setStyle(QStringLiteral("Material"));
    dir_ = std::make_unique<QTemporaryDir>();
    const std::filesystem::path data = dir_->path().toStdString();
    SeedOptions seed;
    seed.extra_assignments = 8; // each test file inspects assignments of its own
    seed_store(data, "246813", seed);
    store_ = std::make_unique<app::StoreThread>(data);
    preferences_ = std::make_unique<app::Preferences>(data);
    preferences_->setServerUrl(QStringLiteral("http://127.0.0.1:9/api/v1"));
    session_ = std::make_unique<app::Session>(*store_, *preferences_);
    sync_ = std::make_unique<app::SyncController>(*session_);
    location_ = std::make_unique<app::LocationService>(std::filesystem::path(FI_ASSETS_DIR) /
                                                           "demo" / "ezhou-walk.nmea",
                                                       std::chrono::milliseconds(2));
    location_->start();
    app::SessionForeign::instance = session_.get();
    app::SyncControllerForeign::instance = sync_.get();
    app::PreferencesForeign::instance = preferences_.get();
    app::LocationServiceForeign::instance = location_.get();

    session_->auto_start({}, {}, QStringLiteral("246813"));
    const QDeadlineTimer deadline(10000);
    while (session_->state() != app::Session::Unlocked && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    if (session_->state() != app::Session::Unlocked)
        qFatal("the seeded tablet did not unlock: %s", qPrintable(session_->error()));
}

void QmlTestSetup::qmlEngineAvailable(QQmlEngine* engine) {
    engine->addImportPath(QStringLiteral("qrc:/"));
    engine->addImageProvider(QString::fromLatin1(app::PhotoImageProvider::name),
                             new app::PhotoImageProvider(*store_));
    QObject::connect(preferences_.get(), &app::Preferences::languageChanged, engine,
                     &QQmlEngine::retranslate);
}

void QmlTestSetup::cleanupTestCase() {
    location_.reset();
    sync_.reset();
    session_.reset();
    preferences_.reset();
    store_.reset();
    dir_.reset();
}

} // namespace fi::test
