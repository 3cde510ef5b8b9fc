import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// Asks why a completed record is corrected. The correction is a new record that supersedes
// this one, which stays as it is; both go to the central system.
FiDialog {
    id: dialog

    // What the user typed (tests fill it in as a user does).
    property alias reasonText: reason.text

    signal reasonGiven(string reason)

    title: qsTr("Correct this record?")
    standardButtons: Dialog.Cancel | Dialog.Ok
    onAboutToShow: reason.text = ""
    onAccepted: dialog.reasonGiven(reason.text)

    ColumnLayout {
        width: Theme.formMaxWidth
        spacing: Theme.spacing
        Label {
            Layout.fillWidth: true
            text: qsTr("A completed record never changes. The correction is a new record, filled in from this one, that you edit, complete and upload; this record stays as it is, and both are kept.")
            wrapMode: Text.Wrap
        }
        FiTextField {
            id: reason
            objectName: "correctionReasonField"
            Layout.fillWidth: true
            label: qsTr("What was wrong (required)")
            onAccepted: dialog.accept()
        }
    }
}
