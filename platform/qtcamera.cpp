#include "platform/qtcamera.h"

#include <QCamera>
#include <QCoreApplication>
#include <QImageCapture>
#include <QMediaCaptureSession>
#include <QMediaDevices>
#include <QVideoSink>

namespace fi::platform {

QtCamera::QtCamera(CameraEvents events)
    : events_(std::move(events)), device_(QMediaDevices::defaultVideoInput()) {}

QtCamera::~QtCamera() {
    if (camera_)
        camera_->stop();
}

// Its words are translated in the context of the class's name ("fi::platform::QtCamera"), as
// when it was a QObject of the app's: the translations did not change with the module.
QString QtCamera::unavailable_reason() const {
    if (available())
        return {};
    return QCoreApplication::translate(
        "fi::platform::QtCamera",
        "This device has no camera. Import the photo from a file instead.");
}

Status QtCamera::start(QObject* preview) {
    if (!available())
        return Error::make("camera_unavailable", unavailable_reason().toStdString());
    if (!session_) {
        session_ = std::make_unique<QMediaCaptureSession>();
        camera_ = std::make_unique<QCamera>(device_);
        image_capture_ = std::make_unique<QImageCapture>();
        session_->setCamera(camera_.get());
        session_->setImageCapture(image_capture_.get());
        QObject::connect(image_capture_.get(), &QImageCapture::imageCaptured, &context_,
                         [this](int, const QImage& image) { events_.captured(image); });
        QObject::connect(image_capture_.get(), &QImageCapture::errorOccurred, &context_,
                         [this](int, QImageCapture::Error, const QString& message) {
                             events_.failed(
                                 QCoreApplication::translate("fi::platform::QtCamera",
                                                             "The photo could not be taken: %1")
                                     .arg(message));
                         });
        QObject::connect(image_capture_.get(), &QImageCapture::readyForCaptureChanged, &context_,
                         [this](bool ready) {
                             if (ready && capture_waiting_) {
                                 capture_waiting_ = false;
                                 image_capture_->capture();
                             }
                         });
        QObject::connect(camera_.get(), &QCamera::errorOccurred, &context_,
                         [this](QCamera::Error, const QString& message) {
                             events_.failed(QCoreApplication::translate(
                                                "fi::platform::QtCamera",
                                                "The camera failed: %1. Close other camera apps "
                                                "and try again, or import the photo from a file.")
                                                .arg(message));
                         });
    }
    if (auto* sink = qobject_cast<QVideoSink*>(preview))
        session_->setVideoSink(sink);
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

} // namespace fi::platform
