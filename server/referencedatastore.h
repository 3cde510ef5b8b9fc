#pragma once

#include "core/result.h"
#include "server/feedpage.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fi::server {

class ServerDatabase;

/// The reference lists served to every client.
enum class Feed { catalogue, inspectors };

/// An inspection of a target by some unit, for the exclusion rule (已由上级抽查且未发现问题).
/// Inspections accepted here are found from the inspections themselves; these rows record
/// the others (a provincial check, say), entered by an administrator.
struct PriorCheckRow {
    std::string target_id;
    int year = 0;
    std::string level; ///< province | city | branch
    std::string unit;
    std::string outcome; ///< no_problem | rectification_ordered | case_opened
    std::string day;
};

/// Reference data: the catalogue and the roster (paged lists with tombstones), the working-day
/// calendar, the target directory (抽查对象名录库), conflicts of interest (回避) and prior
/// checks. Bodies are kept as the JSON text served, so a client receives what was stored.
/// Every call is atomic on its own; ServerDatabase::transaction groups several.
class ReferenceDataStore {
public:
    explicit ReferenceDataStore(ServerDatabase& database) : database_(database) {}

    /// The working-day calendar: per year, `{"holidays":[…],"workdays":[…]}` as JSON text.
    /// @{
    /// Insert or replace one year.
    Status put_calendar_year(int year, std::string_view year_json);
    /// year → its JSON text.
    Result<std::map<int, std::string>> calendar();
    /// @}

    /// Reference lists. Every put or delete moves the item to the end of the change order
    /// (`change_seq`, shared with the assignments), so a cursor (the last seq a client saw)
    /// finds every change after it.
    /// @{
    /// Insert or replace (a withdrawn item comes back).
    Status put_feed_item(Feed feed, std::string_view id, std::string_view body);
    /// false when there was no live item to delete.
    Result<bool> delete_feed_item(Feed feed, std::string_view id);
    /// Changes after `after_seq` in change order, tombstones included, at most `limit`.
    Result<FeedPage> feed_page(Feed feed, std::int64_t after_seq, std::size_t limit);
    /// Live items only, by id.
    Result<std::vector<FeedRow>> feed_items(Feed feed);
    /// A live item; none if unknown or withdrawn.
    Result<std::optional<FeedRow>> find_feed_item(Feed feed, std::string_view id);
    /// @}

    /// Targets, conflicts and prior checks.
    /// @{
    /// Insert or replace a target (its JSON text, extra members kept).
    Status put_target(std::string_view id, std::string_view body);
    Result<std::vector<std::string>> targets(); ///< bodies, by id
    /// A target's body; none for an unknown id.
    Result<std::optional<std::string>> find_target(std::string_view id);
    /// Insert or replace: `inspector_id` must not inspect `target_id`.
    Status add_conflict(std::string_view target_id, std::string_view inspector_id,
                        std::string_view reason);
    /// target → inspectors who must not inspect it.
    Result<std::map<std::string, std::vector<std::string>>> conflicts();
    /// Record a check by another unit.
    Status put_prior_check(const PriorCheckRow& check);
    /// The checks of `year`, in the order entered.
    Result<std::vector<PriorCheckRow>> prior_checks(int year);
    /// @}

private:
    ServerDatabase& database_;
};

} // namespace fi::server
