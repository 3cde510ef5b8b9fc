#pragma once

// The library's floor under the store: a bare SQLCipher connection through the C API with
// the store's settings (Database::configure), keyed with a random raw key or not, on which
// the benchmarks run the same workload as the store to tell its cost from the library's.

#include "core/secretkey.h"

#include <filesystem>
#include <sqlite3.h>
#include <string>

namespace fi::bench {

/// A fresh database at `p` (any old one and its WAL removed), then `schema` executed.
inline sqlite3* open_bare_store(const std::filesystem::path& p, bool keyed, const char* schema) {
    for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(p.string() + suffix);
    sqlite3* db = nullptr;
    sqlite3_open(p.c_str(), &db);
    if (keyed) {
        std::string k = SecretKey::random().sqlcipher_literal();
        sqlite3_key(db, k.data(), static_cast<int>(k.size()));
        sqlite3_exec(db, "PRAGMA cipher_page_size = 4096", nullptr, nullptr, nullptr);
    }
    sqlite3_exec(db,
                 "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;"
                 "PRAGMA secure_delete = ON; PRAGMA temp_store = MEMORY;",
                 nullptr, nullptr, nullptr);
    sqlite3_exec(db, schema, nullptr, nullptr, nullptr);
    return db;
}

} // namespace fi::bench
