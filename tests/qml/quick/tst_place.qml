import QtQuick
import QtQuick.Controls
import QtTest
import FieldInspect
import FieldInspectTest

// The place of an on-site record on the Complete page (issue 18): the location taken when the
// inspection started, its distance to the target's known position with a warning past 500 m,
// and no way to refresh the start location.
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
    OpenRecord {
        id: shownRecord
        session: Session
        location: Location
    }
    CompletionController {
        id: inspection
        record: shownRecord
    }
    Component {
        id: completePage
        CompletePage {
            anchors.fill: parent
            record: shownRecord
        }
    }
    SignalSpy {
        id: startedSpy
        target: detail
        signalName: "started"
    }

    TestCase {
        name: "Place"
        when: windowShown

        function findByName(item, name) {
            if (item.objectName === name)
                return item;
            const kids = item.children;
            for (let i = 0; i < kids.length; ++i) {
                const found = findByName(kids[i], name);
                if (found)
                    return found;
            }
            return null;
        }

        function initTestCase() {
            Preferences.language = "en";
            tryVerify(() => assignments.loaded, 5000);
            let id = "";
            for (let i = assignments.count - 1; i >= 0 && id === ""; --i) {
                const idx = assignments.index(i, 0);
                // (not the seeded one whose draw does not verify: tst_target needs it not started)
                if (assignments.data(idx, AssignmentListModel.ModeRole) === "onsite" && assignments.data(idx, AssignmentListModel.StateRole) === "not_started" && assignments.data(idx, AssignmentListModel.DrawVerifiedRole))
                    id = assignments.data(idx, AssignmentListModel.AssignmentIdRole);
            }
            verify(id !== "", "an on-site assignment not started yet");
            detail.assignmentId = id;
            tryVerify(() => detail.loaded, 5000);
            detail.startInspection(detail.team.filter(m => m.certified).map(m => m.inspectorId), "");
            startedSpy.wait(5000);
            shownRecord.recordId = startedSpy.signalArguments[0][0];
            tryVerify(() => shownRecord.loaded, 5000);
            tryVerify(() => inspection.hasLocation, 5000, "the replayed position reaches the record");
        }

        function test_distance_to_the_target_is_shown_and_far_is_warned() {
            const page = createTemporaryObject(completePage, root);
            tryVerify(() => page.ready, 5000);
            // The seeded targets lie 0.01° (≈ 1.1 km) north of the replayed walk.
            tryVerify(() => inspection.distanceText !== "", 5000, "the distance once the record has its place");
            const metres = parseInt(inspection.distanceText);
            verify(metres > 900 && metres < 1300, "about 1.1 km: " + inspection.distanceText);
            verify(inspection.farFromTarget);
            const shown = findByName(page, "distanceToTarget");
            verify(shown !== null);
            verify(shown.visible);
            compare(shown.value, inspection.distanceText);
            const warning = findByName(page, "farFromTargetWarning");
            verify(warning !== null);
            verify(warning.visible);
            verify(warning.text.indexOf("500 m") >= 0);
        }

        function test_the_start_location_is_never_refreshed() {
            const first = inspection.locationText;
            verify(first !== "");
            // The walk goes on; the record keeps the place it started at.
            wait(2500);
            shownRecord.saveNow();
            tryVerify(() => !shownRecord.busy, 5000);
            compare(inspection.locationText, first);
            verify(inspection.updateLocation === undefined && shownRecord.updateLocation === undefined, "no way to refresh the start location");
        }
    }
}
