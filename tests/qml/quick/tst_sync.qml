import QtQuick
import QtQuick.Controls
import QtTest
import FieldInspect

// The Sync page offline: what waits, the central system unreachable said in words with what
// to do, nothing lost.
Item {
    id: root
    width: 1280
    height: 800

    Component {
        id: syncPage
        SyncPage {
            anchors.fill: parent
        }
    }
    SignalSpy {
        id: finishedSpy
        target: Sync
        signalName: "finished"
    }

    TestCase {
        name: "Sync"
        when: windowShown

        function init() {
            Preferences.language = "en";
        }

        function test_sync_offline_says_so() {
            const page = createTemporaryObject(syncPage, root);
            finishedSpy.clear();
            tryVerify(() => !Sync.syncing, 20000);
            mouseClick(findChild(page, "syncNow"));
            finishedSpy.wait(20000);
            verify(Sync.messageIsError);
            verify(Sync.message.indexOf("cannot be reached") >= 0, Sync.message);
            verify(findChild(page, "syncMessage").visible);
            compare(findChild(page, "outboxList").count, Sync.records.count);
        }
    }
}
