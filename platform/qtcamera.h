#pragma once

#include "platform/camerabackend.h"

#include <QCameraDevice>
#include <QObject>
#include <memory>

class QCamera;
class QImageCapture;
class QMediaCaptureSession;

namespace fi::platform {

/// Camera through QtMultimedia: the default video input, a capture session and
/// QImageCapture::capture(), which delivers a QImage and writes no file. On Android the same
/// code reaches CameraX through Qt's backend. A machine without a camera (this build host)
/// reports that cleanly and never opens a device. Built into the camera module
/// (cameramodule.cpp); the app reaches it through its Camera (modulecamera.cpp).
class QtCamera final : public CameraBackend {
public:
    explicit QtCamera(CameraEvents events);
    ~QtCamera() override;

    bool available() const override { return !device_.isNull(); }
    QString unavailable_reason() const override;
    Status capture() override;

    Status start(QObject* preview) override;
    void stop() override;

    /// The capture session (its video sink is the viewfinder's); null until started.
    QMediaCaptureSession* session() const { return session_.get(); }

private:
    CameraEvents events_;
    QObject context_; // the receiver of Qt Multimedia's signals, gone with this camera
    QCameraDevice device_;
    std::unique_ptr<QMediaCaptureSession> session_;
    std::unique_ptr<QCamera> camera_;
    std::unique_ptr<QImageCapture> image_capture_;
    bool capture_waiting_ = false;
};

} // namespace fi::platform
