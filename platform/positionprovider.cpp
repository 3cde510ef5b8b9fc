#include "platform/positionprovider.h"

#include "platform/nmeareplaydevice.h"

#include <QFile>
#include <QGeoPositionInfoSource>
#include <QNmeaPositionInfoSource>
#include <cmath>

namespace fi::platform {

namespace {
/// Qt turns HDOP into an accuracy as 2 × HDOP × UERE (a 95 % radius). 3 m is a fair user
/// equivalent range error for a tablet's single-frequency receiver under open sky.
constexpr double replay_uere_m = 3.0;
} // namespace

std::optional<Location> LocationFix::for_record() const {
    if (!accuracy_known)
        return std::nullopt;
    return location;
}

std::chrono::milliseconds LocationFix::age(const ClockReading& now) const {
    if (received.boot_id.empty() || now.boot_id != received.boot_id)
        return std::chrono::milliseconds::max();
    return now.boottime - received.boottime;
}

PositionProvider::PositionProvider(std::unique_ptr<QGeoPositionInfoSource> source,
                                   const BootClock& clock, MockState mock)
    : source_(std::move(source)), clock_(clock), mock_(mock) {
    if (!source_)
        return;
    connect(source_.get(), &QGeoPositionInfoSource::positionUpdated, this,
            &PositionProvider::on_position);
    connect(source_.get(), &QGeoPositionInfoSource::errorOccurred, this,
            [this](QGeoPositionInfoSource::Error error) {
                switch (error) {
                case QGeoPositionInfoSource::AccessError:
                    Q_EMIT errorOccurred(tr("The app may not read the location. Allow location "
                                            "access in the system settings."));
                    break;
                case QGeoPositionInfoSource::ClosedError:
                    Q_EMIT errorOccurred(tr("Location is switched off. Switch it on in the "
                                            "system settings."));
                    break;
                case QGeoPositionInfoSource::UpdateTimeoutError:
                    Q_EMIT errorOccurred(tr("No position yet. Move to open sky and wait."));
                    break;
                case QGeoPositionInfoSource::NoError:
                    break;
                default:
                    Q_EMIT errorOccurred(tr("The location service failed. Restart the tablet "
                                            "if this persists."));
                    break;
                }
            });
}

PositionProvider::~PositionProvider() {
    if (source_)
        source_->stopUpdates();
}

std::unique_ptr<PositionProvider> PositionProvider::system(const BootClock& clock) {
    std::unique_ptr<QGeoPositionInfoSource> source(
        QGeoPositionInfoSource::createDefaultSource(nullptr));
    // Qt 6.4 reports no mock flag; Android's plugin will fill MockState through JNI.
    return std::make_unique<PositionProvider>(std::move(source), clock, MockState::not_reported);
}

Result<std::unique_ptr<PositionProvider>>
PositionProvider::replay(const std::filesystem::path& nmea_log, const BootClock& clock,
                         std::chrono::milliseconds epoch_interval) {
    QFile file(QString::fromStdString(nmea_log.string()));
    if (!file.open(QIODevice::ReadOnly))
        return Error::make("not_found", "Cannot read the NMEA log " + nmea_log.string() + ": " +
                                            file.errorString().toStdString());
    auto device = std::make_unique<NmeaReplayDevice>(file.readAll(), epoch_interval);
    if (device->epochs() == 0)
        return Error::make("invalid_argument",
                           nmea_log.string() + " holds no NMEA sentences; choose an NMEA log.");
    auto source = std::make_unique<QNmeaPositionInfoSource>(QNmeaPositionInfoSource::RealTimeMode);
    source->setUserEquivalentRangeError(replay_uere_m);
    source->setDevice(device.get());
    auto provider = std::make_unique<PositionProvider>(std::move(source), clock, MockState::mock);
    provider->device_ = std::move(device);
    return provider;
}

QString PositionProvider::unavailable_reason() const {
    if (source_)
        return {};
    return tr("This device has no location service. Records that need a location cannot be "
              "completed on it.");
}

void PositionProvider::start() {
    if (!source_)
        return;
    if (device_ && !device_->isOpen())
        device_->open(QIODevice::ReadOnly);
    source_->startUpdates();
}

void PositionProvider::stop() {
    if (source_)
        source_->stopUpdates();
    if (device_)
        device_->close();
}

std::optional<LocationFix> PositionProvider::current(std::chrono::milliseconds max_age) const {
    if (!last_ || last_->age(clock_.read()) > max_age)
        return std::nullopt;
    return last_;
}

LocationFix PositionProvider::to_fix(const QGeoPositionInfo& info, const ClockReading& received,
                                     MockState mock) {
    LocationFix fix;
    const QGeoCoordinate c = info.coordinate();
    fix.location.lat_e6 = std::llround(c.latitude() * 1e6);
    fix.location.lon_e6 = std::llround(c.longitude() * 1e6);
    if (info.hasAttribute(QGeoPositionInfo::HorizontalAccuracy)) {
        const double acc = info.attribute(QGeoPositionInfo::HorizontalAccuracy);
        if (std::isfinite(acc) && acc >= 0) {
            // Rounded up: a record never claims more precision than the fix had.
            fix.location.accuracy_m =
                std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(acc)));
            fix.accuracy_known = true;
        }
    }
    fix.fix_time = std::chrono::system_clock::time_point(
        std::chrono::milliseconds(info.timestamp().toMSecsSinceEpoch()));
    fix.received = received;
    fix.mock = mock;
    return fix;
}

void PositionProvider::on_position(const QGeoPositionInfo& info) {
    if (!info.isValid() || !info.coordinate().isValid())
        return;
    last_ = to_fix(info, clock_.read(), mock_);
    Q_EMIT fixUpdated(*last_);
}

} // namespace fi::platform
