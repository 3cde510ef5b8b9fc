import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// The finding of a failed checkpoint: what is wrong, in words, and its photos. Opens by
// itself when a checkpoint fails.
FiDialog {
    id: dialog

    required property ChecklistController editor
    property string itemId: ""
    property string checkpointId: ""
    property string checkpointText: ""
    property string description: ""
    // The description as the record has it now: the text is saved as it is typed (the
    // record's autosave writes it to the store moments later), so a call or a crash with the
    // dialog open loses nothing.
    property string saved: ""

    signal addPhoto(string findingId)

    objectName: "findingDialog"
    title: qsTr("Finding")
    width: Math.min(Theme.formMaxWidth + 160, parent ? parent.width - 2 * Theme.pageMargin : Theme.formMaxWidth)
    function save() {
        if (area.text === dialog.saved)
            return;
        dialog.editor.setFinding(dialog.itemId, dialog.checkpointId, area.text);
        dialog.saved = area.text;
    }

    onAboutToShow: {
        dialog.saved = dialog.description;
        area.text = dialog.description;
    }
    onOpened: area.forceActiveFocus()
    onClosed: dialog.save()

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        Label {
            Layout.fillWidth: true
            text: dialog.checkpointText
            font.bold: true
            wrapMode: Text.Wrap
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("Describe what is wrong: what, where, how much. This text goes to the central system with the record.")
            color: Theme.textSecondary
            wrapMode: Text.Wrap
        }
        ScrollView {
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.touchTarget * 3
            TextArea {
                id: area
                objectName: "findingText"
                wrapMode: TextEdit.Wrap
                font.pixelSize: Theme.fontBody
                placeholderText: qsTr("e.g. the outfall has no sign board")
                placeholderTextColor: Theme.textSecondary
                padding: Theme.spacing
                background: FiFieldBackground {
                    focused: area.activeFocus
                }
                Accessible.name: qsTr("Description of the finding")
                onTextChanged: {
                    if (dialog.visible)
                        dialog.save();
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            FiButton {
                objectName: "findingAddPhoto"
                text: qsTr("Add photo")
                onClicked: {
                    const id = dialog.editor.setFinding(dialog.itemId, dialog.checkpointId, area.text);
                    dialog.saved = area.text;
                    dialog.description = area.text;
                    dialog.close();
                    dialog.addPhoto(id);
                }
            }
            Item {
                Layout.fillWidth: true
            }
            FiButton {
                objectName: "findingDone"
                tone: "primary"
                text: qsTr("Done")
                onClicked: dialog.close()
            }
        }
    }
}
