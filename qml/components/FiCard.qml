import QtQuick
import QtQuick.Controls
import FieldInspect

// A white surface with a thin border that groups one topic on a page.
Pane {
    id: card

    property color fill: Theme.surface
    property color border: Theme.divider

    padding: Theme.spacingLarge
    background: Rectangle {
        color: card.fill
        radius: Theme.radius
        border.width: Theme.borderWidth
        border.color: card.border
    }
}
