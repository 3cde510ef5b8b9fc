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

// Version 2: reference data as received (validated, one row per item), inspection records
// with their lifecycle, the per-device evidence chain and the outbox. The triggers make the
// lifecycle a property of the file, not of the code that happens to write it: a completed
// record, and the photos it names, can never change or disappear.
constexpr std::string_view v2 = R"sql(
CREATE TABLE catalogue_items (
    id      TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    json    TEXT NOT NULL
);
CREATE TABLE inspectors (
    id   TEXT PRIMARY KEY,
    json TEXT NOT NULL
);
CREATE TABLE assignments (
    id       TEXT PRIMARY KEY,
    revision INTEGER NOT NULL,
    status   TEXT NOT NULL CHECK (status IN ('active', 'revoked')),
    draw_id  TEXT NOT NULL,
    json     TEXT NOT NULL
);
CREATE TABLE draws (
    id             TEXT PRIMARY KEY,
    json           TEXT NOT NULL,
    verified       INTEGER NOT NULL CHECK (verified IN (0, 1)),
    verify_message TEXT NOT NULL
);
CREATE TABLE sync_cursors (
    endpoint TEXT PRIMARY KEY,
    cursor   TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE rejected_items (
    endpoint TEXT NOT NULL,
    item_id  TEXT NOT NULL,
    code     TEXT NOT NULL,
    message  TEXT NOT NULL,
    at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE inspections (
    id                  TEXT PRIMARY KEY,
    assignment_id       TEXT NOT NULL,
    assignment_revision INTEGER NOT NULL,
    state               TEXT NOT NULL CHECK (state IN ('draft', 'frozen', 'completed', 'uploaded')),
    supersedes          TEXT REFERENCES inspections (id),
    body                TEXT NOT NULL,
    chain_seq           INTEGER,
    chain_hash          TEXT,
    frozen_reason       TEXT,
    received_at         TEXT,
    late                INTEGER,
    created_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    completed_at        TEXT
);
CREATE INDEX inspections_by_assignment ON inspections (assignment_id);

CREATE TRIGGER inspections_state_forward BEFORE UPDATE OF state ON inspections
WHEN NOT (OLD.state = NEW.state
          OR (OLD.state = 'draft' AND NEW.state IN ('completed', 'frozen'))
          OR (OLD.state = 'completed' AND NEW.state = 'uploaded'))
BEGIN
    SELECT RAISE(ABORT, 'inspection state can only move draft -> completed -> uploaded, or draft -> frozen');
END;

CREATE TRIGGER inspections_completed_immutable
BEFORE UPDATE OF id, assignment_id, assignment_revision, supersedes, body, chain_seq, chain_hash
ON inspections
WHEN OLD.state IN ('completed', 'uploaded', 'frozen')
BEGIN
    SELECT RAISE(ABORT, 'a completed or frozen inspection record never changes');
END;

CREATE TRIGGER inspections_keep_records BEFORE DELETE ON inspections
WHEN OLD.state <> 'draft'
BEGIN
    SELECT RAISE(ABORT, 'completed and frozen inspection records are never deleted');
END;

CREATE TABLE inspection_photos (
    record_id TEXT NOT NULL REFERENCES inspections (id),
    photo_id  TEXT NOT NULL REFERENCES photos (id),
    PRIMARY KEY (record_id, photo_id)
) WITHOUT ROWID;
CREATE INDEX inspection_photos_by_photo ON inspection_photos (photo_id);

CREATE TRIGGER photos_evidence_kept BEFORE DELETE ON photos
WHEN EXISTS (SELECT 1 FROM inspection_photos ip JOIN inspections i ON i.id = ip.record_id
             WHERE ip.photo_id = OLD.id AND i.state <> 'draft')
BEGIN
    SELECT RAISE(ABORT, 'a photo of a completed or frozen record is evidence and is never deleted');
END;

CREATE TRIGGER photo_links_kept BEFORE DELETE ON inspection_photos
WHEN (SELECT state FROM inspections WHERE id = OLD.record_id) <> 'draft'
BEGIN
    SELECT RAISE(ABORT, 'a photo of a completed or frozen record is evidence and is never detached');
END;

CREATE TABLE device_chain (
    device_id TEXT PRIMARY KEY,
    last_seq  INTEGER NOT NULL,
    last_hash TEXT NOT NULL
);

CREATE TABLE outbox (
    record_id       TEXT PRIMARY KEY REFERENCES inspections (id),
    state           TEXT NOT NULL CHECK (state IN ('pending', 'uploading', 'uploaded', 'parked')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_ms INTEGER NOT NULL DEFAULT 0,
    error_code      TEXT,
    error_message   TEXT,
    acked           INTEGER NOT NULL DEFAULT 0 CHECK (acked IN (0, 1)),
    received_at     TEXT,
    late            INTEGER,
    updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
)sql";

// Interface 1.1: what verifying a v2 draw or a re-draw needs besides the draw — the plan's
// publication (`GET /plans/{id}`) and its public re-draw log, stored as received.
constexpr std::string_view v3 = R"sql(
CREATE TABLE plan_publications (
    id   TEXT PRIMARY KEY,
    json TEXT NOT NULL
);
CREATE TABLE redraw_log (
    plan_id TEXT NOT NULL,
    idx     INTEGER NOT NULL,
    json    TEXT NOT NULL,
    PRIMARY KEY (plan_id, idx)
) WITHOUT ROWID;
)sql";

// Holding less (issue 16): a record the central system acknowledged is removed from the
// tablet after the retention period, its receipt kept — enough to answer "was it sent,
// when" and to count the quarter. The v2 triggers that keep completed records and their
// photos are replaced by ones that let exactly this through: a receipt can only be written
// for an uploaded, acknowledged record (it must match it), a receipt never changes or goes,
// and a record, its photo links, photos and outbox row may go only once their receipt
// exists. Drafts behave as before; every other record is kept as before.
constexpr std::string_view v4 = R"sql(
CREATE TABLE receipts (
    record_id           TEXT PRIMARY KEY,
    assignment_id       TEXT NOT NULL,
    assignment_revision INTEGER NOT NULL,
    supersedes          TEXT,
    inspection_day      TEXT NOT NULL,
    chain_seq           INTEGER NOT NULL,
    chain_hash          TEXT NOT NULL,
    body_sha256         TEXT NOT NULL CHECK (length(body_sha256) = 64),
    onsite              INTEGER NOT NULL CHECK (onsite IN (0, 1)),
    outcome             TEXT,
    confidential        INTEGER NOT NULL CHECK (confidential IN (0, 1)),
    photo_count         INTEGER NOT NULL CHECK (photo_count >= 0),
    photo_bytes         INTEGER NOT NULL CHECK (photo_bytes >= 0),
    received_at         TEXT NOT NULL,
    late                INTEGER NOT NULL CHECK (late IN (0, 1)),
    created_at          TEXT NOT NULL,
    completed_at        TEXT,
    purged_at           TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX receipts_by_assignment ON receipts (assignment_id);

CREATE TRIGGER receipts_only_for_acknowledged BEFORE INSERT ON receipts
WHEN NOT EXISTS (SELECT 1 FROM inspections i JOIN outbox o ON o.record_id = i.id
                 WHERE i.id = NEW.record_id AND i.state = 'uploaded'
                   AND i.received_at IS NOT NULL AND o.acked = 1 AND o.state = 'uploaded'
                   AND i.assignment_id = NEW.assignment_id AND i.chain_hash = NEW.chain_hash
                   AND i.received_at = NEW.received_at)
BEGIN
    SELECT RAISE(ABORT, 'a receipt is kept only for a record the central system acknowledged');
END;

CREATE TRIGGER receipts_never_change BEFORE UPDATE ON receipts
BEGIN
    SELECT RAISE(ABORT, 'a receipt never changes');
END;

CREATE TRIGGER receipts_kept BEFORE DELETE ON receipts
BEGIN
    SELECT RAISE(ABORT, 'a receipt is never deleted');
END;

DROP TRIGGER inspections_keep_records;
CREATE TRIGGER inspections_keep_records BEFORE DELETE ON inspections
WHEN OLD.state <> 'draft'
     AND NOT (OLD.state = 'uploaded'
              AND EXISTS (SELECT 1 FROM receipts r WHERE r.record_id = OLD.id))
BEGIN
    SELECT RAISE(ABORT, 'completed and frozen inspection records are never deleted; an uploaded one only after its receipt is kept');
END;

DROP TRIGGER photos_evidence_kept;
CREATE TRIGGER photos_evidence_kept BEFORE DELETE ON photos
WHEN EXISTS (SELECT 1 FROM inspection_photos ip JOIN inspections i ON i.id = ip.record_id
             WHERE ip.photo_id = OLD.id AND i.state <> 'draft'
               AND NOT (i.state = 'uploaded'
                        AND EXISTS (SELECT 1 FROM receipts r WHERE r.record_id = i.id)))
BEGIN
    SELECT RAISE(ABORT, 'a photo of a completed or frozen record is evidence and is never deleted');
END;

DROP TRIGGER photo_links_kept;
CREATE TRIGGER photo_links_kept BEFORE DELETE ON inspection_photos
WHEN (SELECT state FROM inspections WHERE id = OLD.record_id) <> 'draft'
     AND NOT EXISTS (SELECT 1 FROM receipts r JOIN inspections i ON i.id = r.record_id
                     WHERE r.record_id = OLD.record_id AND i.state = 'uploaded')
BEGIN
    SELECT RAISE(ABORT, 'a photo of a completed or frozen record is evidence and is never detached');
END;

CREATE TRIGGER outbox_kept BEFORE DELETE ON outbox
WHEN NOT EXISTS (SELECT 1 FROM receipts r WHERE r.record_id = OLD.record_id)
BEGIN
    SELECT RAISE(ABORT, 'an outbox entry goes only with its acknowledged record, once its receipt is kept');
END;
)sql";

// Version 5: where a record was completed, beside it (interface 1.1 carries one `location`,
// the one taken at the start). Written once when the record is completed, never changed; it
// goes with its record (a discarded draft, the retention purge).
constexpr std::string_view v5 = R"sql(
CREATE TABLE record_places (
    record_id             TEXT PRIMARY KEY REFERENCES inspections (id) ON DELETE CASCADE,
    completed_location    TEXT,
    start_distance_m      INTEGER,
    completed_distance_m  INTEGER,
    simulated             INTEGER NOT NULL DEFAULT 0 CHECK (simulated IN (0, 1)),
    at                    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) WITHOUT ROWID;

CREATE TRIGGER record_places_never_change BEFORE UPDATE ON record_places
BEGIN
    SELECT RAISE(ABORT, 'where a record was completed is kept as taken and never changed');
END;
)sql";

// Version 6: the lists' columns of every record in one narrow index. Today and the outbox read
// the state of every record at each start; the columns they need sit after the record's body
// in its row, so without this index every body page was read and decrypted to reach them
// (5,000 records: ~150 ms on the store thread, issue 21). Autosaves change the body, not these
// columns, so they do not touch the index.
constexpr std::string_view v6 = R"sql(
CREATE INDEX inspections_summary
    ON inspections (created_at, id, assignment_id, state, late, received_at);
)sql";

constexpr std::array migrations{
    Migration{1, "settings and photo evidence", v1},
    Migration{2, "reference data, inspection records, evidence chain, outbox", v2},
    Migration{3, "plan publications and re-draw logs", v3},
    Migration{4, "receipts of records removed after the retention period", v4},
    Migration{5, "the place a record was completed, beside it", v5},
    Migration{6, "the record lists' columns in one index", v6},
};

} // namespace

std::span<const Migration> store_schema() {
    return migrations;
}

} // namespace fi
