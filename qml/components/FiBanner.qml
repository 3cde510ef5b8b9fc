import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// A message across the page: what happened and, when there is one, the action that helps.
// `tone`: info, warning, danger, success.
Rectangle {
    id: banner

    property string tone: "info"
    property alias text: message.text
    property string actionText: ""

    signal actionClicked

    readonly property color toneColor: tone === "danger" ? Theme.danger : tone === "warning" ? Theme.warning : tone === "success" ? Theme.success : Theme.info

    implicitHeight: Math.max(Theme.touchTarget, row.implicitHeight + 2 * Theme.spacing)
    implicitWidth: row.implicitWidth + 2 * Theme.spacingLarge
    radius: Theme.radius
    color: tone === "danger" ? Theme.dangerSurface : tone === "warning" ? Theme.warningSurface : tone === "success" ? Theme.successSurface : Theme.infoSurface
    border.width: Theme.borderWidth
    border.color: toneColor
    visible: message.text.length > 0
    Accessible.role: Accessible.AlertMessage
    Accessible.name: message.text

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: Theme.spacingLarge
        anchors.rightMargin: Theme.spacing
        spacing: Theme.spacing

        Label {
            id: message
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.text
            font.pixelSize: Theme.fontBody
        }
        FiButton {
            objectName: "bannerAction"
            visible: banner.actionText.length > 0
            text: banner.actionText
            tone: "flat"
            onClicked: banner.actionClicked()
        }
    }
}
