#include "server/publicationservice.h"

#include "core/model.h"
#include "core/modeljson.h"
#include "core/rules.h"
#include "core/workcalendar.h"
#include "server/apierror.h"
#include "server/inspectionstore.h"
#include "server/planstore.h"
#include "server/publicationstore.h"
#include "server/referencedatastore.h"
#include "server/requestjson.h"
#include "server/serverdatabase.h"
#include "server/userstore.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

namespace fi::server {

namespace {

using json = nlohmann::json;

/// The server's calendar (`calendar_years`) as core reads it; years it lacks count Mon–Fri.
Result<WorkCalendar> server_calendar(ReferenceDataStore& reference) {
    auto years = reference.calendar();
    if (!years)
        return years.error();
    json all = json::object();
    for (const auto& [year, body] : *years) {
        json y = json::parse(body, nullptr, false);
        if (y.is_object())
            all[std::to_string(year)] = std::move(y);
    }
    return WorkCalendar::from_json(json{{"years", all}});
}

/// The UTC+08:00 day of an RFC 3339 time the server wrote (`received_at`).
Date day_of(std::string_view instant) {
    if (auto t = parse_rfc3339(instant))
        return china_date(*t);
    if (auto d = Date::parse(instant.substr(0, 10)))
        return *d;
    return Date{};
}

std::vector<std::string> strings_of(const json* array, std::string_view member_name = {}) {
    std::vector<std::string> out;
    if (!array || !array->is_array())
        return out;
    for (const json& v : *array) {
        if (member_name.empty() && v.is_string())
            out.push_back(v.get<std::string>());
        else if (!member_name.empty() && v.is_object())
            if (auto s = string_member(v, member_name))
                out.push_back(*s);
    }
    return out;
}

} // namespace

Date PublicationService::today() const {
    return china_date(clock_());
}

Result<std::vector<PublicationEntry>> PublicationService::entries() {
    std::vector<PublicationEntry> out;
    const Status read = database_.transaction([&]() -> Status {
        auto calendar = server_calendar(reference_);
        if (!calendar)
            return calendar.error();
        auto records = inspections_.inspections();
        if (!records)
            return records.error();
        auto decided = publication_.rows();
        if (!decided)
            return decided.error();
        const Date now = today();

        // Each assignment's chain, oldest first (a correction supersedes the newest, so the
        // chain is the assignment's records in the order they arrived).
        std::map<std::string, std::vector<const InspectionRow*>> chains;
        std::vector<std::string> order;
        for (const InspectionRow& r : *records) {
            auto [it, fresh] = chains.try_emplace(r.assignment_id);
            if (fresh)
                order.push_back(r.assignment_id);
            it->second.push_back(&r);
        }
        for (const std::string& assignment_id : order) {
            const auto& chain = chains.at(assignment_id);
            const InspectionRow& original = *chain.front();
            const InspectionRow& newest = *chain.back();
            const json body = json::parse(newest.body, nullptr, false);
            PublicationEntry e;
            e.record_id = newest.id;
            e.original_id = original.id;
            e.assignment_id = assignment_id;
            e.target_id = newest.target_id;
            e.inspection_day = newest.inspection_day;
            e.outcome = newest.outcome;
            e.corrected = chain.size() > 1;
            e.uploaded_by = newest.username;
            e.inspectors = strings_of(member(body, "inspectors_present"));
            const json* offsite = member(body, "offsite_method");
            e.onsite = !offsite || offsite->is_null();
            for (const InspectionRow* r : chain)
                e.late_uploads += r->late ? 1 : 0;

            auto assignment = plans_.find_assignment(assignment_id);
            if (!assignment)
                return assignment.error();
            if (*assignment) {
                e.plan_id = (*assignment)->plan_id;
                const json a = json::parse((*assignment)->body, nullptr, false);
                if (const json* t = member(a, "target"))
                    e.target_name = string_member(*t, "name").value_or("");
                if (const json* p = member(a, "plan"))
                    e.unit = string_member(*p, "unit").value_or("");
                for (std::string& id : (*assignment)->team)
                    if (std::find(e.inspectors.begin(), e.inspectors.end(), id) ==
                        e.inspectors.end())
                        e.inspectors.push_back(std::move(id));
            }

            const auto parsed_day = Date::parse(original.inspection_day);
            const Date day = parsed_day ? *parsed_day : Date{};
            const WorkingDayResult deadline = calendar->publication_deadline(day);
            e.deadline = deadline.date;
            e.deadline_provisional = deadline.provisional;

            // First publication of the chain: the deadline or an officer's earlier day, never
            // before the original arrived.
            Date first = e.deadline;
            for (const InspectionRow* r : chain) {
                const auto d = decided->find(r->id);
                if (d != decided->end() && d->second.published_on)
                    if (auto on = Date::parse(*d->second.published_on); on && *on < first) {
                        first = *on;
                        e.published_by = d->second.published_by;
                    }
            }
            first = std::max(first, day_of(original.received_at));
            e.on_time = first <= e.deadline;
            e.publication_day = e.corrected ? std::max(first, day_of(newest.received_at)) : first;
            e.is_public = now >= first;

            const json* confidential = member(body, "confidential");
            e.confidential =
                confidential && confidential->is_boolean() && confidential->get<bool>();
            if (e.confidential) {
                e.ground = string_member(body, "confidential_ground").value_or("");
                e.confidential_reason = string_member(body, "confidential_reason").value_or("");
                e.hold = "pending";
                const auto d = decided->find(newest.id);
                if (d != decided->end() && d->second.hold) {
                    e.hold = *d->second.hold;
                    e.hold_by = d->second.hold_by.value_or("");
                    e.hold_reason = d->second.hold_reason.value_or("");
                }
                e.withheld = e.hold == "approved";
            }
            out.push_back(std::move(e));
        }
        return {};
    });
    if (!read)
        return read.error();
    std::sort(out.begin(), out.end(), [](const PublicationEntry& a, const PublicationEntry& b) {
        return std::tie(a.deadline, a.record_id) < std::tie(b.deadline, b.record_id);
    });
    return out;
}

Result<std::vector<PublicResult>> PublicationService::public_results(std::string_view plan_id) {
    auto all = entries();
    if (!all)
        return all.error();
    std::vector<PublicResult> out;
    for (const PublicationEntry& e : *all) {
        if (!e.is_public || (!plan_id.empty() && e.plan_id != plan_id))
            continue;
        PublicResult r;
        r.plan_id = e.plan_id;
        r.target_id = e.target_id;
        r.target_name = e.target_name;
        r.unit = e.unit;
        r.inspection_day = e.inspection_day;
        r.published_on = e.publication_day.to_string();
        r.withheld = e.withheld;
        r.corrected = e.corrected;
        if (e.withheld) {
            r.ground = e.ground;
        } else if (const auto outcome = parse_outcome(e.outcome)) {
            r.public_text = std::string(public_text_for(*outcome));
        }
        out.push_back(std::move(r));
    }
    std::sort(out.begin(), out.end(), [](const PublicResult& a, const PublicResult& b) {
        return std::tie(a.plan_id, a.inspection_day, a.target_id) <
               std::tie(b.plan_id, b.inspection_day, b.target_id);
    });
    return out;
}

PublicationCounts PublicationService::counts(const std::vector<PublicationEntry>& entries) {
    PublicationCounts c;
    for (const PublicationEntry& e : entries) {
        if (e.is_public) {
            ++c.published;
            ++(e.on_time ? c.on_time : c.late);
            c.withheld += e.withheld ? 1 : 0;
        } else {
            ++c.due;
            c.holds_pending += e.hold == "pending" ? 1 : 0;
        }
        c.holds_refused += e.hold == "refused" ? 1 : 0;
    }
    return c;
}

Result<PublicationEntry> PublicationService::publish(std::string_view record_id,
                                                     std::string_view by) {
    std::optional<PublicationEntry> done;
    const Status tx = database_.transaction([&]() -> Status {
        auto e = newest_entry(record_id);
        if (!e)
            return e.error();
        if (e->is_public)
            return Error::make(api_code::already_published,
                               "The result of " + e->record_id + " is public since " +
                                   e->publication_day.to_string() + ".",
                               "record");
        if (e->withheld)
            return Error::make(api_code::hold_decided,
                               "An approver (" + e->hold_by + ") approved holding back " +
                                   e->record_id + "; it is not published.",
                               "record");
        auto row = row_of(e->record_id);
        if (!row)
            return row.error();
        PublicationRow& r = *row;
        r.published_on = today().to_string();
        r.published_by = std::string(by);
        FI_TRY(publication_.put(r));
        auto again = newest_entry(record_id);
        if (!again)
            return again.error();
        done = std::move(*again);
        return {};
    });
    if (!tx)
        return tx.error();
    return *done;
}

Result<PublicationRow> PublicationService::row_of(const std::string& record_id) {
    auto row = publication_.find(record_id);
    if (!row)
        return row.error();
    PublicationRow r = row->value_or(PublicationRow{});
    r.inspection_id = record_id;
    return r;
}

Result<PublicationEntry> PublicationService::newest_entry(std::string_view record_id) {
    auto all = entries();
    if (!all)
        return all.error();
    for (PublicationEntry& e : *all)
        if (e.record_id == record_id)
            return std::move(e);
    auto known = inspections_.find_inspection(record_id);
    if (!known)
        return known.error();
    if (*known)
        return Error::make(api_code::invalid,
                           "Record " + std::string(record_id) +
                               " was corrected; use the newest record of its assignment " +
                               (*known)->assignment_id + ".",
                           "record");
    return Error::make(api_code::not_found, "No accepted record " + std::string(record_id) + ".",
                       "record");
}

bool PublicationService::involved(const PublicationEntry& entry, std::string_view username,
                                  const std::optional<std::string>& inspector_id) {
    return username == entry.uploaded_by ||
           (inspector_id && std::find(entry.inspectors.begin(), entry.inspectors.end(),
                                      *inspector_id) != entry.inspectors.end());
}

Result<PublicationEntry> PublicationService::decide_hold(std::string_view record_id,
                                                         std::string_view approver, bool approve,
                                                         std::string_view reason) {
    std::optional<PublicationEntry> done;
    const Status tx = database_.transaction([&]() -> Status {
        auto e = newest_entry(record_id);
        if (!e)
            return e.error();
        auto user = users_.find_user(approver);
        if (!user)
            return user.error();
        const auto& roles = *user ? (*user)->roles : std::vector<std::string>{};
        if (!*user || std::find(roles.begin(), roles.end(), "approver") == roles.end())
            return Error::make(api_code::forbidden,
                               "Only a user with the approver role decides on holding back a "
                               "result; " +
                                   std::string(approver) + " has not got it.",
                               "by");
        if (involved(*e, (*user)->username, (*user)->inspector_id))
            return Error::make(api_code::forbidden,
                               std::string(approver) + " is one of the inspectors of " +
                                   e->record_id +
                                   " and cannot decide on holding back its own result.",
                               "by");
        if (!e->confidential)
            return Error::make(api_code::invalid,
                               "Record " + e->record_id + " does not ask to be held back.",
                               "record");
        if (e->hold == "approved" || e->hold == "refused")
            return Error::make(api_code::hold_decided,
                               "The hold of " + e->record_id + " was " + e->hold + " by " +
                                   e->hold_by + " already.",
                               "record");
        if (e->is_public)
            return Error::make(api_code::hold_decided,
                               "The result of " + e->record_id + " is public since " +
                                   e->publication_day.to_string() +
                                   "; a hold can no longer be approved.",
                               "record");
        auto row = row_of(e->record_id);
        if (!row)
            return row.error();
        PublicationRow& r = *row;
        r.hold = approve ? "approved" : "refused";
        r.hold_by = std::string(approver);
        r.hold_at = china_timestamp(clock_());
        r.hold_reason = std::string(reason);
        FI_TRY(publication_.put(r));
        auto again = newest_entry(record_id);
        if (!again)
            return again.error();
        done = std::move(*again);
        return {};
    });
    if (!tx)
        return tx.error();
    return *done;
}

Status PublicationService::set_rectification_deadline(std::string_view record_id,
                                                      std::string_view day) {
    return database_.transaction([&]() -> Status {
        auto e = newest_entry(record_id);
        if (!e)
            return e.error();
        if (e->outcome != "rectification_ordered")
            return Error::make(api_code::invalid,
                               "Record " + e->record_id + " ordered no rectification (outcome " +
                                   e->outcome + ").",
                               "record");
        auto date = Date::parse(day);
        if (!date || date->to_string() < e->inspection_day)
            return Error::make(
                api_code::invalid,
                "The deadline is a day (YYYY-MM-DD) on or after the inspection day " +
                    e->inspection_day + ".",
                "date");
        auto row = row_of(e->record_id);
        if (!row)
            return row.error();
        PublicationRow& r = *row;
        if (r.follow_up_assignment)
            return Error::make(api_code::invalid,
                               "The follow-up of " + e->record_id + " exists already (" +
                                   *r.follow_up_assignment + ").",
                               "record");
        r.rectification_deadline = date->to_string();
        return publication_.put(r);
    });
}

Status PublicationService::set_case_number(std::string_view record_id, std::string_view number) {
    return database_.transaction([&]() -> Status {
        auto e = newest_entry(record_id);
        if (!e)
            return e.error();
        if (e->outcome != "case_opened")
            return Error::make(api_code::invalid,
                               "Record " + e->record_id + " opened no case (outcome " + e->outcome +
                                   ").",
                               "record");
        if (number.empty() || number.size() > 100)
            return Error::make(api_code::invalid, "A case number is 1 to 100 characters.",
                               "number");
        auto row = row_of(e->record_id);
        if (!row)
            return row.error();
        PublicationRow& r = *row;
        r.case_number = std::string(number);
        return publication_.put(r);
    });
}

Result<std::vector<std::string>> PublicationService::create_due_follow_ups() {
    std::vector<std::string> made;
    const Status tx = database_.transaction([&]() -> Status {
        // Only the rows due (the index), so a day with nothing due costs one index probe.
        auto due = publication_.follow_ups_due_before(today().to_string());
        if (!due)
            return due.error();
        if (due->empty())
            return {};
        auto calendar = server_calendar(reference_);
        if (!calendar)
            return calendar.error();
        for (PublicationRow& r : *due) {
            if (!Date::parse(*r.rectification_deadline))
                continue;
            auto e = newest_entry(r.inspection_id);
            if (!e) // corrected since: the correction's own outcome decides
                continue;
            if (e->outcome != "rectification_ordered")
                continue;
            auto original = plans_.find_assignment(e->assignment_id);
            if (!original)
                return original.error();
            if (!*original)
                continue;
            const json a = json::parse((*original)->body, nullptr, false);
            const Date from = Date::parse(*r.rectification_deadline)->add_days(1);
            const Date to = calendar->add_working_days(from, 20).date;
            char prefix[32];
            std::snprintf(prefix, sizeof prefix, "A-%04dQ%d-", from.y, (from.m - 1) / 3 + 1);
            auto n = plans_.next_counter(std::string("assignment:") + prefix);
            if (!n)
                return n.error();
            char number[16];
            std::snprintf(number, sizeof number, "%04lld", static_cast<long long>(*n));
            json plan = a.value("plan", json::object());
            plan["kind"] = "follow_up";
            plan["name"] = plan.value("name", std::string()) + "（整改复查，定向检查，非随机抽取）";
            json team = json::array();
            for (const json& m : a.value("team", json::array()))
                team.push_back(m);
            json follow = {{"id", std::string(prefix) + number},
                           {"revision", 1},
                           {"status", "active"},
                           {"plan", plan},
                           {"target", a.value("target", json::object())},
                           {"item_ids", a.value("item_ids", json::array())},
                           {"mode", a.value("mode", std::string("onsite"))},
                           {"team", team},
                           {"joint_departments", json::array()},
                           {"window", {{"from", from.to_string()}, {"to", to.to_string()}}},
                           {"draw_id", a.value("draw_id", std::string())}};
            auto decoded = decode_assignment(follow);
            if (!decoded)
                return Error::make(api_code::internal,
                                   "The follow-up of " + e->record_id +
                                       " is not a valid assignment: " + decoded.error().message);
            AssignmentRow row;
            row.id = follow["id"].get<std::string>();
            row.revision = 1;
            row.status = "active";
            row.body = encode_assignment(*decoded).dump();
            row.plan_id = (*original)->plan_id;
            row.target_id = (*original)->target_id;
            row.draw_id = (*original)->draw_id;
            row.window_from = from.to_string();
            row.window_to = to.to_string();
            row.team = (*original)->team;
            FI_TRY(plans_.put_assignment(row));
            r.follow_up_assignment = row.id;
            FI_TRY(publication_.put(r));
            made.push_back(row.id);
        }
        return {};
    });
    if (!tx)
        return tx.error();
    return made;
}

Result<std::vector<std::pair<PublicationEntry, PublicationRow>>> PublicationService::follow_ups() {
    auto all = entries();
    if (!all)
        return all.error();
    auto rows = publication_.rows();
    if (!rows)
        return rows.error();
    std::vector<std::pair<PublicationEntry, PublicationRow>> out;
    for (PublicationEntry& e : *all) {
        const auto r = rows->find(e.record_id);
        if (r != rows->end() && (r->second.rectification_deadline || r->second.case_number))
            out.emplace_back(std::move(e), r->second);
    }
    return out;
}

} // namespace fi::server
