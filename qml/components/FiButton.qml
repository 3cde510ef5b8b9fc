import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import FieldInspect

// The app's button: at least one touch target high, its text as its accessible name, drawn
// by the Theme (no shader effects, so it looks the same with any scene-graph backend).
// `tone`: "primary" (filled), "danger" (filled, red), "normal" (outlined), "flat".
Button {
    id: control

    property string tone: "normal"
    readonly property color toneColor: tone === "danger" ? Theme.danger : Theme.primary
    readonly property bool filled: tone === "primary" || tone === "danger"

    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
    implicitWidth: Math.max(Theme.touchTarget, implicitContentWidth + leftPadding + rightPadding)
    // Drawn as large as it takes taps: no Material insets around the background.
    topInset: 0
    bottomInset: 0
    leftInset: 0
    rightInset: 0
    leftPadding: Theme.spacingLarge
    rightPadding: Theme.spacingLarge
    topPadding: Theme.spacing
    bottomPadding: Theme.spacing
    font.pixelSize: Theme.fontBody
    font.capitalization: Font.MixedCase
    flat: tone === "flat"
    Accessible.name: text
    Accessible.role: Accessible.Button

    contentItem: Label {
        text: control.text
        font: control.font
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        // Wraps rather than cutting the words off (150 % text, narrow portrait bars).
        wrapMode: Text.Wrap
        color: !control.enabled ? Theme.textSecondary : control.filled ? Theme.textOnPrimary : control.toneColor
    }
    background: Rectangle {
        implicitHeight: Theme.touchTarget
        radius: Theme.radius
        opacity: control.enabled ? 1 : 0.5
        color: control.filled ? (control.down ? Qt.darker(control.toneColor, 1.2) : control.toneColor) : control.down ? Theme.neutralSurface : control.flat ? "transparent" : Theme.surface
        border.width: control.flat || control.filled ? 0 : Theme.borderWidth
        border.color: control.toneColor
    }
}
