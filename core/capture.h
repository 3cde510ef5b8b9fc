#pragma once

#include "core/metastore.h"
#include "core/model.h"
#include "core/trustedclock.h"

#include <optional>
#include <string>

namespace fi {

/// Stamping records with time: the step every front end (the app's inspection view model,
/// the command line) shares, so a record's day, times and `clock` block are made one way.
/// @{

/// Keep the last server-time sync in the store, so the trusted clock survives a restart.
Status save_clock_sync(MetaStore& meta, const ClockSync& sync);
Result<std::optional<ClockSync>> load_clock_sync(MetaStore& meta);

/// A new draft for `assignment` started at `now`; `device_wall` is the device's own clock at
/// the same instant (kept as `clock.device_started_at` beside the offset and source). It
/// carries `signatures` (interface 1.1), empty until those present sign.
InspectionRecord start_record(const Assignment& assignment, std::string record_id,
                              const TrustedTime& now,
                              std::chrono::system_clock::time_point device_wall);

/// Stamp the end of the inspection (required before completion).
void finish_record(InspectionRecord& record, const TrustedTime& now);
/// @}

} // namespace fi
