#pragma once

#include "core/result.h"
#include "server/planspec.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fi::server {

/// The period a rule's count is stated for (频次): each quarter, or the year.
enum class RulePeriod { quarter, year };

/// The whole-number range a stratum's yearly figure must land in.
struct YearRange {
    std::int64_t min = 0;
    std::int64_t max = 0;
};

/// One 比例/频次 rule of the item list (抽查事项清单): how many targets of one stratum a unit
/// draws, carried by the catalogue item whose rule it is (`draw_rules` of a `GET /catalogue`
/// item, ignored by clients). Exactly one count, or none (the plan then gives k):
/// - `ratio` {min_percent, max_percent}: a share of the stratum's targets per `frequency`;
/// - `per_year` {min, max}: a number of targets a year;
/// - `per_staff` {min}: at least staff × min a year (在编在岗 : 被抽查单位).
/// `cover: "year"` says the regime aims at every target once a year (原则上争取每年…全覆盖):
/// the default k is then the upper end of the range.
struct DrawRule {
    std::string stratum;            ///< key | general | special | ods | vehicle_sellers | …
    std::optional<UnitLevel> level; ///< none: every level
    RulePeriod frequency = RulePeriod::year;
    std::optional<std::int64_t> min_percent, max_percent; ///< `ratio`
    std::optional<std::int64_t> per_year_min, per_year_max;
    std::optional<std::int64_t> per_staff_min;
    bool cover_yearly = false;
    std::string basis;   ///< the regime's wording, for people
    std::string item_id; ///< the catalogue item that carries the rule

    /// True when the rule sets a number (else the plan must give k).
    bool counts() const;
    /// The yearly figure for a stratum of `size` targets and a unit of `staff`; none when the
    /// rule sets no number. Ratios round the lower bound up (a ratio asks for at least one
    /// check) and the upper bound down unless that would fall below the lower.
    std::optional<YearRange> year_range(std::int64_t size, std::int64_t staff) const;
    /// For people: "5–10 % a quarter (POLL-01)".
    std::string describe() const;
    /// Same numbers, period, level and aim (the wording and the item may differ).
    bool same_numbers(const DrawRule& other) const;
};

/// The rules a catalogue item carries (`draw_rules`; absent: none). `invalid` names the item and
/// the field.
Result<std::vector<DrawRule>> decode_draw_rules(const nlohmann::json& item);

/// The rule of `stratum` for a unit of `level`, from the whole item list: a rule for that level
/// wins over one for every level; two items stating different numbers are refused (`invalid`),
/// and none at all is `nullopt`.
Result<std::optional<DrawRule>> rule_for(const std::vector<DrawRule>& rules,
                                         std::string_view stratum, UnitLevel level);

} // namespace fi::server
