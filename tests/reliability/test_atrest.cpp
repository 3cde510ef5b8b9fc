// Scenario 6, encryption at rest after a full demo day, driven through the real command line:
// sign-in and store creation, pull, records whose every free text carries a canary and whose
// findings carry real JPEG photos, sync. After each step every file under the data directory
// (the database, its -wal and -shm, the key file, anything else) and the TMPDIR the processes
// were given is scanned for the canaries, for byte sequences of the photos (their first 16
// bytes and 32-byte windows every 2 KiB), for the JPEG start-of-image + APP0 marker
// FF D8 FF E0, and for key material: the store's raw 256-bit key (unwrapped the way the app
// unwraps it, through platform's KeyVault with the PIN) as bytes and as hex, and the session
// token. Zero hits.
//
// The three-byte marker FF D8 FF alone is counted, not required to be absent: ciphertext is
// uniformly random, so it occurs by chance about once per 16 MiB; the count is compared with
// that expectation.
#include "clitablet.h"
#include "core/metastore.h"
#include "platform/bootclock.h"
#include "platform/keyvault.h"
#include "scenario.h"

#include <fstream>
#include <set>

using namespace fi;
using namespace fi::test;
namespace fs = std::filesystem;

namespace {

struct Needle {
    std::string what;
    std::string bytes;
};

std::string hex(const std::uint8_t* p, std::size_t n, bool upper) {
    static constexpr char lo[] = "0123456789abcdef", up[] = "0123456789ABCDEF";
    const char* digits = upper ? up : lo;
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        out.push_back(digits[p[i] >> 4]);
        out.push_back(digits[p[i] & 15]);
    }
    return out;
}

struct Scan {
    std::int64_t files = 0, bytes = 0, hits = 0, soi3 = 0;
    std::set<std::string> names; ///< file names seen (e.g. the -wal)
    std::vector<std::string> found;
};

void scan_dir(const fs::path& root, const std::vector<Needle>& needles, Scan& scan) {
    if (!fs::exists(root))
        return;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        if (!e.is_regular_file())
            continue;
        const std::string data = file_bytes(e.path());
        ++scan.files;
        scan.bytes += static_cast<std::int64_t>(data.size());
        scan.names.insert(e.path().filename().string());
        for (const auto& n : needles)
            if (data.find(n.bytes) != std::string::npos) {
                ++scan.hits;
                scan.found.push_back(n.what + " in " + e.path().string());
            }
        for (auto at = data.find("\xff\xd8\xff"); at != std::string::npos;
             at = data.find("\xff\xd8\xff", at + 1))
            ++scan.soi3;
    }
}

} // namespace

TEST_CASE("scenario 6: after a demo day no canary, photo bytes or key material at rest") {
    CentralServer server;
    CliTablet tab(server.process.base_url());
    const std::string canary_ascii = "CANARY-c3f1e9a7d2";
    const std::string canary_cn = "金丝雀保密文本";
    const std::string canary = canary_ascii + " " + canary_cn;

    std::vector<Needle> needles = {{"canary", canary_ascii},
                                   {"canary (Chinese)", canary_cn},
                                   {"JPEG SOI+APP0", std::string("\xff\xd8\xff\xe0", 4)},
                                   {"JFIF", std::string("JFIF\0", 5)}};
    std::vector<fs::path> jpegs;
    for (int i = 0; i < 3; ++i) {
        const auto p = tab.work_dir() / ("photo" + std::to_string(i) + ".jpg");
        make_jpeg(p, 480 + 16 * i, 360, 11 + i);
        jpegs.push_back(p);
        const std::string data = file_bytes(p);
        REQUIRE(data.starts_with("\xff\xd8\xff"));
        needles.push_back({"photo " + std::to_string(i) + " head", data.substr(0, 16)});
        for (std::size_t at = 2048; at + 32 <= data.size(); at += 2048)
            needles.push_back(
                {"photo " + std::to_string(i) + " @" + std::to_string(at), data.substr(at, 32)});
    }

    Scan scan;
    std::int64_t steps = 0;
    auto scan_all = [&](const std::vector<Needle>& n) {
        ++steps;
        scan_dir(tab.data_dir(), n, scan);
        scan_dir(tab.tmp_dir(), n, scan);
    };

    auto r = tab.cli("init --user leader1");
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    // The key, as the app gets it: unwrapped by the PIN through the key vault.
    platform::LinuxBootClock clock;
    platform::KeyVault vault(tab.data_dir() / "fieldinspect.db", clock);
    auto key = vault.unlock(CliTablet::pin);
    REQUIRE(key.ok());
    needles.push_back({"store key (raw)", std::string(reinterpret_cast<const char*>(key->data()),
                                                      SecretKey::size_bytes)});
    needles.push_back({"store key (hex)", hex(key->data(), SecretKey::size_bytes, false)});
    needles.push_back({"store key (HEX)", hex(key->data(), SecretKey::size_bytes, true)});
    {
        auto db = open_store(tab.data_dir() / "fieldinspect.db", *key);
        REQUIRE(db.ok());
        auto token = MetaStore(*db).get("session.token").value();
        REQUIRE(token.has_value());
        needles.push_back({"session token", *token});
    }
    // A reader holds the store open, as the app's second connection would, so that the -wal
    // and -shm of the command line's writes stay on disk to be scanned.
    auto holder = open_store(tab.data_dir() / "fieldinspect.db", *key);
    REQUIRE(holder.ok());
    REQUIRE(MetaStore(*holder).device_id().ok());
    scan_all(needles);

    REQUIRE(tab.cli("pull").status == 0);
    scan_all(needles);
    const auto ids = tab.assignment_ids();
    REQUIRE(ids.size() >= 3);
    std::vector<std::string> records;
    for (std::size_t i = 0; i < 3; ++i) {
        records.push_back(tab.record(ids[i], tab.answers_for(ids[i], canary, jpegs[i])));
        scan_all(needles);
    }
    r = tab.cli("sync");
    CHECK_MESSAGE(r.status == 0, tab.stderr_text());
    scan_all(needles);
    CHECK(server.inspections().size() == 3);

    // The canaries did go into the records (the scan would prove nothing otherwise).
    for (const auto& id : records) {
        const std::string body = tab.exported(id).dump();
        CHECK(body.find(canary_ascii) != std::string::npos);
        CHECK(tab.exported(id).at("photos").size() == 1);
    }
    const double expected_soi3 = static_cast<double>(scan.bytes) / (1 << 24);
    report(6, "encryption at rest",
           {steps, scan.hits, 0, 0,
            std::to_string(scan.files) + " file scans (" + std::to_string(scan.names.size()) +
                " files: db, -wal, -shm, key…), " + std::to_string(scan.bytes / 1024) + " KiB, " +
                std::to_string(needles.size()) + " needles, " + std::to_string(scan.hits) +
                " hits; FF D8 FF seen " + std::to_string(scan.soi3) + " times, chance alone " +
                std::to_string(expected_soi3)});
    // The control: the same scan over the work directory (answers files, the JPEGs) hits.
    Scan control;
    scan_dir(tab.work_dir(), needles, control);
    CHECK(control.hits >= 3 + 3 * 2);
    CHECK(scan.names.contains("fieldinspect.db-wal"));
    CHECK(scan.names.contains("fieldinspect.db-shm"));
    for (const auto& f : scan.found)
        FAIL_CHECK("found at rest: " << f);
    CHECK(scan.hits == 0);
    CHECK(scan.names.contains("fieldinspect.db"));
    CHECK(static_cast<double>(scan.soi3) <= 3 * expected_soi3 + 3);
}
