#pragma once

#include "core/result.h"
#include "server/drawquota.h"
#include "server/drawrule.h"
#include "server/planspec.h"

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace fi::server {

class PlanStore;
class ReferenceDataStore;

/// One unit's stratum in the year, for `admin coverage`.
struct CoverageLine {
    std::string unit;
    std::string stratum;
    std::string rule;                          ///< DrawRule::describe, or why there is none
    std::int64_t size = 0;                     ///< the stratum's targets now (the unit's districts)
    std::optional<YearRange> year;             ///< the yearly figure the rule asks for
    std::int64_t drawn = 0;                    ///< selected by the unit's drawn plans
    std::int64_t pending = 0;                  ///< k of its plans published, not drawn yet
    std::array<std::int64_t, 4> per_quarter{}; ///< drawn, by the quarter a plan's window starts
};

/// The year's target against what was drawn, and the key targets still waiting.
struct CoverageReport {
    int year = 0;
    std::vector<CoverageLine> lines;
    std::int64_t key_targets = 0;
    std::vector<std::string> key_not_drawn; ///< target ids, by id
};

/// The year's ledger of draws: what each unit drew of each stratum in a plan year (draws that
/// ran, and k of plans published but not drawn), which targets any unit drew, and the item
/// list's 比例/频次 rules (DrawRule, from the catalogue's `draw_rules`). Read at a plan's
/// publication (DrawService::freeze_lists) so that a quarter's k keeps the yearly figure in range
/// and its candidates prefer targets not drawn this year; and by `admin coverage`.
class QuotaLedger {
public:
    /// Everything the year's published plans froze and drew, and the catalogue's rules.
    static Result<QuotaLedger> load(ReferenceDataStore& reference, PlanStore& plans, int year);

    /// The rule for a stratum at a level; `invalid` (field `strata[i].category`) when the item
    /// list has none, so the planner knows to import the list's rule first.
    Result<DrawRule> rule(std::string_view stratum, UnitLevel level, std::size_t index) const;
    /// What `unit` drew of `stratum` earlier this year, counted against `plan`'s quarters.
    StratumHistory history(std::string_view unit, std::string_view stratum,
                           const PlanSpec& plan) const;
    /// Targets any unit's draw selected this year.
    const std::set<std::string>& drawn_this_year() const { return drawn_; }

    /// Per unit and stratum, the year's figure against the draws; the key targets not drawn.
    /// Reads the target directory and roster as they are now.
    Result<CoverageReport> coverage(ReferenceDataStore& reference) const;

private:
    struct StratumDraw {
        std::string category;
        std::int64_t k = 0;
        std::vector<std::string> selected; ///< empty until the plan is drawn
    };
    struct YearPlan {
        PlanSpec spec;
        bool drawn = false;
        std::vector<StratumDraw> strata;
    };

    int year_ = 0;
    std::vector<DrawRule> rules_;
    std::vector<YearPlan> plans_; ///< by publication time
    std::set<std::string> drawn_;
};

/// Whether a target (directory JSON) belongs to a stratum: its category, or for a joint-list
/// stratum, a `joint_list` code of the group.
bool target_in_stratum(const nlohmann::json& target, std::string_view stratum);

} // namespace fi::server
