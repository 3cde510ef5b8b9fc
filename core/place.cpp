#include "core/place.h"

#include <algorithm>
#include <cmath>

namespace fi {

std::int64_t distance_m(const Location& from, const Position& to) {
    constexpr double radians_per_e6 = 3.14159265358979323846 / 180.0 / 1e6;
    constexpr double earth_mean_radius_m = 6371008.8;
    const double p1 = static_cast<double>(from.lat_e6) * radians_per_e6;
    const double p2 = static_cast<double>(to.lat_e6) * radians_per_e6;
    const double dp = p2 - p1;
    const double dl = static_cast<double>(to.lon_e6 - from.lon_e6) * radians_per_e6;
    const double a = std::sin(dp / 2) * std::sin(dp / 2) +
                     std::cos(p1) * std::cos(p2) * std::sin(dl / 2) * std::sin(dl / 2);
    return std::llround(2 * earth_mean_radius_m * std::asin(std::sqrt(std::min(1.0, a))));
}

std::optional<std::int64_t> distance_to_target_m(const std::optional<Location>& location,
                                                 const Target& target) {
    if (!location || !target.position)
        return std::nullopt;
    return distance_m(*location, *target.position);
}

} // namespace fi
