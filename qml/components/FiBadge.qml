import QtQuick
import QtQuick.Controls
import FieldInspect

// A small coloured label: a category, a state, a verification result.
Rectangle {
    id: badge

    property alias text: label.text
    property color textColor: Theme.text
    property color fill: Theme.neutralSurface

    implicitWidth: label.implicitWidth + 2 * Theme.spacing
    implicitHeight: label.implicitHeight + Theme.spacingSmall * 1.5
    radius: height / 2
    color: fill
    border.width: Theme.borderWidth
    border.color: textColor
    Accessible.role: Accessible.StaticText
    Accessible.name: label.text

    Label {
        id: label
        anchors.centerIn: parent
        color: badge.textColor
        font.pixelSize: Theme.fontSmall
        font.bold: true
    }
}
