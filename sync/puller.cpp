#include "sync/puller.h"

#include "core/database.h"
#include "core/metastore.h"
#include "core/workcalendar.h"

#include <map>

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
    Result<PageReport> (ReferenceStore::*apply)(const nlohmann::json& page);
};
constexpr Feed feeds[] = {
    {"catalogue", &ReferenceStore::apply_catalogue_page},
    {"inspectors", &ReferenceStore::apply_inspector_page},
    {"assignments", &ReferenceStore::apply_assignment_page},
};

const Feed* feed_of(const std::string& endpoint) {
    for (const auto& f : feeds)
        if (endpoint == f.endpoint)
            return &f;
    return nullptr;
}
} // namespace

ApiStatus Puller::pull_endpoint(const std::string& endpoint, int page_limit, PullSummary& summary,
                                RetryBudget& retries) {
    const Feed* feed = feed_of(endpoint);
    if (feed == nullptr)
        return decode_error("no feed " + endpoint);
    ReferenceStore refs(db_);
    // Guards against a server that keeps answering has_more with the same cursor.
    for (int pages = 0; pages < 100000; ++pages) {
        auto since = refs.cursor(endpoint);
        if (!since)
            return store_failure(since.error());
        auto page = retries.run([&] { return client_.page(endpoint, *since, page_limit); });
        if (!page)
            return page.error();
        Result<PageReport> report = (refs.*(feed->apply))(page->json);
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
        for (auto& a : report->written)
            written_.insert_or_assign(a.id, std::move(a));
        for (const auto& id : report->revoked_ids)
            written_.erase(id);
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

ApiResult<PullSummary> Puller::pull_all(int page_limit) {
    PullSummary summary;
    written_.clear();
    RetryBudget retries(options_.retry, options_.retry_for, options_.sleep);
    for (const auto& feed : feeds) {
        auto s = pull_endpoint(feed.endpoint, page_limit, summary, retries);
        summary.retries = retries.retries();
        if (!s)
            return s.error();
    }
    ReferenceStore refs(db_);
    auto ids = refs.active_assignment_ids();
    if (!ids)
        return store_failure(ids.error());
    // Each draw is loaded (or fetched) and recomputed once, however many assignments name it:
    // recomputing costs O(the draw's size), so once per assignment would be quadratic.
    std::map<std::string, StoredDraw> draws;
    for (const auto& id : *ids) {
        std::optional<Assignment> loaded;
        auto written = written_.find(id);
        if (written == written_.end() || written->second.status != AssignmentStatus::active) {
            auto held = refs.assignment(id);
            if (!held)
                return store_failure(held.error());
            if (!*held)
                continue;
            loaded = std::move(**held);
        }
        const Assignment& a = loaded ? *loaded : written->second;
        auto known = draws.find(a.draw_id);
        if (known == draws.end()) {
            auto held = refs.draw(a.draw_id);
            if (!held)
                return store_failure(held.error());
            if (*held) {
                known = draws.emplace(a.draw_id, std::move(**held)).first;
            } else {
                auto draw = retries.run([&] { return client_.draw(a.draw_id); });
                if (!draw)
                    return draw.error();
                auto stored = refs.store_draw(*draw);
                // A draw that cannot be read is the server's problem (noted, not trusted); a
                // store that cannot keep it (disk full) stops the pull, or it would end "done"
                // without it.
                if (!stored && !stored.error().code.starts_with("invalid"))
                    return store_failure(stored.error());
                if (!stored) {
                    summary.messages.push_back("draw " + a.draw_id +
                                               " could not be read: " + stored.error().message);
                    continue;
                }
                known = draws.emplace(a.draw_id, std::move(stored.value())).first;
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
