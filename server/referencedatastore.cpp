#include "server/referencedatastore.h"

#include "server/serverdatabase.h"
#include "server/storesql.h"

namespace fi::server {

namespace {

using store_sql::query;
using store_sql::run;
using store_sql::sql;

std::string_view feed_name(Feed feed) {
    return feed == Feed::catalogue ? "catalogue" : "inspectors";
}

} // namespace

// --- calendar ------------------------------------------------------------------------------

Status ReferenceDataStore::put_calendar_year(int year, std::string_view year_json) {
    auto db = database_.lock();
    return run(*db, "INSERT OR REPLACE INTO calendar_years (year, body) VALUES (?1, ?2)", year,
               year_json);
}

Result<std::map<int, std::string>> ReferenceDataStore::calendar() {
    auto db = database_.read();
    std::map<int, std::string> out;
    FI_TRY(query(*db, "SELECT year, body FROM calendar_years ORDER BY year",
                 [&](const Statement& st) { out[st.column_int(0)] = st.column_string(1); }));
    return out;
}

// --- reference lists -----------------------------------------------------------------------

Status ReferenceDataStore::put_feed_item(Feed feed, std::string_view id, std::string_view body) {
    auto db = database_.lock();
    return database_.transaction([&]() -> Status {
        auto seq = database_.next_counter(ServerDatabase::change_counter);
        if (!seq)
            return seq.error();
        return run(*db,
                   "INSERT OR REPLACE INTO feed_items (feed, id, body, deleted, seq) "
                   "VALUES (?1, ?2, ?3, 0, ?4)",
                   feed_name(feed), id, body, *seq);
    });
}

Result<bool> ReferenceDataStore::delete_feed_item(Feed feed, std::string_view id) {
    auto db = database_.lock();
    bool deleted = false;
    if (const Status tx = database_.transaction([&]() -> Status {
            auto seq = database_.next_counter(ServerDatabase::change_counter);
            if (!seq)
                return seq.error();
            // The body is dropped: a tombstone carries nothing but the id.
            FI_TRY(run(*db,
                       "UPDATE feed_items SET deleted = 1, body = '', seq = ?3 "
                       "WHERE feed = ?1 AND id = ?2 AND deleted = 0",
                       feed_name(feed), id, *seq));
            deleted = db->changes() > 0;
            return {};
        });
        !tx)
        return tx.error();
    return deleted;
}

Result<FeedPage> ReferenceDataStore::feed_page(Feed feed, std::int64_t after_seq,
                                               std::size_t limit) {
    auto db = database_.read();
    FeedPage page;
    FI_TRY(query(
        *db,
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

Result<std::vector<FeedRow>> ReferenceDataStore::feed_items(Feed feed) {
    auto db = database_.read();
    std::vector<FeedRow> out;
    FI_TRY(query(
        *db,
        "SELECT seq, id, deleted, body FROM feed_items WHERE feed = ?1 AND deleted = 0 ORDER BY id",
        [&](const Statement& st) {
            out.push_back(
                FeedRow{st.column_int64(0), st.column_string(1), false, st.column_string(3)});
        },
        feed_name(feed)));
    return out;
}

Result<std::optional<FeedRow>> ReferenceDataStore::find_feed_item(Feed feed, std::string_view id) {
    auto db = database_.read();
    std::optional<FeedRow> out;
    FI_TRY(query(
        *db,
        "SELECT seq, id, deleted, body FROM feed_items WHERE feed = ?1 AND id = ?2 AND deleted = 0",
        [&](const Statement& st) {
            out = FeedRow{st.column_int64(0), st.column_string(1), false, st.column_string(3)};
        },
        feed_name(feed), id));
    return out;
}

// --- targets, conflicts, prior checks --------------------------------------------------------

Status ReferenceDataStore::put_target(std::string_view id, std::string_view body) {
    auto db = database_.lock();
    return run(*db, "INSERT OR REPLACE INTO targets (id, body) VALUES (?1, ?2)", id, body);
}

Result<std::vector<std::string>> ReferenceDataStore::targets() {
    auto db = database_.read();
    std::vector<std::string> out;
    FI_TRY(query(*db, "SELECT body FROM targets ORDER BY id",
                 [&](const Statement& st) { out.push_back(st.column_string(0)); }));
    return out;
}

Result<std::optional<std::string>> ReferenceDataStore::find_target(std::string_view id) {
    auto db = database_.read();
    std::optional<std::string> out;
    FI_TRY(query(
        *db, "SELECT body FROM targets WHERE id = ?1",
        [&](const Statement& st) { out = st.column_string(0); }, id));
    return out;
}

Status ReferenceDataStore::add_conflict(std::string_view target_id, std::string_view inspector_id,
                                        std::string_view reason) {
    auto db = database_.lock();
    return run(*db,
               "INSERT OR REPLACE INTO conflicts (target_id, inspector_id, reason) "
               "VALUES (?1, ?2, ?3)",
               target_id, inspector_id, reason);
}

Result<std::map<std::string, std::vector<std::string>>> ReferenceDataStore::conflicts() {
    auto db = database_.read();
    std::map<std::string, std::vector<std::string>> out;
    FI_TRY(query(
        *db, "SELECT target_id, inspector_id FROM conflicts ORDER BY target_id, inspector_id",
        [&](const Statement& st) { out[st.column_string(0)].push_back(st.column_string(1)); }));
    return out;
}

Status ReferenceDataStore::put_prior_check(const PriorCheckRow& c) {
    auto db = database_.lock();
    return run(*db,
               "INSERT INTO prior_checks (target_id, year, level, unit, outcome, day) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
               c.target_id, c.year, c.level, c.unit, c.outcome, c.day);
}

Result<std::vector<PriorCheckRow>> ReferenceDataStore::prior_checks(int year) {
    auto db = database_.read();
    std::vector<PriorCheckRow> out;
    FI_TRY(query(
        *db,
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

} // namespace fi::server
