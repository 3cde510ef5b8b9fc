#include "server/sqlitestorage.h"

#include "core/migrator.h"
#include "core/sha256.h"
#include "core/statement.h"
#include "core/transaction.h"

#include <array>
#include <nlohmann/json.hpp>

namespace fi::server {

namespace {

// Forward-only, SQLite 3.15-compatible (no UPSERT, RETURNING, window or JSON functions).
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

constexpr std::array<Migration, 1> migrations{{{1, "reference server schema", schema_v1}}};

std::string_view feed_name(Feed feed) {
    return feed == Feed::catalogue ? "catalogue" : "inspectors";
}

/// Prepare, bind, step to the end.
template <class... A> Status run(Database& db, std::string_view sql, const A&... args) {
    auto st = db.prepare(sql);
    if (!st)
        return st.error();
    if constexpr (sizeof...(A) > 0)
        st->bind_all(args...);
    return st->run();
}

/// Prepare, bind, call `on_row` for each row.
template <class F, class... A>
Status query(Database& db, std::string_view sql, F&& on_row, const A&... args) {
    auto st = db.prepare(sql);
    if (!st)
        return st.error();
    if constexpr (sizeof...(A) > 0)
        st->bind_all(args...);
    for (;;) {
        auto row = st->step();
        if (!row)
            return row.error();
        if (!*row)
            return {};
        on_row(*st);
    }
}

std::string roles_text(const std::vector<std::string>& roles) {
    return nlohmann::json(roles).dump();
}

std::vector<std::string> roles_of(std::string_view text) {
    std::vector<std::string> out;
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_array())
        for (const auto& r : j)
            if (r.is_string())
                out.push_back(r.get<std::string>());
    return out;
}

UserRow user_of(const Statement& st) {
    UserRow u;
    u.username = st.column_string(0);
    u.password_hash = st.column_string(1);
    u.inspector_id = st.column_optional_string(2);
    u.name = st.column_string(3);
    u.unit = st.column_string(4);
    u.roles = roles_of(st.column_text(5));
    u.failed_attempts = st.column_int(6);
    u.locked_until_ms = st.column_int64(7);
    return u;
}
constexpr std::string_view user_columns =
    "username, password_hash, inspector_id, name, unit, roles, failed_attempts, locked_until_ms";

PlanRow plan_of(const Statement& st) {
    return PlanRow{st.column_string(0), st.column_string(1), st.column_string(2),
                   st.column_string(3), st.column_string(4), st.column_string(5),
                   st.column_string(6)};
}
constexpr std::string_view plan_columns =
    "id, body, draw_id, seed, seed_commitment, published_at, status";

constexpr std::string_view assignment_columns =
    "id, revision, status, body, plan_id, target_id, draw_id, window_from, window_to, seq";

InspectionRow inspection_of(const Statement& st) {
    InspectionRow r;
    r.id = st.column_string(0);
    r.assignment_id = st.column_string(1);
    r.target_id = st.column_string(2);
    r.username = st.column_string(3);
    r.device_id = st.column_string(4);
    r.received_at = st.column_string(5);
    r.inspection_day = st.column_string(6);
    r.outcome = st.column_string(7);
    r.supersedes = st.column_optional_string(8);
    r.body = st.column_string(9);
    r.body_sha256 = st.column_string(10);
    r.answer = st.column_string(11);
    r.late = st.column_int(12) != 0;
    return r;
}
constexpr std::string_view inspection_columns =
    "id, assignment_id, target_id, username, device_id, received_at, inspection_day, outcome, "
    "supersedes, body, body_sha256, answer, late";

PhotoRow photo_of(const Statement& st) {
    return PhotoRow{st.column_string(0), st.column_string(1), st.column_string(2),
                    st.column_int64(3),  st.column_int64(4),  st.column_int(5) != 0};
}
constexpr std::string_view photo_columns = "id, inspection_id, sha256, length, received, complete";

std::string sql(std::string_view head, std::string_view columns, std::string_view tail) {
    std::string s(head);
    s += columns;
    s += tail;
    return s;
}

} // namespace

Result<std::unique_ptr<SqliteStorage>> SqliteStorage::open(const std::filesystem::path& file) {
    OpenOptions options;
    options.mode = OpenOptions::Mode::create_if_missing;
    options.encrypted = false;
    auto db = Database::open(file, SecretKey{}, options);
    if (!db)
        return db.error();
    FI_TRY(migrate(*db, migrations));
    return std::unique_ptr<SqliteStorage>(new SqliteStorage(std::move(*db)));
}

Status SqliteStorage::transaction(const std::function<Status()>& work) {
    std::lock_guard lock(mutex_);
    struct Depth {
        int& d;
        explicit Depth(int& v) : d(v) { ++d; }
        ~Depth() { --d; }
    };
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

Result<std::int64_t> SqliteStorage::next_counter(std::string_view name) {
    std::lock_guard lock(mutex_);
    std::int64_t value = 0;
    if (const Status tx = transaction([&]() -> Status {
            FI_TRY(run(db_, "UPDATE counters SET value = value + 1 WHERE name = ?1", name));
            if (db_.changes() == 0)
                FI_TRY(run(db_, "INSERT INTO counters (name, value) VALUES (?1, 1)", name));
            return query(
                db_, "SELECT value FROM counters WHERE name = ?1",
                [&](const Statement& st) { value = st.column_int64(0); }, name);
        });
        !tx)
        return tx.error();
    return value;
}

Result<std::int64_t> SqliteStorage::next_change_seq() {
    return next_counter("change_seq");
}

// --- users, sessions, devices --------------------------------------------------------------

Result<std::optional<UserRow>> SqliteStorage::find_user(std::string_view username) {
    std::lock_guard lock(mutex_);
    std::optional<UserRow> out;
    FI_TRY(query(
        db_, sql("SELECT ", user_columns, " FROM users WHERE username = ?1"),
        [&](const Statement& st) { out = user_of(st); }, username));
    return out;
}

Result<std::vector<UserRow>> SqliteStorage::users() {
    std::lock_guard lock(mutex_);
    std::vector<UserRow> out;
    FI_TRY(query(db_, sql("SELECT ", user_columns, " FROM users ORDER BY username"),
                 [&](const Statement& st) { out.push_back(user_of(st)); }));
    return out;
}

Status SqliteStorage::put_user(const UserRow& u) {
    std::lock_guard lock(mutex_);
    return transaction([&]() -> Status {
        // Update in place: INSERT OR REPLACE would delete the row under its sessions.
        FI_TRY(run(db_,
                   "UPDATE users SET password_hash = ?2, inspector_id = ?3, name = ?4, unit = ?5, "
                   "roles = ?6, failed_attempts = ?7, locked_until_ms = ?8 WHERE username = ?1",
                   u.username, u.password_hash, u.inspector_id, u.name, u.unit, roles_text(u.roles),
                   u.failed_attempts, u.locked_until_ms));
        if (db_.changes() == 0)
            FI_TRY(run(db_,
                       sql("INSERT INTO users (", user_columns,
                           ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
                       u.username, u.password_hash, u.inspector_id, u.name, u.unit,
                       roles_text(u.roles), u.failed_attempts, u.locked_until_ms));
        return {};
    });
}

Status SqliteStorage::set_login_state(std::string_view username, int failed_attempts,
                                      std::int64_t locked_until_ms) {
    std::lock_guard lock(mutex_);
    return run(db_,
               "UPDATE users SET failed_attempts = ?2, locked_until_ms = ?3 WHERE username = ?1",
               username, failed_attempts, locked_until_ms);
}

Status SqliteStorage::put_session(const SessionRow& s) {
    std::lock_guard lock(mutex_);
    return run(db_,
               "INSERT INTO sessions (token_hash, username, device_id, created_at, expires_at_ms) "
               "VALUES (?1, ?2, ?3, ?4, ?5)",
               s.token_hash, s.username, s.device_id, s.created_at, s.expires_at_ms);
}

Result<std::optional<SessionRow>> SqliteStorage::find_session(std::string_view token_hash) {
    std::lock_guard lock(mutex_);
    std::optional<SessionRow> out;
    FI_TRY(query(
        db_,
        "SELECT token_hash, username, device_id, created_at, expires_at_ms FROM sessions "
        "WHERE token_hash = ?1",
        [&](const Statement& st) {
            out = SessionRow{st.column_string(0), st.column_string(1), st.column_string(2),
                             st.column_string(3), st.column_int64(4)};
        },
        token_hash));
    return out;
}

Status SqliteStorage::delete_session(std::string_view token_hash) {
    std::lock_guard lock(mutex_);
    return run(db_, "DELETE FROM sessions WHERE token_hash = ?1", token_hash);
}

Status SqliteStorage::touch_device(std::string_view device_id, std::string_view username,
                                   std::string_view seen_at) {
    std::lock_guard lock(mutex_);
    return transaction([&]() -> Status {
        FI_TRY(run(db_, "UPDATE devices SET last_user = ?2, last_seen = ?3 WHERE device_id = ?1",
                   device_id, username, seen_at));
        if (db_.changes() == 0)
            FI_TRY(run(db_,
                       "INSERT INTO devices (device_id, last_user, last_seen) VALUES (?1, ?2, ?3)",
                       device_id, username, seen_at));
        return {};
    });
}

Result<std::optional<DeviceRow>> SqliteStorage::find_device(std::string_view device_id) {
    std::lock_guard lock(mutex_);
    std::optional<DeviceRow> out;
    FI_TRY(query(
        db_,
        "SELECT device_id, wipe, message, last_user, last_seen FROM devices WHERE device_id = ?1",
        [&](const Statement& st) {
            out = DeviceRow{st.column_string(0), st.column_int(1) != 0,
                            st.column_optional_string(2), st.column_string(3), st.column_string(4)};
        },
        device_id));
    return out;
}

Status SqliteStorage::set_device_wipe(std::string_view device_id, bool wipe,
                                      const std::optional<std::string>& message) {
    std::lock_guard lock(mutex_);
    return transaction([&]() -> Status {
        FI_TRY(run(db_, "UPDATE devices SET wipe = ?2, message = ?3 WHERE device_id = ?1",
                   device_id, wipe, message));
        if (db_.changes() == 0)
            // A device reported lost before it ever signed in here.
            FI_TRY(run(db_,
                       "INSERT INTO devices (device_id, wipe, message, last_user, last_seen) "
                       "VALUES (?1, ?2, ?3, '', '')",
                       device_id, wipe, message));
        return {};
    });
}

// --- calendar ------------------------------------------------------------------------------

Status SqliteStorage::put_calendar_year(int year, std::string_view year_json) {
    std::lock_guard lock(mutex_);
    return run(db_, "INSERT OR REPLACE INTO calendar_years (year, body) VALUES (?1, ?2)", year,
               year_json);
}

Result<std::map<int, std::string>> SqliteStorage::calendar() {
    std::lock_guard lock(mutex_);
    std::map<int, std::string> out;
    FI_TRY(query(db_, "SELECT year, body FROM calendar_years ORDER BY year",
                 [&](const Statement& st) { out[st.column_int(0)] = st.column_string(1); }));
    return out;
}

// --- reference lists -----------------------------------------------------------------------

Status SqliteStorage::put_feed_item(Feed feed, std::string_view id, std::string_view body) {
    std::lock_guard lock(mutex_);
    return transaction([&]() -> Status {
        auto seq = next_change_seq();
        if (!seq)
            return seq.error();
        return run(db_,
                   "INSERT OR REPLACE INTO feed_items (feed, id, body, deleted, seq) "
                   "VALUES (?1, ?2, ?3, 0, ?4)",
                   feed_name(feed), id, body, *seq);
    });
}

Result<bool> SqliteStorage::delete_feed_item(Feed feed, std::string_view id) {
    std::lock_guard lock(mutex_);
    bool deleted = false;
    if (const Status tx = transaction([&]() -> Status {
            auto seq = next_change_seq();
            if (!seq)
                return seq.error();
            // The body is dropped: a tombstone carries nothing but the id.
            FI_TRY(run(db_,
                       "UPDATE feed_items SET deleted = 1, body = '', seq = ?3 "
                       "WHERE feed = ?1 AND id = ?2 AND deleted = 0",
                       feed_name(feed), id, *seq));
            deleted = db_.changes() > 0;
            return {};
        });
        !tx)
        return tx.error();
    return deleted;
}

Result<FeedPage> SqliteStorage::feed_page(Feed feed, std::int64_t after_seq, std::size_t limit) {
    std::lock_guard lock(mutex_);
    FeedPage page;
    FI_TRY(query(
        db_,
        "SELECT seq, id, deleted, body FROM feed_items WHERE feed = ?1 AND seq > ?2 "
        "ORDER BY seq LIMIT ?3",
        [&](const Statement& st) {
            page.rows.push_back(FeedRow{st.column_int64(0), st.column_string(1),
                                        st.column_int(2) != 0, st.column_string(3)});
        },
        feed_name(feed), after_seq, static_cast<std::int64_t>(limit) + 1));
    if (page.rows.size() > limit) {
        page.rows.resize(limit);
        page.has_more = true;
    }
    return page;
}

Result<std::vector<FeedRow>> SqliteStorage::feed_items(Feed feed) {
    std::lock_guard lock(mutex_);
    std::vector<FeedRow> out;
    FI_TRY(query(
        db_,
        "SELECT seq, id, deleted, body FROM feed_items WHERE feed = ?1 AND deleted = 0 ORDER BY id",
        [&](const Statement& st) {
            out.push_back(
                FeedRow{st.column_int64(0), st.column_string(1), false, st.column_string(3)});
        },
        feed_name(feed)));
    return out;
}

Result<std::optional<FeedRow>> SqliteStorage::find_feed_item(Feed feed, std::string_view id) {
    std::lock_guard lock(mutex_);
    std::optional<FeedRow> out;
    FI_TRY(query(
        db_,
        "SELECT seq, id, deleted, body FROM feed_items WHERE feed = ?1 AND id = ?2 AND deleted = 0",
        [&](const Statement& st) {
            out = FeedRow{st.column_int64(0), st.column_string(1), false, st.column_string(3)};
        },
        feed_name(feed), id));
    return out;
}

// --- targets, conflicts, prior checks --------------------------------------------------------

Status SqliteStorage::put_target(std::string_view id, std::string_view body) {
    std::lock_guard lock(mutex_);
    return run(db_, "INSERT OR REPLACE INTO targets (id, body) VALUES (?1, ?2)", id, body);
}

Result<std::vector<std::string>> SqliteStorage::targets() {
    std::lock_guard lock(mutex_);
    std::vector<std::string> out;
    FI_TRY(query(db_, "SELECT body FROM targets ORDER BY id",
                 [&](const Statement& st) { out.push_back(st.column_string(0)); }));
    return out;
}

Result<std::optional<std::string>> SqliteStorage::find_target(std::string_view id) {
    std::lock_guard lock(mutex_);
    std::optional<std::string> out;
    FI_TRY(query(
        db_, "SELECT body FROM targets WHERE id = ?1",
        [&](const Statement& st) { out = st.column_string(0); }, id));
    return out;
}

Status SqliteStorage::add_conflict(std::string_view target_id, std::string_view inspector_id,
                                   std::string_view reason) {
    std::lock_guard lock(mutex_);
    return run(db_,
               "INSERT OR REPLACE INTO conflicts (target_id, inspector_id, reason) "
               "VALUES (?1, ?2, ?3)",
               target_id, inspector_id, reason);
}

Result<std::map<std::string, std::vector<std::string>>> SqliteStorage::conflicts() {
    std::lock_guard lock(mutex_);
    std::map<std::string, std::vector<std::string>> out;
    FI_TRY(query(
        db_, "SELECT target_id, inspector_id FROM conflicts ORDER BY target_id, inspector_id",
        [&](const Statement& st) { out[st.column_string(0)].push_back(st.column_string(1)); }));
    return out;
}

Status SqliteStorage::put_prior_check(const PriorCheckRow& c) {
    std::lock_guard lock(mutex_);
    return run(db_,
               "INSERT INTO prior_checks (target_id, year, level, unit, outcome, day) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
               c.target_id, c.year, c.level, c.unit, c.outcome, c.day);
}

Result<std::vector<PriorCheckRow>> SqliteStorage::prior_checks(int year) {
    std::lock_guard lock(mutex_);
    std::vector<PriorCheckRow> out;
    FI_TRY(query(
        db_,
        "SELECT target_id, year, level, unit, outcome, day FROM prior_checks WHERE year = ?1 "
        "ORDER BY rowid",
        [&](const Statement& st) {
            out.push_back(PriorCheckRow{st.column_string(0), st.column_int(1), st.column_string(2),
                                        st.column_string(3), st.column_string(4),
                                        st.column_string(5)});
        },
        year));
    return out;
}

// --- plans and draws -----------------------------------------------------------------------

Status SqliteStorage::put_plan(const PlanRow& p) {
    std::lock_guard lock(mutex_);
    return run(db_,
               sql("INSERT OR REPLACE INTO plans (", plan_columns,
                   ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
               p.id, p.body, p.draw_id, p.seed, p.seed_commitment, p.published_at, p.status);
}

Result<std::optional<PlanRow>> SqliteStorage::find_plan(std::string_view id) {
    std::lock_guard lock(mutex_);
    std::optional<PlanRow> out;
    FI_TRY(query(
        db_, sql("SELECT ", plan_columns, " FROM plans WHERE id = ?1"),
        [&](const Statement& st) { out = plan_of(st); }, id));
    return out;
}

Result<std::vector<PlanRow>> SqliteStorage::plans() {
    std::lock_guard lock(mutex_);
    std::vector<PlanRow> out;
    FI_TRY(query(db_, sql("SELECT ", plan_columns, " FROM plans ORDER BY published_at, id"),
                 [&](const Statement& st) { out.push_back(plan_of(st)); }));
    return out;
}

Status SqliteStorage::put_draw(const DrawRow& d) {
    std::lock_guard lock(mutex_);
    return run(db_, "INSERT INTO draws (id, plan_id, body) VALUES (?1, ?2, ?3)", d.id, d.plan_id,
               d.body);
}

Result<std::optional<DrawRow>> SqliteStorage::find_draw(std::string_view id) {
    std::lock_guard lock(mutex_);
    std::optional<DrawRow> out;
    FI_TRY(query(
        db_, "SELECT id, plan_id, body FROM draws WHERE id = ?1",
        [&](const Statement& st) {
            out = DrawRow{st.column_string(0), st.column_string(1), st.column_string(2)};
        },
        id));
    return out;
}

// --- assignments ---------------------------------------------------------------------------

Status SqliteStorage::put_assignment(const AssignmentRow& a) {
    std::lock_guard lock(mutex_);
    return transaction([&]() -> Status {
        auto seq = next_change_seq();
        if (!seq)
            return seq.error();
        // Update in place rather than INSERT OR REPLACE, whose implicit delete would meet the
        // team's foreign key.
        FI_TRY(run(db_,
                   "UPDATE assignments SET revision = ?2, status = ?3, body = ?4, plan_id = ?5, "
                   "target_id = ?6, draw_id = ?7, window_from = ?8, window_to = ?9, seq = ?10 "
                   "WHERE id = ?1",
                   a.id, a.revision, a.status, a.body, a.plan_id, a.target_id, a.draw_id,
                   a.window_from, a.window_to, *seq));
        if (db_.changes() == 0)
            FI_TRY(run(db_,
                       sql("INSERT INTO assignments (", assignment_columns,
                           ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"),
                       a.id, a.revision, a.status, a.body, a.plan_id, a.target_id, a.draw_id,
                       a.window_from, a.window_to, *seq));
        FI_TRY(run(db_, "DELETE FROM assignment_team WHERE assignment_id = ?1", a.id));
        for (const std::string& inspector : a.team)
            FI_TRY(run(db_,
                       "INSERT OR IGNORE INTO assignment_team (assignment_id, inspector_id) "
                       "VALUES (?1, ?2)",
                       a.id, inspector));
        return {};
    });
}

namespace {
Status load_assignments(Database& db, std::string_view where, std::string_view arg,
                        std::vector<AssignmentRow>& out) {
    FI_TRY(query(
        db,
        sql("SELECT ", assignment_columns, std::string(" FROM assignments ") + std::string(where)),
        [&](const Statement& st) {
            AssignmentRow a;
            a.id = st.column_string(0);
            a.revision = st.column_int(1);
            a.status = st.column_string(2);
            a.body = st.column_string(3);
            a.plan_id = st.column_string(4);
            a.target_id = st.column_string(5);
            a.draw_id = st.column_string(6);
            a.window_from = st.column_string(7);
            a.window_to = st.column_string(8);
            a.seq = st.column_int64(9);
            out.push_back(std::move(a));
        },
        arg));
    for (AssignmentRow& a : out)
        FI_TRY(query(
            db, "SELECT inspector_id FROM assignment_team WHERE assignment_id = ?1 ORDER BY rowid",
            [&](const Statement& st) { a.team.push_back(st.column_string(0)); }, a.id));
    return {};
}
} // namespace

Result<std::optional<AssignmentRow>> SqliteStorage::find_assignment(std::string_view id) {
    std::lock_guard lock(mutex_);
    std::vector<AssignmentRow> rows;
    FI_TRY(load_assignments(db_, "WHERE id = ?1", id, rows));
    if (rows.empty())
        return std::optional<AssignmentRow>();
    return std::optional<AssignmentRow>(std::move(rows.front()));
}

Result<std::vector<AssignmentRow>> SqliteStorage::assignments_for_target(std::string_view target) {
    std::lock_guard lock(mutex_);
    std::vector<AssignmentRow> rows;
    FI_TRY(load_assignments(db_, "WHERE target_id = ?1 ORDER BY id", target, rows));
    return rows;
}

Result<std::vector<AssignmentRow>> SqliteStorage::assignments_of_plan(std::string_view plan_id) {
    std::lock_guard lock(mutex_);
    std::vector<AssignmentRow> rows;
    FI_TRY(load_assignments(db_, "WHERE plan_id = ?1 ORDER BY id", plan_id, rows));
    return rows;
}

Result<FeedPage> SqliteStorage::assignment_page(std::string_view inspector_id,
                                                std::int64_t after_seq, std::size_t limit) {
    std::lock_guard lock(mutex_);
    FeedPage page;
    FI_TRY(query(
        db_,
        "SELECT a.seq, a.id, a.body FROM assignments a JOIN assignment_team t "
        "ON t.assignment_id = a.id WHERE t.inspector_id = ?1 AND a.seq > ?2 "
        "ORDER BY a.seq LIMIT ?3",
        [&](const Statement& st) {
            page.rows.push_back(
                FeedRow{st.column_int64(0), st.column_string(1), false, st.column_string(2)});
        },
        inspector_id, after_seq, static_cast<std::int64_t>(limit) + 1));
    if (page.rows.size() > limit) {
        page.rows.resize(limit);
        page.has_more = true;
    }
    return page;
}

// --- inspections and photos ----------------------------------------------------------------

Result<std::optional<InspectionRow>> SqliteStorage::find_inspection(std::string_view id) {
    std::lock_guard lock(mutex_);
    std::optional<InspectionRow> out;
    FI_TRY(query(
        db_, sql("SELECT ", inspection_columns, " FROM inspections WHERE id = ?1"),
        [&](const Statement& st) { out = inspection_of(st); }, id));
    return out;
}

Result<std::vector<InspectionRow>>
SqliteStorage::inspections_for_assignment(std::string_view assignment_id) {
    std::lock_guard lock(mutex_);
    std::vector<InspectionRow> out;
    FI_TRY(query(
        db_,
        sql("SELECT ", inspection_columns,
            " FROM inspections WHERE assignment_id = ?1 ORDER BY rowid"),
        [&](const Statement& st) { out.push_back(inspection_of(st)); }, assignment_id));
    return out;
}

Result<std::vector<InspectionRow>> SqliteStorage::inspections() {
    std::lock_guard lock(mutex_);
    std::vector<InspectionRow> out;
    FI_TRY(query(db_, sql("SELECT ", inspection_columns, " FROM inspections ORDER BY rowid"),
                 [&](const Statement& st) { out.push_back(inspection_of(st)); }));
    return out;
}

Status SqliteStorage::put_inspection(const InspectionRow& r, const std::vector<PhotoRow>& photos) {
    std::lock_guard lock(mutex_);
    return transaction([&]() -> Status {
        FI_TRY(run(db_,
                   sql("INSERT INTO inspections (", inspection_columns,
                       ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"),
                   r.id, r.assignment_id, r.target_id, r.username, r.device_id, r.received_at,
                   r.inspection_day, r.outcome, r.supersedes, r.body, r.body_sha256, r.answer,
                   r.late));
        for (const PhotoRow& p : photos)
            FI_TRY(run(db_,
                       "INSERT INTO photos (id, inspection_id, sha256, length, received, complete) "
                       "VALUES (?1, ?2, ?3, ?4, 0, 0)",
                       p.id, r.id, p.sha256, p.length));
        return {};
    });
}

Result<std::optional<PhotoRow>> SqliteStorage::find_photo(std::string_view id) {
    std::lock_guard lock(mutex_);
    std::optional<PhotoRow> out;
    FI_TRY(query(
        db_, sql("SELECT ", photo_columns, " FROM photos WHERE id = ?1"),
        [&](const Statement& st) { out = photo_of(st); }, id));
    return out;
}

Result<std::vector<PhotoRow>> SqliteStorage::photos_of(std::string_view inspection_id) {
    std::lock_guard lock(mutex_);
    std::vector<PhotoRow> out;
    FI_TRY(query(
        db_, sql("SELECT ", photo_columns, " FROM photos WHERE inspection_id = ?1 ORDER BY rowid"),
        [&](const Statement& st) { out.push_back(photo_of(st)); }, inspection_id));
    return out;
}

Status SqliteStorage::append_photo_bytes(std::string_view id, std::int64_t start,
                                         std::span<const std::uint8_t> bytes) {
    std::lock_guard lock(mutex_);
    return transaction([&]() -> Status {
        FI_TRY(run(db_, "INSERT INTO photo_chunks (photo_id, start, data) VALUES (?1, ?2, ?3)", id,
                   start, bytes));
        FI_TRY(run(db_,
                   "UPDATE photos SET received = received + ?3 WHERE id = ?1 AND received = ?2", id,
                   start, static_cast<std::int64_t>(bytes.size())));
        if (db_.changes() != 1)
            return Error::make("offset_mismatch", "The photo's offset moved meanwhile.");
        return {};
    });
}

Result<std::string> SqliteStorage::photo_sha256(std::string_view id) {
    std::lock_guard lock(mutex_);
    Sha256 hash;
    FI_TRY(query(
        db_, "SELECT data FROM photo_chunks WHERE photo_id = ?1 ORDER BY start",
        [&](const Statement& st) { hash.update(st.column_blob(0)); }, id));
    return hash.finish_hex();
}

Result<std::string> SqliteStorage::photo_bytes(std::string_view id) {
    std::lock_guard lock(mutex_);
    std::string out;
    FI_TRY(query(
        db_, "SELECT data FROM photo_chunks WHERE photo_id = ?1 ORDER BY start",
        [&](const Statement& st) {
            const auto blob = st.column_blob(0);
            out.append(reinterpret_cast<const char*>(blob.data()), blob.size());
        },
        id));
    return out;
}

Status SqliteStorage::reset_photo(std::string_view id) {
    std::lock_guard lock(mutex_);
    return transaction([&]() -> Status {
        FI_TRY(run(db_, "DELETE FROM photo_chunks WHERE photo_id = ?1", id));
        return run(db_, "UPDATE photos SET received = 0, complete = 0 WHERE id = ?1", id);
    });
}

Status SqliteStorage::complete_photo(std::string_view id) {
    std::lock_guard lock(mutex_);
    return run(db_, "UPDATE photos SET complete = 1 WHERE id = ?1", id);
}

// --- chains --------------------------------------------------------------------------------

Result<std::optional<ChainLinkRow>> SqliteStorage::find_chain_link(std::string_view device_id,
                                                                   std::int64_t seq) {
    std::lock_guard lock(mutex_);
    std::optional<ChainLinkRow> out;
    FI_TRY(query(
        db_,
        "SELECT device_id, seq, prev, hash, inspection_id FROM chain_links "
        "WHERE device_id = ?1 AND seq = ?2",
        [&](const Statement& st) {
            out = ChainLinkRow{st.column_string(0), st.column_int64(1), st.column_string(2),
                               st.column_string(3), st.column_string(4)};
        },
        device_id, seq));
    return out;
}

Result<std::int64_t> SqliteStorage::max_chain_seq(std::string_view device_id) {
    std::lock_guard lock(mutex_);
    std::int64_t out = 0;
    FI_TRY(query(
        db_, "SELECT coalesce(max(seq), 0) FROM chain_links WHERE device_id = ?1",
        [&](const Statement& st) { out = st.column_int64(0); }, device_id));
    return out;
}

Status SqliteStorage::put_chain_link(const ChainLinkRow& l) {
    std::lock_guard lock(mutex_);
    return run(db_,
               "INSERT INTO chain_links (device_id, seq, prev, hash, inspection_id) "
               "VALUES (?1, ?2, ?3, ?4, ?5)",
               l.device_id, l.seq, l.prev, l.hash, l.inspection_id);
}

Status SqliteStorage::put_chain_gap(const ChainGapRow& g) {
    std::lock_guard lock(mutex_);
    return run(db_,
               "INSERT INTO chain_gaps (device_id, seq_from, seq_to, noticed_at, noticed_by) "
               "VALUES (?1, ?2, ?3, ?4, ?5)",
               g.device_id, g.seq_from, g.seq_to, g.noticed_at, g.noticed_by);
}

Result<std::vector<ChainGapRow>> SqliteStorage::chain_gaps() {
    std::lock_guard lock(mutex_);
    std::vector<ChainGapRow> out;
    FI_TRY(query(db_,
                 "SELECT id, device_id, seq_from, seq_to, noticed_at, noticed_by FROM chain_gaps "
                 "ORDER BY id",
                 [&](const Statement& st) {
                     out.push_back(ChainGapRow{st.column_int64(0), st.column_string(1),
                                               st.column_int64(2), st.column_int64(3),
                                               st.column_string(4), st.column_string(5)});
                 }));
    return out;
}

Result<std::vector<std::int64_t>> SqliteStorage::chain_seqs(std::string_view device_id,
                                                            std::int64_t from, std::int64_t to) {
    std::lock_guard lock(mutex_);
    std::vector<std::int64_t> out;
    FI_TRY(query(
        db_,
        "SELECT seq FROM chain_links WHERE device_id = ?1 AND seq BETWEEN ?2 AND ?3 ORDER BY seq",
        [&](const Statement& st) { out.push_back(st.column_int64(0)); }, device_id, from, to));
    return out;
}

} // namespace fi::server
