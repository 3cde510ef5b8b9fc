import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// Who signs this on-site record (现场检查笔录): each inspector present, then the inspected
// unit's representative — signed (with the time), refused (with the reason), or still to do.
FiCard {
    id: card

    required property CompletionController completion

    signal signRequested(string role, string inspectorId, string name, string position)

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        FiSectionTitle {
            text: qsTr("Signatures")
        }
        Label {
            Layout.fillWidth: true
            visible: !card.completion.record.readOnly
            wrapMode: Text.Wrap
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSmall
            text: qsTr("Before completing: each inspector present signs, and so does the person in charge of the unit — or you record their refusal and why.")
        }
        SignatureRows {
            objectName: "signatureRows"
            signatures: card.completion.signatures
            readOnly: card.completion.record.readOnly
            busy: card.completion.record.busy
            onSignRequested: (role, inspectorId, name, position) => card.signRequested(role, inspectorId, name, position)
        }
    }
}
