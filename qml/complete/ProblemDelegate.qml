import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// One thing that blocks completion, and the way to where it is fixed.
RowLayout {
    id: row

    required property string code
    required property string message
    required property string fixPage
    required property string itemId
    required property string checkpointId

    signal goTo(string itemId, string checkpointId)

    spacing: Theme.spacing

    Label {
        Layout.fillWidth: true
        text: "• " + row.message
        wrapMode: Text.Wrap
        color: Theme.text
    }
    FiButton {
        objectName: "goto_" + row.code
        visible: row.fixPage === "checklist"
        tone: "flat"
        text: qsTr("Go there")
        Accessible.name: qsTr("Go there: %1").arg(row.message)
        onClicked: row.goTo(row.itemId, row.checkpointId)
    }
}
