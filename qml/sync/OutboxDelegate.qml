import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// One record on the Sync page: where it is, its photos' progress, the central system's
// words when it refused, and the action that helps.
FiCard {
    id: card

    required property string recordId
    required property string targetName
    required property string inspectionDay
    required property string state
    required property bool late
    required property string message
    required property string hint
    required property string action
    required property var sentBytes
    required property var totalBytes
    required property string receivedAt

    signal retry(string recordId)
    signal signIn
    signal view(string recordId)

    padding: Theme.spacing

    GridLayout {
        anchors.fill: parent
        columns: card.width > 800 ? 3 : 1
        columnSpacing: Theme.spacingLarge
        rowSpacing: Theme.spacingSmall

        ColumnLayout {
            Layout.fillWidth: true
            Layout.preferredWidth: 3
            spacing: 2
            Label {
                Layout.fillWidth: true
                text: card.targetName.length > 0 ? card.targetName : card.recordId
                font.bold: true
                wrapMode: Text.Wrap
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Inspected %1").arg(card.inspectionDay) + (card.receivedAt.length > 0 ? " · " + qsTr("received %1").arg(card.receivedAt) : "")
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.Wrap
            }
            Label {
                Layout.fillWidth: true
                visible: card.message.length > 0
                text: qsTr("Central system: %1").arg(card.message)
                color: Theme.danger
                wrapMode: Text.Wrap
            }
            Label {
                Layout.fillWidth: true
                visible: card.hint.length > 0
                text: card.hint
                wrapMode: Text.Wrap
                font.pixelSize: Theme.fontSmall
            }
        }
        ColumnLayout {
            Layout.fillWidth: true
            Layout.preferredWidth: 2
            spacing: 2
            RowLayout {
                FiStateBadge {
                    state: card.late && card.state === "uploaded" ? "late" : card.state
                }
            }
            FiProgressBar {
                Layout.fillWidth: true
                visible: card.totalBytes > 0
                from: 0
                to: Math.max(1, card.totalBytes)
                value: card.sentBytes
                barColor: card.state === "uploaded" ? Theme.success : Theme.primary
            }
            Label {
                visible: card.totalBytes > 0
                text: qsTr("Photos: %1").arg(Sync.bytesText(card.sentBytes) + " / " + Sync.bytesText(card.totalBytes))
                font.pixelSize: Theme.fontSmall
                color: Theme.textSecondary
            }
        }
        FiButton {
            objectName: "action_" + card.recordId
            Layout.alignment: Qt.AlignRight | Qt.AlignVCenter
            visible: card.action.length > 0
            tone: card.action === "retry" ? "primary" : "normal"
            text: card.action === "retry" ? qsTr("Try again") : card.action === "signIn" ? qsTr("Sign in") : qsTr("View")
            Accessible.name: text + ": " + card.targetName + " " + card.inspectionDay
            onClicked: {
                if (card.action === "retry")
                    card.retry(card.recordId);
                else if (card.action === "signIn")
                    card.signIn();
                else
                    card.view(card.recordId);
            }
        }
    }
}
