import QtQuick
import QtQuick.Controls
import QtTest
import FieldInspect

// Today over the seeded tablet (leader1, the demo draw): the assignments by plan, search and
// filters, and opening one.
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
    SignalSpy {
        id: openSpy
        signalName: "openAssignment"
    }

    TestCase {
        name: "Today"
        when: windowShown

        function init() {
            Preferences.language = "en";
        }

        function open() {
            const page = createTemporaryObject(todayPage, root);
            tryVerify(() => page.ready, 5000, "the list loads");
            return page;
        }

        function test_lists_the_drawn_assignments() {
            const page = open();
            const model = findChild(page, "assignments");
            verify(model.count > 0);
            compare(model.count, model.totalCount);
            const list = findChild(page, "assignmentList");
            tryVerify(() => list.count === model.count);
            compare(page.title, "Today");
        }

        function test_search_narrows_the_list() {
            const page = open();
            const model = findChild(page, "assignments");
            const all = model.count;
            const search = findChild(page, "search");
            mouseClick(search);
            keyClick(Qt.Key_A);
            keyClick(Qt.Key_Minus);
            keyClick(Qt.Key_2);
            // "A-2" matches every assignment id; then something that matches nothing.
            compare(model.count, all);
            search.text = "no such company";
            compare(model.count, 0);
            search.text = "";
            compare(model.count, all);
        }

        function test_category_filter() {
            const page = open();
            const model = findChild(page, "assignments");
            const bar = findChild(page, "categoryFilter");
            mouseClick(findChild(bar, "filter_key"));
            compare(model.categoryFilter, "key");
            verify(model.count < model.totalCount || model.totalCount === 0);
            for (let i = 0; i < model.count; ++i)
                compare(model.data(model.index(i, 0), AssignmentListModel.CategoryRole), "key");
            mouseClick(findChild(bar, "filter_all"));
            compare(model.count, model.totalCount);
        }

        function test_tapping_an_assignment_opens_it() {
            const page = open();
            openSpy.target = page;
            openSpy.clear();
            const list = findChild(page, "assignmentList");
            tryVerify(() => list.itemAtIndex(0) !== null);
            const first = list.itemAtIndex(0);
            mouseClick(first);
            compare(openSpy.count, 1);
            compare(openSpy.signalArguments[0][0], first.assignmentId);
        }

        // The seeded tablet holds one assignment whose team is not the one the draw gives
        // its target (A-2026Q4-9901): its card, and only its, says the draw is not verified.
        function test_an_unverified_draw_has_a_badge() {
            const page = open();
            const model = findChild(page, "assignments");
            const list = findChild(page, "assignmentList");
            let unverified = 0;
            for (let i = 0; i < model.count; ++i) {
                const id = model.data(model.index(i, 0), AssignmentListModel.AssignmentIdRole);
                const verified = model.data(model.index(i, 0), AssignmentListModel.DrawVerifiedRole);
                compare(verified, id !== "A-2026Q4-9901", id);
                list.positionViewAtIndex(i, ListView.Contain);
                tryVerify(() => list.itemAtIndex(i) !== null);
                const card = list.itemAtIndex(i);
                const badge = findChild(card, "unverifiedBadge");
                compare(badge.visible, !verified, id);
                if (!verified) {
                    ++unverified;
                    compare(badge.text, "⚠ Draw not verified");
                    verify(badge.width > 0 && badge.height > 0);
                    verify(card.Accessible.name.indexOf("Draw not verified") > 0, card.Accessible.name);
                }
            }
            compare(unverified, 1);
        }
    }
}
