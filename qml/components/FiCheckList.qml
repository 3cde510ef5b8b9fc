import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// Several of a few, as check boxes stacked top to bottom. `options` are {value, text};
// `checkedValues` are the ones ticked as the owner has them: a click asks through `toggled`
// and never ticks a box itself, so what is shown is what the owner holds. A Column, not a
// layout (see FiStack); each delegate reaches the list through its parent, typed (see
// FiRadioList).
Column {
    id: list

    property var options: []
    property var checkedValues: []
    property bool readOnly: false
    // Each box is named namePrefix + its value (tests, accessibility tools).
    property string namePrefix: ""

    signal toggled(string value, bool checked)

    // Hidden when empty, so a layout spends no spacing on it.
    Layout.fillWidth: true
    visible: repeater.count > 0
    spacing: 0

    Repeater {
        id: repeater
        model: list.options
        delegate: FiCheckBox {
            id: box

            required property var modelData
            readonly property FiCheckList owner: parent as FiCheckList
            readonly property bool ticked: box.owner !== null && box.owner.checkedValues.indexOf(box.modelData.value) >= 0

            objectName: box.owner ? box.owner.namePrefix + box.modelData.value : ""
            width: box.owner ? box.owner.width : implicitWidth
            height: Math.max(implicitHeight, Theme.touchTarget)
            text: box.modelData.text
            checked: box.ticked
            enabled: box.owner !== null && !box.owner.readOnly
            onToggled: {
                const wanted = box.checked;
                box.checked = Qt.binding(() => box.ticked);
                if (box.owner)
                    box.owner.toggled(box.modelData.value, wanted);
            }
        }
    }
}
