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
    // engine can then read one already freed (see FiStack). An inline component is a
    // component of its own: what it needs of the row is handed to it where it is used.
    component Choice: Button {
        id: choice

        required property string value
        required property color tint
        required property bool selected
        required property bool locked
        required property string subject

        objectName: "answer_" + value
        Layout.fillWidth: true
        Layout.preferredWidth: 1 // the three share the row equally, whatever their words
        Layout.preferredHeight: Theme.bigButtonHeight
        // Drawn as large as it takes taps: no Material insets around the background.
        topInset: 0
        bottomInset: 0
        leftInset: 0
        rightInset: 0
        font.pixelSize: Theme.fontLarge
        font.bold: selected
        checkable: true
        checked: selected
        enabled: !locked || selected
        Accessible.name: subject + ": " + text
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
            if (!locked && !selected)
                choice.picked();
        }

        signal picked
    }

    // A gap wide enough that a thumb meant for one never lands on its neighbour.
    spacing: Theme.spacingLarge

    Choice {
        value: "pass"
        selected: buttons.value === "pass"
        locked: buttons.readOnly
        subject: buttons.subject
        onPicked: buttons.chosen(value)
        tint: Theme.success
        text: qsTr("Pass")
    }
    Choice {
        value: "fail"
        selected: buttons.value === "fail"
        locked: buttons.readOnly
        subject: buttons.subject
        onPicked: buttons.chosen(value)
        tint: Theme.danger
        text: qsTr("Fail")
    }
    Choice {
        value: "na"
        selected: buttons.value === "na"
        locked: buttons.readOnly
        subject: buttons.subject
        onPicked: buttons.chosen(value)
        tint: Theme.neutral
        text: qsTr("Not applicable")
    }
}
