#pragma once

#include "core/result.h"
#include "server/server.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace fi::server {

/// The executable's command line: `--data DIR --listen HOST:PORT [--demo] …` serves,
/// `admin …` administers (AdminCli). Kept out of main.cpp so tests can parse it.
class CommandLine {
public:
    /// Options for serving, or an error naming the bad argument.
    static Result<ServerOptions> parse_serve(const std::vector<std::string>& args);
    /// Run the program; the process exit code. Serving blocks until SIGINT or SIGTERM.
    static int run(int argc, char** argv);

    static const char* usage();
};

} // namespace fi::server
