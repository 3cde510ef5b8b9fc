#pragma once

#include "core/outboxstore.h"
#include "sync/centralclient.h"
#include "sync/retrypolicy.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace fi {
class Database;
}

namespace fi::sync {

struct UploaderOptions {
    std::int64_t chunk_bytes = 1024 * 1024;
    RetryPolicy retry;
    /// Milliseconds since the epoch; injectable so tests can step time.
    std::function<std::int64_t()> now_ms;
    /// Take every entry not parked, whatever its back-off says (a wipe uploads everything it
    /// can first). A failure still schedules the entry's next attempt from now as usual.
    bool ignore_back_off = false;
};

/// Bytes moved so far, for one record and for the whole run.
struct UploadProgress {
    std::string record_id;
    std::int64_t record_sent = 0;
    std::int64_t record_total = 0;
    std::int64_t overall_sent = 0;
    std::int64_t overall_total = 0;
};
using UploadProgressFn = std::function<void(const UploadProgress&)>;

/// What one run of the uploader did.
struct UploadSummary {
    int uploaded = 0;    ///< records now complete on the central side
    int late = 0;        ///< of which the server flagged late
    int retry_later = 0; ///< records waiting for their next attempt
    int parked = 0;      ///< records the user must look at
    bool needs_sign_in = false;
    bool cancelled = false;
    std::int64_t requests = 0;
    std::int64_t photo_bytes_sent = 0;
    std::vector<std::string> messages; ///< one line per problem, naming the record
};

/// Owner of the upload step: takes due outbox entries in chain order and, for each, sends
/// the sealed record (`POST /inspections`, Idempotency-Key = record id) and then every photo
/// by HEAD/PATCH chunks from the store, resuming from the server's offset. Only when the
/// server acknowledged the record and every photo is complete is the record marked uploaded
/// (RecordStore::mark_uploaded), with the receipt; that write, and the POST's receipt in the
/// outbox, are made while the next request is on the wire. Retryable trouble schedules the next
/// attempt; other 4xx park the record with the server's message; 401 stops the run.
class Uploader {
public:
    Uploader(Database& db, CentralClient& client, UploaderOptions options = {});

    UploadSummary upload_due(const UploadProgressFn& progress = {},
                             const std::atomic<bool>* cancel = nullptr);

private:
    enum class Outcome { uploaded, retry, parked, unauthorized, cancelled };
    /// A record whose photos have all arrived, its receipt not yet kept: kept while the next
    /// record's POST is on the wire, or when the run ends (`settle`).
    struct Arrived {
        std::string record_id;
        std::string received_at;
        bool late = false;
    };
    Outcome upload_one(const OutboxEntry& entry, UploadSummary& summary,
                       const UploadProgressFn& progress, UploadProgress& overall,
                       const std::atomic<bool>* cancel, std::optional<Arrived>& arrived);
    void settle(std::optional<Arrived>& arrived, UploadSummary& summary);
    Outcome fail(const OutboxEntry& entry, const ApiError& e, UploadSummary& summary);

    Database& db_;
    CentralClient& client_;
    UploaderOptions options_;
    std::mt19937_64 rng_;
};

} // namespace fi::sync
