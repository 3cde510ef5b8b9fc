#include "core/recorddocument.h"

#include "core/date.h"
#include "core/referencestore.h"

namespace fi {

const CatalogueItem* RecordDocument::item(std::string_view id) const {
    for (const auto& i : items)
        if (i.id == id)
            return &i;
    return nullptr;
}

const Inspector* RecordDocument::inspector(std::string_view id) const {
    for (const auto& i : roster)
        if (i.id == id)
            return &i;
    return nullptr;
}

const Checkpoint* RecordDocument::checkpoint(std::string_view item_id,
                                             std::string_view checkpoint_id) const {
    if (const auto* i = item(item_id))
        for (const auto& c : i->checkpoints)
            if (c.id == checkpoint_id)
                return &c;
    return nullptr;
}

namespace {

bool sealed(RecordState s) {
    return s == RecordState::completed || s == RecordState::uploaded;
}

/// The stored record the id names: a record id, else the latest sealed record of an
/// assignment with that id (the latest record of any state when none is sealed, so the
/// refusal can say why).
Result<StoredRecord> find_record(Database& db, std::string_view id) {
    RecordStore records(db);
    auto direct = records.load(id);
    if (direct)
        return direct;
    if (direct.error().code != store_error::not_found)
        return direct.error();
    auto history = records.history(id);
    if (!history)
        return history.error();
    if (history->empty())
        return Error::make(document_error::not_found,
                           "No record or assignment " + std::string(id) + " on this device.");
    for (auto it = history->rbegin(); it != history->rend(); ++it)
        if (sealed(it->state))
            return std::move(*it);
    return std::move(history->back());
}

} // namespace

Result<RecordDocument> load_record_document(Database& db, std::string_view id,
                                            const WorkCalendar& calendar) {
    auto stored = find_record(db, id);
    if (!stored)
        return stored.error();
    if (!sealed(stored->state))
        return Error::make(document_error::not_completed,
                           "The record " + stored->record.id + " is " +
                               std::string(to_string(stored->state)) +
                               ": an inspection record can only be made of a completed record. "
                               "Complete it first.",
                           "state");
    RecordDocument doc;
    auto ctx = ReferenceStore(db).rule_context(stored->record.assignment_id);
    if (!ctx)
        return ctx.error();
    if (!ctx->assignment)
        return Error::make(document_error::not_found,
                           "The assignment " + stored->record.assignment_id + " of record " +
                               stored->record.id + " is not on this device.");
    doc.assignment = std::move(*ctx->assignment);
    for (const auto& item_id : doc.assignment.item_ids)
        for (auto& item : ctx->items)
            if (item.id == item_id)
                doc.items.push_back(std::move(item));
    doc.roster = std::move(ctx->roster);
    if (auto done = parse_rfc3339(stored->record.finished_at)) {
        const Date day = china_date(*done);
        doc.completed_day = day.to_string();
        doc.publication_deadline = calendar.publication_deadline(day);
    } else {
        return Error::make(store_error::damaged,
                           "The record " + stored->record.id + " has no valid finished_at.",
                           "finished_at");
    }
    auto versions = RecordStore(db).versions(stored->record.id);
    if (!versions)
        return versions.error();
    for (auto& v : *versions)
        if (v.state != RecordState::draft)
            doc.versions.push_back(std::move(v));
    auto place = PlaceStore(db).load(stored->record.id);
    if (!place)
        return place.error();
    doc.place = std::move(place.value());
    doc.stored = std::move(stored.value());
    return doc;
}

std::string record_qr_text(std::string_view record_id, std::string_view chain_hash) {
    return "fieldinspect:record:v1;id=" + std::string(record_id) +
           ";chain=" + std::string(chain_hash);
}

std::string answer_text(const AnswerValue& value, const Checkpoint* checkpoint) {
    if (const auto* n = std::get_if<std::int64_t>(&value)) {
        std::string s = std::to_string(*n);
        if (checkpoint && checkpoint->unit && !checkpoint->unit->empty())
            s += " " + *checkpoint->unit;
        return s;
    }
    const auto& text = std::get<std::string>(value);
    if (!checkpoint || checkpoint->kind == CheckpointKind::pass_fail) {
        if (text == "pass")
            return "符合 (pass)";
        if (text == "fail")
            return "不符合 (fail)";
        if (text == "na")
            return "不适用 (n/a)";
    }
    return text;
}

std::string_view confidential_ground_name(ConfidentialGround ground) {
    switch (ground) {
    case ConfidentialGround::state_secret:
        return "涉及国家秘密";
    case ConfidentialGround::national_security:
        return "涉及国家安全";
    case ConfidentialGround::public_safety:
        return "涉及公共安全";
    case ConfidentialGround::other_law:
        return "法律明确不予公开公示的其他情形";
    }
    return "?";
}

std::string confidential_ground_text(ConfidentialGround ground) {
    std::string_view english = "?";
    switch (ground) {
    case ConfidentialGround::state_secret:
        english = "state secret";
        break;
    case ConfidentialGround::national_security:
        english = "national security";
        break;
    case ConfidentialGround::public_safety:
        english = "public safety";
        break;
    case ConfidentialGround::other_law:
        english = "another law forbids publishing it";
        break;
    }
    return std::string(confidential_ground_name(ground)) + " (" + std::string(english) + ")";
}

} // namespace fi
