import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtTest
import FieldInspect

// FiStack inside a ColumnLayout, its model swapped while the layout is being resized: the
// treatment under which a bare Repeater in the same place crashes Qt 6.4 every time (the
// layout engine reads a delegate the Repeater has freed). The stack survives it, keeps its
// rows as wide as itself and takes no room when empty.
Item {
    id: root
    width: 400
    height: 600

    property int round: 0

    ColumnLayout {
        id: column
        width: 300
        spacing: 7
        Label {
            objectName: "above"
            Layout.fillWidth: true
            text: "above"
        }
        FiStack {
            id: stack
            model: root.round % 3 === 2 ? [] : root.round % 2 ? [{
                    "t": "a"
                }, {
                    "t": "b"
                }, {
                    "t": "c"
                }] : [{
                    "t": "x"
                }, {
                    "t": "y"
                }]
            delegate: ColumnLayout {
                required property var modelData
                Label {
                    Layout.fillWidth: true
                    text: parent.modelData.t
                    wrapMode: Text.Wrap
                }
            }
        }
        Label {
            id: below
            Layout.fillWidth: true
            text: "below"
        }
    }

    TestCase {
        name: "Stack"
        when: windowShown

        function test_model_swaps_while_the_layout_resizes() {
            for (let i = 0; i < 400; ++i) {
                root.round++;
                column.width = 300 + (i % 7);
                if (i % 3 === 0)
                    wait(0);
            }
            root.round = 1;
            column.width = 320;
            tryCompare(stack, "count", 3);
            for (let j = 0; j < stack.count; ++j)
                compare(stack.itemAt(j).width, 320, "each row as wide as the stack");
            compare(stack.itemAt(2).children[0].text, "c");
        }

        function test_an_empty_stack_takes_no_room() {
            root.round = 2;
            tryCompare(stack, "count", 0);
            verify(!stack.visible);
            waitForRendering(column);
            const above = findChild(column, "above");
            compare(below.y, above.y + above.height + column.spacing, "one gap, not two");
        }
    }
}
