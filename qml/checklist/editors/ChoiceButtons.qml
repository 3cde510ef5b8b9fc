import QtQuick
import QtQuick.Controls
import FieldInspect

// The choices of a choice checkpoint as large buttons that flow onto as many lines as they
// need. `value` is the choice the record has: a click asks through `chosen` and never checks
// a button itself. Each button reaches the row through its parent, typed (a delegate is a
// component of its own: qmllint cannot see an outer id from it).
Flow {
    id: flow

    property var choices: []
    property string value: ""
    property bool readOnly: false
    // The accessible name prefix: the checkpoint's text.
    property string subject: ""
    // Button i is named namePrefix + i.
    property string namePrefix: ""

    signal chosen(string value)

    spacing: Theme.spacingLarge

    Repeater {
        model: flow.choices
        delegate: Button {
            id: option

            required property string modelData
            required property int index
            readonly property ChoiceButtons owner: parent as ChoiceButtons
            readonly property bool selected: option.owner !== null && option.owner.value === option.modelData

            objectName: option.owner ? option.owner.namePrefix + option.index : ""
            height: Theme.bigButtonHeight
            topInset: 0
            bottomInset: 0
            leftInset: 0
            rightInset: 0
            leftPadding: Theme.spacingLarge
            rightPadding: Theme.spacingLarge
            text: option.modelData
            font.pixelSize: Theme.fontLarge
            checkable: true
            checked: option.selected
            enabled: option.owner !== null && (!option.owner.readOnly || option.selected)
            Accessible.name: (option.owner ? option.owner.subject : "") + ": " + option.modelData
            contentItem: Label {
                text: option.text
                font: option.font
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                color: option.checked ? Theme.textOnPrimary : Theme.primary
            }
            background: Rectangle {
                implicitWidth: Theme.bigButtonHeight
                radius: Theme.radius
                color: option.checked ? Theme.primary : option.down ? Theme.neutralSurface : Theme.surface
                border.width: Theme.borderWidth
                border.color: Theme.primary
                opacity: option.enabled ? 1 : 0.5
            }
            onClicked: {
                option.checked = Qt.binding(() => option.selected);
                if (option.owner && !option.owner.readOnly)
                    option.owner.chosen(option.modelData);
            }
        }
    }
}
