#pragma once

#include "core/result.h"

#include <QImage>
#include <QObject>
#include <QString>
#include <memory>

namespace fi::platform {

/// A camera that hands pictures over in memory, never as a file: the picture goes from here
/// to PhotoImporter::import_image and into the encrypted store. Where there is no camera the
/// app offers file import instead. Lives on the GUI thread.
class Camera : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~Camera() override;

    virtual bool available() const = 0;
    /// What to tell the user when available() is false.
    virtual QString unavailable_reason() const = 0;
    /// Take one picture. The image comes with captured(), a failure with failed(); an error
    /// here means nothing was started.
    virtual Status capture() = 0;
    /// Start the viewfinder: live frames go to `preview` (a QML VideoOutput's videoSink, a
    /// QVideoSink) until stop(). Null starts the camera without a picture on screen. Handed on
    /// as a QObject: the app itself does not link Qt Multimedia (the camera module does).
    virtual Status start(QObject* preview) = 0;
    /// Stop the viewfinder and the device (a page closed, the app in the background).
    virtual void stop() = 0;

Q_SIGNALS:
    void captured(const QImage& image);
    void failed(const QString& message);
};

/// The camera this binary uses. Shipped binaries: the weak definition in modulecamera.cpp,
/// always the device's camera (a QtCamera, opened from the module libfieldinspect-camera.so
/// the first time it is needed), with no switch to choose another. Test binaries of the app
/// link tests/qml/testcamera.cpp, whose definition replaces it with a camera that makes its
/// own frames (a picture it could forge must never be reachable in a shipped binary).
std::unique_ptr<Camera> make_camera();

} // namespace fi::platform
