#pragma once

#include "core/referencestore.h"
#include "sync/centralclient.h"

#include <map>
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
};

/// Owner of the pull step: reference data and assignments by cursor, one store transaction
/// per page (ReferenceStore), then every draw an active assignment names that is not yet on
/// the device, verified as it is stored, then the working-day calendar.
class Puller {
public:
    Puller(Database& db, CentralClient& client) : db_(db), client_(client) {}

    ApiResult<PullSummary> pull_all(int page_limit = 500);

private:
    ApiStatus pull_endpoint(const std::string& endpoint, int page_limit, PullSummary& summary);
    Database& db_;
    CentralClient& client_;
    /// The assignments this pull wrote, by id, as written: their teams are verified from
    /// here rather than read back and decoded again (a pull of 5,000, docs/performance.md).
    std::map<std::string, Assignment> written_;
};

} // namespace fi::sync
