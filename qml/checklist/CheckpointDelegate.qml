import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// One checkpoint of the checklist: its text, the editor its kind needs, its note, its
// finding and photo prompt. The item's header above it is the list's section
// (ItemHeaderDelegate).
Item {
    id: row

    required property ChecklistController editor
    required property string itemId
    required property string checkpointId
    required property string checkpointText
    required property string kind
    required property bool required
    required property bool photoOnFail
    required property string unit
    required property var choices
    required property var value
    required property bool answered
    required property bool failed
    required property string note
    required property string findingId
    required property string findingDescription
    required property int findingPhotoCount
    required property bool needsPhoto
    property bool highlighted: false
    // The note field is open: asked for with the note button, or there is a note. Answering
    // never opens it, so nothing below moves when a checkpoint is answered.
    property bool noteOpen: false

    signal failChosen(string itemId, string checkpointId, string checkpointText, string description)
    signal editFinding(string itemId, string checkpointId, string checkpointText, string description)
    signal addPhoto(string findingId)

    readonly property string answerText: value === undefined || value === null ? "" : String(value)
    // What an answer editor is told of its checkpoint (AnswerEditor.checkpoint).
    readonly property var checkpoint: ({
            "id": checkpointId,
            "kind": kind,
            "text": checkpointText,
            "unit": unit,
            "choices": choices
        })

    // Every editor's new answer comes here. An answer that makes the checkpoint fail asks
    // for its finding at once, unless it is already described.
    function commit(answer: string) {
        const wasFailed = row.failed;
        row.editor.setAnswer(row.itemId, row.checkpointId, answer);
        if (row.failed && !wasFailed && row.findingDescription.length === 0)
            row.failChosen(row.itemId, row.checkpointId, row.checkpointText, row.findingDescription);
    }

    implicitHeight: card.implicitHeight

    FiCard {
        id: card
        width: parent.width
        border: row.highlighted ? Theme.primary : row.needsPhoto || (row.failed && row.findingDescription.length === 0) ? Theme.danger : Theme.divider

        ColumnLayout {
            anchors.fill: parent
            spacing: Theme.spacing

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                Label {
                    Layout.fillWidth: true
                    text: row.checkpointText + (row.required ? "" : "  " + qsTr("(optional)"))
                    font.pixelSize: Theme.fontLarge
                    wrapMode: Text.Wrap
                }
                // The note, behind a button that is always there (a note field appearing after
                // an answer would push every later checkpoint down).
                FiButton {
                    objectName: "noteButton_" + row.checkpointId
                    Layout.alignment: Qt.AlignTop
                    Layout.preferredWidth: Theme.touchTarget
                    tone: row.noteOpen || row.note.length > 0 ? "normal" : "flat"
                    text: "✎"
                    font.pixelSize: Theme.fontLarge
                    enabled: !row.editor.record.readOnly || row.note.length > 0
                    Accessible.name: qsTr("Note on: %1").arg(row.checkpointText)
                    onClicked: row.noteOpen = !row.noteOpen
                }
            }

            Loader {
                id: editorLoader
                Layout.fillWidth: true
                // The editor of each checkpoint kind, all built on AnswerEditor: a new kind is
                // its editor file and one row here. An unknown kind is answered in words.
                readonly property var editors: ({
                        "pass_fail": "editors/PassFailEditor.qml",
                        "number": "editors/NumberEditor.qml",
                        "choice": "editors/ChoiceEditor.qml",
                        "text": "editors/TextAnswerEditor.qml"
                    })
                source: Qt.resolvedUrl(editors[row.kind] || editors["text"])
                onLoaded: {
                    item.value = Qt.binding(() => row.answerText);
                    item.readOnly = Qt.binding(() => row.editor.record.readOnly);
                    item.subject = Qt.binding(() => row.checkpointText);
                    item.checkpoint = Qt.binding(() => row.checkpoint);
                    item.committed.connect(row.commit);
                }
            }

            FiTextField {
                objectName: "note_" + row.checkpointId
                Layout.fillWidth: true
                visible: row.noteOpen || row.note.length > 0
                readOnly: row.editor.record.readOnly
                label: qsTr("Note (optional)")
                text: row.note
                input.onTextEdited: row.editor.setNote(row.itemId, row.checkpointId, input.text)
            }

            // The finding of a failed checkpoint.
            Rectangle {
                Layout.fillWidth: true
                visible: row.failed || row.findingId.length > 0
                implicitHeight: findingColumn.implicitHeight + 2 * Theme.spacing
                radius: Theme.radius
                color: Theme.dangerSurface

                ColumnLayout {
                    id: findingColumn
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    spacing: Theme.spacingSmall

                    Label {
                        Layout.fillWidth: true
                        text: row.findingDescription.length > 0 ? qsTr("Finding: %1").arg(row.findingDescription) : qsTr("Describe the finding of this failed checkpoint.")
                        color: row.findingDescription.length > 0 ? Theme.text : Theme.danger
                        wrapMode: Text.Wrap
                        font.bold: row.findingDescription.length === 0
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: row.needsPhoto
                        text: qsTr("A photo is required for this finding.")
                        color: Theme.danger
                        font.bold: true
                        wrapMode: Text.Wrap
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: row.findingPhotoCount > 0
                        text: qsTr("%n photo(s) attached", "", row.findingPhotoCount)
                        color: Theme.textSecondary
                    }
                    RowLayout {
                        spacing: Theme.spacing
                        visible: !row.editor.record.readOnly
                        FiButton {
                            objectName: "editFinding_" + row.checkpointId
                            text: qsTr("Edit finding")
                            Accessible.name: qsTr("Edit finding: %1").arg(row.checkpointText)
                            onClicked: row.editFinding(row.itemId, row.checkpointId, row.checkpointText, row.findingDescription)
                        }
                        FiButton {
                            objectName: "addPhoto_" + row.checkpointId
                            tone: row.needsPhoto ? "danger" : "normal"
                            text: qsTr("Add photo")
                            Accessible.name: qsTr("Add photo: %1").arg(row.checkpointText)
                            onClicked: {
                                const id = row.editor.setFinding(row.itemId, row.checkpointId, row.findingDescription);
                                row.addPhoto(id);
                            }
                        }
                    }
                }
            }
        }
    }
}
