import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// A free-text checkpoint (up to 4,000 characters, the central system's limit).
ScrollView {
    id: editor

    property string value: ""
    property bool readOnly: false
    property string subject: ""
    property string checkpointId: ""

    signal edited(string text)

    implicitHeight: Math.max(Theme.touchTarget * 2, area.implicitHeight)

    TextArea {
        id: area
        objectName: "text_" + editor.checkpointId
        text: editor.value
        readOnly: editor.readOnly
        wrapMode: TextEdit.Wrap
        font.pixelSize: Theme.fontBody
        placeholderText: qsTr("Write the answer")
        Accessible.name: editor.subject
        onTextChanged: {
            if (!editor.readOnly && text !== editor.value && activeFocus)
                editor.edited(text);
        }
    }
}
