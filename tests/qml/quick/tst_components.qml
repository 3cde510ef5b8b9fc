import QtQuick
import QtQuick.Controls
import QtTest
import FieldInspect

// The Fi* components: what they show, what they send, and that everything tappable is at
// least one touch target (48) high.
Item {
    id: root
    width: 1280
    height: 800

    Component {
        id: passFail
        FiPassFailButtons {
            width: 600
            subject: "排口标识"
        }
    }
    Component {
        id: appBar
        FiAppBar {
            width: 1280
            title: "今日"
        }
    }
    Component {
        id: photoCell
        PhotoDelegate {
            photoId: "p1"
            thumbnail: ""
            source: ""
            findingLabel: "排口无标识"
            importDay: "same_day"
            readOnly: false
        }
    }
    Component {
        id: filterBar
        FiFilterBar {
            options: [{
                    "value": "",
                    "text": "All"
                }, {
                    "value": "key",
                    "text": "Key"
                }]
        }
    }
    Component {
        id: banner
        FiBanner {
            width: 600
        }
    }
    Component {
        id: button
        FiButton {
            text: "OK"
        }
    }
    Component {
        id: stateBadge
        FiStateBadge {
        }
    }
    Component {
        id: textField
        FiTextField {
            width: 400
            label: "User name"
        }
    }

    SignalSpy {
        id: spy
    }

    TestCase {
        name: "Components"
        when: windowShown

        function init() {
            Preferences.language = "en";
        }

        function test_passFail_sends_the_choice() {
            const buttons = createTemporaryObject(passFail, root);
            spy.target = buttons;
            spy.signalName = "chosen";
            spy.clear();
            const fail = findChild(buttons, "answer_fail");
            verify(fail);
            verify(fail.height >= Theme.touchTarget, "big enough to hit");
            mouseClick(fail);
            compare(spy.count, 1);
            compare(spy.signalArguments[0][0], "fail");
            // The value is the model's: a click does not hold it.
            verify(!fail.checked);
            buttons.value = "fail";
            verify(fail.checked);
            mouseClick(fail);
            compare(spy.count, 1, "choosing the chosen value again sends nothing");
        }

        // Three equal targets 16 px apart, each drawn as large as it takes taps (no Material
        // insets), whatever the length of their words.
        function test_passFail_three_equal_buttons_16_px_apart() {
            const buttons = createTemporaryObject(passFail, root);
            const pass = findChild(buttons, "answer_pass");
            const fail = findChild(buttons, "answer_fail");
            const na = findChild(buttons, "answer_na");
            verify(pass.text.length !== na.text.length, "words of different lengths");
            fuzzyCompare(pass.width, fail.width, 1);
            fuzzyCompare(fail.width, na.width, 1);
            compare(fail.x - (pass.x + pass.width), 16);
            compare(na.x - (fail.x + fail.width), 16);
            for (const b of [pass, fail, na]) {
                compare(b.background.width, b.width, b.objectName + " drawn without insets");
                compare(b.background.height, b.height, b.objectName + " drawn without insets");
            }
        }

        // The deadline in sight on every page: the app bar's chip turns amber, then red, and says
        // what is unsent and how long today has left (the hour itself is sync's deadline_alert,
        // tested at faked times in test_sameday.cpp).
        function test_appBar_chip_follows_the_deadline() {
            const bar = createTemporaryObject(appBar, root, {
                    "deadlineAlert": "quiet",
                    "unsent": 0,
                    "minutesLeft": 600,
                    "statusKnown": true
                });
            const chip = findChild(bar, "syncButton");
            const fill = findChild(bar, "syncChip");
            verify(!fill.visible);
            verify(chip.text.indexOf("left") < 0, chip.text);
            bar.unsent = 2;
            bar.minutesLeft = 175;
            bar.deadlineAlert = "soon";
            verify(fill.visible);
            compare(fill.color, Theme.warningSurface);
            verify(chip.text.indexOf("2 unsent · 2:55 left") >= 0, chip.text);
            bar.minutesLeft = 46;
            bar.deadlineAlert = "now";
            compare(fill.color, Theme.dangerSurface);
            compare(fill.border.color, Theme.danger);
            verify(chip.text.indexOf("2 unsent · 0:46 left") >= 0, chip.text);
            verify(chip.height >= Theme.touchTarget);
        }

        // Before the first same-day picture is read, the bar says it is checking: nothing
        // unsent is not the same as nothing known.
        function test_appBar_claims_nothing_before_the_status_is_read() {
            const bar = createTemporaryObject(appBar, root, {
                    "deadlineAlert": "quiet",
                    "unsent": 0,
                    "minutesLeft": 600,
                    "statusKnown": false
                });
            const chip = findChild(bar, "syncButton");
            verify(!Sync.syncing);
            verify(chip.text.indexOf("All uploaded") < 0, chip.text);
            verify(chip.text.indexOf("Checking…") >= 0, chip.text);
            verify(chip.Accessible.name.indexOf("Checking…") >= 0, chip.Accessible.name);
            bar.statusKnown = true;
            verify(chip.text.indexOf("All uploaded") >= 0, chip.text);
            bar.unsent = 3;
            verify(chip.text.indexOf("3 to upload") >= 0, chip.text);
        }

        // A photo's delete button is a whole touch target, drawn as such, and says which photo.
        function test_photo_delete_is_a_48_px_target() {
            const cell = createTemporaryObject(photoCell, root);
            const del = findChild(cell, "deletePhoto_p1");
            verify(del && del.visible);
            verify(del.width >= 48 && del.height >= 48, del.width + "x" + del.height);
            compare(del.background.width, del.width);
            compare(del.background.height, del.height);
            verify(del.Accessible.name.indexOf("排口无标识") >= 0, del.Accessible.name);
            spy.signalName = "";
            spy.target = cell;
            spy.signalName = "remove";
            spy.clear();
            mouseClick(del);
            compare(spy.count, 1);
            compare(spy.signalArguments[0][0], "p1");
        }

        function test_passFail_read_only_sends_nothing() {
            const buttons = createTemporaryObject(passFail, root, {
                    "readOnly": true,
                    "value": "pass"
                });
            spy.target = buttons;
            spy.signalName = "chosen";
            spy.clear();
            const na = findChild(buttons, "answer_na");
            verify(!na.enabled);
            mouseClick(findChild(buttons, "answer_pass"));
            compare(spy.count, 0);
        }

        function test_filterBar_chooses_one() {
            const bar = createTemporaryObject(filterBar, root);
            spy.target = bar;
            spy.signalName = "chosen";
            spy.clear();
            const key = findChild(bar, "filter_key");
            verify(key.height >= Theme.touchTarget);
            mouseClick(key);
            compare(spy.count, 1);
            compare(spy.signalArguments[0][0], "key");
            verify(!key.checked, "the bar shows the model's value, not the click");
            bar.value = "key";
            verify(key.checked);
            verify(!findChild(bar, "filter_all").checked);
        }

        function test_banner_hides_without_text_and_offers_its_action() {
            const b = createTemporaryObject(banner, root, {
                    "tone": "danger"
                });
            verify(!b.visible);
            b.text = "The central system cannot be reached.";
            b.actionText = "Retry";
            verify(b.visible);
            compare(b.Accessible.name, "The central system cannot be reached.");
            spy.target = b;
            spy.signalName = "actionClicked";
            spy.clear();
            const action = findChild(b, "bannerAction");
            tryVerify(() => action.width > 0);
            mouseClick(action);
            compare(spy.count, 1);
        }

        function test_button_is_a_touch_target_named_by_its_text() {
            const b = createTemporaryObject(button, root);
            verify(b.height >= Theme.touchTarget);
            verify(b.width >= Theme.touchTarget);
            compare(b.Accessible.name, "OK");
        }

        function test_state_badge_words() {
            const b = createTemporaryObject(stateBadge, root, {
                    "state": "late"
                });
            compare(b.text, "Uploaded late");
            b.state = "attention";
            compare(b.text, "Needs attention");
            b.state = "not_started";
            compare(b.text, "Not started");
            Preferences.language = "zh_CN";
            compare(b.text, "未开始");
        }

        function test_text_field_is_named_by_its_label() {
            const f = createTemporaryObject(textField, root);
            compare(f.input.Accessible.name, "User name");
            verify(f.input.height >= Theme.touchTarget);
        }
    }
}
