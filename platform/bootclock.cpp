#include "platform/bootclock.h"

#include <ctime>
#include <fstream>

namespace fi::platform {

ClockReading LinuxBootClock::read() const {
    ClockReading r;
    timespec ts{};
    ::clock_gettime(CLOCK_BOOTTIME, &ts);
    r.boottime =
        std::chrono::seconds(ts.tv_sec) +
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::nanoseconds(ts.tv_nsec));
    std::ifstream in("/proc/sys/kernel/random/boot_id");
    std::getline(in, r.boot_id);
    r.wall = std::chrono::system_clock::now();
    return r;
}

} // namespace fi::platform
