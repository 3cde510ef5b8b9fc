#include "server/serverdatabase.h"

#include "core/atomicfile.h"
#include "core/migrator.h"
#include "core/transaction.h"
#include "server/inspectionstore.h"
#include "server/storesql.h"

#include <array>
#include <string>

namespace fi::server {

namespace {

// Forward-only, written for SQLite 3.15 (plain INSERT/UPDATE; no window or JSON functions).
constexpr std::string_view schema_v1 = R"sql(
CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE users (
    username TEXT PRIMARY KEY, password_hash TEXT NOT NULL, inspector_id TEXT,
    name TEXT NOT NULL, unit TEXT NOT NULL, roles TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0, locked_until_ms INTEGER NOT NULL DEFAULT 0);
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    username TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    device_id TEXT NOT NULL, created_at TEXT NOT NULL, expires_at_ms INTEGER NOT NULL);
CREATE TABLE devices (
    device_id TEXT PRIMARY KEY, wipe INTEGER NOT NULL DEFAULT 0, message TEXT,
    last_user TEXT NOT NULL, last_seen TEXT NOT NULL);
CREATE TABLE calendar_years (year INTEGER PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE feed_items (
    feed TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0, seq INTEGER NOT NULL, PRIMARY KEY (feed, id));
CREATE UNIQUE INDEX feed_items_seq ON feed_items (feed, seq);
CREATE TABLE targets (id TEXT PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE conflicts (
    target_id TEXT NOT NULL, inspector_id TEXT NOT NULL, reason TEXT NOT NULL,
    PRIMARY KEY (target_id, inspector_id));
CREATE TABLE prior_checks (
    target_id TEXT NOT NULL, year INTEGER NOT NULL, level TEXT NOT NULL, unit TEXT NOT NULL,
    outcome TEXT NOT NULL, day TEXT NOT NULL);
CREATE TABLE plans (
    id TEXT PRIMARY KEY, body TEXT NOT NULL, draw_id TEXT NOT NULL UNIQUE, seed TEXT NOT NULL,
    seed_commitment TEXT NOT NULL, published_at TEXT NOT NULL, status TEXT NOT NULL);
CREATE TABLE draws (id TEXT PRIMARY KEY, plan_id TEXT NOT NULL, body TEXT NOT NULL);
CREATE TABLE assignments (
    id TEXT PRIMARY KEY, revision INTEGER NOT NULL, status TEXT NOT NULL, body TEXT NOT NULL,
    plan_id TEXT NOT NULL, target_id TEXT NOT NULL, draw_id TEXT NOT NULL,
    window_from TEXT NOT NULL, window_to TEXT NOT NULL, seq INTEGER NOT NULL);
CREATE INDEX assignments_target ON assignments (target_id);
CREATE INDEX assignments_plan ON assignments (plan_id);
CREATE UNIQUE INDEX assignments_seq ON assignments (seq);
CREATE TABLE assignment_team (
    assignment_id TEXT NOT NULL REFERENCES assignments (id) ON DELETE CASCADE,
    inspector_id TEXT NOT NULL, PRIMARY KEY (assignment_id, inspector_id));
CREATE INDEX assignment_team_inspector ON assignment_team (inspector_id);
CREATE TABLE inspections (
    id TEXT PRIMARY KEY, assignment_id TEXT NOT NULL, target_id TEXT NOT NULL,
    username TEXT NOT NULL, device_id TEXT NOT NULL, received_at TEXT NOT NULL,
    inspection_day TEXT NOT NULL, outcome TEXT NOT NULL, supersedes TEXT, body TEXT NOT NULL,
    body_sha256 TEXT NOT NULL, answer TEXT NOT NULL, late INTEGER NOT NULL);
CREATE INDEX inspections_assignment ON inspections (assignment_id);
CREATE TABLE photos (
    id TEXT PRIMARY KEY, inspection_id TEXT NOT NULL REFERENCES inspections (id),
    sha256 TEXT NOT NULL, length INTEGER NOT NULL, received INTEGER NOT NULL DEFAULT 0,
    complete INTEGER NOT NULL DEFAULT 0);
CREATE INDEX photos_inspection ON photos (inspection_id);
CREATE TABLE photo_chunks (
    photo_id TEXT NOT NULL REFERENCES photos (id), start INTEGER NOT NULL, data BLOB NOT NULL,
    PRIMARY KEY (photo_id, start));
CREATE TABLE chain_links (
    device_id TEXT NOT NULL, seq INTEGER NOT NULL, prev TEXT NOT NULL, hash TEXT NOT NULL,
    inspection_id TEXT NOT NULL, PRIMARY KEY (device_id, seq));
CREATE TABLE chain_gaps (
    id INTEGER PRIMARY KEY, device_id TEXT NOT NULL, seq_from INTEGER NOT NULL,
    seq_to INTEGER NOT NULL, noticed_at TEXT NOT NULL, noticed_by TEXT NOT NULL);
)sql";

// Failed sign-ins per name, known or not (an unknown name locks like a known one; the counts
// kept in `users` move over), the flags of each accepted record (admin review) and when each
// photo was complete (late photos).
constexpr std::string_view schema_v2 = R"sql(
CREATE TABLE login_failures (
    username TEXT PRIMARY KEY, failed_attempts INTEGER NOT NULL, locked_until_ms INTEGER NOT NULL);
INSERT INTO login_failures (username, failed_attempts, locked_until_ms)
    SELECT username, failed_attempts, locked_until_ms FROM users
    WHERE failed_attempts != 0 OR locked_until_ms != 0;
UPDATE users SET failed_attempts = 0, locked_until_ms = 0;
ALTER TABLE inspections ADD COLUMN flags TEXT NOT NULL DEFAULT '[]';
ALTER TABLE photos ADD COLUMN completed_at TEXT;
)sql";

// Interface 1.1 draws: a plan's public commitment, its candidates, pool and conflicts frozen at
// publication, the parties' reveals, the secret end of its re-draw chain; the public re-draw log.
constexpr std::string_view schema_v3 = R"sql(
ALTER TABLE plans ADD COLUMN commitment TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN frozen TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN reveals TEXT NOT NULL DEFAULT '{}';
ALTER TABLE plans ADD COLUMN chain_secret TEXT NOT NULL DEFAULT '';
CREATE TABLE redraw_log (
    plan_id TEXT NOT NULL REFERENCES plans (id), idx INTEGER NOT NULL,
    by_inspector TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (plan_id, idx));
)sql";

// Publication (一公开) and follow-up: per accepted record, an officer's early publication, the
// approver's decision on a confidential hold, the rectification deadline and its follow-up
// assignment, the case number. Deadlines are computed from the inspection day and the calendar.
constexpr std::string_view schema_v4 = R"sql(
CREATE TABLE publication (
    inspection_id TEXT PRIMARY KEY REFERENCES inspections (id),
    published_on TEXT, published_by TEXT,
    hold TEXT, hold_by TEXT, hold_at TEXT, hold_reason TEXT,
    rectification_deadline TEXT, follow_up_assignment TEXT, case_number TEXT);
)sql";

// The rectification deadlines still waiting for their follow-up, by day: the scheduled follow-up
// run reads only the ones due, not every publication row.
constexpr std::string_view schema_v5 = R"sql(
CREATE INDEX publication_follow_up_due ON publication (rectification_deadline)
    WHERE rectification_deadline IS NOT NULL AND follow_up_assignment IS NULL;
)sql";

constexpr std::array<Migration, 5> migrations{
    {{1, "reference server schema", schema_v1},
     {2, "login failures by name, record flags", schema_v2},
     {3, "plan commitments and the re-draw log", schema_v3},
     {4, "publication and follow-up of accepted records", schema_v4},
     {5, "the follow-ups due, by rectification deadline", schema_v5}}};

} // namespace

Result<std::unique_ptr<ServerDatabase>> ServerDatabase::open(const std::filesystem::path& file) {
    OpenOptions options;
    options.mode = OpenOptions::Mode::create_if_missing;
    options.encrypted = false;
    auto db = Database::open(file, SecretKey{}, options);
    if (!db)
        return db.error();
    FI_TRY(migrate(*db, migrations));
    // Readers open the file the writer made (and put in WAL mode).
    std::vector<Database> readers;
    OpenOptions read_only = options;
    read_only.mode = OpenOptions::Mode::read_only;
    for (std::size_t i = 0; i < reader_count; ++i) {
        auto reader = Database::open(file, SecretKey{}, read_only);
        if (!reader)
            return reader.error();
        readers.push_back(std::move(*reader));
    }
    std::filesystem::path photos = file.parent_path() / "photos";
    std::error_code ec;
    if (std::filesystem::create_directory(photos, ec)) {
        std::filesystem::permissions(photos, std::filesystem::perms::owner_all,
                                     std::filesystem::perm_options::replace, ec);
        FI_TRY(sync_directory(file.parent_path()));
    } else if (ec) {
        return Error::make(store_error::io,
                           "Cannot create " + photos.string() + ": " + ec.message(), "data");
    }
    std::unique_ptr<ServerDatabase> out(
        new ServerDatabase(std::move(*db), std::move(readers), std::move(photos)));
    // Photo bytes an earlier version kept in the database move to their files once.
    FI_TRY(InspectionStore(*out).move_photo_chunks_to_files());
    return out;
}

ServerDatabase::ServerDatabase(Database db, std::vector<Database> readers,
                               std::filesystem::path photo_dir)
    : db_(std::move(db)), photo_dir_(std::move(photo_dir)) {
    for (Database& r : readers)
        readers_.push_back(Reader{std::move(r), {}, 0});
}

ServerDatabase::Reading::Reading(ServerDatabase& owner) : owner_(&owner) {
    if (owner.held_here()) { // inside this thread's transaction: read its own writes
        owner.acquire();
        writer_ = true;
        db_ = &owner.db_;
    } else {
        db_ = owner.take_reader();
    }
}

ServerDatabase::Reading::~Reading() {
    if (writer_)
        owner_->release();
    else
        owner_->give_back_reader();
}

Database* ServerDatabase::take_reader() {
    const auto me = std::this_thread::get_id();
    std::unique_lock lock(readers_mutex_);
    for (Reader& r : readers_)
        if (r.held > 0 && r.holder == me) { // a nested read keeps the thread's connection
            ++r.held;
            return &r.db;
        }
    for (;;) {
        for (Reader& r : readers_)
            if (r.held == 0) {
                r.holder = me;
                r.held = 1;
                return &r.db;
            }
        reader_free_.wait(lock);
    }
}

void ServerDatabase::give_back_reader() {
    const auto me = std::this_thread::get_id();
    {
        std::lock_guard lock(readers_mutex_);
        for (Reader& r : readers_)
            if (r.held > 0 && r.holder == me) {
                if (--r.held == 0)
                    r.holder = std::thread::id();
                break;
            }
    }
    reader_free_.notify_one();
}

void ServerDatabase::acquire() {
    mutex_.lock();
    if (held_++ == 0)
        owner_ = std::this_thread::get_id();
}

void ServerDatabase::release() {
    if (--held_ == 0)
        owner_ = std::thread::id();
    mutex_.unlock();
}

namespace {

struct Depth {
    int& d;
    explicit Depth(int& v) : d(v) { ++d; }
    ~Depth() { --d; }
    Depth(const Depth&) = delete;
    Depth& operator=(const Depth&) = delete;
};

} // namespace

Status ServerDatabase::run_here(const std::function<Status()>& work) {
    Locked held(*this);
    if (depth_ > 0) {
        // Nested: a savepoint, so an inner failure that the outer work handles leaves nothing.
        auto sp = Savepoint::begin(db_, "nested" + std::to_string(depth_));
        if (!sp)
            return sp.error();
        Depth depth(depth_);
        FI_TRY(work());
        return sp->release();
    }
    auto tx = Transaction::begin(db_);
    if (!tx)
        return tx.error();
    Depth depth(depth_);
    FI_TRY(work());
    return tx->commit();
}

void ServerDatabase::commit_group(const std::vector<Waiting*>& group) {
    Locked held(*this);
    auto tx = Transaction::begin(db_);
    if (!tx) {
        for (Waiting* w : group)
            w->status = tx.error();
        return;
    }
    Depth depth(depth_);
    bool any = false;
    for (Waiting* w : group) {
        auto sp = Savepoint::begin(db_, "grouped");
        if (!sp) {
            w->status = sp.error();
            continue;
        }
        try {
            w->status = (*w->work)();
        } catch (...) {
            w->exception = std::current_exception();
        }
        if (w->status && !w->exception) {
            w->status = sp->release();
            any = any || static_cast<bool>(w->status);
        } // else: the savepoint's destructor rolls this one back, the others stay
    }
    const Status committed = any ? tx->commit() : Status{};
    if (!committed)
        for (Waiting* w : group)
            if (w->status && !w->exception)
                w->status = committed.error();
}

Status ServerDatabase::transaction(const std::function<Status()>& work) {
    // A thread already holding the connection (a nested call, a store's own transaction
    // inside its lock, a grouped transaction's work) runs in place.
    if (held_here())
        return run_here(work);
    Waiting me{&work, {}, nullptr, false};
    {
        std::unique_lock lock(queue_mutex_);
        queue_.push_back(&me);
        queue_changed_.wait(lock, [&] { return me.done || !committing_; });
        if (me.done) {
            if (me.exception)
                std::rethrow_exception(me.exception);
            return me.status;
        }
        committing_ = true; // this thread runs the next group, its own transaction in it
    }
    std::vector<Waiting*> group;
    {
        std::lock_guard lock(queue_mutex_);
        group.swap(queue_);
    }
    try {
        commit_group(group);
    } catch (...) { // BEGIN or COMMIT threw: nobody in the group is committed
        for (Waiting* w : group)
            if (!w->exception)
                w->exception = std::current_exception();
    }
    {
        std::lock_guard lock(queue_mutex_);
        for (Waiting* w : group)
            w->done = true;
        committing_ = false;
    }
    queue_changed_.notify_all();
    if (me.exception)
        std::rethrow_exception(me.exception);
    return me.status;
}

Result<std::int64_t> ServerDatabase::next_counter(std::string_view name) {
    Locked held(*this);
    std::int64_t value = 0;
    if (const Status tx = transaction([&]() -> Status {
            FI_TRY(
                store_sql::run(db_, "UPDATE counters SET value = value + 1 WHERE name = ?1", name));
            if (db_.changes() == 0)
                FI_TRY(
                    store_sql::run(db_, "INSERT INTO counters (name, value) VALUES (?1, 1)", name));
            return store_sql::query(
                db_, "SELECT value FROM counters WHERE name = ?1",
                [&](const Statement& st) { value = st.column_int64(0); }, name);
        });
        !tx)
        return tx.error();
    return value;
}

} // namespace fi::server
