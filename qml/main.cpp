#include "qml/application.h"

#include <QtQml/qqmlextensionplugin.h>

// The QML module is a static library: its plugin must be pulled into the executable.
Q_IMPORT_QML_PLUGIN(FieldInspectPlugin)

int main(int argc, char** argv) {
    return fi::app::Application::main(argc, argv);
}
