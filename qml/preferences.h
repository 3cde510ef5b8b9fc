#pragma once

#include "qml/applayer.h"

#include <QObject>
#include <QSettings>
#include <QString>
#include <QTranslator>
#include <filesystem>
#include <memory>
#include <vector>

namespace fi::app {

/// The user's settings that are no secret and are needed before the store is unlocked:
/// language, photo size, the display (outdoor theme, text size), where the central system is. Kept
/// in `fieldinspect.ini` beside the store (plain text: a URL, a CA file path and a public-key pin
/// are not secrets). Switching the language installs the translator at once; the app retranslates
/// its QML on languageChanged().
class Preferences final : public QObject {
    Q_OBJECT
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(int photoLongestSide READ photoLongestSide WRITE setPhotoLongestSide NOTIFY
                   photoLongestSideChanged)
    Q_PROPERTY(bool outdoorTheme READ outdoorTheme WRITE setOutdoorTheme NOTIFY displayChanged)
    Q_PROPERTY(
        int textScalePercent READ textScalePercent WRITE setTextScalePercent NOTIFY displayChanged)
    /// When to remind of the same-day upload: "21:00, 23:00" (UTC+08:00).
    Q_PROPERTY(QString reminderTimes READ reminderTimes NOTIFY remindersChanged)
    Q_PROPERTY(QString serverUrl READ serverUrl WRITE setServerUrl NOTIFY serverChanged)
    Q_PROPERTY(QString caFile READ caFile WRITE setCaFile NOTIFY serverChanged)
    Q_PROPERTY(QString tlsPin READ tlsPin WRITE setTlsPin NOTIFY serverChanged)
    Q_PROPERTY(QString version READ version CONSTANT)
    Q_PROPERTY(QString qtVersion READ qtVersion CONSTANT)
    Q_PROPERTY(QString dataLocation READ dataLocation CONSTANT)
public:
    static constexpr int default_photo_side_px = 2048;
    static constexpr int detail_photo_side_px = 3072;
    /// The text-size setting: fonts and touch sizes at 100 % to 150 % (steps of 25).
    static constexpr int min_text_scale_percent = 100;
    static constexpr int max_text_scale_percent = 150;

    explicit Preferences(std::filesystem::path data_dir, QObject* parent = nullptr);
    ~Preferences() override;

    QString language() const { return language_; }
    void setLanguage(const QString& language);
    int photoLongestSide() const { return photo_side_; }
    void setPhotoLongestSide(int px);
    /// The outdoor theme: black on white, darker colours and heavier edges for sunlight.
    bool outdoorTheme() const { return outdoor_; }
    void setOutdoorTheme(bool on);
    /// Clamped to 100–150 and rounded to a step of 25.
    int textScalePercent() const { return text_scale_percent_; }
    void setTextScalePercent(int percent);
    /// The reminder times as sync reads them (sync::parse_reminder_times), "21:00, 23:00".
    QString reminderTimes() const;
    std::vector<int> reminder_times() const { return reminder_times_; }
    /// Set them from what the user typed; false (nothing changed) unless it is HH:MM times
    /// separated by commas or spaces.
    Q_INVOKABLE bool setReminderTimes(const QString& text);
    QString serverUrl() const { return server_url_; }
    void setServerUrl(const QString& url);
    QString caFile() const { return ca_file_; }
    void setCaFile(const QString& file);
    QString tlsPin() const { return tls_pin_; }
    void setTlsPin(const QString& pin);
    QString version() const;
    QString qtVersion() const;
    QString dataLocation() const;

    /// Where and how to reach the central system, for the backend.
    ServerConfig server() const;

Q_SIGNALS:
    void languageChanged();
    void photoLongestSideChanged();
    void displayChanged();
    void remindersChanged();
    void serverChanged();

private:
    void install_translator();

    std::filesystem::path data_dir_;
    std::unique_ptr<QSettings> settings_;
    std::unique_ptr<QTranslator> translator_;
    QString language_;
    int photo_side_ = default_photo_side_px;
    bool outdoor_ = false;
    int text_scale_percent_ = min_text_scale_percent;
    std::vector<int> reminder_times_;
    QString server_url_;
    QString ca_file_;
    QString tls_pin_;
};

} // namespace fi::app
