#pragma once

#include "core/model.h"

#include <cstdint>
#include <optional>

namespace fi {

/// Where a record was made, measured against where its target is: the one distance the app,
/// the command line and the PDF show (interface 1.1: "the tablet shows the distance to it
/// beside the recorded location").
/// @{

/// Farther than this from the target's known position, the central system flags an on-site
/// record `far_from_target` (central-api.md 1.1); the tablet warns at the same distance.
inline constexpr std::int64_t far_from_target_m = 500;

/// Metres between a location and a position, on a sphere of the Earth's mean radius
/// (haversine: within 0.5 % at these distances), rounded to the nearest metre.
std::int64_t distance_m(const Location& from, const Position& to);

/// The distance from `location` to the target, when both are known.
std::optional<std::int64_t> distance_to_target_m(const std::optional<Location>& location,
                                                 const Target& target);
/// @}

} // namespace fi
