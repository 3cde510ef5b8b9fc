import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// A labelled text field. The label stays above the field (a placeholder is only a hint and
// vanishes as one types) and is also the accessible name; a hint is drawn at text contrast.
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
        wrapMode: Text.Wrap
        visible: text.length > 0
    }
    TextField {
        id: input
        Layout.fillWidth: true
        Layout.minimumHeight: Theme.touchTarget
        font.pixelSize: Theme.fontBody
        placeholderTextColor: Theme.textSecondary
        leftPadding: Theme.spacing
        rightPadding: Theme.spacing
        topPadding: Theme.spacing
        bottomPadding: Theme.spacing
        verticalAlignment: TextInput.AlignVCenter
        background: FiFieldBackground {
            focused: input.activeFocus
            readOnly: input.readOnly
        }
        selectByMouse: true
        Accessible.name: caption.text.length > 0 ? caption.text : placeholderText
        onAccepted: field.accepted()
    }
}
