// The camera seam on a machine without a camera: reported cleanly, nothing started.
#include "platform/qtcamera.h"
#include "platformsupport.h"

#include <doctest/doctest.h>

using namespace fi::platform;

TEST_CASE("without a camera QtCamera says so and capture() starts nothing") {
    fi::test::qt_app();
    QtCamera camera;
    if (camera.available()) {
        MESSAGE("this machine has a camera; the no-camera path is not exercised");
        return;
    }
    CHECK(camera.unavailable_reason().contains("Import the photo from a file"));
    bool failed = false;
    QObject::connect(&camera, &Camera::failed, [&] { failed = true; });
    auto st = camera.capture();
    REQUIRE_FALSE(st.ok());
    CHECK(st.error().code == "camera_unavailable");
    CHECK(camera.session() == nullptr);
    CHECK_FALSE(failed);
}
