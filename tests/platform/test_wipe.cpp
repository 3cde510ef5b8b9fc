// A wipe ordered by the central system erases only when nothing unsent would be lost, or
// when the user confirmed; it takes the keys first, then every file of the store.
#include "core/statement.h"
#include "core/store.h"
#include "platform/keyvault.h"
#include "platform/wipepolicy.h"
#include "platformsupport.h"
#include "support/tempdir.h"

#include <doctest/doctest.h>
#include <fstream>

using namespace fi;
using namespace fi::platform;
using fi::test::FakeBootClock;
using fi::test::MemorySecretStore;
using fi::test::TempDir;

namespace {

struct Fixture {
    TempDir dir;
    FakeBootClock clock;
    MemorySecretStore os;
    std::filesystem::path db_path = dir / "fieldinspect.db";
    KeyVault vault{db_path, clock, &os};

    Fixture() {
        VaultSetup setup;
        setup.owner = "I-031";
        auto key = vault.create("482916", setup);
        REQUIRE(key.ok());
        OpenOptions o;
        o.mode = OpenOptions::Mode::create_if_missing;
        auto db = open_store(db_path, *key, o);
        REQUIRE(db.ok());
        REQUIRE(db->exec("INSERT INTO meta (key, value) VALUES ('x', 'y')").ok());
        // Leave the WAL and shared-memory files behind, as a crash would.
        std::ofstream(dir / "fieldinspect.db-wal", std::ios::app) << "";
        std::ofstream(dir / "fieldinspect.db-shm", std::ios::app) << "";
        std::ofstream(dir / "other-app-file.txt") << "not ours";
    }

    std::vector<std::string> files() const {
        std::vector<std::string> names;
        for (const auto& e : std::filesystem::directory_iterator(dir.path()))
            names.push_back(e.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    }
};

} // namespace

TEST_CASE("the wipe decision: never with unsent records unless the user confirmed") {
    CHECK(WipePolicy::decide(0, false).allowed);
    CHECK(WipePolicy::decide(0, true).allowed);
    const auto refused = WipePolicy::decide(3, false);
    CHECK_FALSE(refused.allowed);
    CHECK(refused.reason.find("3 records have not been uploaded") != std::string::npos);
    CHECK(WipePolicy::decide(1, false).reason.find("1 record has") != std::string::npos);
    CHECK(WipePolicy::decide(3, true).allowed);
    CHECK_FALSE(WipePolicy::decide(-1, true).allowed);
}

TEST_CASE("a refused wipe changes nothing") {
    Fixture f;
    const auto before = f.files();
    auto st = WipePolicy::wipe(f.vault, 2, false);
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().code == "unsent_records");
    CHECK(st.error().message.find("confirm") != std::string::npos);
    CHECK(f.files() == before);
    CHECK(f.os.secrets.size() == 2);
    CHECK(f.vault.unlock("482916").ok());
}

TEST_CASE("a wipe erases the keys, the store, its WAL, shared memory and key check") {
    Fixture f;
    REQUIRE(std::filesystem::exists(f.dir / "fieldinspect.db.keycheck"));
    REQUIRE(std::filesystem::exists(f.vault.key_file()));
    SUBCASE("everything uploaded") {
        REQUIRE(WipePolicy::wipe(f.vault, 0, false).ok());
    }
    SUBCASE("unsent records, the user confirmed") {
        REQUIRE(WipePolicy::wipe(f.vault, 4, true).ok());
    }
    CHECK(f.files() == std::vector<std::string>{"other-app-file.txt"});
    CHECK(f.os.secrets.empty());
    CHECK(f.vault.unlock("482916").error().code == "not_found");
}
