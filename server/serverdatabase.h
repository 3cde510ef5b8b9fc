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

    /// Open or create `file` and bring its schema up to date.
    static Result<std::unique_ptr<ServerDatabase>> open(const std::filesystem::path& file);

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

private:
    explicit ServerDatabase(Database db) : db_(std::move(db)) {}

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
};

} // namespace fi::server
