import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// "Continue: ‹target› 9/13" — the draft left open, one tap from Today back to its checklist at
// the place it was left. The record is read (never written) through an OpenRecord and its
// checklist's progress; the card shows only while that record is still a draft.
FiCard {
    id: card

    // The record left open ("" = none) and the row it was at (-1: its first unanswered).
    property string recordId: ""
    property int row: -1

    signal openRecordAt(string recordId, int row)

    // (A record that could not be opened — purged, erased — leaves its error: nothing shown.)
    visible: recordId.length > 0 && leftOpen.loaded && leftOpen.error.length === 0 && !leftOpen.readOnly
    fill: Theme.surface
    border: Theme.primary
    padding: Theme.spacing

    OpenRecord {
        id: leftOpen
        session: Session
        recordId: card.recordId
    }
    ChecklistController {
        id: progress
        record: leftOpen
    }

    RowLayout {
        anchors.fill: parent
        spacing: Theme.spacingLarge
        Label {
            objectName: "continueText"
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacing
            text: qsTr("Continue: %1 %2/%3").arg(leftOpen.targetName).arg(progress.requiredAnswered).arg(progress.requiredTotal)
            font.pixelSize: Theme.fontLarge
            font.bold: true
            elide: Text.ElideRight
        }
        FiButton {
            objectName: "continueButton"
            tone: "primary"
            text: qsTr("Continue")
            Accessible.name: qsTr("Continue: %1").arg(leftOpen.targetName)
            onClicked: card.openRecordAt(card.recordId, card.row)
        }
    }
}
