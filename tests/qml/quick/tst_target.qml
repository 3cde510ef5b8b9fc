import QtQuick
import QtQuick.Controls
import QtTest
import FieldInspect
import FieldInspectTest

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
        // The draw card says who held part of the seed, what this tablet checked, and every
        // re-draw of the target in the plan's public log (the seeded tablet holds one, of
        // the first drawn assignment's target).
        function test_draw_card_shows_parties_checks_and_redraws() {
            const page = createTemporaryObject(targetPage, root, {
                    "assignmentId": "A-2026Q4-0001"
                });
            tryVerify(() => page.ready, 5000);
            const detail = findChild(page, "assignmentDetail");
            compare(detail.drawAlgorithm, "sha256-ctr-fy-v2");
            const parties = findChild(page, "drawParties");
            compare(parties.count, 2, "the two parties of assets/demo/party-seeds.json");
            verify(parties.itemAt(0).value.indexOf(detail.drawParties[0].name) === 0);
            const checks = findChild(page, "drawChecks");
            verify(checks.count >= 3, "a sentence per check of a v2 draw");
            compare(checks.count, detail.drawChecks.length);
            verify(checks.itemAt(0).text.indexOf("✓ ") === 0);
            const history = findChild(page, "redrawHistory");
            compare(history.count, 1);
            const line = history.itemAt(0).text;
            verify(line.indexOf("No. 1") === 0, line);
            verify(line.indexOf("A-2026Q4-R001") > 0, line);
            verify(line.indexOf("officer on sick leave") > 0, "the leader's note is public: " + line);
            verify(line.indexOf(detail.redrawHistory[0].excluded[0]) > 0, line);
        }

        // A team that is not the draw's (A-2026Q4-9901, seeded so): the draw card says so and
        // offers a sync, and the start dialog waits for the inspector to acknowledge it even
        // with two certified officers present.
        function test_an_unverified_draw_is_acknowledged_before_starting() {
            const page = createTemporaryObject(targetPage, root, {
                    "assignmentId": "A-2026Q4-9901"
                });
            tryVerify(() => page.ready, 5000);
            waitForRendering(page);
            const detail = findChild(page, "assignmentDetail");
            verify(!detail.drawVerified);
            compare(findChild(page, "drawBadge").text, "Not verified");
            verify(findChild(page, "drawWarning").text.length > 0);
            const sync = findChild(page, "drawSyncButton");
            verify(sync.visible);
            compare(sync.text, "Sync and check again");
            const start = findChild(page, "startButton");
            tryVerify(() => start.visible && start.enabled);
            waitForRendering(page);
            mouseClick(start);
            const dialog = findChild(page, "startDialog");
            tryVerify(() => dialog.opened);
            const line = findChild(dialog.contentItem, "unverifiedDraw");
            verify(line.visible);
            const confirm = findChild(dialog.contentItem, "confirmStart");
            const other = detail.team.find(m => m.certified && !m.isSelf);
            const presentBox = findChild(dialog.contentItem, "present_" + other.inspectorId);
            verify(presentBox, "present_" + other.inspectorId);
            mouseClick(presentBox);
            compare(dialog.certified, 2);
            verify(!confirm.enabled, "two officers present, the draw not acknowledged");
            const box = findChild(dialog.contentItem, "acknowledgeDraw");
            mouseClick(box);
            verify(dialog.drawAcknowledged);
            verify(confirm.enabled);
            mouseClick(box);
            verify(!confirm.enabled, "unticked again");
            dialog.close();
            tryVerify(() => !dialog.visible);
            // Opened again, the acknowledgement is asked again.
            mouseClick(findChild(page, "startButton"));
            tryVerify(() => dialog.opened);
            verify(!dialog.drawAcknowledged);
            dialog.close();
        }

        // A verified draw asks nothing more and offers no sync on its card.
        function test_a_verified_draw_asks_no_acknowledgement() {
            const page = createTemporaryObject(targetPage, root, {
                    "assignmentId": onsiteAssignment()
                });
            tryVerify(() => page.ready, 5000);
            verify(!findChild(page, "drawSyncButton").visible);
            mouseClick(findChild(page, "startButton"));
            const dialog = findChild(page, "startDialog");
            tryVerify(() => dialog.opened);
            verify(!findChild(dialog.contentItem, "unverifiedDraw").visible);
            dialog.close();
        }

        // Upright, what to do and the draw come before the target's details; side by side in
        // landscape.
        function test_action_and_draw_cards_first_in_portrait() {
            const page = createTemporaryObject(targetPage, root, {
                    "assignmentId": "A-2026Q4-9901"
                });
            tryVerify(() => page.ready, 5000);
            const actions = findChild(page, "actionColumn");
            const target = findChild(page, "targetColumn");
            waitForRendering(page);
            verify(actions.x > target.x, "landscape: actions on the right");
            compare(actions.y, target.y);
            root.width = 800;
            root.height = 1280;
            try {
                waitForRendering(page);
                tryVerify(() => actions.y + actions.height <= target.y);
                compare(actions.x, target.x);
                const card = findChild(page, "drawCard");
                const y = card.mapToItem(page, 0, 0).y;
                verify(y + card.height < page.height, "the draw card is on the first screen: " + y);
                const shot = grabImage(root);
                shot.save(TestFiles.screenshotPath("target-unverified-portrait"));
            } finally {
                root.width = 1280;
                root.height = 800;
            }
        }

        function test_no_redraw_history_for_other_targets() {
            const first = createTemporaryObject(targetPage, root, {
                    "assignmentId": "A-2026Q4-0001"
                });
            tryVerify(() => first.ready, 5000);
            const target = findChild(first, "assignmentDetail").targetId;
            for (let i = 0; i < assignments.count; ++i) {
                const idx = assignments.index(i, 0);
                const id = assignments.data(idx, AssignmentListModel.AssignmentIdRole);
                const page = createTemporaryObject(targetPage, root, {
                        "assignmentId": id
                    });
                tryVerify(() => page.ready, 5000);
                const other = findChild(page, "assignmentDetail").targetId !== target;
                compare(findChild(page, "redrawHistory").count, other ? 0 : 1, id);
                page.destroy();
            }
        }
    }
}
