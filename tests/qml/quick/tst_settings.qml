import QtQuick
import QtQuick.Controls
import QtTest
import FieldInspect

// Settings: the language switches at once (中文 is the default), the photo size policy, the
// version and the data location.
Item {
    id: root
    width: 1280
    height: 800

    Component {
        id: settingsPage
        SettingsPage {
            anchors.fill: parent
        }
    }

    TestCase {
        name: "Settings"
        when: windowShown

        function cleanup() {
            Preferences.language = "en";
            Preferences.photoLongestSide = 2048;
        }

        function test_language_switches_at_once() {
            Preferences.language = "zh_CN";
            const page = createTemporaryObject(settingsPage, root);
            compare(page.title, "设置");
            mouseClick(findChild(findChild(page, "languageChooser"), "filter_en"));
            compare(Preferences.language, "en");
            compare(page.title, "Settings");
            mouseClick(findChild(findChild(page, "languageChooser"), "filter_zh_CN"));
            compare(page.title, "设置");
        }

        function test_photo_size_policy() {
            const page = createTemporaryObject(settingsPage, root);
            mouseClick(findChild(page, "photoDetail"));
            compare(Preferences.photoLongestSide, 3072);
            mouseClick(findChild(page, "photoStandard"));
            compare(Preferences.photoLongestSide, 2048);
        }

        function test_about() {
            verify(Preferences.version.length > 0);
            verify(Preferences.dataLocation.length > 0);
            const page = createTemporaryObject(settingsPage, root);
            verify(findChild(page, "lockNow").height >= Theme.touchTarget);
        }
    }
}
