import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// One assignment: who is inspected (identity, credit-code check, tags), for what (items with
// their legal basis, joint departments), by whom (the drawn team, certificates) and whether
// the draw verifies on this tablet. Starts or continues the inspection. There is no control
// to change the target or the team: a leader can only ask the central system for a re-draw.
// Upright (portrait), what to do and the draw come first, before the target's details.
FiPage {
    id: page

    property string assignmentId: ""

    signal openRecord(string recordId)
    signal openRedraw(string assignmentId)

    pageName: "target"
    title: detail.targetName.length > 0 ? detail.targetName : qsTr("Assignment")
    subtitle: detail.loaded ? detail.assignmentId + " · " + detail.planName : ""
    ready: detail.loaded

    AssignmentDetail {
        id: detail
        objectName: "assignmentDetail"
        session: Session
        location: Location
        assignmentId: page.assignmentId
        onStarted: recordId => page.openRecord(recordId)
    }

    StartInspectionDialog {
        id: startDialog
        detail: detail
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        GridLayout {
            width: scroll.availableWidth - 2 * Theme.pageMargin
            x: Theme.pageMargin
            y: Theme.pageMargin
            columns: page.portrait ? 1 : 2
            columnSpacing: Theme.spacingLarge
            rowSpacing: Theme.spacingLarge

            ColumnLayout {
                objectName: "targetColumn"
                Layout.row: page.portrait ? 1 : 0
                Layout.column: 0
                Layout.fillWidth: true
                Layout.preferredWidth: 3
                Layout.alignment: Qt.AlignTop
                spacing: Theme.spacingLarge

                FiBanner {
                    Layout.fillWidth: true
                    tone: "danger"
                    text: detail.error
                }

                // Identity
                FiCard {
                    Layout.fillWidth: true
                    ColumnLayout {
                        anchors.fill: parent
                        spacing: Theme.spacing
                        RowLayout {
                            spacing: Theme.spacing
                            FiCategoryBadge {
                                category: detail.category
                            }
                            FiBadge {
                                text: detail.mode === "offsite" ? qsTr("Off-site") : qsTr("On-site")
                                textColor: Theme.textSecondary
                            }
                        }
                        Label {
                            Layout.fillWidth: true
                            text: detail.targetName
                            font.pixelSize: Theme.fontTitle
                            font.bold: true
                            wrapMode: Text.Wrap
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacing
                            FiKeyValue {
                                Layout.fillWidth: true
                                label: qsTr("Credit code")
                                value: detail.creditCode
                            }
                            FiBadge {
                                objectName: "creditCodeBadge"
                                text: detail.creditCodeValid ? qsTr("Check digit OK") : qsTr("Check digit wrong")
                                textColor: detail.creditCodeValid ? Theme.success : Theme.danger
                                fill: detail.creditCodeValid ? Theme.successSurface : Theme.dangerSurface
                            }
                        }
                        FiErrorText {
                            Layout.fillWidth: true
                            text: detail.creditCodeProblem
                        }
                        FiKeyValue {
                            Layout.fillWidth: true
                            label: qsTr("Legal representative")
                            value: detail.legalRep
                        }
                        FiKeyValue {
                            Layout.fillWidth: true
                            label: qsTr("Address")
                            value: detail.address
                        }
                        FiKeyValue {
                            Layout.fillWidth: true
                            label: qsTr("District")
                            value: detail.district
                        }
                        FiKeyValue {
                            Layout.fillWidth: true
                            label: qsTr("Window")
                            value: detail.window
                        }
                        FiStack {
                            model: detail.tags
                            delegate: FiKeyValue {
                                required property var modelData
                                label: modelData.label
                                value: modelData.value
                            }
                        }
                    }
                }

                // Items
                FiCard {
                    Layout.fillWidth: true
                    ColumnLayout {
                        anchors.fill: parent
                        spacing: Theme.spacing
                        FiSectionTitle {
                            Layout.fillWidth: true
                            text: qsTr("Inspection items")
                        }
                        FiStack {
                            model: detail.items
                            delegate: ColumnLayout {
                                id: itemBlock
                                required property var modelData
                                spacing: 2
                                Label {
                                    Layout.fillWidth: true
                                    text: itemBlock.modelData.code + "  " + itemBlock.modelData.title
                                    font.bold: true
                                    wrapMode: Text.Wrap
                                }
                                Label {
                                    Layout.fillWidth: true
                                    text: qsTr("Legal basis: %1").arg(itemBlock.modelData.legalBasis.join("；"))
                                    color: Theme.textSecondary
                                    wrapMode: Text.Wrap
                                    font.pixelSize: Theme.fontSmall
                                }
                            }
                        }
                        FiErrorText {
                            Layout.fillWidth: true
                            text: detail.unknownItemsText.length > 0 ? qsTr("Not in the catalogue on this tablet: %1. Sync before inspecting.").arg(detail.unknownItemsText) : ""
                        }
                        FiKeyValue {
                            Layout.fillWidth: true
                            visible: detail.jointDepartmentsText.length > 0
                            label: qsTr("Joint departments")
                            value: detail.jointDepartmentsText
                        }
                    }
                }
            }

            ColumnLayout {
                objectName: "actionColumn"
                Layout.row: 0
                Layout.column: page.portrait ? 0 : 1
                Layout.fillWidth: true
                Layout.preferredWidth: 2
                Layout.alignment: Qt.AlignTop
                spacing: Theme.spacingLarge

                // What to do
                FiCard {
                    Layout.fillWidth: true
                    ColumnLayout {
                        anchors.fill: parent
                        spacing: Theme.spacing
                        RowLayout {
                            Layout.fillWidth: true
                            FiSectionTitle {
                                Layout.fillWidth: true
                                text: qsTr("Inspection")
                            }
                            FiStateBadge {
                                state: detail.state
                            }
                        }
                        FiButton {
                            objectName: "startButton"
                            Layout.fillWidth: true
                            Layout.preferredHeight: Theme.bigButtonHeight
                            tone: "primary"
                            visible: detail.state === "not_started" && !detail.revoked
                            enabled: detail.loaded && !detail.busy
                            text: qsTr("Start the inspection")
                            onClicked: startDialog.open()
                        }
                        FiButton {
                            objectName: "continueButton"
                            Layout.fillWidth: true
                            Layout.preferredHeight: Theme.bigButtonHeight
                            tone: "primary"
                            visible: detail.state === "draft"
                            text: qsTr("Continue the inspection")
                            onClicked: page.openRecord(detail.recordId)
                        }
                        FiButton {
                            objectName: "viewRecordButton"
                            Layout.fillWidth: true
                            visible: detail.recordId.length > 0 && detail.state !== "draft"
                            text: qsTr("View the record")
                            onClicked: page.openRecord(detail.recordId)
                        }
                        FiButton {
                            objectName: "redrawButton"
                            Layout.fillWidth: true
                            visible: detail.selfIsLeader && !detail.revoked && (detail.state === "not_started" || detail.state === "draft")
                            text: qsTr("Ask for a new draw…")
                            onClicked: page.openRedraw(detail.assignmentId)
                        }
                        FiErrorText {
                            Layout.fillWidth: true
                            visible: detail.revoked
                            text: qsTr("This assignment was revoked by a re-draw.")
                        }
                    }
                }

                // The draw
                FiCard {
                    objectName: "drawCard"
                    Layout.fillWidth: true
                    fill: detail.drawVerified ? Theme.surface : Theme.dangerSurface
                    border: detail.drawVerified ? Theme.divider : Theme.danger
                    ColumnLayout {
                        anchors.fill: parent
                        spacing: Theme.spacing
                        RowLayout {
                            Layout.fillWidth: true
                            FiSectionTitle {
                                Layout.fillWidth: true
                                text: qsTr("Random draw")
                            }
                            FiBadge {
                                objectName: "drawBadge"
                                text: detail.drawVerified ? qsTr("Verified") : qsTr("Not verified")
                                textColor: detail.drawVerified ? Theme.success : Theme.danger
                                fill: detail.drawVerified ? Theme.successSurface : Theme.surface
                            }
                        }
                        FiKeyValue {
                            Layout.fillWidth: true
                            label: qsTr("Draw")
                            value: detail.drawId
                        }
                        FiKeyValue {
                            Layout.fillWidth: true
                            visible: detail.drawAlgorithm.length > 0
                            label: qsTr("Algorithm")
                            value: detail.drawAlgorithm
                        }
                        Label {
                            Layout.fillWidth: true
                            visible: detail.drawVerified
                            text: qsTr("Recomputed on this tablet from the published seed: this target and this team are what the central system drew.")
                            wrapMode: Text.Wrap
                            color: Theme.textSecondary
                            font.pixelSize: Theme.fontSmall
                        }
                        // Who holds part of the seed: no single body could choose it.
                        FiStack {
                            objectName: "drawParties"
                            model: detail.drawParties
                            delegate: FiKeyValue {
                                required property var modelData
                                label: qsTr("Seed party")
                                value: modelData.name + " · " + modelData.commitment.substring(0, 16) + "…"
                            }
                        }
                        // What this tablet checked, one sentence each.
                        FiStack {
                            objectName: "drawChecks"
                            model: detail.drawChecks
                            delegate: Label {
                                required property string modelData
                                text: "✓ " + modelData
                                wrapMode: Text.Wrap
                                color: Theme.textSecondary
                                font.pixelSize: Theme.fontSmall
                            }
                        }
                        // Every re-draw of this target in the plan's public log.
                        FiSectionTitle {
                            Layout.fillWidth: true
                            visible: detail.redrawHistory.length > 0
                            text: qsTr("Re-draws of this target")
                        }
                        FiStack {
                            objectName: "redrawHistory"
                            model: detail.redrawHistory
                            delegate: Label {
                                required property var modelData
                                wrapMode: Text.Wrap
                                text: qsTr("No. %1 · %2 → %3 · reason: %4%5 · excluded: %6 · asked by %7 at %8").arg(modelData.index).arg(modelData.assignmentId).arg(modelData.newAssignmentId).arg(modelData.reason === "conflict" ? qsTr("conflict of interest") : modelData.reason === "absence" ? qsTr("absence") : qsTr("other")).arg(modelData.note.length > 0 ? " (" + modelData.note + ")" : "").arg(modelData.excluded.length > 0 ? modelData.excluded.join(", ") : qsTr("nobody")).arg(modelData.by).arg(modelData.at)
                            }
                        }
                        FiErrorText {
                            objectName: "drawWarning"
                            Layout.fillWidth: true
                            text: detail.drawMessage
                        }
                        // A draw not on the tablet yet, or an assignment changed since: a
                        // sync fetches both, and the page checks again when the store changes.
                        FiButton {
                            objectName: "drawSyncButton"
                            Layout.fillWidth: true
                            visible: !detail.drawVerified && detail.loaded
                            enabled: !Sync.syncing
                            text: Sync.syncing ? qsTr("Syncing…") : qsTr("Sync and check again")
                            onClicked: Sync.syncNow()
                        }
                        Label {
                            Layout.fillWidth: true
                            visible: text.length > 0
                            text: detail.exclusionReason
                            wrapMode: Text.Wrap
                        }
                    }
                }

                // The team
                FiCard {
                    Layout.fillWidth: true
                    ColumnLayout {
                        anchors.fill: parent
                        spacing: Theme.spacing
                        FiSectionTitle {
                            Layout.fillWidth: true
                            text: qsTr("Team (drawn)")
                        }
                        FiStack {
                            model: detail.team
                            delegate: TeamMemberDelegate {
                            }
                        }
                    }
                }
                Item {
                    Layout.preferredHeight: Theme.pageMargin
                }
            }
        }
    }
}
