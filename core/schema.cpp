#include "core/schema.h"

#include <array>

namespace fi {

namespace {

// Version 1: settings and photo evidence. Photos are BLOBs written through incremental
// BLOB I/O; `data` stays the last column so reading the metadata never touches the bytes.
constexpr std::string_view v1 = R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE photos (
    id         TEXT PRIMARY KEY,
    mime       TEXT NOT NULL,
    bytes      INTEGER NOT NULL CHECK (bytes >= 0),
    sha256     TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    data       BLOB NOT NULL
);
)sql";

constexpr std::array migrations{
    Migration{1, "settings and photo evidence", v1},
};

} // namespace

std::span<const Migration> store_schema() { return migrations; }

} // namespace fi
