import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// The same-day rule at a glance: what is still on the tablet, how long today has left
// (24:00 in UTC+08:00), whether the central system is reachable. Loud when the day is
// running out or records are already late.
FiCard {
    id: card

    signal openSync

    readonly property bool urgent: Sync.overdue > 0 || Sync.parked > 0 || (Sync.dueToday > 0 && Sync.minutesLeft < 180)

    fill: urgent ? Theme.dangerSurface : Sync.unsent > 0 ? Theme.warningSurface : Theme.successSurface
    border: urgent ? Theme.danger : Sync.unsent > 0 ? Theme.warning : Theme.success
    padding: Theme.spacing

    RowLayout {
        anchors.fill: parent
        spacing: Theme.spacingLarge

        ColumnLayout {
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacing
            spacing: Theme.spacingSmall

            Label {
                objectName: "sameDaySummary"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: card.urgent ? Theme.danger : Theme.text
                text: Sync.unsent === 0 ? qsTr("Everything recorded is uploaded.") : qsTr("%n record(s) not yet uploaded", "", Sync.unsent)
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: {
                    const hours = Math.floor(Sync.minutesLeft / 60);
                    const minutes = Sync.minutesLeft % 60;
                    let t = qsTr("Same-day upload: %1 h %2 min left until 24:00.").arg(hours).arg(minutes);
                    if (Sync.dueToday > 0)
                        t += " " + qsTr("%n of today's record(s) still on the tablet.", "", Sync.dueToday);
                    if (Sync.draftsToday > 0)
                        t += " " + qsTr("%n of them not yet completed: complete them to send them.", "", Sync.draftsToday);
                    if (Sync.overdue > 0)
                        t += " " + qsTr("%n record(s) from earlier days will be marked late.", "", Sync.overdue);
                    if (Sync.parked > 0)
                        t += " " + qsTr("%n record(s) refused: open Sync.", "", Sync.parked);
                    return t;
                }
            }
        }
        // The deadline in sight: hours and minutes to 24:00, large, while anything of today is
        // unsent or unfinished.
        ColumnLayout {
            visible: Sync.dueToday + Sync.draftsToday > 0
            spacing: 0
            Label {
                objectName: "countdown"
                Layout.alignment: Qt.AlignHCenter
                text: Math.floor(Sync.minutesLeft / 60) + ":" + String(Sync.minutesLeft % 60).padStart(2, "0")
                font.pixelSize: Theme.fontHuge * 1.5
                font.bold: true
                color: Sync.deadlineAlert === "now" ? Theme.danger : Theme.text
                Accessible.name: qsTr("%1 h %2 min left today").arg(Math.floor(Sync.minutesLeft / 60)).arg(Sync.minutesLeft % 60)
            }
            Label {
                Layout.alignment: Qt.AlignHCenter
                text: qsTr("left until 24:00")
                font.pixelSize: Theme.fontSmall
                color: Theme.textSecondary
            }
        }
        ColumnLayout {
            spacing: Theme.spacingSmall
            Label {
                Layout.alignment: Qt.AlignRight
                text: Sync.online ? qsTr("● Online") : qsTr("○ Offline")
                color: Sync.online ? Theme.success : Theme.textSecondary
                font.bold: true
            }
            FiButton {
                objectName: "openSyncButton"
                text: Sync.syncing ? qsTr("Syncing…") : qsTr("Sync")
                onClicked: card.openSync()
            }
        }
    }
}
