import QtQuick
import QtQuick.Controls
import FieldInspect

// One of the checkpoint's choices, as large buttons.
AnswerEditor {
    id: editor

    implicitWidth: options.implicitWidth
    implicitHeight: options.implicitHeight

    Flow {
        id: options
        width: editor.width
        spacing: Theme.spacing

        Repeater {
            model: editor.checkpoint.choices || []
            delegate: Button {
                id: option
                required property string modelData
                required property int index
                objectName: "choice_" + editor.checkpoint.id + "_" + index
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
                        editor.committed(modelData);
                }
            }
        }
    }
}
