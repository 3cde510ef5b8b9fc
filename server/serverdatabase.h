#pragma once

#include "core/database.h"
#include "core/result.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string_view>

namespace fi::server {

/// The server's one SQLite file and its one connection (through core's Database: WAL,
/// synchronous=FULL, so a committed write — a photo chunk included — survives a crash or a
/// kill), serialised by a mutex: SQLite has one writer anyway, and a reference server needs
/// correctness more than parallel reads. Other processes (the admin command) open the same
/// file; SQLite's locking and busy timeout order them.
///
/// The stores (UserStore, ReferenceDataStore, PlanStore, InspectionStore) are views of one
/// aggregate each over this connection; the services group their calls with `transaction`.
/// The file is not encrypted (docs/server.md says why).
class ServerDatabase {
public:
    /// The connection, held for the calling thread while this lives.
    class Locked {
    public:
        Database& operator*() const { return *db_; }
        Database* operator->() const { return db_; }

    private:
        friend class ServerDatabase;
        Locked(std::recursive_mutex& mutex, Database& db) : lock_(mutex), db_(&db) {}
        std::unique_lock<std::recursive_mutex> lock_;
        Database* db_;
    };

    /// Open or create `file` and bring its schema up to date.
    static Result<std::unique_ptr<ServerDatabase>> open(const std::filesystem::path& file);

    ServerDatabase(const ServerDatabase&) = delete;
    ServerDatabase& operator=(const ServerDatabase&) = delete;

    /// Run `work` atomically: all of its writes, through any store, or none. The calling thread
    /// may nest calls (they join the outer one); other threads wait.
    Status transaction(const std::function<Status()>& work);

    /// The next value (1, 2, …) of a named counter. `change_seq` orders every change of the
    /// reference lists and the assignments together; others number assignments and re-draws.
    Result<std::int64_t> next_counter(std::string_view name);
    /// The counter that orders the changes clients page through (cursors are its values).
    static constexpr std::string_view change_counter = "change_seq";

    /// For the stores: the connection, locked for the caller's thread.
    Locked lock() { return Locked(mutex_, db_); }

private:
    explicit ServerDatabase(Database db) : db_(std::move(db)) {}

    std::recursive_mutex mutex_;
    Database db_;
    int depth_ = 0; ///< open transaction levels of the thread holding mutex_
};

} // namespace fi::server
