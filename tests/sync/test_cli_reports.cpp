// fieldinspect-cli's reports end to end, against the real reference server: the inspection
// record PDF (`pdf`) and the quarterly statistics (`stats`, CSV and PDF), run without a
// display; their content checked from the outside (pdftotext, pdftoppm, zbarimg).
#include "core/date.h"
#include "core/statistics.h"
#include "support/cliscript.h"
#include "syncfixture.h"

#include <chrono>
#include <fstream>
#include <set>

using namespace fi;
using namespace fi::test;
using nlohmann::json;

namespace {

/// A tablet driven only through the command line, with no display and no Qt platform set:
/// the CLI must make its own offscreen one for a PDF.
struct ReportTablet {
    TempDir dir;
    std::string env;

    explicit ReportTablet(const std::string& server_url) {
        env = "env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM FI_DATA=" +
              (dir / "data").string() +
              " FI_PIN=246810 FI_PASSWORD=demo1234 FI_SERVER=" + server_url + " ";
    }
    CommandResult cli(const std::string& args) const {
        return run_command(env + FI_CLI_BINARY + " " + args + " 2>" + (dir / "stderr").string());
    }
    std::string stderr_text() const { return file_bytes(dir / "stderr"); }

    /// Answers that pass every rule; the first photo_on_fail checkpoint fails, with a real
    /// JPEG of the finding.
    std::string answers_for(const json& a) {
        AnswerOptions options;
        options.photo_file = "photo.jpg";
        options.finding_description = "排口标识牌缺失";
        const json doc = passing_answers(a, options);
        const auto path = dir / ("answers-" + a.at("id").get<std::string>() + ".json");
        std::ofstream(path) << doc.dump(1);
        const auto made = run_command("python3 " FI_TEST_DATA_DIR "/make_sample_ppm.py 320 240 3 "
                                      "| cjpeg -quality 85 > " +
                                      (dir / "photo.jpg").string());
        REQUIRE(made.status == 0);
        return path.string();
    }
};

std::string shq(const std::filesystem::path& p) {
    return "'" + p.string() + "'";
}

std::string pdf_text(const std::filesystem::path& pdf) {
    return run_command("pdftotext -enc UTF-8 " + shq(pdf) + " -").out;
}

/// The quarter of today in UTC+08:00, as `2026Q4`.
std::string this_quarter() {
    const Date today = china_date(std::chrono::system_clock::now());
    return std::to_string(today.y) + "Q" + std::to_string((today.m - 1) / 3 + 1);
}

} // namespace

TEST_CASE("the command line makes the inspection record PDF and the quarterly statistics") {
    CentralServer server;
    ReportTablet tab(server.process.base_url());
    REQUIRE_MESSAGE(tab.cli("init --user inspector1").status == 0, tab.stderr_text());
    REQUIRE(tab.cli("pull").status == 0);
    const json list = json::parse(tab.cli("assignments --json").out);
    std::vector<json> shown;
    for (const auto& a : list)
        shown.push_back(
            json::parse(tab.cli("show " + a.at("id").get<std::string>() + " --json").out));
    REQUIRE(shown.size() >= 2);
    const json& a = shown[0];
    const json& b = shown[1];
    const std::string a_id = a.at("id");

    // Nothing recorded yet: said plainly.
    auto r = tab.cli("pdf " + a_id + " --out " + shq(tab.dir / "none.pdf"));
    CHECK(r.status == 5);
    CHECK(tab.stderr_text().find("No record or assignment") != std::string::npos);

    // A draft is refused: it must be completed first.
    r = tab.cli("record --draft --assignment " + b.at("id").get<std::string>() + " --answers " +
                tab.answers_for(b));
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    const std::string draft_id = r.out.substr(0, r.out.find('\n'));
    r = tab.cli("pdf " + draft_id + " --out " + shq(tab.dir / "draft.pdf"));
    CHECK(r.status == 5);
    CHECK(tab.stderr_text().find("Complete it first") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(tab.dir / "draft.pdf"));

    r = tab.cli("record --assignment " + a_id + " --answers " + tab.answers_for(a) + " --json");
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    const json made = json::parse(r.out);
    const std::string id = made.at("id");
    const std::string hash = made.at("chain_hash");

    // By record id, to a file named on the command line.
    const auto out = tab.dir / "record.pdf";
    r = tab.cli("pdf " + id + " --out " + shq(out) + " --json");
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    const json pdf_json = json::parse(r.out);
    CHECK(pdf_json.at("chain_hash") == hash);
    CHECK(pdf_json.at("file") == out.string());
    const std::string text = pdf_text(out);
    CHECK(text.find(a.at("target").at("name").get<std::string>()) != std::string::npos);
    CHECK(text.find(hash) != std::string::npos);
    CHECK(text.find("排口标识牌缺失") != std::string::npos);
    CHECK(text.find("台账齐全") != std::string::npos);
    run_command("pdftoppm -r 150 -png -f 1 -l 1 -singlefile " + shq(out) + " " +
                shq(tab.dir / "page"));
    CHECK(run_command("zbarimg -q --raw " + shq(tab.dir / "page.png")).out ==
          "fieldinspect:record:v1;id=" + id + ";chain=" + hash + "\n");

    // By assignment id, to a place the user chose; nothing is written unasked, and nothing
    // without a place: no copy stays in the data directory.
    r = tab.cli("pdf " + a_id);
    CHECK(r.status == 2);
    CHECK(tab.stderr_text().find("--out") != std::string::npos);
    const auto chosen = tab.dir / "chosen.pdf";
    r = tab.cli("pdf " + a_id + " --out " + shq(chosen));
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    CHECK(r.out.find(chosen.string()) != std::string::npos);
    CHECK(std::filesystem::exists(chosen));
    CHECK_FALSE(std::filesystem::exists(tab.dir / "data" / "exports"));

    // A place that cannot be written: a clear error, exit 5.
    r = tab.cli("pdf " + id + " --out " + shq(tab.dir / "missing" / "r.pdf"));
    CHECK(r.status == 5);
    CHECK(tab.stderr_text().find("does not exist") != std::string::npos);

    r = tab.cli("sync");
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());

    // Statistics: counted here from what `show` said, then compared.
    const std::string quarter = this_quarter();
    const Quarter q = *Quarter::parse(quarter);
    std::set<std::string> drawn;
    std::map<std::string, std::set<std::string>> by_class;
    for (const auto& s : shown) {
        const auto from = Date::parse(s.at("window").at("from").get<std::string>());
        if (from && q.contains(*from)) {
            drawn.insert(s.at("target").at("id").get<std::string>());
            by_class[s.at("target").at("category").get<std::string>()].insert(
                s.at("target").at("id").get<std::string>());
        }
    }
    const auto csv = tab.dir / "stats.csv";
    const auto pdf = tab.dir / "stats.pdf";
    r = tab.cli("stats --quarter " + quarter + " --csv " + shq(csv) + " --pdf " + shq(pdf) +
                " --json");
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    const json stats = json::parse(r.out);
    std::map<std::string, json> v;
    for (const auto& row : stats.at("rows"))
        v[row.at("key")] = row.at("value");
    CHECK(v["targets_drawn"] == drawn.size());
    CHECK(v["targets_drawn_key"] == by_class["key"].size());
    CHECK(v["targets_drawn_general"] == by_class["general"].size());
    CHECK(v["targets_drawn_special"] == by_class["special"].size());
    CHECK(v["inspected"] == 1);
    CHECK(v["outcome_rectification_ordered"] == 1);
    CHECK(v["outcome_no_problem"] == 0);
    CHECK(v["confirmed_by_central"] == 1);
    CHECK(v["late_uploads"] == 0);
    CHECK(v["awaiting_confirmation"] == 0);
    CHECK(v["unit_inspected"].is_null());
    CHECK(stats.at("unit") == "市生态环境综合执法支队"); // the signed-in user's unit
    const std::string csv_text = file_bytes(csv);
    CHECK(csv_text.starts_with("\xEF\xBB\xBF"
                               "key,section,项目,item,value,note"));
    CHECK(csv_text.find("\r\ninspected,检查情况,已检查对象数,Targets inspected,1,") !=
          std::string::npos);
    CHECK(csv_text.find("本机无法得知 (not known on this tablet)") != std::string::npos);
    const std::string stats_text = pdf_text(pdf);
    CHECK(stats_text.find("监管情况统计表") != std::string::npos);
    CHECK(stats_text.find("本机无法得知") != std::string::npos);

    // Plain output, and a wrong quarter is a usage error.
    r = tab.cli("stats --quarter " + quarter);
    CHECK(r.status == 0);
    CHECK(r.out.find("已检查对象数 / Targets inspected: 1") != std::string::npos);
    CHECK(tab.cli("stats --quarter 2026Q5").status == 2);
    CHECK(tab.stderr_text().find("2026Q4") != std::string::npos);
    CHECK(tab.cli("stats").status == 2);
}
