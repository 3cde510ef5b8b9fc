import QtQuick
import FieldInspect

// The box behind a text field or area. Material draws an underline in its hint colour (2.6:1,
// lost in sunlight); this edge is the Theme's (3:1 or more, 2 px outdoors), thicker and in the
// primary colour while typing, and a read-only field sits on a grey surface.
Rectangle {
    property bool focused: false
    property bool readOnly: false

    implicitWidth: 120
    implicitHeight: Theme.touchTarget
    radius: Theme.radius / 2
    color: readOnly ? Theme.neutralSurface : Theme.surface
    border.width: focused ? Theme.borderWidth + 1 : Theme.borderWidth
    border.color: focused ? Theme.primary : Theme.divider
}
