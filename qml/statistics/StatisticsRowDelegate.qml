import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// One figure of the quarterly table: the Chinese label of the report with its English beside
// it, the count (or that this tablet cannot know it), and how it was counted.
Item {
    id: row

    required property string key
    required property string section
    required property string labelZh
    required property string labelEn
    required property string value
    required property bool known
    required property string note

    objectName: "stat_" + key
    implicitHeight: Math.max(Theme.touchTarget, content.implicitHeight + 2 * Theme.spacingSmall)

    RowLayout {
        id: content
        anchors.fill: parent
        anchors.topMargin: Theme.spacingSmall
        anchors.bottomMargin: Theme.spacingSmall
        spacing: Theme.spacingLarge

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 0
            Label {
                Layout.fillWidth: true
                text: row.labelZh
                wrapMode: Text.Wrap
            }
            Label {
                Layout.fillWidth: true
                text: row.labelEn + (row.note.length > 0 ? " · " + row.note : "")
                color: Theme.textSecondary
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.Wrap
            }
        }
        Label {
            objectName: "value"
            Layout.alignment: Qt.AlignRight | Qt.AlignVCenter
            Layout.maximumWidth: row.width / 3
            text: row.value
            horizontalAlignment: Text.AlignRight
            wrapMode: Text.Wrap
            font.bold: row.known
            font.pixelSize: row.known ? Theme.fontLarge : Theme.fontSmall
            color: row.known ? Theme.text : Theme.textSecondary
        }
    }
    Rectangle {
        anchors.bottom: parent.bottom
        width: parent.width
        height: Theme.borderWidth
        color: Theme.divider
    }
}
