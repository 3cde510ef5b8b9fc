import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// A labelled text field. The label is also the accessible name.
ColumnLayout {
    id: field

    property alias label: caption.text
    property alias text: input.text
    property alias placeholderText: input.placeholderText
    property alias echoMode: input.echoMode
    property alias inputMethodHints: input.inputMethodHints
    property alias readOnly: input.readOnly
    property alias input: input
    property alias validator: input.validator

    signal accepted

    spacing: Theme.spacingSmall

    Label {
        id: caption
        Layout.fillWidth: true
        color: Theme.textSecondary
        font.pixelSize: Theme.fontSmall
        visible: text.length > 0
    }
    TextField {
        id: input
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget
        font.pixelSize: Theme.fontBody
        selectByMouse: true
        Accessible.name: caption.text.length > 0 ? caption.text : placeholderText
        onAccepted: field.accepted()
    }
}
