import QtQuick
import QtQuick.Layouts
import FieldInspect

// Rows made from a model, stacked top to bottom, each as wide as the stack. Inside a
// ColumnLayout use this, never a bare Repeater: when a Repeater that is a direct child of a
// Qt Quick layout rebuilds its delegates (a new model, a retranslation, a theme change),
// Qt 6.4's layout engine can read a delegate already freed and the app crashes. A Column is a
// positioner: its children never reach the layout engine. The stack hides itself when empty
// so the layout spends no spacing on it.
Column {
    id: stack

    property alias model: repeater.model
    property alias delegate: repeater.delegate
    readonly property alias count: repeater.count

    function itemAt(index: int): Item {
        return repeater.itemAt(index);
    }

    Layout.fillWidth: true
    visible: count > 0
    spacing: Theme.spacing

    Repeater {
        id: repeater
        onItemAdded: (index, item) => item.width = Qt.binding(() => stack.width)
    }
}
