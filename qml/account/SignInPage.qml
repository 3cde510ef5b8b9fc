import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// First run, exactly as the command line's `init`: sign in online with the central system
// (its address, and how to trust it, first), then choose the PIN that unlocks the tablet
// offline from then on.
FiPage {
    id: page

    pageName: "signin"
    title: qsTr("Set up this tablet")

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(parent.width - 2 * Theme.pageMargin, Theme.formMaxWidth)
            x: (parent.width - width) / 2
            spacing: Theme.spacingLarge

            Item {
                Layout.preferredHeight: Theme.pageMargin
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
                text: Session.pinPending ? qsTr("Step 2 of 2: choose the PIN that unlocks this tablet, also without network.") : qsTr("Step 1 of 2: sign in with your account of the central system. The tablet needs the network this first time.")
                wrapMode: Text.Wrap
                horizontalAlignment: Text.AlignHCenter
                color: Theme.textSecondary
            }

            FiCard {
                Layout.fillWidth: true
                visible: !Session.pinPending

                ColumnLayout {
                    anchors.fill: parent
                    spacing: Theme.spacingLarge

                    FiTextField {
                        id: serverUrl
                        objectName: "serverUrl"
                        Layout.fillWidth: true
                        label: qsTr("Central system address")
                        placeholderText: "https://central.example/api/v1"
                        text: Preferences.serverUrl
                        inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                    }
                    FiCheckBox {
                        id: advanced
                        objectName: "advancedServer"
                        text: qsTr("Security settings of the server (CA file, key pin)")
                        Layout.minimumHeight: Theme.touchTarget
                    }
                    FiTextField {
                        id: caFile
                        Layout.fillWidth: true
                        visible: advanced.checked
                        label: qsTr("CA certificate file (PEM)")
                        text: Preferences.caFile
                    }
                    FiTextField {
                        id: tlsPin
                        Layout.fillWidth: true
                        visible: advanced.checked
                        label: qsTr("Public-key pin (sha256//…)")
                        text: Preferences.tlsPin
                    }
                    FiTextField {
                        id: username
                        objectName: "username"
                        Layout.fillWidth: true
                        label: qsTr("User name")
                        inputMethodHints: Qt.ImhNoAutoUppercase | Qt.ImhNoPredictiveText
                    }
                    FiTextField {
                        id: password
                        objectName: "password"
                        Layout.fillWidth: true
                        label: qsTr("Password")
                        echoMode: TextInput.Password
                        onAccepted: signInButton.clicked()
                    }
                    FiButton {
                        id: signInButton
                        objectName: "signInButton"
                        Layout.fillWidth: true
                        tone: "primary"
                        text: qsTr("Sign in")
                        enabled: !Session.busy
                        onClicked: {
                            Preferences.serverUrl = serverUrl.text;
                            Preferences.caFile = caFile.text;
                            Preferences.tlsPin = tlsPin.text;
                            Session.signInFirstRun(username.text, password.text);
                        }
                    }
                }
            }

            FiCard {
                Layout.fillWidth: true
                visible: Session.pinPending

                ColumnLayout {
                    anchors.fill: parent
                    spacing: Theme.spacingLarge

                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Signed in as %1 (%2).").arg(Session.userName).arg(Session.unit)
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.fontLarge
                    }
                    Label {
                        objectName: "passphraseNotice"
                        Layout.fillWidth: true
                        visible: Session.needsPassphrase
                        text: qsTr("This tablet has no security chip the app can use, so your records are protected by a passphrase alone. Choose one of at least 12 characters mixing three kinds (lower-case letters, capitals, digits, other signs), or of at least 20 characters mixing two.")
                        wrapMode: Text.Wrap
                        color: Theme.warning
                    }
                    FiTextField {
                        id: pin
                        objectName: "newPin"
                        Layout.fillWidth: true
                        label: Session.needsPassphrase ? qsTr("New passphrase (at least 12 characters)") : qsTr("New PIN (at least 6 characters)")
                        echoMode: TextInput.Password
                        inputMethodHints: Session.needsPassphrase ? Qt.ImhSensitiveData | Qt.ImhNoPredictiveText : Qt.ImhDigitsOnly
                    }
                    FiTextField {
                        id: pinRepeat
                        objectName: "newPinRepeat"
                        Layout.fillWidth: true
                        label: Session.needsPassphrase ? qsTr("The same passphrase again") : qsTr("The same PIN again")
                        echoMode: TextInput.Password
                        inputMethodHints: pin.inputMethodHints
                        onAccepted: pinButton.clicked()
                    }
                    FiButton {
                        id: pinButton
                        objectName: "choosePinButton"
                        Layout.fillWidth: true
                        tone: "primary"
                        text: Session.needsPassphrase ? qsTr("Set the passphrase and open") : qsTr("Set the PIN and open")
                        enabled: !Session.busy
                        onClicked: {
                            Session.choosePin(pin.text, pinRepeat.text);
                            pin.text = "";
                            pinRepeat.text = "";
                        }
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
