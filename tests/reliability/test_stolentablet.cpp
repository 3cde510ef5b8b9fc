// Scenario 11, a stolen tablet (issue 16): a data directory set up through the command line on
// one software TPM (swtpm, started here), copied, and opened with the right PIN on a second
// TPM: refused with a clear message, nothing counted. On the first TPM the right PIN opens it.
// Ten wrong PINs (the real vault and TPM in this process, its boot clock moved past each
// wait), then the right one: locked. Editing the key file (count 0, lock off) does not unlock
// it; restoring an authentic older copy resets the app's count but not the TPM's, which then
// refuses every PIN. The shipped tool honours no test switch (shipped KDF cost) and, on a
// device without a TPM, refuses a PIN and says why.
#include "clitablet.h"
#include "platform/keyfile.h"
#include "platform/keyvault.h"
#include "platform/pinkdf.h"
#include "platform/tpm2secretstore.h"
#include "scenario.h"
#include "support/command.h"
#include "support/swtpm.h"
#include "support/tempdir.h"

#include <chrono>
#include <doctest/doctest.h>
#include <fstream>
#include <nlohmann/json.hpp>

using namespace fi;
using namespace fi::test;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

/// The boot clock of the tablet the thief holds, moved by hand past each wait.
class ThiefClock final : public platform::BootClock {
public:
    ClockReading read() const override { return now; }
    ClockReading now{std::chrono::hours(5), "1b0d7f5e-3c2a-4e69-9f08-7a6b5c4d3e2f",
                     std::chrono::system_clock::time_point(std::chrono::hours(495'000))};
};

nlohmann::json key_json(const fs::path& data) {
    return nlohmann::json::parse(file_bytes(data / "fieldinspect.db.key"));
}

std::string shell_quote(const std::string& s) {
    return "'" + s + "'";
}

} // namespace

TEST_CASE("scenario 11: a stolen tablet gives nothing away") {
    REQUIRE_MESSAGE(Swtpm::available(), "swtpm and tpm2-tools are needed (scripts/packages.txt)");
    CentralServer server;
    TempDir dir;
    Swtpm tpm_a(dir / "tpm-a");
    Swtpm tpm_b(dir / "tpm-b");
    // The tablet's provisioning: 32 wrong auths, then one every 10 minutes.
    tpm_a.provision_lockout(32, 600, 3600);
    const std::string on_a = "env " + tpm_a.env();
    const std::string on_b = "env " + tpm_b.env();
    Figures fig;
    std::vector<std::string> notes;
    auto attack = [&](bool held, const std::string& what) {
        ++fig.runs;
        if (!held) {
            ++fig.failures;
            notes.push_back("BROKEN: " + what);
        }
        CHECK_MESSAGE(held, what);
    };

    // Set up on TPM A through the command line, and use it.
    CliTablet tab(server.process.base_url());
    auto r = tab.cli("init --user leader1", on_a);
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    const auto set_up = key_json(tab.data_dir());
    CHECK(set_up["device_secret"]["store"] == "tpm2");
    CHECK(set_up["secret"] == "pin");
    REQUIRE(tab.cli("pull", on_a).status == 0);
    const auto assignments_before = tab.cli("assignments --json", on_a);
    REQUIRE(assignments_before.status == 0);

    // The thief copies the data directory and opens it with the right PIN on another TPM.
    const fs::path copy = dir / "copy";
    fs::copy(tab.data_dir(), copy, fs::copy_options::recursive);
    const auto at_b =
        tab.cli("assignments", "env FI_DATA=" + shell_quote(copy.string()) + " " + tpm_b.env());
    const std::string b_says = tab.stderr_text();
    attack(at_b.status != 0 && b_says.find("another device's security chip") != std::string::npos,
           "the copy opened with the right PIN on another TPM");
    MESSAGE("on another TPM: " << b_says);
    // … and with no TPM at all.
    const auto no_tpm = tab.cli("assignments", "env -u FI_TPM_TCTI -u TPM2TOOLS_TCTI FI_DATA=" +
                                                   shell_quote(copy.string()));
    attack(no_tpm.status != 0 && tab.stderr_text().find("cannot be reached") != std::string::npos,
           "the copy opened with the right PIN without its TPM");
    CHECK(key_json(copy)["failures"] == 0); // nothing was checked, nothing counted

    // On its own TPM the right PIN opens it.
    const auto at_a = tab.cli("assignments --json", on_a);
    CHECK_MESSAGE(at_a.status == 0, tab.stderr_text());
    CHECK(at_a.out == assignments_before.out);
    const std::string authentic_copy = file_bytes(tab.data_dir() / "fieldinspect.db.key");

    // Ten wrong PINs, through the real vault and TPM; the clock is moved past each wait.
    platform::Tpm2SecretStore chip(tpm_a.tcti());
    ThiefClock clock;
    platform::KeyVault vault(tab.data_dir() / "fieldinspect.db", clock, &chip);
    std::chrono::milliseconds guess_time{0};
    for (int i = 0; i < platform::KeyVault::lockout_failures; ++i) {
        clock.now.boottime += platform::KeyVault::delay_for(i) + 1s;
        const auto start = std::chrono::steady_clock::now();
        auto wrong = vault.unlock("13579" + std::to_string(i));
        guess_time += std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now() - start);
        attack(!wrong.ok(), "a wrong PIN opened the store");
    }
    CHECK(chip.lockout()->failures == 10); // the TPM counted every one
    auto right = vault.unlock(CliTablet::pin);
    attack(!right.ok() && right.error().code == platform::key_error::locked_out,
           "the right PIN opened after ten wrong ones");
    r = tab.cli("assignments", on_a);
    attack(r.status != 0 && tab.stderr_text().find("locked itself") != std::string::npos,
           "the command line opened a locked tablet");

    // The thief edits the key file: count 0, lock off.
    auto edited = key_json(tab.data_dir());
    edited["locked"] = false;
    edited["failures"] = 0;
    edited["retry_not_before"] = nullptr;
    { std::ofstream(tab.data_dir() / "fieldinspect.db.key") << edited.dump(1) << "\n"; }
    r = tab.cli("assignments", on_a);
    const std::string edited_says = tab.stderr_text();
    attack(r.status != 0 && edited_says.find("changed outside the app") != std::string::npos,
           "an edited key file unlocked the tablet");
    attack(vault.state()->tampered && vault.state()->locked_out, "the edit was taken as a reset");
    CHECK(key_json(tab.data_dir()) == edited); // left as found, for support

    // The best the thief can do: put back the authentic copy from before the failures. The
    // app's count is 0 again, but the TPM's is not: it allows what is left of its 32, then
    // one guess every 10 minutes.
    { std::ofstream(tab.data_dir() / "fieldinspect.db.key") << authentic_copy; }
    const auto tpm_before = chip.lockout().value();
    int guesses = 0;
    for (;;) {
        clock.now.boottime += 16min; // past any wait of the app's
        auto g = vault.unlock("24680" + std::to_string(guesses % 10));
        if (!g.ok() && g.error().code == platform::key_error::device_locked_out)
            break;
        if (!g.ok() && g.error().code == platform::key_error::locked_out) {
            // The app's own lock again: the authentic copy once more.
            std::ofstream(tab.data_dir() / "fieldinspect.db.key") << authentic_copy;
            continue;
        }
        attack(!g.ok(), "a guess after the restore opened the store");
        if (++guesses > 64)
            break;
    }
    const auto tpm_after = chip.lockout().value();
    // Every guess the TPM checked is in its count (the app's tenth answers "locked", checked
    // all the same), and it checked no more than its lock-out allows.
    const auto tpm_guesses = tpm_after.failures - tpm_before.failures;
    attack(tpm_after.failures == tpm_after.max_tries &&
               tpm_guesses == tpm_before.max_tries - tpm_before.failures,
           "the TPM allowed more guesses than its lock-out");
    auto right_now = vault.unlock(CliTablet::pin);
    attack(!right_now.ok() && right_now.error().code == platform::key_error::device_locked_out,
           "the TPM let a PIN through in its lock-out");

    // The shipped command line: no test switch lowers its cost, and without a TPM a PIN is
    // refused with the reason.
    CliTablet shipped(server.process.base_url());
    r = run_command("TMPDIR=" + shipped.tmp_dir().string() +
                    " FI_DATA=" + shipped.data_dir().string() + " FI_PIN=" + CliTablet::pin +
                    " FI_PASSWORD=demo1234 FI_SERVER=" + server.process.base_url() +
                    " FI_INSECURE_TEST_KDF=1 " + tpm_a.env() + FI_SHIPPED_CLI_BINARY +
                    " init --user inspector1 2>&1");
    REQUIRE_MESSAGE(r.status == 0, r.out);
    const auto shipped_key = key_json(shipped.data_dir());
    attack(shipped_key["kdf"]["opslimit"] == platform::PinKdf::default_params().opslimit &&
               shipped_key["kdf"]["memlimit_bytes"] ==
                   platform::PinKdf::default_params().memlimit_bytes,
           "the shipped tool wrote a key file below the shipped cost");
    CliTablet bare(server.process.base_url());
    r = run_command("env -u FI_TPM_TCTI -u TPM2TOOLS_TCTI -u DBUS_SESSION_BUS_ADDRESS "
                    "-u XDG_RUNTIME_DIR TMPDIR=" +
                    bare.tmp_dir().string() + " FI_DATA=" + bare.data_dir().string() +
                    " FI_PIN=" + CliTablet::pin +
                    " FI_PASSWORD=demo1234 FI_SERVER=" + server.process.base_url() + " " +
                    FI_SHIPPED_CLI_BINARY + " init --user inspector1 2>&1");
    attack(r.status != 0 && r.out.find("no security chip") != std::string::npos &&
               !fs::exists(bare.data_dir() / "fieldinspect.db.key"),
           "the shipped tool took a PIN on a device without a TPM");

    const auto argon = platform::PinKdf::measure(platform::PinKdf::default_params());
    fig.extra = "copy on another TPM refused (wrong_device), without a TPM refused, nothing "
                "counted; right PIN on its own TPM opens; 10 wrong PINs counted by app and TPM "
                "(" +
                std::to_string(guess_time.count() / 10) +
                " ms a guess with the test KDF), then the right PIN locked out; edited key "
                "file refused as tampered; authentic older copy restored: TPM allowed " +
                std::to_string(tpm_guesses) + " more (" + std::to_string(tpm_after.failures) + "/" +
                std::to_string(tpm_after.max_tries) + "), then refused every PIN, one per " +
                std::to_string(tpm_after.interval_s) + " s; shipped cost " +
                std::to_string(argon.count()) +
                " ms a guess; shipped tool without TPM refused "
                "a PIN";
    for (const auto& n : notes)
        fig.extra += "; " + n;
    report(11, "stolen tablet", fig);
}
