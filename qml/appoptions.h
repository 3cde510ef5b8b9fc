#pragma once

#include <QSize>
#include <QString>
#include <QStringList>
#include <chrono>
#include <filesystem>
#include <optional>

namespace fi::app {

/// The app's startup options (README, "What the app needs to know"). Secrets never come
/// from the command line: the password and the PIN are read from files or the environment,
/// as the command-line tool does.
struct AppOptions {
    std::filesystem::path data_dir;
    QString server_url; ///< empty: the one in the preferences
    QString ca_file;
    QString tls_pin;
    QString username; ///< with a password and a PIN: set up on first run without the screens
    QString password;
    QString pin; ///< unlock without the PIN screen
    QString start_page = QStringLiteral("today");
    QString screenshot; ///< render, save this PNG once the start page shows its data, quit
    QString language;   ///< zh_CN | en; empty: the saved preference
    std::optional<std::filesystem::path> nmea_replay;
    std::chrono::milliseconds nmea_interval{1000};
    QSize window_size{1280, 800};
    bool report_first_frame = false; ///< benchmark: print the time to Today's first frame, quit
    bool probe_network = true;

    /// Parse `arguments` (argv as QStrings). An error: a sentence for standard error.
    static std::optional<AppOptions> parse(const QStringList& arguments, QString* error);
};

} // namespace fi::app
