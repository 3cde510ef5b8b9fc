#pragma once

#include "core/result.h"

#include <string>

namespace fi {

class Database;

/// BEGIN IMMEDIATE … COMMIT. Rolls back in its destructor unless committed, and never
/// throws from it. Use Savepoint for work that may run inside another transaction.
class Transaction {
public:
    static Result<Transaction> begin(Database& db);

    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    Status commit();

private:
    explicit Transaction(Database& db) : db_(&db) {}
    Database* db_;
    bool done_ = false;
};

/// SAVEPOINT … RELEASE: nests inside a Transaction or stands alone. Rolls back to the
/// savepoint in its destructor unless released.
class Savepoint {
public:
    static Result<Savepoint> begin(Database& db, std::string name);

    Savepoint(Savepoint&& other) noexcept;
    Savepoint& operator=(Savepoint&&) = delete;
    Savepoint(const Savepoint&) = delete;
    Savepoint& operator=(const Savepoint&) = delete;
    ~Savepoint();

    Status release();

private:
    Savepoint(Database& db, std::string name) : db_(&db), name_(std::move(name)) {}
    Database* db_;
    std::string name_;
    bool done_ = false;
};

} // namespace fi
