#pragma once

#include "core/model.h"
#include "platform/bootclock.h"

#include <QObject>
#include <QString>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>

namespace fi::platform {
class PositionProvider;
struct LocationFix;
} // namespace fi::platform

namespace fi::app {

/// Where the tablet is, for the record of an on-site inspection: the platform's position
/// source, or an NMEA log replayed (demos on a machine without GNSS; such fixes are marked
/// as simulated). Lives on the GUI thread; the inspection takes `current()` when it starts and
/// again while it has no location.
class LocationService final : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool available READ available NOTIFY availableChanged)
    Q_PROPERTY(QString unavailableReason READ unavailableReason NOTIFY availableChanged)
    Q_PROPERTY(bool hasFix READ hasFix NOTIFY fixChanged)
    Q_PROPERTY(QString text READ text NOTIFY fixChanged)
    Q_PROPERTY(int accuracyMeters READ accuracyMeters NOTIFY fixChanged)
    Q_PROPERTY(bool simulated READ simulated NOTIFY fixChanged)
public:
    /// A fix older than this is not used for a record.
    static constexpr std::chrono::minutes max_age{2};

    /// `nmea_replay`: play this log instead of the system source, one epoch per
    /// `epoch_interval`. A replay keeps its last fix when the log ends (a demo outlasts it).
    explicit LocationService(const std::optional<std::filesystem::path>& nmea_replay,
                             std::chrono::milliseconds epoch_interval = std::chrono::seconds(1),
                             QObject* parent = nullptr);
    ~LocationService() override;

    /// Open the position source and start fixes. Separate from construction: loading the
    /// positioning back end is kept out of the app's cold start.
    void start();

    bool available() const;
    QString unavailableReason() const;
    bool hasFix() const { return current().has_value(); }
    QString text() const;
    int accuracyMeters() const;
    bool simulated() const;

    /// The location to put on a record now, if a fresh fix with a known accuracy exists.
    std::optional<Location> current() const;

Q_SIGNALS:
    void fixChanged();
    void availableChanged();

private:
    std::optional<std::filesystem::path> nmea_replay_;
    std::chrono::milliseconds epoch_interval_;
    bool replaying_ = false;
    bool started_ = false;
    platform::LinuxBootClock clock_;
    std::unique_ptr<platform::PositionProvider> provider_;
    QString replay_error_;
};

/// "30.391234, 114.894321 ±8 m" for a location.
QString location_text(const Location& location);

} // namespace fi::app
