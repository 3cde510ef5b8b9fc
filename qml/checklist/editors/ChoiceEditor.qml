import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// One of the checkpoint's choices, as large buttons.
Flow {
    id: editor

    property string value: ""
    property var choices: []
    property bool readOnly: false
    property string subject: ""
    property string checkpointId: ""

    signal chosen(string choice)

    spacing: Theme.spacing

    Repeater {
        model: editor.choices
        delegate: Button {
            id: option
            required property string modelData
            required property int index
            objectName: "choice_" + editor.checkpointId + "_" + index
            height: Theme.bigButtonHeight
            leftPadding: Theme.spacingLarge
            rightPadding: Theme.spacingLarge
            text: modelData
            font.pixelSize: Theme.fontLarge
            checkable: true
            checked: editor.value === modelData
            enabled: !editor.readOnly || checked
            Accessible.name: editor.subject + ": " + modelData
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
                checked = Qt.binding(() => editor.value === modelData);
                if (!editor.readOnly)
                    editor.chosen(modelData);
            }
        }
    }
}
