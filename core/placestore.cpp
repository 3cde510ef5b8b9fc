#include "core/placestore.h"

#include "core/database.h"
#include "core/statement.h"

#include <nlohmann/json.hpp>

namespace fi {

namespace {
std::optional<std::string> location_json(const std::optional<Location>& l) {
    if (!l)
        return std::nullopt;
    return nlohmann::json{
        {"lat_e6", l->lat_e6}, {"lon_e6", l->lon_e6}, {"accuracy_m", l->accuracy_m}}
        .dump();
}

std::optional<Location> location_of(const std::optional<std::string>& text) {
    if (!text)
        return std::nullopt;
    const auto j = nlohmann::json::parse(*text, nullptr, false);
    for (const char* k : {"lat_e6", "lon_e6", "accuracy_m"})
        if (!j.is_object() || !j.contains(k) || !j.at(k).is_number_integer())
            return std::nullopt;
    return Location{j.at("lat_e6").get<std::int64_t>(), j.at("lon_e6").get<std::int64_t>(),
                    j.at("accuracy_m").get<std::int64_t>()};
}
} // namespace

Status PlaceStore::keep(std::string_view record_id, const RecordPlace& place) {
    return execute(db_,
                   "INSERT INTO record_places (record_id, completed_location, start_distance_m, "
                   "completed_distance_m, simulated) VALUES (?1, ?2, ?3, ?4, ?5)",
                   record_id, location_json(place.completed_location), place.start_distance_m,
                   place.completed_distance_m, place.simulated);
}

Result<std::optional<RecordPlace>> PlaceStore::load(std::string_view record_id) {
    auto st = db_.prepare("SELECT completed_location, start_distance_m, completed_distance_m, "
                          "simulated FROM record_places WHERE record_id = ?1");
    if (!st)
        return st.error();
    st->bind_all(record_id);
    auto row = st->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<RecordPlace>();
    RecordPlace p;
    p.completed_location = location_of(st->column_optional_string(0));
    if (!st->is_null(1))
        p.start_distance_m = st->column_int64(1);
    if (!st->is_null(2))
        p.completed_distance_m = st->column_int64(2);
    p.simulated = st->column_int64(3) != 0;
    return std::optional<RecordPlace>(p);
}

} // namespace fi
