import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// Today: the drawn assignments by plan, each with what it needs at a glance, and the
// same-day state above them. Searching and filtering never change what was drawn.
FiPage {
    id: page

    // The draft left open (the window sets it as a checklist closes) and its row; without
    // one, the first draft on the list.
    property string lastRecordId: ""
    property int lastRow: -1

    signal openAssignment(string assignmentId)
    signal openSync
    signal openRecordAt(string recordId, int row)

    pageName: "today"
    title: qsTr("Today")
    subtitle: Session.userName.length > 0 ? qsTr("%1 · %2").arg(Session.userName).arg(Session.unit) : ""
    ready: assignments.loaded

    AssignmentListModel {
        id: assignments
        objectName: "assignments"
        session: Session
    }

    SignInDialog {
        id: signInDialog
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.pageMargin
        spacing: Theme.spacingLarge

        SameDayCard {
            Layout.fillWidth: true
            onOpenSync: page.openSync()
        }
        // The same-day reminder (also a system notification where there is a service for it).
        FiBanner {
            objectName: "reminderBanner"
            Layout.fillWidth: true
            tone: "danger"
            text: Sync.reminder
            actionText: qsTr("OK")
            onActionClicked: Sync.dismissReminder()
        }
        ContinueCard {
            objectName: "continueCard"
            Layout.fillWidth: true
            recordId: page.lastRecordId.length > 0 ? page.lastRecordId : assignments.firstDraftRecordId
            row: page.lastRecordId.length > 0 ? page.lastRow : -1
            onOpenRecordAt: (recordId, row) => page.openRecordAt(recordId, row)
        }
        FiBanner {
            Layout.fillWidth: true
            tone: "warning"
            text: Session.needsSignIn ? qsTr("Your session with the central system has ended. Work goes on offline; sign in to upload.") : ""
            actionText: qsTr("Sign in")
            onActionClicked: signInDialog.open()
        }
        FiBanner {
            Layout.fillWidth: true
            tone: "danger"
            text: assignments.error
        }

        GridLayout {
            Layout.fillWidth: true
            columns: page.width > 1000 ? 3 : 1
            columnSpacing: Theme.spacingLarge
            rowSpacing: Theme.spacing

            FiTextField {
                id: search
                objectName: "search"
                Layout.fillWidth: true
                label: qsTr("Search company, address, credit code, district, team")
                onTextChanged: assignments.searchText = text
            }
            FiFilterBar {
                objectName: "categoryFilter"
                options: [{
                        "value": "",
                        "text": qsTr("All")
                    }, {
                        "value": "key",
                        "text": qsTr("Key")
                    }, {
                        "value": "general",
                        "text": qsTr("General")
                    }, {
                        "value": "special",
                        "text": qsTr("Special")
                    }]
                value: assignments.categoryFilter
                onChosen: value => assignments.categoryFilter = value
            }
            FiFilterBar {
                objectName: "stateFilter"
                options: [{
                        "value": "",
                        "text": qsTr("All")
                    }, {
                        "value": "open",
                        "text": qsTr("To do")
                    }, {
                        "value": "done",
                        "text": qsTr("Done")
                    }, {
                        "value": "attention",
                        "text": qsTr("Attention")
                    }]
                value: assignments.stateFilter
                onChosen: value => assignments.stateFilter = value
            }
        }

        Label {
            Layout.fillWidth: true
            text: assignments.count === assignments.totalCount ? qsTr("%n assignment(s)", "", assignments.count) : qsTr("%1 of %2 assignments").arg(assignments.count).arg(assignments.totalCount)
            color: Theme.textSecondary
        }

        AssignmentList {
            id: list
            objectName: "assignmentList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            model: assignments
            onOpenAssignment: assignmentId => page.openAssignment(assignmentId)

            Label {
                anchors.centerIn: parent
                width: parent.width * 0.8
                visible: assignments.loaded && assignments.count === 0
                text: assignments.totalCount === 0 ? qsTr("No assignments on this tablet yet. They arrive with the next sync.") : qsTr("No assignment matches the search and filters.")
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                color: Theme.textSecondary
                font.pixelSize: Theme.fontLarge
            }
        }
    }
}
