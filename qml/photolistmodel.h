#pragma once

#include "core/model.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace fi::app {

/// The Photos page's grid: the record's photos in capture order, each with the finding it
/// is evidence for and image sources served from the encrypted store (`image://fiphoto/…`,
/// PhotoImageProvider) — never a file.
class PhotoListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A PhotoController owns its photos.")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Roles {
        PhotoIdRole = Qt::UserRole + 1,
        FindingIdRole,
        FindingLabelRole, ///< the finding's checkpoint, empty for a general photo
        ThumbnailRole,    ///< image source of the thumbnail
        SourceRole,       ///< image source of the photo itself
        TakenAtRole,
        BytesRole,
        HasLocationRole,
        ImportDayRole, ///< "" (camera), "same_day", "other_day" or "unknown": core's import_day
    };
    Q_ENUM(Roles)

    explicit PhotoListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// `labels`: finding id → what to call it (its checkpoint's text). `inspection_day`: the
    /// record's day, against which an import's own time is judged.
    void set_photos(const std::vector<PhotoRef>& photos,
                    const std::vector<std::pair<std::string, std::string>>& labels,
                    const std::string& inspection_day = {});

    static QString thumbnail_source(const std::string& photo_id);
    static QString photo_source(const std::string& photo_id);

Q_SIGNALS:
    void countChanged();

private:
    std::vector<PhotoRef> photos_;
    std::vector<std::pair<std::string, std::string>> labels_;
    std::string inspection_day_;
};

} // namespace fi::app
