#include "server/drawquota.h"

#include "server/apierror.h"

#include <algorithm>

namespace fi::server {

namespace {

/// ⌈a / b⌉ for a ≥ 0, b > 0 (the interface and its data have no floating point).
std::int64_t ceil_div(std::int64_t a, std::int64_t b) {
    return (a + b - 1) / b;
}

} // namespace

std::set<int> plan_quarters(const PlanSpec& plan) {
    const int first = (plan.window_from.m - 1) / 3 + 1;
    const int last = plan.window_to.y > plan.year ? 4 : (plan.window_to.m - 1) / 3 + 1;
    std::set<int> out;
    for (int q = first; q <= last; ++q)
        out.insert(q);
    return out;
}

DrawQuota DrawQuota::for_stratum(const DrawRule& rule, const PlanSpec& plan, std::int64_t n,
                                 std::int64_t staff, const StratumHistory& history) {
    DrawQuota quota;
    quota.year = rule.year_range(n, staff);
    if (!quota.year) {
        quota.min = std::min<std::int64_t>(1, n);
        quota.max = n;
        quota.rule = rule.describe();
        return quota;
    }
    const std::set<int> mine = plan_quarters(plan);
    std::set<int> covered = history.quarters;
    covered.insert(mine.begin(), mine.end());
    const auto m = static_cast<std::int64_t>(std::min<std::size_t>(covered.size(), 4));

    const std::int64_t drawn = history.drawn;
    std::int64_t lo = std::max<std::int64_t>(0, ceil_div(quota.year->min * m, 4) - drawn);
    std::int64_t hi = std::max<std::int64_t>(0, quota.year->max - drawn);
    if (rule.frequency == RulePeriod::quarter && rule.max_percent) {
        const std::int64_t per_quarter = ceil_div(n * *rule.max_percent, 100);
        const std::int64_t cap =
            per_quarter * static_cast<std::int64_t>(mine.size()) - history.drawn_in_quarters;
        hi = std::min(hi, std::max<std::int64_t>(0, cap));
    }
    lo = std::min({lo, hi, n});
    hi = std::min(hi, n);
    quota.min = lo;
    quota.max = hi;
    quota.preferred = rule.cover_yearly ? hi : lo;
    quota.rule = rule.describe() + "; the year " + std::to_string(quota.year->min) + "–" +
                 std::to_string(quota.year->max) + " of " + std::to_string(n) + ", " +
                 std::to_string(drawn) + " drawn by " + plan.unit + " before this plan";
    return quota;
}

Result<std::int64_t> DrawQuota::choose(const PlanStratum& stratum, std::size_t index,
                                       std::int64_t candidates) const {
    const std::string field = "strata[" + std::to_string(index) + "].k";
    std::int64_t k = 0;
    if (stratum.k) {
        if (*stratum.k < min || *stratum.k > max)
            return Error::make(api_code::invalid,
                               "Stratum " + stratum.category +
                                   ": k = " + std::to_string(*stratum.k) + " is outside " +
                                   std::to_string(min) + "–" + std::to_string(max) + " (" + rule +
                                   ").",
                               field);
        k = *stratum.k;
    } else if (preferred) {
        k = *preferred;
    } else {
        return Error::make(api_code::invalid,
                           "Stratum " + stratum.category + " needs k (" + rule + ").", field);
    }
    return std::min(k, candidates);
}

} // namespace fi::server
