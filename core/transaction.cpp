#include "core/transaction.h"

#include "core/database.h"

#include <utility>

namespace fi {

Result<Transaction> Transaction::begin(Database& db) {
    FI_TRY(db.exec("BEGIN IMMEDIATE"));
    return Transaction(db);
}

Transaction::Transaction(Transaction&& other) noexcept
    : db_(other.db_), done_(std::exchange(other.done_, true)) {}

Transaction::~Transaction() {
    // SQLite may already have rolled back by itself (e.g. on SQLITE_FULL): check first.
    if (!done_ && db_->in_transaction())
        (void)db_->exec("ROLLBACK");
}

Status Transaction::commit() {
    if (done_)
        return Error::make(store_error::invalid_argument, "The transaction already ended.");
    if (!db_->in_transaction()) {
        done_ = true;
        return Error::make(store_error::sqlite,
                           "The transaction was rolled back by the database after an error; "
                           "nothing from it was saved.");
    }
    auto s = db_->exec("COMMIT");
    if (s)
        done_ = true;
    return s;
}

Result<Savepoint> Savepoint::begin(Database& db, std::string name) {
    FI_TRY(db.exec("SAVEPOINT \"" + name + "\""));
    return Savepoint(db, std::move(name));
}

Savepoint::Savepoint(Savepoint&& other) noexcept
    : db_(other.db_), name_(std::move(other.name_)), done_(std::exchange(other.done_, true)) {}

Savepoint::~Savepoint() {
    if (!done_ && db_->in_transaction()) {
        (void)db_->exec("ROLLBACK TO \"" + name_ + "\"");
        (void)db_->exec("RELEASE \"" + name_ + "\"");
    }
}

Status Savepoint::release() {
    if (done_)
        return Error::make(store_error::invalid_argument, "The savepoint already ended.");
    auto s = db_->exec("RELEASE \"" + name_ + "\"");
    if (s)
        done_ = true;
    return s;
}

} // namespace fi
