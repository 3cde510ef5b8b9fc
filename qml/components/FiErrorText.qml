import QtQuick
import QtQuick.Controls
import FieldInspect

// An error for the user, in red, shown only when there is one.
Label {
    visible: text.length > 0
    color: Theme.danger
    wrapMode: Text.Wrap
    font.pixelSize: Theme.fontBody
    Accessible.role: Accessible.AlertMessage
    Accessible.name: text
}
