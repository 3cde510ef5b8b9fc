import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// The central system ordered this tablet erased, but some records are not on it yet: the
// dialog lists each of them and asks. Erasing loses them for good; keeping them leaves the
// tablet as it is and tries the uploads again (the order stands, so it asks again later).
// Nothing is ever erased without this answer.
FiDialog {
    id: dialog

    objectName: "wipeDialog"
    title: qsTr("Erase this tablet?")
    closePolicy: Popup.NoAutoClose
    visible: Sync.wipeAsked

    ColumnLayout {
        width: Theme.formMaxWidth
        spacing: Theme.spacing

        Label {
            Layout.fillWidth: true
            text: qsTr("The central system ordered this tablet erased.") + (Sync.wipeMessage.length > 0 ? " " + qsTr("Its message: %1").arg(Sync.wipeMessage) : "")
            wrapMode: Text.Wrap
        }
        Label {
            objectName: "wipeUnsentCount"
            Layout.fillWidth: true
            text: qsTr("%n record(s) are not on the central system yet. Erasing now loses them for good:", "", Sync.wipeUnsent.length)
            color: Theme.danger
            wrapMode: Text.Wrap
        }
        FiStack {
            model: Sync.wipeUnsent
            delegate: Label {
                required property var modelData
                objectName: "wipeUnsent_" + modelData.recordId
                text: "• " + modelData.inspectionDay + "  " + (modelData.targetName.length > 0 ? modelData.targetName : modelData.recordId) + "  (" + (modelData.state === "draft" ? qsTr("draft") : modelData.state === "frozen" ? qsTr("frozen") : qsTr("not uploaded")) + ")"
                wrapMode: Text.Wrap
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            FiButton {
                objectName: "keepAndRetry"
                Layout.fillWidth: true
                tone: "primary"
                text: qsTr("Keep them and try again")
                onClicked: Sync.keepAndRetry()
            }
            FiButton {
                objectName: "eraseAnyway"
                Layout.fillWidth: true
                tone: "danger"
                text: qsTr("Erase anyway")
                onClicked: Sync.eraseAnyway()
            }
        }
    }
}
