#include "core/rules.h"

#include "core/answers.h"
#include "core/creditcode.h"
#include "core/date.h"
#include "core/text.h"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

namespace fi {

namespace {

// ---------------------------------------------------------------------------------------------
// Small helpers

Problem problem(std::string_view code, std::string message, std::string field) {
    return Problem{std::string(code), std::move(message), std::move(field)};
}

void append(Problems& to, Problems more) {
    to.insert(to.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
}

std::string at(std::string_view key, std::size_t i) {
    return std::string(key) + "[" + std::to_string(i) + "]";
}

bool blank(std::string_view s) {
    return is_blank(s);
}

bool blank_or_absent(const std::optional<std::string>& s) {
    return !s || blank(*s);
}

// Text the user typed, shown back in a message: short, cut on a character boundary.
std::string shown(std::string_view text) {
    return shorten_utf8(text, 60);
}

bool contains(const std::vector<std::string>& list, std::string_view s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

const CatalogueItem* find_item(const CatalogueLookup& catalogue, std::string_view id) {
    return catalogue ? catalogue(id) : nullptr;
}

const Checkpoint* find_checkpoint(const CatalogueItem& item, std::string_view id) {
    for (const auto& cp : item.checkpoints)
        if (cp.id == id)
            return &cp;
    return nullptr;
}

const TeamMember* find_member(const Assignment& a, std::string_view id) {
    for (const auto& m : a.team)
        if (m.inspector_id == id)
            return &m;
    return nullptr;
}

// "checkpoint ODS-15-1 (是否取得年度生产/使用配额)"
std::string name_of(const Checkpoint& cp) {
    return "checkpoint " + shown(cp.id) + " (" + shown(cp.text) + ")";
}

std::string describe(const AnswerValue& v) {
    if (const auto* n = std::get_if<std::int64_t>(&v))
        return "the number " + std::to_string(*n);
    return "\"" + shown(std::get<std::string>(v)) + "\"";
}

const std::string* text_of(const AnswerValue& v) {
    return std::get_if<std::string>(&v);
}

bool is_fail_value(const AnswerValue& v) {
    const std::string* s = text_of(v);
    return s != nullptr && *s == "fail";
}

// The pass_fail checkpoint this answer failed, or nullptr (not a fail, or not a checkpoint
// the catalogue knows as pass_fail).
const Checkpoint* failed_checkpoint(const Answer& a, const CatalogueLookup& catalogue) {
    if (!is_fail_value(a.value))
        return nullptr;
    const CatalogueItem* item = find_item(catalogue, a.item_id);
    const Checkpoint* cp = item != nullptr ? find_checkpoint(*item, a.checkpoint_id) : nullptr;
    return (cp != nullptr && cp->kind == CheckpointKind::pass_fail) ? cp : nullptr;
}

std::string join(const std::vector<std::string>& list) {
    std::string out;
    for (std::size_t i = 0; i < list.size(); ++i)
        out += (i == 0 ? "" : ", ") + shown(list[i]);
    return out;
}

Problem too_long(std::string_view what, std::size_t chars, std::string field) {
    return problem(rule_code::text_too_long,
                   std::string(what) + " is " + std::to_string(chars) +
                       " characters long; at most " + std::to_string(max_text_chars) +
                       " are accepted. Shorten it.",
                   std::move(field));
}

void check_length(Problems& out, std::string_view what, std::string_view text, std::string field) {
    if (const auto n = utf8_chars(text); n > max_text_chars)
        out.push_back(too_long(what, n, std::move(field)));
}

bool is_lower_hex_sha256(std::string_view s) {
    return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

// The value an answer must hold for its checkpoint's kind; nullopt when it does.
std::optional<Problem> check_value(const Answer& a, const Checkpoint& cp, std::size_t i) {
    const std::string field = at("answers", i) + ".value";
    const std::string* text = text_of(a.value);
    switch (cp.kind) {
    case CheckpointKind::pass_fail:
        if (text != nullptr && (*text == "pass" || *text == "fail" || *text == "na"))
            return std::nullopt;
        return problem(rule_code::invalid,
                       "Answer " + name_of(cp) +
                           " with pass, fail or not applicable (na); it holds " +
                           describe(a.value) + ".",
                       field);
    case CheckpointKind::number:
        if (text == nullptr)
            return std::nullopt;
        return problem(rule_code::invalid,
                       "Answer " + name_of(cp) + " with a whole number" +
                           (cp.unit ? " (" + shown(*cp.unit) + ")" : std::string()) +
                           "; it holds " + describe(a.value) + ".",
                       field);
    case CheckpointKind::text:
        if (text == nullptr)
            return problem(
                rule_code::invalid,
                "Answer " + name_of(cp) + " with text; it holds " + describe(a.value) + ".", field);
        if (const auto n = utf8_chars(*text); n > max_text_chars)
            return too_long("The answer to " + name_of(cp), n, field);
        return std::nullopt;
    case CheckpointKind::choice:
        if (text != nullptr && contains(cp.choices, *text))
            return std::nullopt;
        return problem(rule_code::invalid,
                       "Answer " + name_of(cp) + " with one of " + join(cp.choices) +
                           "; it holds " + describe(a.value) + ".",
                       field);
    }
    return std::nullopt;
}

// A finding's photo that is declared in `photos` for that very finding.
bool photo_declared_for(const InspectionRecord& r, const std::string& photo_id,
                        const std::string& finding_id) {
    return std::any_of(r.photos.begin(), r.photos.end(), [&](const PhotoRef& p) {
        return p.id == photo_id && p.finding_id && *p.finding_id == finding_id;
    });
}

bool has_declared_photo(const InspectionRecord& r, const Finding& f) {
    return std::any_of(f.photo_ids.begin(), f.photo_ids.end(),
                       [&](const std::string& id) { return photo_declared_for(r, id, f.id); });
}

bool on_assignment(const Assignment* a, const InspectionRecord& r) {
    return a != nullptr && a->id == r.assignment_id;
}

} // namespace

// ---------------------------------------------------------------------------------------------

std::string_view public_text_for(Outcome outcome) {
    switch (outcome) {
    case Outcome::no_problem:
        return "未发现问题";
    case Outcome::rectification_ordered:
        return "发现问题已责令整改";
    case Outcome::case_opened:
        return "发现违法行为已立案调查";
    }
    return {};
}

Problems check_three_no_checks(const InspectionRecord& r, const Assignment* a,
                               const CatalogueLookup& catalogue) {
    Problems out;
    if (!on_assignment(a, r)) {
        out.push_back(problem(rule_code::not_assigned,
                              "Assignment " + shown(r.assignment_id) +
                                  " is not among your assignments, and only drawn assignments "
                                  "are inspected. Refresh your assignments; if it is still "
                                  "missing, it was not drawn for you.",
                              "assignment_id"));
        return out;
    }
    if (a->status == AssignmentStatus::revoked)
        out.push_back(problem(rule_code::assignment_revoked,
                              "Assignment " + shown(a->id) +
                                  " was revoked by a re-draw, so this record can no longer be "
                                  "completed or uploaded. Continue with the assignment that "
                                  "replaced it.",
                              "assignment_id"));
    else if (r.assignment_revision != a->revision)
        out.push_back(problem(rule_code::assignment_revoked,
                              "This record was made for revision " +
                                  std::to_string(r.assignment_revision) + " of assignment " +
                                  shown(a->id) + ", which is now at revision " +
                                  std::to_string(a->revision) +
                                  ". Start the record again from the current assignment.",
                              "assignment_revision"));

    if (blank(a->plan.id))
        out.push_back(problem(rule_code::no_plan,
                              "Assignment " + shown(a->id) +
                                  " names no inspection plan, and nothing is inspected without "
                                  "one (无计划清单不检查). Ask the central system to correct it.",
                              "plan"));
    if (a->item_ids.empty())
        out.push_back(problem(rule_code::no_items,
                              "Assignment " + shown(a->id) +
                                  " names no inspection items, and nothing is inspected without "
                                  "them (无事项清单不检查). Ask the central system to correct it.",
                              "item_ids"));
    for (const auto& id : a->item_ids) {
        const CatalogueItem* item = find_item(catalogue, id);
        if (item == nullptr) {
            out.push_back(problem(rule_code::unknown_item,
                                  "Item " + shown(id) +
                                      " of the assignment is not in the catalogue, and nothing "
                                      "is inspected off the item list (无事项清单不检查). "
                                      "Refresh the catalogue; if it is still missing, ask the "
                                      "central system.",
                                  id));
            continue;
        }
        if (!has_legal_basis(*item))
            out.push_back(problem(rule_code::no_legal_basis,
                                  "Item " + shown(id) + " (" + shown(item->title) +
                                      ") has no legal basis in the catalogue, and nothing is "
                                      "inspected without one (无法律依据不检查). It can be "
                                      "recorded once the catalogue gives its basis.",
                                  id));
    }

    for (std::size_t i = 0; i < r.answers.size(); ++i)
        if (!contains(a->item_ids, r.answers[i].item_id))
            out.push_back(problem(rule_code::item_not_in_assignment,
                                  "Answer " + std::to_string(i + 1) + " is for item " +
                                      shown(r.answers[i].item_id) +
                                      ", which is not one of this assignment's items. Remove it.",
                                  at("answers", i) + ".item_id"));
    for (std::size_t k = 0; k < r.findings.size(); ++k)
        if (!contains(a->item_ids, r.findings[k].item_id))
            out.push_back(problem(rule_code::item_not_in_assignment,
                                  "Finding " + std::to_string(k + 1) + " is for item " +
                                      shown(r.findings[k].item_id) +
                                      ", which is not one of this assignment's items. Remove it.",
                                  at("findings", k) + ".item_id"));
    return out;
}

Problems check_completeness(const InspectionRecord& r, const Assignment& a,
                            const CatalogueLookup& catalogue) {
    Problems out;
    std::set<std::pair<std::string, std::string>> answered;
    for (std::size_t i = 0; i < r.answers.size(); ++i) {
        const Answer& ans = r.answers[i];
        check_length(out, "The note of answer " + std::to_string(i + 1), ans.note,
                     at("answers", i) + ".note");
        const CatalogueItem* item =
            contains(a.item_ids, ans.item_id) ? find_item(catalogue, ans.item_id) : nullptr;
        if (item == nullptr)
            continue; // outside the assignment or the catalogue: check_three_no_checks says so
        const Checkpoint* cp = find_checkpoint(*item, ans.checkpoint_id);
        if (cp == nullptr) {
            out.push_back(problem(rule_code::invalid,
                                  "Answer " + std::to_string(i + 1) + " is for checkpoint " +
                                      shown(ans.checkpoint_id) + ", which item " + shown(item->id) +
                                      " does not have. Remove the answer or refresh the "
                                      "catalogue.",
                                  at("answers", i) + ".checkpoint_id"));
            continue;
        }
        if (!answered.emplace(ans.item_id, ans.checkpoint_id).second) {
            out.push_back(problem(rule_code::invalid,
                                  "The " + name_of(*cp) + " of item " + shown(item->id) +
                                      " is answered twice (answer " + std::to_string(i + 1) +
                                      " repeats an earlier one). Keep one answer.",
                                  at("answers", i)));
            continue;
        }
        if (auto p = check_value(ans, *cp, i))
            out.push_back(std::move(*p));
    }

    for (const auto& item_id : a.item_ids) {
        const CatalogueItem* item = find_item(catalogue, item_id);
        // An unknown item or one without legal basis is refused once, by
        // check_three_no_checks; nothing of it is asked for here.
        if (item == nullptr || !has_legal_basis(*item))
            continue;
        for (const auto& cp : item->checkpoints) {
            if (!cp.required)
                continue;
            const auto it = std::find_if(r.answers.begin(), r.answers.end(), [&](const Answer& x) {
                return x.item_id == item_id && x.checkpoint_id == cp.id;
            });
            if (it == r.answers.end()) {
                out.push_back(problem(rule_code::missing_answer,
                                      "The required " + name_of(cp) + " of item " + shown(item_id) +
                                          " has no answer.",
                                      cp.id));
                continue;
            }
            if (!is_answered(cp, &*it))
                out.push_back(problem(
                    rule_code::missing_answer,
                    "The required " + name_of(cp) + " of item " + shown(item_id) +
                        " is answered with nothing but spaces. Fill it in.",
                    at("answers", static_cast<std::size_t>(it - r.answers.begin())) + ".value"));
        }
    }
    return out;
}

Problems check_findings(const InspectionRecord& r, const Assignment& a,
                        const CatalogueLookup& catalogue) {
    Problems out;

    // Photos first: the findings below refer to them.
    if (r.photos.size() > max_photos)
        out.push_back(problem(rule_code::too_many_photos,
                              "The record has " + std::to_string(r.photos.size()) +
                                  " photos; at most " + std::to_string(max_photos) +
                                  " are accepted. Remove some.",
                              "photos"));
    std::set<std::string, std::less<>> photo_ids;
    std::set<std::string, std::less<>> finding_ids;
    for (const auto& f : r.findings)
        finding_ids.insert(f.id);
    for (std::size_t p = 0; p < r.photos.size(); ++p) {
        const PhotoRef& ph = r.photos[p];
        const std::string key = at("photos", p);
        if (blank(ph.id) || !photo_ids.insert(ph.id).second)
            out.push_back(
                problem(rule_code::invalid,
                        "Photo " + std::to_string(p + 1) +
                            (blank(ph.id) ? " has no id." : " repeats the id of another."),
                        key + ".id"));
        if (!is_lower_hex_sha256(ph.sha256))
            out.push_back(problem(rule_code::invalid,
                                  "Photo " + std::to_string(p + 1) +
                                      " has no valid SHA-256 (64 lower-case hex digits); take "
                                      "or import it again.",
                                  key + ".sha256"));
        if (ph.bytes <= 0)
            out.push_back(
                problem(rule_code::invalid,
                        "Photo " + std::to_string(p + 1) + " is empty; take or import it again.",
                        key + ".bytes"));
        else if (ph.bytes > max_photo_bytes)
            out.push_back(problem(rule_code::photo_too_large,
                                  "Photo " + std::to_string(p + 1) + " is " +
                                      std::to_string(ph.bytes) +
                                      " bytes; at most 25 MiB are "
                                      "accepted. Take it again at a "
                                      "lower resolution.",
                                  key + ".bytes"));
        if (ph.finding_id && !finding_ids.contains(*ph.finding_id))
            out.push_back(problem(rule_code::invalid,
                                  "Photo " + std::to_string(p + 1) + " belongs to finding " +
                                      shown(*ph.finding_id) +
                                      ", which the record does not have. Attach it to a "
                                      "finding of this record or remove it.",
                                  key + ".finding_id"));
    }

    // Checkpoints that failed, each once, with the first answer saying so.
    std::vector<std::pair<const Checkpoint*, std::size_t>> failed;
    std::set<std::pair<std::string, std::string>> failed_keys;
    for (std::size_t i = 0; i < r.answers.size(); ++i) {
        const Answer& ans = r.answers[i];
        if (!contains(a.item_ids, ans.item_id))
            continue;
        if (const Checkpoint* cp = failed_checkpoint(ans, catalogue))
            if (failed_keys.emplace(ans.item_id, ans.checkpoint_id).second)
                failed.emplace_back(cp, i);
    }

    std::set<std::string, std::less<>> seen_findings;
    for (std::size_t k = 0; k < r.findings.size(); ++k) {
        const Finding& f = r.findings[k];
        const std::string key = at("findings", k);
        if (blank(f.id) || !seen_findings.insert(f.id).second)
            out.push_back(problem(rule_code::invalid,
                                  "Finding " + std::to_string(k + 1) +
                                      (blank(f.id) ? " has no id." : " repeats the id of another."),
                                  key + ".id"));
        if (!contains(a.item_ids, f.item_id))
            continue; // check_three_no_checks says so
        if (const CatalogueItem* item = find_item(catalogue, f.item_id);
            item != nullptr && find_checkpoint(*item, f.checkpoint_id) == nullptr)
            out.push_back(problem(rule_code::invalid,
                                  "Finding " + std::to_string(k + 1) + " is about checkpoint " +
                                      shown(f.checkpoint_id) + ", which item " + shown(f.item_id) +
                                      " does not have.",
                                  key + ".checkpoint_id"));
        if (blank(f.description)) {
            const bool on_fail = failed_keys.contains({f.item_id, f.checkpoint_id});
            out.push_back(problem(
                on_fail ? rule_code::fail_without_finding : rule_code::finding_description_required,
                "Finding " + std::to_string(k + 1) + " (checkpoint " + shown(f.checkpoint_id) +
                    ") has no description. Describe what was found.",
                key + ".description"));
        }
        check_length(out, "The description of finding " + std::to_string(k + 1), f.description,
                     key + ".description");
        for (std::size_t j = 0; j < f.photo_ids.size(); ++j)
            if (!photo_declared_for(r, f.photo_ids[j], f.id))
                out.push_back(problem(rule_code::photo_not_declared,
                                      "Finding " + std::to_string(k + 1) + " cites photo " +
                                          shown(f.photo_ids[j]) +
                                          ", which is not among the record's photos for this "
                                          "finding. Take or attach the photo again.",
                                      key + ".photo_ids[" + std::to_string(j) + "]"));
    }

    for (const auto& [cp, i] : failed) {
        const Answer& ans = r.answers[i];
        std::vector<std::size_t> mine;
        for (std::size_t k = 0; k < r.findings.size(); ++k)
            if (r.findings[k].item_id == ans.item_id && r.findings[k].checkpoint_id == cp->id)
                mine.push_back(k);
        if (mine.empty()) {
            out.push_back(problem(rule_code::fail_without_finding,
                                  "The " + name_of(*cp) + " of item " + shown(ans.item_id) +
                                      " failed but has no finding. Add a finding that describes "
                                      "what is wrong.",
                                  at("answers", i) + ".value"));
            continue;
        }
        if (cp->photo_on_fail && std::none_of(mine.begin(), mine.end(), [&](std::size_t k) {
                return has_declared_photo(r, r.findings[k]);
            }))
            out.push_back(problem(rule_code::photo_required,
                                  "The " + name_of(*cp) + " of item " + shown(ans.item_id) +
                                      " needs photo evidence when it fails. Take a photo for "
                                      "finding " +
                                      std::to_string(mine.front() + 1) + ".",
                                  at("findings", mine.front()) + ".photo_ids"));
    }
    return out;
}

Problems check_outcome(const InspectionRecord& r, const CatalogueLookup& catalogue) {
    Problems out;
    if (!r.outcome) {
        out.push_back(problem(rule_code::outcome_required,
                              "Choose the outcome of the inspection: no problem found, "
                              "rectification ordered, or case opened.",
                              "outcome"));
    } else {
        if (*r.outcome == Outcome::no_problem) {
            // A "fail" counts unless the catalogue says the checkpoint is not pass_fail: when
            // in doubt, a failed answer is not published as "no problem".
            for (std::size_t i = 0; i < r.answers.size(); ++i) {
                const Answer& ans = r.answers[i];
                if (!is_fail_value(ans.value))
                    continue;
                const CatalogueItem* item = find_item(catalogue, ans.item_id);
                const Checkpoint* cp =
                    item != nullptr ? find_checkpoint(*item, ans.checkpoint_id) : nullptr;
                if (cp != nullptr && cp->kind != CheckpointKind::pass_fail)
                    continue;
                out.push_back(problem(rule_code::outcome_inconsistent,
                                      "Checkpoint " + shown(ans.checkpoint_id) + " of item " +
                                          shown(ans.item_id) +
                                          " failed, so the outcome cannot be \"no problem "
                                          "found\" (未发现问题). Choose rectification ordered or "
                                          "case opened.",
                                      "outcome"));
                break;
            }
        }
        const std::string_view expected = public_text_for(*r.outcome);
        if (r.public_text != expected)
            out.push_back(problem(
                rule_code::outcome_inconsistent,
                "The public text of the outcome " + std::string(to_string(*r.outcome)) + " is \"" +
                    std::string(expected) + "\"; the record says \"" + shown(r.public_text) + "\".",
                "public_text"));
    }
    if (r.confidential && blank_or_absent(r.confidential_reason))
        out.push_back(problem(rule_code::confidential_reason_required,
                              "A result kept from publication needs its reason (secrecy, national "
                              "security or public safety: 涉及保密、国家安全、公共安全). Give the "
                              "reason, or publish the result.",
                              "confidential_reason"));
    if (r.confidential && !r.confidential_ground)
        out.push_back(problem(rule_code::confidential_ground_required,
                              "A result kept from publication needs its legal ground: state "
                              "secret (涉及国家秘密), national security (涉及国家安全), public "
                              "safety (涉及公共安全) or another law that forbids publishing it "
                              "(法律明确不予公开公示的其他情形). Choose the ground, or publish the "
                              "result.",
                              "confidential_ground"));
    if (r.confidential_reason)
        check_length(out, "The confidentiality reason", *r.confidential_reason,
                     "confidential_reason");
    return out;
}

Problems check_presence(const InspectionRecord& r, const Assignment& a,
                        const RosterLookup& roster) {
    Problems out;
    std::set<std::string, std::less<>> seen;
    std::vector<std::string> certified;
    for (std::size_t i = 0; i < r.inspectors_present.size(); ++i) {
        const std::string& id = r.inspectors_present[i];
        const std::string key = at("inspectors_present", i);
        if (!seen.insert(id).second) {
            out.push_back(problem(rule_code::invalid,
                                  "Inspector " + shown(id) + " is listed as present twice.", key));
            continue;
        }
        const TeamMember* member = find_member(a, id);
        if (member == nullptr) {
            out.push_back(problem(rule_code::not_assigned,
                                  "Inspector " + shown(id) + " is not on the team of assignment " +
                                      shown(a.id) +
                                      ", and drawn teams are not changed (不准随意调换). Remove "
                                      "them, or let the team leader ask for a re-draw.",
                                  key));
            continue;
        }
        if (member->role == TeamRole::expert)
            continue;
        const Inspector* in = roster ? roster(id) : nullptr;
        if (in != nullptr && !in->third_party && !blank_or_absent(in->cert_no))
            certified.push_back(id);
    }

    if (a.mode == InspectionMode::onsite) {
        if (certified.size() < min_certified_onsite)
            out.push_back(problem(
                rule_code::too_few_certified_present,
                "An on-site inspection needs at least " + std::to_string(min_certified_onsite) +
                    " officers of the team holding an enforcement certificate; " +
                    (certified.empty() ? std::string("none is")
                                       : std::to_string(certified.size()) + " (" + join(certified) +
                                             ") " + (certified.size() == 1 ? "is" : "are")) +
                    " marked present. Experts and staff without a certificate do not count.",
                "inspectors_present"));
        if (!r.location)
            out.push_back(problem(rule_code::location_required,
                                  "An on-site inspection needs the place where it happened. "
                                  "Allow location access and wait for a position fix.",
                                  "location"));
        if (r.offsite_method)
            out.push_back(problem(
                rule_code::offsite_method_not_allowed,
                "Assignment " + shown(a.id) + " is inspected on site, so the off-site method " +
                    std::string(to_string(*r.offsite_method)) + " does not apply. Remove it.",
                "offsite_method"));
    } else if (!r.offsite_method) {
        out.push_back(problem(rule_code::offsite_method_required,
                              "Assignment " + shown(a.id) +
                                  " is inspected off site: say how (online monitoring data, "
                                  "drone patrol or document review).",
                              "offsite_method"));
    }
    return out;
}

Problems check_correction(const InspectionRecord& r) {
    Problems out;
    if (r.supersedes && blank(*r.supersedes)) {
        out.push_back(problem(rule_code::invalid,
                              "The record claims to correct another but does not say which.",
                              "supersedes"));
        return out;
    }
    const bool corrects = r.supersedes.has_value();
    const bool has_reason = !blank_or_absent(r.correction_reason);
    if (corrects && !has_reason)
        out.push_back(problem(rule_code::correction_reason_required,
                              "This record corrects record " + shown(*r.supersedes) +
                                  "; say why the correction is made.",
                              "correction_reason"));
    if (!corrects && has_reason)
        out.push_back(problem(rule_code::supersedes_required,
                              "A correction reason is given but the record corrects no earlier "
                              "record. Start the correction from the record it corrects, or "
                              "remove the reason.",
                              "supersedes"));
    if (corrects && *r.supersedes == r.id)
        out.push_back(problem(rule_code::invalid, "A record cannot correct itself.", "supersedes"));
    if (r.correction_reason)
        check_length(out, "The correction reason", *r.correction_reason, "correction_reason");
    return out;
}

Problems check_times(const InspectionRecord& r) {
    Problems out;
    if (!Date::parse(r.inspection_day).ok())
        out.push_back(problem(rule_code::invalid,
                              "The inspection day \"" + shown(r.inspection_day) +
                                  "\" is not a date written YYYY-MM-DD.",
                              "inspection_day"));
    const auto started = parse_rfc3339(r.started_at);
    if (!started.ok())
        out.push_back(problem(rule_code::invalid,
                              "The start time \"" + shown(r.started_at) +
                                  "\" is not an RFC 3339 time such as "
                                  "2026-11-28T09:30:00.000+08:00.",
                              "started_at"));
    if (!parse_rfc3339(r.clock.device_started_at).ok())
        out.push_back(problem(rule_code::invalid,
                              "The device start time \"" + shown(r.clock.device_started_at) +
                                  "\" is not an RFC 3339 time.",
                              "clock.device_started_at"));
    if (r.finished_at.empty()) {
        // Sealed at completion and never changed after: a record without it would be refused
        // by the central system for good.
        out.push_back(problem(rule_code::invalid,
                              "The inspection has no finish time yet; it is set when the "
                              "inspection is finished.",
                              "finished_at"));
        return out;
    }
    const auto finished = parse_rfc3339(r.finished_at);
    if (!finished.ok())
        out.push_back(
            problem(rule_code::invalid,
                    "The finish time \"" + shown(r.finished_at) + "\" is not an RFC 3339 time.",
                    "finished_at"));
    else if (started.ok() && *finished < *started)
        out.push_back(problem(rule_code::invalid,
                              "The inspection finished (" + shown(r.finished_at) +
                                  ") before it started (" + shown(r.started_at) + ").",
                              "finished_at"));
    return out;
}

Problems check_signatures(const InspectionRecord& r) {
    Problems out;
    if (!r.signatures) // a record made before signatures (see InspectionRecord)
        return out;
    const std::vector<Signature>& list = *r.signatures;
    const auto missing = [&](std::string message) {
        out.push_back(problem(rule_code::missing_signature, std::move(message), "signatures"));
    };
    if (r.offsite_method) { // off site: nobody of the unit was met
        if (!list.empty())
            missing("An off-site record carries no signatures; remove them.");
        return out;
    }
    std::set<std::string> signed_by;
    int representatives = 0;
    std::set<std::string> ids;
    for (const auto& p : r.photos)
        ids.insert(p.id);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const Signature& g = list[i];
        const std::string at = "signatures[" + std::to_string(i) + "]";
        if (g.role == "inspector") {
            if (std::find(r.inspectors_present.begin(), r.inspectors_present.end(),
                          g.inspector_id) == r.inspectors_present.end())
                missing("Inspector " + shown(g.inspector_id) +
                        " signed but is not listed as present; remove that signature or mark "
                        "the inspector present.");
            else if (!signed_by.insert(g.inspector_id).second)
                missing("Inspector " + shown(g.inspector_id) +
                        " signed twice; keep one signature.");
        } else if (g.role == "representative") {
            if (++representatives > 1)
                missing("The inspected unit's representative signed (or refused) more than "
                        "once; keep one entry.");
            if (g.refused) {
                if (blank(g.reason))
                    missing("The representative's refusal to sign needs the reason, as the "
                            "inspector saw it.");
                continue;
            }
            if (blank(g.name))
                missing("The representative's signature needs the person's name.");
        } else {
            out.push_back(problem(rule_code::invalid,
                                  "Signature " + std::to_string(i + 1) + " has role " +
                                      shown(g.role) + "; it is inspector or representative.",
                                  at + ".role"));
            continue;
        }
        if (g.mime != "image/png" && g.mime != "image/svg+xml")
            out.push_back(problem(rule_code::invalid,
                                  "A signature is a PNG or SVG image, not " + shown(g.mime) + ".",
                                  at + ".mime"));
        if (!is_lower_hex_sha256(g.sha256) || g.bytes <= 0 || blank(g.signed_at))
            out.push_back(problem(rule_code::invalid,
                                  "Signature " + std::to_string(i + 1) +
                                      " has no valid image (SHA-256, size, time); sign again.",
                                  at));
        if (g.bytes > max_photo_bytes)
            out.push_back(problem(rule_code::photo_too_large,
                                  "A signature image is larger than 25 MiB; sign again.",
                                  at + ".bytes"));
        if (g.id.empty() || !ids.insert(g.id).second)
            out.push_back(problem(rule_code::invalid,
                                  "Signature " + std::to_string(i + 1) +
                                      " has no id of its own (ids of photos and signatures are "
                                      "unique).",
                                  at + ".id"));
    }
    for (const auto& id : r.inspectors_present)
        if (!signed_by.contains(id))
            missing("Inspector " + shown(id) +
                    " is present but has not signed; each inspector present signs before the "
                    "record is completed.");
    if (representatives == 0)
        missing("The inspected unit's representative has not signed; let the person in charge "
                "sign, or record that they refused and why.");
    return out;
}

Status check_uploader(const Assignment& a, std::string_view caller) {
    const TeamMember* m = find_member(a, caller);
    if (m == nullptr)
        return Error::make(rule_code::not_assigned,
                           "Inspector " + shown(caller) + " is not on the team of assignment " +
                               shown(a.id) + ", so cannot file its record.",
                           "team");
    if (m->role == TeamRole::expert)
        return Error::make(rule_code::not_assigned,
                           "Inspector " + shown(caller) + " takes part in assignment " +
                               shown(a.id) +
                               " as a third-party expert; its record is filed by the leader or a "
                               "member of the team.",
                           "team");
    return {};
}

std::optional<Problem> credit_code_warning(const Target& target) {
    const CreditCodeCheck check = check_credit_code(target.credit_code);
    if (check.valid())
        return std::nullopt;
    return problem(rule_code::invalid_credit_code,
                   "The unified social credit code of " + shown(target.name) + " (" +
                       shown(target.credit_code) + ") looks wrong. " + check.reason +
                       " Compare it with the business licence and report it to the directory's "
                       "keepers; the inspection can go ahead.",
                   "target.credit_code");
}

namespace {

Problems all_problems(const InspectionRecord& r, const Assignment* a,
                      const CatalogueLookup& catalogue, const RosterLookup& roster) {
    Problems out = check_three_no_checks(r, a, catalogue);
    if (!on_assignment(a, r))
        return out;
    append(out, check_completeness(r, *a, catalogue));
    append(out, check_findings(r, *a, catalogue));
    append(out, check_outcome(r, catalogue));
    append(out, check_presence(r, *a, roster));
    append(out, check_correction(r));
    append(out, check_times(r));
    append(out, check_signatures(r));
    return out;
}

// central-api.md's 422 list in its order, then 413.
constexpr std::array<std::string_view, 11> intake_order{
    rule_code::not_assigned,
    rule_code::assignment_revoked,
    rule_code::item_not_in_assignment,
    rule_code::no_legal_basis,
    rule_code::missing_answer,
    rule_code::fail_without_finding,
    rule_code::outcome_inconsistent,
    rule_code::missing_signature,
    rule_code::confidential_ground_required,
    rule_code::invalid,
    rule_code::too_large,
};

std::size_t intake_rank(std::string_view wire_code) {
    const auto it = std::find(intake_order.begin(), intake_order.end(), wire_code);
    return static_cast<std::size_t>(it - intake_order.begin());
}

} // namespace

Problems validate_for_completion(const InspectionRecord& record, const Assignment* assignment,
                                 const CatalogueLookup& catalogue, const RosterLookup& roster) {
    return all_problems(record, assignment, catalogue, roster);
}

std::string_view intake_code(std::string_view code) {
    if (intake_rank(code) < intake_order.size())
        return *std::find(intake_order.begin(), intake_order.end(), code);
    if (code == rule_code::text_too_long || code == rule_code::too_many_photos ||
        code == rule_code::photo_too_large)
        return rule_code::too_large;
    if (code == rule_code::unknown_item)
        return rule_code::no_legal_basis;
    if (code == rule_code::photo_required)
        return rule_code::fail_without_finding;
    return rule_code::invalid;
}

std::optional<Problem> validate_for_intake(const InspectionRecord& record,
                                           const Assignment* assignment,
                                           const CatalogueLookup& catalogue,
                                           const RosterLookup& roster,
                                           std::string_view caller_inspector_id) {
    if (on_assignment(assignment, record))
        if (auto caller = check_uploader(*assignment, caller_inspector_id); !caller.ok())
            return problem(caller.error().code, caller.error().message, caller.error().field);

    Problems found = all_problems(record, assignment, catalogue, roster);
    std::optional<Problem> first;
    for (auto& p : found) {
        p.code = std::string(intake_code(p.code));
        if (!first || intake_rank(p.code) < intake_rank(first->code))
            first = std::move(p);
    }
    return first;
}

} // namespace fi
