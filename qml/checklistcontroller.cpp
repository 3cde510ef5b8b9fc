#include "qml/checklistcontroller.h"

#include "core/answers.h"
#include "core/metastore.h"
#include "qml/checklistmodel.h"

namespace fi::app {

namespace {
QString qs(const std::string& s) {
    return QString::fromStdString(s);
}
} // namespace

ChecklistController::ChecklistController(QObject* parent)
    : RecordController(parent), checklist_(new ChecklistModel(this)) {}

void ChecklistController::on_changed(int parts) {
    if (!record_ || !record_->loaded())
        return;
    if (!items_set_) {
        checklist_->set_items(record_->opened().items);
        items_set_ = true;
    }
    if (parts & (OpenRecord::Answers | OpenRecord::Findings | OpenRecord::Photos))
        checklist_->set_record(record_->record());
    if (parts & OpenRecord::Answers)
        Q_EMIT progressChanged();
    if (parts & (OpenRecord::Findings | OpenRecord::Photos))
        Q_EMIT findingsChanged();
    if (parts & OpenRecord::Photos)
        Q_EMIT photoCountChanged();
}

int ChecklistController::requiredTotal() const {
    return record_ ? checklist_progress(record_->record(), record_->opened().items).required_total
                   : 0;
}

int ChecklistController::requiredAnswered() const {
    return record_
               ? checklist_progress(record_->record(), record_->opened().items).required_answered
               : 0;
}

int ChecklistController::answerCount() const {
    return record_ ? static_cast<int>(record_->record().answers.size()) : 0;
}

int ChecklistController::failCount() const {
    return record_ ? checklist_progress(record_->record(), record_->opened().items).fails : 0;
}

int ChecklistController::findingCount() const {
    return record_ ? static_cast<int>(record_->record().findings.size()) : 0;
}

int ChecklistController::photoCount() const {
    return record_ ? static_cast<int>(record_->record().photos.size()) : 0;
}

QVariantList ChecklistController::findings() const {
    QVariantList out;
    if (!record_)
        return out;
    for (const auto& f : record_->record().findings) {
        const Checkpoint* cp = find_checkpoint(record_->opened().items, f.item_id, f.checkpoint_id);
        out.push_back(
            QVariantMap{{QStringLiteral("id"), qs(f.id)},
                        {QStringLiteral("itemId"), qs(f.item_id)},
                        {QStringLiteral("checkpointId"), qs(f.checkpoint_id)},
                        {QStringLiteral("label"), cp ? qs(cp->text) : qs(f.checkpoint_id)},
                        {QStringLiteral("description"), qs(f.description)},
                        {QStringLiteral("photoCount"), static_cast<int>(f.photo_ids.size())}});
    }
    return out;
}

int ChecklistController::nextUnansweredRow(int after) const {
    if (!record_ || !record_->loaded())
        return -1;
    const auto next = next_unanswered(record_->record(), record_->opened().items,
                                      checklist_->checkpoint_at(after));
    return next ? checklist_->rowOf(qs(next->item_id), qs(next->checkpoint_id)) : -1;
}

void ChecklistController::setAnswer(const QString& itemId, const QString& checkpointId,
                                    const QVariant& value) {
    if (!editable())
        return;
    const std::string item = itemId.toStdString(), cp_id = checkpointId.toStdString();
    const Checkpoint* cp = find_checkpoint(record_->opened().items, item, cp_id);
    if (!cp)
        return;
    std::optional<AnswerValue> next;
    if (value.isValid() && !value.isNull() &&
        !(value.typeId() == QMetaType::QString && value.toString().isEmpty())) {
        if (cp->kind == CheckpointKind::number) {
            bool ok = false;
            const qlonglong n = value.toLongLong(&ok);
            if (!ok) {
                record_->set_error(tr("Enter a whole number."));
                return;
            }
            next = static_cast<std::int64_t>(n);
        } else {
            next = value.toString().toStdString();
        }
    }
    InspectionRecord& r = record_->edit();
    const std::size_t findings_before = r.findings.size();
    const auto outcome_before = r.outcome;
    if (!set_answer(r, item, cp_id, std::move(next)))
        return;
    record_->set_error({});
    // What core's set_answer may have reset besides the answer: an empty finding, the outcome.
    int parts = OpenRecord::Answers;
    if (r.findings.size() != findings_before)
        parts |= OpenRecord::Findings;
    if (r.outcome != outcome_before)
        parts |= OpenRecord::Outcome;
    record_->edited(parts);
}

void ChecklistController::setNote(const QString& itemId, const QString& checkpointId,
                                  const QString& note) {
    if (!editable())
        return;
    const std::string item = itemId.toStdString(), cp_id = checkpointId.toStdString();
    for (auto& a : record_->edit().answers)
        if (a.item_id == item && a.checkpoint_id == cp_id) {
            if (a.note == note.toStdString())
                return;
            a.note = note.toStdString();
            record_->edited(OpenRecord::Answers);
            return;
        }
}

QString ChecklistController::setFinding(const QString& itemId, const QString& checkpointId,
                                        const QString& description) {
    if (!editable())
        return {};
    const std::string item = itemId.toStdString(), cp_id = checkpointId.toStdString();
    if (!find_checkpoint(record_->opened().items, item, cp_id))
        return {};
    InspectionRecord& r = record_->edit();
    for (auto& f : r.findings)
        if (f.item_id == item && f.checkpoint_id == cp_id) {
            if (f.description != description.toStdString()) {
                f.description = description.toStdString();
                record_->edited(OpenRecord::Findings);
            }
            return qs(f.id);
        }
    Finding f;
    f.id = make_uuid_v4();
    f.item_id = item;
    f.checkpoint_id = cp_id;
    f.description = description.toStdString();
    r.findings.push_back(f);
    record_->edited(OpenRecord::Findings);
    return qs(f.id);
}

} // namespace fi::app
