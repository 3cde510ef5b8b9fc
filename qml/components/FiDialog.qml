import QtQuick
import QtQuick.Controls
import FieldInspect

// A modal dialog centred on the window, drawn by the Theme (no shader effects: it looks the
// same with every scene-graph backend, screenshots included).
Dialog {
    id: dialog

    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(Theme.formMaxWidth + leftPadding + rightPadding, parent ? parent.width - 2 * Theme.pageMargin : Theme.formMaxWidth)
    padding: Theme.spacingLarge * 1.5
    topPadding: Theme.spacingLarge

    background: Rectangle {
        color: Theme.surface
        radius: Theme.radius
        border.width: Theme.borderWidth
        border.color: Theme.divider
    }
    header: Label {
        visible: dialog.title.length > 0
        text: dialog.title
        padding: Theme.spacingLarge * 1.5
        bottomPadding: 0
        font.pixelSize: Theme.fontTitle
        font.bold: true
        wrapMode: Text.Wrap
        Accessible.role: Accessible.TitleBar
    }
    Overlay.modal: Rectangle {
        color: Theme.scrim
        opacity: 0.4
    }
}
