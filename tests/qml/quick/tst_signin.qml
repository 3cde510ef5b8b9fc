import QtQuick
import QtQuick.Controls
import QtTest
import FieldInspect

// The first-run and unlock screens say what is missing before anything is tried.
Item {
    id: root
    width: 1280
    height: 800

    Component {
        id: signInPage
        SignInPage {
            anchors.fill: parent
        }
    }
    Component {
        id: unlockPage
        UnlockPage {
            anchors.fill: parent
        }
    }

    TestCase {
        name: "SignIn"
        when: windowShown

        function init() {
            Preferences.language = "en";
            Session.clearError();
        }
        function cleanup() {
            Session.clearError();
        }

        function test_sign_in_needs_user_and_password() {
            const page = createTemporaryObject(signInPage, root);
            verify(findChild(page, "serverUrl").visible);
            compare(findChild(page, "serverUrl").text, Preferences.serverUrl);
            mouseClick(findChild(page, "signInButton"));
            compare(Session.error, "Enter your user name and password.");
            compare(findChild(page, "sessionError").text, Session.error);
        }

        function test_unlock_needs_a_pin() {
            const page = createTemporaryObject(unlockPage, root);
            const button = findChild(page, "unlockButton");
            verify(button.height >= Theme.touchTarget);
            mouseClick(button);
            compare(Session.error, "Enter your PIN.");
            Preferences.language = "zh_CN";
            Session.clearError();
            mouseClick(button);
            compare(Session.error, "请输入 PIN。");
        }
    }
}
