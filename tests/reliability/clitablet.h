#pragma once

// A tablet driven only through fieldinspect-cli, as a script drives it: its data directory,
// its own TMPDIR, optional wrapper (faketime) and extra options, and answers files built from
// the assignment `show --json` gives and the demo catalogue.

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

    std::filesystem::path data_dir() const { return dir_ / "data"; }
    std::filesystem::path tmp_dir() const { return dir_ / "tmp"; }
    std::filesystem::path work_dir() const { return dir_ / "work"; }

    /// The active assignments (`assignments --json`), on-site ones first.
    std::vector<std::string> assignment_ids();
    /// An answers file that passes every rule for `assignment_id`; every free text carries
    /// `canary`; with `photo` (a JPEG file), the first checkpoint that may fail fails with a
    /// finding and that photo.
    std::string answers_for(const std::string& assignment_id, const std::string& canary,
                            const std::filesystem::path& photo = {});
    /// `record`, completed; the record id.
    std::string record(const std::string& assignment_id, const std::string& answers,
                       const std::string& wrapper = {});
    /// `export ID` as JSON.
    nlohmann::json exported(const std::string& record_id);

private:
    TempDir dir_;
    std::string env_;
    std::string extra_;
};

/// A real JPEG of `width`×`height` made from a generated picture (cjpeg), at `path`.
void make_jpeg(const std::filesystem::path& path, int width, int height, int seed);

} // namespace fi::test
