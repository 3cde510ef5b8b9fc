import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// A radio button whose text wraps instead of being cut off (long choices, 150 % text), at
// least one touch target high.
RadioButton {
    id: option

    Layout.fillWidth: true
    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
    contentItem: Label {
        leftPadding: option.indicator.width + option.spacing
        text: option.text
        font: option.font
        wrapMode: Text.Wrap
        verticalAlignment: Text.AlignVCenter
        color: option.enabled ? Theme.text : Theme.textSecondary
    }
}
