// fieldinspect-cli sign, run as the real binary against the real server: inspectors present
// and the representative sign from SVG and PNG files (checked: a real PNG, a well-formed SVG,
// a size limit), or the representative's refusal is recorded; the record completes only when
// all are there, carries their hashes and goes up with their images.
#include "clitablet.h"
#include "core/sha256.h"

#include <fstream>

using namespace fi;
using namespace fi::test;
using nlohmann::json;

namespace {

const std::string svg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                        "width=\"300\" height=\"100\"><path d=\"M10 50 L120 20 L200 80\" "
                        "stroke=\"black\" fill=\"none\"/></svg>\n";

/// A real PNG (2×1 pixels), written by Python's zlib.
std::string png_file(const CliTablet& tab) {
    const auto script = tab.write("make_png.py", R"py(import struct, sys, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
raw = b"\x00" + b"\x00\x00\x00" + b"\xff\xff\xff"
png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 1, 8, 2, 0, 0, 0)) +
       chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
open(sys.argv[1], "wb").write(png)
)py");
    const auto path = (tab.work_dir() / "rep.png").string();
    const auto made = run_command("python3 '" + script + "' '" + path + "' && echo ok");
    REQUIRE_MESSAGE(made.out == "ok\n", "python3 failed to write the PNG");
    return path;
}

/// Signed in as inspector1 and pulled: the id of an on-site assignment to sign for.
std::string onsite_assignment(CliTablet& tab) {
    REQUIRE_MESSAGE(tab.cli("init --user inspector1").status == 0, tab.stderr_text());
    REQUIRE(tab.cli("pull").status == 0);
    return tab.onsite_assignment();
}

} // namespace

TEST_CASE("cli sign: SVG and PNG signatures, checked, sealed into the record and uploaded") {
    CentralServer server;
    CliTablet tab(server.process.base_url());
    const std::string assignment = onsite_assignment(tab);
    json answers = passing_answers(json::parse(tab.cli("show " + assignment + " --json").out));
    answers["simulated"] = true; // the command line takes a file's place only as simulated
    answers.erase("signatures"); // signed below with `sign`, one by one
    const auto answers_path = tab.write("answers.json", answers.dump());
    auto r =
        tab.cli("record --assignment " + assignment + " --answers " + answers_path + " --draft");
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    const std::string id = r.out.substr(0, r.out.find('\n'));
    const auto svg_path = tab.write("sig.svg", svg);
    const auto png_path = png_file(tab);

    // What is not a signature image is refused, and nothing is kept of it.
    r = tab.cli("sign --record " + id + " --inspector I-002 --file " +
                tab.write("note.txt", "signed: I-002"));
    CHECK(r.status == 5);
    CHECK(tab.stderr_text().find("neither a PNG nor a well-formed SVG") != std::string::npos);
    r = tab.cli("sign --record " + id + " --inspector I-002 --file " +
                tab.write("fake.png", "\x89PNG\r\n\x1a\nnot really"));
    CHECK(r.status == 5);
    r = tab.cli("sign --record " + id + " --inspector I-002 --file " +
                tab.write("big.svg", "<svg>" + std::string(1024 * 1024, ' ') + "</svg>"));
    CHECK(r.status == 5);
    CHECK(tab.stderr_text().find("at most 1 MiB") != std::string::npos);
    r = tab.cli("sign --record " + id + " --inspector I-999 --file " + svg_path);
    CHECK(r.status == 5);
    CHECK(tab.stderr_text().find("not listed as present") != std::string::npos);
    CHECK(tab.cli("sign --record " + id + " --refused").status == 2); // a refusal says why
    CHECK(tab.cli("sign --record " + id + " --representative --file " + svg_path).status == 2);

    for (const auto& who : answers.at("inspectors_present")) {
        r = tab.cli("sign --record " + id + " --inspector " + who.get<std::string>() + " --file " +
                    svg_path + " --json");
        REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
        const json g = json::parse(r.out);
        CHECK(g.at("mime") == "image/svg+xml");
        CHECK(g.at("sha256") == Sha256::hex(svg));
    }
    // Without the representative the record stays a draft, saying why.
    r = tab.cli("record --assignment " + assignment + " --answers " + answers_path + " --resume");
    CHECK(r.status == 5);
    CHECK(tab.stderr_text().find("missing_signature") != std::string::npos);

    r = tab.cli("sign --record " + id + " --representative --name 王建国 --position 环保负责人 " +
                "--file " + png_path + " --json");
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    CHECK(json::parse(r.out).at("mime") == "image/png");
    r = tab.cli("record --assignment " + assignment + " --answers " + answers_path + " --resume");
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());

    const json body = json::parse(tab.cli("export " + id).out);
    const json& signatures = body.at("signatures");
    REQUIRE(signatures.size() == answers.at("inspectors_present").size() + 1);
    CHECK(signatures.back().at("name") == "王建国");
    CHECK(signatures.back().at("position") == "环保负责人");
    CHECK(signatures.back().at("sha256") == Sha256::hex(file_bytes(png_path)));
    // Sealed: no signing once completed.
    CHECK(tab.cli("sign --record " + id + " --refused --reason 晚了").status == 5);

    REQUIRE_MESSAGE(tab.cli("sync").status == 0, tab.stderr_text());
    const auto lines = server.inspections();
    REQUIRE(lines.size() == 1);
    const std::string n = std::to_string(signatures.size());
    CHECK(lines[0].find("photos " + n + "/" + n) != std::string::npos);
}

TEST_CASE("cli sign --refused: the representative's refusal with its reason, no image") {
    CentralServer server;
    CliTablet tab(server.process.base_url());
    const std::string assignment = onsite_assignment(tab);
    json answers = passing_answers(json::parse(tab.cli("show " + assignment + " --json").out));
    answers["simulated"] = true; // the command line takes a file's place only as simulated
    answers.erase("signatures"); // signed below with `sign`, one by one
    const auto answers_path = tab.write("answers.json", answers.dump());
    auto r =
        tab.cli("record --assignment " + assignment + " --answers " + answers_path + " --draft");
    REQUIRE(r.status == 0);
    const std::string id = r.out.substr(0, r.out.find('\n'));
    const auto svg_path = tab.write("sig.svg", svg);
    for (const auto& who : answers.at("inspectors_present"))
        REQUIRE(tab.cli("sign --record " + id + " --inspector " + who.get<std::string>() +
                        " --file " + svg_path)
                    .status == 0);
    CHECK(tab.cli("sign --record " + id + " --refused --reason '  '").status == 5);
    r = tab.cli("sign --record " + id + " --refused --reason 拒绝签字，称需请示总经理");
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    r = tab.cli("record --assignment " + assignment + " --answers " + answers_path + " --resume");
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    const json body = json::parse(tab.cli("export " + id).out);
    CHECK(body.at("signatures").back() == json{{"role", "representative"},
                                               {"refused", true},
                                               {"reason", "拒绝签字，称需请示总经理"}});
}

TEST_CASE("cli record: the answers file's signatures, a malformed one refused before any change") {
    CentralServer server;
    CliTablet tab(server.process.base_url());
    const std::string assignment = onsite_assignment(tab);
    json answers = passing_answers(json::parse(tab.cli("show " + assignment + " --json").out));
    REQUIRE(answers.at("signatures").size() == answers.at("inspectors_present").size() + 1);
    // An entry without its image: refused saying which, and no draft was made.
    json broken = answers;
    broken["signatures"][0].erase("svg");
    auto r = tab.cli("record --assignment " + assignment + " --answers " +
                     tab.write("broken.json", broken.dump()));
    CHECK(r.status == 5);
    CHECK(tab.stderr_text().find("signatures[0] needs its image") != std::string::npos);
    CHECK(json::parse(tab.cli("drafts --json").out).empty());
    // The representative's refusal given in the file, with the signatures from a file and
    // inline: completed in one command.
    answers["signatures"].back() = {{"refused", true}, {"reason", "负责人拒绝签字"}};
    answers["signatures"][0] = {{"inspector", answers["signatures"][0]["inspector"]},
                                {"file", "sig.svg"}};
    tab.write("sig.svg", svg);
    r = tab.cli("record --json --assignment " + assignment + " --answers " +
                tab.write("answers.json", answers.dump()));
    REQUIRE_MESSAGE(r.status == 0, tab.stderr_text());
    const json sealed =
        json::parse(tab.cli("export " + json::parse(r.out).at("id").get<std::string>()).out);
    const json& signatures = sealed.at("signatures");
    REQUIRE(signatures.size() == answers.at("signatures").size());
    CHECK(signatures.at(0).at("sha256") == Sha256::hex(svg));
    CHECK(signatures.back().at("refused") == true);
    CHECK(signatures.back().at("reason") == "负责人拒绝签字");
}
