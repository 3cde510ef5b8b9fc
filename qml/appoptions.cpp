#include "qml/appoptions.h"

#include <QCommandLineParser>
#include <QFile>
#include <QStandardPaths>
#include <QTextStream>

namespace fi::app {

namespace {
/// The first line of a file, or nullopt when it cannot be read.
std::optional<QString> first_line(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return std::nullopt;
    QTextStream in(&f);
    return in.readLine();
}
} // namespace

std::optional<AppOptions> AppOptions::parse(const QStringList& arguments, QString* error) {
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("fieldinspect: the tablet app for double-random, one-public inspections."));
    p.addHelpOption();
    p.addVersionOption();
    const QCommandLineOption data({QStringLiteral("data")},
                                  QStringLiteral("Data directory (default: $FI_DATA, else the "
                                                 "platform's app data folder)."),
                                  QStringLiteral("DIR"));
    const QCommandLineOption server({QStringLiteral("server")},
                                    QStringLiteral("Central system base URL, e.g. "
                                                   "https://central.example/api/v1 (saved)."),
                                    QStringLiteral("URL"));
    const QCommandLineOption ca({QStringLiteral("ca-file")},
                                QStringLiteral("Trust this CA bundle for the server (saved)."),
                                QStringLiteral("FILE"));
    const QCommandLineOption pin_opt({QStringLiteral("tls-pin")},
                                     QStringLiteral("Pin the server's public key, "
                                                    "sha256//BASE64 (saved)."),
                                     QStringLiteral("PIN"));
    const QCommandLineOption user({QStringLiteral("user")},
                                  QStringLiteral("First run: sign in as this user without the "
                                                 "sign-in screen (needs the password and PIN)."),
                                  QStringLiteral("NAME"));
    const QCommandLineOption password_file(
        {QStringLiteral("password-file")},
        QStringLiteral("Read the password from this file's first line (default: "
                       "$FI_PASSWORD)."),
        QStringLiteral("FILE"));
    const QCommandLineOption pin_file({QStringLiteral("pin-file")},
                                      QStringLiteral("Read the PIN from this file's first line "
                                                     "(default: $FI_PIN); unlocks at start."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption page(
        {QStringLiteral("page")},
        QStringLiteral("Page after unlocking: today, sync, settings or statistics."),
        QStringLiteral("PAGE"), QStringLiteral("today"));
    const QCommandLineOption screenshot(
        {QStringLiteral("screenshot")},
        QStringLiteral("Save a PNG of the start page once it shows its data, then quit."),
        QStringLiteral("FILE"));
    const QCommandLineOption lang({QStringLiteral("lang")},
                                  QStringLiteral("Language: zh_CN or en (saved)."),
                                  QStringLiteral("LANG"));
    const QCommandLineOption nmea({QStringLiteral("nmea-replay")},
                                  QStringLiteral("Replay this NMEA log as the position source "
                                                 "(demos; fixes are marked simulated)."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption nmea_interval({QStringLiteral("nmea-interval-ms")},
                                           QStringLiteral("Milliseconds between replayed fixes."),
                                           QStringLiteral("MS"), QStringLiteral("1000"));
    const QCommandLineOption size({QStringLiteral("size")},
                                  QStringLiteral("Window size, e.g. 1280x800 or 800x1280."),
                                  QStringLiteral("WxH"), QStringLiteral("1280x800"));
    const QCommandLineOption first_frame(
        {QStringLiteral("report-first-frame")},
        QStringLiteral("Benchmark: print the milliseconds to Today's first frame and the peak "
                       "memory until then, then quit."));
    const QCommandLineOption no_probe({QStringLiteral("no-network-probe")},
                                      QStringLiteral("Do not probe the central system."));
    for (const auto* o :
         {&data, &server, &ca, &pin_opt, &user, &password_file, &pin_file, &page, &screenshot,
          &lang, &nmea, &nmea_interval, &size, &first_frame, &no_probe})
        p.addOption(*o);
    if (!p.parse(arguments)) {
        *error = p.errorText();
        return std::nullopt;
    }
    if (p.isSet(QStringLiteral("help"))) {
        *error = p.helpText();
        return std::nullopt;
    }
    if (p.isSet(QStringLiteral("version"))) {
        *error = QStringLiteral("fieldinspect ") + QStringLiteral(FI_APP_VERSION);
        return std::nullopt;
    }

    AppOptions o;
    QString dir = p.value(data);
    if (dir.isEmpty())
        dir = qEnvironmentVariable("FI_DATA");
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    o.data_dir = dir.toStdString();
    o.server_url = p.value(server);
    o.ca_file = p.value(ca);
    o.tls_pin = p.value(pin_opt);
    o.username = p.value(user);
    if (p.isSet(password_file)) {
        auto line = first_line(p.value(password_file));
        if (!line) {
            *error = QStringLiteral("cannot read the password from ") + p.value(password_file);
            return std::nullopt;
        }
        o.password = *line;
    } else {
        o.password = qEnvironmentVariable("FI_PASSWORD");
    }
    if (p.isSet(pin_file)) {
        auto line = first_line(p.value(pin_file));
        if (!line) {
            *error = QStringLiteral("cannot read the PIN from ") + p.value(pin_file);
            return std::nullopt;
        }
        o.pin = *line;
    } else {
        o.pin = qEnvironmentVariable("FI_PIN");
    }
    o.start_page = p.value(page);
    if (o.start_page != QLatin1String("today") && o.start_page != QLatin1String("sync") &&
        o.start_page != QLatin1String("settings") && o.start_page != QLatin1String("statistics")) {
        *error = QStringLiteral("--page must be today, sync, settings or statistics");
        return std::nullopt;
    }
    o.screenshot = p.value(screenshot);
    o.language = p.value(lang);
    if (!o.language.isEmpty() && o.language != QLatin1String("zh_CN") &&
        o.language != QLatin1String("en")) {
        *error = QStringLiteral("--lang must be zh_CN or en");
        return std::nullopt;
    }
    if (p.isSet(nmea))
        o.nmea_replay = std::filesystem::path(p.value(nmea).toStdString());
    bool ok = false;
    const int interval = p.value(nmea_interval).toInt(&ok);
    if (!ok || interval <= 0) {
        *error = QStringLiteral("--nmea-interval-ms must be a positive number");
        return std::nullopt;
    }
    o.nmea_interval = std::chrono::milliseconds(interval);
    const QStringList wh = p.value(size).split(QLatin1Char('x'));
    const int w = wh.value(0).toInt(), h = wh.size() == 2 ? wh.value(1).toInt() : 0;
    if (w < 320 || h < 320) {
        *error = QStringLiteral("--size must be WIDTHxHEIGHT, e.g. 1280x800");
        return std::nullopt;
    }
    o.window_size = QSize(w, h);
    o.report_first_frame = p.isSet(first_frame);
    o.probe_network = !p.isSet(no_probe);
    return o;
}

} // namespace fi::app
