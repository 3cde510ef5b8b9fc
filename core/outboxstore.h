#pragma once

#include "core/result.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fi {

class Database;
class Statement;

enum class OutboxState { pending, uploading, uploaded, parked };
std::string_view to_string(OutboxState s);
std::optional<OutboxState> parse_outbox_state(std::string_view text);

/// One completed record on its way to the central system.
struct OutboxEntry {
    std::string record_id;
    OutboxState state = OutboxState::pending;
    int attempts = 0;
    std::int64_t next_attempt_ms = 0; ///< not before this (ms since the epoch)
    std::optional<std::string> error_code;
    std::optional<std::string> error_message; ///< the server's words, shown against the record
    bool acked = false;                       ///< the server accepted the record itself
    std::optional<std::string> received_at;
    bool late = false;
    std::string inspection_day;
    std::int64_t chain_seq = 0;
    std::int64_t photo_bytes = 0; ///< total bytes of the record's photos
};

/// The outbox rows in the store: which completed records still have to reach the central
/// system, and how far each got. The entry is created by RecordStore::complete in the same
/// transaction as the record; the uploader (sync) moves it along through this class only.
class OutboxStore {
public:
    explicit OutboxStore(Database& db) : db_(db) {}

    /// Every entry not yet uploaded, in chain order (oldest first).
    Result<std::vector<OutboxEntry>> open_entries();
    /// Entries that may be tried now: not parked, not uploaded, due at `now_ms`.
    Result<std::vector<OutboxEntry>> due(std::int64_t now_ms);
    Result<OutboxEntry> entry(std::string_view record_id);

    /// The server accepted the record (201 or a 200 replay): keep its receipt.
    Status record_ack(std::string_view record_id, std::string_view received_at, bool late);
    /// A retryable failure: count it and wait until `next_attempt_ms`.
    Status record_retry(std::string_view record_id, std::int64_t next_attempt_ms,
                        std::string_view code, std::string_view message);
    /// A failure the user must act on: keep the record, show the server's message.
    Status park(std::string_view record_id, std::string_view code, std::string_view message);
    /// The user asked to try a parked record again.
    Status unpark(std::string_view record_id);

private:
    Result<std::vector<OutboxEntry>> select(std::string_view where,
                                            const std::function<void(Statement&)>& bind);
    Database& db_;
};

} // namespace fi
