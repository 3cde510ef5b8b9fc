#include "sync/puller.h"

#include "core/database.h"
#include "core/metastore.h"
#include "core/workcalendar.h"
#include "sync/jsonguard.h"

#include <atomic>
#include <map>
#include <memory>
#include <optional>

namespace fi::sync {

namespace {
/// A store failure during a pull: the server is not at fault, so nothing to retry blindly.
ApiError store_failure(const Error& e) {
    ApiError a;
    a.kind = ApiErrorKind::rejected;
    a.code = e.code;
    a.message = e.message;
    return a;
}
} // namespace

namespace {
/// The paged feeds, in the order they are pulled (assignments name catalogue items and
/// inspectors), each with the store's operation that applies one page. A new feed is a row.
struct Feed {
    const char* endpoint;
    /// Applies the page, which it may use up (its parsed tree released early).
    Result<PageReport> (*apply)(ReferenceStore& refs, RawPage& page);
};
constexpr Feed feeds[] = {
    {"catalogue",
     [](ReferenceStore& refs, RawPage& page) { return refs.apply_catalogue_page(page.json); }},
    {"inspectors",
     [](ReferenceStore& refs, RawPage& page) { return refs.apply_inspector_page(page.json); }},
    // Assignments are stored as the central system sent them: each item's own text in the
    // answer, rather than the parsed item serialised again; the parsed page is handed over,
    // to be freed once decoded (a pull of 5,000, docs/performance-notes.md).
    {"assignments",
     [](ReferenceStore& refs, RawPage& page) {
         const auto texts = member_elements(page.text, "items");
         return refs.apply_assignment_page(std::move(page.json),
                                           texts ? std::span<const std::string_view>(*texts)
                                                 : std::span<const std::string_view>());
     }},
};

const Feed* feed_of(const std::string& endpoint) {
    for (const auto& f : feeds)
        if (endpoint == f.endpoint)
            return &f;
    return nullptr;
}

/// The cursor a page says its successor starts at, when it says there is one: read before the
/// page is applied, so that the successor is on the network meanwhile. The page's own
/// decoding still decides; a successor asked for a page it refuses, or for another cursor
/// than the one the store then holds, is dropped unused.
std::optional<std::string> announced_next(const nlohmann::json& page,
                                          const std::optional<std::string>& since) {
    if (!page.is_object())
        return std::nullopt;
    const auto more = page.find("has_more");
    const auto next = page.find("next_cursor");
    if (more == page.end() || !more->is_boolean() || !more->get<bool>() || next == page.end() ||
        !next->is_string() || next->get_ref<const std::string&>().empty() ||
        next->get_ref<const std::string&>() == since.value_or(""))
        return std::nullopt;
    return next->get<std::string>();
}
} // namespace

ApiStatus Puller::pull_endpoint(const std::string& endpoint, int page_limit, PullSummary& summary,
                                RetryBudget& retries) {
    const Feed* feed = feed_of(endpoint);
    if (feed == nullptr)
        return decode_error("no feed " + endpoint);
    ReferenceStore refs(db_);
    // The next page is started before this one is written: the transport's worker fetches it
    // while this thread decodes and stores (the network's wait overlaps the store's cipher).
    // Its answer is the first try for that page when the cursor the store then holds is the
    // one it was asked for; the retry budget's waits come before any other. One not taken
    // (this page refused, another cursor) is cancelled, and waited for until it stops.
    struct Ahead {
        Ahead(CentralClient& client, const std::string& endpoint, std::string from, int limit)
            : since(std::move(from)), page(client.start_page(endpoint, since, limit, &cancel)) {}
        Ahead(const Ahead&) = delete;
        Ahead& operator=(const Ahead&) = delete;
        ~Ahead() { cancel = true; }
        std::string since;
        std::atomic<bool> cancel{false};
        CentralClient::Pending<RawPage> page;
    };
    std::unique_ptr<Ahead> ahead;
    // Guards against a server that keeps answering has_more with the same cursor.
    for (int pages = 0; pages < 100000; ++pages) {
        auto since = refs.cursor(endpoint);
        if (!since)
            return store_failure(since.error());
        std::unique_ptr<Ahead> first;
        if (ahead && *since == ahead->since)
            first = std::move(ahead);
        ahead.reset();
        auto page = retries.run([&] {
            if (!first)
                return client_.page(endpoint, *since, page_limit);
            auto answer = first->page.get();
            first.reset();
            return answer;
        });
        if (!page)
            return page.error();
        if (auto next = announced_next(page->json, *since))
            ahead = std::make_unique<Ahead>(client_, endpoint, std::move(*next), page_limit);
        Result<PageReport> report = feed->apply(refs, *page);
        if (!report) {
            // The page is not a page at all: the server's fault, retry later.
            if (report.error().code == "invalid")
                return decode_error(report.error().message);
            return store_failure(report.error());
        }
        summary.applied += report->applied;
        summary.deleted += report->deleted;
        summary.rejected += report->rejected.size();
        summary.frozen_drafts += report->frozen_drafts;
        // In the order the page applied them: its items, then its removals.
        for (const auto& a : report->written) {
            if (a.status == AssignmentStatus::active)
                active_.insert(a.id);
            else
                active_.erase(a.id);
            written_.insert_or_assign(a.id, &a);
        }
        written_pages_.push_back(std::move(report->written));
        for (const auto& id : report->revoked_ids) {
            active_.erase(id);
            written_.erase(id);
        }
        for (const auto& r : report->rejected)
            summary.messages.push_back(endpoint + " " + (r.id.empty() ? "item" : r.id) +
                                       " rejected: " + r.error.message);
        if (!report->has_more)
            return {};
        if (report->next_cursor.empty() || report->next_cursor == since->value_or(""))
            return decode_error("the server said there is more but gave no new cursor");
    }
    return decode_error("too many pages");
}

ApiResult<std::optional<StoredDraw>> Puller::fetch_draw(const std::string& draw_id,
                                                        ReferenceStore& refs, RetryBudget& retries,
                                                        PullSummary& summary) {
    auto draw = retries.run([&] { return client_.draw(draw_id); });
    if (!draw)
        return draw.error();
    return keep_draw(*draw, refs, retries, summary);
}

ApiResult<std::optional<StoredDraw>> Puller::keep_draw(const nlohmann::json& json,
                                                       PullSummary& summary) {
    ReferenceStore refs(db_);
    RetryBudget retries(options_.retry, options_.retry_for, options_.sleep);
    return keep_draw(json, refs, retries, summary);
}

ApiResult<std::optional<StoredDraw>> Puller::keep_draw(const nlohmann::json& json,
                                                       ReferenceStore& refs, RetryBudget& retries,
                                                       PullSummary& summary) {
    using Out = std::optional<StoredDraw>;
    // The server's problem (noted, not trusted) when it is bad input; a store that cannot keep
    // what it was given (disk full) stops the pull, or it would end "done" without it.
    const auto noted = [&](const Error& e, const std::string& what) -> ApiResult<bool> {
        if (!e.code.starts_with("invalid"))
            return store_failure(e);
        summary.messages.push_back(what + " could not be read: " + e.message);
        return false;
    };
    const nlohmann::json* const draw = &json;
    const std::string draw_id = draw->is_object() ? draw->value("id", "") : "";
    const std::string algorithm = draw->is_object() ? draw->value("algorithm", "") : "";
    const std::string plan_id = draw->is_object() ? draw->value("plan_id", "") : "";
    const bool v2 = algorithm == draw_algorithm_v2 || algorithm == draw_algorithm_v2_redraw;
    if (v2 && !plan_id.empty() && plans_fetched_.insert(plan_id).second) {
        auto plan = retries.run([&] { return client_.plan(plan_id); });
        if (!plan && plan.error().kind != ApiErrorKind::rejected)
            return plan.error();
        if (plan) // a plan the server does not show leaves the draw unverified, saying why
            if (auto kept = refs.store_plan(*plan); !kept)
                if (auto go = noted(kept.error(), "plan " + plan_id); !go)
                    return go.error();
    }
    if (algorithm == draw_algorithm_v2_redraw && !plan_id.empty()) {
        if (logs_fetched_.insert(plan_id).second) {
            std::optional<std::string> since;
            for (int pages = 0; pages < 10000; ++pages) {
                auto page = retries.run([&] { return client_.redraw_log(plan_id, since); });
                if (!page)
                    return page.error();
                const nlohmann::json items = page->json.value("items", nlohmann::json());
                if (auto kept = refs.store_redraw_entries(plan_id, items); !kept) {
                    if (auto go = noted(kept.error(), "the re-draw log of plan " + plan_id); !go)
                        return go.error();
                    break;
                }
                const std::string next = page->json.value("next_cursor", "");
                if (!page->json.value("has_more", false) || next.empty() || next == since)
                    break;
                since = next;
            }
        }
        // The plan's own draw, which every re-draw builds on.
        auto held_plan = refs.plan(plan_id);
        if (!held_plan)
            return store_failure(held_plan.error());
        if (*held_plan) {
            const std::string base = (*held_plan)->commitment.draw_id;
            auto held = refs.draw(base);
            if (!held)
                return store_failure(held.error());
            if (!*held && base != draw_id) {
                auto fetched = fetch_draw(base, refs, retries, summary);
                if (!fetched)
                    return fetched.error();
            }
        }
    }
    auto stored = refs.store_draw(*draw);
    if (!stored) {
        auto go = noted(stored.error(), "draw " + draw_id);
        if (!go)
            return go.error();
        return Out();
    }
    return Out(std::move(*stored));
}

ApiResult<PullSummary> Puller::pull_all(int page_limit) {
    PullSummary summary;
    written_.clear();
    written_pages_.clear();
    plans_fetched_.clear();
    logs_fetched_.clear();
    RetryBudget retries(options_.retry, options_.retry_for, options_.sleep);
    ReferenceStore refs(db_);
    // The active assignments held before the pull; with what the pages write and revoke, the
    // ones held after it, without reading back every row just written (a first pull of 5,000
    // would read and decrypt them all again, docs/performance-notes.md).
    auto held_ids = refs.active_assignment_ids();
    if (!held_ids)
        return store_failure(held_ids.error());
    active_ = std::set<std::string>(std::make_move_iterator(held_ids->begin()),
                                    std::make_move_iterator(held_ids->end()));
    for (const auto& feed : feeds) {
        auto s = pull_endpoint(feed.endpoint, page_limit, summary, retries);
        summary.retries = retries.retries();
        if (!s)
            return s.error();
    }
    // Each draw is loaded (or fetched) and recomputed once, however many assignments name it:
    // recomputing costs O(the draw's size), so once per assignment would be quadratic.
    std::map<std::string, StoredDraw> draws;
    for (const auto& id : active_) {
        std::optional<Assignment> loaded;
        auto written = written_.find(id);
        if (written == written_.end() || written->second->status != AssignmentStatus::active) {
            auto held = refs.assignment(id);
            if (!held)
                return store_failure(held.error());
            if (!*held)
                continue;
            loaded = std::move(**held);
        }
        const Assignment& a = loaded ? *loaded : *written->second;
        auto known = draws.find(a.draw_id);
        if (known == draws.end()) {
            auto held = refs.draw(a.draw_id);
            if (!held)
                return store_failure(held.error());
            if (*held) {
                known = draws.emplace(a.draw_id, std::move(**held)).first;
            } else {
                auto stored = fetch_draw(a.draw_id, refs, retries, summary);
                if (!stored)
                    return stored.error();
                if (!*stored)
                    continue;
                known = draws.emplace(a.draw_id, std::move(**stored)).first;
            }
        }
        const DrawVerification verified = ReferenceStore::verify_team(a, known->second);
        if (verified.verified()) {
            ++summary.draws_verified;
        } else {
            ++summary.draws_not_verified;
            summary.messages.push_back("assignment " + a.id + ": " + verified.message);
        }
    }
    auto calendar = retries.run([&] { return client_.calendar(); });
    summary.retries = retries.retries();
    if (calendar) {
        if (WorkCalendar::from_json(*calendar)) {
            if (auto kept = MetaStore(db_).set("calendar", calendar->dump()); !kept)
                return store_failure(kept.error());
        } else
            summary.messages.push_back("the central system's calendar could not be read");
    } else if (calendar.error().kind != ApiErrorKind::rejected) {
        return calendar.error();
    }
    return summary;
}

} // namespace fi::sync
