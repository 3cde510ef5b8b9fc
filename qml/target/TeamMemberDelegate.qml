import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// One drawn team member: role, name, unit and enforcement certificate.
RowLayout {
    id: row

    required property var modelData

    spacing: Theme.spacing

    FiBadge {
        Layout.alignment: Qt.AlignTop
        text: row.modelData.role === "leader" ? qsTr("Leader") : row.modelData.role === "expert" ? qsTr("Expert") : qsTr("Member")
        textColor: row.modelData.role === "leader" ? Theme.primary : Theme.textSecondary
    }
    ColumnLayout {
        Layout.fillWidth: true
        spacing: 0
        Label {
            Layout.fillWidth: true
            text: row.modelData.name + (row.modelData.isSelf ? " " + qsTr("(you)") : "")
            font.bold: true
            wrapMode: Text.Wrap
        }
        Label {
            Layout.fillWidth: true
            text: row.modelData.certNo.length > 0 ? qsTr("Certificate %1").arg(row.modelData.certNo) : row.modelData.thirdParty ? qsTr("Third-party expert, no certificate") : qsTr("No enforcement certificate")
            color: row.modelData.certified ? Theme.textSecondary : Theme.warning
            wrapMode: Text.Wrap
            font.pixelSize: Theme.fontSmall
        }
    }
}
