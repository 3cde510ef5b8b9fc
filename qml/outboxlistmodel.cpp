#include "qml/outboxlistmodel.h"

#include "qml/usermessages.h"

namespace fi::app {

namespace {
QString state_name(const OutboxRow& r) {
    if (!r.outbox)
        return QStringLiteral("pending");
    switch (*r.outbox) {
    case OutboxState::pending:
        return QStringLiteral("pending");
    case OutboxState::uploading:
        return QStringLiteral("uploading");
    case OutboxState::uploaded:
        return QStringLiteral("uploaded");
    case OutboxState::parked:
        return QStringLiteral("parked");
    }
    return QStringLiteral("pending");
}

/// Refusals that trying again cannot change: the record is kept and shown for a person.
bool final_refusal(const std::string& code) {
    return code == "already_inspected" || code == "assignment_revoked" || code == "not_assigned" ||
           code == "item_not_in_assignment" || code == "no_legal_basis" ||
           code == "idempotency_conflict" || code == "chain_broken" || code == "already_corrected";
}
} // namespace

OutboxListModel::OutboxListModel(QObject* parent) : QAbstractListModel(parent) {}

int OutboxListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QString OutboxListModel::action_for(const OutboxRow& r) const {
    if (r.outbox == OutboxState::uploaded)
        return {};
    if (needs_sign_in_)
        return QStringLiteral("signIn");
    if (r.outbox == OutboxState::parked)
        return final_refusal(r.error_code) ? QStringLiteral("view") : QStringLiteral("retry");
    if (!r.error_code.empty())
        return QStringLiteral("retry");
    return {};
}

QVariant OutboxListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto row = static_cast<std::size_t>(index.row());
    const OutboxRow& r = rows_[row];
    switch (role) {
    case Qt::DisplayRole:
    case TargetNameRole:
        return QString::fromStdString(r.target_name);
    case RecordIdRole:
        return QString::fromStdString(r.record_id);
    case AssignmentIdRole:
        return QString::fromStdString(r.assignment_id);
    case InspectionDayRole:
        return QString::fromStdString(r.inspection_day);
    case StateRole:
        return state_name(r);
    case LateRole:
        return r.late;
    case AttemptsRole:
        return r.attempts;
    case ErrorCodeRole:
        return QString::fromStdString(r.error_code);
    case MessageRole:
        return QString::fromStdString(r.error_message);
    case HintRole:
        if (needs_sign_in_ && r.outbox != OutboxState::uploaded)
            return UserMessages::error(QStringLiteral("sign_in_required"), {});
        return r.error_code.empty() ? QString()
                                    : UserMessages::error(QString::fromStdString(r.error_code),
                                                          QString::fromStdString(r.error_message));
    case ActionRole:
        return action_for(r);
    case SentBytesRole:
        return r.outbox == OutboxState::uploaded ? progress_[row].total : progress_[row].sent;
    case TotalBytesRole:
        return progress_[row].total;
    case ReceivedAtRole:
        return UserMessages::time(r.received_at);
    default:
        return {};
    }
}

QHash<int, QByteArray> OutboxListModel::roleNames() const {
    return {{RecordIdRole, "recordId"},     {AssignmentIdRole, "assignmentId"},
            {TargetNameRole, "targetName"}, {InspectionDayRole, "inspectionDay"},
            {StateRole, "state"},           {LateRole, "late"},
            {AttemptsRole, "attempts"},     {ErrorCodeRole, "errorCode"},
            {MessageRole, "message"},       {HintRole, "hint"},
            {ActionRole, "action"},         {SentBytesRole, "sentBytes"},
            {TotalBytesRole, "totalBytes"}, {ReceivedAtRole, "receivedAt"}};
}

void OutboxListModel::set_rows(std::vector<OutboxRow> rows, bool needs_sign_in) {
    const int before = rowCount();
    beginResetModel();
    rows_ = std::move(rows);
    needs_sign_in_ = needs_sign_in;
    progress_.assign(rows_.size(), {});
    for (std::size_t i = 0; i < rows_.size(); ++i)
        progress_[i].total = rows_[i].photo_bytes;
    endResetModel();
    if (before != rowCount())
        Q_EMIT countChanged();
}

void OutboxListModel::set_progress(const std::string& record_id, qint64 sent, qint64 total) {
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (rows_[i].record_id != record_id)
            continue;
        if (progress_[i].sent == sent && progress_[i].total == total)
            return;
        progress_[i] = {sent, total};
        const QModelIndex at = index(static_cast<int>(i));
        Q_EMIT dataChanged(at, at, {SentBytesRole, TotalBytesRole});
        return;
    }
}

void OutboxListModel::set_needs_sign_in(bool needed) {
    if (needed == needs_sign_in_)
        return;
    needs_sign_in_ = needed;
    if (!rows_.empty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {ActionRole, HintRole});
}

} // namespace fi::app
