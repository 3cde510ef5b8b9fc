import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// A whole number with its unit (the interface has no fractions: units are chosen so that
// answers are integers), with large steppers for gloved hands.
AnswerEditor {
    id: editor

    function step(by: int) {
        const n = parseInt(field.text.length > 0 ? field.text : "0", 10);
        field.text = String((isNaN(n) ? 0 : n) + by);
        editor.committed(field.text);
    }

    implicitWidth: row.implicitWidth
    implicitHeight: row.implicitHeight

    RowLayout {
        id: row
        anchors.fill: parent
        spacing: Theme.spacing

        FiButton {
            visible: !editor.readOnly
            text: "−"
            font.pixelSize: Theme.fontTitle
            Layout.preferredWidth: Theme.bigButtonHeight
            Layout.preferredHeight: Theme.bigButtonHeight
            Accessible.name: qsTr("Decrease: %1").arg(editor.subject)
            onClicked: editor.step(-1)
        }
        TextField {
            id: field
            objectName: "number_" + editor.checkpoint.id
            Layout.preferredWidth: 200
            Layout.preferredHeight: Theme.bigButtonHeight
            text: editor.value
            readOnly: editor.readOnly
            horizontalAlignment: Text.AlignHCenter
            font.pixelSize: Theme.fontTitle
            inputMethodHints: Qt.ImhFormattedNumbersOnly
            validator: RegularExpressionValidator {
                regularExpression: /-?[0-9]{0,15}/
            }
            verticalAlignment: TextInput.AlignVCenter
            topPadding: Theme.spacing
            bottomPadding: Theme.spacing
            background: FiFieldBackground {
                focused: field.activeFocus
                readOnly: field.readOnly
            }
            Accessible.name: editor.subject
            onTextEdited: editor.committed(text)
        }
        FiButton {
            visible: !editor.readOnly
            text: "+"
            font.pixelSize: Theme.fontTitle
            Layout.preferredWidth: Theme.bigButtonHeight
            Layout.preferredHeight: Theme.bigButtonHeight
            Accessible.name: qsTr("Increase: %1").arg(editor.subject)
            onClicked: editor.step(1)
        }
        Label {
            text: editor.checkpoint.unit || ""
            font.pixelSize: Theme.fontLarge
            color: Theme.textSecondary
        }
        Item {
            Layout.fillWidth: true
        }
    }
}
