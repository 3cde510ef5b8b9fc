// Stamping records with the trusted time, and keeping the clock sync across restarts.
#include "core/capture.h"
#include "core/date.h"
#include "support/domainfixture.h"

#include <doctest/doctest.h>

using namespace fi;
using namespace std::chrono;

namespace {
system_clock::time_point utc(int y, int mo, int d, int h, int mi) {
    const auto days = Date{y, mo, d}.days_since_epoch();
    return system_clock::time_point(seconds(days * 86400 + h * 3600 + mi * 60));
}
} // namespace

TEST_CASE("a record started late in the UTC evening belongs to the next China day") {
    Assignment a;
    a.id = "A-1";
    a.revision = 4;
    TrustedTime now;
    now.time = utc(2026, 11, 27, 17, 30); // 01:30 on the 28th in UTC+08:00
    now.source = ClockSource::server;
    now.offset = milliseconds(-1520);
    const auto r = start_record(a, "rid", now, now.time + milliseconds(1520));
    CHECK(r.id == "rid");
    CHECK(r.assignment_id == "A-1");
    CHECK(r.assignment_revision == 4);
    CHECK(r.inspection_day == "2026-11-28");
    CHECK(r.started_at == "2026-11-28T01:30:00.000+08:00");
    CHECK(r.clock.device_started_at == "2026-11-28T01:30:01.520+08:00");
    CHECK(r.clock.offset_ms == -1520);
    CHECK(r.clock.source == "server");
    CHECK(r.finished_at.empty());
    REQUIRE(r.signatures.has_value()); // interface 1.1: signed on site, [] until then
    CHECK(r.signatures->empty());

    InspectionRecord done = r;
    TrustedTime later = now;
    later.time += minutes(35);
    finish_record(done, later);
    CHECK(done.finished_at == "2026-11-28T02:05:00.000+08:00");

    TrustedTime device_only;
    device_only.time = utc(2026, 11, 28, 1, 0);
    CHECK(start_record(a, "r2", device_only, device_only.time).clock.source == "device");
}

TEST_CASE("the clock sync survives in the store, and a damaged one reads as never synced") {
    fi::test::Fixture f;
    MetaStore meta(f.db);
    CHECK_FALSE(load_clock_sync(meta).value().has_value());
    ClockSync s;
    s.server = utc(2026, 11, 28, 1, 0) + milliseconds(123);
    s.device.boottime = milliseconds(987654);
    s.device.boot_id = "b0a1d2c3-0000-4000-8000-000000000001";
    s.device.wall = utc(2026, 11, 28, 1, 0);
    REQUIRE(save_clock_sync(meta, s).ok());
    auto back = load_clock_sync(meta);
    REQUIRE(back.ok());
    REQUIRE(back->has_value());
    CHECK((*back)->server == s.server);
    CHECK((*back)->device.boottime == s.device.boottime);
    CHECK((*back)->device.boot_id == s.device.boot_id);
    CHECK((*back)->device.wall == s.device.wall);

    // Restored into a TrustedClock, it carries server time forward by boot time.
    TrustedClock clock;
    clock.synced(**back);
    ClockReading later = s.device;
    later.boottime += seconds(60);
    later.wall += seconds(60);
    const auto t = clock.now(later);
    CHECK(t.source == ClockSource::server);
    CHECK(t.time == s.server + seconds(60));

    REQUIRE(meta.set("clock.sync", "{not json").ok());
    CHECK_FALSE(load_clock_sync(meta).value().has_value());
}
