#include "qml/photolistmodel.h"

#include "core/exif.h"

namespace fi::app {

PhotoListModel::PhotoListModel(QObject* parent) : QAbstractListModel(parent) {}

QString PhotoListModel::thumbnail_source(const std::string& photo_id) {
    return QStringLiteral("image://fiphoto/thumb/") + QString::fromStdString(photo_id);
}

QString PhotoListModel::photo_source(const std::string& photo_id) {
    return QStringLiteral("image://fiphoto/full/") + QString::fromStdString(photo_id);
}

int PhotoListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(photos_.size());
}

QVariant PhotoListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PhotoRef& p = photos_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case PhotoIdRole:
        return QString::fromStdString(p.id);
    case FindingIdRole:
        return p.finding_id ? QString::fromStdString(*p.finding_id) : QString();
    case FindingLabelRole:
        if (p.finding_id)
            for (const auto& [id, label] : labels_)
                if (id == *p.finding_id)
                    return QString::fromStdString(label);
        return QString();
    case ThumbnailRole:
        return thumbnail_source(p.id);
    case SourceRole:
        return photo_source(p.id);
    case TakenAtRole:
        return QString::fromStdString(p.taken_at);
    case BytesRole:
        return QVariant::fromValue(static_cast<qlonglong>(p.bytes));
    case HasLocationRole:
        return p.location.has_value();
    case ImportDayRole:
        switch (import_day(p, inspection_day_)) {
        case ImportDay::not_import:
            return QString();
        case ImportDay::same_day:
            return QStringLiteral("same_day");
        case ImportDay::other_day:
            return QStringLiteral("other_day");
        case ImportDay::unknown:
            return QStringLiteral("unknown");
        }
        return QString();
    default:
        return {};
    }
}

QHash<int, QByteArray> PhotoListModel::roleNames() const {
    return {{PhotoIdRole, "photoId"},
            {FindingIdRole, "findingId"},
            {FindingLabelRole, "findingLabel"},
            {ThumbnailRole, "thumbnail"},
            {SourceRole, "source"},
            {TakenAtRole, "takenAt"},
            {BytesRole, "bytes"},
            {HasLocationRole, "hasLocation"},
            {ImportDayRole, "importDay"}};
}

void PhotoListModel::set_photos(const std::vector<PhotoRef>& photos,
                                const std::vector<std::pair<std::string, std::string>>& labels,
                                const std::string& inspection_day) {
    labels_ = labels;
    inspection_day_ = inspection_day;
    bool same = photos.size() == photos_.size();
    for (std::size_t i = 0; same && i < photos.size(); ++i)
        same = photos[i].id == photos_[i].id && photos[i].finding_id == photos_[i].finding_id;
    if (same) {
        if (!photos_.empty())
            Q_EMIT dataChanged(index(0), index(rowCount() - 1), {FindingLabelRole});
        return;
    }
    const int before = rowCount();
    beginResetModel();
    photos_ = photos;
    endResetModel();
    if (before != rowCount())
        Q_EMIT countChanged();
}

} // namespace fi::app
