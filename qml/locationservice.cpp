#include "qml/locationservice.h"

#include "platform/positionprovider.h"

namespace fi::app {

QString location_text(const Location& l) {
    return QStringLiteral("%1, %2 ±%3 m")
        .arg(static_cast<double>(l.lat_e6) / 1e6, 0, 'f', 6)
        .arg(static_cast<double>(l.lon_e6) / 1e6, 0, 'f', 6)
        .arg(l.accuracy_m);
}

LocationService::LocationService(const std::optional<std::filesystem::path>& nmea_replay,
                                 std::chrono::milliseconds epoch_interval, QObject* parent)
    : QObject(parent), nmea_replay_(nmea_replay), epoch_interval_(epoch_interval),
      replaying_(nmea_replay.has_value()) {}

void LocationService::start() {
    if (started_)
        return;
    started_ = true;
    if (nmea_replay_) {
        auto replay = platform::PositionProvider::replay(*nmea_replay_, clock_, epoch_interval_);
        if (replay)
            provider_ = std::move(replay.value());
        else
            replay_error_ = QString::fromStdString(replay.error().message);
    } else {
        provider_ = platform::PositionProvider::system(clock_);
    }
    if (provider_) {
        connect(provider_.get(), &platform::PositionProvider::fixUpdated, this,
                [this] { Q_EMIT fixChanged(); });
        provider_->start();
    }
    Q_EMIT availableChanged();
    Q_EMIT fixChanged();
}

LocationService::~LocationService() {
    if (provider_)
        provider_->stop();
}

bool LocationService::available() const {
    return provider_ && provider_->available();
}

QString LocationService::unavailableReason() const {
    if (!started_)
        return tr("The position source is starting.");
    if (!replay_error_.isEmpty())
        return replay_error_;
    if (!provider_)
        return tr("No position source on this device.");
    return provider_->available() ? QString() : provider_->unavailable_reason();
}

std::optional<Location> LocationService::current() const {
    if (!provider_)
        return std::nullopt;
    if (replaying_)
        return provider_->last_fix() ? provider_->last_fix()->for_record() : std::nullopt;
    auto fix = provider_->current(max_age);
    if (!fix)
        return std::nullopt;
    return fix->for_record();
}

QString LocationService::text() const {
    const auto l = current();
    return l ? location_text(*l) : QString();
}

int LocationService::accuracyMeters() const {
    const auto l = current();
    return l ? static_cast<int>(l->accuracy_m) : 0;
}

bool LocationService::simulated() const {
    return provider_ && provider_->last_fix() &&
           provider_->last_fix()->mock == platform::MockState::mock;
}

} // namespace fi::app
