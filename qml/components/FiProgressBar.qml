import QtQuick
import QtQuick.Controls
import FieldInspect

// Progress in a thicker bar than the style's, readable at arm's length.
ProgressBar {
    id: bar

    property color barColor: Theme.primary

    implicitHeight: Theme.progressHeight
    background: Rectangle {
        implicitHeight: Theme.progressHeight
        radius: height / 2
        color: Theme.neutralSurface
        // The track's edge keeps an empty bar visible (3:1 against the page).
        border.width: Theme.borderWidth
        border.color: Theme.divider
    }
    contentItem: Item {
        Rectangle {
            width: bar.visualPosition * parent.width
            height: parent.height
            radius: height / 2
            color: bar.barColor
        }
    }
}
