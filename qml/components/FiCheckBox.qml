import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// A check box whose text wraps instead of being cut off (long sentences, 150 % text), at
// least one touch target high.
CheckBox {
    id: box

    Layout.fillWidth: true
    implicitHeight: Math.max(Theme.touchTarget, implicitContentHeight + topPadding + bottomPadding)
    contentItem: Label {
        leftPadding: box.indicator.width + box.spacing
        text: box.text
        font: box.font
        wrapMode: Text.Wrap
        verticalAlignment: Text.AlignVCenter
        color: box.enabled ? Theme.text : Theme.textSecondary
    }
}
