#include "qml/checklistmodel.h"

#include "core/answers.h"
#include "core/modeljson.h"

#include <QStringList>
#include <QVariantMap>
#include <algorithm>

namespace fi::app {

namespace {
QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QStringList qs(const std::vector<std::string>& list) {
    QStringList out;
    for (const auto& s : list)
        out << qs(s);
    return out;
}

} // namespace

ChecklistModel::ChecklistModel(QObject* parent) : QAbstractListModel(parent) {}

int ChecklistModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

void ChecklistModel::set_items(const std::vector<CatalogueItem>& items) {
    const int before = rowCount();
    beginResetModel();
    items_ = items;
    rows_.clear();
    for (std::size_t i = 0; i < items_.size(); ++i)
        for (std::size_t c = 0; c < items_[i].checkpoints.size(); ++c)
            rows_.push_back({i, c});
    endResetModel();
    if (before != rowCount())
        Q_EMIT countChanged();
    Q_EMIT sectionsChanged();
}

void ChecklistModel::set_record(const InspectionRecord& record) {
    record_ = record;
    if (!rows_.empty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1));
    Q_EMIT sectionsChanged(); // progress
}

const Answer* ChecklistModel::answer(const Row& row) const {
    const CatalogueItem& item = items_[row.item];
    const Checkpoint& cp = item.checkpoints[row.checkpoint];
    for (const auto& a : record_.answers)
        if (a.item_id == item.id && a.checkpoint_id == cp.id)
            return &a;
    return nullptr;
}

const Finding* ChecklistModel::finding(const Row& row) const {
    const CatalogueItem& item = items_[row.item];
    const Checkpoint& cp = item.checkpoints[row.checkpoint];
    for (const auto& f : record_.findings)
        if (f.item_id == item.id && f.checkpoint_id == cp.id)
            return &f;
    return nullptr;
}

int ChecklistModel::photos_of(const Finding& f) const {
    return static_cast<int>(std::count_if(record_.photos.begin(), record_.photos.end(),
                                          [&](const PhotoRef& p) { return p.finding_id == f.id; }));
}

std::pair<int, int> ChecklistModel::progress(std::size_t item) const {
    int done = 0, required = 0;
    const CatalogueItem& it = items_[item];
    for (std::size_t c = 0; c < it.checkpoints.size(); ++c) {
        const Checkpoint& cp = it.checkpoints[c];
        if (!cp.required)
            continue;
        ++required;
        if (is_answered(cp, answer(Row{item, c})))
            ++done;
    }
    return {done, required};
}

QVariant ChecklistModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = rows_[static_cast<std::size_t>(index.row())];
    const CatalogueItem& item = items_[row.item];
    const Checkpoint& cp = item.checkpoints[row.checkpoint];
    const Answer* a = answer(row);
    const Finding* f = finding(row);
    switch (role) {
    case ItemIdRole:
        return qs(item.id);
    case ItemCodeRole:
        return qs(item.code);
    case ItemTitleRole:
        return qs(item.title);
    case ItemDomainRole:
        return qs(item.domain);
    case LegalBasisRole:
        return qs(item.legal_basis);
    case ItemAnsweredRole:
        return progress(row.item).first;
    case ItemRequiredRole:
        return progress(row.item).second;
    case ItemTotalRole:
        return static_cast<int>(item.checkpoints.size());
    case CheckpointIdRole:
        return qs(cp.id);
    case Qt::DisplayRole:
    case CheckpointTextRole:
        return qs(cp.text);
    case KindRole:
        return qs(std::string(to_string(cp.kind)));
    case RequiredRole:
        return cp.required;
    case PhotoOnFailRole:
        return cp.photo_on_fail;
    case UnitRole:
        return cp.unit ? qs(*cp.unit) : QString();
    case ChoicesRole:
        return qs(cp.choices);
    case ValueRole:
        if (!a)
            return {};
        if (const auto* n = std::get_if<std::int64_t>(&a->value))
            return QVariant::fromValue(static_cast<qlonglong>(*n));
        return qs(std::get<std::string>(a->value));
    case AnsweredRole:
        return is_answered(cp, a);
    case NoteRole:
        return a ? qs(a->note) : QString();
    case FindingIdRole:
        return f ? qs(f->id) : QString();
    case FindingDescriptionRole:
        return f ? qs(f->description) : QString();
    case FindingPhotoCountRole:
        return f ? photos_of(*f) : 0;
    case NeedsPhotoRole:
        return cp.photo_on_fail && a && is_fail(*a) && (!f || photos_of(*f) == 0);
    case FailedRole:
        return a && is_fail(*a);
    default:
        return {};
    }
}

QHash<int, QByteArray> ChecklistModel::roleNames() const {
    return {{ItemIdRole, "itemId"},
            {ItemCodeRole, "itemCode"},
            {ItemTitleRole, "itemTitle"},
            {ItemDomainRole, "itemDomain"},
            {LegalBasisRole, "legalBasis"},
            {ItemAnsweredRole, "itemAnswered"},
            {ItemRequiredRole, "itemRequired"},
            {ItemTotalRole, "itemTotal"},
            {CheckpointIdRole, "checkpointId"},
            {CheckpointTextRole, "checkpointText"},
            {KindRole, "kind"},
            {RequiredRole, "required"},
            {PhotoOnFailRole, "photoOnFail"},
            {UnitRole, "unit"},
            {ChoicesRole, "choices"},
            {ValueRole, "value"},
            {AnsweredRole, "answered"},
            {NoteRole, "note"},
            {FindingIdRole, "findingId"},
            {FindingDescriptionRole, "findingDescription"},
            {FindingPhotoCountRole, "findingPhotoCount"},
            {NeedsPhotoRole, "needsPhoto"},
            {FailedRole, "failed"}};
}

QVariantList ChecklistModel::items() const {
    QVariantList out;
    for (std::size_t i = 0; i < items_.size(); ++i) {
        const CatalogueItem& item = items_[i];
        const auto [answered, required] = progress(i);
        out.push_back(
            QVariantMap{{QStringLiteral("itemId"), qs(item.id)},
                        {QStringLiteral("code"), qs(item.code)},
                        {QStringLiteral("title"), qs(item.title)},
                        {QStringLiteral("domain"), qs(item.domain)},
                        {QStringLiteral("legalBasis"), qs(item.legal_basis)},
                        {QStringLiteral("answered"), answered},
                        {QStringLiteral("required"), required},
                        {QStringLiteral("total"), static_cast<int>(item.checkpoints.size())}});
    }
    return out;
}

QVariantMap ChecklistModel::sections() const {
    QVariantMap out;
    for (const QVariant& header : items())
        out.insert(header.toMap().value(QStringLiteral("itemId")).toString(), header);
    return out;
}

std::optional<CheckpointRef> ChecklistModel::checkpoint_at(int row) const {
    if (row < 0 || static_cast<std::size_t>(row) >= rows_.size())
        return std::nullopt;
    const Row& r = rows_[static_cast<std::size_t>(row)];
    const CatalogueItem& item = items_[r.item];
    return CheckpointRef{item.id, item.checkpoints[r.checkpoint].id};
}

int ChecklistModel::rowOf(const QString& itemId, const QString& checkpointId) const {
    for (std::size_t r = 0; r < rows_.size(); ++r) {
        const Row& row = rows_[r];
        const CatalogueItem& item = items_[row.item];
        if (qs(item.id) == itemId &&
            (checkpointId.isEmpty() || qs(item.checkpoints[row.checkpoint].id) == checkpointId))
            return static_cast<int>(r);
    }
    return -1;
}

} // namespace fi::app
