#include "platform/guiapplication.h"

#include <QGuiApplication>

namespace fi::platform {

Status ensure_gui_application() {
    if (auto* app = QCoreApplication::instance()) {
        if (qobject_cast<QGuiApplication*>(app))
            return {};
        return Error::make("no_gui", "Making a PDF needs a Qt GUI application; this program "
                                     "runs a non-GUI one.");
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "fieldinspect";
    static char* argv[] = {name, nullptr};
    // Lives until the process ends, like the app's own QGuiApplication.
    static QGuiApplication* app = new QGuiApplication(argc, argv);
    (void)app;
    return {};
}

} // namespace fi::platform
