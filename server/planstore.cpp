#include "server/planstore.h"

#include "server/serverdatabase.h"
#include "server/storesql.h"

namespace fi::server {

namespace {

using store_sql::query;
using store_sql::run;
using store_sql::sql;

PlanRow plan_of(const Statement& st) {
    return PlanRow{st.column_string(0), st.column_string(1), st.column_string(2),
                   st.column_string(3), st.column_string(4), st.column_string(5),
                   st.column_string(6), st.column_string(7), st.column_string(8),
                   st.column_string(9), st.column_string(10)};
}
constexpr std::string_view plan_columns = "id, body, draw_id, seed, seed_commitment, "
                                          "published_at, status, commitment, frozen, reveals, "
                                          "chain_secret";

constexpr std::string_view assignment_columns =
    "id, revision, status, body, plan_id, target_id, draw_id, window_from, window_to, seq";

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

// --- plans and draws -----------------------------------------------------------------------

Status PlanStore::put_plan(const PlanRow& p) {
    auto db = database_.lock();
    return run(*db,
               sql("INSERT OR REPLACE INTO plans (", plan_columns,
                   ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"),
               p.id, p.body, p.draw_id, p.seed, p.seed_commitment, p.published_at, p.status,
               p.commitment, p.frozen, p.reveals, p.chain_secret);
}

Result<std::optional<PlanRow>> PlanStore::find_plan(std::string_view id) {
    auto db = database_.read();
    std::optional<PlanRow> out;
    FI_TRY(query(
        *db, sql("SELECT ", plan_columns, " FROM plans WHERE id = ?1"),
        [&](const Statement& st) { out = plan_of(st); }, id));
    return out;
}

Result<std::vector<PlanRow>> PlanStore::plans() {
    auto db = database_.read();
    std::vector<PlanRow> out;
    FI_TRY(query(*db, sql("SELECT ", plan_columns, " FROM plans ORDER BY published_at, id"),
                 [&](const Statement& st) { out.push_back(plan_of(st)); }));
    return out;
}

Status PlanStore::put_draw(const DrawRow& d) {
    auto db = database_.lock();
    return run(*db, "INSERT INTO draws (id, plan_id, body) VALUES (?1, ?2, ?3)", d.id, d.plan_id,
               d.body);
}

Status PlanStore::append_redraw(const RedrawLogRow& e) {
    auto db = database_.lock();
    return run(*db,
               "INSERT INTO redraw_log (plan_id, idx, by_inspector, body) VALUES (?1, ?2, ?3, ?4)",
               e.plan_id, e.index, e.by, e.body);
}

Result<FeedPage> PlanStore::redraw_page(std::string_view plan_id, std::int64_t after,
                                        std::size_t limit) {
    auto db = database_.read();
    FeedPage page;
    FI_TRY(query(
        *db,
        "SELECT idx, body FROM redraw_log WHERE plan_id = ?1 AND idx > ?2 ORDER BY idx LIMIT ?3",
        [&](const Statement& st) {
            page.rows.push_back(FeedRow{st.column_int64(0), std::to_string(st.column_int64(0)),
                                        false, st.column_string(1)});
        },
        plan_id, after, static_cast<std::int64_t>(limit) + 1));
    if (page.rows.size() > limit) {
        page.rows.resize(limit);
        page.has_more = true;
    }
    return page;
}

Result<std::vector<RedrawLogRow>> PlanStore::redraw_log(std::string_view plan_id) {
    auto db = database_.read();
    std::vector<RedrawLogRow> out;
    FI_TRY(query(
        *db,
        "SELECT plan_id, idx, by_inspector, body FROM redraw_log WHERE plan_id = ?1 ORDER BY idx",
        [&](const Statement& st) {
            out.push_back(RedrawLogRow{st.column_string(0), st.column_int64(1), st.column_string(2),
                                       st.column_string(3)});
        },
        plan_id));
    return out;
}

Result<std::vector<std::pair<std::string, std::int64_t>>> PlanStore::redraw_counts() {
    auto db = database_.read();
    std::vector<std::pair<std::string, std::int64_t>> out;
    FI_TRY(query(
        *db,
        "SELECT by_inspector, COUNT(*) AS n FROM redraw_log GROUP BY by_inspector "
        "ORDER BY n DESC, by_inspector",
        [&](const Statement& st) { out.emplace_back(st.column_string(0), st.column_int64(1)); }));
    return out;
}

Result<std::optional<DrawRow>> PlanStore::find_draw(std::string_view id) {
    auto db = database_.read();
    std::optional<DrawRow> out;
    FI_TRY(query(
        *db, "SELECT id, plan_id, body FROM draws WHERE id = ?1",
        [&](const Statement& st) {
            out = DrawRow{st.column_string(0), st.column_string(1), st.column_string(2)};
        },
        id));
    return out;
}

Result<std::int64_t> PlanStore::next_counter(std::string_view name) {
    return database_.next_counter(name);
}

// --- assignments ---------------------------------------------------------------------------

Status PlanStore::put_assignment(const AssignmentRow& a) {
    auto db = database_.lock();
    return database_.transaction([&]() -> Status {
        auto seq = database_.next_counter(ServerDatabase::change_counter);
        if (!seq)
            return seq.error();
        // Update in place rather than INSERT OR REPLACE, whose implicit delete would meet the
        // team's foreign key.
        FI_TRY(run(*db,
                   "UPDATE assignments SET revision = ?2, status = ?3, body = ?4, plan_id = ?5, "
                   "target_id = ?6, draw_id = ?7, window_from = ?8, window_to = ?9, seq = ?10 "
                   "WHERE id = ?1",
                   a.id, a.revision, a.status, a.body, a.plan_id, a.target_id, a.draw_id,
                   a.window_from, a.window_to, *seq));
        if (db->changes() == 0)
            FI_TRY(run(*db,
                       sql("INSERT INTO assignments (", assignment_columns,
                           ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"),
                       a.id, a.revision, a.status, a.body, a.plan_id, a.target_id, a.draw_id,
                       a.window_from, a.window_to, *seq));
        FI_TRY(run(*db, "DELETE FROM assignment_team WHERE assignment_id = ?1", a.id));
        for (const std::string& inspector : a.team)
            FI_TRY(run(*db,
                       "INSERT OR IGNORE INTO assignment_team (assignment_id, inspector_id) "
                       "VALUES (?1, ?2)",
                       a.id, inspector));
        return {};
    });
}

Result<std::optional<AssignmentRow>> PlanStore::find_assignment(std::string_view id) {
    auto db = database_.read();
    std::vector<AssignmentRow> rows;
    FI_TRY(load_assignments(*db, "WHERE id = ?1", id, rows));
    if (rows.empty())
        return std::optional<AssignmentRow>();
    return std::optional<AssignmentRow>(std::move(rows.front()));
}

Result<std::vector<AssignmentRow>> PlanStore::assignments_for_target(std::string_view target) {
    auto db = database_.read();
    std::vector<AssignmentRow> rows;
    FI_TRY(load_assignments(*db, "WHERE target_id = ?1 ORDER BY id", target, rows));
    return rows;
}

Result<std::vector<AssignmentRow>> PlanStore::assignments_of_plan(std::string_view plan_id) {
    auto db = database_.read();
    std::vector<AssignmentRow> rows;
    FI_TRY(load_assignments(*db, "WHERE plan_id = ?1 ORDER BY id", plan_id, rows));
    return rows;
}

Result<FeedPage> PlanStore::assignment_page(std::string_view inspector_id, std::int64_t after_seq,
                                            std::size_t limit) {
    auto db = database_.read();
    FeedPage page;
    FI_TRY(query(
        *db,
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

} // namespace fi::server
