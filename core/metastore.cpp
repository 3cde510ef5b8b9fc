#include "core/metastore.h"

#include "core/database.h"
#include "core/sha256.h"
#include "core/statement.h"

#include <array>
#include <openssl/rand.h>
#include <stdexcept>

namespace fi {

Result<std::optional<std::string>> MetaStore::get(std::string_view key) {
    return query_text(db_, "SELECT value FROM meta WHERE key = ?1", key);
}

Status MetaStore::set(std::string_view key, std::string_view value) {
    return execute(db_, "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)", key, value);
}

Status MetaStore::erase(std::string_view key) {
    return execute(db_, "DELETE FROM meta WHERE key = ?1", key);
}

Result<std::string> MetaStore::device_id() {
    auto held = get("device.id");
    if (!held)
        return held.error();
    if (*held)
        return **held;
    const std::string id = make_uuid_v4();
    FI_TRY(set("device.id", id));
    return id;
}

std::string make_uuid_v4() {
    std::array<std::uint8_t, 16> b{};
    if (RAND_bytes(b.data(), static_cast<int>(b.size())) != 1)
        throw std::runtime_error("the system random number generator failed");
    b[6] = static_cast<std::uint8_t>((b[6] & 0x0f) | 0x40); // version 4
    b[8] = static_cast<std::uint8_t>((b[8] & 0x3f) | 0x80); // RFC 4122 variant
    const std::string h = to_hex(b);
    return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
           "-" + h.substr(20, 12);
}

} // namespace fi
