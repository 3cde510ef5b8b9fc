#pragma once

// The few steps every store's SQL takes: prepare, bind, run or read row by row. Values are
// always bound, never spliced into the text.

#include "core/database.h"
#include "core/result.h"
#include "core/statement.h"

#include <string>
#include <string_view>

namespace fi::server::store_sql {

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

/// `head` + a column list + `tail`: one column list per table, shared by its reads and writes.
inline std::string sql(std::string_view head, std::string_view columns, std::string_view tail) {
    std::string s(head);
    s += columns;
    s += tail;
    return s;
}

} // namespace fi::server::store_sql
