import QtQuick
import QtQuick.Controls
import FieldInspect

// "label: value" on one line (wrapping), for identity and summary blocks. Placed by hand, not
// by a RowLayout: a RowLayout keeps the one-line height it measured before a wrapping value
// had its width (Qt 6.4), and the value then runs over what follows it.
Item {
    id: kv

    property alias label: key.text
    property alias value: val.text
    property color valueColor: Theme.text
    readonly property real keyWidth: Math.min(key.implicitWidth, 160)

    implicitWidth: keyWidth + Theme.spacing + val.implicitWidth
    implicitHeight: Math.max(key.height, val.height)

    Label {
        id: key
        width: kv.keyWidth
        color: Theme.textSecondary
        font.pixelSize: Theme.fontBody
        wrapMode: Text.Wrap
    }
    Label {
        id: val
        x: kv.keyWidth + Theme.spacing
        width: Math.max(0, kv.width - x)
        color: kv.valueColor
        font.pixelSize: Theme.fontBody
        wrapMode: Text.Wrap
        textFormat: Text.PlainText
        Accessible.name: key.text + " " + text
    }
}
