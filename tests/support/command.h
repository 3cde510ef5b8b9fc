#pragma once

#include <chrono>
#include <string>

namespace fi::test {

/// Run a command, return its exit status and standard output.
struct CommandResult {
    int status = -1;
    std::string out;
};
CommandResult run_command(const std::string& command);

/// libfaketime's FAKETIME for a wall clock `shift` away from the tests' day: every test runs
/// there (scripts/on-day, which says in FI_TEST_CLOCK_OFFSET how far that is from the real
/// clock), so a test that moves a clock of its own moves it from there.
std::string faketime_from_test_day(std::chrono::seconds shift);

} // namespace fi::test
