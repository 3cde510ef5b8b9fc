#include "core/capture.h"

#include "core/date.h"

#include <nlohmann/json.hpp>

namespace fi {

namespace {
std::int64_t ms(std::chrono::system_clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}
std::chrono::system_clock::time_point at_ms(std::int64_t v) {
    return std::chrono::system_clock::time_point(std::chrono::milliseconds(v));
}
} // namespace

Status save_clock_sync(MetaStore& meta, const ClockSync& sync) {
    const nlohmann::json j = {{"server_ms", ms(sync.server)},
                              {"boottime_ms", sync.device.boottime.count()},
                              {"boot_id", sync.device.boot_id},
                              {"wall_ms", ms(sync.device.wall)}};
    return meta.set("clock.sync", j.dump());
}

Result<std::optional<ClockSync>> load_clock_sync(MetaStore& meta) {
    auto text = meta.get("clock.sync");
    if (!text)
        return text.error();
    if (!*text)
        return std::optional<ClockSync>();
    const auto j = nlohmann::json::parse(**text, nullptr, false);
    auto num = [&](const char* k) -> std::optional<std::int64_t> {
        if (!j.is_object() || !j.contains(k) || !j.at(k).is_number_integer())
            return std::nullopt;
        return j.at(k).get<std::int64_t>();
    };
    const auto server = num("server_ms"), boottime = num("boottime_ms"), wall = num("wall_ms");
    if (!server || !boottime || !wall || !j.contains("boot_id") || !j.at("boot_id").is_string())
        return std::optional<ClockSync>(); // unreadable: as if never synced (flagged as such)
    ClockSync s;
    s.server = at_ms(*server);
    s.device.boottime = std::chrono::milliseconds(*boottime);
    s.device.boot_id = j.at("boot_id").get<std::string>();
    s.device.wall = at_ms(*wall);
    return std::optional<ClockSync>(s);
}

InspectionRecord start_record(const Assignment& assignment, std::string record_id,
                              const TrustedTime& now,
                              std::chrono::system_clock::time_point device_wall) {
    InspectionRecord r;
    r.id = std::move(record_id);
    r.assignment_id = assignment.id;
    r.assignment_revision = assignment.revision;
    r.inspection_day = china_date(now.time).to_string();
    r.started_at = china_timestamp(now.time);
    r.clock.device_started_at = china_timestamp(device_wall);
    r.clock.offset_ms = now.offset.count();
    r.clock.source = std::string(to_string(now.source));
    r.signatures = std::vector<Signature>{};
    return r;
}

void finish_record(InspectionRecord& record, const TrustedTime& now) {
    record.finished_at = china_timestamp(now.time);
}

} // namespace fi
