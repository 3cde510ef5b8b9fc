#include "core/database.h"

#include "core/atomicfile.h"
#include "core/statement.h"

#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <sqlite3.h>
#include <unistd.h>
#include <utility>

namespace fi {

namespace {

constexpr std::string_view keycheck_label = "fieldinspect store key check v1";
constexpr std::string_view keycheck_magic = "fieldinspect-keycheck-v1\n";

bool starts_with_plain_sqlite_header(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    char head[16] = {};
    in.read(head, sizeof head);
    return in.gcount() == 16 &&
           std::string_view(head, 16) == std::string_view("SQLite format 3\0", 16);
}

std::string keycheck_content(const SecretKey& key) {
    return std::string(keycheck_magic) + key.check_value(keycheck_label) + "\n";
}

/// Read one PRAGMA's value as text.
Result<std::string> pragma_value(Database& db, std::string_view pragma) {
    auto st = db.prepare(std::string("PRAGMA ") + std::string(pragma));
    if (!st)
        return st.error();
    auto row = st->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::string();
    return st->column_string(0);
}

/// Set a PRAGMA, then read it back and compare; SQLite ignores PRAGMAs it does not know.
Status set_and_verify(Database& db, std::string_view name, std::string_view value,
                      std::string_view expected) {
    FI_TRY(db.exec(std::string("PRAGMA ") + std::string(name) + " = " + std::string(value)));
    auto got = pragma_value(db, name);
    if (!got)
        return got.error();
    if (*got != expected)
        return Error::make(store_error::insecure,
                           "The database setting " + std::string(name) + " is '" + *got +
                               "' instead of '" + std::string(expected) +
                               "'. The storage library on this device is not the one fieldinspect "
                               "needs; do not use this installation for evidence.",
                           name);
    return {};
}

} // namespace

Error sqlite_error(sqlite3* db, int rc, std::string_view what) {
    const int primary = rc & 0xff;
    std::string detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    std::string head = std::string(what) + ": " + detail;
    switch (primary) {
    case SQLITE_FULL:
        return Error::make(store_error::disk_full,
                           head + ". The device storage is full: nothing from this step was "
                                  "saved, everything saved before is intact. Free some space "
                                  "(for example by uploading and removing old photos) and retry.");
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
        return Error::make(store_error::damaged,
                           head + ". The data file is damaged. It has been left as it is; "
                                  "contact support before doing anything else with this device.");
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
        return Error::make(store_error::io,
                           head + ". The data file could not be read or written; check the "
                                  "storage and its permissions, then retry.");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return Error::make(store_error::busy,
                           head + ". The data file is in use by another task; retry shortly.");
    case SQLITE_CONSTRAINT:
        return Error::make(store_error::constraint, head);
    case SQLITE_RANGE:
    case SQLITE_MISUSE:
    case SQLITE_TOOBIG:
        return Error::make(store_error::invalid_argument, head);
    default:
        return Error::make(store_error::sqlite, head);
    }
}

std::filesystem::path Database::keycheck_path(const std::filesystem::path& db_path) {
    auto p = db_path;
    p += ".keycheck";
    return p;
}

Result<Database> Database::open(const std::filesystem::path& path, const SecretKey& key,
                                const OpenOptions& options) {
    using Mode = OpenOptions::Mode;
    std::error_code ec;
    const bool exists = std::filesystem::exists(path, ec);
    const auto kc_path = keycheck_path(path);
    const auto stored_kc = read_small_file(kc_path);
    if (!exists && options.mode != Mode::create_if_missing)
        return Error::make(store_error::not_found, "No data file at " + path.string() +
                                                       ". Create a new store or choose "
                                                       "the right data directory.");
    if (options.encrypted && key.is_zero())
        return Error::make(store_error::invalid_argument, "An empty key cannot open the store.");
    const bool empty_file = exists && std::filesystem::file_size(path, ec) == 0;
    if (exists && empty_file && stored_kc)
        return Error::make(store_error::damaged,
                           "The data file " + path.string() +
                               " is empty although a store was created there: it was truncated. "
                               "It has been left as it is; contact support.");
    if (exists && !empty_file && options.encrypted && !stored_kc &&
        starts_with_plain_sqlite_header(path))
        return Error::make(store_error::damaged,
                           path.string() + " is an unencrypted SQLite file, not a fieldinspect "
                                           "store. It has been left as it is.");

    int flags = SQLITE_OPEN_NOMUTEX;
    flags |= options.mode == Mode::read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (options.mode == Mode::create_if_missing)
        flags |= SQLITE_OPEN_CREATE;
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    Database db(raw, path, options);
    if (rc != SQLITE_OK)
        return sqlite_error(raw, rc, "Cannot open " + path.string());
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, 5000);

    if (options.encrypted) {
        std::string literal = key.sqlcipher_literal();
        rc = sqlite3_key(raw, literal.data(), static_cast<int>(literal.size()));
        wipe(literal);
        if (rc != SQLITE_OK)
            return sqlite_error(raw, rc, "Cannot key the store");
        // A codec parameter: must be set before the first page is read.
        FI_TRY(db.exec("PRAGMA cipher_page_size = " + std::to_string(options.cipher_page_size)));
    }

    // The first read proves the key; nothing is written before it succeeds.
    rc = sqlite3_exec(raw, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        const int primary = rc & 0xff;
        if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT) {
            if (options.encrypted && stored_kc && *stored_kc != keycheck_content(key))
                return Error::make(store_error::wrong_key,
                                   "The key does not open this store. Nothing was changed. "
                                   "Unlock with the right PIN, or sign in online to recover.");
            return Error::make(store_error::damaged,
                               "The data file " + path.string() +
                                   (stored_kc
                                        ? " cannot be read with the right key: it is damaged."
                                        : " cannot be read: it is damaged, not a fieldinspect "
                                          "store, or its key check file is missing.") +
                                   " It has been left as it is; contact support.");
        }
        return sqlite_error(raw, rc, "Cannot read " + path.string());
    }
    FI_TRY(db.configure());
    if (options.encrypted && options.mode != Mode::read_only &&
        stored_kc != std::optional<std::string>(keycheck_content(key)))
        FI_TRY(write_file_atomically(kc_path, keycheck_content(key)));
    return db;
}

Status Database::configure() {
    if (options_.encrypted) {
        auto version = pragma_value(*this, "cipher_version");
        if (!version)
            return version.error();
        if (version->empty())
            return Error::make(store_error::insecure,
                               "The storage library does not encrypt (no SQLCipher). Do not use "
                               "this installation for evidence.");
        auto page = pragma_value(*this, "cipher_page_size");
        if (!page)
            return page.error();
        if (*page != std::to_string(options_.cipher_page_size))
            return Error::make(store_error::insecure,
                               "The encrypted page size is " + *page + " instead of " +
                                   std::to_string(options_.cipher_page_size) + ".",
                               "cipher_page_size");
    }
    if (options_.mode == OpenOptions::Mode::read_only) {
        auto mode = pragma_value(*this, "journal_mode");
        if (!mode)
            return mode.error();
        if (*mode != "wal")
            return Error::make(store_error::insecure,
                               "The store is not in write-ahead-log mode; open it for writing once "
                               "to repair.",
                               "journal_mode");
    } else {
        FI_TRY(set_and_verify(*this, "journal_mode", "WAL", "wal"));
    }
    FI_TRY(set_and_verify(*this, "synchronous", "FULL", "2"));
    FI_TRY(set_and_verify(*this, "foreign_keys", "ON", "1"));
    FI_TRY(set_and_verify(*this, "secure_delete", "ON", "1"));
    FI_TRY(set_and_verify(*this, "temp_store", "MEMORY", "2"));
    return {};
}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)),
      options_(other.options_) {}

Database& Database::operator=(Database&& other) noexcept {
    if (this != &other) {
        close();
        db_ = std::exchange(other.db_, nullptr);
        path_ = std::move(other.path_);
        options_ = other.options_;
    }
    return *this;
}

Database::~Database() {
    close();
}

void Database::close() noexcept {
    if (db_) {
        sqlite3_close_v2(db_);
        db_ = nullptr;
    }
}

Status Database::exec(std::string_view sql) {
    const std::string s(sql);
    char* msg = nullptr;
    const int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &msg);
    sqlite3_free(msg);
    if (rc != SQLITE_OK)
        return error(rc, "Database statement failed");
    return {};
}

Result<Statement> Database::prepare(std::string_view sql) {
    sqlite3_stmt* stmt = nullptr;
    const int rc =
        sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
    if (rc != SQLITE_OK)
        return error(rc, "Cannot prepare a database statement");
    return Statement(db_, stmt);
}

std::int64_t Database::last_insert_rowid() const {
    return sqlite3_last_insert_rowid(db_);
}
int Database::changes() const {
    return sqlite3_changes(db_);
}
Result<ContentStamp> Database::content_stamp() {
    auto st = prepare("PRAGMA data_version");
    if (!st)
        return st.error();
    auto row = st->step();
    if (!row)
        return row.error();
    ContentStamp stamp;
    stamp.own_changes = sqlite3_total_changes(db_);
    stamp.data_version = *row ? st->column_int64(0) : 0;
    return stamp;
}
bool Database::in_transaction() const {
    return sqlite3_get_autocommit(db_) == 0;
}

Error Database::error(int rc, std::string_view what) const {
    return sqlite_error(db_, rc, what);
}

Status Database::rekey(const SecretKey& new_key) {
    if (!options_.encrypted || options_.mode == OpenOptions::Mode::read_only)
        return Error::make(store_error::invalid_argument,
                           "Only an encrypted store opened for writing can be re-keyed.");
    if (new_key.is_zero())
        return Error::make(store_error::invalid_argument, "An empty key cannot protect the store.");
    if (in_transaction())
        return Error::make(store_error::busy, "Finish the open transaction before re-keying.");

    auto fresh = path_;
    fresh += ".rekey";
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        auto p = fresh;
        p += suffix;
        std::filesystem::remove(p, ec); // leftovers of an interrupted re-key: never the store
    }

    // Export everything into a new file under the new key. The file is made here (empty,
    // owner-only) because ATTACH may not create files on a connection opened without
    // SQLITE_OPEN_CREATE.
    {
        const int fd = ::open(fresh.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0)
            return Error::make(store_error::io, "Cannot create " + fresh.string() +
                                                    " for re-keying; check the storage.");
        ::close(fd);
        auto version = pragma_value(*this, "user_version");
        if (!version)
            return version.error();
        auto attach = prepare("ATTACH DATABASE ?1 AS rekeyed KEY ?2");
        if (!attach)
            return attach.error();
        std::string literal = new_key.sqlcipher_literal();
        attach->bind_all(fresh.string(), literal);
        auto st = attach->run();
        wipe(literal);
        attach->reset(); // drop the bound key copy
        if (!st)
            return st.error();
        auto detach = [this] { (void)exec("DETACH DATABASE rekeyed"); };
        Status s =
            exec("PRAGMA rekeyed.cipher_page_size = " + std::to_string(options_.cipher_page_size));
        if (s)
            s = exec("SELECT sqlcipher_export('rekeyed')");
        if (s)
            s = exec("PRAGMA rekeyed.user_version = " + *version);
        detach();
        if (!s) {
            std::filesystem::remove(fresh, ec);
            return s.error();
        }
    }
    // Prove the new file opens under the new key before it replaces anything.
    {
        OpenOptions o = options_;
        o.mode = OpenOptions::Mode::open_existing;
        sqlite3* check = nullptr;
        int rc = sqlite3_open_v2(fresh.c_str(), &check, SQLITE_OPEN_READWRITE, nullptr);
        std::string literal = new_key.sqlcipher_literal();
        if (rc == SQLITE_OK)
            rc = sqlite3_key(check, literal.data(), static_cast<int>(literal.size()));
        wipe(literal);
        const std::string ps = "PRAGMA cipher_page_size = " + std::to_string(o.cipher_page_size);
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(check, ps.c_str(), nullptr, nullptr, nullptr);
        if (rc == SQLITE_OK)
            rc = sqlite3_exec(check, "PRAGMA quick_check", nullptr, nullptr, nullptr);
        sqlite3_close_v2(check);
        if (rc != SQLITE_OK) {
            std::filesystem::remove(fresh, ec);
            return Error::make(store_error::io, "The re-keyed copy could not be verified; the "
                                                "store is unchanged under its old key.");
        }
    }
    // Fold the WAL into the old file so nothing lives only beside it, then swap. The old
    // connection stays open until the rename has succeeded, so a failure leaves it usable.
    FI_TRY(exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    if (std::rename(fresh.c_str(), path_.c_str()) != 0) {
        std::filesystem::remove(fresh, ec);
        return Error::make(store_error::io, "Could not replace the store with its re-keyed copy; "
                                            "the store is unchanged under its old key.");
    }
    close();
    for (const char* suffix : {"-wal", "-shm"}) {
        auto p = path_;
        p += suffix;
        std::filesystem::remove(p, ec); // belonged to the old file, checkpointed above
    }
    FI_TRY(sync_directory(path_.parent_path()));
    FI_TRY(write_file_atomically(keycheck_path(path_), keycheck_content(new_key)));
    auto reopened = open(path_, new_key, options_);
    if (!reopened)
        return reopened.error();
    *this = std::move(reopened.value());
    return {};
}

} // namespace fi
