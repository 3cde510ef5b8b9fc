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
            Preferences.outdoorTheme = false;
            Preferences.textScalePercent = 100;
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

        // Scroll the page until `item` is on screen (the page is longer than the window, the
        // more so at 150 %), then tap it.
        function tap(item) {
            let flick = item.parent;
            while (flick && !(flick instanceof Flickable))
                flick = flick.parent;
            const y = item.mapToItem(flick.contentItem, 0, 0).y;
            flick.contentY = Math.max(0, Math.min(y - flick.height / 2, flick.contentHeight - flick.height));
            waitForRendering(item);
            mouseClick(item);
        }

        // The display settings reach every page at once through the Theme.
        function test_outdoor_theme_and_text_size() {
            const page = createTemporaryObject(settingsPage, root);
            const lock = findChild(page, "lockNow");
            const normal = lock.height;
            tap(findChild(page, "outdoorTheme"));
            verify(Preferences.outdoorTheme);
            verify(Theme.outdoor);
            compare(Theme.borderWidth, 2);
            compare(String(Theme.text), "#000000");
            tap(findChild(page, "textScale_150"));
            compare(Preferences.textScalePercent, 150);
            compare(Theme.fontBody, 24);
            tryVerify(() => lock.height >= normal * 1.4, 2000, "the big button grew with the text");
            tap(findChild(page, "textScale_100"));
            compare(Theme.fontBody, 16);
            tap(findChild(page, "outdoorTheme"));
            verify(!Theme.outdoor);
        }

        function test_about() {
            verify(Preferences.version.length > 0);
            verify(Preferences.dataLocation.length > 0);
            const page = createTemporaryObject(settingsPage, root);
            verify(findChild(page, "lockNow").height >= Theme.touchTarget);
        }
    }
}
