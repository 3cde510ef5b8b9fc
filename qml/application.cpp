#include "qml/application.h"

#include "platform/uifont.h"
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

#include <QDir>
#include <QFont>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTimer>
#include <cstdio>
#include <sys/resource.h>

namespace fi::app {

Application::Application(AppOptions options, QObject* parent)
    : QObject(parent), options_(std::move(options)) {
    since_start_.start();
    QDir().mkpath(QString::fromStdString(options_.data_dir.string()));
    store_ = std::make_unique<StoreThread>(options_.data_dir);
    preferences_ = std::make_unique<Preferences>(options_.data_dir);
    if (!options_.server_url.isEmpty())
        preferences_->setServerUrl(options_.server_url);
    if (!options_.ca_file.isEmpty())
        preferences_->setCaFile(options_.ca_file);
    if (!options_.tls_pin.isEmpty())
        preferences_->setTlsPin(options_.tls_pin);
    if (!options_.language.isEmpty())
        preferences_->setLanguage(options_.language);
    session_ = std::make_unique<Session>(*store_, *preferences_);
    sync_ = std::make_unique<SyncController>(*session_);
    // The unlock's sync after the first page it shows is drawn (on_page_ready), within 3 s.
    sync_->sync_after_first_page(std::chrono::seconds(3));
    location_ = std::make_unique<LocationService>(options_.nmea_replay, options_.nmea_interval);
    // Positions are needed from the Target page on; the back end loads after the first frame.
    connect(session_.get(), &Session::unlocked, location_.get(), [this] {
        QTimer::singleShot(std::chrono::milliseconds(300), location_.get(),
                           &LocationService::start);
    });

    SessionForeign::instance = session_.get();
    SyncControllerForeign::instance = sync_.get();
    PreferencesForeign::instance = preferences_.get();
    LocationServiceForeign::instance = location_.get();

    engine_ = std::make_unique<QQmlApplicationEngine>();
    engine_->addImportPath(QStringLiteral("qrc:/"));
    engine_->addImageProvider(QString::fromLatin1(PhotoImageProvider::name),
                              new PhotoImageProvider(*store_));
    connect(preferences_.get(), &Preferences::languageChanged, engine_.get(),
            &QQmlApplicationEngine::retranslate);
}

Application::~Application() {
    // QML goes first (it holds view models that post to the store), then the services, the
    // store thread last: it finishes every queued job, autosaves included.
    engine_.reset();
    location_.reset();
    sync_.reset();
    session_.reset();
    preferences_.reset();
    store_.reset();
    SessionForeign::instance = nullptr;
    SyncControllerForeign::instance = nullptr;
    PreferencesForeign::instance = nullptr;
    LocationServiceForeign::instance = nullptr;
}

QQuickWindow* Application::window() const {
    const auto roots = engine_->rootObjects();
    return roots.isEmpty() ? nullptr : qobject_cast<QQuickWindow*>(roots.first());
}

bool Application::load() {
    // Before the window is built: the store thread unlocks with the startup PIN (and reads
    // Today's list) meanwhile. What it answers arrives once the window is there.
    session_->auto_start(options_.username, options_.password, options_.pin);
    engine_->setInitialProperties({{QStringLiteral("startPage"), options_.start_page},
                                   {QStringLiteral("width"), options_.window_size.width()},
                                   {QStringLiteral("height"), options_.window_size.height()}});
    engine_->load(QUrl(QStringLiteral("qrc:/FieldInspect/Main.qml")));
    QQuickWindow* w = window();
    if (!w) {
        std::fprintf(stderr, "fieldinspect: the user interface could not be loaded\n");
        return false;
    }
    connect(w, SIGNAL(pageReady(QString)), this, SLOT(on_page_ready(QString)));
    if (options_.probe_network) {
        // From the first page shown: the probe's first request opens the curl module (libcurl
        // and its stacks), which the first frame need not wait for or share the cores with.
        connect(
            this, &Application::pageReady, sync_.get(), [this] { sync_->start_connectivity(); },
            Qt::SingleShotConnection);
    }
    return true;
}

void Application::on_page_ready(const QString& page) {
    Q_EMIT pageReady(page);
    QQuickWindow* w = window();
    if (!w)
        return;
    // Shown: once its frame is drawn.
    connect(w, &QQuickWindow::frameSwapped, sync_.get(), &SyncController::page_shown,
            Qt::SingleShotConnection);
    if (options_.report_first_frame && page == QLatin1String("today") && !first_frame_reported_) {
        first_frame_reported_ = true;
        connect(
            w, &QQuickWindow::frameSwapped, this,
            [this] {
                // The process's peak memory so far: what the first frame needed, before the
                // quit's orderly shutdown (the store thread finishing its queue) adds its own.
                struct rusage usage {};
                ::getrusage(RUSAGE_SELF, &usage);
                std::printf("first-frame-ms %lld peak-kib %ld\n",
                            static_cast<long long>(since_start_.elapsed()), usage.ru_maxrss);
                std::fflush(stdout);
                QCoreApplication::exit(0);
            },
            Qt::SingleShotConnection);
        w->update();
    }
    if (!options_.screenshot.isEmpty() && page == options_.start_page && !screenshot_taken_) {
        screenshot_taken_ = true;
        // Show what the first sync brought (a first run pulls its assignments), then let
        // thumbnails and fonts settle for a few frames.
        auto shoot = [this] { QTimer::singleShot(500, this, &Application::take_screenshot); };
        if (sync_->runs() > 0) {
            shoot();
        } else {
            connect(sync_.get(), &SyncController::finished, this, shoot, Qt::SingleShotConnection);
            QTimer::singleShot(20000, this, [this] {
                if (!screenshot_saved_)
                    take_screenshot();
            });
        }
    }
}

void Application::take_screenshot() {
    if (screenshot_saved_)
        return;
    screenshot_saved_ = true;
    QQuickWindow* w = window();
    const QImage shot = w ? w->grabWindow() : QImage();
    if (shot.isNull() || !shot.save(options_.screenshot, "PNG")) {
        std::fprintf(stderr, "fieldinspect: could not save the screenshot to %s\n",
                     qPrintable(options_.screenshot));
        QCoreApplication::exit(1);
        return;
    }
    std::printf("screenshot %s\n", qPrintable(QDir(options_.screenshot).absolutePath()));
    std::fflush(stdout);
    QCoreApplication::exit(0);
}

int Application::main(int argc, char** argv) {
    QCoreApplication::setOrganizationName(QStringLiteral("fieldinspect"));
    QCoreApplication::setApplicationName(QStringLiteral("fieldinspect"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FI_APP_VERSION));
    platform::use_one_cjk_face(); // before Qt reads the font configuration
    QGuiApplication app(argc, argv);
    // Text outside a control (plain Text items) in the interface's face too, not in a Latin
    // face opened beside it.
    QFont font = QGuiApplication::font();
    font.setFamily(QString::fromStdString(platform::interface_font_family()));
    QGuiApplication::setFont(font);
    QString error;
    auto options = AppOptions::parse(app.arguments(), &error);
    if (!options) {
        const bool info = error.startsWith(QLatin1String("Usage")) ||
                          error.startsWith(QLatin1String("fieldinspect "));
        std::fprintf(info ? stdout : stderr, "%s\n", qPrintable(error));
        return info ? 0 : 2;
    }
    // Without a display (CI, screenshots) render in software: no GPU is needed.
    if (QGuiApplication::platformName() == QLatin1String("offscreen"))
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    QQuickStyle::setStyle(QStringLiteral("Material"));
    Application a(std::move(*options));
    if (!a.load())
        return 1;
    return QGuiApplication::exec();
}

} // namespace fi::app
