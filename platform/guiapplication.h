#pragma once

#include "core/result.h"

namespace fi::platform {

/// Drawing a PDF (QPdfWriter, fonts) needs a QGuiApplication. The app has one; the command
/// line has none and may run without a display: this makes one on the `offscreen` platform
/// (unless QT_QPA_PLATFORM says otherwise) the first time it is needed, and refuses when a
/// non-GUI QCoreApplication already exists. Call it on the thread that will own the GUI.
Status ensure_gui_application();

} // namespace fi::platform
