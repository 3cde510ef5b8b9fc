// Store benchmark: each workload against its baseline in the same run; prints table rows
// for docs/performance.md. Run through scripts/bench (release build).
#include "barestore.h"
#include "benchutil.h"
#include "core/database.h"
#include "core/photostore.h"
#include "core/sha256.h"
#include "core/statement.h"
#include "core/store.h"
#include "core/transaction.h"
#include "support/tempdir.h"

#include <cstdlib>
#include <openssl/rand.h>
#include <sqlite3.h>
#include <stdexcept>
#include <vector>

using namespace fi;
using namespace fi::bench;

namespace {

void check(const Status& s) {
    if (!s)
        throw std::runtime_error(s.error().message);
}
template <class T> T take(Result<T> r) {
    if (!r)
        throw std::runtime_error(r.error().message);
    return std::move(r.value());
}

Database fresh(const std::filesystem::path& p, bool encrypted, int page_size = 4096) {
    std::filesystem::remove(p);
    std::filesystem::remove(Database::keycheck_path(p));
    OpenOptions o;
    o.mode = OpenOptions::Mode::create_if_missing;
    o.encrypted = encrypted;
    o.cipher_page_size = page_size;
    return take(open_store(p, encrypted ? SecretKey::random() : SecretKey{}, o));
}

/// 200 inspections × 50 answers, one transaction per inspection.
void record_writes(Database& db) {
    check(db.exec("CREATE TABLE IF NOT EXISTS bench_answers (inspection TEXT, item TEXT, "
                  "checkpoint TEXT, value TEXT, note TEXT, PRIMARY KEY (inspection, checkpoint))"));
    for (int i = 0; i < 200; ++i) {
        auto tx = take(Transaction::begin(db));
        auto st = take(db.prepare("INSERT INTO bench_answers VALUES (?1, ?2, ?3, ?4, ?5)"));
        for (int a = 0; a < 50; ++a) {
            st.reset();
            st.bind_all("insp-" + std::to_string(i), "ITEM-" + std::to_string(a / 5),
                        "CP-" + std::to_string(a), a % 3 ? "pass" : "fail",
                        "现场核查记录，第" + std::to_string(a) + "项");
            check(st.run());
        }
        check(tx.commit());
    }
    check(db.exec("DROP TABLE bench_answers"));
}

/// The same workload through the bare C API on a bare connection (the library's floor): the
/// same statements in the same order, the table made and dropped in the timed part as
/// record_writes does (with secure_delete, as the store has it, dropping rewrites the table's
/// pages), on a connection kept open across repetitions like the store's.
double bare_record_writes_ms(sqlite3* db) {
    const double ms = time_ms([&] {
        sqlite3_exec(
            db,
            "CREATE TABLE IF NOT EXISTS bench_answers (inspection TEXT, item TEXT, "
            "checkpoint TEXT, value TEXT, note TEXT, PRIMARY KEY (inspection, checkpoint))",
            nullptr, nullptr, nullptr);
        for (int i = 0; i < 200; ++i) {
            sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
            sqlite3_stmt* st = nullptr;
            sqlite3_prepare_v2(db, "INSERT INTO bench_answers VALUES (?1, ?2, ?3, ?4, ?5)", -1, &st,
                               nullptr);
            for (int a = 0; a < 50; ++a) {
                const std::string v[] = {"insp-" + std::to_string(i),
                                         "ITEM-" + std::to_string(a / 5), "CP-" + std::to_string(a),
                                         a % 3 ? "pass" : "fail",
                                         "现场核查记录，第" + std::to_string(a) + "项"};
                for (int c = 0; c < 5; ++c)
                    sqlite3_bind_text(st, c + 1, v[c].c_str(), -1, SQLITE_TRANSIENT);
                if (sqlite3_step(st) != SQLITE_DONE)
                    throw std::runtime_error(std::string("bare insert: ") + sqlite3_errmsg(db));
                sqlite3_reset(st);
            }
            sqlite3_finalize(st);
            sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
        }
        sqlite3_exec(db, "DROP TABLE bench_answers", nullptr, nullptr, nullptr);
    });
    return ms;
}

std::vector<std::uint8_t> random_bytes(std::size_t n) {
    std::vector<std::uint8_t> v(n);
    RAND_bytes(v.data(), static_cast<int>(n));
    return v;
}

/// The library's floor: zeroblob + sqlite3_blob_write / _read in the same chunk size.
void bare_blob_roundtrip(Database& db, const std::vector<std::uint8_t>& photo, int n) {
    check(db.exec("CREATE TABLE IF NOT EXISTS bare (id INTEGER PRIMARY KEY, data BLOB)"));
    auto ins = take(db.prepare("INSERT INTO bare (id, data) VALUES (?1, zeroblob(?2))"));
    ins.bind_all(n, static_cast<std::int64_t>(photo.size()));
    check(ins.run());
    sqlite3_blob* blob = nullptr;
    if (sqlite3_blob_open(db.handle(), "main", "bare", "data", n, 1, &blob) != SQLITE_OK)
        throw std::runtime_error("blob_open");
    const std::size_t chunk = PhotoStore::default_chunk_bytes;
    for (std::size_t off = 0; off < photo.size(); off += chunk)
        sqlite3_blob_write(blob, photo.data() + off,
                           static_cast<int>(std::min(chunk, photo.size() - off)),
                           static_cast<int>(off));
    sqlite3_blob_close(blob);
    std::vector<std::uint8_t> buf(chunk);
    sqlite3_blob_open(db.handle(), "main", "bare", "data", n, 0, &blob);
    for (std::size_t off = 0; off < photo.size(); off += chunk)
        sqlite3_blob_read(blob, buf.data(), static_cast<int>(std::min(chunk, photo.size() - off)),
                          static_cast<int>(off));
    sqlite3_blob_close(blob);
}

void store_roundtrip(Database& db, const std::vector<std::uint8_t>& photo, int n) {
    PhotoStore photos(db);
    take(photos.put_bytes("photo-" + std::to_string(n), "image/jpeg", photo));
    std::size_t seen = 0;
    check(photos.read_all("photo-" + std::to_string(n), [&](std::span<const std::uint8_t> c) {
        seen += c.size();
        return Status{};
    }));
    if (seen != photo.size())
        throw std::runtime_error("short read");
}

} // namespace

int main(int argc, char** argv) {
    const int reps = argc > 1 ? std::atoi(argv[1]) : 7;
    fi::test::TempDir dir;
    const auto keyed_path = dir / "keyed.db";
    const auto plain_path = dir / "plain.db";

    {
        auto keyed = fresh(keyed_path, true);
        auto plain = fresh(plain_path, false);
        const auto p = compare(
            reps, [&] { record_writes(plain); }, [&] { record_writes(keyed); });
        row("record writes, 200 inspections × 50 answers", fmt("%.1f ms unkeyed", p.baseline_ms),
            fmt("%.1f ms keyed", p.ours_ms), fmt("%.2f×", p.ratio()),
            "— (judged over its floor, two rows down)", true);
        std::vector<double> bu, bk;
        sqlite3* bare_plain = open_bare_store(dir / "bare-plain.db", false, "");
        sqlite3* bare_keyed = open_bare_store(dir / "bare-keyed.db", true, "");
        for (int i = 0; i < reps; ++i) {
            bu.push_back(bare_record_writes_ms(bare_plain));
            bk.push_back(bare_record_writes_ms(bare_keyed));
        }
        sqlite3_close(bare_plain);
        sqlite3_close(bare_keyed);
        const double floor_ratio = median(bk) / median(bu);
        row("record writes, bare C API: the library's own keyed ÷ unkeyed",
            fmt("%.1f ms unkeyed", median(bu)), fmt("%.1f ms keyed", median(bk)),
            fmt("%.2f×", floor_ratio), "— (the floor under the first row)", true);
        const double over_floor = p.ratio() / floor_ratio;
        row("record writes, keyed ÷ unkeyed: the store's over the bare C API's (what encryption "
            "costs the store beyond the library's own cost)",
            fmt("%.2f× bare", floor_ratio), fmt("%.2f× store", p.ratio()),
            ratio_text(over_floor, 1.05), "≤ 1.05×", over_floor <= 1.05);
        const double ours_vs_bare = p.ours_ms / median(bk);
        row("record writes keyed: the store ÷ the bare C API (what the store adds)",
            fmt("%.1f ms bare", median(bk)), fmt("%.1f ms store", p.ours_ms),
            ratio_text(ours_vs_bare, 1.1), "≤ 1.1×", ours_vs_bare <= 1.1);
    }

    const auto photo = random_bytes(4 * 1024 * 1024);
    const double mib = 4.0;
    for (int page : {4096, 8192}) {
        auto keyed = fresh(keyed_path, true, page);
        int n = 0;
        const auto p = compare(
            reps, [&] { bare_blob_roundtrip(keyed, photo, ++n); },
            [&] { store_roundtrip(keyed, photo, ++n); });
        row("4 MiB photo write + read, page " + std::to_string(page),
            fmt("%.1f ms bare blob_*", p.baseline_ms),
            fmt("%.1f ms store", p.ours_ms) + fmt(" (%.0f MiB/s)", 2 * mib / (p.ours_ms / 1000)),
            ratio_text(p.ratio(), 1.1), "≤ 1.1×", p.ratio() <= 1.1);
    }
    {
        // The store must hash every photo (SHA-256 on the way in): its floor is bare
        // blob I/O plus the same hash.
        auto keyed = fresh(keyed_path, true);
        int n = 0;
        const auto p = compare(
            reps,
            [&] {
                bare_blob_roundtrip(keyed, photo, ++n);
                (void)Sha256::digest(std::span<const std::uint8_t>(photo));
            },
            [&] { store_roundtrip(keyed, photo, ++n); });
        row("4 MiB photo write + read, page 4096, against bare blob_* + SHA-256",
            fmt("%.1f ms bare + hash", p.baseline_ms), fmt("%.1f ms store", p.ours_ms),
            ratio_text(p.ratio(), 1.1), "≤ 1.1×", p.ratio() <= 1.1);
    }
    {
        auto keyed = fresh(keyed_path, true);
        auto plain = fresh(plain_path, false);
        int n = 0;
        const auto p = compare(
            reps, [&] { store_roundtrip(plain, photo, ++n); },
            [&] { store_roundtrip(keyed, photo, ++n); });
        row("4 MiB photo write + read, keyed ÷ unkeyed (information)",
            fmt("%.1f ms unkeyed", p.baseline_ms), fmt("%.1f ms keyed", p.ours_ms),
            fmt("%.2f×", p.ratio()), "— (library ≈ 2.6×)", true);
    }
    {
        const SecretKey key = SecretKey::random();
        {
            std::filesystem::remove(keyed_path);
            std::filesystem::remove(Database::keycheck_path(keyed_path));
            OpenOptions o;
            o.mode = OpenOptions::Mode::create_if_missing;
            auto db = take(open_store(keyed_path, key, o));
            record_writes(db);
        }
        std::vector<double> times;
        for (int i = 0; i < std::max(reps, 25); ++i)
            times.push_back(time_ms([&] {
                auto db = take(open_store(keyed_path, key));
                auto st = take(db.prepare("SELECT count(*) FROM photos"));
                take(st.step());
            }));
        const double m = median(times);
        row("open with the raw key + first read", "—", fmt("%.2f ms median", m), "—",
            "≤ 2 ms median", m <= 2.0);
    }
    return 0;
}
