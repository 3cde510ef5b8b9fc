#pragma once

// A tablet driven only through fieldinspect-cli, as a script drives it: its data directory,
// its own TMPDIR, optional wrapper (faketime) and extra options, and answers files built from
// the assignment `show --json` gives and the demo catalogue.

#include "support/cliscript.h"
#include "support/tempdir.h"
#include "syncfixture.h"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace fi::test {

class CliTablet {
public:
    static constexpr const char* pin = "246810";

    explicit CliTablet(const std::string& server_url, std::string extra_options = {});

    /// Run `fieldinspect-cli ARGS`, under `wrapper` (e.g. "faketime -f -3d") if given.
    CommandResult cli(const std::string& args, const std::string& wrapper = {}) const;
    std::string stderr_text() const;
    /// The environment `cli` runs under (`NAME=value ` pairs), for a command line of one's own.
    const std::string& env() const { return env_; }

    std::filesystem::path data_dir() const { return dir_ / "data"; }
    std::filesystem::path tmp_dir() const { return dir_ / "tmp"; }
    std::filesystem::path work_dir() const { return dir_ / "work"; }
    /// `bytes` written to `name` in the work directory; its path.
    std::string write(const std::string& name, const std::string& bytes) const;

    /// The active assignments (`assignments --json`), on-site ones first.
    std::vector<std::string> assignment_ids();
    /// The first on-site assignment this tablet holds (fails the test if none).
    std::string onsite_assignment();
    /// The state `assignments --json` gives `assignment_id` (empty when not listed).
    std::string state_of(const std::string& assignment_id);
    /// An answers file that passes every rule for `assignment_id`; every free text carries
    /// `canary`; with `photo` (a JPEG file), the first checkpoint that may fail fails with a
    /// finding and that photo.
    std::string answers_for(const std::string& assignment_id, const std::string& canary,
                            const std::filesystem::path& photo = {});
    /// An answers file that passes every rule for `assignment_id`, made with `options`; a new
    /// file each call.
    std::string answers_with(const std::string& assignment_id, const AnswerOptions& options);
    /// `record`, completed; the record id.
    std::string record(const std::string& assignment_id, const std::string& answers,
                       const std::string& wrapper = {});
    /// `export ID` as JSON.
    nlohmann::json exported(const std::string& record_id);

private:
    TempDir dir_;
    std::string env_;
    std::string extra_;
    int answers_files_ = 0;
};

/// A real JPEG of `width`×`height` made from a generated picture (cjpeg), at `path`; with
/// `noise`, random pixels JPEG cannot shrink (a large photo: several upload chunks).
void make_jpeg(const std::filesystem::path& path, int width, int height, int seed,
               bool noise = false);

} // namespace fi::test
