import QtQuick
import QtQuick.Controls
import FieldInspect

// A page of the app: its title (shown in the app bar) and the app's background. `ready`
// turns true once the page shows its data (screenshots and the benchmark wait for it).
Page {
    id: page

    property string subtitle: ""
    property bool ready: true
    // Name of the page for the app (today, target, checklist, …).
    property string pageName: ""
    // Upright: taller than wide. Decided once a rotation has set both the width and the height:
    // Qt 6.4's layouts miss a child shown between the two (it stays where the other orientation
    // left it, lying over its neighbour), so pages switch what they show on this, not on their
    // size.
    property bool portrait: false

    onWidthChanged: settle.restart()
    onHeightChanged: settle.restart()

    Timer {
        id: settle
        interval: 0
        onTriggered: page.portrait = page.height > page.width
    }

    background: Rectangle {
        color: Theme.background
    }
}
