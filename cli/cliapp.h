#pragma once

namespace fi::cli {

/// Exit codes (docs/cli.md).
enum ExitCode : int {
    exit_ok = 0,         ///< everything uploaded / the command did what it said
    exit_usage = 2,      ///< bad command line
    exit_pending = 3,    ///< something still pending or parked
    exit_sign_in = 4,    ///< sign-in needed
    exit_data_error = 5, ///< the data, a file or a key is wrong
};

/// Parse the command line, run the command, return the exit code.
int run(int argc, char** argv);

} // namespace fi::cli
