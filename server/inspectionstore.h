#pragma once

#include "core/result.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fi::server {

class ServerDatabase;

/// An accepted inspection. `answer` is the 201 body given (JSON text), replayed on a retry.
struct InspectionRow {
    std::string id;
    std::string assignment_id;
    std::string target_id;
    std::string username;
    std::string device_id;
    std::string received_at;
    std::string inspection_day;
    std::string outcome;
    std::optional<std::string> supersedes;
    std::string body;
    std::string body_sha256; ///< of the canonical JSON: a replay is recognised by content
    std::string answer;
    bool late = false;
    std::string flags = "[]"; ///< JSON array of interface 1.1 flags; `[]` when none
};

/// A photo declared by an inspection, and how many of its bytes arrived.
struct PhotoRow {
    std::string id;
    std::string inspection_id;
    std::string sha256;
    std::int64_t length = 0;
    std::int64_t received = 0;
    bool complete = false;
    std::optional<std::string> completed_at; ///< when the last byte arrived and matched
};

/// Where an assignment's chain of corrections stands: its first accepted record and its newest
/// (the head a correction supersedes). Read from the index alone, never a record's body, so
/// intake's check costs the same whatever the assignment's history.
struct CorrectionHead {
    std::optional<std::string> first;
    std::optional<std::string> newest;
};

/// One record's place in its device's evidence chain.
struct ChainLinkRow {
    std::string device_id;
    std::int64_t seq = 0;
    std::string prev;
    std::string hash;
    std::string inspection_id;
};

/// Records of a device's chain that had not arrived when a later one did.
struct ChainGapRow {
    std::int64_t id = 0;
    std::string device_id;
    std::int64_t seq_from = 0;
    std::int64_t seq_to = 0;
    std::string noticed_at;
    std::string noticed_by; ///< the inspection whose seq revealed the gap
};

/// Accepted inspections, their photos' bytes and the per-device evidence chains (tables
/// `inspections`, `photos`, `chain_links`, `chain_gaps`). Every call is atomic on its own;
/// ServerDatabase::transaction groups several.
///
/// A photo's bytes are a file of the data directory's `photos/` (named by the SHA-256 of the
/// photo id, so no client chooses a path), written and fsync'd outside any transaction; the
/// row's `received` says how many of its bytes are held. Bytes beyond `received` (a crash, or a
/// client gone, between the file's write and the row's commit) count for nothing: the next
/// chunk starts at `received` and overwrites them. So a byte is acknowledged only once it is
/// both on disk and counted. Bytes of earlier versions (table `photo_chunks`) are moved into
/// files when the database is opened (move_photo_chunks_to_files).
class InspectionStore {
public:
    explicit InspectionStore(ServerDatabase& database) : database_(database) {}

    /// Inspections.
    /// @{
    /// none for an unknown id.
    Result<std::optional<InspectionRow>> find_inspection(std::string_view id);
    /// The inspections accepted for an assignment, oldest first.
    Result<std::vector<InspectionRow>> inspections_for_assignment(std::string_view assignment_id);
    /// The first and the newest accepted inspection of an assignment (none: nothing accepted).
    Result<CorrectionHead> correction_head(std::string_view assignment_id);
    /// Whether `id` is an accepted inspection of `assignment_id`.
    Result<bool> is_inspection_of(std::string_view id, std::string_view assignment_id);
    /// Every accepted inspection, oldest first.
    Result<std::vector<InspectionRow>> inspections();
    /// The inspection and the photos it declares, none of their bytes yet.
    Status put_inspection(const InspectionRow& inspection, const std::vector<PhotoRow>& photos);
    /// @}

    /// Photo bytes.
    /// @{
    /// none for a photo no inspection declared.
    Result<std::optional<PhotoRow>> find_photo(std::string_view id);
    /// The photos an inspection declared, in its order.
    Result<std::vector<PhotoRow>> photos_of(std::string_view inspection_id);
    /// Write `bytes` at `start` of the photo's file and fsync it (and, for a new file, the
    /// directory). Outside any transaction: nothing counts them until advance_photo commits.
    /// The caller keeps other uploads of this photo out meanwhile (IntakeService).
    Status write_photo_bytes(std::string_view id, std::int64_t start,
                             std::span<const std::uint8_t> bytes);
    /// Count `size` more bytes written at `start` (the photo's received count);
    /// `offset_mismatch` if it moved meanwhile.
    Status advance_photo(std::string_view id, std::int64_t start, std::int64_t size);
    /// Store the bytes at `start` durably and advance: write_photo_bytes, then advance_photo.
    Status append_photo_bytes(std::string_view id, std::int64_t start,
                              std::span<const std::uint8_t> bytes);
    /// Hex SHA-256 of the first `length` bytes of the photo's file (what was received).
    Result<std::string> photo_file_sha256(std::string_view id, std::int64_t length);
    /// Hex SHA-256 of the bytes received so far.
    Result<std::string> photo_sha256(std::string_view id);
    /// All bytes received so far (tests and export; photos are at most 25 MiB).
    Result<std::string> photo_bytes(std::string_view id);
    /// Discard the bytes received (a hash mismatch): the upload starts again at 0.
    Status reset_photo(std::string_view id);
    /// Where the photo's bytes are kept.
    std::filesystem::path photo_path(std::string_view id) const;
    /// Bytes kept in the database by earlier versions (`photo_chunks`) into files: each file
    /// written and synced, then the rows deleted, so an interruption only repeats the move.
    Status move_photo_chunks_to_files();
    /// The bytes are all there and match the declared hash, at `completed_at`.
    Status complete_photo(std::string_view id, std::string_view completed_at);
    /// @}

    /// The per-device evidence chains.
    /// @{
    /// none when that seq of the device has not arrived.
    Result<std::optional<ChainLinkRow>> find_chain_link(std::string_view device_id,
                                                        std::int64_t seq);
    /// 0 when the device sent nothing yet.
    Result<std::int64_t> max_chain_seq(std::string_view device_id);
    /// Insert; a (device, seq) is taken once.
    Status put_chain_link(const ChainLinkRow& link);
    /// Record a range that had not arrived when a later seq did.
    Status put_chain_gap(const ChainGapRow& gap);
    /// Every gap ever noticed, oldest first (some may have arrived since).
    Result<std::vector<ChainGapRow>> chain_gaps();
    /// The seqs of `device_id` received in [from, to].
    Result<std::vector<std::int64_t>> chain_seqs(std::string_view device_id, std::int64_t from,
                                                 std::int64_t to);
    /// @}

private:
    ServerDatabase& database_;
};

} // namespace fi::server
