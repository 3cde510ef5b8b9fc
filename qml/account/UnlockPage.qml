import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// Unlock with the PIN, offline. After wrong PINs it shows the wait; after ten, the tablet is
// locked until its owner signs in online, and the page offers exactly that.
FiPage {
    id: page

    pageName: "unlock"
    title: qsTr("Unlock")

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(parent.width - 2 * Theme.pageMargin, Theme.formMaxWidth)
            x: (parent.width - width) / 2
            spacing: Theme.spacingLarge

            Item {
                Layout.preferredHeight: Theme.pageMargin * 2
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Field inspection")
                font.pixelSize: Theme.fontHuge
                font.bold: true
                color: Theme.primary
                horizontalAlignment: Text.AlignHCenter
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("The data on this tablet is encrypted. Enter your PIN to open it.")
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                color: Theme.textSecondary
            }

            FiCard {
                Layout.fillWidth: true
                visible: !Session.lockedOut

                ColumnLayout {
                    anchors.fill: parent
                    spacing: Theme.spacingLarge

                    FiTextField {
                        id: pin
                        objectName: "pin"
                        Layout.fillWidth: true
                        label: Session.needsPassphrase ? qsTr("Passphrase") : qsTr("PIN")
                        echoMode: TextInput.Password
                        inputMethodHints: Session.needsPassphrase ? Qt.ImhSensitiveData | Qt.ImhNoPredictiveText : Qt.ImhDigitsOnly
                        onAccepted: unlockButton.clicked()
                    }
                    FiButton {
                        id: unlockButton
                        objectName: "unlockButton"
                        Layout.fillWidth: true
                        tone: "primary"
                        text: Session.retryAfterSeconds > 0 ? qsTr("Wait %1 s").arg(Session.retryAfterSeconds) : qsTr("Unlock")
                        enabled: !Session.busy && Session.retryAfterSeconds <= 0
                        onClicked: {
                            Session.unlock(pin.text);
                            pin.text = "";
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: Session.failures > 0
                        text: qsTr("%n wrong PIN(s) so far. After %1 more the tablet locks until you sign in online.", "", Session.failures).arg(Session.attemptsLeft)
                        wrapMode: Text.Wrap
                        color: Theme.warning
                    }
                }
            }

            FiCard {
                Layout.fillWidth: true
                visible: Session.lockedOut

                ColumnLayout {
                    anchors.fill: parent
                    spacing: Theme.spacingLarge

                    Label {
                        Layout.fillWidth: true
                        text: qsTr("This tablet locked itself after 10 wrong PINs. Sign in online with the account that set it up; then unlock it with your PIN. Your records are kept.")
                        wrapMode: Text.Wrap
                        color: Theme.danger
                    }
                    FiTextField {
                        id: username
                        Layout.fillWidth: true
                        label: qsTr("User name")
                    }
                    FiTextField {
                        id: password
                        Layout.fillWidth: true
                        label: qsTr("Password")
                        echoMode: TextInput.Password
                    }
                    FiButton {
                        Layout.fillWidth: true
                        tone: "primary"
                        text: qsTr("Sign in online")
                        enabled: !Session.busy
                        onClicked: Session.liftLockout(username.text, password.text)
                    }
                }
            }

            BusyIndicator {
                Layout.alignment: Qt.AlignHCenter
                running: Session.busy
                visible: running
            }
            FiErrorText {
                objectName: "sessionError"
                Layout.fillWidth: true
                text: Session.error
            }
        }
    }
}
