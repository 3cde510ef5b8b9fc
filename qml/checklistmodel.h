#pragma once

#include "core/answers.h"
#include "core/model.h"

#include <QAbstractListModel>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <optional>
#include <vector>

namespace fi::app {

/// The Checklist page's rows: one row per checkpoint of the assigned items, with its kind, its
/// answer, its finding and whether a photo is still needed, and its item (id, code, title,
/// legal basis, progress). The rows of one item are consecutive, so the item's id is the
/// list's section key and `sections` gives each section's header. It reads the editor's
/// record; it never writes it (ChecklistController does, through its invokables).
class ChecklistModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A ChecklistController owns its checklist.")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    /// The header of each item's section, by item id: `itemId`, `code`, `title`, `domain`,
    /// `legalBasis` (list of texts), `answered` and `required` (its required checkpoints),
    /// `total` (its checkpoints).
    Q_PROPERTY(QVariantMap sections READ sections NOTIFY sectionsChanged)
    /// The same headers as a list in the checklist's order: the item index.
    Q_PROPERTY(QVariantList items READ items NOTIFY sectionsChanged)
public:
    enum Roles {
        ItemIdRole = Qt::UserRole + 1, ///< the section key
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

    QVariantMap sections() const;
    QVariantList items() const;

    /// Row of a checkpoint (of the item's first checkpoint when `checkpointId` is empty); -1
    /// if none.
    Q_INVOKABLE int rowOf(const QString& itemId, const QString& checkpointId) const;
    /// The checkpoint of a row; nullopt for a row that is not there.
    std::optional<CheckpointRef> checkpoint_at(int row) const;

Q_SIGNALS:
    void countChanged();
    void sectionsChanged();

private:
    struct Row {
        std::size_t item = 0;
        std::size_t checkpoint = 0;
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
