import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// One thumbnail (decoded from the encrypted store) with what it is evidence for.
Item {
    id: cell

    required property string photoId
    required property string thumbnail
    required property string source
    required property string findingLabel
    required property string importDay
    property bool readOnly: true

    signal open(string source, string label)
    signal remove(string photoId)

    width: Theme.thumbnailSize + Theme.spacingLarge
    height: Theme.thumbnailSize + Theme.touchTarget + Theme.spacingLarge

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing / 2
        spacing: Theme.spacingSmall

        Rectangle {
            Layout.preferredWidth: Theme.thumbnailSize
            Layout.preferredHeight: Theme.thumbnailSize
            color: Theme.neutralSurface
            radius: Theme.radius

            Image {
                anchors.fill: parent
                anchors.margins: 2
                source: cell.thumbnail
                asynchronous: true
                fillMode: Image.PreserveAspectCrop
                sourceSize.width: Theme.thumbnailSize * 2
                sourceSize.height: Theme.thumbnailSize * 2
            }
            MouseArea {
                anchors.fill: parent
                Accessible.role: Accessible.Button
                Accessible.name: qsTr("Open photo: %1").arg(cell.findingLabel.length > 0 ? cell.findingLabel : qsTr("General"))
                onClicked: cell.open(cell.source, cell.findingLabel)
            }
            // A whole touch target, drawn as large as it takes taps (not a glyph on the photo).
            FiButton {
                objectName: "deletePhoto_" + cell.photoId
                visible: !cell.readOnly
                anchors.top: parent.top
                anchors.right: parent.right
                width: Theme.touchTarget
                height: Theme.touchTarget
                leftPadding: 0
                rightPadding: 0
                tone: "danger"
                text: "✕"
                font.pixelSize: Theme.fontLarge
                Accessible.name: qsTr("Delete photo: %1").arg(cell.findingLabel.length > 0 ? cell.findingLabel : qsTr("General"))
                onClicked: cell.remove(cell.photoId)
            }
        }
        Label {
            Layout.preferredWidth: Theme.thumbnailSize
            text: cell.findingLabel.length > 0 ? cell.findingLabel : qsTr("General")
            elide: Text.ElideRight
            maximumLineCount: 2
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontSmall
            color: Theme.textSecondary
        }
        Label {
            objectName: "importMark_" + cell.photoId
            Layout.preferredWidth: Theme.thumbnailSize
            visible: cell.importDay === "other_day" || cell.importDay === "unknown"
            text: cell.importDay === "other_day" ? qsTr("Imported: taken on another day") : qsTr("Imported: no time in the file")
            elide: Text.ElideRight
            font.pixelSize: Theme.fontSmall
            color: cell.importDay === "other_day" ? Theme.warning : Theme.textSecondary
        }
    }
}
