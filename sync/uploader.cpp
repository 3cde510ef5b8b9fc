#include "sync/uploader.h"

#include "core/database.h"
#include "core/photostore.h"
#include "core/recordstore.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <utility>

namespace fi::sync {

namespace {

/// One chunk of one photo, as the uploader will ask the store for it.
struct ChunkKey {
    std::string photo_id;
    std::int64_t offset = 0;
    std::int64_t length = 0;
    bool operator==(const ChunkKey&) const = default;
};

/// Reads photo chunks from the store, the next one while the current one is on the network
/// (CentralClient::start_photo_patch): decrypting a chunk (SQLCipher's per-page cipher, about
/// 1.4 ms a MiB) then overlaps the server's work instead of adding to it. The reading happens
/// on the uploader's own thread while the transport's worker sends, so the connection keeps
/// one user at a time and no thread is started for it (docs/performance.md, uploads).
class ChunkReader {
public:
    explicit ChunkReader(Database& db) : photos_(db) {}

    /// Read `key` now, for `read` to take (nothing if there is no next chunk).
    void ahead(std::optional<ChunkKey> key) {
        ahead_.reset();
        if (key)
            ahead_.emplace(*key, read_now(*key));
    }

    /// The chunk `key`: the one read ahead if it is that one, else read now.
    Result<std::string> read(const ChunkKey& key) {
        std::optional<std::pair<ChunkKey, Result<std::string>>> early;
        early.swap(ahead_);
        if (early && early->first == key)
            return std::move(early->second);
        return read_now(key);
    }

private:
    Result<std::string> read_now(const ChunkKey& key) {
        std::string chunk;
        chunk.reserve(static_cast<std::size_t>(key.length));
        FI_TRY(photos_.read(key.photo_id, key.offset, key.length,
                            [&](std::span<const std::uint8_t> c) {
                                chunk.append(reinterpret_cast<const char*>(c.data()), c.size());
                                return Status{};
                            }));
        return chunk;
    }

    PhotoStore photos_;
    std::optional<std::pair<ChunkKey, Result<std::string>>> ahead_;
};

} // namespace

Uploader::Uploader(Database& db, CentralClient& client, UploaderOptions options)
    : db_(db), client_(client), options_(std::move(options)), rng_(std::random_device{}()) {
    if (!options_.now_ms)
        options_.now_ms = [] {
            return std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                .count();
        };
}

Uploader::Outcome Uploader::fail(const OutboxEntry& entry, const ApiError& e,
                                 UploadSummary& summary) {
    OutboxStore outbox(db_);
    switch (e.kind) {
    case ApiErrorKind::unauthorized:
        summary.needs_sign_in = true;
        summary.messages.push_back(entry.record_id + ": " + e.message);
        return Outcome::unauthorized;
    case ApiErrorKind::cancelled:
        summary.cancelled = true;
        return Outcome::cancelled;
    case ApiErrorKind::retryable: {
        const auto wait = options_.retry.delay(entry.attempts, e.retry_after, rng_);
        (void)outbox.record_retry(entry.record_id, options_.now_ms() + wait.count(), e.code,
                                  e.message);
        ++summary.retry_later;
        summary.messages.push_back(entry.record_id + ": " + e.message + " (retrying in " +
                                   std::to_string(wait.count() / 1000) + " s)");
        return Outcome::retry;
    }
    case ApiErrorKind::rejected:
    case ApiErrorKind::refused:
        (void)outbox.park(entry.record_id, e.code, e.message);
        ++summary.parked;
        summary.messages.push_back(entry.record_id + ": " + e.message);
        return Outcome::parked;
    }
    return Outcome::retry;
}

UploadSummary Uploader::upload_due(const UploadProgressFn& progress,
                                   const std::atomic<bool>* cancel) {
    UploadSummary summary;
    const auto before = client_.requests_made();
    auto due = OutboxStore(db_).due(
        options_.ignore_back_off ? std::numeric_limits<std::int64_t>::max() : options_.now_ms());
    if (!due) {
        summary.messages.push_back(due.error().message);
        return summary;
    }
    UploadProgress overall;
    for (const auto& e : *due)
        overall.overall_total += e.photo_bytes;
    std::optional<Arrived> arrived;
    for (const auto& entry : *due) {
        if (cancel && cancel->load()) {
            summary.cancelled = true;
            break;
        }
        const Outcome o = upload_one(entry, summary, progress, overall, cancel, arrived);
        if (o == Outcome::unauthorized || o == Outcome::cancelled)
            break;
    }
    settle(arrived, summary);
    summary.requests = client_.requests_made() - before;
    return summary;
}

void Uploader::settle(std::optional<Arrived>& arrived, UploadSummary& summary) {
    if (!arrived)
        return;
    const Arrived a = std::move(*arrived);
    arrived.reset();
    if (auto s = RecordStore(db_).mark_uploaded(a.record_id, a.received_at, a.late); !s) {
        // Not kept: the outbox still holds the record acknowledged, and the next run finds
        // its photos whole on the central side (HEAD) and keeps the receipt then.
        summary.messages.push_back(a.record_id + ": " + s.error().message);
        return;
    }
    ++summary.uploaded;
    if (a.late)
        ++summary.late;
}

Uploader::Outcome Uploader::upload_one(const OutboxEntry& entry, UploadSummary& summary,
                                       const UploadProgressFn& progress, UploadProgress& overall,
                                       const std::atomic<bool>* cancel,
                                       std::optional<Arrived>& arrived) {
    RecordStore records(db_);
    auto stored = records.load(entry.record_id);
    if (!stored) {
        summary.messages.push_back(entry.record_id + ": " + stored.error().message);
        return Outcome::retry;
    }
    OutboxStore outbox(db_);
    std::string received_at = entry.received_at.value_or("");
    bool late = entry.late;
    // Photos the server already holds whole; unknown (nullopt) until asked.
    std::vector<std::string> missing;
    bool offsets_known_zero = false;
    // The images the central system needs: the photos, then the signatures' images (sent
    // the same way, interface 1.1); a record is complete there only when all have arrived.
    std::vector<PhotoRef> all_photos = stored->record.photos;
    for (const auto& g : stored->record.signatures.value_or(std::vector<Signature>{}))
        if (!g.refused) {
            PhotoRef image;
            image.id = g.id;
            image.sha256 = g.sha256;
            image.bytes = g.bytes;
            image.mime = g.mime;
            all_photos.push_back(std::move(image));
        }
    ChunkReader chunks(db_);
    // The POST's receipt (`received_at`, `late`), kept in the outbox (record_ack) while the
    // first PATCH is on the wire, or before whatever else comes first: a HEAD, a failure, the
    // end. Until it is kept a crash costs a replayed POST, which the Idempotency-Key makes safe.
    bool ack_due = false;
    if (!entry.acked) {
        // While the POST is on the wire: the previous record's receipt is kept, and a fresh
        // record's first chunk read (its photos all start at 0).
        auto posted = client_.start_post_inspection(entry.record_id, stored->body);
        settle(arrived, summary);
        if (!all_photos.empty())
            chunks.ahead(ChunkKey{all_photos.front().id, 0,
                                  std::min(options_.chunk_bytes, all_photos.front().bytes)});
        auto receipt = posted.get();
        if (!receipt)
            return fail(entry, receipt.error(), summary);
        received_at = receipt->received_at;
        late = receipt->late;
        missing = receipt->photos_missing;
        offsets_known_zero = !receipt->replay;
        ack_due = true;
    } else {
        settle(arrived, summary);
        for (const auto& p : all_photos)
            missing.push_back(p.id);
    }
    const auto keep_ack = [&] {
        if (!ack_due)
            return true;
        ack_due = false;
        if (auto s = outbox.record_ack(entry.record_id, received_at, late); !s) {
            summary.messages.push_back(entry.record_id + ": " + s.error().message);
            return false;
        }
        return true;
    };
    // Every way out after the POST: the receipt kept first, then the failure recorded (a
    // park or a retry written before the ack would be undone by it).
    const auto failed = [&](const ApiError& e) {
        (void)keep_ack();
        return fail(entry, e, summary);
    };

    UploadProgress mine;
    mine.record_id = entry.record_id;
    for (const auto& p : all_photos)
        mine.record_total += p.bytes;
    auto report = [&] {
        if (progress) {
            UploadProgress r = mine;
            r.overall_sent = overall.overall_sent;
            r.overall_total = overall.overall_total;
            progress(r);
        }
    };

    const auto is_missing = [&](const PhotoRef& p) {
        return std::find(missing.begin(), missing.end(), p.id) != missing.end();
    };
    // The chunk after [offset, end) of photo `i`, if all goes well: the rest of that photo,
    // else the start of the next photo the server lacks.
    const auto next_chunk = [&](std::size_t i, std::int64_t end) -> std::optional<ChunkKey> {
        if (end < all_photos[i].bytes)
            return ChunkKey{all_photos[i].id, end,
                            std::min(options_.chunk_bytes, all_photos[i].bytes - end)};
        for (std::size_t j = i + 1; j < all_photos.size(); ++j)
            if (is_missing(all_photos[j]))
                return ChunkKey{all_photos[j].id, 0,
                                std::min(options_.chunk_bytes, all_photos[j].bytes)};
        return std::nullopt;
    };
    for (std::size_t index = 0; index < all_photos.size(); ++index) {
        const PhotoRef& photo = all_photos[index];
        if (!is_missing(photo)) {
            mine.record_sent += photo.bytes; // the server has it whole already
            overall.overall_sent += photo.bytes;
            continue;
        }
        std::int64_t offset = 0;
        bool ask = !offsets_known_zero;
        int mismatches = 0;
        bool complete = false;
        while (!complete) {
            if (cancel && cancel->load()) {
                (void)keep_ack();
                summary.cancelled = true;
                return Outcome::cancelled;
            }
            if (ask) {
                auto at = client_.photo_offset(photo.id);
                if (!at && at.error().status == 404 && entry.acked) {
                    // Acknowledged once, yet the central system no longer knows the photo
                    // (restored from a backup, another system behind the address): the record
                    // itself is gone there. Send it again; its Idempotency-Key makes that safe.
                    OutboxEntry again = entry;
                    again.acked = false;
                    return upload_one(again, summary, progress, overall, cancel, arrived);
                }
                if (!at)
                    return failed(at.error());
                if (at->length != photo.bytes) {
                    ApiError e;
                    e.kind = ApiErrorKind::rejected;
                    e.code = "photo_length_mismatch";
                    e.message = "The central system expects " + std::to_string(at->length) +
                                " bytes for photo " + photo.id + " but it has " +
                                std::to_string(photo.bytes) + ".";
                    return failed(e);
                }
                const std::int64_t gained = at->offset - offset;
                offset = at->offset;
                mine.record_sent += gained;
                overall.overall_sent += gained;
                ask = false;
                if (offset == photo.bytes)
                    break; // complete: the server checks the hash before it counts the end
            }
            const std::int64_t n = std::min(options_.chunk_bytes, photo.bytes - offset);
            auto read = chunks.read(ChunkKey{photo.id, offset, n});
            if (!read) {
                (void)keep_ack();
                summary.messages.push_back(entry.record_id + ": " + read.error().message);
                (void)outbox.park(entry.record_id, read.error().code, read.error().message);
                ++summary.parked;
                return Outcome::parked;
            }
            const std::int64_t base_record = mine.record_sent, base_overall = overall.overall_sent;
            // The progress is reported from the transport's thread while this one reads the
            // next chunk, which touches neither count.
            auto sending = client_.start_photo_patch(
                photo.id, offset, std::move(read.value()),
                [&](std::int64_t sent, std::int64_t) {
                    mine.record_sent = base_record + sent;
                    overall.overall_sent = base_overall + sent;
                    report();
                },
                cancel);
            if (!keep_ack())
                return Outcome::retry; // the PATCH on the wire is waited for, its answer dropped
            chunks.ahead(next_chunk(index, offset + n));
            auto patched = sending.get();
            mine.record_sent = base_record;
            overall.overall_sent = base_overall;
            if (!patched) {
                const ApiError& e = patched.error();
                if (e.status == 409 && e.code == "offset_mismatch" && ++mismatches <= 3) {
                    ask = true; // the server's offset moved: ask it where to continue
                    continue;
                }
                return failed(e);
            }
            summary.photo_bytes_sent += n;
            mine.record_sent += n;
            overall.overall_sent += n;
            report();
            offset = patched->offset;
            complete = patched->complete || offset == photo.bytes;
        }
    }
    if (!keep_ack())
        return Outcome::retry;
    report();
    arrived = Arrived{entry.record_id, received_at, late};
    return Outcome::uploaded;
}

} // namespace fi::sync
