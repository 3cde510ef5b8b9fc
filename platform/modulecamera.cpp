// The app's Camera: the device's camera from the camera module (camerabackend.h), opened the
// first time a camera is made. Where the module cannot be opened the camera is unavailable and
// says why; the app offers file import, as on a device without a camera.
#include "core/sharedmodule.h"
#include "platform/camera.h"
#include "platform/camerabackend.h"

#include <memory>

namespace fi::platform {

namespace {

class ModuleCamera final : public Camera {
public:
    ModuleCamera() {
        auto make = module_symbol(camera_module, "fieldinspect_make_camera");
        if (!make) {
            missing_ = QString::fromStdString(make.error().message);
            return;
        }
        CameraEvents events;
        events.captured = [this](const QImage& image) { Q_EMIT captured(image); };
        events.failed = [this](const QString& message) { Q_EMIT failed(message); };
        backend_.reset(reinterpret_cast<MakeCameraBackend>(*make)(std::move(events)));
    }

    bool available() const override { return backend_ && backend_->available(); }
    QString unavailable_reason() const override {
        return backend_ ? backend_->unavailable_reason() : missing_;
    }
    Status capture() override {
        if (!backend_)
            return Error::make("camera_unavailable", missing_.toStdString());
        return backend_->capture();
    }
    Status start(QObject* preview) override {
        if (!backend_)
            return Error::make("camera_unavailable", missing_.toStdString());
        return backend_->start(preview);
    }
    void stop() override {
        if (backend_)
            backend_->stop();
    }

private:
    std::unique_ptr<CameraBackend> backend_;
    QString missing_;
};

} // namespace

// Weak so that a test binary's definition (tests/qml/testcamera.cpp) takes its place; a shipped
// binary links no other definition, so its pictures always come from the device's camera.
[[gnu::weak]] std::unique_ptr<Camera> make_camera() {
    return std::make_unique<ModuleCamera>();
}

} // namespace fi::platform
