#include "platform/qtcamera.h"

#include <QCamera>
#include <QImageCapture>
#include <QMediaCaptureSession>
#include <QMediaDevices>

namespace fi::platform {

QtCamera::QtCamera(QObject* parent) : Camera(parent), device_(QMediaDevices::defaultVideoInput()) {}

QtCamera::~QtCamera() {
    if (camera_)
        camera_->stop();
}

QString QtCamera::unavailable_reason() const {
    if (available())
        return {};
    return tr("This device has no camera. Import the photo from a file instead.");
}

Status QtCamera::start(QVideoSink* preview) {
    if (!available())
        return Error::make("camera_unavailable", unavailable_reason().toStdString());
    if (!session_) {
        session_ = std::make_unique<QMediaCaptureSession>();
        camera_ = std::make_unique<QCamera>(device_);
        image_capture_ = std::make_unique<QImageCapture>();
        session_->setCamera(camera_.get());
        session_->setImageCapture(image_capture_.get());
        connect(image_capture_.get(), &QImageCapture::imageCaptured, this,
                [this](int, const QImage& image) { Q_EMIT captured(image); });
        connect(image_capture_.get(), &QImageCapture::errorOccurred, this,
                [this](int, QImageCapture::Error, const QString& message) {
                    Q_EMIT failed(tr("The photo could not be taken: %1").arg(message));
                });
        connect(image_capture_.get(), &QImageCapture::readyForCaptureChanged, this,
                [this](bool ready) {
                    if (ready && capture_waiting_) {
                        capture_waiting_ = false;
                        image_capture_->capture();
                    }
                });
        connect(camera_.get(), &QCamera::errorOccurred, this,
                [this](QCamera::Error, const QString& message) {
                    Q_EMIT failed(tr("The camera failed: %1. Close other camera apps and try "
                                     "again, or import the photo from a file.")
                                      .arg(message));
                });
    }
    if (preview)
        session_->setVideoSink(preview);
    camera_->start();
    return {};
}

void QtCamera::stop() {
    if (!camera_)
        return;
    camera_->stop();
    session_->setVideoSink(nullptr);
    capture_waiting_ = false;
}

Status QtCamera::capture() {
    if (!camera_ || !camera_->isActive())
        FI_TRY(start(nullptr));
    // capture(), not captureToFile(): the picture must never touch the disk unencrypted.
    if (image_capture_->isReadyForCapture())
        image_capture_->capture();
    else
        capture_waiting_ = true;
    return {};
}

// Weak so that a test binary's definition (tests/qml/testcamera.cpp) takes its place; a shipped
// binary links no other definition, so its pictures always come from the device's camera.
[[gnu::weak]] std::unique_ptr<Camera> make_camera() {
    return std::make_unique<QtCamera>();
}

} // namespace fi::platform
