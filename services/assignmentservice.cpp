#include "services/assignmentservice.h"

#include "core/answers.h"
#include "core/recordstore.h"
#include "core/referencestore.h"
#include "services/errors.h"
#include "services/workspace.h"

#include <map>
#include <optional>
#include <utility>

namespace fi::services {

Result<Assignment> held_assignment(Database& db, const std::string& assignment_id) {
    auto a = ReferenceStore(db).assignment(assignment_id);
    if (!a)
        return a.error();
    if (!*a)
        return Error::make(service_error::not_found,
                           "The assignment " + assignment_id +
                               " is not on this tablet. Pull first; if it is still missing, it "
                               "was not drawn for you.");
    return std::move(**a);
}

namespace {

Result<std::vector<AssignmentRow>> read_list(Database& db) {
    ReferenceStore refs(db);
    auto list = refs.assignments();
    if (!list)
        return list.error();
    auto records = RecordStore(db).latest_summaries();
    if (!records)
        return records.error();
    const auto latest = latest_by_assignment(*records);
    std::map<std::string, std::string> names;
    // Many assignments share one draw: read it (with its stored verification) once.
    std::map<std::string, std::optional<StoredDraw>, std::less<>> draws;
    std::vector<AssignmentRow> out;
    out.reserve(list->size());
    for (auto& a : *list) {
        AssignmentRow row;
        for (const auto& m : a.team) {
            auto it = names.find(m.inspector_id);
            if (it == names.end()) {
                auto who = refs.inspector(m.inspector_id);
                std::string name = who && *who ? (*who)->name : m.inspector_id;
                it = names.emplace(m.inspector_id, std::move(name)).first;
            }
            row.member_names.push_back(it->second);
        }
        if (auto it = latest.find(a.id); it != latest.end()) {
            row.state = visit_state(*it->second);
            row.record_id = it->second->record_id;
        }
        auto draw = draws.find(a.draw_id);
        if (draw == draws.end()) {
            auto d = refs.draw(a.draw_id);
            if (!d)
                return d.error();
            draw = draws.emplace(a.draw_id, std::move(*d)).first;
        }
        row.draw_verified = draw->second && refs.verify_team(a, *draw->second).verified();
        row.assignment = std::move(a);
        out.push_back(std::move(row));
    }
    return out;
}

} // namespace

Result<std::vector<AssignmentRow>> AssignmentService::list() {
    auto db = w_.store();
    if (!db)
        return db.error();
    if (auto ahead = std::exchange(w_.list_ahead, std::nullopt)) {
        auto stamp = (*db)->content_stamp();
        if (stamp && *stamp == ahead->stamp)
            return std::move(ahead->rows);
    }
    return read_list(**db);
}

void AssignmentService::read_ahead() {
    w_.list_ahead.reset();
    auto db = w_.store();
    if (!db)
        return;
    auto rows = read_list(**db);
    // Stamped after the read: the list is what the store held at this stamp.
    auto stamp = (*db)->content_stamp();
    if (rows && stamp)
        w_.list_ahead = Workspace::ListAhead{*stamp, std::move(*rows)};
}

bool AssignmentService::has_read_ahead() const {
    return w_.list_ahead.has_value();
}

Result<AssignmentView> assignment_view(Database& db, const Assignment& a,
                                       const std::vector<RecordSummary>& records,
                                       const std::string& self_inspector_id) {
    ReferenceStore refs(db);
    AssignmentView v;
    v.assignment = a;
    v.self_inspector_id = self_inspector_id;
    for (const auto& m : a.team) {
        TeamMemberView t;
        t.inspector_id = m.inspector_id;
        t.role = m.role;
        auto who = refs.inspector(m.inspector_id);
        if (!who)
            return who.error();
        if (*who) {
            t.known = true;
            t.name = (*who)->name;
            t.unit = (*who)->unit;
            t.position = (*who)->position;
            t.cert_no = (*who)->cert_no;
            t.third_party = (*who)->third_party;
        } else {
            t.name = m.inspector_id;
        }
        v.team.push_back(std::move(t));
    }
    for (const auto& id : a.item_ids) {
        auto item = refs.catalogue_item(id);
        if (!item)
            return item.error();
        if (!*item)
            v.unknown_items.push_back(id);
        else {
            if (!has_legal_basis(**item))
                v.items_without_legal_basis.push_back(id);
            v.items.push_back(**item);
        }
    }
    auto verification = refs.verify_team(a);
    if (!verification)
        return verification.error();
    v.draw_verified = verification->verified();
    v.draw_step = verification->step;
    v.draw_message = verification->message;
    auto draw = refs.draw(a.draw_id);
    if (!draw)
        return draw.error();
    v.draw_present = draw->has_value();
    if (*draw) {
        const DrawRecord& d = (*draw)->draw;
        for (const auto& x : d.excluded)
            if (x.target_id == a.target.id)
                v.exclusion_reason = x.reason;
        v.draw_algorithm = d.algorithm;
        auto plan = refs.plan(d.plan_id);
        if (!plan)
            return plan.error();
        if (*plan && d.algorithm != draw_algorithm_v1)
            v.draw_parties = (*plan)->commitment.parties;
        auto log = refs.redraw_log(d.plan_id);
        if (!log)
            return log.error();
        for (auto& entry : *log)
            if (entry.target_id == a.target.id)
                v.redraw_history.push_back(std::move(entry));
    }
    v.credit = check_credit_code(a.target.credit_code);
    const auto latest = latest_by_assignment(records);
    if (auto it = latest.find(a.id); it != latest.end()) {
        v.state = visit_state(*it->second);
        v.record_id = it->second->record_id;
    }
    return v;
}

Result<AssignmentView> AssignmentService::view(const std::string& assignment_id) {
    auto db = w_.store();
    if (!db)
        return db.error();
    auto a = held_assignment(**db, assignment_id);
    if (!a)
        return a.error();
    auto records = RecordStore(**db).summaries();
    if (!records)
        return records.error();
    return assignment_view(**db, *a, *records, w_.user.inspector_id);
}

} // namespace fi::services
