#include "server/drawquota.h"

#include "server/apierror.h"

#include <algorithm>

namespace fi::server {

namespace {

/// ⌈a·b / c⌉ in integers (the interface and its data have no floating point).
std::int64_t ceil_div(std::int64_t a, std::int64_t b, std::int64_t c) {
    return (a * b + c - 1) / c;
}

} // namespace

DrawQuota DrawQuota::for_stratum(const PlanSpec& plan, const PlanStratum& stratum, std::int64_t n,
                                 std::int64_t staff) {
    const std::int64_t q = plan.quarters();
    const bool branch = plan.level == UnitLevel::branch;
    DrawQuota quota;
    const std::string& c = stratum.category;
    if (c == "key") {
        const std::int64_t lo = branch ? 10 : 5;
        const std::int64_t hi = branch ? 20 : 10;
        quota.min = ceil_div(n, lo * q, 100);
        quota.max = ceil_div(n, hi * q, 100);
        quota.preferred = quota.max;
        quota.rule = std::string(branch ? "branches draw 10–20 %" : "the detachment draws 5–10 %") +
                     " of key targets per quarter";
    } else if (c == "general") {
        const std::int64_t ratio = branch ? 5 : 3;
        quota.min = ceil_div(staff * ratio, q, 4);
        quota.max = n;
        quota.preferred = quota.min;
        quota.rule = "general targets: at least staff × " + std::to_string(ratio) + " a year (" +
                     std::to_string(staff) + " staff), spread over the quarters";
    } else if (c == "special") {
        quota.min = 1;
        quota.max = n;
        quota.rule = "special targets: the plan sets k";
    } else if (c == "ods") {
        quota.min = ceil_div(n, q, 400);
        quota.max = ceil_div(n, 3 * q, 400);
        quota.preferred = quota.max;
        quota.rule = "ODS units: 1–3 %";
    } else if (c == "sewage_plants") {
        quota.min = quota.max = ceil_div(n, 20 * q, 400);
        quota.preferred = quota.max;
        quota.rule = "urban sewage plants: 20 %";
    } else if (c == "vehicle_sellers") {
        quota.min = ceil_div(5, q, 4);
        quota.max = ceil_div(10, q, 4);
        quota.preferred = quota.max;
        quota.rule = "vehicle sellers: 5–10 a year";
    }
    // A small directory cannot give more than it holds.
    quota.min = std::min(quota.min, n);
    quota.max = std::min(std::max(quota.max, quota.min), n);
    if (quota.preferred)
        quota.preferred = std::min(*quota.preferred, quota.max);
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
