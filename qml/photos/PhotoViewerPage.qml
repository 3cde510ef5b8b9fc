import QtQuick
import QtQuick.Controls
import FieldInspect

// One photo full screen: pinch (or the mouse wheel) to zoom, drag to move, double tap to
// fit or zoom in.
FiPage {
    id: page

    property string source: ""
    property string label: ""

    pageName: "photo"
    title: label.length > 0 ? label : qsTr("Photo")

    background: Rectangle {
        color: Theme.scrim
    }

    Flickable {
        id: flick
        objectName: "photoFlick"
        anchors.fill: parent
        clip: true
        contentWidth: Math.max(width, photo.width * photo.scale)
        contentHeight: Math.max(height, photo.height * photo.scale)
        boundsBehavior: Flickable.StopAtBounds

        Image {
            id: photo
            objectName: "fullPhoto"
            width: flick.width
            height: flick.height
            x: (flick.contentWidth - width) / 2
            y: (flick.contentHeight - height) / 2
            source: page.source
            asynchronous: true
            fillMode: Image.PreserveAspectFit
            transformOrigin: Item.Center
            smooth: true
            Accessible.role: Accessible.Graphic
            Accessible.name: page.title
        }

        PinchArea {
            anchors.fill: parent
            pinch.target: photo
            pinch.minimumScale: 1
            pinch.maximumScale: 6
            pinch.dragAxis: Pinch.NoDrag

            MouseArea {
                anchors.fill: parent
                onDoubleClicked: photo.scale = photo.scale > 1 ? 1 : 2.5
                onWheel: wheel => {
                    photo.scale = Math.max(1, Math.min(6, photo.scale * (wheel.angleDelta.y > 0 ? 1.15 : 1 / 1.15)));
                }
            }
        }
    }

    BusyIndicator {
        anchors.centerIn: parent
        running: photo.status === Image.Loading
    }
}
