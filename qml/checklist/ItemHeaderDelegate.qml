import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// The header of one assigned item, over its checkpoints in the checklist (a section of the
// list, keyed by the item's id): code and title, progress, legal basis. The current item's
// header stays at the top while its checkpoints scroll beneath it, so it is opaque and keeps
// taps for itself.
Rectangle {
    id: header

    // The item's id: the list's section key.
    required property string section
    readonly property string itemId: section
    readonly property ChecklistModel checklist: ListView.view ? ListView.view.model : null
    readonly property var item: (checklist ? checklist.sections[itemId] : undefined) || ({})
    readonly property int answered: item.answered || 0
    readonly property int required: item.required || 0

    objectName: "itemHeader_" + itemId
    width: ListView.view ? ListView.view.width : implicitWidth
    implicitHeight: column.implicitHeight + Theme.spacingLarge + Theme.spacing
    color: Theme.background

    MouseArea {
        anchors.fill: parent
    }

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.topMargin: Theme.spacingLarge
        spacing: Theme.spacingSmall

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            FiSectionTitle {
                objectName: "itemTitle"
                Layout.fillWidth: true
                text: (header.item.code || "") + "  " + (header.item.title || "")
            }
            FiBadge {
                objectName: "itemProgress"
                text: qsTr("%1/%2").arg(header.answered).arg(header.required)
                textColor: header.answered === header.required ? Theme.success : Theme.warning
                fill: header.answered === header.required ? Theme.successSurface : Theme.warningSurface
                Accessible.name: qsTr("%1 of %2 required answered").arg(header.answered).arg(header.required)
            }
        }
        Label {
            objectName: "itemLegalBasis"
            Layout.fillWidth: true
            text: qsTr("Legal basis: %1").arg(header.item.legalBasis ? header.item.legalBasis.join("；") : "")
            wrapMode: Text.Wrap
            color: Theme.textSecondary
            font.pixelSize: Theme.fontSmall
        }
    }
}
