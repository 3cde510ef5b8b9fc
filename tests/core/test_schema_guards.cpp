// The lifecycle is a property of the file: even raw SQL cannot change, delete or move back a
// completed record, nor delete the photos it names.
#include "core/photostore.h"
#include "core/statement.h"
#include "core/store.h"
#include "support/tempdir.h"

#include <doctest/doctest.h>

using namespace fi;

namespace {

Database open_fresh(const fi::test::TempDir& dir) {
    OpenOptions o;
    o.mode = OpenOptions::Mode::create_if_missing;
    auto db = open_store(dir / "fi.db", SecretKey::random(), o);
    REQUIRE(db.ok());
    return std::move(db.value());
}

void insert_record(Database& db, const std::string& id, const std::string& state) {
    auto st = db.prepare("INSERT INTO inspections (id, assignment_id, assignment_revision, state, "
                         "body) VALUES (?1, 'A-1', 1, 'draft', '{}')");
    REQUIRE(st.ok());
    st->bind_all(id);
    REQUIRE(st->run().ok());
    if (state != "draft") {
        auto up = db.prepare("UPDATE inspections SET state = ?2 WHERE id = ?1");
        REQUIRE(up.ok());
        up->bind_all(id, state);
        REQUIRE(up->run().ok());
    }
}

Status run(Database& db, const std::string& sql, const std::string& id) {
    auto st = db.prepare(sql);
    REQUIRE(st.ok());
    st->bind_all(id);
    return st->run();
}

} // namespace

TEST_CASE("a completed record cannot be edited, deleted or moved back, even by raw SQL") {
    fi::test::TempDir dir;
    auto db = open_fresh(dir);
    insert_record(db, "r1", "completed");
    for (const char* sql : {"UPDATE inspections SET body = '{\"x\":1}' WHERE id = ?1",
                            "UPDATE inspections SET assignment_id = 'A-2' WHERE id = ?1",
                            "UPDATE inspections SET chain_hash = 'x' WHERE id = ?1",
                            "UPDATE inspections SET state = 'draft' WHERE id = ?1",
                            "DELETE FROM inspections WHERE id = ?1"}) {
        CAPTURE(sql);
        auto s = run(db, sql, "r1");
        REQUIRE_FALSE(s.ok());
        CHECK(s.error().code == "constraint");
    }
    // Forward moves are allowed: the receipt arrives.
    CHECK(run(db, "UPDATE inspections SET state = 'uploaded', received_at = 'now' WHERE id = ?1",
              "r1")
              .ok());
    CHECK_FALSE(run(db, "UPDATE inspections SET state = 'completed' WHERE id = ?1", "r1").ok());
}

TEST_CASE("a frozen draft is kept as it is, a live draft may change or go") {
    fi::test::TempDir dir;
    auto db = open_fresh(dir);
    insert_record(db, "frozen", "frozen");
    CHECK_FALSE(run(db, "UPDATE inspections SET body = '{}' WHERE id = ?1", "frozen").ok());
    CHECK_FALSE(run(db, "DELETE FROM inspections WHERE id = ?1", "frozen").ok());
    CHECK_FALSE(run(db, "UPDATE inspections SET state = 'completed' WHERE id = ?1", "frozen").ok());
    insert_record(db, "draft", "draft");
    CHECK(run(db, "UPDATE inspections SET body = '{\"a\":1}' WHERE id = ?1", "draft").ok());
    CHECK(run(db, "DELETE FROM inspections WHERE id = ?1", "draft").ok());
}

TEST_CASE("photos that are evidence of a completed record cannot be deleted or detached") {
    fi::test::TempDir dir;
    auto db = open_fresh(dir);
    PhotoStore photos(db);
    const std::vector<std::uint8_t> bytes(5000, 0x42);
    REQUIRE(photos.put_bytes("p-evidence", "image/jpeg", bytes).ok());
    REQUIRE(photos.put_bytes("p-draft", "image/jpeg", bytes).ok());
    insert_record(db, "r-draft", "draft");
    insert_record(db, "r-done", "draft");
    REQUIRE(run(db, "INSERT INTO inspection_photos VALUES ('r-done', ?1)", "p-evidence").ok());
    REQUIRE(run(db, "INSERT INTO inspection_photos VALUES ('r-draft', ?1)", "p-draft").ok());
    REQUIRE(run(db, "UPDATE inspections SET state = 'completed' WHERE id = ?1", "r-done").ok());

    auto refused = photos.remove("p-evidence");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == "constraint");
    CHECK(photos.hash_stored("p-evidence").ok());
    CHECK_FALSE(run(db, "DELETE FROM inspection_photos WHERE photo_id = ?1", "p-evidence").ok());

    REQUIRE(run(db, "DELETE FROM inspection_photos WHERE photo_id = ?1", "p-draft").ok());
    REQUIRE(photos.remove("p-draft").ok());
    CHECK(photos.info("p-draft").error().code == "not_found");
    auto left = db.prepare("SELECT count(*) FROM photo_data");
    REQUIRE(left.ok());
    REQUIRE(left->step().value());
    CHECK(left->column_int(0) == 1); // only the evidence's bytes remain
}
