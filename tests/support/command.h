#pragma once

#include <string>

namespace fi::test {

/// Run a command, return its exit status and standard output.
struct CommandResult {
    int status = -1;
    std::string out;
};
CommandResult run_command(const std::string& command);

} // namespace fi::test
