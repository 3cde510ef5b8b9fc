#pragma once

#include "core/result.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace fi {

/// A prepared statement. Values are always bound, never spliced into SQL.
/// Parameters are numbered from 1; columns from 0.
class Statement {
public:
    Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::string& text) {
        return bind(index, std::string_view(text));
    }
    Statement& bind(int index, std::span<const std::uint8_t> blob);
    Statement& bind(int index, std::nullptr_t);
    template <class T> Statement& bind(int index, const std::optional<T>& v) {
        return v ? bind(index, *v) : bind(index, nullptr);
    }

    /// Bind all arguments to parameters 1..n.
    template <class... Args> Statement& bind_all(const Args&... args) {
        int i = 0;
        (bind(++i, args), ...);
        return *this;
    }

    /// Advance: true when a row is available, false when done.
    Result<bool> step();
    /// Step to completion, discarding any rows.
    Status run();
    /// Reset for another execution; bindings are cleared.
    void reset();

    int column_count() const;
    bool is_null(int col) const;
    std::int64_t column_int64(int col) const;
    int column_int(int col) const { return static_cast<int>(column_int64(col)); }
    double column_double(int col) const;
    /// Valid until the next step/reset.
    std::string_view column_text(int col) const;
    std::string column_string(int col) const { return std::string(column_text(col)); }
    std::optional<std::string> column_optional_string(int col) const;
    std::span<const std::uint8_t> column_blob(int col) const;

private:
    void note_bind(int rc, int index);
    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
    std::optional<Error> bind_error_;
};

/// Prepare `sql`, bind `args` to ?1…?n and run it to completion (no rows expected).
template <class DB, class... Args>
Status execute(DB& db, std::string_view sql, const Args&... args) {
    auto st = db.prepare(sql);
    if (!st)
        return st.error();
    st->bind_all(args...);
    return st->run();
}

/// The first column of the first row as text; nullopt when there is no row.
template <class DB, class... Args>
Result<std::optional<std::string>> query_text(DB& db, std::string_view sql, const Args&... args) {
    auto st = db.prepare(sql);
    if (!st)
        return st.error();
    st->bind_all(args...);
    auto row = st->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<std::string>();
    return std::optional<std::string>(st->column_string(0));
}

/// The first column of every row as text, in the query's order.
template <class DB, class... Args>
Result<std::vector<std::string>> query_texts(DB& db, std::string_view sql, const Args&... args) {
    auto st = db.prepare(sql);
    if (!st)
        return st.error();
    st->bind_all(args...);
    std::vector<std::string> out;
    for (;;) {
        auto row = st->step();
        if (!row)
            return row.error();
        if (!*row)
            return out;
        out.push_back(st->column_string(0));
    }
}

} // namespace fi
