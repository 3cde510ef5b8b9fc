#pragma once

// One upload run of a tablet's due records through another endpoint (a fault, a hostile
// server), with limits tight enough that a fault costs seconds: what it did, how long it took,
// and the record's outbox entry afterwards.

#include "syncfixture.h"

#include <chrono>
#include <cstdint>
#include <string>

namespace fi::test {

/// Loopback limits: connect 2 s, whole request 4 s, below 512 B/s for 2 s is a timeout.
sync::TransportOptions tight_transport();

struct Attempt {
    sync::UploadSummary summary;
    std::chrono::milliseconds took{0};
    OutboxEntry entry;           ///< the tablet's only open entry afterwards
    std::int64_t started_ms = 0; ///< the uploader's clock when the run began
};

std::int64_t wall_ms();

/// Upload through `url` with the tablet's token; then step the tablet's clock past any wait.
/// The tablet must hold exactly one open outbox entry.
Attempt attempt_through(Tablet& t, const std::string& url);

} // namespace fi::test
