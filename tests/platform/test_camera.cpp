// The camera seam on a machine without a camera: reported cleanly, nothing started — by QtCamera
// itself, and by the app's camera, which opens it from the camera module.
#include "platform/camera.h"
#include "platform/qtcamera.h"
#include "platformsupport.h"

#include <doctest/doctest.h>

using namespace fi::platform;

TEST_CASE("without a camera QtCamera says so and capture() starts nothing") {
    fi::test::qt_app();
    bool failed = false;
    CameraEvents events;
    events.captured = [](const QImage&) {};
    events.failed = [&](const QString&) { failed = true; };
    QtCamera camera(std::move(events));
    if (camera.available()) {
        MESSAGE("this machine has a camera; the no-camera path is not exercised");
        return;
    }
    CHECK(camera.unavailable_reason().contains("Import the photo from a file"));
    auto st = camera.capture();
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().code == "camera_unavailable");
    CHECK(camera.session() == nullptr);
    CHECK_FALSE(failed);
}

TEST_CASE("the app's camera is the device's, opened from the camera module") {
    fi::test::qt_app();
    // No test camera is linked here: make_camera() is the shipped one.
    auto camera = make_camera();
    REQUIRE(camera);
    QtCamera direct({});
    CHECK(camera->available() == direct.available());
    if (camera->available()) {
        MESSAGE("this machine has a camera; the no-camera path is not exercised");
        return;
    }
    // QtCamera's own words, from inside the module: not "could not be loaded".
    CHECK(camera->unavailable_reason() == direct.unavailable_reason());
    bool failed = false;
    QObject::connect(camera.get(), &Camera::failed, [&] { failed = true; });
    auto st = camera->capture();
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().code == "camera_unavailable");
    CHECK(camera->start(nullptr).error().code == "camera_unavailable");
    camera->stop();
    CHECK_FALSE(failed);
}
