#pragma once

#include "qml/recordcontroller.h"

#include <QImage>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <memory>

namespace fi::platform {
class Camera;
}

namespace fi::app {

class PhotoListModel;

/// The Photos page's controller over an OpenRecord: the record's photos, what a new one can
/// be for, and bringing them in (a file through the importer, or the camera) or taking one
/// out, on the store thread through PhotoService. Photos go straight into the encrypted
/// store; the record is reloaded after each.
class PhotoController : public fi::app::RecordController {
    Q_OBJECT
    Q_MOC_INCLUDE("qml/photolistmodel.h")
    QML_ELEMENT
    Q_PROPERTY(int photoCount READ photoCount NOTIFY photosChanged)
    /// What a new photo can be for: the inspection in general, or one of the findings.
    Q_PROPERTY(QVariantList photoTargets READ photoTargets NOTIFY photoTargetsChanged)
    Q_PROPERTY(bool cameraAvailable READ cameraAvailable CONSTANT)
    Q_PROPERTY(QString cameraUnavailableReason READ cameraUnavailableReason CONSTANT)
    Q_PROPERTY(fi::app::PhotoListModel* photos READ photos CONSTANT)
    /// A shot was taken and is on its way into the store (the shutter waits).
    Q_PROPERTY(bool capturing READ capturing NOTIFY capturingChanged)
public:
    explicit PhotoController(QObject* parent = nullptr);
    ~PhotoController() override;

    int photoCount() const;
    QVariantList photoTargets() const;
    bool cameraAvailable();
    QString cameraUnavailableReason();
    PhotoListModel* photos() const { return photos_; }
    bool capturing() const { return capturing_; }

    /// Import a picture file into the store, for a finding or for the record in general.
    Q_INVOKABLE void importPhoto(const QUrl& file, const QString& findingId);
    /// Take a picture with the camera (where there is one), for a finding or in general.
    Q_INVOKABLE void capturePhoto(const QString& findingId);
    /// The camera page's viewfinder: live frames into `videoSink` (a VideoOutput's videoSink)
    /// until stopCamera(). Nothing happens where there is no camera.
    Q_INVOKABLE void startCamera(QObject* videoSink);
    Q_INVOKABLE void stopCamera();
    /// Delete a photo (only before completion).
    Q_INVOKABLE void removePhoto(const QString& photoId);

Q_SIGNALS:
    void photosChanged();
    void photoTargetsChanged();
    void capturingChanged();
    /// A photo landed in the store (for the page to show it).
    void photoAdded(const QString& photoId);

private:
    void on_changed(int parts) override;
    void import_image(const QImage& image, const std::string& finding_id);
    bool editable() const { return record_ && record_->session() && !record_->readOnly(); }
    /// Made on first use: opening the multimedia back end is not free.
    platform::Camera& camera();

    PhotoListModel* photos_;
    std::unique_ptr<platform::Camera> camera_;
    std::string camera_finding_;
    bool capturing_ = false;
    void set_capturing(bool on);
};

} // namespace fi::app
