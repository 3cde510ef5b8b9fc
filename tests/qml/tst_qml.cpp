// QtQuickTest runner for quick/tst_*.qml over the app's QML module and real services.
#include "qmltestsetup.h"

#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(FieldInspectPlugin)

QUICK_TEST_MAIN_WITH_SETUP(fieldinspect, fi::test::QmlTestSetup)
