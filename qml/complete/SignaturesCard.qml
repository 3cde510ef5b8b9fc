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
        FiStack {
            objectName: "signatureRows"
            model: card.completion.signatures
            delegate: RowLayout {
                id: row
                required property var modelData
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
                    visible: !card.completion.record.readOnly
                    enabled: !card.completion.record.busy
                    text: row.modelData.signed ? qsTr("Sign again") : qsTr("Sign")
                    Accessible.name: text + ": " + (row.representative ? qsTr("representative") : row.modelData.name)
                    onClicked: card.signRequested(row.representative ? "representative" : "inspector", row.modelData.inspectorId || "", row.modelData.name, row.modelData.position || "")
                }
                FiButton {
                    objectName: "refused"
                    visible: row.representative && !card.completion.record.readOnly
                    enabled: !card.completion.record.busy
                    tone: "flat"
                    text: qsTr("Refused…")
                    onClicked: card.signRequested("refusal", "", "", "")
                }
            }
        }
    }
}
