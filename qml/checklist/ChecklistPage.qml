import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// The checklist of one inspection: every assigned item with its legal basis, every
// checkpoint with the editor its kind needs. A fail asks for the finding, and for a photo
// where the checkpoint requires one. Everything saves itself as it is entered.
FiPage {
    id: page

    property string recordId: ""
    // The record open on this page and the pages it opens (Photos, Complete), and this
    // page's controller over it.
    readonly property OpenRecord record: openRecord
    readonly property ChecklistController controller: inspection

    signal openPhotos(OpenRecord record, string findingId)
    signal openComplete(OpenRecord record)

    function showCheckpoint(itemId: string, checkpointId: string) {
        const row = inspection.checklist.rowOf(itemId, checkpointId);
        if (row >= 0) {
            // In the middle, under its item's header held at the top (which must not cover it);
            // the middle also leaves room for a row that grows as it lays out.
            list.positionViewAtIndex(row, ListView.Center);
            list.currentIndex = row;
        }
    }
    function editFinding(itemId: string, checkpointId: string, checkpointText: string, description: string) {
        findingDialog.itemId = itemId;
        findingDialog.checkpointId = checkpointId;
        findingDialog.checkpointText = checkpointText;
        findingDialog.description = description;
        findingDialog.open();
    }

    pageName: "checklist"
    title: openRecord.targetName.length > 0 ? openRecord.targetName : qsTr("Checklist")
    subtitle: openRecord.readOnly ? qsTr("Completed record, read only") : qsTr("Checklist · %1 of %2 required answered").arg(inspection.requiredAnswered).arg(inspection.requiredTotal)
    ready: openRecord.loaded
    StackView.onDeactivating: openRecord.saveNow()

    OpenRecord {
        id: openRecord
        objectName: "openRecord"
        session: Session
        location: Location
        recordId: page.recordId
    }
    ChecklistController {
        id: inspection
        objectName: "checklistController"
        record: openRecord
    }

    FindingDialog {
        id: findingDialog
        editor: inspection
        onAddPhoto: findingId => page.openPhotos(openRecord, findingId)
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.pageMargin
        anchors.bottomMargin: 0
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacingLarge

            ColumnLayout {
                Layout.fillWidth: true
                spacing: Theme.spacingSmall
                FiProgressBar {
                    Layout.fillWidth: true
                    from: 0
                    to: Math.max(1, inspection.requiredTotal)
                    value: inspection.requiredAnswered
                    barColor: inspection.requiredAnswered === inspection.requiredTotal ? Theme.success : Theme.primary
                    Accessible.name: qsTr("%1 of %2 required checkpoints answered").arg(inspection.requiredAnswered).arg(inspection.requiredTotal)
                }
                Label {
                    objectName: "saveState"
                    text: {
                        switch (openRecord.saveState) {
                        case "saving":
                            return qsTr("Saving…");
                        case "unsaved":
                            return qsTr("Changes not saved yet");
                        case "failed":
                            return qsTr("Not saved!");
                        default:
                            return openRecord.readOnly ? qsTr("Locked: completed records never change") : qsTr("All changes saved on the tablet (encrypted)");
                        }
                    }
                    color: openRecord.saveState === "failed" ? Theme.danger : Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                }
            }
            FiButton {
                objectName: "photosButton"
                text: qsTr("Photos (%1)").arg(inspection.photoCount)
                onClicked: page.openPhotos(openRecord, "")
            }
            FiButton {
                objectName: "completeButton"
                tone: "primary"
                text: openRecord.readOnly ? qsTr("Summary") : qsTr("Complete…")
                onClicked: page.openComplete(openRecord)
            }
        }

        FiBanner {
            Layout.fillWidth: true
            tone: "danger"
            text: openRecord.error
        }

        CheckpointList {
            id: list
            objectName: "checklist"
            Layout.fillWidth: true
            Layout.fillHeight: true
            controller: inspection
            onFailChosen: (itemId, checkpointId, checkpointText, description) => page.editFinding(itemId, checkpointId, checkpointText, description)
            onEditFinding: (itemId, checkpointId, checkpointText, description) => page.editFinding(itemId, checkpointId, checkpointText, description)
            onAddPhoto: findingId => page.openPhotos(openRecord, findingId)
        }
    }
}
