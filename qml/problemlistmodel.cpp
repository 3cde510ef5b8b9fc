#include "qml/problemlistmodel.h"

#include "qml/usermessages.h"

namespace fi::app {

ProblemListModel::ProblemListModel(QObject* parent) : QAbstractListModel(parent) {}

int ProblemListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(entries_.size());
}

QVariant ProblemListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry& e = entries_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case CodeRole:
        return QString::fromStdString(e.problem.code);
    case Qt::DisplayRole:
    case MessageRole:
        return UserMessages::problem(e.problem);
    case DetailRole:
        return QString::fromStdString(e.problem.message);
    case FieldRole:
        return QString::fromStdString(e.problem.field);
    case PageRole:
        return e.page;
    case ItemIdRole:
        return QString::fromStdString(e.item_id);
    case CheckpointIdRole:
        return QString::fromStdString(e.checkpoint_id);
    default:
        return {};
    }
}

QHash<int, QByteArray> ProblemListModel::roleNames() const {
    return {{CodeRole, "code"},
            {MessageRole, "message"},
            {DetailRole, "detail"},
            {FieldRole, "field"},
            {PageRole, "fixPage"},
            {ItemIdRole, "itemId"},
            {CheckpointIdRole, "checkpointId"}};
}

void ProblemListModel::set_entries(std::vector<Entry> entries) {
    const int before = rowCount();
    beginResetModel();
    entries_ = std::move(entries);
    endResetModel();
    if (before != rowCount())
        Q_EMIT countChanged();
}

QStringList ProblemListModel::codes() const {
    QStringList out;
    for (const auto& e : entries_)
        out << QString::fromStdString(e.problem.code);
    return out;
}

} // namespace fi::app
