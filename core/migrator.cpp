#include "core/migrator.h"

#include "core/database.h"
#include "core/statement.h"
#include "core/transaction.h"

#include <string>

namespace fi {

Result<int> schema_version(Database& db) {
    auto st = db.prepare("PRAGMA user_version");
    if (!st)
        return st.error();
    auto row = st->step();
    if (!row)
        return row.error();
    return *row ? st->column_int(0) : 0;
}

Status migrate(Database& db, std::span<const Migration> migrations, int target) {
    for (std::size_t i = 0; i < migrations.size(); ++i)
        if (migrations[i].version != static_cast<int>(i) + 1)
            return Error::make(store_error::invalid_argument,
                               "Schema migrations must be numbered 1, 2, 3, … without gaps.");
    const int latest = static_cast<int>(migrations.size());
    if (target < 0 || target > latest)
        target = latest;
    auto current = schema_version(db);
    if (!current)
        return current.error();
    if (*current > latest)
        return Error::make(store_error::newer_schema,
                           "This data was written by a newer version of fieldinspect (schema " +
                               std::to_string(*current) + ", this app knows " +
                               std::to_string(latest) +
                               "). Update the app; the data has not been touched.");
    for (int v = *current + 1; v <= target; ++v) {
        const Migration& m = migrations[static_cast<std::size_t>(v - 1)];
        auto tx = Transaction::begin(db);
        if (!tx)
            return tx.error();
        auto s = db.exec(m.sql);
        if (!s)
            return Error::make(s.error().code, "Schema step " + std::to_string(v) + " (" +
                                                   std::string(m.description) +
                                                   ") failed: " + s.error().message);
        FI_TRY(db.exec("PRAGMA user_version = " + std::to_string(v)));
        FI_TRY(tx->commit());
    }
    return {};
}

} // namespace fi
