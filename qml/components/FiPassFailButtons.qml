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

    // Three fixed buttons rather than a Repeater: a Repeater directly inside a Qt Quick layout
    // rebuilds its delegates on every retranslation or theme change, and Qt 6.4's layout
    // engine can then read one already freed (see FiStack).
    component Choice: Button {
        id: choice

        required property string value
        required property color tint
        readonly property bool selected: buttons.value === value

        objectName: "answer_" + value
        Layout.fillWidth: true
        Layout.preferredWidth: 1 // the three share the row equally, whatever their words
        Layout.preferredHeight: Theme.bigButtonHeight
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
            color: choice.selected ? Theme.textOnPrimary : choice.tint
        }
        background: Rectangle {
            radius: Theme.radius
            color: choice.selected ? choice.tint : choice.down ? Theme.neutralSurface : Theme.surface
            border.width: 2
            border.color: choice.tint
            opacity: choice.enabled ? 1 : 0.5
        }
        onClicked: {
            checked = Qt.binding(() => choice.selected);
            if (!buttons.readOnly && !selected)
                buttons.chosen(value);
        }
    }

    spacing: Theme.spacing

    Choice {
        value: "pass"
        tint: Theme.success
        text: qsTr("Pass")
    }
    Choice {
        value: "fail"
        tint: Theme.danger
        text: qsTr("Fail")
    }
    Choice {
        value: "na"
        tint: Theme.neutral
        text: qsTr("Not applicable")
    }
}
