#include "qml/photocontroller.h"

#include "core/answers.h"
#include "platform/camera.h"
#include "qml/photolistmodel.h"
#include "qml/preferences.h"
#include "qml/storethread.h"
#include "qml/usermessages.h"

#include <QVariantMap>

namespace fi::app {

namespace {
QString qs(const std::string& s) {
    return QString::fromStdString(s);
}
} // namespace

PhotoController::PhotoController(QObject* parent)
    : RecordController(parent), photos_(new PhotoListModel(this)) {}

PhotoController::~PhotoController() {
    if (camera_)
        camera_->stop();
}

void PhotoController::set_capturing(bool on) {
    if (capturing_ == on)
        return;
    capturing_ = on;
    Q_EMIT capturingChanged();
}

void PhotoController::on_changed(int parts) {
    if (!record_ || !record_->loaded() || !(parts & (OpenRecord::Photos | OpenRecord::Findings)))
        return;
    const InspectionRecord& r = record_->record();
    std::vector<std::pair<std::string, std::string>> labels;
    for (const auto& f : r.findings) {
        const Checkpoint* cp = find_checkpoint(record_->opened().items, f.item_id, f.checkpoint_id);
        labels.emplace_back(f.id, cp ? cp->text : f.checkpoint_id);
    }
    photos_->set_photos(r.photos, labels, r.inspection_day);
    if (parts & OpenRecord::Photos)
        Q_EMIT photosChanged();
    if (parts & OpenRecord::Findings)
        Q_EMIT photoTargetsChanged();
}

int PhotoController::photoCount() const {
    return record_ ? static_cast<int>(record_->record().photos.size()) : 0;
}

QVariantList PhotoController::photoTargets() const {
    QVariantList out{QVariantMap{{QStringLiteral("id"), QString()},
                                 {QStringLiteral("label"), tr("The inspection in general")}}};
    if (!record_)
        return out;
    for (const auto& f : record_->record().findings) {
        const Checkpoint* cp = find_checkpoint(record_->opened().items, f.item_id, f.checkpoint_id);
        out.push_back(
            QVariantMap{{QStringLiteral("id"), qs(f.id)},
                        {QStringLiteral("label"),
                         tr("Finding: %1").arg(cp ? qs(cp->text) : qs(f.checkpoint_id))}});
    }
    return out;
}

platform::Camera& PhotoController::camera() {
    if (!camera_) {
        camera_ = platform::make_camera();
        connect(camera_.get(), &platform::Camera::captured, this,
                [this](const QImage& image) { import_image(image, camera_finding_); });
        connect(camera_.get(), &platform::Camera::failed, this, [this](const QString& message) {
            set_capturing(false);
            if (record_)
                record_->set_error(message);
        });
    }
    return *camera_;
}

bool PhotoController::cameraAvailable() {
    return camera().available();
}

QString PhotoController::cameraUnavailableReason() {
    return camera().available() ? QString()
                                : UserMessages::error(QStringLiteral("camera_unavailable"), {});
}

void PhotoController::importPhoto(const QUrl& file, const QString& findingId) {
    if (!editable())
        return;
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    std::optional<std::string> finding;
    if (!findingId.isEmpty())
        finding = findingId.toStdString();
    const int side = record_->session()->preferences().photoLongestSide();
    record_->flush(); // a new finding must be in the store before a photo names it
    record_->run([id = record_->record().id, p = path.toStdString(), finding,
                  side](Tablet& b) { return b.photos.import_file(id, p, finding, side); },
                 [self = QPointer(this), rec = record_](Result<PhotoRef> r) {
                     if (!r) {
                         rec->set_error(UserMessages::error(r.error()));
                         return;
                     }
                     rec->set_error({});
                     if (self)
                         Q_EMIT self->photoAdded(qs(r->id));
                     rec->reload();
                 });
}

void PhotoController::import_image(const QImage& image, const std::string& finding_id) {
    if (!editable()) {
        set_capturing(false);
        return;
    }
    std::optional<std::string> finding;
    if (!finding_id.empty())
        finding = finding_id;
    LocationService* location = record_->location();
    const std::optional<Location> where = location ? location->current() : std::nullopt;
    const int side = record_->session()->preferences().photoLongestSide();
    record_->flush();
    record_->run([id = record_->record().id, image, finding, where, side](
                     Tablet& b) { return b.photos.import_image(id, image, finding, where, side); },
                 [self = QPointer(this), rec = record_](Result<PhotoRef> r) {
                     if (self)
                         self->set_capturing(false);
                     if (!r) {
                         rec->set_error(UserMessages::error(r.error()));
                         return;
                     }
                     if (self)
                         Q_EMIT self->photoAdded(qs(r->id));
                     rec->reload();
                 });
}

void PhotoController::capturePhoto(const QString& findingId) {
    if (!editable() || capturing_)
        return;
    camera_finding_ = findingId.toStdString();
    set_capturing(true);
    if (auto s = camera().capture(); !s) {
        set_capturing(false);
        record_->set_error(UserMessages::error(s.error()));
    }
}

void PhotoController::startCamera(QObject* videoSink) {
    if (!camera().available())
        return;
    if (auto s = camera_->start(videoSink); !s && record_)
        record_->set_error(UserMessages::error(s.error()));
}

void PhotoController::stopCamera() {
    if (camera_)
        camera_->stop();
}

void PhotoController::removePhoto(const QString& photoId) {
    if (!editable())
        return;
    record_->run([id = record_->record().id,
                  photo = photoId.toStdString()](Tablet& b) { return b.photos.remove(id, photo); },
                 [rec = record_](Status s) {
                     if (!s) {
                         rec->set_error(UserMessages::error(s.error()));
                         return;
                     }
                     rec->reload();
                 });
}

} // namespace fi::app
