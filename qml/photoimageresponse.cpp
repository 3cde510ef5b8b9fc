#include "qml/photoimageresponse.h"

#include "qml/applayer.h"
#include "qml/storethread.h"
#include "qml/usermessages.h"

namespace fi::app {

PhotoImageResponse::PhotoImageResponse(StoreThread& store, const QString& id,
                                       const QSize& requested)
    : link_(std::make_shared<Link>()) {
    link_->response = this;
    const bool thumb = id.startsWith(QLatin1String("thumb/"));
    const std::string photo_id = id.section(QLatin1Char('/'), 1).toStdString();
    store.post(
        [link = link_, thumb, photo_id, requested](Tablet& b) {
            auto image = thumb ? b.photos.thumbnail(photo_id) : b.photos.photo(photo_id);
            QImage picture;
            QString error;
            if (image) {
                picture = std::move(image.value());
                if (requested.isValid() && !requested.isEmpty() &&
                    (picture.width() > requested.width() || picture.height() > requested.height()))
                    picture =
                        picture.scaled(requested, Qt::KeepAspectRatio, Qt::SmoothTransformation);
            } else {
                error = UserMessages::error(image.error());
            }
            std::lock_guard lock(link->mutex);
            if (link->response)
                link->response->deliver(std::move(picture), std::move(error));
        },
        StoreThread::Kind::interactive);
}

PhotoImageResponse::~PhotoImageResponse() {
    std::lock_guard lock(link_->mutex);
    link_->response = nullptr;
}

void PhotoImageResponse::deliver(QImage image, QString error) {
    {
        std::lock_guard lock(mutex_);
        image_ = std::move(image);
        error_ = std::move(error);
    }
    Q_EMIT finished();
}

QQuickTextureFactory* PhotoImageResponse::textureFactory() const {
    std::lock_guard lock(mutex_);
    return QQuickTextureFactory::textureFactoryForImage(image_);
}

QString PhotoImageResponse::errorString() const {
    std::lock_guard lock(mutex_);
    return error_;
}

} // namespace fi::app
