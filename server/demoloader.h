#pragma once

#include "core/result.h"

#include <filesystem>

namespace fi::server {

class DrawService;
class ReferenceService;
class PlanStore;
class SessionService;

/// Loads the demo data of assets/demo (README there): calendar, catalogue, roster, target
/// directory and logins, then publishes plan.json and runs its draw — the same draw
/// draw-preview.json simulates. Once per database: a data directory that holds the demo plan
/// is left as it is.
class DemoLoader {
public:
    /// `plans` tells whether the demo plan is there already; the services load the rest.
    DemoLoader(PlanStore& plans, ReferenceService& reference, SessionService& sessions,
               DrawService& draws)
        : plans_(plans), reference_(reference), sessions_(sessions), draws_(draws) {}

    /// true when it loaded, false when the demo was there already.
    Result<bool> load(const std::filesystem::path& assets_dir);

private:
    PlanStore& plans_;
    ReferenceService& reference_;
    SessionService& sessions_;
    DrawService& draws_;
};

} // namespace fi::server
