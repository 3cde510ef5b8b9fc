#pragma once

#include "core/rules.h"

#include <QAbstractListModel>
#include <QString>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace fi::app {

/// What still keeps a record from being completed (RecordStore::completion_problems), each
/// with a sentence in the user's language and where to fix it: the page (`checklist` or
/// `complete`) and, on the checklist, the item and checkpoint to scroll to.
class ProblemListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A CompletionController owns its problem list.")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Roles {
        CodeRole = Qt::UserRole + 1,
        MessageRole, ///< translated: what is wrong and what to do
        DetailRole,  ///< the rule's own English sentence, for the curious and for support
        FieldRole,
        PageRole, ///< checklist | complete
        ItemIdRole,
        CheckpointIdRole,
    };
    Q_ENUM(Roles)

    /// A problem with where it is fixed.
    struct Entry {
        Problem problem;
        QString page;
        std::string item_id;
        std::string checkpoint_id;
    };

    explicit ProblemListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void set_entries(std::vector<Entry> entries);
    /// Codes shown, in order (tests, and the Complete page's summary).
    Q_INVOKABLE QStringList codes() const;

Q_SIGNALS:
    void countChanged();

private:
    std::vector<Entry> entries_;
};

} // namespace fi::app
