import QtQuick
import FieldInspect

// One of the checkpoint's choices, as large buttons.
AnswerEditor {
    id: editor

    implicitWidth: options.implicitWidth
    implicitHeight: options.implicitHeight

    ChoiceButtons {
        id: options
        width: editor.width
        choices: editor.checkpoint.choices || []
        value: editor.value
        readOnly: editor.readOnly
        subject: editor.subject
        namePrefix: "choice_" + editor.checkpoint.id + "_"
        onChosen: value => editor.committed(value)
    }
}
