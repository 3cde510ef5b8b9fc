#pragma once

#include "core/result.h"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace fi::server {

class DrawService;
class PlanStore;
class PublicationService;
class ReferenceDataStore;

/// What the public pages (`/public/`, 一公开) say, as their JSON twins: the plans, a plan with its
/// items and commitment, its draw with everything needed to recompute it, and its re-draw log.
/// Each twin is built from an allow-list of members, never by copying a stored body, so nothing
/// that is not public can reach it: inspectors appear by name and certificate number only
/// (their roster ids stay inside; the draw's pool is given in the algorithm's order instead),
/// and no record, photo, answer, note, finding or location is read at all. The HTML pages
/// (PublicPages) are rendered from these same objects.
///
/// The draw is checked here with core's `verify_plan_draw` and each re-draw with
/// `verify_redraw`, the functions the tablet verifies with; the page's script
/// (server/public/drawcheck.js) is the independent check.
class PublicSite {
public:
    PublicSite(DrawService& draws, PlanStore& plans, ReferenceDataStore& reference,
               PublicationService& publication)
        : draws_(draws), plans_(plans), reference_(reference), publication_(publication) {}

    /// `/public/`: every published plan, newest publication last.
    Result<nlohmann::json> plans();
    /// `/public/plans/{id}`; not_found for an unknown plan.
    Result<nlohmann::json> plan(std::string_view plan_id);
    /// `/public/plans/{id}/draw`; not_found for an unknown plan or one not drawn yet.
    Result<nlohmann::json> draw(std::string_view plan_id);
    /// `/public/plans/{id}/redraws`; not_found for an unknown plan.
    Result<nlohmann::json> redraws(std::string_view plan_id);
    /// `/public/results` (`plan_id` empty) or `/public/plans/{id}/results`: the results public
    /// today (PublicationService::public_results), each with the target, the day, the fixed
    /// wording or 不予公开 with the ground's category only; not_found for an unknown plan.
    Result<nlohmann::json> results(std::string_view plan_id);

    /// The path of a public page: `/public/plans/{id}` plus `suffix` (`/draw`, `/redraws`,
    /// `/results`), the id percent-encoded.
    static std::string plan_path(std::string_view plan_id, std::string_view suffix = {});

private:
    DrawService& draws_;
    PlanStore& plans_;
    ReferenceDataStore& reference_;
    PublicationService& publication_;
};

} // namespace fi::server
