import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// What is on its way to the central system: each record's state, its photos' progress in
// bytes, the central system's message and what to do about it; the last sync and how far
// the tablet's clock is from the server's.
FiPage {
    id: page

    signal openRecord(string recordId)

    pageName: "sync"
    title: qsTr("Sync")
    subtitle: Sync.online ? qsTr("Online") : qsTr("Offline: records wait on the tablet")
    ready: true
    // The records are read only while this page lists them (SyncController.recordsShown).
    Component.onCompleted: Sync.recordsShown = true
    Component.onDestruction: Sync.recordsShown = false

    SignInDialog {
        id: signInDialog
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.pageMargin
        spacing: Theme.spacingLarge

        GridLayout {
            Layout.fillWidth: true
            columns: page.width > page.height ? 2 : 1
            columnSpacing: Theme.spacingLarge
            rowSpacing: Theme.spacingLarge

            FiCard {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                ColumnLayout {
                    anchors.fill: parent
                    spacing: Theme.spacing
                    FiSectionTitle {
                        text: qsTr("Today %1").arg(Sync.today)
                    }
                    FiKeyValue {
                        Layout.fillWidth: true
                        label: qsTr("Not yet uploaded")
                        value: qsTr("%1 (today: %2, from earlier days: %3, refused: %4)").arg(Sync.unsent).arg(Sync.dueToday).arg(Sync.overdue).arg(Sync.parked)
                        valueColor: Sync.overdue + Sync.parked > 0 ? Theme.danger : Theme.text
                    }
                    FiKeyValue {
                        objectName: "draftsToday"
                        Layout.fillWidth: true
                        visible: Sync.draftsToday > 0
                        label: qsTr("Not yet completed")
                        value: qsTr("%n of today's inspection(s): complete them to send them", "", Sync.draftsToday)
                        valueColor: Theme.warning
                    }
                    FiKeyValue {
                        Layout.fillWidth: true
                        label: qsTr("Photos left")
                        value: Sync.bytesText(Sync.bytesLeft)
                    }
                    FiKeyValue {
                        Layout.fillWidth: true
                        label: qsTr("Time left today")
                        value: qsTr("%1 h %2 min until 24:00 (UTC+08:00)").arg(Math.floor(Sync.minutesLeft / 60)).arg(Sync.minutesLeft % 60)
                    }
                }
            }
            FiCard {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                ColumnLayout {
                    anchors.fill: parent
                    spacing: Theme.spacing
                    FiKeyValue {
                        Layout.fillWidth: true
                        label: qsTr("Network")
                        value: Sync.online ? qsTr("central system reachable") : qsTr("central system not reachable")
                        valueColor: Sync.online ? Theme.success : Theme.warning
                    }
                    FiKeyValue {
                        Layout.fillWidth: true
                        label: qsTr("Last sync")
                        value: Sync.lastSync.length > 0 ? Sync.lastSync : qsTr("never")
                    }
                    FiKeyValue {
                        Layout.fillWidth: true
                        label: qsTr("Server time")
                        value: Sync.clockSynced ? qsTr("the tablet's clock is %1 s off the server's").arg((Sync.clockOffsetMs / 1000).toFixed(1)) : qsTr("not synced yet: times come from the tablet's clock")
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        FiProgressBar {
                            Layout.fillWidth: true
                            visible: Sync.syncing && Sync.totalBytes > 0
                            from: 0
                            to: Math.max(1, Sync.totalBytes)
                            value: Sync.sentBytes
                        }
                        BusyIndicator {
                            running: Sync.syncing
                            visible: running
                        }
                        Item {
                            Layout.fillWidth: true
                            visible: !Sync.syncing || Sync.totalBytes === 0
                        }
                        FiButton {
                            objectName: "syncNow"
                            tone: "primary"
                            text: Sync.syncing ? qsTr("Syncing…") : qsTr("Sync now")
                            enabled: !Sync.syncing
                            onClicked: Sync.syncNow()
                        }
                    }
                }
            }
        }

        FiBanner {
            objectName: "syncMessage"
            Layout.fillWidth: true
            tone: Sync.messageIsError ? "danger" : "success"
            text: Sync.message
            actionText: Session.needsSignIn ? qsTr("Sign in") : ""
            onActionClicked: signInDialog.open()
        }

        OutboxList {
            id: list
            objectName: "outboxList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            model: Sync.records
            onRetry: recordId => Sync.retry(recordId)
            onSignIn: signInDialog.open()
            onView: recordId => page.openRecord(recordId)

            Label {
                anchors.centerIn: parent
                visible: list.count === 0
                text: qsTr("No records on this tablet yet.")
                color: Theme.textSecondary
                font.pixelSize: Theme.fontLarge
            }
        }
    }
}
