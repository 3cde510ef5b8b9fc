#include "qml/preferences.h"

#include "sync/sameday.h"

#include <QCoreApplication>
#include <QDir>
#include <QtGlobal>
#include <algorithm>

#ifndef FI_APP_VERSION
#define FI_APP_VERSION "0.0.0"
#endif

namespace fi::app {

namespace {
int clamp_text_scale(int percent) {
    const int step = 25;
    const int rounded = (percent + step / 2) / step * step;
    return std::clamp(rounded, Preferences::min_text_scale_percent,
                      Preferences::max_text_scale_percent);
}
} // namespace

Preferences::Preferences(std::filesystem::path data_dir, QObject* parent)
    : QObject(parent), data_dir_(std::move(data_dir)) {
    const QString file = QString::fromStdString((data_dir_ / "fieldinspect.ini").string());
    settings_ = std::make_unique<QSettings>(file, QSettings::IniFormat);
    language_ = settings_->value(QStringLiteral("language"), QStringLiteral("zh_CN")).toString();
    if (language_ != QLatin1String("en"))
        language_ = QStringLiteral("zh_CN"); // the default, and what anything unknown means
    photo_side_ =
        settings_->value(QStringLiteral("photo/longest_side_px"), default_photo_side_px).toInt();
    if (photo_side_ != detail_photo_side_px)
        photo_side_ = default_photo_side_px;
    outdoor_ = settings_->value(QStringLiteral("display/outdoor"), false).toBool();
    text_scale_percent_ = clamp_text_scale(
        settings_->value(QStringLiteral("display/text_scale_percent"), min_text_scale_percent)
            .toInt());
    // Not set yet: 21:00 and 23:00. Set empty: no reminders.
    const QString reminders = settings_->value(QStringLiteral("reminders/times")).toString();
    reminder_times_ = settings_->contains(QStringLiteral("reminders/times"))
                          ? sync::parse_reminder_times(reminders.toStdString())
                                .value_or(sync::default_reminder_times())
                          : sync::default_reminder_times();
    server_url_ = settings_->value(QStringLiteral("server/url")).toString();
    ca_file_ = settings_->value(QStringLiteral("server/ca_file")).toString();
    tls_pin_ = settings_->value(QStringLiteral("server/tls_pin")).toString();
    install_translator();
}

Preferences::~Preferences() {
    if (translator_)
        QCoreApplication::removeTranslator(translator_.get());
}

void Preferences::install_translator() {
    auto next = std::make_unique<QTranslator>();
    // English is the source language; its catalogue exists so that "en" is a complete choice.
    if (!next->load(QStringLiteral(":/i18n/fieldinspect_%1.qm").arg(language_)))
        qWarning("fieldinspect: no translation for %s", qPrintable(language_));
    if (translator_)
        QCoreApplication::removeTranslator(translator_.get());
    translator_ = std::move(next);
    QCoreApplication::installTranslator(translator_.get());
}

void Preferences::setLanguage(const QString& language) {
    const QString wanted =
        language == QLatin1String("en") ? QStringLiteral("en") : QStringLiteral("zh_CN");
    if (wanted == language_)
        return;
    language_ = wanted;
    settings_->setValue(QStringLiteral("language"), language_);
    install_translator();
    Q_EMIT languageChanged();
}

void Preferences::setPhotoLongestSide(int px) {
    const int wanted = px == detail_photo_side_px ? detail_photo_side_px : default_photo_side_px;
    if (wanted == photo_side_)
        return;
    photo_side_ = wanted;
    settings_->setValue(QStringLiteral("photo/longest_side_px"), photo_side_);
    Q_EMIT photoLongestSideChanged();
}

QString Preferences::reminderTimes() const {
    return QString::fromStdString(sync::format_reminder_times(reminder_times_));
}

bool Preferences::setReminderTimes(const QString& text) {
    auto times = sync::parse_reminder_times(text.toStdString());
    if (!times)
        return false;
    if (*times != reminder_times_) {
        reminder_times_ = std::move(*times);
        settings_->setValue(QStringLiteral("reminders/times"), reminderTimes());
        Q_EMIT remindersChanged();
    }
    return true;
}

void Preferences::setOutdoorTheme(bool on) {
    if (on == outdoor_)
        return;
    outdoor_ = on;
    settings_->setValue(QStringLiteral("display/outdoor"), outdoor_);
    Q_EMIT displayChanged();
}

void Preferences::setTextScalePercent(int percent) {
    const int wanted = clamp_text_scale(percent);
    if (wanted == text_scale_percent_)
        return;
    text_scale_percent_ = wanted;
    settings_->setValue(QStringLiteral("display/text_scale_percent"), text_scale_percent_);
    Q_EMIT displayChanged();
}

void Preferences::setServerUrl(const QString& url) {
    const QString v = url.trimmed();
    if (v == server_url_)
        return;
    server_url_ = v;
    settings_->setValue(QStringLiteral("server/url"), v);
    Q_EMIT serverChanged();
}

void Preferences::setCaFile(const QString& file) {
    const QString v = file.trimmed();
    if (v == ca_file_)
        return;
    ca_file_ = v;
    settings_->setValue(QStringLiteral("server/ca_file"), v);
    Q_EMIT serverChanged();
}

void Preferences::setTlsPin(const QString& pin) {
    const QString v = pin.trimmed();
    if (v == tls_pin_)
        return;
    tls_pin_ = v;
    settings_->setValue(QStringLiteral("server/tls_pin"), v);
    Q_EMIT serverChanged();
}

QString Preferences::version() const {
    return QStringLiteral(FI_APP_VERSION);
}

QString Preferences::qtVersion() const {
    return QString::fromLatin1(qVersion());
}

QString Preferences::dataLocation() const {
    return QDir::toNativeSeparators(QString::fromStdString(data_dir_.string()));
}

ServerConfig Preferences::server() const {
    ServerConfig c;
    c.url = server_url_.toStdString();
    c.ca_file = ca_file_.toStdString();
    if (!tls_pin_.isEmpty())
        for (const auto& p : tls_pin_.split(QLatin1Char(','), Qt::SkipEmptyParts))
            c.pins.push_back(p.trimmed().toStdString());
    return c;
}

} // namespace fi::app
