#include "core/date.h"
#include "core/trustedclock.h"

#include <chrono>
#include <doctest/doctest.h>
#include <string>

using fi::ClockFlag;
using fi::ClockReading;
using fi::ClockSource;
using fi::TrustedClock;
using namespace std::chrono;
using namespace std::chrono_literals;

namespace {

system_clock::time_point at(const char* rfc3339) {
    auto t = fi::parse_rfc3339(rfc3339);
    REQUIRE(t.ok());
    return *t;
}

// The device's wall clock runs 1.52 s ahead of the server, as in the chain vector.
fi::ClockSync sync_at_boot_10s() {
    return fi::ClockSync{at("2026-11-28T09:00:00.000+08:00"),
                         ClockReading{10'000ms, "boot-a", at("2026-11-28T09:00:01.520+08:00")}};
}

} // namespace

TEST_CASE("never synced: the device clock, flagged") {
    const TrustedClock clock;
    const auto wall = at("2026-11-28T09:30:00.000+08:00");
    const auto t = clock.now(ClockReading{5'000ms, "boot-a", wall});
    CHECK(t.time == wall);
    CHECK(t.source == ClockSource::device);
    CHECK(fi::to_string(t.source) == "device");
    CHECK(t.offset == 0ms);
    CHECK(t.has(ClockFlag::never_synced));
    CHECK(t.flags.size() == 1);
}

TEST_CASE("same boot: server time carried forward by boot time") {
    TrustedClock clock;
    clock.synced(sync_at_boot_10s());
    REQUIRE(clock.last_sync().has_value());
    // 30 minutes of boot time later; the wall clock kept its 1.52 s lead.
    const auto wall = at("2026-11-28T09:30:01.520+08:00");
    const auto t = clock.now(ClockReading{10'000ms + 30min, "boot-a", wall});
    CHECK(t.source == ClockSource::server);
    CHECK(fi::to_string(t.source) == "server");
    CHECK(t.time == at("2026-11-28T09:30:00.000+08:00"));
    // The chain vector's clock member: offset -1520 = server minus device.
    CHECK(t.offset == -1520ms);
    CHECK(t.time == wall + t.offset);
    CHECK(t.flags.empty());
}

TEST_CASE("small wall-clock drift within the tolerance is not flagged") {
    TrustedClock clock;
    clock.synced(sync_at_boot_10s());
    const auto t = clock.now(
        ClockReading{10'000ms + 1h, "boot-a", at("2026-11-28T10:01:31.520+08:00")}); // +90 s
    CHECK(t.source == ClockSource::server);
    CHECK(t.flags.empty());
    CHECK(t.offset == -91'520ms);
}

TEST_CASE("wall clock set by hand: flagged, but the time is still the server's") {
    TrustedClock clock;
    clock.synced(sync_at_boot_10s());
    for (const char* wall : {"2026-11-28T12:00:00.000+08:00", "2026-11-27T09:00:00.000+08:00"}) {
        CAPTURE(std::string(wall));
        const auto t = clock.now(ClockReading{10'000ms + 10min, "boot-a", at(wall)});
        CHECK(t.source == ClockSource::server);
        CHECK(t.time == at("2026-11-28T09:10:00.000+08:00"));
        CHECK(t.has(ClockFlag::wall_clock_jumped));
        CHECK(t.time == at(wall) + t.offset);
    }
    // The tolerance is configurable.
    TrustedClock strict(10s);
    strict.synced(sync_at_boot_10s());
    const auto t = strict.now(
        ClockReading{10'000ms + 10min, "boot-a", at("2026-11-28T09:10:31.520+08:00")}); // +30 s
    CHECK(t.has(ClockFlag::wall_clock_jumped));
}

TEST_CASE("rebooted since the sync: the device clock, flagged") {
    TrustedClock clock;
    clock.synced(sync_at_boot_10s());
    const auto wall = at("2026-11-28T11:00:00.000+08:00");
    // Boot time after a reboot is small again; it must not be read as elapsed time.
    const auto t = clock.now(ClockReading{3'000ms, "boot-b", wall});
    CHECK(t.source == ClockSource::device);
    CHECK(t.time == wall);
    CHECK(t.offset == 0ms);
    CHECK(t.has(ClockFlag::rebooted));
    CHECK_FALSE(t.has(ClockFlag::never_synced));
}

TEST_CASE("boot time lower than at the sync within one boot id: the device clock, flagged") {
    TrustedClock clock;
    clock.synced(sync_at_boot_10s());
    const auto wall = at("2026-11-28T09:05:00.000+08:00");
    const auto t = clock.now(ClockReading{9'000ms, "boot-a", wall});
    CHECK(t.source == ClockSource::device);
    CHECK(t.time == wall);
    CHECK(t.has(ClockFlag::boottime_went_backwards));
}

TEST_CASE("an unreadable boot id proves nothing") {
    TrustedClock clock;
    auto sync = sync_at_boot_10s();
    sync.device.boot_id.clear();
    clock.synced(sync);
    const auto wall = at("2026-11-28T09:05:00.000+08:00");
    const auto t = clock.now(ClockReading{10'000ms + 5min, "", wall});
    CHECK(t.source == ClockSource::device);
    CHECK(t.has(ClockFlag::boot_unknown));
    CHECK(fi::to_string(ClockFlag::boot_unknown) == "boot_unknown");
}

TEST_CASE("a new sync replaces the old one") {
    TrustedClock clock;
    clock.synced(sync_at_boot_10s());
    clock.synced(
        fi::ClockSync{at("2026-11-28T12:00:00.000+08:00"),
                      ClockReading{2'000ms, "boot-b", at("2026-11-28T12:00:00.000+08:00")}});
    const auto t = clock.now(ClockReading{62'000ms, "boot-b", at("2026-11-28T12:01:00.000+08:00")});
    CHECK(t.source == ClockSource::server);
    CHECK(t.time == at("2026-11-28T12:01:00.000+08:00"));
    CHECK(t.offset == 0ms);
    CHECK(t.flags.empty());
}
