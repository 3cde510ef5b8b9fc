import QtQuick
import QtQuick.Controls
import FieldInspect

// A page of the app: its title (shown in the app bar) and the app's background. `ready`
// turns true once the page shows its data (screenshots and the benchmark wait for it).
Page {
    property string subtitle: ""
    property bool ready: true
    // Name of the page for the app (today, target, checklist, …).
    property string pageName: ""

    background: Rectangle {
        color: Theme.background
    }
}
