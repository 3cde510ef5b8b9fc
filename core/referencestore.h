#pragma once

#include "core/draw.h"
#include "core/drawcommitment.h"
#include "core/model.h"
#include "core/modeljson.h"
#include "core/result.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fi {

class Database;

/// What applying one page of reference data did.
struct PageReport {
    std::size_t applied = 0;
    std::size_t deleted = 0;
    std::size_t stale = 0;         ///< assignments older than the revision already held
    std::size_t frozen_drafts = 0; ///< drafts frozen because their assignment was revoked
    std::vector<RejectedItem> rejected;
    std::string next_cursor;
    bool has_more = false;
    /// Assignment pages: the assignments written, as written (a pull verifies their teams
    /// without reading them back), and the ids this page marked revoked.
    std::vector<Assignment> written;
    std::vector<std::string> revoked_ids;
};

/// A draw as stored, with the result of verifying it on this device.
struct StoredDraw {
    DrawRecord draw;
    DrawVerification verification;
};

/// Everything the rules need to judge one record.
struct RuleContext {
    std::optional<Assignment> assignment;
    std::vector<CatalogueItem> items;
    std::vector<Inspector> roster;

    const Assignment* assignment_ptr() const { return assignment ? &*assignment : nullptr; }
    CatalogueLookup catalogue() const { return lookup_in(std::span<const CatalogueItem>(items)); }
    RosterLookup inspectors() const { return lookup_in(std::span<const Inspector>(roster)); }
};

/// Owner of the central system's reference data on the device: catalogue, roster,
/// assignments and draws, stored encrypted as received (validated item by item) with the
/// pull cursors. Each page applies in one transaction; a bad item is rejected with its reason
/// and never spoils the rest; nothing already stored is lost to bad input.
class ReferenceStore {
public:
    explicit ReferenceStore(Database& db) : db_(db) {}

    Result<PageReport> apply_catalogue_page(const nlohmann::json& page);
    Result<PageReport> apply_inspector_page(const nlohmann::json& page);
    /// Assignments are cross-checked against the stored catalogue; a revoked (or removed)
    /// assignment freezes its drafts, which are kept. An admitted assignment is stored as the
    /// central system sent it: `item_texts[k]`, the text `page["items"][k]` was parsed from,
    /// when the caller has it (one for each item), or else the parsed item serialised.
    Result<PageReport> apply_assignment_page(const nlohmann::json& page,
                                             std::span<const std::string_view> item_texts = {});
    /// The same for a page the caller hands over: when `item_texts` stand for every item, the
    /// parsed page is released as soon as its items are decoded, before the rows are written.
    /// Freed then, while it is still in the cache, a page of 500 costs half what it costs
    /// freed after the writes (a pull of 5,000, docs/performance-notes.md).
    Result<PageReport> apply_assignment_page(nlohmann::json&& page,
                                             std::span<const std::string_view> item_texts);
    /// Store a draw (`GET /draws/{id}`) with the result of verifying it here: a v1 draw by
    /// recomputation, a v2 draw against its plan's stored publication, a re-draw against the
    /// publication, the plan's stored draw and the stored re-draw log (store those first).
    Result<StoredDraw> store_draw(const nlohmann::json& draw);
    /// Store a plan's publication (`GET /plans/{id}`), replacing the one held.
    Result<PlanPublication> store_plan(const nlohmann::json& plan);
    /// Store entries of a plan's public re-draw log (`GET /plans/{id}/redraws` items); an
    /// entry already held under the same index is replaced.
    Status store_redraw_entries(std::string_view plan_id, const nlohmann::json& items);

    /// The cursor to continue a pull from (`catalogue`, `inspectors`, `assignments`).
    Result<std::optional<std::string>> cursor(std::string_view endpoint);

    Result<std::optional<CatalogueItem>> catalogue_item(std::string_view id);
    Result<std::optional<Inspector>> inspector(std::string_view id);
    Result<std::optional<Assignment>> assignment(std::string_view id);
    /// Assignments, ordered by id; revoked ones only when asked.
    Result<std::vector<Assignment>> assignments(bool include_revoked = false);
    /// The ids of the active assignments, ordered; nothing decoded.
    Result<std::vector<std::string>> active_assignment_ids();
    Result<std::optional<StoredDraw>> draw(std::string_view id);
    Result<std::optional<PlanPublication>> plan(std::string_view id);
    /// The plan's re-draw log as held, by index.
    Result<std::vector<RedrawLogEntry>> redraw_log(std::string_view plan_id);

    /// Whether the assignment's team is the one its stored draw gave its target: unknown
    /// draw → not verified, saying so.
    Result<DrawVerification> verify_team(const Assignment& assignment);
    /// The same against a draw already loaded (and so verified once) by draw().
    static DrawVerification verify_team(const Assignment& assignment, const StoredDraw& draw);

    /// The assignment, its items and its team's roster entries, for the rules.
    Result<RuleContext> rule_context(std::string_view assignment_id);

private:
    /// Verify a draw with what this device holds of its plan (see store_draw).
    Result<DrawVerification> verify(const DrawRecord& draw);
    /// A page of items stored as received: upsert each, delete the tombstones, keep the
    /// rejections and the cursor, in one transaction.
    template <class T, class Upsert>
    Result<PageReport> apply_simple_page(Result<Page<T>> page, std::string_view endpoint,
                                         std::string_view delete_sql, const Upsert& upsert);
    /// Write a decoded assignment page (see apply_assignment_page): each admitted item's
    /// text is `item_texts[k]`, or `items[k]` serialised when `items` is given.
    Result<PageReport> write_assignment_page(Page<Assignment> page,
                                             std::span<const std::string_view> item_texts,
                                             const nlohmann::json* items);
    Status save_cursor(std::string_view endpoint, const std::string& cursor);
    Status note_rejections(std::string_view endpoint, const std::vector<RejectedItem>& rejected);
    Database& db_;
};

} // namespace fi
