#pragma once

#include <chrono>
#include <functional>

namespace fi::server {

/// Where the server reads the time. Injected so that tests can move it (token expiry, late
/// uploads) without waiting; production uses the system clock.
using Clock = std::function<std::chrono::system_clock::time_point()>;

inline Clock system_clock() {
    return [] { return std::chrono::system_clock::now(); };
}

/// Milliseconds since the Unix epoch: how the database keeps instants it compares.
inline std::int64_t epoch_ms(std::chrono::system_clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

} // namespace fi::server
