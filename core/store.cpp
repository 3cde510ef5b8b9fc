#include "core/store.h"

#include "core/schema.h"

namespace fi {

Result<Database> open_store(const std::filesystem::path& path, const SecretKey& key,
                            OpenOptions options) {
    auto db = Database::open(path, key, options);
    if (!db)
        return db.error();
    if (options.mode != OpenOptions::Mode::read_only)
        FI_TRY(migrate(*db, store_schema()));
    return db;
}

} // namespace fi
