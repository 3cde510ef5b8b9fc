#pragma once

#include "core/result.h"

#include <span>
#include <string_view>

namespace fi {

class Database;

/// One forward-only schema step. Versions start at 1 and are contiguous.
struct Migration {
    int version;
    std::string_view description;
    std::string_view sql;
};

/// The schema version the file is at (PRAGMA user_version; 0 for a new file).
Result<int> schema_version(Database& db);

/// Apply every migration above the file's version up to `target` (all when target < 0),
/// each in its own transaction together with the version bump, so a crash leaves the file
/// at one whole version. A file newer than the code is refused (`newer_schema`), never
/// touched.
Status migrate(Database& db, std::span<const Migration> migrations, int target = -1);

} // namespace fi
