import QtQuick
import QtQuick.Controls
import FieldInspect

// A free-text checkpoint (up to 4,000 characters, the central system's limit), saved as it
// is typed.
AnswerEditor {
    id: editor

    implicitWidth: scroll.implicitWidth
    implicitHeight: Math.max(Theme.touchTarget * 2, area.implicitHeight)

    ScrollView {
        id: scroll
        anchors.fill: parent

        TextArea {
            id: area
            objectName: "text_" + editor.checkpoint.id
            text: editor.value
            readOnly: editor.readOnly
            wrapMode: TextEdit.Wrap
            font.pixelSize: Theme.fontBody
            placeholderText: qsTr("Write the answer")
            placeholderTextColor: Theme.textSecondary
            padding: Theme.spacing
            background: FiFieldBackground {
                focused: area.activeFocus
                readOnly: area.readOnly
            }
            Accessible.name: editor.subject
            onTextChanged: {
                if (!editor.readOnly && text !== editor.value && activeFocus)
                    editor.committed(text);
            }
        }
    }
}
