#pragma once

#include "core/result.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>

namespace fi {

class Database;

/// Photo metadata as stored.
struct PhotoInfo {
    std::string id;
    std::string mime;
    std::int64_t bytes = 0;
    std::string sha256;
};

/// Fills the buffer with the next bytes and returns how many (0 at the end).
using ChunkSource = std::function<Result<std::size_t>(std::span<std::uint8_t> buffer)>;
/// Receives consecutive chunks; an error stops the read.
using ChunkSink = std::function<Status(std::span<const std::uint8_t> chunk)>;

/// Photo evidence inside the encrypted store, streamed in chunks with incremental BLOB I/O
/// so a 25 MiB photo is never held in memory whole, hashed (SHA-256) on the way in.
class PhotoStore {
public:
    static constexpr std::size_t default_chunk_bytes = std::size_t{256} * 1024;

    explicit PhotoStore(Database& db) : db_(db) {}

    /// Store `size_bytes` bytes from `source` as photo `id`. Runs in a savepoint: inside the
    /// caller's transaction it commits with it, alone it commits by itself; on any error
    /// (short source, disk full) nothing of it remains.
    Result<PhotoInfo> put(std::string_view id, std::string_view mime, std::int64_t size_bytes,
                          const ChunkSource& source);

    /// Convenience for bytes already in memory (tests, thumbnails).
    Result<PhotoInfo> put_bytes(std::string_view id, std::string_view mime,
                                std::span<const std::uint8_t> bytes);

    Result<PhotoInfo> info(std::string_view id);

    /// Delete a photo and its bytes. The store refuses (constraint) for a photo that is
    /// evidence of a completed record.
    Status remove(std::string_view id);

    /// Delete the copies derived from a photo (its thumbnail, `<id>.thumb`: every photo named
    /// `<id>.<kind>`) with their bytes. The retention purge takes them with the photo.
    Status remove_derived(std::string_view id);

    /// Stream bytes [offset, offset + length) to `sink`, in chunks of `chunk_bytes`.
    Status read(std::string_view id, std::int64_t offset, std::int64_t length,
                const ChunkSink& sink, std::size_t chunk_bytes = default_chunk_bytes);
    /// Stream the whole photo.
    Status read_all(std::string_view id, const ChunkSink& sink,
                    std::size_t chunk_bytes = default_chunk_bytes);

    /// Recompute the SHA-256 of the stored bytes (integrity check before upload).
    Result<std::string> hash_stored(std::string_view id);

private:
    Result<std::int64_t> data_id_of(std::string_view id);
    Database& db_;
};

/// A ChunkSource over a file on disk.
ChunkSource file_source(const std::string& path);

} // namespace fi
