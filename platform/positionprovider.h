#pragma once

#include "core/model.h"
#include "core/result.h"
#include "core/trustedclock.h"
#include "platform/bootclock.h"

#include <QGeoPositionInfo>
#include <QObject>
#include <QString>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>

class QGeoPositionInfoSource;

namespace fi::platform {

class NmeaReplayDevice;

/// Whether the platform says a fix came from a mock (test) provider.
enum class MockState {
    not_reported, ///< the platform does not say (Linux/GeoClue, Qt 6.4 on every platform)
    genuine,
    mock, ///< a test provider or a replayed log: not evidence of where the device was
};

/// One position fix in the interface's integer form, with what makes it trustworthy or not.
struct LocationFix {
    Location location;           ///< lat_e6, lon_e6, accuracy_m (rounded up, at least 1)
    bool accuracy_known = false; ///< false: the source gave no accuracy; accuracy_m is 0
    std::chrono::system_clock::time_point fix_time; ///< the source's (GNSS) time of the fix
    ClockReading received; ///< the device's boot clock when the fix arrived
    MockState mock = MockState::not_reported;

    /// The location to put on a record: only a fix with a known accuracy qualifies.
    std::optional<Location> for_record() const;
    /// Time since the fix arrived, on the boot clock (which the user cannot set). A fix from
    /// before a reboot is infinitely old.
    std::chrono::milliseconds age(const ClockReading& now) const;
};

/// The device's position through QtPositioning, in the interface's integer form. The system
/// source is the platform default (GeoClue on Linux, the fused provider on Android, Core
/// Location on iOS); the replay source plays an NMEA log through QNmeaPositionInfoSource for
/// tests and demos and marks its fixes as mock. Lives on the GUI thread.
class PositionProvider final : public QObject {
    Q_OBJECT
public:
    /// `source` may be null: the provider then reports itself unavailable.
    PositionProvider(std::unique_ptr<QGeoPositionInfoSource> source, const BootClock& clock,
                     MockState mock);
    ~PositionProvider() override;

    /// The platform's default source (none on a machine without one).
    static std::unique_ptr<PositionProvider> system(const BootClock& clock);
    /// Replay `nmea_log`, one epoch per `epoch_interval`.
    static Result<std::unique_ptr<PositionProvider>>
    replay(const std::filesystem::path& nmea_log, const BootClock& clock,
           std::chrono::milliseconds epoch_interval = std::chrono::seconds(1));

    bool available() const { return source_ != nullptr; }
    /// What to tell the user when there is no position at all.
    QString unavailable_reason() const;

    void start();
    void stop();

    const std::optional<LocationFix>& last_fix() const { return last_; }
    /// The last fix if it is at most `max_age` old.
    std::optional<LocationFix> current(std::chrono::milliseconds max_age) const;

    /// QtPositioning's fix in the interface's integer form.
    static LocationFix to_fix(const QGeoPositionInfo& info, const ClockReading& received,
                              MockState mock);

Q_SIGNALS:
    void fixUpdated(const fi::platform::LocationFix& fix);
    void errorOccurred(const QString& message);

private:
    void on_position(const QGeoPositionInfo& info);

    std::unique_ptr<NmeaReplayDevice> device_; // outlives the source that reads it
    std::unique_ptr<QGeoPositionInfoSource> source_;
    const BootClock& clock_;
    MockState mock_;
    std::optional<LocationFix> last_;
};

} // namespace fi::platform
