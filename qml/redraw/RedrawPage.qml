import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// A team leader asks the central system for a new draw of this assignment (online only):
// why, a note, and which team members must not be drawn again (e.g. 回避, a conflict of
// interest). The central system draws; this page only shows the team it drew. Nobody on
// the tablet chooses a person.
FiPage {
    id: page

    property string assignmentId: ""
    property var excluded: []
    // "Other" needs a note (the central system refuses it otherwise: 422 note_required).
    readonly property bool noteMissing: reasonGroup.reason === "other" && note.text.trim().length === 0

    // The drawn team as check boxes (a QVariantList is a JavaScript array here).
    function teamOptions(team: var): var {
        return team.map(m => ({
                        "value": m.inspectorId,
                        "text": m.name + (m.certNo.length > 0 ? " · " + m.certNo : "")
                    }));
    }
    function toggle(id: string, on: bool) {
        const next = excluded.filter(x => x !== id);
        if (on)
            next.push(id);
        excluded = next;
    }

    pageName: "redraw"
    title: qsTr("Ask for a new draw")
    subtitle: current.targetName
    ready: current.loaded

    AssignmentDetail {
        id: current
        session: Session
        assignmentId: page.assignmentId
    }
    RedrawController {
        id: redraw
        objectName: "redraw"
        session: Session
        assignmentId: page.assignmentId
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(scroll.availableWidth - 2 * Theme.pageMargin, Theme.formMaxWidth * 1.6)
            x: (scroll.availableWidth - width) / 2
            y: Theme.pageMargin
            spacing: Theme.spacingLarge

            FiBanner {
                Layout.fillWidth: true
                tone: "info"
                text: qsTr("Targets and inspectors are drawn at random and must not be swapped. Only the central system can draw again; the old assignment is then revoked and its drafts are kept, frozen.")
            }
            FiBanner {
                Layout.fillWidth: true
                tone: "warning"
                text: Sync.online ? "" : qsTr("The central system is not reachable. A new draw needs the network; nothing was changed.")
            }

            FiCard {
                Layout.fillWidth: true
                visible: !redraw.done
                ColumnLayout {
                    anchors.fill: parent
                    spacing: Theme.spacing

                    FiSectionTitle {
                        text: qsTr("Reason")
                    }
                    FiRadioList {
                        options: [{
                                "value": "conflict",
                                "text": qsTr("Conflict of interest (回避)")
                            }, {
                                "value": "absence",
                                "text": qsTr("A team member is absent")
                            }, {
                                "value": "other",
                                "text": qsTr("Other (say why in the note)")
                            }]
                        namePrefix: "reason_"
                        value: reasonGroup.reason
                        onChosen: value => reasonGroup.reason = value
                    }
                    QtObject {
                        id: reasonGroup
                        property string reason: ""
                    }
                    FiTextField {
                        id: note
                        objectName: "redrawNote"
                        Layout.fillWidth: true
                        label: reasonGroup.reason === "other" ? qsTr("Note (required: say why)") : qsTr("Note")
                    }
                    FiErrorText {
                        objectName: "noteRequired"
                        Layout.fillWidth: true
                        text: page.noteMissing ? qsTr("A re-draw for another reason needs a note saying what it is.") : ""
                    }
                    FiSectionTitle {
                        text: qsTr("Must not be drawn again")
                    }
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontSmall
                        text: qsTr("Only members the draw put on this team can be excluded; each re-draw takes the next number of the plan's public log, with its reason.")
                    }
                    FiCheckList {
                        namePrefix: "exclude_"
                        options: page.teamOptions(current.drawnTeam)
                        checkedValues: page.excluded
                        onToggled: (value, checked) => page.toggle(value, checked)
                    }
                    FiErrorText {
                        Layout.fillWidth: true
                        text: redraw.error
                    }
                    FiButton {
                        objectName: "requestRedraw"
                        Layout.fillWidth: true
                        tone: "primary"
                        text: redraw.busy ? qsTr("Asking the central system…") : qsTr("Ask the central system to draw again")
                        enabled: !redraw.busy && reasonGroup.reason.length > 0 && !page.noteMissing
                        onClicked: redraw.request(reasonGroup.reason, note.text, page.excluded)
                    }
                }
            }

            FiCard {
                Layout.fillWidth: true
                visible: redraw.done
                ColumnLayout {
                    anchors.fill: parent
                    spacing: Theme.spacing
                    FiSectionTitle {
                        objectName: "redrawDone"
                        Layout.fillWidth: true
                        text: qsTr("The central system drew a new team")
                    }
                    FiKeyValue {
                        Layout.fillWidth: true
                        label: qsTr("New assignment")
                        value: redraw.result.assignmentId + " · " + qsTr("revision %1").arg(redraw.result.revision)
                    }
                    FiKeyValue {
                        Layout.fillWidth: true
                        label: qsTr("Draw")
                        value: redraw.result.drawId + " · " + (redraw.result.drawVerified ? qsTr("verified") : qsTr("NOT verified"))
                        valueColor: redraw.result.drawVerified ? Theme.success : Theme.danger
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: redraw.frozenDrafts > 0
                        text: qsTr("%n draft(s) of the old assignment were frozen and kept.", "", redraw.frozenDrafts)
                        wrapMode: Text.Wrap
                    }
                    FiStack {
                        model: redraw.result.team
                        delegate: TeamMemberDelegate {
                        }
                    }
                    FiButton {
                        Layout.fillWidth: true
                        text: qsTr("Back to Today")
                        onClicked: page.StackView.view.pop(null)
                    }
                }
            }
        }
    }
}
