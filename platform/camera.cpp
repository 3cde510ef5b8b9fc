#include "platform/camera.h"

namespace fi::platform {

Camera::~Camera() = default;

} // namespace fi::platform
