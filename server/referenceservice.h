#pragma once

#include "core/result.h"
#include "server/caller.h"
#include "server/planstore.h"
#include "server/referencedatastore.h"

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace fi::server {

class ServerDatabase;

/// Reference data: importing it (administration, demo data) and serving it in pages with
/// cursors and tombstones (central-api.md "Reference data"). Every item is checked by core's
/// own decoder before it is stored, so the server never hands a client an item the client
/// would refuse.
class ReferenceService {
public:
    static constexpr std::size_t default_limit = 100;
    static constexpr std::size_t max_limit = 500;

    /// The assignments are served from `plans`; `database` makes an import all or nothing.
    ReferenceService(ServerDatabase& database, ReferenceDataStore& reference, PlanStore& plans)
        : database_(database), reference_(reference), plans_(plans) {}

    /// Imports of JSON arrays; the number of items stored. All or nothing.
    /// @{
    Result<std::size_t> import_catalogue(const nlohmann::json& items);
    Result<std::size_t> import_inspectors(const nlohmann::json& items);
    /// Targets keep their extra members (`joint_list`); credit codes are checked.
    Result<std::size_t> import_targets(const nlohmann::json& items);
    /// Either calendar shape WorkCalendar reads; the number of years stored.
    Result<std::size_t> import_calendar(const nlohmann::json& calendar);
    /// @}

    /// Withdraw an item: clients receive `{"id":…,"deleted":true}`. not_found if not live.
    Status remove(Feed feed, std::string_view id);

    /// One page of `GET /catalogue` or `GET /inspectors`.
    Result<nlohmann::json> page(Feed feed, const std::optional<std::string>& since,
                                const std::optional<std::string>& limit);
    /// One page of `GET /assignments`: the caller's own.
    /// `GET /plans/{id}/redraws`: the plan's public re-draw log, paged like the lists.
    Result<nlohmann::json> redraw_log_page(std::string_view plan_id,
                                           const std::optional<std::string>& since,
                                           const std::optional<std::string>& limit);
    Result<nlohmann::json> assignment_page(const Caller& caller,
                                           const std::optional<std::string>& since,
                                           const std::optional<std::string>& limit);
    /// `GET /calendar`.
    Result<nlohmann::json> calendar();

    /// Cursors are opaque to clients; here, the last change number seen.
    /// @{
    static std::string make_cursor(std::int64_t seq);
    static Result<std::int64_t> parse_cursor(const std::optional<std::string>& since);
    static Result<std::size_t> parse_limit(const std::optional<std::string>& limit);
    /// @}

private:
    ServerDatabase& database_;
    ReferenceDataStore& reference_;
    PlanStore& plans_;
};

} // namespace fi::server
