#include "core/schema.h"

#include <array>

namespace fi {

namespace {

// Version 1: settings and photo evidence. Photo bytes live in their own table, written
// through incremental BLOB I/O, so metadata updates never rewrite megabytes of BLOB.
constexpr std::string_view v1 = R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE photo_data (
    id   INTEGER PRIMARY KEY,
    data BLOB NOT NULL
);

CREATE TABLE photos (
    id         TEXT PRIMARY KEY,
    mime       TEXT NOT NULL,
    bytes      INTEGER NOT NULL CHECK (bytes >= 0),
    sha256     TEXT NOT NULL CHECK (length(sha256) = 64),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    data_id    INTEGER NOT NULL UNIQUE REFERENCES photo_data (id)
);
)sql";

constexpr std::array migrations{
    Migration{1, "settings and photo evidence", v1},
};

} // namespace

std::span<const Migration> store_schema() { return migrations; }

} // namespace fi
