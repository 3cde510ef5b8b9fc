#include "server/referenceservice.h"

#include "core/creditcode.h"
#include "core/modeljson.h"
#include "core/workcalendar.h"
#include "server/apierror.h"
#include "server/drawrule.h"
#include "server/requestjson.h"
#include "server/serverdatabase.h"

#include <charconv>

namespace fi::server {

namespace {

using json = nlohmann::json;

constexpr std::string_view cursor_prefix = "c1.";

Error item_error(std::size_t index, const Error& e) {
    return Error::make(api_code::invalid, "Item " + std::to_string(index) + ": " + e.message,
                       "[" + std::to_string(index) + "]" + (e.field.empty() ? "" : "." + e.field));
}

Status require_array(const json& items) {
    if (!items.is_array())
        return Error::make(api_code::invalid, "The import must be a JSON array of items.");
    return {};
}

json page_json(const FeedPage& page, std::int64_t since) {
    json items = json::array();
    std::int64_t last = since;
    for (const FeedRow& row : page.rows) {
        last = row.seq;
        if (row.deleted) {
            items.push_back({{"id", row.id}, {"deleted", true}});
            continue;
        }
        auto item = json::parse(row.body, nullptr, false);
        if (item.is_discarded()) // stored by us, so never: but never serve a broken item
            continue;
        items.push_back(std::move(item));
    }
    return {{"items", std::move(items)},
            {"next_cursor", ReferenceService::make_cursor(last)},
            {"has_more", page.has_more}};
}

} // namespace

std::string ReferenceService::make_cursor(std::int64_t seq) {
    return std::string(cursor_prefix) + std::to_string(seq);
}

Result<std::int64_t> ReferenceService::parse_cursor(const std::optional<std::string>& since) {
    if (!since || since->empty())
        return std::int64_t{0};
    const std::string_view s(*since);
    std::int64_t seq = -1;
    if (s.starts_with(cursor_prefix)) {
        const char* first = s.data() + cursor_prefix.size();
        const char* last = s.data() + s.size();
        const auto r = std::from_chars(first, last, seq);
        if (r.ec == std::errc() && r.ptr == last && seq >= 0 && first != last)
            return seq;
    }
    return Error::make(api_code::invalid,
                       "This cursor was not given by this server. Start again without 'since'.",
                       "since");
}

Result<std::size_t> ReferenceService::parse_limit(const std::optional<std::string>& limit) {
    if (!limit)
        return default_limit;
    std::size_t n = 0;
    const char* first = limit->data();
    const char* last = first + limit->size();
    const auto r = std::from_chars(first, last, n);
    if (r.ec == std::errc::result_out_of_range && r.ptr == last)
        return max_limit;
    if (r.ec != std::errc() || r.ptr != last || first == last || n == 0)
        return Error::make(api_code::invalid, "limit must be a whole number from 1 to 500.",
                           "limit");
    // Tolerant: a larger limit is served as the largest page.
    return std::min(n, max_limit);
}

Result<std::size_t> ReferenceService::import_catalogue(const json& items) {
    FI_TRY(require_array(items));
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (auto item = decode_catalogue_item(items[i]); !item)
            return item_error(i, item.error());
        if (auto rules = decode_draw_rules(items[i]); !rules)
            return item_error(i, rules.error());
    }
    if (const Status tx = database_.transaction([&]() -> Status {
            for (const json& item : items) {
                const auto decoded = decode_catalogue_item(item);
                json body = encode_catalogue_item(*decoded);
                // The item list's 比例/频次 (DrawRule), kept for the draws; clients ignore it.
                if (const json* rules = member(item, "draw_rules"); rules && !rules->is_null())
                    body["draw_rules"] = *rules;
                FI_TRY(reference_.put_feed_item(Feed::catalogue, decoded->id, body.dump()));
            }
            return {};
        });
        !tx)
        return tx.error();
    return items.size();
}

Result<std::size_t> ReferenceService::import_inspectors(const json& items) {
    FI_TRY(require_array(items));
    for (std::size_t i = 0; i < items.size(); ++i)
        if (auto inspector = decode_inspector(items[i]); !inspector)
            return item_error(i, inspector.error());
    if (const Status tx = database_.transaction([&]() -> Status {
            for (const json& item : items) {
                const auto decoded = decode_inspector(item);
                FI_TRY(reference_.put_feed_item(Feed::inspectors, decoded->id,
                                                encode_inspector(*decoded).dump()));
            }
            return {};
        });
        !tx)
        return tx.error();
    return items.size();
}

Result<std::size_t> ReferenceService::import_targets(const json& items) {
    FI_TRY(require_array(items));
    for (std::size_t i = 0; i < items.size(); ++i) {
        const json& t = items[i];
        const auto id = string_member(t, "id");
        if (!id || id->empty())
            return item_error(i, Error::make(api_code::invalid, "a target needs an id", "id"));
        for (const char* name : {"name", "credit_code", "district", "category"})
            if (!string_member(t, name))
                return item_error(i, Error::make(api_code::invalid,
                                                 std::string(name) + " must be a string", name));
        if (!parse_target_category(*string_member(t, "category")))
            return item_error(i,
                              Error::make(api_code::invalid,
                                          "category must be key, general or special", "category"));
        const auto code = check_credit_code(*string_member(t, "credit_code"));
        if (!code.valid())
            return item_error(i, Error::make(api_code::invalid, code.reason, "credit_code"));
        if (const json* joint = member(t, "joint_list"); joint && !joint->is_null()) {
            if (!joint->is_array())
                return item_error(
                    i, Error::make(api_code::invalid, "joint_list must be a list", "joint_list"));
            for (const json& c : *joint)
                if (!c.is_string())
                    return item_error(i, Error::make(api_code::invalid,
                                                     "joint_list holds item codes (strings)",
                                                     "joint_list"));
        }
    }
    if (const Status tx = database_.transaction([&]() -> Status {
            for (const json& t : items)
                FI_TRY(reference_.put_target(*string_member(t, "id"), t.dump()));
            return {};
        });
        !tx)
        return tx.error();
    return items.size();
}

Result<std::size_t> ReferenceService::import_calendar(const json& calendar) {
    auto checked = WorkCalendar::from_json(calendar);
    if (!checked)
        return Error::make(api_code::invalid, checked.error().message, checked.error().field);
    const json* years = member(calendar, "years");
    const json& source = years ? *years : calendar;
    std::size_t stored = 0;
    if (const Status tx = database_.transaction([&]() -> Status {
            for (auto it = source.begin(); it != source.end(); ++it) {
                if (it.key().starts_with("_"))
                    continue;
                const json* holidays = member(it.value(), "holidays");
                const json* workdays = member(it.value(), "workdays");
                if (!holidays || !workdays)
                    continue; // from_json accepted it, so this is not a year
                int year = 0;
                const std::string& key = it.key();
                const auto r = std::from_chars(key.data(), key.data() + key.size(), year);
                if (r.ec != std::errc() || r.ptr != key.data() + key.size())
                    continue;
                FI_TRY(reference_.put_calendar_year(
                    year, json{{"holidays", *holidays}, {"workdays", *workdays}}.dump()));
                ++stored;
            }
            return {};
        });
        !tx)
        return tx.error();
    return stored;
}

Status ReferenceService::remove(Feed feed, std::string_view id) {
    auto removed = reference_.delete_feed_item(feed, id);
    if (!removed)
        return removed.error();
    if (!*removed)
        return Error::make(api_code::not_found, "No live item " + std::string(id) + ".", "id");
    return {};
}

Result<json> ReferenceService::page(Feed feed, const std::optional<std::string>& since,
                                    const std::optional<std::string>& limit) {
    auto after = parse_cursor(since);
    if (!after)
        return after.error();
    auto n = parse_limit(limit);
    if (!n)
        return n.error();
    auto rows = reference_.feed_page(feed, *after, *n);
    if (!rows)
        return rows.error();
    return page_json(*rows, *after);
}

Result<json> ReferenceService::assignment_page(const Caller& caller,
                                               const std::optional<std::string>& since,
                                               const std::optional<std::string>& limit) {
    auto after = parse_cursor(since);
    if (!after)
        return after.error();
    auto n = parse_limit(limit);
    if (!n)
        return n.error();
    if (!caller.inspector_id) // an administrator without a roster entry is on no team
        return page_json(FeedPage{}, *after);
    auto rows = plans_.assignment_page(*caller.inspector_id, *after, *n);
    if (!rows)
        return rows.error();
    return page_json(*rows, *after);
}

Result<json> ReferenceService::redraw_log_page(std::string_view plan_id,
                                               const std::optional<std::string>& since,
                                               const std::optional<std::string>& limit) {
    auto after = parse_cursor(since);
    if (!after)
        return after.error();
    auto n = parse_limit(limit);
    if (!n)
        return n.error();
    auto plan = plans_.find_plan(plan_id);
    if (!plan)
        return plan.error();
    if (!*plan)
        return Error::make(api_code::not_found, "No plan " + std::string(plan_id) + ".");
    auto rows = plans_.redraw_page(plan_id, *after, *n);
    if (!rows)
        return rows.error();
    return page_json(*rows, *after);
}

Result<json> ReferenceService::calendar() {
    auto years = reference_.calendar();
    if (!years)
        return years.error();
    json out = json::object();
    for (const auto& [year, body] : *years) {
        auto y = json::parse(body, nullptr, false);
        if (!y.is_discarded())
            out[std::to_string(year)] = std::move(y);
    }
    return json{{"years", std::move(out)}};
}

} // namespace fi::server
