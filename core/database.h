#pragma once

#include "core/result.h"
#include "core/secretkey.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

struct sqlite3;

namespace fi {

class Statement;

/// How to open the store.
struct OpenOptions {
    enum class Mode { open_existing, create_if_missing, read_only };
    Mode mode = Mode::open_existing;
    /// SQLCipher page size; 4096 measured best for our mix (docs/performance.md).
    int cipher_page_size = 4096;
    /// false opens plain SQLite through the same library: benchmark baselines only.
    bool encrypted = true;
};

/// What a reader compares to know the store's content is still what it read: the rows this
/// connection has written since it opened, and SQLite's count of commits by other connections.
struct ContentStamp {
    std::int64_t own_changes = 0;
    std::int64_t data_version = 0;
    bool operator==(const ContentStamp&) const = default;
};

/// One connection to the encrypted SQLCipher store: keyed with a raw 256-bit key,
/// every security setting read back after it is set. Move-only; closes on destruction.
///
/// Beside `x.db` lives `x.db.keycheck`, a one-way HMAC of the key. It lets a failed open
/// tell a wrong key (`wrong_key`) from a damaged file (`damaged`) without touching the
/// database file, and reveals nothing about the key.
class Database {
public:
    static Result<Database> open(const std::filesystem::path& path, const SecretKey& key,
                                 const OpenOptions& options = {});

    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    /// Run SQL without parameters (schema, PRAGMAs). Values always go through prepare().
    Status exec(std::string_view sql);
    Result<Statement> prepare(std::string_view sql);

    std::int64_t last_insert_rowid() const;
    int changes() const;
    /// Equal stamps from this connection: nothing was written to the store in between, by it
    /// or by another connection.
    Result<ContentStamp> content_stamp();
    bool in_transaction() const;
    const std::filesystem::path& path() const { return path_; }
    sqlite3* handle() const { return db_; }

    /// Re-encrypt the whole store under `new_key`. Crash-safe: the data is exported into a
    /// new file under the new key, synced, and renamed over the old one, so at every moment
    /// one complete database exists. No other connection may be open on the file.
    Status rekey(const SecretKey& new_key);

    /// Turn an SQLite result code into an Error that says what to do.
    Error error(int rc, std::string_view what) const;

    static std::filesystem::path keycheck_path(const std::filesystem::path& db_path);

private:
    Database(sqlite3* db, std::filesystem::path path, OpenOptions options)
        : db_(db), path_(std::move(path)), options_(options) {}
    Status configure();
    void close() noexcept;

    sqlite3* db_ = nullptr;
    std::filesystem::path path_;
    OpenOptions options_;
};

/// Turn an SQLite result code into an Error (for code that holds only a handle).
Error sqlite_error(sqlite3* db, int rc, std::string_view what);

} // namespace fi
