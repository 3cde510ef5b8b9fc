#pragma once

#include "core/result.h"
#include "server/planspec.h"

#include <cstdint>
#include <optional>
#include <string>

namespace fi::server {

/// How many targets of a stratum the regime asks for (鄂州环办〔2022〕10号, 合理确定抽查比例),
/// for the plan's window (quarters) and level:
/// - key: 5–10 % per quarter (city detachment) or 10–20 % (branches); default the upper end
///   (原则上争取每年对重点监管对象达到全覆盖);
/// - general: at least staff × 3 (detachment) or staff × 5 (branches) a year, spread evenly
///   over the quarters; default that minimum;
/// - special: no ratio; the plan must give k;
/// - ods 1–3 %, sewage_plants 20 %, vehicle_sellers 5–10 a year, spread over quarters.
/// Ratios apply to the whole category (before exclusions); every bound is rounded up.
struct DrawQuota {
    std::int64_t min = 0;
    std::int64_t max = 0;
    std::optional<std::int64_t> preferred; ///< none: the plan must say
    std::string rule;                      ///< the regime's wording, for messages

    static DrawQuota for_stratum(const PlanSpec& plan, const PlanStratum& stratum,
                                 std::int64_t category_size, std::int64_t staff);

    /// The k to draw: the stratum's own (refused, `invalid`, outside [min, max]) or the
    /// default, never more than `candidates`.
    Result<std::int64_t> choose(const PlanStratum& stratum, std::size_t stratum_index,
                                std::int64_t candidates) const;
};

} // namespace fi::server
