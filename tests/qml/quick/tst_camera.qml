import QtQuick
import QtQuick.Controls
import QtTest
import FieldInspect
import FieldInspectTest

// The camera page (issue 22): opened straight from a failed checkpoint's finding, a live
// viewfinder fed by the test camera back end (tests/qml/testcamera.cpp, linked into this test
// binary only), each shot reviewed — retaken or kept — several in a row, and back at the
// checklist with the photos on that finding. The pages sit in a StackView wired as the
// window wires them (Main.qml: openCamera, done → pop).
Item {
    id: root
    width: 1280
    height: 800

    AssignmentListModel {
        id: assignments
        session: Session
    }
    AssignmentDetail {
        id: detail
        session: Session
        location: Location
    }
    SignalSpy {
        id: startedSpy
        target: detail
        signalName: "started"
    }
    StackView {
        id: stack
        anchors.fill: parent
    }
    Component {
        id: checklistPage
        ChecklistPage {
        }
    }
    Component {
        id: cameraPage
        CameraPage {
        }
    }

    TestCase {
        name: "Camera"
        when: windowShown

        property string recordId: ""

        function openCamera(record, findingId) {
            const page = stack.push(cameraPage, {
                    "record": record,
                    "findingId": findingId
                });
            page.done.connect(() => stack.pop());
        }

        // The last on-site assignment not started whose draw verifies, started as the Target page
        // does (the other page tests take the first ones; tst_target wants the unverified one).
        function initTestCase() {
            Preferences.language = "en";
            tryVerify(() => assignments.loaded, 5000);
            let id = "";
            for (let i = 0; i < assignments.count; ++i) {
                const idx = assignments.index(i, 0);
                if (assignments.data(idx, AssignmentListModel.ModeRole) === "onsite" && assignments.data(idx, AssignmentListModel.StateRole) === "not_started" && assignments.data(idx, AssignmentListModel.DrawVerifiedRole))
                    id = assignments.data(idx, AssignmentListModel.AssignmentIdRole);
            }
            verify(id.length > 0);
            detail.assignmentId = id;
            tryVerify(() => detail.loaded, 5000);
            detail.startInspection(detail.team.filter(m => m.certified).map(m => m.inspectorId), "");
            startedSpy.wait(5000);
            recordId = startedSpy.signalArguments[0][0];
        }

        // Keep what the window shows now, landscape and portrait, in the build directory.
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

        function shoot(page) {
            const shutter = findChild(page, "shutter");
            tryVerify(() => shutter.visible && shutter.enabled, 5000);
            mouseClick(shutter);
            tryVerify(() => page.reviewing, 10000, "the shot is shown for review");
            const review = findChild(page, "reviewPhoto");
            tryCompare(review, "status", Image.Ready, 5000);
            verify(!findChild(page, "viewfinder").visible, "the review, not the viewfinder");
            verify(!shutter.visible);
            return review;
        }

        function test_two_photos_with_review_from_a_checkpoint() {
            const checklist = stack.push(checklistPage, {
                    "recordId": recordId
                });
            checklist.openCamera.connect(openCamera);
            tryVerify(() => checklist.ready, 5000);
            const model = checklist.controller.checklist;
            let i = -1;
            for (let k = 0; k < model.count && i < 0; ++k) {
                const idx = model.index(k, 0);
                if (model.data(idx, ChecklistModel.PhotoOnFailRole) && model.data(idx, ChecklistModel.KindRole) === "pass_fail")
                    i = k;
            }
            verify(i >= 0);
            checklist.showRow(i);
            wait(50);
            let row = findChild(checklist, "checklist").itemAtIndex(i);
            mouseClick(findChild(row, "answer_fail"));
            const dialog = findChild(checklist, "findingDialog");
            tryVerify(() => dialog.opened, 2000);
            findChild(dialog.contentItem, "findingText").text = "no sign board at the outfall";
            // "Add photo" in the finding: the camera, straight away.
            mouseClick(findChild(dialog.contentItem, "findingAddPhoto"));
            tryVerify(() => stack.currentItem.pageName === "camera" && !stack.busy, 5000);
            const page = stack.currentItem;
            tryVerify(() => page.ready, 5000);
            verify(page.findingId.length > 0, "the photos are the finding's");
            compare(page.subtitle, "Finding: " + row.checkpointText);
            // The viewfinder is live: the back end's frames reach the VideoOutput.
            const viewfinder = findChild(page, "viewfinder");
            verify(viewfinder.visible);
            tryVerify(() => viewfinder.sourceRect.width === 640, 5000, "frames in the viewfinder");
            compare(viewfinder.sourceRect.height, 480);
            const shutter = findChild(page, "shutter");
            const controls = findChild(page, "cameraControls");
            fuzzyCompare(shutter.mapToItem(page, shutter.width / 2, 0).x, page.width / 2, 1, "the shutter at the bottom centre");
            verify(shutter.mapToItem(page, 0, 0).y > page.height * 0.75);
            verify(shutter.width >= 48 && shutter.height >= 48);
            screenshots("camera-viewfinder");

            // A shot, reviewed, retaken: it leaves the store again.
            shoot(page);
            tryCompare(page.controller, "photoCount", 1, 5000);
            screenshots("camera-review");
            mouseClick(findChild(page, "retake"));
            tryCompare(page.controller, "photoCount", 0, 5000);
            verify(!page.reviewing);
            verify(viewfinder.visible, "back to the viewfinder");

            // Two shots in a row, each kept.
            shoot(page);
            mouseClick(findChild(page, "keep"));
            verify(!page.reviewing);
            shoot(page);
            mouseClick(findChild(page, "keep"));
            tryCompare(page.controller, "photoCount", 2, 5000);
            compare(page.kept, 2);
            compare(findChild(page, "cameraDone").text, "Done (2 kept)");
            const last = findChild(page, "lastKept");
            verify(last.visible, "the last kept photo by the shutter");
            tryCompare(last, "status", Image.Ready, 5000);
            screenshots("camera-kept");

            // Done: back at the checklist, both photos on the finding of that checkpoint.
            mouseClick(findChild(page, "cameraDone"));
            tryVerify(() => stack.currentItem === checklist && !stack.busy, 5000);
            tryCompare(checklist.controller, "photoCount", 2, 5000);
            checklist.showRow(i);
            wait(50);
            row = findChild(checklist, "checklist").itemAtIndex(i);
            tryCompare(row, "findingPhotoCount", 2, 5000);
            verify(!row.needsPhoto);

            // A checkpoint's own "Add photo" opens the camera too.
            mouseClick(findChild(row, "addPhoto_" + row.checkpointId));
            tryVerify(() => stack.currentItem.pageName === "camera" && !stack.busy, 5000);
            compare(stack.currentItem.findingId, row.findingId);
            mouseClick(findChild(stack.currentItem, "cameraDone"));
            tryVerify(() => stack.currentItem === checklist && !stack.busy, 5000);
            stack.clear();
        }
    }
}
