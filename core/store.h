#pragma once

#include "core/database.h"

namespace fi {

/// Open (or create) the tablet's encrypted store and bring its schema up to date.
/// The one entry point the app, the CLI and the tests use to get a writer connection.
Result<Database> open_store(const std::filesystem::path& path, const SecretKey& key,
                            OpenOptions options = {});

} // namespace fi
