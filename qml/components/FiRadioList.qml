import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// One choice out of a few, as radio buttons stacked top to bottom. `options` are
// {value, text}, `disabledValues` those that may not be chosen now; `value` is the
// chosen one as its owner has it: a click asks for a value through `chosen` and never checks
// a button itself, so what is shown is what the owner holds. A Column, not a layout (see
// FiStack); each delegate reaches the list through its parent, typed, not through an id of
// the page (a delegate is a component of its own: qmllint cannot see the page's ids from it).
Column {
    id: list

    property var options: []
    property string value: ""
    property bool readOnly: false
    property var disabledValues: []
    // Each button is named namePrefix + its value (tests, accessibility tools).
    property string namePrefix: ""
    property int fontPixelSize: Theme.fontBody

    signal chosen(string value)

    // Hidden when empty, so a layout spends no spacing on it.
    Layout.fillWidth: true
    visible: repeater.count > 0
    spacing: 0

    Repeater {
        id: repeater
        model: list.options
        delegate: FiRadioButton {
            id: option

            required property var modelData
            readonly property FiRadioList owner: parent as FiRadioList

            objectName: option.owner ? option.owner.namePrefix + option.modelData.value : ""
            width: option.owner ? option.owner.width : implicitWidth
            height: Math.max(implicitHeight, Theme.touchTarget)
            text: option.modelData.text
            font.pixelSize: option.owner ? option.owner.fontPixelSize : Theme.fontBody
            checkable: false
            checked: option.owner !== null && option.owner.value === option.modelData.value
            enabled: option.owner !== null && !option.owner.readOnly && option.owner.disabledValues.indexOf(option.modelData.value) < 0
            onClicked: {
                if (option.owner)
                    option.owner.chosen(option.modelData.value);
            }
        }
    }
}
