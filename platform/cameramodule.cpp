// The camera module, libfieldinspect-camera.so: Qt Multimedia (with PulseAudio, GStreamer and
// the codecs under it) is mapped only when the camera is first used, not at every start
// (docs/performance-notes.md). Its one entry point makes the device's camera.
#include "core/sharedmodule.h"
#include "platform/qtcamera.h"

FI_MODULE_EXPORT const char* const fieldinspect_module_version = FI_MODULE_VERSION;

FI_MODULE_EXPORT fi::platform::CameraBackend*
fieldinspect_make_camera(fi::platform::CameraEvents events) {
    return new fi::platform::QtCamera(std::move(events));
}
