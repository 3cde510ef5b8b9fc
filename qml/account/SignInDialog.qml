import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// The central system ended the session: sign in again with the password. Offline work went
// on meanwhile; what waits is uploaded right after.
FiDialog {
    id: dialog

    title: qsTr("Sign in again")
    width: Math.min(Theme.formMaxWidth, parent ? parent.width - 2 * Theme.pageMargin : Theme.formMaxWidth)
    standardButtons: Dialog.Cancel
    onOpened: password.text = ""

    Connections {
        target: Session
        function onNeedsSignInChanged() {
            if (!Session.needsSignIn)
                dialog.close();
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacingLarge

        Label {
            Layout.fillWidth: true
            text: qsTr("Your session with the central system has ended. Sign in as %1 to upload again; nothing on the tablet was lost.").arg(Session.userLogin)
            wrapMode: Text.Wrap
        }
        FiTextField {
            id: password
            Layout.fillWidth: true
            label: qsTr("Password")
            echoMode: TextInput.Password
            onAccepted: Session.signIn(password.text)
        }
        FiButton {
            Layout.fillWidth: true
            tone: "primary"
            text: qsTr("Sign in")
            enabled: !Session.busy
            onClicked: Session.signIn(password.text)
        }
        FiErrorText {
            Layout.fillWidth: true
            text: Session.error
        }
    }
}
