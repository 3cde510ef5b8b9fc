#pragma once

#include "core/date.h"
#include "core/draw.h"
#include "core/model.h"
#include "core/result.h"

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace fi::server {

/// One stratum of a plan: which targets are candidates, how many to draw, and what the drawn
/// get (mode, items, experts).
struct PlanStratum {
    /// key | general | special (the target's category), or a joint-list group: ods |
    /// vehicle_sellers | sewage_plants (targets whose `joint_list` holds the group's codes).
    std::string category;
    std::optional<std::int64_t> k; ///< absent: the regime's default for the category
    InspectionMode mode = InspectionMode::onsite;
    std::vector<std::string> item_ids;
    std::vector<std::string> expert_ids; ///< third-party experts the plan adds (not drawn)
    std::string basis;                   ///< why k is what it is, for people
};

/// The administrative level of the unit running a plan: who counts as a "higher level" for
/// the exclusion rule, and which draw ratios apply (支队 city detachment vs 分局 branch).
enum class UnitLevel { branch = 1, city = 2, province = 3 };

/// A plan as an administrator publishes it (the shape of assets/demo/plan.json, see
/// docs/server.md): the plan the assignments name, its strata, and its draw's parameters.
struct PlanSpec {
    std::string id;
    std::string name;
    int year = 0;
    std::string kind; ///< routine | enforcement | special | joint
    std::string unit;
    UnitLevel level = UnitLevel::city;
    Date window_from;
    Date window_to;
    std::optional<std::string> published_at;
    std::vector<PlanStratum> strata;

    /// On-site targets get the catalogue items whose code is in their `joint_list`
    /// (rule `onsite_targets_add_joint_list_items`), and these experts per code.
    bool add_joint_list_items = false;
    std::map<std::string, std::vector<std::string>> joint_item_experts;
    /// The plan's own department, left out of `joint_departments`.
    std::string own_department = "市生态环境局";

    /// 已由上级抽查且未发现问题的…予以排除: leave out targets a higher level inspected this
    /// year without finding a problem.
    bool exclude_inspected_by_higher_level = false;
    std::vector<std::string> districts;       ///< candidates only from these (empty: all)
    std::vector<std::string> inspector_units; ///< pool only from these units (empty: all)
    std::optional<std::int64_t> staff;        ///< 在编在岗 staff for the general ratio

    std::string draw_id;
    /// The bodies that each commit to part of the seed (interface 1.1): at least two, neither
    /// the planning office; each hands in only SHA-256 of its 32 random bytes.
    std::vector<SeedParty> parties;
    /// Links of the pre-committed re-draw chain: how many re-draws the plan allows.
    std::int64_t redraw_chain_length = 1000;
    std::int64_t team_size = 2;
    std::map<std::string, std::vector<std::string>> conflicts;

    /// Strict reading of a plan; the error names the field.
    static Result<PlanSpec> decode(const nlohmann::json& plan);

    /// The `plan` member of the plan's assignments.
    nlohmann::json assignment_plan() const;
    /// Calendar quarters the window touches (1 for a quarter plan, 4 for a year).
    int quarters() const;
    /// `A-2026Q4-`: the prefix of the plan's assignment ids (the window's first quarter).
    std::string assignment_prefix() const;
};

std::string_view to_string(UnitLevel level);

/// The joint-list codes of a joint-list stratum category; empty for key/general/special.
std::vector<std::string> joint_codes_of(std::string_view category);

} // namespace fi::server
