import QtQuick
import QtQuick.Controls
import QtTest
import FieldInspect
import FieldInspectTest

// The deadline in sight on Today (issue 22): the large countdown while something of today is
// unsent or unfinished, the same-day reminder at a faked 23:00 (sync decides it is due; Today
// shows it as a banner), "Continue: ‹target› 9/13" for the draft left open, and the reminder
// times on the Settings page. Runs after tst_camera and tst_checklist, which leave drafts of
// today on the tablet.
Item {
    id: root
    width: 1280
    height: 800

    Component {
        id: todayPage
        TodayPage {
            anchors.fill: parent
        }
    }
    Component {
        id: settingsPage
        SettingsPage {
            anchors.fill: parent
        }
    }
    SignalSpy {
        id: continueSpy
        signalName: "openRecordAt"
    }

    TestCase {
        name: "Deadline"
        when: windowShown

        function init() {
            Preferences.language = "en";
        }
        function cleanup() {
            Preferences.setReminderTimes("");
            Sync.dismissReminder();
        }

        function open() {
            const page = createTemporaryObject(todayPage, root);
            tryVerify(() => page.ready, 5000, "the list loads");
            return page;
        }

        // A draft of today on the list: its record id.
        function aDraft(page) {
            const model = findChild(page, "assignments");
            for (let i = 0; i < model.count; ++i) {
                const idx = model.index(i, 0);
                if (model.data(idx, AssignmentListModel.StateRole) === "draft")
                    return model.data(idx, AssignmentListModel.RecordIdRole);
            }
            return "";
        }

        function screenshots(name) {
            for (const portrait of [false, true]) {
                root.width = portrait ? 800 : 1280;
                root.height = portrait ? 1280 : 800;
                wait(150);
                const path = TestFiles.screenshotPath(name + (portrait ? "-portrait" : "-landscape"));
                grabImage(root.Window.contentItem).save(path);
                verify(TestFiles.exists(path), path);
            }
            root.width = 1280;
            root.height = 800;
            wait(50);
        }

        function test_countdown_reminder_at_23_and_continue() {
            Sync.refresh();
            const page = open();
            tryVerify(() => Sync.draftsToday > 0, 5000, "the earlier page tests left drafts of today");
            // The large countdown: hours and minutes to 24:00 UTC+08:00.
            const countdown = findChild(page, "countdown");
            verify(countdown.visible);
            compare(countdown.text, Math.floor(Sync.minutesLeft / 60) + ":" + String(Sync.minutesLeft % 60).padStart(2, "0"));
            verify(countdown.font.pixelSize >= 2 * Theme.fontBody, "large, not body text");

            // Continue: the draft left open, at its row.
            const draft = aDraft(page);
            verify(draft.length > 0);
            const card = findChild(page, "continueCard");
            tryVerify(() => card.visible, 5000, "nothing left open yet: the first draft of the list is offered");
            compare(card.recordId, draft);
            page.lastRecordId = draft;
            page.lastRow = 3;
            tryVerify(() => card.visible, 5000);
            const text = findChild(card, "continueText").text;
            verify(/^Continue: .+ \d+\/\d+$/.test(text), text);
            continueSpy.target = page;
            continueSpy.clear();
            mouseClick(findChild(card, "continueButton"));
            compare(continueSpy.count, 1);
            compare(continueSpy.signalArguments[0][0], draft);
            compare(continueSpy.signalArguments[0][1], 3);

            // 22:59 nothing; 23:00 the reminder (with the times the Settings page keeps).
            Preferences.setReminderTimes("23:00");
            TestFiles.remindAt(22, 59);
            const banner = findChild(page, "reminderBanner");
            verify(!banner.visible);
            TestFiles.remindAt(23, 0);
            compare(Sync.reminder, "1 record of today not yet on the central system: 1 h 00 min left until 24:00. Complete them and sync.");
            verify(banner.visible);
            compare(banner.text, Sync.reminder);
            screenshots("today-deadline");
            // Dismissed; not given again for the same time.
            banner.actionClicked();
            verify(!banner.visible);
            TestFiles.remindAt(23, 5);
            verify(!banner.visible);
        }

        // A record that is not on the tablet (purged, erased): nothing offered.
        function test_continue_needs_a_draft() {
            const page = open();
            page.lastRecordId = "no-such-record";
            wait(300);
            verify(!findChild(page, "continueCard").visible);
        }

        function test_reminder_times_on_the_settings_page() {
            Preferences.setReminderTimes("21:00, 23:00");
            const page = createTemporaryObject(settingsPage, root);
            const field = findChild(page, "reminderTimes");
            verify(field);
            compare(field.text, "21:00, 23:00");
            const error = findChild(page, "reminderTimesError");
            verify(!error.visible);
            field.text = "25:00";
            field.apply();
            verify(error.visible, "a time that is none is refused");
            compare(Preferences.reminderTimes, "21:00, 23:00", "and changes nothing");
            field.text = "23:30 22:00";
            field.apply();
            verify(!error.visible);
            compare(Preferences.reminderTimes, "22:00, 23:30");
            compare(field.text, "22:00, 23:30");
        }
    }
}
