import QtQuick
import QtQuick.Controls
import QtTest
import FieldInspect

// The Target page: identity with the credit-code check, the draw verified on the tablet,
// the drawn team with certificates, and starting an inspection only with two certified
// officers present. Nothing on it changes the target or the team.
Item {
    id: root
    width: 1280
    height: 800

    AssignmentListModel {
        id: assignments
        session: Session
    }
    Component {
        id: targetPage
        TargetPage {
            anchors.fill: parent
        }
    }
    SignalSpy {
        id: startedSpy
        signalName: "openRecord"
    }

    TestCase {
        name: "Target"
        when: windowShown

        function init() {
            Preferences.language = "en";
            tryVerify(() => assignments.loaded, 5000);
        }

        // The first on-site assignment not yet started.
        function onsiteAssignment() {
            for (let i = 0; i < assignments.count; ++i) {
                const idx = assignments.index(i, 0);
                if (assignments.data(idx, AssignmentListModel.ModeRole) === "onsite" && assignments.data(idx, AssignmentListModel.StateRole) === "not_started")
                    return assignments.data(idx, AssignmentListModel.AssignmentIdRole);
            }
            return "";
        }

        function test_shows_identity_draw_and_team() {
            const id = onsiteAssignment();
            verify(id.length > 0);
            const page = createTemporaryObject(targetPage, root, {
                    "assignmentId": id
                });
            tryVerify(() => page.ready, 5000);
            const detail = findChild(page, "assignmentDetail");
            verify(detail.targetName.length > 0);
            verify(detail.creditCodeValid, "demo credit codes carry a right check character");
            compare(findChild(page, "creditCodeBadge").text, "Check digit OK");
            verify(detail.drawVerified, "the demo draw recomputes on the tablet");
            compare(findChild(page, "drawBadge").text, "Verified");
            compare(findChild(page, "drawWarning").text, "");
            verify(detail.team.length >= 2);
            verify(detail.team.some(m => m.certNo.length > 0));
            verify(detail.items.every(i => i.legalBasis.length > 0));
            verify(!findChild(page, "swapButton"), "no control swaps anything");
            verify(findChild(page, "startButton").visible);
        }

        function test_start_needs_two_certified_officers() {
            const id = onsiteAssignment();
            const page = createTemporaryObject(targetPage, root, {
                    "assignmentId": id
                });
            tryVerify(() => page.ready, 5000);
            const detail = findChild(page, "assignmentDetail");
            mouseClick(findChild(page, "startButton"));
            const dialog = findChild(page, "startDialog");
            tryVerify(() => dialog.opened);
            compare(dialog.certified, 1, "the user, present by default");
            const confirm = findChild(dialog.contentItem, "confirmStart");
            verify(!confirm.enabled);
            const other = detail.team.find(m => m.certified && !m.isSelf);
            const box = findChild(dialog.contentItem, "present_" + other.inspectorId);
            mouseClick(box);
            compare(dialog.certified, 2);
            verify(confirm.enabled);
            startedSpy.target = page;
            startedSpy.clear();
            mouseClick(confirm);
            startedSpy.wait(5000);
            const recordId = startedSpy.signalArguments[0][0];
            verify(recordId.length === 36, "a client-made UUID");
            tryCompare(detail, "state", "draft");
            verify(findChild(page, "continueButton").visible);
            verify(!findChild(page, "startButton").visible);
        }
    }
}
