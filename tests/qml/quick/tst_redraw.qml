import QtQuick
import QtQuick.Controls
import QtTest
import FieldInspect

// The Re-draw page: a leader asks the central system for a new draw, never chooses a person.
// "Other" needs a note; only members the draw put on the team can be excluded; offline, the
// request fails and nothing on the tablet changes.
Item {
    id: root
    width: 1280
    height: 800

    Component {
        id: redrawPage
        RedrawPage {
            anchors.fill: parent
        }
    }
    Component {
        id: detailOf
        AssignmentDetail {
            session: Session
        }
    }

    TestCase {
        name: "Redraw"
        when: windowShown

        function init() {
            Preferences.language = "en";
        }

        function openPage(id) {
            const page = createTemporaryObject(redrawPage, root, {
                    "assignmentId": id
                });
            tryVerify(() => page.ready, 5000);
            return page;
        }

        // The assignment as the tablet holds it, freshly read.
        function load(id) {
            const detail = createTemporaryObject(detailOf, root, {
                    "assignmentId": id
                });
            tryVerify(() => detail.loaded, 5000);
            return detail;
        }

        function typeInto(field, text) {
            mouseClick(field.input);
            for (const c of text)
                keyClick(c);
        }

        function test_other_reason_needs_a_note() {
            const page = openPage("A-2026Q4-0002");
            const ask = findChild(page, "requestRedraw");
            const noteRequired = findChild(page, "noteRequired");
            verify(!ask.enabled, "no reason chosen yet");
            mouseClick(findChild(page, "reason_conflict"));
            verify(ask.enabled);
            compare(noteRequired.text, "");
            mouseClick(findChild(page, "reason_other"));
            verify(page.noteMissing);
            verify(!ask.enabled, "other without a note cannot be sent");
            verify(noteRequired.text.length > 0);
            typeInto(findChild(page, "redrawNote"), "   ");
            verify(!ask.enabled, "blanks are no note");
            typeInto(findChild(page, "redrawNote"), "road closed");
            tryVerify(() => ask.enabled);
            compare(noteRequired.text, "");
            mouseClick(findChild(page, "reason_absence"));
            verify(ask.enabled);
        }

        // Every checkbox under the page whose objectName starts with the prefix.
        function named(item, prefix, out) {
            if (item.objectName && item.objectName.indexOf(prefix) === 0 && item.visible)
                out.push(item.objectName.substring(prefix.length));
            for (let i = 0; i < item.children.length; ++i)
                named(item.children[i], prefix, out);
            return out;
        }

        function test_only_drawn_members_can_be_excluded() {
            const page = openPage("A-2026Q4-0002");
            const drawn = load("A-2026Q4-0002").drawnTeam.map(m => m.inspectorId).sort();
            verify(drawn.length >= 2);
            compare(named(page, "exclude_", []).sort(), drawn, "exactly the drawn team is offered");
            // Nobody from another team of the same draw can be named on this one.
            let outsider = "";
            for (const id of ["A-2026Q4-0003", "A-2026Q4-0004", "A-2026Q4-0005"]) {
                const other = load(id).drawnTeam.find(m => drawn.indexOf(m.inspectorId) < 0);
                if (other) {
                    outsider = other.inspectorId;
                    break;
                }
            }
            verify(outsider.length > 0, "the demo draw puts other people on other teams");
            compare(findChild(page, "exclude_" + outsider), null);
            mouseClick(findChild(page, "exclude_" + drawn[0]));
            compare(page.excluded, [drawn[0]]);
            mouseClick(findChild(page, "exclude_" + drawn[0]));
            compare(page.excluded, []);
        }

        function test_offline_request_changes_nothing() {
            const page = openPage("A-2026Q4-0002");
            const redraw = findChild(page, "redraw");
            mouseClick(findChild(page, "reason_conflict"));
            const ask = findChild(page, "requestRedraw");
            mouseClick(ask);
            tryVerify(() => !redraw.busy && redraw.error.length > 0, 20000);
            verify(!redraw.done);
            verify(!findChild(page, "redrawDone").visible);
            compare(load("A-2026Q4-0002").revoked, false, "the assignment is still the tablet's");
        }
    }
}
