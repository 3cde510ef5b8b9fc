// Location: the shipped NMEA log is well-formed, replays through QtPositioning into the
// interface's integer form with accuracy, fix age on the boot clock and the mock flag.
#include "platform/positionprovider.h"
#include "platformsupport.h"

#include <QFile>
#include <QGeoCoordinate>
#include <QGeoPositionInfo>
#include <doctest/doctest.h>
#include <vector>

using namespace fi;
using namespace fi::platform;
using namespace std::chrono_literals;
using fi::test::FakeBootClock;

namespace {
const char* demo_log = FI_ASSETS_DIR "/demo/ezhou-walk.nmea";
}

TEST_CASE("the demo NMEA log is GGA and RMC pairs with valid checksums, around Ezhou") {
    QFile f(demo_log);
    REQUIRE(f.open(QIODevice::ReadOnly));
    int gga = 0;
    int rmc = 0;
    for (const QByteArray& raw : f.readAll().split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty())
            continue;
        REQUIRE(line.startsWith('$'));
        const auto star = line.indexOf('*');
        REQUIRE(star > 0);
        unsigned char sum = 0;
        for (qsizetype i = 1; i < star; ++i)
            sum ^= static_cast<unsigned char>(line[i]);
        CHECK(line.mid(star + 1).toUInt(nullptr, 16) == sum);
        gga += line.startsWith("$GPGGA");
        rmc += line.startsWith("$GPRMC");
    }
    CHECK(gga == rmc);
    CHECK(gga >= 180); // a few minutes at 1 Hz
}

TEST_CASE("the NMEA replay gives the expected fixes through QtPositioning") {
    fi::test::qt_app();
    FakeBootClock clock;
    auto provider = PositionProvider::replay(demo_log, clock, 1ms);
    REQUIRE(provider.ok());
    PositionProvider& p = **provider;
    CHECK(p.available());
    std::vector<LocationFix> fixes;
    QObject::connect(&p, &PositionProvider::fixUpdated, [&](const LocationFix& fix) {
        fixes.push_back(fix);
        clock.advance(1s); // as if a second passed per epoch
    });
    p.start();
    REQUIRE(fi::test::wait_until([&] { return fixes.size() >= 150; }, 10s));

    // The first fix: the four no-fix epochs of the cold start give nothing.
    const LocationFix& first = fixes.front();
    CHECK(first.location.lat_e6 == 30391200);  // 3023.4720 N
    CHECK(first.location.lon_e6 == 114894302); // 11453.6581 E
    CHECK(first.accuracy_known);
    CHECK(first.location.accuracy_m == 7); // 2 × HDOP 1.1 × UERE 3 m = 6.6, rounded up
    CHECK(first.mock == MockState::mock);
    CHECK(first.fix_time ==
          std::chrono::system_clock::time_point(1795829404s)); // 2026-11-28T01:30:04Z
    REQUIRE(first.for_record().has_value());
    CHECK(first.for_record()->lat_e6 == 30391200);

    // A walk: every fix within the site, about 1.5 m per second apart.
    for (const auto& fix : fixes) {
        CHECK(fix.location.lat_e6 > 30390000);
        CHECK(fix.location.lat_e6 < 30393000);
        CHECK(fix.location.lon_e6 > 114893000);
        CHECK(fix.location.lon_e6 < 114896000);
        CHECK(fix.location.accuracy_m >= 6);
        CHECK(fix.location.accuracy_m <= 8);
    }
    CHECK(fixes[80].location.lat_e6 > first.location.lat_e6 + 700); // at the gate

    // The last fix and its age on the boot clock.
    REQUIRE(p.last_fix().has_value());
    const auto received = p.last_fix()->received;
    CHECK(p.last_fix()->age(clock.read()) == clock.read().boottime - received.boottime);
    CHECK(p.current(10min).has_value());
    clock.advance(2min);
    CHECK_FALSE(p.current(1min).has_value());
    clock.reboot();
    CHECK(p.last_fix()->age(clock.read()) == std::chrono::milliseconds::max());
    p.stop();
}

TEST_CASE("a QtPositioning fix becomes integers: degrees × 10^6, accuracy rounded up") {
    FakeBootClock clock;
    QGeoPositionInfo info(QGeoCoordinate(30.39123449, 114.89432151),
                          QDateTime::fromMSecsSinceEpoch(1795829404123LL, Qt::UTC));
    info.setAttribute(QGeoPositionInfo::HorizontalAccuracy, 4.2);
    auto fix = PositionProvider::to_fix(info, clock.read(), MockState::genuine);
    CHECK(fix.location.lat_e6 == 30391234);
    CHECK(fix.location.lon_e6 == 114894322);
    CHECK(fix.location.accuracy_m == 5);
    CHECK(fix.accuracy_known);
    CHECK(fix.mock == MockState::genuine);
    CHECK(fix.fix_time.time_since_epoch() == 1795829404123ms);
    CHECK(fix.received.boot_id == clock.now.boot_id);

    QGeoPositionInfo south(QGeoCoordinate(-33.86881972, 151.20929951), QDateTime());
    south.setAttribute(QGeoPositionInfo::HorizontalAccuracy, 0.2);
    auto s = PositionProvider::to_fix(south, clock.read(), MockState::not_reported);
    CHECK(s.location.lat_e6 == -33868820);
    CHECK(s.location.lon_e6 == 151209300);
    CHECK(s.location.accuracy_m == 1); // never claims 0 m

    QGeoPositionInfo unknown(QGeoCoordinate(30.39, 114.89), QDateTime());
    auto u = PositionProvider::to_fix(unknown, clock.read(), MockState::not_reported);
    CHECK_FALSE(u.accuracy_known);
    CHECK_FALSE(u.for_record().has_value()); // a record's location needs an accuracy
}

TEST_CASE("a replay of a file that is not NMEA, or missing, is refused") {
    fi::test::qt_app();
    FakeBootClock clock;
    CHECK(PositionProvider::replay("/nonexistent/walk.nmea", clock).error().code == "not_found");
    CHECK(PositionProvider::replay(FI_ASSETS_DIR "/holidays.json", clock).error().code ==
          "invalid_argument");
}

TEST_CASE("the system position source is optional and says so when missing") {
    fi::test::qt_app();
    LinuxBootClock clock;
    auto p = PositionProvider::system(clock);
    REQUIRE(p != nullptr);
    if (!p->available())
        CHECK_FALSE(p->unavailable_reason().isEmpty());
    MESSAGE("system position source available: ", p->available());
    p->start(); // no source, or GeoClue without a bus: reports, never crashes
    fi::test::wait_until([] { return false; }, 50ms);
    p->stop();
}
