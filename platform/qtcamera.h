#pragma once

#include "platform/camera.h"

#include <QCameraDevice>
#include <memory>

class QCamera;
class QImageCapture;
class QMediaCaptureSession;

namespace fi::platform {

/// Camera through QtMultimedia: the default video input, a capture session and
/// QImageCapture::capture(), which delivers a QImage and writes no file. On Android the same
/// code reaches CameraX through Qt's backend. A machine without a camera (this build host)
/// reports that cleanly and never opens a device.
class QtCamera final : public Camera {
    Q_OBJECT
public:
    explicit QtCamera(QObject* parent = nullptr);
    ~QtCamera() override;

    bool available() const override { return !device_.isNull(); }
    QString unavailable_reason() const override;
    Status capture() override;

    Status start(QVideoSink* preview) override;
    void stop() override;

    /// The capture session (its video sink is the viewfinder's); null until started.
    QMediaCaptureSession* session() const { return session_.get(); }

private:
    QCameraDevice device_;
    std::unique_ptr<QMediaCaptureSession> session_;
    std::unique_ptr<QCamera> camera_;
    std::unique_ptr<QImageCapture> image_capture_;
    bool capture_waiting_ = false;
};

} // namespace fi::platform
