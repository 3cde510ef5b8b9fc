import QtQuick
import QtQuick.Controls
import FieldInspect

// A row of mutually exclusive filter chips; the chosen one is filled. A Row, not a RowLayout:
// the options can change (a new quarter, a retranslation), and a Repeater rebuilding inside a
// Qt 6.4 layout can crash it (see FiStack).
Row {
    id: bar

    property var options: []
    property string value: ""

    signal chosen(string value)

    spacing: Theme.spacingSmall

    Repeater {
        model: bar.options
        delegate: AbstractButton {
            id: chip

            required property var modelData
            // The bar, typed: a delegate is a component of its own (see FiRadioList).
            readonly property FiFilterBar owner: parent as FiFilterBar
            readonly property bool selected: chip.owner !== null && chip.owner.value === chip.modelData.value

            objectName: "filter_" + (modelData.value.length > 0 ? modelData.value : "all")
            implicitHeight: Theme.touchTarget
            implicitWidth: Math.max(Theme.touchTarget, implicitContentWidth + 2 * Theme.spacingLarge)
            checkable: true
            checked: selected
            Accessible.role: Accessible.RadioButton
            Accessible.name: modelData.text
            Accessible.checked: selected
            onClicked: {
                checked = Qt.binding(() => chip.selected);
                if (chip.owner)
                    chip.owner.chosen(chip.modelData.value);
            }

            background: Rectangle {
                anchors.fill: parent
                anchors.topMargin: Theme.spacingSmall
                anchors.bottomMargin: Theme.spacingSmall
                radius: height / 2
                color: chip.selected ? Theme.primary : chip.down ? Theme.neutralSurface : Theme.surface
                border.width: Theme.borderWidth
                border.color: chip.selected ? Theme.primary : Theme.divider
            }
            contentItem: Label {
                text: chip.modelData.text
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                color: chip.selected ? Theme.textOnPrimary : Theme.text
                font.pixelSize: Theme.fontBody
            }
        }
    }
}
