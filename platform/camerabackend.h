#pragma once

#include "core/result.h"

#include <QImage>
#include <QString>
#include <functional>

class QObject;

namespace fi::platform {

/// What the device's camera tells its user: a picture taken, or why none was.
struct CameraEvents {
    std::function<void(const QImage&)> captured;
    std::function<void(const QString&)> failed;
};

/// The device's camera as the module libfieldinspect-camera.so gives it (QtCamera, through Qt
/// Multimedia, which only the module links): a plain interface, with no meta-object of its own
/// on either side, so nothing of the app's Qt types is copied into the module. The app's Camera
/// (modulecamera.cpp) wraps it and turns its events into signals. Lives on the GUI thread.
class CameraBackend {
public:
    virtual ~CameraBackend() = default;
    virtual bool available() const = 0;
    virtual QString unavailable_reason() const = 0;
    virtual Status capture() = 0;
    /// `preview`: a QVideoSink, or null.
    virtual Status start(QObject* preview) = 0;
    virtual void stop() = 0;
};

/// The module's entry point, `fieldinspect_make_camera`: a camera owned by the caller.
using MakeCameraBackend = CameraBackend* (*)(CameraEvents events);

inline constexpr char camera_module[] = "libfieldinspect-camera.so";

} // namespace fi::platform
