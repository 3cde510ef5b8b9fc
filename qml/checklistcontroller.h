#pragma once

#include "qml/recordcontroller.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QVariant>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace fi::app {

class ChecklistModel;

/// The Checklist page's controller over an OpenRecord: the rows of every assigned item's
/// checkpoints, the progress, the findings; answering a checkpoint, its note, its finding.
/// What an answer means and what changing it resets is core's (set_answer, checklist_progress);
/// this adapts it to the page and notifies only the checklist's own properties.
class ChecklistController : public fi::app::RecordController {
    Q_OBJECT
    Q_MOC_INCLUDE("qml/checklistmodel.h")
    QML_ELEMENT
    Q_PROPERTY(int requiredAnswered READ requiredAnswered NOTIFY progressChanged)
    Q_PROPERTY(int requiredTotal READ requiredTotal NOTIFY progressChanged)
    /// Required checkpoints still unanswered (core's checklist_progress).
    Q_PROPERTY(int unanswered READ unanswered NOTIFY progressChanged)
    Q_PROPERTY(int answerCount READ answerCount NOTIFY progressChanged)
    Q_PROPERTY(int failCount READ failCount NOTIFY progressChanged)
    Q_PROPERTY(int findingCount READ findingCount NOTIFY findingsChanged)
    /// {id, itemId, checkpointId, label, description, photoCount} per finding.
    Q_PROPERTY(QVariantList findings READ findings NOTIFY findingsChanged)
    Q_PROPERTY(int photoCount READ photoCount NOTIFY photoCountChanged)
    Q_PROPERTY(fi::app::ChecklistModel* checklist READ checklist CONSTANT)
public:
    explicit ChecklistController(QObject* parent = nullptr);

    int requiredAnswered() const;
    int requiredTotal() const;
    int unanswered() const { return requiredTotal() - requiredAnswered(); }
    int answerCount() const;
    int failCount() const;
    int findingCount() const;
    QVariantList findings() const;
    int photoCount() const;
    ChecklistModel* checklist() const { return checklist_; }

    /// Answer a checkpoint: "pass" / "fail" / "na", a number, a text or a choice; an empty
    /// value clears the answer. A fail makes room for its finding; a fail changed back drops
    /// an empty finding (core's set_answer).
    Q_INVOKABLE void setAnswer(const QString& itemId, const QString& checkpointId,
                               const QVariant& value);
    Q_INVOKABLE void setNote(const QString& itemId, const QString& checkpointId,
                             const QString& note);
    /// Where to go next: the checklist's row of the first required checkpoint unanswered after
    /// row `after` (from the start when -1), wrapping round (core's next_unanswered); -1 when
    /// everything required is answered.
    Q_INVOKABLE int nextUnansweredRow(int after = -1) const;
    /// Describe the finding of a checkpoint (made on first use); returns its id.
    Q_INVOKABLE QString setFinding(const QString& itemId, const QString& checkpointId,
                                   const QString& description);

Q_SIGNALS:
    void progressChanged();
    void findingsChanged();
    void photoCountChanged();

private:
    void on_changed(int parts) override;
    void on_attached() override { items_set_ = false; }
    bool editable() const { return record_ && !record_->readOnly(); }

    ChecklistModel* checklist_;
    bool items_set_ = false;
};

} // namespace fi::app
