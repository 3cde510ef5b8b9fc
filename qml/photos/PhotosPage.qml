import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import FieldInspect

// The photos of one inspection: take one with the camera or import a file (straight into the
// encrypted store, never a copy on disk), see them as thumbnails, open one full screen,
// attach new ones to a finding, delete one while the record is still a draft.
FiPage {
    id: page

    // The record whose photos these are (the Checklist page's), and this page's controller.
    required property OpenRecord record
    readonly property PhotoController controller: photoController
    // The finding new photos are for ("" = the inspection in general).
    property string findingId: ""
    // Where the grid was scrolled to (kept across a lock), and where to put it once filled.
    readonly property real scrollY: grid.contentY - grid.originY
    property real startY: 0

    // The camera page, for photos of `findingId`.
    signal openCamera(OpenRecord record, string findingId)

    function openViewer(source: string, label: string) {
        page.StackView.view.push(viewer, {
                "source": source,
                "label": label
            });
    }

    pageName: "photos"
    title: qsTr("Photos")
    subtitle: record.targetName
    ready: record.loaded

    PhotoController {
        id: photoController
        record: page.record
    }

    FileDialog {
        id: fileDialog
        title: qsTr("Import a photo")
        nameFilters: [qsTr("Pictures (*.jpg *.jpeg *.png)")]
        onAccepted: page.controller.importPhoto(selectedFile, page.findingId)
    }

    FiDialog {
        id: confirmDelete
        property string photoId: ""
        objectName: "confirmDelete"
        title: qsTr("Delete this photo?")
        standardButtons: Dialog.Cancel | Dialog.Yes
        Label {
            width: Theme.formMaxWidth
            text: qsTr("The photo is removed from this draft and from the tablet.")
            wrapMode: Text.Wrap
        }
        onAccepted: page.controller.removePhoto(photoId)
    }

    // After unlocking: the grid back where it was, once its photos are in it.
    Timer {
        id: restoreScroll
        interval: 0
        onTriggered: {
            grid.contentY = grid.originY + Math.min(page.startY, Math.max(0, grid.contentHeight - grid.height));
            page.startY = 0;
        }
    }

    Component {
        id: viewer
        PhotoViewerPage {
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.pageMargin
        spacing: Theme.spacingLarge

        FiCard {
            Layout.fillWidth: true
            visible: !page.record.readOnly

            GridLayout {
                anchors.fill: parent
                columns: page.width > page.height ? 4 : 2
                columnSpacing: Theme.spacingLarge
                rowSpacing: Theme.spacing

                Label {
                    text: qsTr("New photos are for:")
                }
                ComboBox {
                    id: findingChooser
                    objectName: "findingChooser"
                    Layout.fillWidth: true
                    Layout.minimumHeight: Theme.touchTarget
                    textRole: "label"
                    valueRole: "id"
                    model: page.controller.photoTargets
                    Accessible.name: qsTr("New photos are for")
                    background: Rectangle {
                        implicitHeight: Theme.touchTarget
                        radius: Theme.radius
                        color: Theme.surface
                        border.width: Theme.borderWidth
                        border.color: Theme.divider
                    }
                    popup.background: Rectangle {
                        color: Theme.surface
                        radius: Theme.radius
                        border.width: Theme.borderWidth
                        border.color: Theme.divider
                    }
                    Component.onCompleted: currentIndex = Math.max(0, indexOfValue(page.findingId))
                    onActivated: page.findingId = currentValue
                }
                FiButton {
                    objectName: "captureButton"
                    tone: "primary"
                    text: qsTr("Take photo")
                    enabled: page.controller.cameraAvailable && !page.record.busy
                    onClicked: page.openCamera(page.record, page.findingId)
                }
                FiButton {
                    objectName: "importButton"
                    text: qsTr("Import from file…")
                    enabled: !page.record.busy
                    onClicked: fileDialog.open()
                }
                Label {
                    Layout.columnSpan: parent.columns
                    Layout.fillWidth: true
                    visible: !page.controller.cameraAvailable
                    text: page.controller.cameraUnavailableReason
                    color: Theme.textSecondary
                    wrapMode: Text.Wrap
                    font.pixelSize: Theme.fontSmall
                }
            }
        }

        FiBanner {
            Layout.fillWidth: true
            tone: "danger"
            text: page.record.error
        }
        BusyIndicator {
            Layout.alignment: Qt.AlignHCenter
            running: page.record.busy
            visible: running
        }

        PhotoGrid {
            id: grid
            objectName: "photoGrid"
            Layout.fillWidth: true
            Layout.fillHeight: true
            model: page.controller.photos
            readOnly: page.record.readOnly
            onCountChanged: {
                if (page.startY > 0 && count > 0)
                    restoreScroll.restart();
            }
            onOpen: (source, label) => page.openViewer(source, label)
            onRemove: photoId => {
                confirmDelete.photoId = photoId;
                confirmDelete.open();
            }

            Label {
                anchors.centerIn: parent
                width: parent.width * 0.8
                visible: grid.count === 0
                text: qsTr("No photos yet.")
                horizontalAlignment: Text.AlignHCenter
                color: Theme.textSecondary
                font.pixelSize: Theme.fontLarge
            }
        }
    }
}
