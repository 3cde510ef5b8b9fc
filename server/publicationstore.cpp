#include "server/publicationstore.h"

#include "server/serverdatabase.h"
#include "server/storesql.h"

namespace fi::server {

namespace {

using store_sql::query;
using store_sql::run;
using store_sql::sql;

constexpr std::string_view columns =
    "inspection_id, published_on, published_by, hold, hold_by, hold_at, hold_reason, "
    "rectification_deadline, follow_up_assignment, case_number";

PublicationRow row_of(const Statement& st) {
    PublicationRow r;
    r.inspection_id = st.column_string(0);
    r.published_on = st.column_optional_string(1);
    r.published_by = st.column_optional_string(2);
    r.hold = st.column_optional_string(3);
    r.hold_by = st.column_optional_string(4);
    r.hold_at = st.column_optional_string(5);
    r.hold_reason = st.column_optional_string(6);
    r.rectification_deadline = st.column_optional_string(7);
    r.follow_up_assignment = st.column_optional_string(8);
    r.case_number = st.column_optional_string(9);
    return r;
}

/// Matches the partial index's WHERE, so SQLite reads the index and only the due rows.
constexpr std::string_view due_where =
    " FROM publication WHERE rectification_deadline IS NOT NULL AND follow_up_assignment IS NULL "
    "AND rectification_deadline < ?1 ORDER BY rectification_deadline";

} // namespace

Result<std::optional<PublicationRow>> PublicationStore::find(std::string_view inspection_id) {
    auto db = database_.read();
    std::optional<PublicationRow> out;
    FI_TRY(query(
        *db, sql("SELECT ", columns, " FROM publication WHERE inspection_id = ?1"),
        [&](const Statement& st) { out = row_of(st); }, inspection_id));
    return out;
}

Result<std::map<std::string, PublicationRow>> PublicationStore::rows() {
    auto db = database_.read();
    std::map<std::string, PublicationRow> out;
    FI_TRY(query(*db, sql("SELECT ", columns, " FROM publication"), [&](const Statement& st) {
        PublicationRow r = row_of(st);
        std::string id = r.inspection_id;
        out.emplace(std::move(id), std::move(r));
    }));
    return out;
}

Result<std::vector<PublicationRow>> PublicationStore::follow_ups_due_before(std::string_view day) {
    auto db = database_.read();
    std::vector<PublicationRow> out;
    FI_TRY(query(
        *db, sql("SELECT ", columns, due_where),
        [&](const Statement& st) { out.push_back(row_of(st)); }, day));
    return out;
}

Result<std::vector<std::string>> PublicationStore::follow_ups_due_plan() {
    auto db = database_.read();
    std::vector<std::string> out;
    FI_TRY(query(
        *db, sql("EXPLAIN QUERY PLAN SELECT ", columns, due_where),
        [&](const Statement& st) { out.push_back(st.column_string(3)); }, std::string("9999")));
    return out;
}

Status PublicationStore::put(const PublicationRow& r) {
    auto db = database_.lock();
    return run(*db,
               sql("INSERT OR REPLACE INTO publication (", columns,
                   ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"),
               r.inspection_id, r.published_on, r.published_by, r.hold, r.hold_by, r.hold_at,
               r.hold_reason, r.rectification_deadline, r.follow_up_assignment, r.case_number);
}

} // namespace fi::server
