#include "core/answers.h"

#include <algorithm>

namespace fi {

bool is_blank(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
            continue;
        if (s.substr(i, 3) == "\xE3\x80\x80") { // U+3000 IDEOGRAPHIC SPACE
            i += 2;
            continue;
        }
        if (s.substr(i, 2) == "\xC2\xA0") { // U+00A0 NO-BREAK SPACE
            i += 1;
            continue;
        }
        return false;
    }
    return true;
}

bool has_legal_basis(const CatalogueItem& item) {
    return std::any_of(item.legal_basis.begin(), item.legal_basis.end(),
                       [](const std::string& b) { return !is_blank(b); });
}

const Checkpoint* find_checkpoint(const std::vector<CatalogueItem>& items, std::string_view item_id,
                                  std::string_view checkpoint_id) {
    for (const auto& i : items)
        if (i.id == item_id)
            for (const auto& c : i.checkpoints)
                if (c.id == checkpoint_id)
                    return &c;
    return nullptr;
}

const Answer* find_answer(const InspectionRecord& r, std::string_view item_id,
                          std::string_view checkpoint_id) {
    for (const auto& a : r.answers)
        if (a.item_id == item_id && a.checkpoint_id == checkpoint_id)
            return &a;
    return nullptr;
}

bool is_fail(const Answer& a) {
    const auto* v = std::get_if<std::string>(&a.value);
    return v != nullptr && *v == "fail";
}

bool is_answered(const Checkpoint& cp, const Answer* a) {
    if (a == nullptr)
        return false;
    if (cp.kind == CheckpointKind::text)
        if (const auto* t = std::get_if<std::string>(&a->value))
            return !is_blank(*t);
    return true;
}

ChecklistProgress checklist_progress(const InspectionRecord& r,
                                     const std::vector<CatalogueItem>& items) {
    ChecklistProgress p;
    for (const auto& item : items) {
        if (!has_legal_basis(item))
            continue;
        for (const auto& cp : item.checkpoints)
            if (cp.required) {
                ++p.required_total;
                if (is_answered(cp, find_answer(r, item.id, cp.id)))
                    ++p.required_answered;
            }
    }
    p.fails = static_cast<int>(std::count_if(r.answers.begin(), r.answers.end(),
                                             [](const Answer& a) { return is_fail(a); }));
    return p;
}

std::optional<CheckpointRef> next_unanswered(const InspectionRecord& r,
                                             const std::vector<CatalogueItem>& items,
                                             const std::optional<CheckpointRef>& after) {
    std::vector<CheckpointRef> order; // the required checkpoints that can be answered, in order
    std::size_t start = 0;
    for (const auto& item : items) {
        if (!has_legal_basis(item))
            continue;
        for (const auto& cp : item.checkpoints) {
            if (after && after->item_id == item.id && after->checkpoint_id == cp.id)
                start = order.size() + (cp.required ? 1 : 0);
            if (cp.required)
                order.push_back({item.id, cp.id});
        }
    }
    for (std::size_t i = 0; i < order.size(); ++i) {
        const CheckpointRef& ref = order[(start + i) % order.size()];
        if (!is_answered(*find_checkpoint(items, ref.item_id, ref.checkpoint_id),
                         find_answer(r, ref.item_id, ref.checkpoint_id)))
            return ref;
    }
    return std::nullopt;
}

bool set_answer(InspectionRecord& r, const std::string& item_id, const std::string& checkpoint_id,
                std::optional<AnswerValue> value) {
    auto it = std::find_if(r.answers.begin(), r.answers.end(), [&](const Answer& a) {
        return a.item_id == item_id && a.checkpoint_id == checkpoint_id;
    });
    const bool was_fail = it != r.answers.end() && is_fail(*it);
    if (!value) {
        if (it == r.answers.end())
            return false;
        r.answers.erase(it);
    } else if (it == r.answers.end()) {
        r.answers.push_back(Answer{item_id, checkpoint_id, std::move(*value), {}});
    } else {
        if (it->value == *value)
            return false;
        it->value = std::move(*value);
    }
    const Answer* now = find_answer(r, item_id, checkpoint_id);
    const bool now_fail = now != nullptr && is_fail(*now);
    if (was_fail && !now_fail)
        std::erase_if(r.findings, [&](const Finding& f) {
            return f.item_id == item_id && f.checkpoint_id == checkpoint_id &&
                   is_blank(f.description) && f.photo_ids.empty();
        });
    if (now_fail && r.outcome == Outcome::no_problem) {
        r.outcome.reset();
        r.public_text.clear();
    }
    return true;
}

bool set_confidential(InspectionRecord& r, bool confidential) {
    if (r.confidential == confidential)
        return false;
    r.confidential = confidential;
    if (!confidential) {
        r.confidential_reason.reset();
        r.confidential_ground.reset();
    }
    return true;
}

} // namespace fi
