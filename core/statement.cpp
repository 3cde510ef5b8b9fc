#include "core/statement.h"

#include "core/database.h"

#include <sqlite3.h>
#include <utility>

namespace fi {

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)),
      bind_error_(std::move(other.bind_error_)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(stmt_);
        db_ = other.db_;
        stmt_ = std::exchange(other.stmt_, nullptr);
        bind_error_ = std::move(other.bind_error_);
    }
    return *this;
}

Statement::~Statement() {
    sqlite3_finalize(stmt_);
}

void Statement::note_bind(int rc, int index) {
    if (rc != SQLITE_OK && !bind_error_)
        bind_error_ = sqlite_error(db_, rc, "Cannot bind parameter " + std::to_string(index));
}

Statement& Statement::bind(int index, std::int64_t value) {
    note_bind(sqlite3_bind_int64(stmt_, index, value), index);
    return *this;
}

Statement& Statement::bind(int index, double value) {
    note_bind(sqlite3_bind_double(stmt_, index, value), index);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    note_bind(
        sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
        index);
    return *this;
}

Statement& Statement::bind(int index, std::span<const std::uint8_t> blob) {
    note_bind(sqlite3_bind_blob64(stmt_, index, blob.data(), blob.size(), SQLITE_TRANSIENT), index);
    return *this;
}

Statement& Statement::bind(int index, std::nullptr_t) {
    note_bind(sqlite3_bind_null(stmt_, index), index);
    return *this;
}

Result<bool> Statement::step() {
    if (bind_error_)
        return *bind_error_;
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    // sqlite3_reset re-reports the error; keep the statement reusable.
    sqlite3_reset(stmt_);
    return sqlite_error(db_, rc, "A database statement failed");
}

Status Statement::run() {
    for (;;) {
        auto r = step();
        if (!r)
            return r.error();
        if (!*r)
            break;
    }
    return {};
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    bind_error_.reset();
}

int Statement::column_count() const {
    return sqlite3_column_count(stmt_);
}
bool Statement::is_null(int col) const {
    return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}
std::int64_t Statement::column_int64(int col) const {
    return sqlite3_column_int64(stmt_, col);
}
double Statement::column_double(int col) const {
    return sqlite3_column_double(stmt_, col);
}

std::string_view Statement::column_text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    if (!p)
        return {};
    return {p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))};
}

std::optional<std::string> Statement::column_optional_string(int col) const {
    if (is_null(col))
        return std::nullopt;
    return column_string(col);
}

std::span<const std::uint8_t> Statement::column_blob(int col) const {
    const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, col));
    if (!p)
        return {};
    return {p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))};
}

} // namespace fi
