#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace fi::platform {

/// One reading of the device's clocks, taken together, for core's trusted-clock model.
struct ClockReading {
    std::chrono::milliseconds boot_time{0}; ///< since boot, counting suspend (CLOCK_BOOTTIME)
    std::string boot_id;                    ///< changes on every reboot
    std::chrono::system_clock::time_point wall;
};

/// The device clock seam. Linux: CLOCK_BOOTTIME and /proc/sys/kernel/random/boot_id.
/// Android will read SystemClock.elapsedRealtime() and a boot counter behind the same call.
class BootClock {
public:
    virtual ~BootClock() = default;
    virtual ClockReading read() const = 0;
};

/// The Linux implementation.
class LinuxBootClock final : public BootClock {
public:
    ClockReading read() const override;
};

} // namespace fi::platform
