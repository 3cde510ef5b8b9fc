#include "qmltestsetup.h"

#include "core/metastore.h"
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
#include "services/tablet.h"
#include "sync/sameday.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QtQml>
#include <stdexcept>

namespace fi::test {

QUrl TestFiles::scratchUrl(const QString& name) const {
    return QUrl::fromLocalFile(QDir(scratch_dir_).filePath(name));
}

QString TestFiles::screenshotPath(const QString& name) const {
    QDir dir(QStringLiteral(FI_SCREENSHOT_DIR));
    dir.mkpath(QStringLiteral("."));
    return dir.filePath(name + QStringLiteral(".png"));
}

bool TestFiles::exists(const QString& path) const {
    return QFileInfo::exists(path);
}

QStringList TestFiles::filesBelow(const QString& dir) const {
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        out << QDir(dir).relativeFilePath(it.next());
    out.sort();
    return out;
}

void TestFiles::orderWipe(const QString& message) {
    store_.run(
        this,
        [m = message.toStdString()](services::Tablet& b) -> Status {
            auto db = b.workspace.store();
            if (!db)
                return db.error();
            return MetaStore(**db).set("device.wipe_order", m);
        },
        [this](Status s) {
            if (!s)
                qFatal("could not keep the wipe order: %s", s.error().message.c_str());
            Q_EMIT wipeOrdered();
        });
}

void TestFiles::remindAt(int hh, int mm) {
    using namespace std::chrono;
    const auto at = sys_days{year{2026} / December / 3} + hours(hh - 8) + minutes(mm);
    sync_->remind(sync::same_day_status({}, {"2026-12-03"}, at));
}

QmlTestSetup::QmlTestSetup() = default;
QmlTestSetup::~QmlTestSetup() = default;

void QmlTestSetup::applicationAvailable() {
    QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    QQuickStyle::setStyle(QStringLiteral("Material"));
    dir_ = std::make_unique<QTemporaryDir>();
    const std::filesystem::path data = dir_->path().toStdString();
    SeedOptions seed;
    seed.extra_assignments = 10; // each test file inspects assignments of its own
    seed.redraw_logged = true;
    seed.tampered_team = true; // an assignment whose draw does not verify (tst_today, tst_target)
    seed_store(data, "246813", seed);
    scratch_ = std::make_unique<QTemporaryDir>();

    store_ = std::make_unique<app::StoreThread>(data);
    files_ = std::make_unique<TestFiles>(dir_->path(), scratch_->path(), *store_);
    preferences_ = std::make_unique<app::Preferences>(data);
    preferences_->setServerUrl(QStringLiteral("http://127.0.0.1:9/api/v1"));
    session_ = std::make_unique<app::Session>(*store_, *preferences_);
    // No reminder at the hour the tests happen to run (tst_today asks for one at a faked time).
    preferences_->setReminderTimes({});
    sync_ = std::make_unique<app::SyncController>(*session_);
    files_->set_sync(sync_.get());
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
    qmlRegisterSingletonInstance("FieldInspectTest", 1, 0, "TestFiles", files_.get());
    engine->addImageProvider(QString::fromLatin1(app::PhotoImageProvider::name),
                             new app::PhotoImageProvider(*store_));
    QObject::connect(preferences_.get(), &app::Preferences::languageChanged, engine,
                     &QQmlEngine::retranslate);
}

void QmlTestSetup::cleanupTestCase() {
    files_.reset();
    location_.reset();
    sync_.reset();
    session_.reset();
    preferences_.reset();
    store_.reset();
    dir_.reset();
    scratch_.reset();
}

} // namespace fi::test
