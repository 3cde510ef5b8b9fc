#include "platform/processhardening.h"
#include "qml/application.h"

#include <QtQml/qqmlextensionplugin.h>

// The QML module is a static library: its plugin must be pulled into the executable.
Q_IMPORT_QML_PLUGIN(FieldInspectPlugin)

int main(int argc, char** argv) {
    fi::platform::deny_core_dumps(); // release builds: no core file with the PIN or the key
    return fi::app::Application::main(argc, argv);
}
