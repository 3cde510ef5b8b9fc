import QtQuick
import QtQuick.Controls
import FieldInspect

// The title of a group on a page.
Label {
    font.pixelSize: Theme.fontLarge
    font.bold: true
    color: Theme.text
    wrapMode: Text.Wrap
    Accessible.role: Accessible.Heading
    Accessible.name: text
}
