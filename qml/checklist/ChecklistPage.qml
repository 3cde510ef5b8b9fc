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
    // The row to show when the record is loaded (after unlocking: where it was); -1 for the
    // first required checkpoint unanswered.
    property int startRow: -1
    // The row being worked on (the window remembers it when the tablet locks).
    readonly property int currentRow: list.currentIndex
    // The list was placed at the first unanswered checkpoint when the record was loaded.
    property bool placed: false
    // Held upright, the page's actions sit in a bar at the bottom, in thumb reach.
    // The record open on this page and the pages it opens (Photos, Complete), and this
    // page's controller over it.
    readonly property OpenRecord record: openRecord
    readonly property ChecklistController controller: inspection

    signal openPhotos(OpenRecord record, string findingId)
    // The camera for a finding's photos (a checkpoint's or the finding dialog's "Add photo").
    signal openCamera(OpenRecord record, string findingId)
    signal openComplete(OpenRecord record)
    // The page goes out of sight (another page over it, or closed): the record and its row,
    // for Today's "continue" line.
    signal leaving(string recordId, int row)

    function showCheckpoint(itemId: string, checkpointId: string) {
        page.showRow(inspection.checklist.rowOf(itemId, checkpointId));
    }
    // The first row of an item, at the top (the item index).
    function showItem(itemId: string) {
        const row = inspection.checklist.rowOf(itemId, "");
        if (row >= 0) {
            list.positionViewAtIndex(row, ListView.Beginning);
            list.currentIndex = row;
        }
    }
    // The row, current, in the middle of the list: under its item's header held at the top
    // (which must not cover it); the middle also leaves room for a row that grows as it lays out.
    function showRow(row: int) {
        if (row >= 0) {
            list.positionViewAtIndex(row, ListView.Center);
            list.currentIndex = row;
        }
    }
    // The next required checkpoint unanswered after the current row (core decides which).
    function showNextUnanswered() {
        page.showRow(inspection.nextUnansweredRow(list.currentIndex));
    }
    // Once, when the record is loaded (its rows are then in the list).
    function placeAtFirstUnanswered() {
        page.showRow(page.startRow >= 0 && page.startRow < list.count ? page.startRow : inspection.nextUnansweredRow(-1));
        page.placed = true;
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
    ready: openRecord.loaded && page.placed
    property bool barShown: false

    onPortraitChanged: showBar.restart()
    StackView.onDeactivating: {
        openRecord.saveNow();
        page.leaving(page.recordId, page.currentRow);
    }

    OpenRecord {
        id: openRecord
        objectName: "openRecord"
        session: Session
        location: Location
        recordId: page.recordId
        // A record reopens where the work is: at its first required checkpoint unanswered.
        onLoadedChanged: {
            if (loaded && !page.placed)
                placeLater.start();
        }
    }
    ChecklistController {
        id: inspection
        objectName: "checklistController"
        record: openRecord
    }

    // After the load has reached the controller and the list has its rows.
    Timer {
        id: placeLater
        interval: 0
        onTriggered: page.placeAtFirstUnanswered()
    }

    FindingDialog {
        id: findingDialog
        editor: inspection
        onAddPhoto: findingId => page.openCamera(openRecord, findingId)
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
                objectName: "indexButton"
                text: qsTr("Index")
                Accessible.name: qsTr("Index of the checklist's items")
                onClicked: indexDrawer.open()
            }
            FiButton {
                objectName: "photosButton"
                visible: !page.portrait
                text: qsTr("Photos (%1)").arg(inspection.photoCount)
                onClicked: page.openPhotos(openRecord, "")
            }
            FiButton {
                objectName: "completeButton"
                visible: !page.portrait
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
            onAddPhoto: findingId => page.openCamera(openRecord, findingId)
        }

        // The next required checkpoint unanswered, always in reach over the list.
        FiButton {
            objectName: "nextUnanswered"
            parent: list
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            anchors.margins: Theme.spacingLarge
            z: 2
            visible: !page.portrait && !openRecord.readOnly && inspection.unanswered > 0
            tone: "primary"
            text: qsTr("Next unanswered (%1)").arg(inspection.unanswered)
            onClicked: page.showNextUnanswered()
        }
    }

    // Upright: Photos · Next unanswered · Complete at the bottom, in thumb reach. The bar follows
    // the orientation one turn after the top buttons do: Qt 6.4's RowLayout misses buttons
    // shown in the same turn as the page's footer changes, and leaves them over the progress.
    Timer {
        id: showBar
        interval: 0
        onTriggered: page.barShown = page.portrait
    }
    footer: Rectangle {
        objectName: "actionBar"
        visible: page.barShown
        implicitHeight: actions.implicitHeight + 2 * Theme.spacing
        color: Theme.surface
        Rectangle {
            width: parent.width
            height: Theme.borderWidth
            color: Theme.divider
        }
        RowLayout {
            id: actions
            anchors.fill: parent
            anchors.margins: Theme.spacing
            anchors.leftMargin: Theme.pageMargin
            anchors.rightMargin: Theme.pageMargin
            spacing: Theme.spacingLarge
            FiButton {
                objectName: "barPhotos"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                text: qsTr("Photos (%1)").arg(inspection.photoCount)
                onClicked: page.openPhotos(openRecord, "")
            }
            FiButton {
                objectName: "barNext"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                enabled: !openRecord.readOnly && inspection.unanswered > 0
                text: qsTr("Next unanswered (%1)").arg(inspection.unanswered)
                onClicked: page.showNextUnanswered()
            }
            FiButton {
                objectName: "barComplete"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                tone: "primary"
                text: openRecord.readOnly ? qsTr("Summary") : qsTr("Complete…")
                onClicked: page.openComplete(openRecord)
            }
        }
    }

    // The item index: each item with its answered count; a tap goes to the item.
    Drawer {
        id: indexDrawer
        objectName: "itemIndex"
        edge: Qt.RightEdge
        width: Math.min(page.width * 0.8, Theme.formMaxWidth)
        height: page.height
        y: page.y
        background: Rectangle {
            color: Theme.surface
            border.width: Theme.borderWidth
            border.color: Theme.divider
        }
        ColumnLayout {
            anchors.fill: parent
            anchors.margins: Theme.spacingLarge
            spacing: Theme.spacing
            FiSectionTitle {
                text: qsTr("Items")
            }
            ItemIndex {
                objectName: "itemIndexList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                model: inspection.checklist.items
                onChosen: itemId => {
                    indexDrawer.close();
                    page.showItem(itemId);
                }
            }
        }
    }
}
