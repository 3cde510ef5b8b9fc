#include "core/referencestore.h"

#include "core/database.h"
#include "core/recordstore.h"
#include "core/statement.h"
#include "core/transaction.h"

#include <map>

namespace fi {

namespace {

/// Read a stored JSON column back through the decoder that admitted it.
template <class T, class Decode>
Result<std::optional<T>> load_one(Database& db, const char* sql, std::string_view id,
                                  Decode decode) {
    auto text = query_text(db, sql, id);
    if (!text)
        return text.error();
    if (!*text)
        return std::optional<T>();
    const auto json = nlohmann::json::parse(**text, nullptr, false);
    auto decoded = decode(json);
    if (!decoded)
        return Error::make(store_error::damaged, "Stored reference data " + std::string(id) +
                                                     " cannot be read: " + decoded.error().message);
    return std::optional<T>(std::move(decoded.value()));
}

} // namespace

Status ReferenceStore::save_cursor(std::string_view endpoint, const std::string& cursor) {
    if (cursor.empty())
        return {};
    return execute(db_, "INSERT OR REPLACE INTO sync_cursors (endpoint, cursor) VALUES (?1, ?2)",
                   endpoint, cursor);
}

Status ReferenceStore::note_rejections(std::string_view endpoint,
                                       const std::vector<RejectedItem>& rejected) {
    for (const auto& r : rejected)
        FI_TRY(execute(db_,
                       "INSERT INTO rejected_items (endpoint, item_id, code, message) "
                       "VALUES (?1, ?2, ?3, ?4)",
                       endpoint, r.id.empty() ? "#" + std::to_string(r.index) : r.id, r.error.code,
                       r.error.message));
    return {};
}

Result<std::optional<std::string>> ReferenceStore::cursor(std::string_view endpoint) {
    return query_text(db_, "SELECT cursor FROM sync_cursors WHERE endpoint = ?1", endpoint);
}

template <class T, class Upsert>
Result<PageReport>
ReferenceStore::apply_simple_page(Result<Page<T>> page, std::string_view endpoint,
                                  std::string_view delete_sql, const Upsert& upsert) {
    if (!page)
        return page.error();
    auto tx = Transaction::begin(db_);
    if (!tx)
        return tx.error();
    PageReport report{0, 0, 0, 0, page->rejected, page->next_cursor, page->has_more, {}, {}};
    for (const auto& item : page->items) {
        FI_TRY(upsert(item));
        ++report.applied;
    }
    for (const auto& id : page->deleted_ids) {
        FI_TRY(execute(db_, delete_sql, id));
        report.deleted += static_cast<std::size_t>(db_.changes());
    }
    FI_TRY(note_rejections(endpoint, report.rejected));
    FI_TRY(save_cursor(endpoint, report.next_cursor));
    FI_TRY(tx->commit());
    return report;
}

Result<PageReport> ReferenceStore::apply_catalogue_page(const nlohmann::json& json) {
    return apply_simple_page(
        decode_catalogue_page(json), "catalogue", "DELETE FROM catalogue_items WHERE id = ?1",
        [this](const CatalogueItem& item) {
            return execute(db_,
                           "INSERT OR REPLACE INTO catalogue_items (id, version, json) "
                           "VALUES (?1, ?2, ?3)",
                           item.id, item.version, encode_catalogue_item(item).dump());
        });
}

Result<PageReport> ReferenceStore::apply_inspector_page(const nlohmann::json& json) {
    return apply_simple_page(
        decode_inspector_page(json), "inspectors", "DELETE FROM inspectors WHERE id = ?1",
        [this](const Inspector& inspector) {
            return execute(db_, "INSERT OR REPLACE INTO inspectors (id, json) VALUES (?1, ?2)",
                           inspector.id, encode_inspector(inspector).dump());
        });
}

Result<PageReport>
ReferenceStore::apply_assignment_page(const nlohmann::json& json,
                                      std::span<const std::string_view> item_texts) {
    auto page = decode_assignment_page(json);
    if (!page)
        return page.error();
    const nlohmann::json& items = json.at("items"); // present: the page decoded
    return write_assignment_page(std::move(*page), item_texts,
                                 item_texts.size() == items.size() ? nullptr : &items);
}

Result<PageReport>
ReferenceStore::apply_assignment_page(nlohmann::json&& json,
                                      std::span<const std::string_view> item_texts) {
    auto page = decode_assignment_page(json);
    if (!page)
        return page.error();
    const nlohmann::json& items = json.at("items");
    if (item_texts.size() != items.size())
        return write_assignment_page(std::move(*page), item_texts, &items);
    json = nlohmann::json(); // the texts stand for the items: the parsed page is done with
    return write_assignment_page(std::move(*page), item_texts, nullptr);
}

Result<PageReport>
ReferenceStore::write_assignment_page(Page<Assignment> page,
                                      std::span<const std::string_view> item_texts,
                                      const nlohmann::json* items_json) {
    auto tx = Transaction::begin(db_);
    if (!tx)
        return tx.error();
    PageReport report{0, 0, 0, 0, page.rejected, page.next_cursor, page.has_more, {}, {}};
    // Which of the page's assignments were written: the page's own list is handed on whole,
    // without the others, rather than each moved into another list (5,000 assignments).
    std::vector<bool> written(page.items.size(), false);
    RecordStore records(db_);
    // A page names few catalogue items many times: each is read once. The revision check and
    // the insert are prepared once a page (a pull of 5,000 assignments, docs/performance.md).
    std::map<std::string, std::optional<CatalogueItem>, std::less<>> items;
    auto revision_of = db_.prepare("SELECT revision FROM assignments WHERE id = ?1");
    if (!revision_of)
        return revision_of.error();
    auto insert = db_.prepare("INSERT OR REPLACE INTO assignments (id, revision, status, draw_id, "
                              "json) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!insert)
        return insert.error();
    // Items the catalogue does not hold cannot be inspected (无事项清单不检查): looked up in
    // the page's cache, never copied (an item carries all its checkpoints).
    const CatalogueLookup cached_item = [&items](std::string_view id) -> const CatalogueItem* {
        const auto it = items.find(id);
        return it != items.end() && it->second ? &*it->second : nullptr;
    };
    for (std::size_t i = 0; i < page.items.size(); ++i) {
        Assignment& a = page.items[i];
        for (const auto& id : a.item_ids)
            if (!items.contains(id)) {
                auto item = catalogue_item(id);
                if (!item)
                    return item.error();
                items.emplace(id, std::move(item.value()));
            }
        const auto unknown = cross_check_assignment(a, cached_item);
        if (!unknown.empty()) {
            report.rejected.push_back(RejectedItem{i, a.id, unknown.front()});
            FI_TRY(note_rejections("assignments", {report.rejected.back()}));
            continue;
        }
        revision_of->reset();
        revision_of->bind_all(a.id);
        auto held = revision_of->step();
        if (!held)
            return held.error();
        const bool stale = *held && revision_of->column_int64(0) > a.revision;
        revision_of->reset();
        if (stale) {
            ++report.stale;
            continue;
        }
        // Kept as the central system sent it, once its decoder admitted it: reading it back
        // through the same decoder gives the same assignment, without encoding it again.
        insert->reset();
        const std::size_t at = page.positions[i];
        const std::string serialised = items_json ? items_json->at(at).dump() : std::string();
        insert->bind_all(a.id, a.revision, to_string(a.status), a.draw_id,
                         items_json ? std::string_view(serialised) : item_texts[at]);
        FI_TRY(insert->run());
        ++report.applied;
        if (a.status == AssignmentStatus::revoked) {
            auto frozen = records.freeze_drafts(
                a.id, "The central system revoked this assignment (revision " +
                          std::to_string(a.revision) + ").");
            if (!frozen)
                return frozen.error();
            report.frozen_drafts += static_cast<std::size_t>(*frozen);
        }
        written[i] = true;
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < page.items.size(); ++i)
        if (written[i]) {
            if (kept != i)
                page.items[kept] = std::move(page.items[i]);
            ++kept;
        }
    page.items.resize(kept);
    report.written = std::move(page.items); // the page is this call's own
    // A removed assignment is kept as revoked: its frozen drafts still need their context.
    for (const auto& id : page.deleted_ids) {
        auto held = assignment(id);
        if (!held)
            return held.error();
        if (!*held)
            continue;
        Assignment a = std::move(**held);
        a.status = AssignmentStatus::revoked;
        FI_TRY(execute(db_, "UPDATE assignments SET status = 'revoked', json = ?2 WHERE id = ?1",
                       id, encode_assignment(a).dump()));
        ++report.deleted;
        report.revoked_ids.push_back(id);
        auto frozen = records.freeze_drafts(id, "The central system removed this assignment.");
        if (!frozen)
            return frozen.error();
        report.frozen_drafts += static_cast<std::size_t>(*frozen);
    }
    FI_TRY(save_cursor("assignments", report.next_cursor));
    FI_TRY(tx->commit());
    return report;
}

Result<DrawVerification> ReferenceStore::verify(const DrawRecord& d) {
    if (d.algorithm != draw_algorithm_v2 && d.algorithm != draw_algorithm_v2_redraw)
        return verify_draw(d);
    const auto unknown = [&](const std::string& what) {
        return DrawVerification{DrawStep::plan_unknown,
                                "Draw " + d.id + " can only be checked against " + what +
                                    ", which this device does not hold yet. Sync to fetch it.",
                                {},
                                std::nullopt};
    };
    auto publication = plan(d.plan_id);
    if (!publication)
        return publication.error();
    if (!*publication)
        return unknown("the publication of plan " + d.plan_id);
    if (d.algorithm == draw_algorithm_v2)
        return verify_plan_draw(**publication, d);
    const std::string& plan_draw_id = (*publication)->commitment.draw_id;
    auto plan_draw = load_one<DrawRecord>(db_, "SELECT json FROM draws WHERE id = ?1", plan_draw_id,
                                          decode_draw);
    if (!plan_draw)
        return plan_draw.error();
    if (!*plan_draw)
        return unknown("the plan's draw " + plan_draw_id);
    auto log = redraw_log(d.plan_id);
    if (!log)
        return log.error();
    return verify_redraw(RedrawContext{**publication, **plan_draw, *log}, d);
}

Result<StoredDraw> ReferenceStore::store_draw(const nlohmann::json& json) {
    auto draw = decode_draw(json);
    if (!draw)
        return draw.error();
    StoredDraw out{std::move(draw.value()), {}};
    auto verification = verify(out.draw);
    if (!verification)
        return verification.error();
    out.verification = std::move(*verification);
    FI_TRY(execute(db_,
                   "INSERT OR REPLACE INTO draws (id, json, verified, verify_message) "
                   "VALUES (?1, ?2, ?3, ?4)",
                   out.draw.id, encode_draw(out.draw).dump(), out.verification.verified(),
                   out.verification.message));
    return out;
}

Result<std::optional<CatalogueItem>> ReferenceStore::catalogue_item(std::string_view id) {
    return load_one<CatalogueItem>(db_, "SELECT json FROM catalogue_items WHERE id = ?1", id,
                                   decode_catalogue_item);
}

Result<std::optional<Inspector>> ReferenceStore::inspector(std::string_view id) {
    return load_one<Inspector>(db_, "SELECT json FROM inspectors WHERE id = ?1", id,
                               decode_inspector);
}

Result<std::optional<Assignment>> ReferenceStore::assignment(std::string_view id) {
    return load_one<Assignment>(db_, "SELECT json FROM assignments WHERE id = ?1", id,
                                decode_assignment);
}

Result<std::vector<Assignment>> ReferenceStore::assignments(bool include_revoked) {
    auto st =
        db_.prepare("SELECT id, json FROM assignments WHERE ?1 OR status = 'active' ORDER BY id");
    if (!st)
        return st.error();
    st->bind_all(include_revoked);
    std::vector<Assignment> out;
    for (;;) {
        auto row = st->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        auto decoded = decode_assignment(nlohmann::json::parse(st->column_text(1), nullptr, false));
        if (!decoded)
            return Error::make(store_error::damaged,
                               "Stored reference data " + st->column_string(0) +
                                   " cannot be read: " + decoded.error().message);
        out.push_back(std::move(decoded.value()));
    }
    return out;
}

Result<std::vector<std::string>> ReferenceStore::active_assignment_ids() {
    return query_texts(db_, "SELECT id FROM assignments WHERE status = 'active' ORDER BY id");
}

Result<std::optional<StoredDraw>> ReferenceStore::draw(std::string_view id) {
    auto d = load_one<DrawRecord>(db_, "SELECT json FROM draws WHERE id = ?1", id, decode_draw);
    if (!d)
        return d.error();
    if (!*d)
        return std::optional<StoredDraw>();
    StoredDraw out{std::move(**d), {}};
    auto verification = verify(out.draw);
    if (!verification)
        return verification.error();
    out.verification = std::move(*verification);
    return std::optional<StoredDraw>(std::move(out));
}

Result<PlanPublication> ReferenceStore::store_plan(const nlohmann::json& json) {
    auto plan = decode_plan_publication(json);
    if (!plan)
        return plan.error();
    FI_TRY(execute(db_, "INSERT OR REPLACE INTO plan_publications (id, json) VALUES (?1, ?2)",
                   plan->id, encode_plan_publication(*plan).dump()));
    return plan;
}

Status ReferenceStore::store_redraw_entries(std::string_view plan_id, const nlohmann::json& items) {
    if (!items.is_array())
        return Error::make("invalid", "re-draw log: \"items\" must be a list", "items");
    std::vector<RedrawLogEntry> entries;
    for (const auto& item : items) {
        auto entry = decode_redraw_log_entry(item);
        if (!entry)
            return entry.error();
        entries.push_back(std::move(*entry));
    }
    auto tx = Transaction::begin(db_);
    if (!tx)
        return tx.error();
    for (const RedrawLogEntry& e : entries)
        FI_TRY(execute(db_,
                       "INSERT OR REPLACE INTO redraw_log (plan_id, idx, json) VALUES (?1, ?2, ?3)",
                       plan_id, e.index, encode_redraw_log_entry(e).dump()));
    return tx->commit();
}

Result<std::optional<PlanPublication>> ReferenceStore::plan(std::string_view id) {
    return load_one<PlanPublication>(db_, "SELECT json FROM plan_publications WHERE id = ?1", id,
                                     decode_plan_publication);
}

Result<std::vector<RedrawLogEntry>> ReferenceStore::redraw_log(std::string_view plan_id) {
    auto st = db_.prepare("SELECT json FROM redraw_log WHERE plan_id = ?1 ORDER BY idx");
    if (!st)
        return st.error();
    st->bind_all(plan_id);
    std::vector<RedrawLogEntry> out;
    for (;;) {
        auto row = st->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        auto entry =
            decode_redraw_log_entry(nlohmann::json::parse(st->column_string(0), nullptr, false));
        if (!entry)
            return Error::make(store_error::damaged, "A stored re-draw log entry cannot be read: " +
                                                         entry.error().message);
        out.push_back(std::move(*entry));
    }
    return out;
}

Result<DrawVerification> ReferenceStore::verify_team(const Assignment& a) {
    auto d = draw(a.draw_id);
    if (!d)
        return d.error();
    if (!*d)
        return DrawVerification{DrawStep::assignment_team,
                                "The draw " + a.draw_id +
                                    " is not on this device yet: the team cannot be checked. "
                                    "Sync to fetch it.",
                                a.target.id, std::nullopt};
    return verify_team(a, **d);
}

DrawVerification ReferenceStore::verify_team(const Assignment& a, const StoredDraw& d) {
    std::vector<std::string> team;
    for (const auto& m : a.team)
        if (m.role != TeamRole::expert)
            team.push_back(m.inspector_id);
    return verify_assignment_team(d.draw, d.verification, a.target.id, team);
}

Result<RuleContext> ReferenceStore::rule_context(std::string_view assignment_id) {
    RuleContext ctx;
    auto a = assignment(assignment_id);
    if (!a)
        return a.error();
    ctx.assignment = std::move(a.value());
    if (!ctx.assignment)
        return ctx;
    for (const auto& id : ctx.assignment->item_ids) {
        auto item = catalogue_item(id);
        if (!item)
            return item.error();
        if (*item)
            ctx.items.push_back(std::move(**item));
    }
    for (const auto& m : ctx.assignment->team) {
        auto who = inspector(m.inspector_id);
        if (!who)
            return who.error();
        if (*who)
            ctx.roster.push_back(std::move(**who));
    }
    return ctx;
}

} // namespace fi
