#pragma once

#include "platform/bootclock.h"
#include "platform/secretstore.h"

#include <QCoreApplication>
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>

namespace fi::test {

/// The process's Qt application (offscreen GUI, so QImage, QPainter and timers work headless).
QCoreApplication& qt_app();

/// Run the event loop until `done` or `timeout`; returns done().
bool wait_until(const std::function<bool()>& done, std::chrono::milliseconds timeout);

/// A boot clock the test moves by hand.
class FakeBootClock final : public platform::BootClock {
public:
    ClockReading read() const override { return now; }
    void advance(std::chrono::milliseconds by) {
        now.boottime += by;
        now.wall += by;
    }
    void reboot() {
        now.boot_id = "00000000-0000-4000-8000-00000000000" + std::to_string(++boots_ % 10);
        now.boottime = std::chrono::seconds(20);
    }
    ClockReading now{std::chrono::hours(3), "5d1e4c2a-9b8f-4e7d-a6c5-b4a392817160",
                     std::chrono::system_clock::time_point(std::chrono::hours(495'000))};

private:
    int boots_ = 0;
};

/// A secret store in memory, with a switch to make it unreachable. It checks `auth` as a TPM
/// does (a wrong one is `wrong_pin`) and counts the refusals; it may call itself hardware.
class MemorySecretStore final : public platform::SecretStore {
public:
    std::string name() const override { return "memory"; }
    bool hardware_backed() const override { return hardware; }
    Result<std::string> store(std::string_view id, const SecretKey& secret,
                              const SecretKey* auth) override;
    Result<SecretKey> load(std::string_view id, const SecretKey* auth) override;
    Status remove(std::string_view id) override;

    struct Entry {
        SecretKey secret;
        std::optional<SecretKey> auth;
    };
    std::map<std::string, Entry, std::less<>> secrets;
    bool reachable = true;
    bool hardware = false;
    int refused = 0; ///< loads refused for a wrong auth
};

} // namespace fi::test
