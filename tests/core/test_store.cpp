// The encrypted store: keying, every security setting, bad files, migrations,
// transactions, photo BLOBs, re-keying and a full disk — against real SQLCipher files.
#include "core/database.h"
#include "core/photostore.h"
#include "core/schema.h"
#include "core/sha256.h"
#include "core/statement.h"
#include "core/store.h"
#include "core/transaction.h"
#include "support/tempdir.h"

#include <array>
#include <cstdlib>
#include <doctest/doctest.h>
#include <fstream>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <stdexcept>
#include <vector>

using namespace fi;
using fi::test::TempDir;

namespace {

SecretKey key_a() {
    return SecretKey::from_hex(std::string(64, 'a'));
}
SecretKey key_b() {
    return SecretKey::from_hex(std::string(63, 'b') + "c");
}

Database must_open(const std::filesystem::path& p, const SecretKey& k) {
    OpenOptions o;
    o.mode = OpenOptions::Mode::create_if_missing;
    auto db = open_store(p, k, o);
    REQUIRE_MESSAGE(db.ok(), (db.ok() ? "" : db.error().message));
    return std::move(db.value());
}

void put_meta(Database& db, std::string_view key, std::string_view value) {
    auto st = db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)");
    REQUIRE(st.ok());
    st->bind_all(key, value);
    REQUIRE(st->run().ok());
}

std::optional<std::string> get_meta(Database& db, std::string_view key) {
    auto st = db.prepare("SELECT value FROM meta WHERE key = ?1");
    REQUIRE(st.ok());
    st->bind_all(key);
    auto row = st->step();
    REQUIRE(row.ok());
    if (!*row)
        return std::nullopt;
    return st->column_string(0);
}

std::string pragma(Database& db, const std::string& name) {
    auto st = db.prepare("PRAGMA " + name);
    REQUIRE(st.ok());
    auto row = st->step();
    REQUIRE(row.ok());
    return *row ? st->column_string(0) : std::string();
}

std::vector<std::uint8_t> random_bytes(std::size_t n) {
    std::vector<std::uint8_t> v(n);
    REQUIRE(RAND_bytes(v.data(), static_cast<int>(n)) == 1);
    return v;
}

std::string independent_sha256(std::span<const std::uint8_t> bytes) {
    std::array<unsigned char, SHA256_DIGEST_LENGTH> d{};
    SHA256(bytes.data(), bytes.size(), d.data());
    return to_hex(std::span<const std::uint8_t>(d.data(), d.size()));
}

/// The real JPEG made at build time from a generated picture (tests/CMakeLists.txt).
std::vector<std::uint8_t> sample_jpeg() {
    const std::string bytes = fi::test::file_bytes(FI_TEST_BUILD_DIR "/sample.jpg");
    REQUIRE(bytes.size() > 1000);
    REQUIRE(static_cast<unsigned char>(bytes[0]) == 0xFF);
    REQUIRE(static_cast<unsigned char>(bytes[1]) == 0xD8);
    return {bytes.begin(), bytes.end()};
}

bool contains(const std::string& hay, std::string_view needle) {
    return hay.find(needle) != std::string::npos;
}

} // namespace

TEST_CASE("a new store is encrypted, configured as asked, and reopens with its key") {
    TempDir dir;
    const auto path = dir / "fi.db";
    {
        auto db = must_open(path, key_a());
        CHECK(pragma(db, "journal_mode") == "wal");
        CHECK(pragma(db, "synchronous") == "2");
        CHECK(pragma(db, "foreign_keys") == "1");
        CHECK(pragma(db, "secure_delete") == "1");
        CHECK(pragma(db, "temp_store") == "2");
        CHECK(pragma(db, "cipher_page_size") == "4096");
        CHECK_FALSE(pragma(db, "cipher_version").empty());
        CHECK(schema_version(db).value() == static_cast<int>(store_schema().size()));
        put_meta(db, "greeting", "你好");
    }
    const std::string head = fi::test::file_bytes(path).substr(0, 16);
    CHECK(head.size() == 16);
    CHECK_FALSE(contains(head, "SQLite format 3"));
    CHECK(std::filesystem::exists(Database::keycheck_path(path)));

    auto again = open_store(path, key_a());
    REQUIRE(again.ok());
    CHECK(get_meta(*again, "greeting") == "你好");
}

TEST_CASE("opening a missing file without create mode creates nothing") {
    TempDir dir;
    auto db = Database::open(dir / "missing.db", key_a());
    REQUIRE_FALSE(db.ok());
    CHECK(db.error().code == "not_found");
    CHECK_FALSE(std::filesystem::exists(dir / "missing.db"));
}

TEST_CASE("a wrong key is reported as wrong_key and leaves the file byte-identical") {
    TempDir dir;
    const auto path = dir / "fi.db";
    {
        auto db = must_open(path, key_a());
        put_meta(db, "k", "v");
    }
    const auto before = fi::test::file_sha256(path);
    auto db = Database::open(path, key_b());
    REQUIRE_FALSE(db.ok());
    CHECK(db.error().code == "wrong_key");
    CHECK(contains(db.error().message, "PIN"));
    CHECK(fi::test::file_sha256(path) == before);
    CHECK_FALSE(std::filesystem::exists(dir / "fi.db-wal"));
    // The right key still works afterwards.
    auto ok = Database::open(path, key_a());
    REQUIRE(ok.ok());
    CHECK(get_meta(*ok, "k") == "v");
}

TEST_CASE("a damaged header is reported as damaged, with the right key, and kept") {
    TempDir dir;
    const auto path = dir / "fi.db";
    {
        auto db = must_open(path, key_a());
        put_meta(db, "k", "v");
    }
    {
        std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
        const std::string junk(24, '\x5a');
        f.seekp(0);
        f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    const auto before = fi::test::file_sha256(path);
    auto db = Database::open(path, key_a());
    REQUIRE_FALSE(db.ok());
    CHECK(db.error().code == "damaged");
    CHECK(fi::test::file_sha256(path) == before);
    // A wrong key on the damaged file is still a wrong key, not a reason to recreate.
    auto wrong = Database::open(path, key_b(), {OpenOptions::Mode::create_if_missing});
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().code == "wrong_key");
    CHECK(fi::test::file_sha256(path) == before);
}

TEST_CASE("foreign files are reported as damaged and never recreated over") {
    TempDir dir;
    SUBCASE("an unencrypted SQLite database") {
        const auto path = dir / "plain.db";
        {
            OpenOptions o;
            o.mode = OpenOptions::Mode::create_if_missing;
            o.encrypted = false;
            auto plain = Database::open(path, SecretKey{}, o);
            REQUIRE(plain.ok());
            REQUIRE(plain->exec("CREATE TABLE t(x); INSERT INTO t VALUES (1)").ok());
        }
        const auto before = fi::test::file_sha256(path);
        auto db = Database::open(path, key_a(), {OpenOptions::Mode::create_if_missing});
        REQUIRE_FALSE(db.ok());
        CHECK(db.error().code == "damaged");
        CHECK(fi::test::file_sha256(path) == before);
    }
    SUBCASE("random bytes") {
        const auto path = dir / "noise.db";
        const auto noise = random_bytes(3 * 4096);
        {
            std::ofstream f(path, std::ios::binary);
            f.write(reinterpret_cast<const char*>(noise.data()),
                    static_cast<std::streamsize>(noise.size()));
        }
        const auto before = fi::test::file_sha256(path);
        auto db = Database::open(path, key_a(), {OpenOptions::Mode::create_if_missing});
        REQUIRE_FALSE(db.ok());
        CHECK(db.error().code == "damaged");
        CHECK(fi::test::file_sha256(path) == before);
    }
}

TEST_CASE("no plaintext reaches the disk: canaries and JPEG bytes stay encrypted") {
    TempDir dir;
    TempDir tmp;
    const char* old_tmp = std::getenv("SQLITE_TMPDIR");
    ::setenv("SQLITE_TMPDIR", tmp.path().c_str(), 1);
    const std::string canary = "CANARY-明文-7f3e9a";
    const auto jpeg = sample_jpeg();
    {
        auto db = must_open(dir / "fi.db", key_a());
        for (int i = 0; i < 200; ++i)
            put_meta(db, "note" + std::to_string(i), canary + std::to_string(i));
        PhotoStore photos(db);
        REQUIRE(photos.put_bytes("p1", "image/jpeg", jpeg).ok());
        // Scan while the connection is open: the WAL and shared memory exist now.
        REQUIRE(std::filesystem::exists(dir / "fi.db-wal"));
        std::vector<std::string> needles = {canary, "JFIF", "CANARY"};
        for (std::size_t off : {jpeg.size() / 4, jpeg.size() / 2, jpeg.size() * 3 / 4})
            needles.emplace_back(reinterpret_cast<const char*>(jpeg.data()) + off, 16);
        needles.emplace_back(reinterpret_cast<const char*>(jpeg.data()), 4); // FF D8 FF E0
        int files = 0;
        for (const auto& where : {dir.path(), tmp.path()}) {
            for (const auto& e : std::filesystem::recursive_directory_iterator(where)) {
                if (!e.is_regular_file())
                    continue;
                ++files;
                const std::string bytes = fi::test::file_bytes(e.path());
                for (const auto& n : needles)
                    CHECK_MESSAGE(!contains(bytes, n), e.path().string());
                CHECK_FALSE(contains(bytes.substr(0, 16), "SQLite format 3"));
            }
        }
        CHECK(files >= 3); // .db, -wal, -shm (and the key check)
    }
    if (old_tmp)
        ::setenv("SQLITE_TMPDIR", old_tmp, 1);
    else
        ::unsetenv("SQLITE_TMPDIR");
}

TEST_CASE("migrations: every earlier version upgrades to the latest with its data") {
    const int latest = static_cast<int>(store_schema().size());
    REQUIRE(latest >= 1);
    for (int from = 0; from < latest; ++from) {
        CAPTURE(from);
        TempDir dir;
        const auto path = dir / "fi.db";
        {
            auto db = Database::open(path, key_a(), {OpenOptions::Mode::create_if_missing});
            REQUIRE(db.ok());
            REQUIRE(migrate(*db, store_schema(), from).ok());
            CHECK(schema_version(*db).value() == from);
            if (from >= 1)
                put_meta(*db, "kept", "yes");
        }
        auto db = open_store(path, key_a());
        REQUIRE(db.ok());
        CHECK(schema_version(*db).value() == latest);
        CHECK(pragma(*db, "integrity_check") == "ok");
        CHECK(pragma(*db, "foreign_key_check").empty());
        if (from >= 1)
            CHECK(get_meta(*db, "kept") == "yes");
    }
}

TEST_CASE("a failing migration step leaves the file at the previous whole version") {
    TempDir dir;
    static constexpr std::array steps{
        Migration{1, "one", "CREATE TABLE a (x INTEGER);"},
        Migration{2, "two", "CREATE TABLE b (x INTEGER); CREATE TABLE a (y);"}, // fails
    };
    auto db = Database::open(dir / "m.db", key_a(), {OpenOptions::Mode::create_if_missing});
    REQUIRE(db.ok());
    auto s = migrate(*db, steps);
    REQUIRE_FALSE(s.ok());
    CHECK(contains(s.error().message, "two"));
    CHECK(schema_version(*db).value() == 1);
    auto st = db->prepare("SELECT count(*) FROM sqlite_master WHERE name = 'b'");
    REQUIRE(st.ok());
    REQUIRE(st->step().value());
    CHECK(st->column_int(0) == 0);
}

TEST_CASE("a file from a newer app version is refused and untouched") {
    TempDir dir;
    const auto path = dir / "fi.db";
    {
        auto db = must_open(path, key_a());
        REQUIRE(db.exec("PRAGMA user_version = 999").ok());
    }
    const auto before = fi::test::file_sha256(path);
    auto db = open_store(path, key_a());
    REQUIRE_FALSE(db.ok());
    CHECK(db.error().code == "newer_schema");
    CHECK(fi::test::file_sha256(path) == before);
}

TEST_CASE("transactions commit explicitly and roll back when an exception unwinds") {
    TempDir dir;
    auto db = must_open(dir / "fi.db", key_a());
    {
        auto tx = Transaction::begin(db);
        REQUIRE(tx.ok());
        put_meta(db, "committed", "1");
        REQUIRE(tx->commit().ok());
    }
    try {
        auto tx = Transaction::begin(db);
        REQUIRE(tx.ok());
        put_meta(db, "lost", "1");
        throw std::runtime_error("boom");
    } catch (const std::runtime_error&) {
    }
    CHECK_FALSE(db.in_transaction());
    CHECK(get_meta(db, "committed") == "1");
    CHECK_FALSE(get_meta(db, "lost").has_value());
    {
        auto tx = Transaction::begin(db);
        REQUIRE(tx.ok());
        put_meta(db, "dropped", "1");
    } // no commit
    CHECK_FALSE(get_meta(db, "dropped").has_value());
}

TEST_CASE("photos: chunked BLOB round trip with SHA-256, ranges, and short or long sources") {
    TempDir dir;
    auto db = must_open(dir / "fi.db", key_a());
    PhotoStore photos(db);
    const auto bytes = random_bytes(3 * 1024 * 1024 + 123);
    const auto file = dir / "photo.bin";
    {
        std::ofstream f(file, std::ios::binary);
        f.write(reinterpret_cast<const char*>(bytes.data()),
                static_cast<std::streamsize>(bytes.size()));
    }
    auto info = photos.put("p1", "image/jpeg", static_cast<std::int64_t>(bytes.size()),
                           file_source(file.string()));
    REQUIRE(info.ok());
    CHECK(info->sha256 == independent_sha256(bytes));
    CHECK(photos.info("p1").value().sha256 == info->sha256);
    CHECK(photos.hash_stored("p1").value() == info->sha256);

    std::vector<std::uint8_t> back;
    std::size_t largest_chunk = 0;
    REQUIRE(photos
                .read_all("p1",
                          [&](std::span<const std::uint8_t> c) -> Status {
                              largest_chunk = std::max(largest_chunk, c.size());
                              back.insert(back.end(), c.begin(), c.end());
                              return {};
                          })
                .ok());
    CHECK(back == bytes);
    CHECK(largest_chunk <= PhotoStore::default_chunk_bytes);

    std::vector<std::uint8_t> range;
    REQUIRE(photos
                .read(
                    "p1", 1000, 5000,
                    [&](std::span<const std::uint8_t> c) -> Status {
                        range.insert(range.end(), c.begin(), c.end());
                        return {};
                    },
                    777)
                .ok());
    CHECK(std::equal(range.begin(), range.end(), bytes.begin() + 1000));
    CHECK(range.size() == 5000);
    CHECK_FALSE(photos
                    .read("p1", 0, static_cast<std::int64_t>(bytes.size()) + 1,
                          [](auto) -> Status { return {}; })
                    .ok());

    const std::span<const std::uint8_t> half(bytes.data(), bytes.size() / 2);
    auto too_short =
        photos.put("p2", "image/jpeg", static_cast<std::int64_t>(bytes.size()),
                   [&, done = false](std::span<std::uint8_t> buf) mutable -> Result<std::size_t> {
                       if (done)
                           return std::size_t{0};
                       done = true;
                       const auto n = std::min(buf.size(), half.size());
                       std::copy_n(half.data(), n, buf.data());
                       return n;
                   });
    CHECK_FALSE(too_short.ok());
    CHECK(photos.info("p2").error().code == "not_found");
    auto too_long = photos.put("p3", "image/jpeg", 10, file_source(file.string()));
    CHECK_FALSE(too_long.ok());
    CHECK(photos.info("p3").error().code == "not_found");
    auto missing = photos.put("p4", "image/jpeg", 10, file_source((dir / "nope").string()));
    CHECK_FALSE(missing.ok());
    CHECK(photos.info("p4").error().code == "not_found");
}

TEST_CASE("a photo written inside a transaction that rolls back is gone") {
    TempDir dir;
    auto db = must_open(dir / "fi.db", key_a());
    PhotoStore photos(db);
    const auto bytes = random_bytes(100000);
    {
        auto tx = Transaction::begin(db);
        REQUIRE(tx.ok());
        REQUIRE(photos.put_bytes("p1", "image/jpeg", bytes).ok());
    }
    CHECK(photos.info("p1").error().code == "not_found");
}

TEST_CASE("re-key: the data moves to the new key and the old key stops working") {
    TempDir dir;
    const auto path = dir / "fi.db";
    const auto bytes = random_bytes(600000);
    std::string hash;
    {
        auto db = must_open(path, key_a());
        put_meta(db, "k", "before");
        PhotoStore photos(db);
        hash = photos.put_bytes("p1", "image/jpeg", bytes).value().sha256;
        auto s = db.rekey(key_b());
        REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message));
        // The same object keeps working on the re-keyed file.
        put_meta(db, "k2", "after");
        CHECK(get_meta(db, "k") == "before");
    }
    auto old = Database::open(path, key_a());
    REQUIRE_FALSE(old.ok());
    CHECK(old.error().code == "wrong_key");
    {
        // A writer opened without create mode can re-key too (the app's normal case).
        auto existing = open_store(path, key_b());
        REQUIRE(existing.ok());
        auto s = existing->rekey(key_a());
        REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message));
        REQUIRE(existing->rekey(key_b()).ok());
    }
    auto db = open_store(path, key_b());
    REQUIRE(db.ok());
    CHECK(get_meta(*db, "k") == "before");
    CHECK(get_meta(*db, "k2") == "after");
    CHECK(PhotoStore(*db).hash_stored("p1").value() == hash);
    CHECK(schema_version(*db).value() == static_cast<int>(store_schema().size()));
    CHECK(pragma(*db, "integrity_check") == "ok");
    CHECK_FALSE(std::filesystem::exists(dir / "fi.db.rekey"));
}

TEST_CASE("a full disk rolls back the transaction and keeps everything committed before") {
    TempDir dir;
    auto db = must_open(dir / "fi.db", key_a());
    put_meta(db, "safe", "1");
    const int pages = std::stoi(pragma(db, "page_count"));
    REQUIRE(db.exec("PRAGMA max_page_count = " + std::to_string(pages + 8)).ok());

    SUBCASE("rows") {
        auto tx = Transaction::begin(db);
        REQUIRE(tx.ok());
        Status failure;
        for (int i = 0; i < 10000 && failure.ok(); ++i) {
            auto st = db.prepare("INSERT INTO meta (key, value) VALUES (?1, ?2)");
            REQUIRE(st.ok());
            st->bind_all("row" + std::to_string(i), std::string(500, 'x'));
            failure = st->run();
        }
        REQUIRE_FALSE(failure.ok());
        CHECK(failure.error().code == "disk_full");
        CHECK(contains(failure.error().message, "Free some space"));
        CHECK_FALSE(tx->commit().ok());
    }
    SUBCASE("a photo larger than the space left") {
        auto info = PhotoStore(db).put_bytes("big", "image/jpeg", random_bytes(200000));
        REQUIRE_FALSE(info.ok());
        CHECK(info.error().code == "disk_full");
        CHECK(PhotoStore(db).info("big").error().code == "not_found");
    }
    CHECK_FALSE(db.in_transaction());
    CHECK(get_meta(db, "safe") == "1");
    CHECK_FALSE(get_meta(db, "row0").has_value());
    CHECK(pragma(db, "integrity_check") == "ok");
}
