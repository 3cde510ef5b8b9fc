import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// Starting an inspection records the time (the trusted clock) and, on site, the place and
// who of the drawn team is present: at least two certificate holders, experts not counted.
// Off site it records how the inspection is done instead. When the tablet could not verify
// the draw, the dialog says so and starting waits until the inspector ticks that they read it.
FiDialog {
    id: dialog

    required property AssignmentDetail detail
    property var present: []
    property string offsiteMethod: ""
    property bool drawAcknowledged: false
    readonly property bool onsite: detail.mode !== "offsite"
    readonly property int certified: detail.certifiedAmong(present)
    readonly property bool canStart: (onsite ? certified >= 2 : offsiteMethod.length > 0) && (detail.drawVerified || drawAcknowledged)

    // The drawn team as check boxes (a QVariantList is a JavaScript array here).
    function teamOptions(team: var): var {
        return team.map(m => ({
                        "value": m.inspectorId,
                        "text": m.name + (m.certified ? "  · " + m.certNo : "  · " + qsTr("does not count"))
                    }));
    }
    function toggle(id: string, on: bool) {
        const next = present.filter(x => x !== id);
        if (on)
            next.push(id);
        present = next;
    }

    objectName: "startDialog"
    title: qsTr("Start the inspection")
    width: Math.min(Theme.formMaxWidth + 80, parent ? parent.width - 2 * Theme.pageMargin : Theme.formMaxWidth)
    onOpened: {
        const self = dialog.detail.team.filter(m => m.isSelf).map(m => m.inspectorId);
        dialog.present = self;
        dialog.offsiteMethod = "";
        dialog.drawAcknowledged = false;
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        // The unverified draw, said where the inspection starts, acknowledged before it can.
        Rectangle {
            objectName: "unverifiedDraw"
            Layout.fillWidth: true
            visible: !dialog.detail.drawVerified
            implicitHeight: unverified.implicitHeight + 2 * Theme.spacing
            radius: Theme.radius
            color: Theme.dangerSurface
            border.width: Theme.borderWidth
            border.color: Theme.danger
            ColumnLayout {
                id: unverified
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: Theme.spacingSmall
                Label {
                    Layout.fillWidth: true
                    text: "⚠ " + qsTr("The draw is not verified on this tablet.") + " " + dialog.detail.drawMessage
                    wrapMode: Text.Wrap
                    color: Theme.danger
                    font.bold: true
                }
                FiCheckBox {
                    objectName: "acknowledgeDraw"
                    text: qsTr("I have read this: the record will say that the draw was not verified.")
                    checked: dialog.drawAcknowledged
                    onToggled: dialog.drawAcknowledged = checked
                }
            }
        }
        Label {
            Layout.fillWidth: true
            visible: dialog.onsite
            text: qsTr("Who of the drawn team is here? At least two officers with an enforcement certificate must be present.")
            wrapMode: Text.Wrap
        }
        FiCheckList {
            namePrefix: "present_"
            options: dialog.onsite ? dialog.teamOptions(dialog.detail.team) : []
            checkedValues: dialog.present
            onToggled: (value, checked) => dialog.toggle(value, checked)
        }
        Label {
            Layout.fillWidth: true
            visible: dialog.onsite
            text: qsTr("%1 certified officer(s) present").arg(dialog.certified)
            color: dialog.certified >= 2 ? Theme.success : Theme.danger
            font.bold: true
        }
        Label {
            Layout.fillWidth: true
            visible: dialog.onsite
            text: Location.hasFix ? qsTr("Location: %1").arg(Location.text) + (Location.simulated ? " " + qsTr("(simulated)") : "") : Location.available ? qsTr("Waiting for a position fix; it is added to the record as soon as there is one.") : qsTr("No position source: %1").arg(Location.unavailableReason)
            wrapMode: Text.Wrap
            color: Location.hasFix ? Theme.textSecondary : Theme.warning
        }

        Label {
            Layout.fillWidth: true
            visible: !dialog.onsite
            text: qsTr("This target is inspected off site. How?")
            wrapMode: Text.Wrap
        }
        FiRadioList {
            options: dialog.onsite ? [] : [{
                    "value": "monitoring_data",
                    "text": qsTr("Online monitoring data")
                }, {
                    "value": "drone",
                    "text": qsTr("Drone patrol")
                }, {
                    "value": "document_review",
                    "text": qsTr("Document review")
                }]
            value: dialog.offsiteMethod
            onChosen: value => dialog.offsiteMethod = value
        }

        FiErrorText {
            Layout.fillWidth: true
            text: dialog.detail.error
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Item {
                Layout.fillWidth: true
            }
            FiButton {
                text: qsTr("Cancel")
                tone: "flat"
                onClicked: dialog.close()
            }
            FiButton {
                objectName: "confirmStart"
                tone: "primary"
                text: qsTr("Start now")
                enabled: dialog.canStart && !dialog.detail.busy
                onClicked: {
                    dialog.detail.startInspection(dialog.present, dialog.offsiteMethod);
                    dialog.close();
                }
            }
        }
    }
}
