import QtQuick
import FieldInspect

// A pass / fail / not-applicable checkpoint: three large buttons.
AnswerEditor {
    id: editor

    implicitWidth: buttons.implicitWidth
    implicitHeight: buttons.implicitHeight

    FiPassFailButtons {
        id: buttons
        objectName: "passFail_" + editor.checkpoint.id
        anchors.fill: parent
        value: editor.value
        readOnly: editor.readOnly
        subject: editor.subject
        onChosen: answer => editor.committed(answer)
    }
}
