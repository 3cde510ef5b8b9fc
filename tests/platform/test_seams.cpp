// The Linux device seams read the real machine.
#include "platform/bootclock.h"
#include "platform/freespace.h"
#include "support/tempdir.h"

#include <doctest/doctest.h>
#include <thread>

using namespace fi::platform;
using fi::ClockReading;
using namespace std::chrono_literals;

TEST_CASE("the boot clock advances with time and keeps its boot id") {
    LinuxBootClock clock;
    const auto a = clock.read();
    std::this_thread::sleep_for(30ms);
    const auto b = clock.read();
    CHECK(a.boot_id.size() == 36); // a UUID
    CHECK(a.boot_id == b.boot_id);
    CHECK(b.boottime - a.boottime >= 25ms);
    CHECK(b.boottime - a.boottime < 5s);
    CHECK(b.wall >= a.wall);
    CHECK(a.boottime > 0ms);
}

TEST_CASE("free space is read from the filesystem and warns under the threshold") {
    fi::test::TempDir dir;
    const auto real = free_space(dir.path());
    REQUIRE(real.has_value());
    CHECK(real->available_bytes > 0);
    const auto huge = free_space(dir.path(), real->available_bytes + (1ULL << 40));
    REQUIRE(huge.has_value());
    CHECK(huge->low);
    CHECK(huge->warning.find("MB of storage left") != std::string::npos);
    const auto tiny = free_space(dir.path(), 1);
    REQUIRE(tiny.has_value());
    CHECK_FALSE(tiny->low);
    CHECK(tiny->warning.empty());
    CHECK_FALSE(free_space(dir / "does-not-exist").has_value());
}
