#pragma once

#include "core/model.h"
#include "core/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fi {

class Database;

/// What the tablet keeps beside a completed record about where it was made: the upload body
/// carries one `location`, the one taken when the inspection started; the place it was
/// completed, both distances to the target, and whether the location was simulated (the
/// command line's `"simulated": true`; the interface has no member for it) stay here.
struct RecordPlace {
    std::optional<Location> completed_location;
    std::optional<std::int64_t> start_distance_m;
    std::optional<std::int64_t> completed_distance_m;
    bool simulated = false;
};

/// Owner of `record_places` (schema v5): one row per completed record, written once at
/// completion; the store's trigger refuses any change, and the row goes with its record.
class PlaceStore {
public:
    explicit PlaceStore(Database& db) : db_(db) {}

    /// Keep where `record_id` was completed. Refused when a place is already kept.
    Status keep(std::string_view record_id, const RecordPlace& place);
    /// The kept place, or nullopt (a draft, or a record completed before schema v5).
    Result<std::optional<RecordPlace>> load(std::string_view record_id);

private:
    Database& db_;
};

} // namespace fi
