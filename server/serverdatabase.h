#pragma once

#include "core/database.h"
#include "core/result.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string_view>
#include <thread>
#include <vector>

namespace fi::server {

/// The server's one SQLite file and its one connection (through core's Database: WAL,
/// synchronous=FULL, so a committed write — a photo chunk included — survives a crash or a
/// kill), serialised by a mutex: SQLite has one writer anyway. Other processes (the admin
/// command) open the same file; SQLite's locking and busy timeout order them.
///
/// Transactions of different threads are committed in groups: whoever finds no commit running
/// takes every transaction waiting at that moment, runs each in its own savepoint (one that
/// fails is rolled back alone, as if it had run by itself) and commits them together — one WAL
/// commit, one fsync, for all of them. Each caller still returns only after its work is
/// committed. So the disk's fsync rate no longer bounds the uploads per second
/// (docs/load.md): sixty-four tablets' photo chunks share the syncs eight tablets' had.
///
/// Reads outside a transaction go to a few read-only connections of their own (`read`): under
/// WAL they read the last commit while a group is being committed, so a session lookup, a page
/// of a pull or intake's judging reads never wait for another request's fsync. A read inside a
/// transaction (or while this thread holds the connection) uses the writer and sees its writes.
///
/// The stores (UserStore, ReferenceDataStore, PlanStore, InspectionStore) are views of one
/// aggregate each over this connection; the services group their calls with `transaction`.
/// The file is not encrypted (docs/server.md says why). Photo bytes are files beside it
/// (`photo_dir`, InspectionStore).
class ServerDatabase {
public:
    /// The connection, held for the calling thread while this lives.
    class Locked {
    public:
        Database& operator*() const { return *db_; }
        Database* operator->() const { return db_; }
        Locked(const Locked&) = delete;
        Locked& operator=(const Locked&) = delete;
        ~Locked() { owner_->release(); }

    private:
        friend class ServerDatabase;
        explicit Locked(ServerDatabase& owner) : owner_(&owner), db_(&owner.db_) {
            owner.acquire();
        }
        ServerDatabase* owner_;
        Database* db_;
    };

    /// A connection to read from, held for the calling thread while this lives: the writer when
    /// this thread holds it, else one of the read-only connections (a thread reading already
    /// keeps its own, so nested reads never wait for a second one).
    class Reading {
    public:
        Database& operator*() const { return *db_; }
        Database* operator->() const { return db_; }
        Reading(const Reading&) = delete;
        Reading& operator=(const Reading&) = delete;
        ~Reading();

    private:
        friend class ServerDatabase;
        explicit Reading(ServerDatabase& owner);
        ServerDatabase* owner_;
        Database* db_ = nullptr;
        bool writer_ = false;
    };

    /// Read-only connections beside the writer: reads are short, so a few serve 128 workers.
    static constexpr std::size_t reader_count = 4;

    /// Open or create `file` and bring its schema up to date.
    static Result<std::unique_ptr<ServerDatabase>> open(const std::filesystem::path& file);

    /// Where photo bytes are kept: `photos/` beside the database file.
    const std::filesystem::path& photo_dir() const { return photo_dir_; }

    ServerDatabase(const ServerDatabase&) = delete;
    ServerDatabase& operator=(const ServerDatabase&) = delete;

    /// Run `work` atomically: all of its writes, through any store, or none; returns once they
    /// are committed (with other threads' transactions of the moment, see above). The calling
    /// thread may nest calls (they join the outer one). An exception from `work` rolls its
    /// writes back and reaches the caller.
    Status transaction(const std::function<Status()>& work);

    /// The next value (1, 2, …) of a named counter. `change_seq` orders every change of the
    /// reference lists and the assignments together; others number assignments and re-draws.
    Result<std::int64_t> next_counter(std::string_view name);
    /// The counter that orders the changes clients page through (cursors are its values).
    static constexpr std::string_view change_counter = "change_seq";

    /// For the stores: the connection, locked for the caller's thread.
    Locked lock() { return Locked(*this); }
    /// For the stores' reads: a connection to read from (see Reading).
    Reading read() { return Reading(*this); }

private:
    ServerDatabase(Database db, std::vector<Database> readers, std::filesystem::path photo_dir);

    /// A transaction waiting for its group's commit.
    struct Waiting {
        const std::function<Status()>* work;
        Status status;
        std::exception_ptr exception;
        bool done = false;
    };

    void acquire();
    void release();
    bool held_here() const { return owner_.load() == std::this_thread::get_id(); }
    /// `work` on the connection this thread holds: a savepoint inside an open transaction,
    /// else a transaction of its own.
    Status run_here(const std::function<Status()>& work);
    /// One group: BEGIN, each in its savepoint, COMMIT.
    void commit_group(const std::vector<Waiting*>& group);

    std::recursive_mutex mutex_;
    std::atomic<std::thread::id> owner_{}; ///< the thread holding mutex_, if any
    int held_ = 0;                         ///< its lock count (guarded by mutex_)
    Database db_;
    int depth_ = 0; ///< open transaction levels of the thread holding mutex_

    std::mutex queue_mutex_;
    std::condition_variable queue_changed_;
    std::vector<Waiting*> queue_; ///< transactions waiting for the next group
    bool committing_ = false;     ///< a group is being run and committed

    /// The read-only connections and which thread holds each (and how often).
    struct Reader {
        Database db;
        std::thread::id holder;
        int held = 0;
    };
    Database* take_reader();
    void give_back_reader();
    std::vector<Reader> readers_;
    std::mutex readers_mutex_;
    std::condition_variable reader_free_;

    std::filesystem::path photo_dir_;
};

} // namespace fi::server
