#include "support/command.h"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <sys/wait.h>

namespace fi::test {

CommandResult run_command(const std::string& command) {
    CommandResult r;
    FILE* p = ::popen(command.c_str(), "r");
    if (p == nullptr)
        return r; // status -1: the command could not be started
    std::array<char, 4096> buf{};
    size_t n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0)
        r.out.append(buf.data(), n);
    const int status = ::pclose(p);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

std::string faketime_from_test_day(std::chrono::seconds shift) {
    const char* day = std::getenv("FI_TEST_CLOCK_OFFSET");
    const auto total =
        (day ? std::chrono::seconds(std::stoll(day)) : std::chrono::seconds(0)) + shift;
    return (total.count() >= 0 ? "+" : "") + std::to_string(total.count());
}

} // namespace fi::test
