// Connectivity: the injected probe decides, runs off the GUI thread, and its answers become
// online/offline changes and sync requests; without a QNetworkInformation backend (as on
// this machine) periodic probing alone keeps the state right.
#include "platform/connectivity.h"
#include "platformsupport.h"

#include <QThread>
#include <atomic>
#include <doctest/doctest.h>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace fi::platform;
using namespace std::chrono_literals;

namespace {
ConnectivityOptions quick(bool system = false) {
    ConnectivityOptions o;
    o.offline_interval = 20ms;
    o.online_interval = 20ms;
    o.use_system_reachability = system;
    return o;
}
} // namespace

TEST_CASE("the probe's answers become online and offline changes, and going online asks for a "
          "sync") {
    fi::test::qt_app();
    std::atomic<bool> server_up{false};
    std::atomic<int> probes{0};
    std::atomic<bool> on_gui_thread{false};
    const auto gui = std::this_thread::get_id();
    Connectivity c(
        [&] {
            ++probes;
            if (std::this_thread::get_id() == gui)
                on_gui_thread = true;
            return server_up.load();
        },
        quick());
    std::vector<bool> changes;
    int syncs = 0;
    QObject::connect(&c, &Connectivity::onlineChanged,
                     [&](bool online) { changes.push_back(online); });
    QObject::connect(&c, &Connectivity::syncWanted, [&] { ++syncs; });

    c.start();
    REQUIRE(fi::test::wait_until([&] { return probes >= 2; }, 5s));
    CHECK_FALSE(c.online());
    CHECK(changes.empty()); // offline from the start: nothing changed

    server_up = true;
    REQUIRE(fi::test::wait_until([&] { return c.online(); }, 5s));
    CHECK(changes == std::vector<bool>{true});
    CHECK(syncs == 1);
    const int before = probes;
    REQUIRE(fi::test::wait_until([&] { return probes >= before + 3; }, 5s)); // still probing
    CHECK(syncs == 1); // staying online is not a new reason to sync

    server_up = false;
    REQUIRE(fi::test::wait_until([&] { return !c.online(); }, 5s));
    CHECK(changes == std::vector<bool>{true, false});
    server_up = true;
    REQUIRE(fi::test::wait_until([&] { return c.online(); }, 5s));
    CHECK(syncs == 2);
    CHECK_FALSE(on_gui_thread);
}

TEST_CASE("without a system reachability backend, periodic probing alone finds the network") {
    fi::test::qt_app();
    std::atomic<bool> up{true};
    Connectivity c([&] { return up.load(); }, quick(true));
    bool went_online = false;
    QObject::connect(&c, &Connectivity::syncWanted, [&] { went_online = true; });
    c.start();
    MESSAGE("QNetworkInformation backend: '", c.system_backend().toStdString(), "'");
    REQUIRE(fi::test::wait_until([&] { return went_online; }, 5s));
    CHECK(c.online());
}

TEST_CASE("a probe that throws counts as offline, and probes asked for while one runs coalesce") {
    fi::test::qt_app();
    std::atomic<int> calls{0};
    Connectivity c(
        [&]() -> bool {
            ++calls;
            std::this_thread::sleep_for(30ms);
            throw std::runtime_error("connection refused");
        },
        quick());
    int answers = 0;
    QObject::connect(&c, &Connectivity::probed, [&](bool reachable) {
        CHECK_FALSE(reachable);
        ++answers;
    });
    c.start();
    c.probe_now();
    c.probe_now();
    c.probe_now();
    REQUIRE(fi::test::wait_until([&] { return answers >= 2; }, 5s));
    CHECK_FALSE(c.online());
    CHECK(calls <= answers + 1); // never more than one probe at a time, no pile-up
}

TEST_CASE("destroying Connectivity while a probe runs waits for it and does not crash") {
    fi::test::qt_app();
    std::atomic<bool> started{false};
    {
        Connectivity c(
            [&] {
                started = true;
                std::this_thread::sleep_for(100ms);
                return true;
            },
            quick());
        c.start();
        REQUIRE(fi::test::wait_until([&] { return started.load(); }, 5s));
    }
    // The answer was queued to an object that no longer exists: it must simply be dropped.
    fi::test::wait_until([] { return false; }, 50ms);
    CHECK(started);
}
