#include "core/trustedclock.h"

#include <algorithm>

namespace fi {

std::string_view to_string(ClockSource source) {
    return source == ClockSource::server ? "server" : "device";
}

std::string_view to_string(ClockFlag flag) {
    switch (flag) {
    case ClockFlag::never_synced:
        return "never_synced";
    case ClockFlag::rebooted:
        return "rebooted";
    case ClockFlag::boot_unknown:
        return "boot_unknown";
    case ClockFlag::boottime_went_backwards:
        return "boottime_went_backwards";
    case ClockFlag::wall_clock_jumped:
        return "wall_clock_jumped";
    case ClockFlag::boottime_implausible:
        return "boottime_implausible";
    }
    return "unknown";
}

bool TrustedTime::has(ClockFlag flag) const {
    return std::find(flags.begin(), flags.end(), flag) != flags.end();
}

TrustedTime TrustedClock::now(const ClockReading& reading) const {
    using namespace std::chrono;
    TrustedTime device_time{reading.wall, ClockSource::device, milliseconds{0}, {}};
    if (!sync_) {
        device_time.flags.push_back(ClockFlag::never_synced);
        return device_time;
    }
    const ClockSync& sync = *sync_;
    // An unreadable boot id proves nothing about continuity, even if both are empty.
    if (reading.boot_id.empty() || sync.device.boot_id.empty()) {
        device_time.flags.push_back(ClockFlag::boot_unknown);
        return device_time;
    }
    if (reading.boot_id != sync.device.boot_id) {
        device_time.flags.push_back(ClockFlag::rebooted);
        return device_time;
    }
    const milliseconds elapsed = reading.boottime - sync.device.boottime;
    if (elapsed < milliseconds{0}) {
        device_time.flags.push_back(ClockFlag::boottime_went_backwards);
        return device_time;
    }
    if (elapsed > max_carry_forward) {
        // Carrying the server's time forward by a forged boot clock would stamp evidence with
        // a made-up time labelled "server"; the device's own clock, flagged, is honest.
        device_time.flags.push_back(ClockFlag::boottime_implausible);
        return device_time;
    }

    TrustedTime t;
    t.source = ClockSource::server;
    t.time = sync.server + elapsed;
    t.offset = floor<milliseconds>(t.time) - floor<milliseconds>(reading.wall);
    const auto wall_elapsed = floor<milliseconds>(reading.wall - sync.device.wall);
    if (abs(wall_elapsed - elapsed) > tolerance_)
        t.flags.push_back(ClockFlag::wall_clock_jumped);
    return t;
}

} // namespace fi
