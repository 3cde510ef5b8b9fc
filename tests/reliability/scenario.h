#pragma once

// What every reliability scenario shares: its size from the environment (CI size by default,
// scripts/reliability --long sets the long sizes) and the one line it reports, which
// scripts/reliability prints per scenario.

#include <cstdint>
#include <cstdlib>
#include <doctest/doctest.h>
#include <sstream>
#include <string>

namespace fi::test {

inline int env_int(const char* name, int fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::atoi(v) : fallback;
}

/// A scenario's figures: how many runs (records, cases, kills), how many went wrong, records
/// lost and records stored twice, plus free text for what is particular to it.
struct Figures {
    std::int64_t runs = 0;
    std::int64_t failures = 0;
    std::int64_t lost = 0;
    std::int64_t duplicates = 0;
    std::string extra;
};

/// Report the scenario's line ("scenario 2 lost replies: runs 200, failures 0, …"); printed
/// by doctest with -s, and picked up by scripts/reliability.
inline void report(int number, const std::string& name, const Figures& f) {
    std::ostringstream line;
    line << "scenario " << number << " " << name << ": runs " << f.runs << ", failures "
         << f.failures << ", records lost " << f.lost << ", duplicates " << f.duplicates;
    if (!f.extra.empty())
        line << " (" << f.extra << ")";
    MESSAGE(line.str());
}

} // namespace fi::test
