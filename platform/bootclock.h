#pragma once

#include "core/trustedclock.h"

namespace fi::platform {

/// The device clock seam. Linux: CLOCK_BOOTTIME and /proc/sys/kernel/random/boot_id.
/// Android will read SystemClock.elapsedRealtime() and a boot counter behind the same call.
class BootClock {
public:
    virtual ~BootClock() = default;
    /// Boot time, boot id and wall clock read together, for core's TrustedClock.
    virtual ClockReading read() const = 0;
};

/// The Linux implementation.
class LinuxBootClock final : public BootClock {
public:
    ClockReading read() const override;
};

} // namespace fi::platform
