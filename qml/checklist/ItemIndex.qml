import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// The checklist's map: every item with its required checkpoints answered so far ("3/5"); a
// tap asks to go to the item. A row reaches the list through its view, typed (a delegate is a
// component of its own, so the linter cannot see the page's ids from it).
ListView {
    id: index

    signal chosen(string itemId)

    clip: true
    spacing: Theme.spacingSmall
    delegate: ItemDelegate {
        id: row

        required property var modelData
        readonly property bool done: row.modelData.answered === row.modelData.required

        objectName: "indexItem_" + row.modelData.itemId
        width: row.ListView.view.width
        height: Math.max(implicitHeight, Theme.touchTarget)
        topInset: 0
        bottomInset: 0
        Accessible.name: row.modelData.title + ": " + qsTr("%1 of %2 required answered").arg(row.modelData.answered).arg(row.modelData.required)
        onClicked: (row.ListView.view as ItemIndex).chosen(row.modelData.itemId)
        contentItem: RowLayout {
            spacing: Theme.spacing
            Label {
                Layout.fillWidth: true
                text: (row.modelData.code || "") + "  " + (row.modelData.title || "")
                wrapMode: Text.Wrap
                font.pixelSize: Theme.fontBody
            }
            FiBadge {
                objectName: "indexProgress"
                text: qsTr("%1/%2").arg(row.modelData.answered).arg(row.modelData.required)
                textColor: row.done ? Theme.success : Theme.warning
                fill: row.done ? Theme.successSurface : Theme.warningSurface
            }
        }
    }
    ScrollBar.vertical: ScrollBar {
    }
}
