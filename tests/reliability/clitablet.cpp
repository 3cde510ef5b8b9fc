#include "clitablet.h"

#include <fstream>

namespace fi::test {

using nlohmann::json;

CliTablet::CliTablet(const std::string& server_url, std::string extra_options)
    : extra_(std::move(extra_options)) {
    std::filesystem::create_directories(tmp_dir());
    std::filesystem::create_directories(work_dir());
    env_ = "TMPDIR=" + tmp_dir().string() + " FI_DATA=" + data_dir().string() + " FI_PIN=" + pin +
           " FI_PASSWORD=demo1234 FI_SERVER=" + server_url + " ";
}

CommandResult CliTablet::cli(const std::string& args, const std::string& wrapper) const {
    return run_command(env_ + wrapper + (wrapper.empty() ? "" : " ") + FI_CLI_BINARY + " " + args +
                       " " + extra_ + " 2>" + (dir_ / "stderr").string());
}

std::string CliTablet::stderr_text() const {
    return file_bytes(dir_ / "stderr");
}

std::vector<std::string> CliTablet::assignment_ids() {
    const auto r = cli("assignments --json");
    REQUIRE_MESSAGE(r.status == 0, stderr_text());
    std::vector<std::string> onsite, offsite;
    for (const auto& a : json::parse(r.out))
        (a.at("mode") == "onsite" ? onsite : offsite).push_back(a.at("id"));
    onsite.insert(onsite.end(), offsite.begin(), offsite.end());
    return onsite;
}

std::string CliTablet::write(const std::string& name, const std::string& bytes) const {
    const auto path = work_dir() / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
}

std::string CliTablet::onsite_assignment() {
    const auto r = cli("assignments --json");
    REQUIRE_MESSAGE(r.status == 0, stderr_text());
    for (const auto& a : json::parse(r.out))
        if (a.at("mode") == "onsite")
            return a.at("id");
    FAIL("no on-site assignment");
    return "";
}

std::string CliTablet::state_of(const std::string& assignment_id) {
    const auto r = cli("assignments --json");
    REQUIRE_MESSAGE(r.status == 0, stderr_text());
    for (const auto& a : json::parse(r.out))
        if (a.at("id") == assignment_id)
            return a.at("state");
    return "";
}

std::string CliTablet::answers_for(const std::string& assignment_id, const std::string& canary,
                                   const std::filesystem::path& photo) {
    AnswerOptions options;
    options.text_value = canary + " 台账";
    options.note = "备注 " + canary;
    options.photo_file = photo.string();
    options.finding_description = "现场发现问题 " + canary;
    options.representative_name = "代表" + canary;
    return answers_with(assignment_id, options);
}

std::string CliTablet::answers_with(const std::string& assignment_id,
                                    const AnswerOptions& options) {
    const auto shown = cli("show " + assignment_id + " --json");
    REQUIRE_MESSAGE(shown.status == 0, stderr_text());
    const json doc = passing_answers(json::parse(shown.out), options);
    return write("answers-" + std::to_string(++answers_files_) + ".json", doc.dump(1));
}

std::string CliTablet::record(const std::string& assignment_id, const std::string& answers,
                              const std::string& wrapper) {
    const auto r =
        cli("record --assignment " + assignment_id + " --answers " + answers + " --json", wrapper);
    REQUIRE_MESSAGE(r.status == 0, stderr_text());
    return json::parse(r.out).at("id");
}

json CliTablet::exported(const std::string& record_id) {
    const auto r = cli("export " + record_id);
    REQUIRE_MESSAGE(r.status == 0, stderr_text());
    return json::parse(r.out);
}

void make_jpeg(const std::filesystem::path& path, int width, int height, int seed, bool noise) {
    const auto r = run_command("python3 '" FI_TEST_DATA_DIR "/make_sample_ppm.py' " +
                               std::to_string(width) + " " + std::to_string(height) + " " +
                               std::to_string(seed) + (noise ? " noise" : "") +
                               " | cjpeg -quality 90 > '" + path.string() + "' && echo ok");
    REQUIRE_MESSAGE(r.out == "ok\n", "cjpeg failed");
}

} // namespace fi::test
