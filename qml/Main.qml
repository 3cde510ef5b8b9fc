import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import FieldInspect

// The window: the app bar, and one stack of pages. Who sees what follows the Session: first
// run → sign-in and PIN; locked → unlock; unlocked → Today and what is opened from it.
ApplicationWindow {
    id: root

    // Page shown after unlocking (startup option --page): today, sync, settings or statistics.
    property string startPage: "today"
    // Set as the stack changes, not bound: Qt 6.4's AOT compiler (Release builds) writes C++
    // that does not compile for a binding that returns `… as FiPage`; a handler is fine.
    property FiPage currentPage: null
    // The checklist a Complete page returns to with a problem to show.
    property Item activeChecklist: null
    readonly property bool landscape: width >= height
    // What was open when the tablet locked, put back after unlocking: the checklist of the
    // record being filled in and the row it was at (its id and a number; nothing of the record
    // itself is kept while locked).
    property string resumeRecordId: ""
    property int resumeRow: -1
    // …and the pages that were over that checklist (Photos, Camera, Complete), bottom first,
    // each as {page, findingId, scrollY}: names and numbers, nothing of the record.
    property var resumePages: []

    // A page finished loading what it shows (screenshots, the benchmark, the e2e test).
    signal pageReady(string page)

    // Pages load when first opened (by file, not as components declared here): a cold start
    // compiles only the window and the page it shows.
    function push(file: string, properties: var): Item {
        return stack.push(Qt.resolvedUrl(file), properties);
    }
    function openTarget(assignmentId: string) {
        const page = root.push("target/TargetPage.qml", {
                "assignmentId": assignmentId
            }) as TargetPage;
        page.openRecord.connect(root.openChecklist);
        page.openRedraw.connect(root.openRedraw);
    }
    function openChecklist(recordId: string) {
        root.openChecklistAt(recordId, -1);
    }
    // The checklist at `row` (-1: at its first unanswered checkpoint).
    function openChecklistAt(recordId: string, row: int) {
        const page = root.push("checklist/ChecklistPage.qml", {
                "recordId": recordId,
                "startRow": row
            }) as ChecklistPage;
        root.activeChecklist = page;
        page.openPhotos.connect(root.openPhotos);
        page.openCamera.connect(root.openCamera);
        page.openComplete.connect(root.openComplete);
        page.leaving.connect(root.leftChecklist);
    }
    // Today's "continue" line: the checklist last left, at its row (kept while the app runs).
    function leftChecklist(recordId: string, row: int) {
        const today = stack.get(0, StackView.DontLoad) as TodayPage;
        if (today) {
            today.lastRecordId = recordId;
            today.lastRow = row;
        }
    }
    function openPhotos(record: OpenRecord, findingId: string) {
        root.openPhotosAt(record, findingId, 0);
    }
    function openPhotosAt(record: OpenRecord, findingId: string, scrollY: real) {
        const page = root.push("photos/PhotosPage.qml", {
                "record": record,
                "findingId": findingId,
                "startY": scrollY
            }) as PhotosPage;
        page.openCamera.connect(root.openCamera);
    }
    // The camera, straight from a checkpoint or finding (or the Photos page); back when done.
    function openCamera(record: OpenRecord, findingId: string) {
        const page = root.push("photos/CameraPage.qml", {
                "record": record,
                "findingId": findingId
            }) as CameraPage;
        page.done.connect(() => stack.pop());
    }
    function openComplete(record: OpenRecord) {
        root.openCompleteAt(record, 0);
    }
    function openCompleteAt(record: OpenRecord, scrollY: real) {
        const page = root.push("complete/CompletePage.qml", {
                "record": record,
                "startY": scrollY
            }) as CompletePage;
        page.showProblem.connect(root.showProblem);
        page.done.connect(() => stack.pop());
        page.openRecord.connect(root.openChecklist);
    }
    // What to put back after unlocking: the pages over the active checklist, bottom first.
    function pagesOverChecklist(): var {
        const pages = [];
        let above = false;
        for (let i = 0; i < stack.depth; ++i) {
            const item = stack.get(i, StackView.DontLoad);
            if (item === root.activeChecklist) {
                above = true;
                continue;
            }
            if (!above)
                continue;
            const photos = item as PhotosPage;
            const camera = item as CameraPage;
            const complete = item as CompletePage;
            if (photos)
                pages.push({
                        "page": "photos",
                        "findingId": photos.findingId,
                        "scrollY": photos.scrollY
                    });
            else if (camera)
                pages.push({
                        "page": "camera",
                        "findingId": camera.findingId,
                        "scrollY": 0
                    });
            else if (complete)
                pages.push({
                        "page": "complete",
                        "findingId": "",
                        "scrollY": complete.scrollY
                    });
            else
                break; // a page not put back (a photo full screen): stop below it
        }
        return pages;
    }
    function reopenPages(pages: var) {
        const checklist = root.activeChecklist as ChecklistPage;
        if (!checklist)
            return;
        for (const p of pages) {
            if (p.page === "photos")
                root.openPhotosAt(checklist.record, p.findingId, p.scrollY);
            else if (p.page === "camera")
                root.openCamera(checklist.record, p.findingId);
            else if (p.page === "complete")
                root.openCompleteAt(checklist.record, p.scrollY);
        }
    }
    function showProblem(itemId: string, checkpointId: string) {
        stack.pop();
        const checklist = root.activeChecklist as ChecklistPage;
        if (checklist)
            checklist.showCheckpoint(itemId, checkpointId);
    }
    function openSync() {
        if (root.currentPage && root.currentPage.pageName === "sync")
            return;
        const page = root.push("sync/SyncPage.qml", {}) as SyncPage;
        page.openRecord.connect(root.openChecklist);
    }
    function openSettings() {
        if (root.currentPage && root.currentPage.pageName === "settings")
            return;
        root.push("settings/SettingsPage.qml", {});
    }
    function openStatistics() {
        if (root.currentPage && root.currentPage.pageName === "statistics")
            return;
        root.push("statistics/StatisticsPage.qml", {});
    }
    function openRedraw(assignmentId: string) {
        root.push("redraw/RedrawPage.qml", {
                "assignmentId": assignmentId
            });
    }
    function showToday() {
        const page = stack.replace(null, Qt.resolvedUrl("today/TodayPage.qml"), {}) as TodayPage;
        page.openAssignment.connect(root.openTarget);
        page.openSync.connect(root.openSync);
        page.openRecordAt.connect(root.openChecklistAt);
    }
    function showSessionPage() {
        if (Sync.wiped)
            return; // nothing is left to unlock: the page says so
        const showing = root.currentPage ? root.currentPage.pageName : "";
        switch (Session.state) {
        case Session.NeedsSetup:
            if (showing !== "signin")
                stack.replace(null, Qt.resolvedUrl("account/SignInPage.qml"), {});
            break;
        case Session.Locked:
            if (showing !== "unlock")
                stack.replace(null, Qt.resolvedUrl("account/UnlockPage.qml"), {});
            break;
        case Session.Unlocked:
            root.showToday();
            if (root.resumeRecordId.length > 0) {
                root.openChecklistAt(root.resumeRecordId, root.resumeRow);
                root.reopenPages(root.resumePages);
                root.resumeRecordId = "";
                root.resumeRow = -1;
                root.resumePages = [];
            } else if (root.startPage === "sync")
                root.openSync();
            else if (root.startPage === "settings")
                root.openSettings();
            else if (root.startPage === "statistics")
                root.openStatistics();
            break;
        default:
            if (showing !== "starting")
                stack.replace(null, startingPage);
        }
    }

    width: 1280
    height: 800
    visible: true
    title: qsTr("Field inspection")
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody
    color: Theme.background
    Material.theme: Material.Light
    Material.primary: Theme.primary
    Material.accent: Theme.primary
    Material.background: Theme.background
    Material.foreground: Theme.text

    header: FiAppBar {
        visible: Session.state === Session.Unlocked && !Sync.wiped
        title: root.currentPage ? root.currentPage.title : ""
        subtitle: root.currentPage ? root.currentPage.subtitle : ""
        canGoBack: stack.depth > 1
        onBackClicked: stack.pop()
        onSyncClicked: root.openSync()
        onSettingsClicked: root.openSettings()
        onStatisticsClicked: root.openStatistics()
        onLockClicked: Session.lockNow()
    }

    StackView {
        id: stack
        objectName: "stack"
        anchors.fill: parent
        initialItem: startingPage
        onCurrentItemChanged: root.currentPage = stack.currentItem as FiPage
    }

    Connections {
        target: Session
        function onAboutToLock() {
            const checklist = root.activeChecklist as ChecklistPage;
            root.resumeRecordId = checklist ? checklist.recordId : "";
            root.resumeRow = checklist ? checklist.currentRow : -1;
            root.resumePages = checklist ? root.pagesOverChecklist() : [];
        }
        function onStateChanged() {
            root.showSessionPage();
        }
    }
    // The central system's wipe order: asked when records would be lost, then the erased page.
    // The dialog is made when the order asks (not at every start) and goes once answered.
    Loader {
        active: Sync.wipeAsked
        sourceComponent: WipeDialog {
        }
    }
    Connections {
        target: Sync
        function onWipeChanged() {
            if (Sync.wiped && (!root.currentPage || root.currentPage.pageName !== "wiped"))
                stack.replace(null, Qt.resolvedUrl("sync/WipedPage.qml"), {});
        }
    }
    Connections {
        target: root.currentPage
        ignoreUnknownSignals: true
        function onReadyChanged() {
            if (root.currentPage && root.currentPage.ready)
                root.pageReady(root.currentPage.pageName);
        }
    }
    onCurrentPageChanged: {
        if (root.currentPage && root.currentPage.ready)
            root.pageReady(root.currentPage.pageName);
    }
    Component.onCompleted: showSessionPage()

    Component {
        id: startingPage
        FiPage {
            pageName: "starting"
            BusyIndicator {
                anchors.centerIn: parent
                running: true
            }
        }
    }
}
