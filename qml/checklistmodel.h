#pragma once

#include "core/model.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace fi::app {

/// The Checklist page's rows: for each assigned item a header row (title, legal basis,
/// progress), then one row per checkpoint with its kind, its answer, its finding and whether
/// a photo is still needed. It reads the editor's record; it never writes it (the editor
/// does, through InspectionEditor's invokables).
class ChecklistModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("An InspectionEditor owns its checklist.")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Roles {
        RowKindRole = Qt::UserRole + 1, ///< item | checkpoint
        ItemIdRole,
        ItemCodeRole,
        ItemTitleRole,
        ItemDomainRole,
        LegalBasisRole, ///< list of texts
        ItemAnsweredRole,
        ItemRequiredRole,
        ItemTotalRole,
        CheckpointIdRole,
        CheckpointTextRole,
        KindRole, ///< pass_fail | number | text | choice
        RequiredRole,
        PhotoOnFailRole,
        UnitRole,
        ChoicesRole,
        ValueRole, ///< pass/fail/na, a text, a choice, a number; undefined when unanswered
        AnsweredRole,
        NoteRole,
        FindingIdRole,
        FindingDescriptionRole,
        FindingPhotoCountRole,
        NeedsPhotoRole, ///< failed, the checkpoint requires a photo, and none is attached yet
        FailedRole,     ///< the answer is a fail (core's is_fail): the finding is asked for
    };
    Q_ENUM(Roles)

    explicit ChecklistModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// The items of the assignment (rows are rebuilt).
    void set_items(const std::vector<CatalogueItem>& items);
    /// The record changed: answers, findings, photos (rows keep their place).
    void set_record(const InspectionRecord& record);

    /// Row of a checkpoint (or of an item's header when `checkpointId` is empty); -1 if none.
    Q_INVOKABLE int rowOf(const QString& itemId, const QString& checkpointId) const;

Q_SIGNALS:
    void countChanged();

private:
    struct Row {
        std::size_t item = 0;
        int checkpoint = -1; ///< -1: the item's header row
    };
    const Answer* answer(const Row& row) const;
    const Finding* finding(const Row& row) const;
    int photos_of(const Finding& f) const;
    std::pair<int, int> progress(std::size_t item) const; ///< answered, required

    std::vector<CatalogueItem> items_;
    std::vector<Row> rows_;
    InspectionRecord record_;
};

} // namespace fi::app
