import QtQuick
import QtQuick.Controls
import QtTest
import FieldInspect
import FieldInspectTest

// The central system's wipe order in the app (runs last: it erases the shared seeded tablet).
// With records not on the central system the dialog lists each and asks; keeping them erases
// nothing; erasing anyway removes the data folder's store and keys, and the app says so.
Item {
    id: root
    width: 1280
    height: 800

    // As the window has it: made when the order asks, gone when answered.
    Loader {
        id: dialogLoader
        active: Sync.wipeAsked
        sourceComponent: WipeDialog {
        }
    }
    Component {
        id: wipedPage
        WipedPage {
            anchors.fill: parent
        }
    }
    SignalSpy {
        id: orderedSpy
        target: TestFiles
        signalName: "wipeOrdered"
    }

    TestCase {
        name: "Wipe"
        when: windowShown

        function initTestCase() {
            Preferences.language = "en";
        }

        function askedDialog() {
            verify(!dialogLoader.item, "no dialog before the order asks");
            orderedSpy.clear();
            TestFiles.orderWipe("设备遗失 (lost)");
            orderedSpy.wait(5000);
            Sync.syncNow();
            tryVerify(() => Sync.wipeAsked, 30000);
            tryVerify(() => dialogLoader.item && (dialogLoader.item as WipeDialog).opened, 5000);
            return dialogLoader.item as WipeDialog;
        }

        function test_1_unsent_records_are_listed_and_kept() {
            const dialog = askedDialog();
            verify(Sync.wipeUnsent.length > 0, "the seeded tablet holds drafts and records not uploaded");
            compare(Sync.wipeMessage, "设备遗失 (lost)");
            for (const row of Sync.wipeUnsent) {
                const line = findChild(dialog.contentItem, "wipeUnsent_" + row.recordId);
                verify(line, row.recordId);
                verify(line.text.indexOf(row.inspectionDay) >= 0, line.text);
            }
            verify(findChild(dialog.contentItem, "wipeUnsentCount").text.indexOf(String(Sync.wipeUnsent.length)) >= 0);
            verify(TestFiles.exists(TestFiles.dataDir + "/fieldinspect.db"));
            mouseClick(findChild(dialog.contentItem, "keepAndRetry"));
            tryVerify(() => !Sync.wipeAsked && !dialogLoader.item, 5000);
            verify(!Sync.wiped);
            verify(TestFiles.exists(TestFiles.dataDir + "/fieldinspect.db"), "kept: nothing erased");
            verify(TestFiles.exists(TestFiles.dataDir + "/fieldinspect.db.key"));
        }

        function test_2_erase_anyway_erases_and_the_app_says_so() {
            const dialog = askedDialog();
            mouseClick(findChild(dialog.contentItem, "eraseAnyway"));
            tryVerify(() => Sync.wiped, 30000);
            tryVerify(() => !dialogLoader.item, 5000);
            verify(!TestFiles.exists(TestFiles.dataDir + "/fieldinspect.db"));
            verify(!TestFiles.exists(TestFiles.dataDir + "/fieldinspect.db.key"));
            compare(TestFiles.filesBelow(TestFiles.dataDir).filter(f => f.startsWith("fieldinspect")), []);
            const page = createTemporaryObject(wipedPage, root);
            verify(findChild(page, "wipedTitle").visible);
            compare(findChild(page, "wipedTitle").text, "This tablet was erased");
            // Nothing runs against the erased tablet any more.
            Sync.syncNow();
            verify(!Sync.syncing);
        }
    }
}
