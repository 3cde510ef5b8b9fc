#pragma once

#include "core/result.h"
#include "server/drawrule.h"
#include "server/planspec.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>

namespace fi::server {

/// What one unit drew of one stratum earlier in the plan's year (QuotaLedger): the figure a new
/// plan must complete, not exceed.
struct StratumHistory {
    std::int64_t drawn = 0;             ///< targets drawn, plus k of plans published, not drawn
    std::int64_t drawn_in_quarters = 0; ///< of those, in the new plan's quarters
    std::set<int> quarters;             ///< calendar quarters (1–4) of the plans counted
};

/// How many targets of a stratum a plan may draw: the item list's rule (DrawRule), turned into a
/// range for this plan so that the unit's yearly figure lands inside the rule's yearly range:
/// - after the plan, the unit's year holds at least ⌈Y_min × m / 4⌉, where m is the number of
///   quarters the unit's plans of this stratum cover (earlier ones and this one): a year's
///   minimum is spread over the quarters drawn in;
/// - and at most Y_max; a rule stated per quarter also caps each quarter at its rounded-up
///   share (10 % of 75 is 8), less what the quarter holds already;
/// - the default is the upper end for a rule that aims at yearly coverage (key targets), else
///   the lower end, which is 0 once the year is on track: the stratum then draws nothing.
/// A rule without a number (special targets) leaves k to the plan, 1 to the stratum's size.
struct DrawQuota {
    std::int64_t min = 0;
    std::int64_t max = 0;
    std::optional<std::int64_t> preferred; ///< none: the plan must say
    std::optional<YearRange> year;         ///< the unit's yearly figure, if the rule sets one
    std::string rule;                      ///< the rule and the year so far, for messages

    static DrawQuota for_stratum(const DrawRule& rule, const PlanSpec& plan,
                                 std::int64_t category_size, std::int64_t staff,
                                 const StratumHistory& history);

    /// The k to draw: the stratum's own (refused, `invalid`, outside [min, max]) or the
    /// default, never more than `candidates`.
    Result<std::int64_t> choose(const PlanStratum& stratum, std::size_t stratum_index,
                                std::int64_t candidates) const;
};

/// Calendar quarters (1–4) of the plan's year that its window touches.
std::set<int> plan_quarters(const PlanSpec& plan);

} // namespace fi::server
