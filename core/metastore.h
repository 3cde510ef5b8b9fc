#pragma once

#include "core/result.h"

#include <optional>
#include <string>
#include <string_view>

namespace fi {

class Database;

/// Small settings kept in the encrypted store (the `meta` table): the device id, the session
/// token and user, the server calendar. Secrets live only here, never in plain files.
class MetaStore {
public:
    explicit MetaStore(Database& db) : db_(db) {}

    Result<std::optional<std::string>> get(std::string_view key);
    Status set(std::string_view key, std::string_view value);
    Status erase(std::string_view key);

    /// The device's id (UUID v4), made once on first use.
    Result<std::string> device_id();

private:
    Database& db_;
};

/// A fresh random UUID v4, lower case (client-made ids: records, findings, photos, devices).
std::string make_uuid_v4();

} // namespace fi
