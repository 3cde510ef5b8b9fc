import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import QtMultimedia
import FieldInspect

// The camera: a live viewfinder, the shutter at the bottom centre, and each shot shown for a
// keep or a retake before the next. Opened from a checkpoint's or a finding's "Add photo" (the
// photos are that finding's) or from the Photos page; "Done" (or back) returns there. A shot
// goes into the encrypted store as it is taken — a call or a crash during the review keeps
// it — and "Retake" deletes it again. Where there is no camera the page says why and imports
// a file instead.
FiPage {
    id: page

    // The record whose photos these are (the Checklist page's), and this page's controller.
    required property OpenRecord record
    readonly property PhotoController controller: photoController
    // The finding new photos are for ("" = the inspection in general).
    property string findingId: ""
    // The shot being reviewed (already in the store), "" while the viewfinder shows.
    property string reviewPhotoId: ""
    // Shots kept since the page opened, and the last of them (its thumbnail by the shutter).
    property int kept: 0
    property string lastKeptId: ""
    readonly property bool reviewing: reviewPhotoId.length > 0
    readonly property bool portrait: page.height > page.width

    signal done

    function keep() {
        page.kept += 1;
        page.lastKeptId = page.reviewPhotoId;
        page.reviewPhotoId = "";
    }
    function retake() {
        page.controller.removePhoto(page.reviewPhotoId);
        page.reviewPhotoId = "";
    }
    // What the shots are for, as the Photos page names it.
    function targetLabel(targets: var, id: string): string {
        for (const t of targets) {
            if (t.id === id)
                return t.label;
        }
        return "";
    }

    pageName: "camera"
    title: qsTr("Camera")
    subtitle: page.targetLabel(photoController.photoTargets, page.findingId)
    ready: record.loaded
    StackView.onActivated: photoController.startCamera(viewfinder.videoSink)
    StackView.onDeactivating: photoController.stopCamera()

    background: Rectangle {
        color: Theme.scrim
    }

    PhotoController {
        id: photoController
        record: page.record
        onPhotoAdded: photoId => page.reviewPhotoId = photoId
    }

    FileDialog {
        id: fileDialog
        title: qsTr("Import a photo")
        nameFilters: [qsTr("Pictures (*.jpg *.jpeg *.png)")]
        onAccepted: page.controller.importPhoto(selectedFile, page.findingId)
    }

    VideoOutput {
        id: viewfinder
        objectName: "viewfinder"
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: controls.top
        fillMode: VideoOutput.PreserveAspectFit
        visible: !page.reviewing && page.controller.cameraAvailable
        Accessible.role: Accessible.Graphic
        Accessible.name: qsTr("Viewfinder")
    }

    Image {
        objectName: "reviewPhoto"
        anchors.fill: viewfinder
        visible: page.reviewing
        source: page.reviewing ? "image://fiphoto/full/" + page.reviewPhotoId : ""
        asynchronous: true
        fillMode: Image.PreserveAspectFit
        Accessible.role: Accessible.Graphic
        Accessible.name: qsTr("The photo just taken")
    }

    ColumnLayout {
        anchors.centerIn: viewfinder
        width: Math.min(viewfinder.width - 2 * Theme.pageMargin, Theme.formMaxWidth)
        visible: !page.controller.cameraAvailable
        spacing: Theme.spacingLarge
        Label {
            objectName: "noCamera"
            Layout.fillWidth: true
            text: page.controller.cameraUnavailableReason
            color: Theme.textOnPrimary
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
        }
        FiButton {
            objectName: "cameraImport"
            Layout.alignment: Qt.AlignHCenter
            tone: "primary"
            text: qsTr("Import from file…")
            enabled: !page.record.busy && !page.record.readOnly
            onClicked: fileDialog.open()
        }
    }

    FiBanner {
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.margins: Theme.spacing
        tone: "danger"
        text: page.record.error
    }

    // The bottom bar: Done on the left, the shutter in the middle; in review, Retake and Keep.
    Rectangle {
        id: controls
        objectName: "cameraControls"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        height: shutter.height + 2 * Theme.spacingLarge
        color: Theme.scrim

        FiButton {
            objectName: "cameraDone"
            anchors.left: parent.left
            anchors.leftMargin: Theme.pageMargin
            anchors.verticalCenter: parent.verticalCenter
            visible: !page.reviewing
            text: page.kept > 0 ? qsTr("Done (%n kept)", "", page.kept) : qsTr("Done")
            onClicked: page.done()
        }

        // The shutter: a white ring a thumb finds without looking.
        RoundButton {
            id: shutter
            objectName: "shutter"
            anchors.centerIn: parent
            width: Theme.touchTarget * 1.5
            height: width
            visible: !page.reviewing && page.controller.cameraAvailable
            enabled: !page.controller.capturing && !page.record.busy && !page.record.readOnly
            topInset: 0
            bottomInset: 0
            leftInset: 0
            rightInset: 0
            Accessible.name: qsTr("Take photo")
            background: Rectangle {
                radius: width / 2
                color: shutter.down ? Theme.neutralSurface : Theme.surface
                opacity: shutter.enabled ? 1 : 0.5
                border.width: Theme.spacingSmall
                border.color: Theme.divider
            }
            onClicked: page.controller.capturePhoto(page.findingId)
        }

        Image {
            objectName: "lastKept"
            anchors.right: parent.right
            anchors.rightMargin: Theme.pageMargin
            anchors.verticalCenter: parent.verticalCenter
            width: Theme.touchTarget * 1.5
            height: width
            visible: !page.reviewing && page.lastKeptId.length > 0
            source: page.lastKeptId.length > 0 ? "image://fiphoto/thumb/" + page.lastKeptId : ""
            asynchronous: true
            fillMode: Image.PreserveAspectCrop
            Accessible.role: Accessible.Graphic
            Accessible.name: qsTr("The last photo kept")
        }

        RowLayout {
            anchors.centerIn: parent
            visible: page.reviewing
            spacing: Theme.spacingLarge * 2
            FiButton {
                objectName: "retake"
                text: qsTr("Retake")
                enabled: !page.record.busy
                onClicked: page.retake()
            }
            FiButton {
                objectName: "keep"
                tone: "primary"
                text: qsTr("Keep")
                onClicked: page.keep()
            }
        }
    }
}
