import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// Three large buttons for a pass / fail checkpoint: 合格, 不合格, 不适用. The chosen one is
// filled with its colour; tapping it again leaves it chosen (clearing is explicit).
RowLayout {
    id: buttons

    property string value: ""
    property bool readOnly: false
    // Accessible name prefix: the checkpoint's text.
    property string subject: ""

    signal chosen(string value)

    spacing: Theme.spacing

    Repeater {
        model: [{
                "value": "pass",
                "text": qsTr("Pass"),
                "color": Theme.success
            }, {
                "value": "fail",
                "text": qsTr("Fail"),
                "color": Theme.danger
            }, {
                "value": "na",
                "text": qsTr("Not applicable"),
                "color": Theme.neutral
            }]
        delegate: Button {
            id: choice

            required property var modelData
            readonly property bool selected: buttons.value === modelData.value

            objectName: "answer_" + modelData.value
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.bigButtonHeight
            text: modelData.text
            font.pixelSize: Theme.fontLarge
            font.bold: selected
            checkable: true
            checked: selected
            enabled: !buttons.readOnly || selected
            Accessible.name: buttons.subject + ": " + text
            contentItem: Label {
                text: choice.text
                font: choice.font
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                color: choice.selected ? Theme.textOnPrimary : choice.modelData.color
            }
            background: Rectangle {
                radius: Theme.radius
                color: choice.selected ? choice.modelData.color : choice.down ? Theme.neutralSurface : Theme.surface
                border.width: 2
                border.color: choice.modelData.color
                opacity: choice.enabled ? 1 : 0.5
            }
            onClicked: {
                checked = Qt.binding(() => choice.selected);
                if (!buttons.readOnly && !selected)
                    buttons.chosen(modelData.value);
            }
        }
    }
}
