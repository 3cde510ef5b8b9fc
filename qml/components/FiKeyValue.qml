import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// "label: value" on one line (wrapping), for identity and summary blocks.
RowLayout {
    id: kv

    property alias label: key.text
    property alias value: val.text
    property color valueColor: Theme.text

    spacing: Theme.spacing

    Label {
        id: key
        Layout.alignment: Qt.AlignTop
        Layout.preferredWidth: Math.min(implicitWidth, 160)
        Layout.minimumWidth: Math.min(implicitWidth, 160)
        color: Theme.textSecondary
        font.pixelSize: Theme.fontBody
        wrapMode: Text.Wrap
    }
    Label {
        id: val
        Layout.fillWidth: true
        color: kv.valueColor
        font.pixelSize: Theme.fontBody
        wrapMode: Text.Wrap
        textFormat: Text.PlainText
        Accessible.name: key.text + " " + text
    }
}
