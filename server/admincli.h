#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace fi::server {

/// `fieldinspect-server admin --data DIR COMMAND …`: administration straight on the database
/// (no HTTP), safe while the server runs on the same directory (SQLite orders the writers).
/// Commands and their options are listed by `help` and in README.md ("The reference server").
class AdminCli {
public:
    AdminCli(std::istream& in, std::ostream& out, std::ostream& err)
        : in_(in), out_(out), err_(err) {}

    /// `args` are the words after `admin`. Returns the process exit code (0 ok, 1 refused,
    /// 2 usage).
    int run(const std::vector<std::string>& args);

    static const char* usage();

private:
    std::istream& in_;
    std::ostream& out_;
    std::ostream& err_;
};

} // namespace fi::server
