import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// Signing the record on the tablet: an inspector present, or the inspected unit's
// representative (with name and position), draws on the pad; or the representative's refusal
// is recorded with its reason. The dialog stays open until the controller says it was kept, so a
// refusal by the service (shown in it) loses nothing drawn.
FiDialog {
    id: dialog

    required property CompletionController completion
    // "inspector", "representative" or "refusal".
    property string role: "inspector"
    property string inspectorId: ""
    property string signerName: ""
    // For tests, as a user fills them in.
    property alias representativeName: nameField.text
    property alias representativePosition: positionField.text
    property alias refusalReason: reasonField.text
    property alias pad: pad

    function openFor(newRole: string, id: string, name: string, position: string) {
        role = newRole;
        inspectorId = id;
        signerName = name;
        nameField.text = name;
        positionField.text = position;
        reasonField.text = "";
        pad.clear();
        waiting = false;
        open();
    }

    property bool waiting: false
    readonly property bool complete: role === "refusal" ? reasonField.text.trim().length > 0 : !pad.empty && (role !== "representative" || nameField.text.trim().length > 0)

    title: role === "inspector" ? qsTr("Signature of %1").arg(signerName) : role === "representative" ? qsTr("Signature of the inspected unit's representative") : qsTr("The representative refused to sign")
    width: Math.min(720, parent ? parent.width - 2 * Theme.pageMargin : 720)
    closePolicy: Popup.CloseOnEscape

    Connections {
        target: dialog.completion
        function onSignatureKept() {
            if (dialog.waiting)
                dialog.close();
        }
    }
    Connections {
        target: dialog.completion.record
        function onErrorChanged() {
            if (dialog.completion.record.error.length > 0)
                dialog.waiting = false;
        }
    }

    ColumnLayout {
        width: parent ? parent.width : 0
        spacing: Theme.spacing
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: dialog.role === "refusal" ? qsTr("Write down why the person in charge of the unit refused to sign, as you saw it. The refusal is part of the sealed record.") : qsTr("The signature is sealed into the record with its time; it cannot be changed after the record is completed.")
        }
        FiTextField {
            id: nameField
            objectName: "representativeName"
            Layout.fillWidth: true
            visible: dialog.role === "representative"
            label: qsTr("Name (required)")
        }
        FiTextField {
            id: positionField
            objectName: "representativePosition"
            Layout.fillWidth: true
            visible: dialog.role === "representative"
            label: qsTr("Position")
        }
        FiTextField {
            id: reasonField
            objectName: "refusalReason"
            Layout.fillWidth: true
            visible: dialog.role === "refusal"
            label: qsTr("Why they refused (required)")
        }
        SignaturePad {
            id: pad
            objectName: "signaturePad"
            Layout.fillWidth: true
            Layout.preferredHeight: implicitHeight
            visible: dialog.role !== "refusal"
        }
        FiErrorText {
            objectName: "signatureError"
            Layout.fillWidth: true
            text: dialog.completion.record.error
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            FiButton {
                objectName: "clearSignature"
                visible: dialog.role !== "refusal"
                text: qsTr("Clear")
                enabled: !pad.empty
                onClicked: pad.clear()
            }
            Item {
                Layout.fillWidth: true
            }
            FiButton {
                objectName: "cancelSignature"
                text: qsTr("Cancel")
                onClicked: dialog.close()
            }
            FiButton {
                objectName: "keepSignature"
                tone: "primary"
                text: dialog.role === "refusal" ? qsTr("Record the refusal") : qsTr("Keep the signature")
                enabled: dialog.complete && !dialog.waiting && !dialog.completion.record.busy
                onClicked: {
                    dialog.waiting = true;
                    if (dialog.role === "inspector")
                        dialog.completion.signInspector(dialog.inspectorId, pad.strokes, pad.width, pad.height);
                    else if (dialog.role === "representative")
                        dialog.completion.signRepresentative(nameField.text, positionField.text, pad.strokes, pad.width, pad.height);
                    else
                        dialog.completion.recordRefusal(reasonField.text);
                }
            }
        }
    }
}
