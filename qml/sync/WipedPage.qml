import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// Shown once the tablet was erased by the central system's order: the store, its keys, the
// settings and the kept central system are gone. Setting the tablet up again starts from the
// first run after the app is opened again.
FiPage {
    id: page

    pageName: "wiped"
    title: qsTr("Tablet erased")

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.pageMargin, Theme.formMaxWidth)
        spacing: Theme.spacingLarge

        Label {
            objectName: "wipedTitle"
            Layout.fillWidth: true
            text: qsTr("This tablet was erased")
            font.pixelSize: Theme.fontTitle
            font.bold: true
            wrapMode: Text.Wrap
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("The central system ordered it. Its records, photos, keys and settings are gone from this tablet; what was uploaded is kept by the central system.") + (Sync.wipeMessage.length > 0 ? " " + qsTr("Its message: %1").arg(Sync.wipeMessage) : "")
            wrapMode: Text.Wrap
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("To use the tablet again, close the app and open it: it starts with the first sign-in.")
            color: Theme.textSecondary
            wrapMode: Text.Wrap
        }
        FiButton {
            objectName: "closeApp"
            tone: "primary"
            text: qsTr("Close the app")
            onClicked: Qt.quit()
        }
    }
}
