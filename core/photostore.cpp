#include "core/photostore.h"

#include "core/database.h"
#include "core/sha256.h"
#include "core/statement.h"
#include "core/transaction.h"

#include <algorithm>
#include <fstream>
#include <memory>
#include <sqlite3.h>
#include <vector>

namespace fi {

namespace {

constexpr std::int64_t max_photo_bytes = 512LL * 1024 * 1024;

/// RAII holder of an incremental BLOB handle.
class BlobHandle {
public:
    BlobHandle() = default;
    BlobHandle(const BlobHandle&) = delete;
    BlobHandle& operator=(const BlobHandle&) = delete;
    ~BlobHandle() { sqlite3_blob_close(blob_); }
    sqlite3_blob** out() { return &blob_; }
    sqlite3_blob* get() const { return blob_; }
    int close() { return sqlite3_blob_close(std::exchange(blob_, nullptr)); }

private:
    sqlite3_blob* blob_ = nullptr;
};

Error no_photo(std::string_view id) {
    return Error::make(store_error::not_found, "No photo " + std::string(id) + " in the store.");
}

} // namespace

Result<std::int64_t> PhotoStore::data_id_of(std::string_view id) {
    auto st = db_.prepare("SELECT data_id FROM photos WHERE id = ?1");
    if (!st)
        return st.error();
    st->bind_all(id);
    auto row = st->step();
    if (!row)
        return row.error();
    if (!*row)
        return no_photo(id);
    return st->column_int64(0);
}

Result<PhotoInfo> PhotoStore::put(std::string_view id, std::string_view mime,
                                  std::int64_t size_bytes, const ChunkSource& source) {
    if (id.empty() || mime.empty())
        return Error::make(store_error::invalid_argument, "A photo needs an id and a type.");
    if (size_bytes < 0 || size_bytes > max_photo_bytes)
        return Error::make(store_error::invalid_argument,
                           "A photo of " + std::to_string(size_bytes) + " bytes cannot be stored.");
    auto sp = Savepoint::begin(db_, "photo_put");
    if (!sp)
        return sp.error();
    {
        auto ins = db_.prepare("INSERT INTO photo_data (data) VALUES (zeroblob(?1))");
        if (!ins)
            return ins.error();
        ins->bind_all(size_bytes);
        FI_TRY(ins->run());
    }
    const std::int64_t data_id = db_.last_insert_rowid();

    Sha256 hash;
    std::int64_t written = 0;
    {
        BlobHandle blob;
        int rc =
            sqlite3_blob_open(db_.handle(), "main", "photo_data", "data", data_id, 1, blob.out());
        if (rc != SQLITE_OK)
            return db_.error(rc, "Cannot open the photo for writing");
        std::vector<std::uint8_t> buffer(static_cast<std::size_t>(
            std::min<std::int64_t>(std::max<std::int64_t>(size_bytes, 1), default_chunk_bytes)));
        for (;;) {
            auto n = source(buffer);
            if (!n)
                return n.error();
            if (*n == 0)
                break;
            if (written + static_cast<std::int64_t>(*n) > size_bytes)
                return Error::make(store_error::invalid_argument,
                                   "The photo has more bytes than declared (" +
                                       std::to_string(size_bytes) + "); nothing was stored.");
            const std::span<const std::uint8_t> chunk(buffer.data(), *n);
            rc = sqlite3_blob_write(blob.get(), chunk.data(), static_cast<int>(chunk.size()),
                                    static_cast<int>(written));
            if (rc != SQLITE_OK)
                return db_.error(rc, "Cannot write the photo");
            hash.update(chunk);
            written += static_cast<std::int64_t>(*n);
        }
        rc = blob.close();
        if (rc != SQLITE_OK)
            return db_.error(rc, "Cannot finish writing the photo");
    }
    if (written != size_bytes)
        return Error::make(store_error::invalid_argument,
                           "The photo ended after " + std::to_string(written) + " of " +
                               std::to_string(size_bytes) + " bytes; nothing was stored.");
    PhotoInfo info{std::string(id), std::string(mime), size_bytes, hash.finish_hex()};
    {
        auto ins = db_.prepare(
            "INSERT INTO photos (id, mime, bytes, sha256, data_id) VALUES (?1, ?2, ?3, ?4, ?5)");
        if (!ins)
            return ins.error();
        ins->bind_all(info.id, info.mime, info.bytes, info.sha256, data_id);
        FI_TRY(ins->run());
    }
    FI_TRY(sp->release());
    return info;
}

Result<PhotoInfo> PhotoStore::put_bytes(std::string_view id, std::string_view mime,
                                        std::span<const std::uint8_t> bytes) {
    std::size_t offset = 0;
    return put(id, mime, static_cast<std::int64_t>(bytes.size()),
               [&](std::span<std::uint8_t> buf) -> Result<std::size_t> {
                   const std::size_t n = std::min(buf.size(), bytes.size() - offset);
                   std::copy_n(bytes.data() + offset, n, buf.data());
                   offset += n;
                   return n;
               });
}

Result<PhotoInfo> PhotoStore::info(std::string_view id) {
    auto st = db_.prepare("SELECT id, mime, bytes, sha256 FROM photos WHERE id = ?1");
    if (!st)
        return st.error();
    st->bind_all(id);
    auto row = st->step();
    if (!row)
        return row.error();
    if (!*row)
        return no_photo(id);
    return PhotoInfo{st->column_string(0), st->column_string(1), st->column_int64(2),
                     st->column_string(3)};
}

Status PhotoStore::remove(std::string_view id) {
    auto data_id = data_id_of(id);
    if (!data_id)
        return data_id.error();
    auto sp = Savepoint::begin(db_, "photo_remove");
    if (!sp)
        return sp.error();
    FI_TRY(execute(db_, "DELETE FROM photos WHERE id = ?1", id));
    FI_TRY(execute(db_, "DELETE FROM photo_data WHERE id = ?1", *data_id));
    return sp->release();
}

Status PhotoStore::remove_derived(std::string_view id) {
    std::vector<std::string> derived;
    {
        auto st =
            db_.prepare("SELECT id FROM photos WHERE substr(id, 1, length(?1) + 1) = ?1 || '.'");
        if (!st)
            return st.error();
        st->bind_all(id);
        for (;;) {
            auto row = st->step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            derived.push_back(st->column_string(0));
        }
    }
    for (const auto& d : derived)
        FI_TRY(remove(d));
    return {};
}

Status PhotoStore::read(std::string_view id, std::int64_t offset, std::int64_t length,
                        const ChunkSink& sink, std::size_t chunk_bytes) {
    auto data_id = data_id_of(id);
    if (!data_id)
        return data_id.error();
    BlobHandle blob;
    int rc = sqlite3_blob_open(db_.handle(), "main", "photo_data", "data", *data_id, 0, blob.out());
    if (rc != SQLITE_OK)
        return db_.error(rc, "Cannot open the photo for reading");
    const std::int64_t total = sqlite3_blob_bytes(blob.get());
    if (offset < 0 || length < 0 || offset + length > total)
        return Error::make(store_error::invalid_argument,
                           "Bytes " + std::to_string(offset) + "+" + std::to_string(length) +
                               " are outside photo " + std::string(id) + " (" +
                               std::to_string(total) + " bytes).");
    std::vector<std::uint8_t> buffer(std::max<std::size_t>(1, chunk_bytes));
    std::int64_t pos = offset;
    const std::int64_t end = offset + length;
    while (pos < end) {
        const auto n = static_cast<int>(
            std::min<std::int64_t>(end - pos, static_cast<std::int64_t>(buffer.size())));
        rc = sqlite3_blob_read(blob.get(), buffer.data(), n, static_cast<int>(pos));
        if (rc != SQLITE_OK)
            return db_.error(rc, "Cannot read the photo");
        FI_TRY(sink(std::span<const std::uint8_t>(buffer.data(), static_cast<std::size_t>(n))));
        pos += n;
    }
    return {};
}

Status PhotoStore::read_all(std::string_view id, const ChunkSink& sink, std::size_t chunk_bytes) {
    auto meta = info(id);
    if (!meta)
        return meta.error();
    return read(id, 0, meta->bytes, sink, chunk_bytes);
}

Result<std::string> PhotoStore::hash_stored(std::string_view id) {
    Sha256 hash;
    FI_TRY(read_all(id, [&](std::span<const std::uint8_t> chunk) -> Status {
        hash.update(chunk);
        return {};
    }));
    return hash.finish_hex();
}

ChunkSource file_source(const std::string& path) {
    auto in = std::make_shared<std::ifstream>(path, std::ios::binary);
    return [in, path](std::span<std::uint8_t> buf) -> Result<std::size_t> {
        if (!*in && !in->eof())
            return Error::make(store_error::io, "Cannot read " + path + ".");
        in->read(reinterpret_cast<char*>(buf.data()), static_cast<std::streamsize>(buf.size()));
        if (in->bad())
            return Error::make(store_error::io, "Cannot read " + path + ".");
        return static_cast<std::size_t>(in->gcount());
    };
}

} // namespace fi
