#include "qml/assignmentlistmodel.h"

#include "core/modeljson.h"
#include "qml/applayer.h"
#include "qml/session.h"
#include "qml/storethread.h"
#include "qml/usermessages.h"

namespace fi::app {

namespace {
QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QString team_text(const AssignmentRow& row) {
    QStringList names;
    for (const auto& n : row.member_names)
        names << qs(n);
    return names.join(QStringLiteral("、"));
}
} // namespace

AssignmentListModel::AssignmentListModel(QObject* parent) : QAbstractListModel(parent) {}

void AssignmentListModel::setSession(Session* session) {
    if (session == session_)
        return;
    if (data_changed_)
        disconnect(data_changed_);
    session_ = session;
    if (session_)
        data_changed_ =
            connect(session_, &Session::dataChanged, this, &AssignmentListModel::reload);
    Q_EMIT sessionChanged();
    reload();
}

void AssignmentListModel::reload() {
    if (!session_ || session_->state() != Session::Unlocked)
        return;
    session_->store().run_latest(
        reload_, this, [](Tablet& b) { return b.assignments.list(); },
        [this](Result<std::vector<AssignmentRow>> r) {
            if (!r) {
                error_ = UserMessages::error(r.error());
                Q_EMIT errorChanged();
                return;
            }
            if (!error_.isEmpty()) {
                error_.clear();
                Q_EMIT errorChanged();
            }
            set_rows(std::move(r.value()));
        });
}

void AssignmentListModel::set_rows(std::vector<AssignmentRow> rows) {
    beginResetModel();
    all_ = std::move(rows);
    shown_.clear();
    for (std::size_t i = 0; i < all_.size(); ++i)
        if (accepts(all_[i]))
            shown_.push_back(i);
    endResetModel();
    Q_EMIT countChanged();
    QString first_draft;
    for (const auto& row : all_)
        if (row.state == VisitState::draft) {
            first_draft = qs(row.record_id);
            break;
        }
    if (first_draft != first_draft_) {
        first_draft_ = first_draft;
        Q_EMIT firstDraftChanged();
    }
    if (!loaded_) {
        loaded_ = true;
        Q_EMIT loadedChanged();
    }
}

bool AssignmentListModel::accepts(const AssignmentRow& row) const {
    const Assignment& a = row.assignment;
    if (!category_.isEmpty() && qs(std::string(to_string(a.target.category))) != category_)
        return false;
    if (!state_.isEmpty()) {
        const VisitState s = row.state;
        const bool open = s == VisitState::not_started || s == VisitState::draft;
        const bool done =
            s == VisitState::completed || s == VisitState::uploaded || s == VisitState::late;
        if ((state_ == QLatin1String("open") && !open) ||
            (state_ == QLatin1String("done") && !done) ||
            (state_ == QLatin1String("attention") && s != VisitState::attention))
            return false;
    }
    const QString needle = search_.trimmed();
    if (needle.isEmpty())
        return true;
    for (const std::string* hay : {&a.target.name, &a.target.address, &a.target.credit_code,
                                   &a.target.district, &a.id, &a.plan.name, &a.target.legal_rep})
        if (qs(*hay).contains(needle, Qt::CaseInsensitive))
            return true;
    return team_text(row).contains(needle, Qt::CaseInsensitive);
}

void AssignmentListModel::refilter() {
    beginResetModel();
    shown_.clear();
    for (std::size_t i = 0; i < all_.size(); ++i)
        if (accepts(all_[i]))
            shown_.push_back(i);
    endResetModel();
    Q_EMIT countChanged();
}

void AssignmentListModel::setSearchText(const QString& text) {
    if (text == search_)
        return;
    search_ = text;
    Q_EMIT filterChanged();
    refilter();
}

void AssignmentListModel::setCategoryFilter(const QString& category) {
    if (category == category_)
        return;
    category_ = category;
    Q_EMIT filterChanged();
    refilter();
}

void AssignmentListModel::setStateFilter(const QString& state) {
    if (state == state_)
        return;
    state_ = state;
    Q_EMIT filterChanged();
    refilter();
}

int AssignmentListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(shown_.size());
}

QVariant AssignmentListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AssignmentRow& row = all_[shown_[static_cast<std::size_t>(index.row())]];
    const Assignment& a = row.assignment;
    switch (role) {
    case Qt::DisplayRole:
    case TargetNameRole:
        return qs(a.target.name);
    case AssignmentIdRole:
        return qs(a.id);
    case CategoryRole:
        return qs(std::string(to_string(a.target.category)));
    case ModeRole:
        return qs(std::string(to_string(a.mode)));
    case DistrictRole:
        return qs(a.target.district);
    case AddressRole:
        return qs(a.target.address);
    case CreditCodeRole:
        return qs(a.target.credit_code);
    case PlanIdRole:
        return qs(a.plan.id);
    case PlanNameRole:
        return qs(a.plan.name);
    case TeamRole:
        return team_text(row);
    case StateRole:
        return qs(std::string(to_string(row.state)));
    case RecordIdRole:
        return qs(row.record_id);
    case WindowRole:
        return qs(a.window_from) + QStringLiteral(" – ") + qs(a.window_to);
    case JointRole:
        return !a.joint_departments.empty();
    case ItemCountRole:
        return static_cast<int>(a.item_ids.size());
    case DrawVerifiedRole:
        return row.draw_verified;
    default:
        return {};
    }
}

QHash<int, QByteArray> AssignmentListModel::roleNames() const {
    return {{AssignmentIdRole, "assignmentId"},
            {TargetNameRole, "targetName"},
            {CategoryRole, "category"},
            {ModeRole, "mode"},
            {DistrictRole, "district"},
            {AddressRole, "address"},
            {CreditCodeRole, "creditCode"},
            {PlanIdRole, "planId"},
            {PlanNameRole, "planName"},
            {TeamRole, "team"},
            {StateRole, "state"},
            {RecordIdRole, "recordId"},
            {WindowRole, "window"},
            {JointRole, "joint"},
            {ItemCountRole, "itemCount"},
            {DrawVerifiedRole, "drawVerified"}};
}

int AssignmentListModel::indexOf(const QString& assignmentId) const {
    for (std::size_t i = 0; i < shown_.size(); ++i)
        if (qs(all_[shown_[i]].assignment.id) == assignmentId)
            return static_cast<int>(i);
    return -1;
}

} // namespace fi::app
