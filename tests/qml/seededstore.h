#pragma once

#include <filesystem>
#include <string>

namespace fi::test {

/// How much to put into a seeded tablet.
struct SeedOptions {
    std::string username = "leader1"; ///< the demo login whose tablet this is
    /// Copies of the drawn assignments (own ids, same targets, teams and draw; only the
    /// user's when `only_own`) beyond the draw's own: the benchmark's 500, and room for tests.
    int extra_assignments = 0;
    /// Completed and uploaded records, spread over the assignments: the benchmark's 5 000.
    int records = 0;
    /// Only the assignments whose team holds the user (what GET /assignments answers).
    bool only_own = true;
    /// One accepted re-draw in the plan's public log, of the first drawn assignment's target
    /// (the chain's tip is the hash of its link, as a pull checks): what the Target page's
    /// re-draw history shows.
    bool redraw_logged = false;
    /// One more on-site assignment of the user's, A-2026Q4-9901, whose team is not the one the
    /// draw gives its target (the first two members swapped): its draw does not verify here.
    bool tampered_team = false;
};

/// A tablet's data directory as the app leaves it after the first sign-in and a pull, made
/// without a server from the demo data (assets/demo): the catalogue, the roster, the plan's
/// draw (so it verifies) and its assignments, the signed-in user. The key file is made with
/// the cheapest KDF settings (tests only). Throws std::runtime_error on any failure.
void seed_store(const std::filesystem::path& data_dir, const std::string& pin,
                const SeedOptions& options = {});

} // namespace fi::test
