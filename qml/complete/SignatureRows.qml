import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// The signature rows of the Signatures card, one per signer: the state and the buttons to
// sign or to record a refusal. A Column, not a layout (see FiStack); each row reaches the list
// through its parent, typed (a delegate is a component of its own: qmllint cannot see an outer
// id from it).
Column {
    id: rows

    property var signatures: []
    property bool readOnly: true
    property bool busy: false

    signal signRequested(string role, string inspectorId, string name, string position)

    Layout.fillWidth: true
    visible: repeater.count > 0
    spacing: Theme.spacing

    Repeater {
        id: repeater
        model: rows.signatures
        delegate: RowLayout {
            id: row
            required property var modelData
            readonly property SignatureRows owner: parent as SignatureRows
            width: row.owner ? row.owner.width : implicitWidth
            readonly property bool representative: modelData.role === "representative"
            spacing: Theme.spacing
            objectName: "signatureRow_" + (representative ? "representative" : modelData.inspectorId)
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    font.bold: true
                    text: row.representative ? (row.modelData.name.length > 0 ? qsTr("Representative: %1 %2").arg(row.modelData.name).arg(row.modelData.position) : qsTr("Representative of the inspected unit")) : row.modelData.name
                }
                Label {
                    objectName: "signatureState"
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.fontSmall
                    color: row.modelData.signed || row.modelData.refused ? Theme.success : Theme.danger
                    text: row.modelData.refused ? qsTr("Refused to sign: %1").arg(row.modelData.reason) : row.modelData.signed ? qsTr("Signed %1").arg(row.modelData.signedAt.substring(0, 16).replace("T", " ")) : qsTr("Not signed yet")
                }
            }
            FiButton {
                objectName: "sign"
                visible: row.owner !== null && !row.owner.readOnly
                enabled: row.owner !== null && !row.owner.busy
                text: row.modelData.signed ? qsTr("Sign again") : qsTr("Sign")
                Accessible.name: text + ": " + (row.representative ? qsTr("representative") : row.modelData.name)
                onClicked: row.owner.signRequested(row.representative ? "representative" : "inspector", row.modelData.inspectorId || "", row.modelData.name, row.modelData.position || "")
            }
            FiButton {
                objectName: "refused"
                visible: row.representative && row.owner !== null && !row.owner.readOnly
                enabled: row.owner !== null && !row.owner.busy
                tone: "flat"
                text: qsTr("Refused…")
                onClicked: row.owner.signRequested("refusal", "", "", "")
            }
        }
    }
}
