import QtQuick
import QtQuick.Controls
import FieldInspect

// Today's assignments under their plans' names. A row tapped asks to open its assignment;
// the row reaches the list through its view, typed (a delegate is a component of its own, so
// the linter cannot see the page's ids from it).
ListView {
    id: list

    signal openAssignment(string assignmentId)

    clip: true
    spacing: Theme.spacing
    reuseItems: true
    section.property: "planName"
    section.criteria: ViewSection.FullString
    section.delegate: FiSectionTitle {
        required property string section
        width: ListView.view.width
        topPadding: Theme.spacingLarge
        bottomPadding: Theme.spacing
        text: section
    }
    delegate: AssignmentDelegate {
        id: row
        width: ListView.view.width
        onClicked: (row.ListView.view as AssignmentList).openAssignment(row.assignmentId)
    }
    ScrollBar.vertical: ScrollBar {
    }
}
