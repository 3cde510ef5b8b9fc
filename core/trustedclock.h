#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fi {

/// What the platform reads at one instant: CLOCK_BOOTTIME (monotonic, counts suspend, reset by a
/// reboot), the kernel's boot id, and the wall clock (which the user or the network may set).
struct ClockReading {
    std::chrono::milliseconds boottime{0};
    std::string boot_id;
    std::chrono::system_clock::time_point wall;
};

/// A successful `GET /time`: the server's time and the device's readings at that instant
/// (the platform layer takes the readings at the middle of the round trip).
struct ClockSync {
    std::chrono::system_clock::time_point server;
    ClockReading device;
};

/// Where a timestamp came from, as the interface's `clock.source` says.
enum class ClockSource { server, device };

/// Why a timestamp deserves a second look.
enum class ClockFlag {
    never_synced,            ///< no server time yet: the device clock is all there is
    rebooted,                ///< boot id changed since the sync: boot time restarted
    boot_unknown,            ///< the platform could not read a boot id
    boottime_went_backwards, ///< same boot id yet boot time is lower than at the sync
    wall_clock_jumped,       ///< the wall clock moved unlike boot time since the sync
    /// boot time ran on further since the sync than a device stays up (the boot clock itself
    /// was tampered with, e.g. by an LD_PRELOAD shim such as libfaketime)
    boottime_implausible,
};

std::string_view to_string(ClockSource source);
std::string_view to_string(ClockFlag flag);

/// A timestamp and how far to trust it.
struct TrustedTime {
    std::chrono::system_clock::time_point time;
    ClockSource source = ClockSource::device;
    /// Server minus device (the interface's `clock.offset_ms`): time = device wall + offset.
    /// 0 when the source is the device.
    std::chrono::milliseconds offset{0};
    std::vector<ClockFlag> flags;

    bool has(ClockFlag flag) const;
};

/// The time to put on evidence. The device wall clock can be set by anyone holding the tablet,
/// so after a sync the time is the server's time carried forward by CLOCK_BOOTTIME, which the
/// user cannot change and which keeps counting in suspend. A reboot restarts boot time, so the
/// device clock is used again (source "device") until the next sync. Pure: the platform layer
/// supplies every reading.
class TrustedClock {
public:
    /// How far the wall clock may drift from boot time since the sync before it counts as set.
    static constexpr std::chrono::milliseconds default_jump_tolerance = std::chrono::minutes(2);
    /// Boot time carried forward further than this since the sync is not believed: no tablet
    /// runs a year without a reboot, so the boot clock itself must have been set.
    static constexpr std::chrono::milliseconds max_carry_forward = std::chrono::days(366);

    explicit TrustedClock(std::chrono::milliseconds jump_tolerance = default_jump_tolerance)
        : tolerance_(jump_tolerance) {}

    /// Remember a sync (replaces the previous one).
    void synced(const ClockSync& sync) { sync_ = sync; }
    /// Restore the state persisted after the last sync.
    const std::optional<ClockSync>& last_sync() const { return sync_; }

    TrustedTime now(const ClockReading& reading) const;

private:
    std::chrono::milliseconds tolerance_;
    std::optional<ClockSync> sync_;
};

} // namespace fi
