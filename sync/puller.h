#pragma once

#include "core/referencestore.h"
#include "sync/centralclient.h"
#include "sync/retrypolicy.h"

#include <chrono>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace fi {
class Database;
}

namespace fi::sync {

/// What a pull brought in.
struct PullSummary {
    std::size_t applied = 0;
    std::size_t deleted = 0;
    std::size_t rejected = 0;
    std::size_t frozen_drafts = 0;
    std::size_t draws_verified = 0;
    std::size_t draws_not_verified = 0;
    std::vector<std::string> messages; ///< rejected items and unverified draws, by name
    int retries = 0;                   ///< requests tried again after retryable trouble
};

/// How a pull meets trouble: every request (each page, each draw, the calendar) follows the
/// uploads' retry rules, tried again within `retry_for`; a page already stored is never asked
/// again (its cursor is kept), so a pull cut short resumes where it stopped.
struct PullerOptions {
    RetryPolicy retry;
    std::chrono::milliseconds retry_for{0};
    RetryBudget::SleepFn sleep; ///< default: this thread sleeps
};

/// Owner of the pull step: reference data and assignments by cursor, one store transaction
/// per page (ReferenceStore), then every draw an active assignment names that is not yet on
/// the device, verified as it is stored, then the working-day calendar.
class Puller {
public:
    Puller(Database& db, CentralClient& client, PullerOptions options = {})
        : db_(db), client_(client), options_(std::move(options)) {}

    ApiResult<PullSummary> pull_all(int page_limit = 500);
    /// Store a draw the device received otherwise (a re-draw's answer) as a pull stores one:
    /// what verifying it needs fetched first, then verified as it is stored.
    ApiResult<std::optional<StoredDraw>> keep_draw(const nlohmann::json& draw,
                                                   PullSummary& summary);

private:
    ApiStatus pull_endpoint(const std::string& endpoint, int page_limit, PullSummary& summary,
                            RetryBudget& retries);
    /// Fetch a draw not yet held and store it, with what verifying it needs first (interface
    /// 1.1): its plan's publication, and for a re-draw the plan's draw and the public re-draw
    /// log, each fetched at most once a pull. An unreadable draw is noted and skipped.
    ApiResult<std::optional<StoredDraw>> fetch_draw(const std::string& draw_id,
                                                    ReferenceStore& refs, RetryBudget& retries,
                                                    PullSummary& summary);
    ApiResult<std::optional<StoredDraw>> keep_draw(const nlohmann::json& draw, ReferenceStore& refs,
                                                   RetryBudget& retries, PullSummary& summary);
    Database& db_;
    CentralClient& client_;
    PullerOptions options_;
    /// The assignments this pull wrote, by id, as written: their teams are verified from
    /// here rather than read back and decoded again (a pull of 5,000, docs/performance.md).
    std::map<std::string, const Assignment*, std::less<>> written_;
    /// What written_ points into: each page's written assignments, kept whole (a vector's
    /// elements stay where they are when the vector is moved).
    std::vector<std::vector<Assignment>> written_pages_;
    /// The ids of the active assignments held, ordered: read before the pull, then kept up to
    /// date with each page the pull applies.
    std::set<std::string> active_;
    /// Plans whose publication, and whose re-draw log, this pull already fetched.
    std::set<std::string> plans_fetched_;
    std::set<std::string> logs_fetched_;
};

} // namespace fi::sync
