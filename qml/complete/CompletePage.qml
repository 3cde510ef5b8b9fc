import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// Closing an inspection: the summary, who was there and where, the outcome (only those the
// rules allow) with its fixed public wording shown exactly, the confidential flag with its
// legal ground and reason, and every problem that still blocks completion with a way to it.
// Completing locks the record for good and queues it for the same-day upload. A completed
// record shows its publication (the public text, or on which ground and why it is not
// published, and the date by which it must be public) and makes the inspection record PDF
// (现场检查笔录) on the store thread, saved only where the user picks in the save dialog.
FiPage {
    id: page

    // The record shown (the Checklist page's), and this page's controller over it.
    required property OpenRecord record
    readonly property CompletionController completion: completionController

    // Where the page was scrolled to (kept across a lock), and where to put it once loaded.
    readonly property real scrollY: scroll.ScrollBar.vertical.position * scroll.contentHeight
    property real startY: 0

    signal showProblem(string itemId, string checkpointId)
    signal done
    // A correction's draft to open (made here, or the one already being written).
    signal openRecord(string recordId)

    // The four legal grounds on which a result may be kept from publication (interface 1.1;
    // 涉及保密、国家安全、公共安全可不予公开, 法律明确不予公开公示的情形).
    readonly property var grounds: [{
            "value": "state_secret",
            "text": qsTr("A state secret is involved")
        }, {
            "value": "national_security",
            "text": qsTr("National security is involved")
        }, {
            "value": "public_safety",
            "text": qsTr("Public safety is involved")
        }, {
            "value": "other_law",
            "text": qsTr("Another case the law excludes from publication")
        }]

    // The team as check boxes (a QVariantList is a JavaScript array here).
    function teamOptions(team: var): var {
        return team.map(m => ({
                        "value": m.inspectorId,
                        "text": m.name + (m.certified ? " · " + m.certNo : " · " + qsTr("does not count"))
                    }));
    }
    function presentIds(team: var): var {
        return team.filter(m => m.present).map(m => m.inspectorId);
    }
    function groundText(value: string): string {
        for (const g of grounds)
            if (g.value === value)
                return g.text;
        return "—";
    }

    pageName: "complete"
    title: record.readOnly ? qsTr("Record") : qsTr("Complete the inspection")
    subtitle: record.targetName
    ready: record.loaded && !record.busy
    Component.onCompleted: completionController.checkProblems()
    onReadyChanged: {
        if (ready && startY > 0)
            restoreScroll.restart();
    }

    // After unlocking: the page back where it was, once laid out with the record.
    Timer {
        id: restoreScroll
        interval: 50
        onTriggered: {
            const flick = scroll.contentItem as Flickable;
            if (flick)
                flick.contentY = Math.min(page.startY, Math.max(0, flick.contentHeight - flick.height));
            page.startY = 0;
        }
    }

    CompletionController {
        id: completionController
        objectName: "completion"
        record: page.record
    }

    FiDialog {
        id: confirm
        objectName: "confirmComplete"
        title: qsTr("Complete and lock this record?")
        standardButtons: Dialog.Cancel | Dialog.Ok
        Label {
            width: Theme.formMaxWidth
            text: qsTr("A completed record can never be changed; it is sealed, chained and uploaded to the central system today. Corrections are new records.")
            wrapMode: Text.Wrap
        }
        onAccepted: page.completion.complete()
    }
    SignatureDialog {
        id: signatureDialog
        objectName: "signatureDialog"
        completion: page.completion
    }
    CorrectDialog {
        id: correctDialog
        objectName: "correctDialog"
        onReasonGiven: reason => page.completion.correct(reason)
    }
    Connections {
        target: page.completion
        function onCorrectionOpened(recordId: string, alreadyStarted: bool) {
            page.openRecord(recordId);
        }
    }
    FiSaveDialog {
        id: pdfDialog
        objectName: "pdfDialog"
        title: qsTr("Save the inspection record")
        onChosen: file => page.completion.makeRecordPdf(file)
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        GridLayout {
            width: scroll.availableWidth - 2 * Theme.pageMargin
            x: Theme.pageMargin
            y: Theme.pageMargin
            columns: page.width > page.height ? 2 : 1
            columnSpacing: Theme.spacingLarge
            rowSpacing: Theme.spacingLarge

            ColumnLayout {
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                Layout.alignment: Qt.AlignTop
                spacing: Theme.spacingLarge

                FiBanner {
                    objectName: "completedBanner"
                    Layout.fillWidth: true
                    tone: "success"
                    text: page.record.readOnly ? (page.record.state === "uploaded" ? qsTr("Completed and received by the central system.") : qsTr("Completed and locked. It is uploaded as soon as there is a network.")) : ""
                    actionText: qsTr("Back")
                    onActionClicked: page.done()
                }
                FiBanner {
                    Layout.fillWidth: true
                    tone: "danger"
                    text: page.record.error
                }
                FiBanner {
                    objectName: "correctionBanner"
                    Layout.fillWidth: true
                    tone: "info"
                    text: page.completion.supersedes.length > 0 ? qsTr("This record corrects %1. Reason: %2").arg(page.completion.supersedes).arg(page.completion.correctionReason) : ""
                }
                VersionsCard {
                    objectName: "versionsCard"
                    Layout.fillWidth: true
                    visible: page.completion.versions.length > 1
                    versions: page.completion.versions
                }

                // Summary
                FiCard {
                    Layout.fillWidth: true
                    ColumnLayout {
                        anchors.fill: parent
                        spacing: Theme.spacing
                        FiSectionTitle {
                            text: qsTr("Summary")
                        }
                        FiKeyValue {
                            Layout.fillWidth: true
                            label: qsTr("Checkpoints answered")
                            value: qsTr("%1 (required: %2 of %3)").arg(page.completion.answerCount).arg(page.completion.requiredAnswered).arg(page.completion.requiredTotal)
                        }
                        FiKeyValue {
                            Layout.fillWidth: true
                            label: qsTr("Failed")
                            value: String(page.completion.failCount)
                            valueColor: page.completion.failCount > 0 ? Theme.danger : Theme.text
                        }
                        FiKeyValue {
                            Layout.fillWidth: true
                            label: qsTr("Findings")
                            value: String(page.completion.findingCount)
                        }
                        FiKeyValue {
                            Layout.fillWidth: true
                            label: qsTr("Photos")
                            value: String(page.completion.photoCount)
                        }
                        FiKeyValue {
                            Layout.fillWidth: true
                            label: qsTr("Inspection day")
                            value: page.completion.inspectionDay
                        }
                        FiKeyValue {
                            Layout.fillWidth: true
                            label: qsTr("Started")
                            value: page.completion.startedAt + (page.completion.clockSource === "device" ? " " + qsTr("(device clock, not synced)") : "")
                        }
                        FiKeyValue {
                            Layout.fillWidth: true
                            visible: page.record.readOnly && page.completion.finishedAt.length > 0
                            label: qsTr("Finished")
                            value: page.completion.finishedAt
                        }
                        FiKeyValue {
                            objectName: "summaryPublication"
                            Layout.fillWidth: true
                            visible: page.completion.confidential
                            label: qsTr("Publication")
                            value: qsTr("Not published: %1").arg(page.groundText(page.completion.confidentialGround))
                            valueColor: Theme.warning
                        }
                        FiKeyValue {
                            Layout.fillWidth: true
                            visible: page.record.readOnly
                            label: qsTr("Draw")
                            value: page.completion.drawVerified ? qsTr("verified") : qsTr("NOT verified")
                            valueColor: page.completion.drawVerified ? Theme.success : Theme.danger
                        }
                    }
                }

                // Presence and place
                FiCard {
                    Layout.fillWidth: true
                    ColumnLayout {
                        anchors.fill: parent
                        spacing: Theme.spacing
                        FiSectionTitle {
                            text: page.record.mode === "offsite" ? qsTr("Off-site inspection") : qsTr("On site")
                        }
                        FiCheckList {
                            options: page.record.mode === "offsite" ? [] : page.teamOptions(page.completion.team)
                            checkedValues: page.presentIds(page.completion.team)
                            readOnly: page.record.readOnly
                            onToggled: (value, checked) => page.completion.setPresent(value, checked)
                        }
                        Label {
                            Layout.fillWidth: true
                            visible: page.record.mode !== "offsite"
                            text: qsTr("%1 certified officer(s) present").arg(page.completion.certifiedPresent)
                            color: page.completion.certifiedPresent >= 2 ? Theme.success : Theme.danger
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            visible: page.record.mode !== "offsite"
                            FiKeyValue {
                                Layout.fillWidth: true
                                label: qsTr("Location at the start")
                                value: page.completion.hasLocation ? page.completion.locationText + (page.completion.locationSimulated ? " · " + qsTr("simulated") : "") : qsTr("missing")
                                valueColor: page.completion.hasLocation ? Theme.text : Theme.danger
                            }
                            FiKeyValue {
                                objectName: "distanceToTarget"
                                visible: page.completion.distanceText !== ""
                                label: qsTr("Distance")
                                value: page.completion.distanceText
                                valueColor: page.completion.farFromTarget ? Theme.warning : Theme.text
                            }
                        }
                        Label {
                            objectName: "farFromTargetWarning"
                            Layout.fillWidth: true
                            visible: page.record.mode !== "offsite" && page.completion.farFromTarget
                            wrapMode: Text.WordWrap
                            color: Theme.warning
                            text: qsTr("More than 500 m from the target's known position: the central system will flag this record. The place is taken once, when the inspection starts, and cannot be changed.")
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            visible: page.record.mode !== "offsite" && page.completion.completedLocationText !== ""
                            FiKeyValue {
                                Layout.fillWidth: true
                                label: qsTr("Location at completion")
                                value: page.completion.completedLocationText
                            }
                            FiKeyValue {
                                visible: page.completion.completedDistanceText !== ""
                                label: qsTr("Distance")
                                value: page.completion.completedDistanceText
                            }
                        }
                        FiRadioList {
                            options: page.record.mode === "offsite" ? [{
                                    "value": "monitoring_data",
                                    "text": qsTr("Online monitoring data")
                                }, {
                                    "value": "drone",
                                    "text": qsTr("Drone patrol")
                                }, {
                                    "value": "document_review",
                                    "text": qsTr("Document review")
                                }] : []
                            value: page.completion.offsiteMethod
                            readOnly: page.record.readOnly
                            onChosen: value => page.completion.offsiteMethod = value
                        }
                    }
                }
                // Signatures (on site)
                SignaturesCard {
                    objectName: "signaturesCard"
                    Layout.fillWidth: true
                    visible: page.completion.signaturesNeeded
                    completion: page.completion
                    onSignRequested: (role, inspectorId, name, position) => signatureDialog.openFor(role, inspectorId, name, position)
                }
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                Layout.alignment: Qt.AlignTop
                spacing: Theme.spacingLarge

                // Outcome
                FiCard {
                    Layout.fillWidth: true
                    ColumnLayout {
                        anchors.fill: parent
                        spacing: Theme.spacing
                        FiSectionTitle {
                            text: qsTr("Outcome")
                        }
                        FiRadioList {
                            options: [{
                                    "value": "no_problem",
                                    "text": qsTr("No problem found")
                                }, {
                                    "value": "rectification_ordered",
                                    "text": qsTr("Problem found, rectification ordered")
                                }, {
                                    "value": "case_opened",
                                    "text": qsTr("Violation found, case opened")
                                }]
                            namePrefix: "outcome_"
                            fontPixelSize: Theme.fontLarge
                            value: page.completion.outcome
                            readOnly: page.record.readOnly
                            disabledValues: page.completion.noProblemAllowed ? [] : ["no_problem"]
                            onChosen: value => page.completion.outcome = value
                        }
                        Label {
                            Layout.fillWidth: true
                            visible: !page.completion.noProblemAllowed && !page.record.readOnly
                            text: qsTr("A checkpoint failed, so \"no problem found\" is not possible.")
                            color: Theme.textSecondary
                            wrapMode: Text.Wrap
                            font.pixelSize: Theme.fontSmall
                        }
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("Published as:")
                            color: Theme.textSecondary
                        }
                        Label {
                            objectName: "publicText"
                            Layout.fillWidth: true
                            text: page.completion.publicText.length > 0 ? page.completion.publicText : "—"
                            font.pixelSize: Theme.fontTitle
                            font.bold: true
                            color: Theme.primary
                            wrapMode: Text.Wrap
                            Accessible.name: qsTr("Published as: %1").arg(text)
                        }
                        FiCheckBox {
                            id: confidential
                            objectName: "confidentialSwitch"
                            text: qsTr("Do not publish the result (secrecy, national or public security)")
                            checked: page.completion.confidential
                            enabled: !page.record.readOnly
                            onToggled: page.completion.confidential = checked
                        }
                        Label {
                            objectName: "confidentialGroundTitle"
                            Layout.fillWidth: true
                            visible: page.completion.confidential
                            text: qsTr("Legal ground (required)")
                            color: page.completion.confidentialGround.length > 0 ? Theme.textSecondary : Theme.warning
                            wrapMode: Text.Wrap
                        }
                        FiRadioList {
                            objectName: "confidentialGrounds"
                            visible: page.completion.confidential
                            options: page.grounds
                            namePrefix: "ground_"
                            // The controller's ground is the one truth: a click asks for it.
                            value: page.completion.confidentialGround
                            readOnly: page.record.readOnly
                            onChosen: value => page.completion.confidentialGround = value
                        }
                        FiTextField {
                            objectName: "confidentialReason"
                            Layout.fillWidth: true
                            visible: page.completion.confidential
                            readOnly: page.record.readOnly
                            label: qsTr("Reason it is not published")
                            text: page.completion.confidentialReason
                            input.onTextEdited: page.completion.confidentialReason = input.text
                        }
                    }
                }

                // Publication and the printable record (completed records)
                FiCard {
                    objectName: "publicationCard"
                    Layout.fillWidth: true
                    visible: page.record.readOnly && page.record.state !== "frozen"
                    ColumnLayout {
                        anchors.fill: parent
                        spacing: Theme.spacing
                        FiSectionTitle {
                            text: qsTr("Publication")
                        }
                        FiKeyValue {
                            objectName: "publicationText"
                            Layout.fillWidth: true
                            label: qsTr("Public text")
                            value: page.completion.confidential ? qsTr("Not published") : page.completion.publicText
                            valueColor: page.completion.confidential ? Theme.warning : Theme.text
                        }
                        FiKeyValue {
                            objectName: "publicationGround"
                            Layout.fillWidth: true
                            visible: page.completion.confidential
                            label: qsTr("Legal ground")
                            value: page.groundText(page.completion.confidentialGround)
                        }
                        FiKeyValue {
                            objectName: "publicationReason"
                            Layout.fillWidth: true
                            visible: page.completion.confidential
                            label: qsTr("Why not published")
                            value: page.completion.confidentialReason
                        }
                        FiKeyValue {
                            objectName: "publicationDeadline"
                            Layout.fillWidth: true
                            visible: page.completion.publicationDeadline.length > 0
                            label: qsTr("Publish by")
                            value: page.completion.publicationDeadline + (page.completion.deadlineProvisional ? " " + qsTr("(provisional: holiday calendar not yet published)") : "")
                        }
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("Results are made public within 20 working days of the inspection (official holidays and make-up working days counted).")
                            color: Theme.textSecondary
                            wrapMode: Text.Wrap
                            font.pixelSize: Theme.fontSmall
                        }
                        FiButton {
                            objectName: "makePdf"
                            Layout.fillWidth: true
                            text: page.completion.pdfBusy ? qsTr("Making the PDF…") : qsTr("Inspection record (PDF)")
                            enabled: !page.completion.pdfBusy
                            onClicked: pdfDialog.ask("record-" + page.record.recordId + ".pdf", qsTr("PDF document (*.pdf)"))
                        }
                        FiBanner {
                            objectName: "pdfBanner"
                            Layout.fillWidth: true
                            tone: "success"
                            text: page.completion.pdfPath.length > 0 ? qsTr("Saved to %1").arg(page.completion.pdfPath) : ""
                            actionText: qsTr("Open")
                            onActionClicked: Qt.openUrlExternally(page.completion.pdfUrl)
                        }
                        FiBanner {
                            objectName: "pdfError"
                            Layout.fillWidth: true
                            tone: "danger"
                            text: page.completion.pdfError
                        }
                        FiButton {
                            objectName: "correctButton"
                            Layout.fillWidth: true
                            visible: page.completion.correctable
                            text: qsTr("Correct this record…")
                            enabled: !page.record.busy
                            onClicked: correctDialog.open()
                        }
                    }
                }

                // Problems
                FiCard {
                    Layout.fillWidth: true
                    visible: !page.record.readOnly
                    fill: page.completion.problems.count > 0 ? Theme.warningSurface : Theme.successSurface
                    border: page.completion.problems.count > 0 ? Theme.warning : Theme.success
                    ColumnLayout {
                        anchors.fill: parent
                        spacing: Theme.spacing
                        FiSectionTitle {
                            objectName: "problemsTitle"
                            Layout.fillWidth: true
                            text: page.completion.problems.count > 0 ? qsTr("%n thing(s) to fix before completing", "", page.completion.problems.count) : qsTr("Ready to complete")
                        }
                        FiStack {
                            objectName: "problemList"
                            model: page.completion.problems
                            delegate: ProblemDelegate {
                                onGoTo: (itemId, checkpointId) => page.showProblem(itemId, checkpointId)
                            }
                        }
                        FiButton {
                            objectName: "completeNow"
                            Layout.fillWidth: true
                            Layout.preferredHeight: Theme.bigButtonHeight
                            tone: "primary"
                            text: qsTr("Complete and lock")
                            enabled: page.completion.problems.count === 0 && !page.record.busy && page.record.saveState !== "failed"
                            onClicked: confirm.open()
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
