import QtQuick
import QtQuick.Controls
import FieldInspect

// The checklist's rows: each item's checkpoints under its header (a section; the header of
// the item being read stays at the top). A row reaches the list, and through it the page's
// controller, through its view, typed (a delegate is a component of its own: qmllint cannot
// see the page's ids from it); what a row asks for goes out as the list's signals.
ListView {
    id: list

    property ChecklistController controller: null

    signal failChosen(string itemId, string checkpointId, string checkpointText, string description)
    signal editFinding(string itemId, string checkpointId, string checkpointText, string description)
    signal addPhoto(string findingId)

    clip: true
    spacing: Theme.spacing
    model: list.controller ? list.controller.checklist : null
    cacheBuffer: 2000
    highlightFollowsCurrentItem: false
    section.property: "itemId"
    section.criteria: ViewSection.FullString
    section.labelPositioning: ViewSection.InlineLabels | ViewSection.CurrentLabelAtStart
    section.delegate: ItemHeaderDelegate {
    }
    delegate: CheckpointDelegate {
        id: row
        readonly property CheckpointList owner: row.ListView.view as CheckpointList
        width: row.ListView.view.width
        editor: row.owner.controller
        highlighted: row.ListView.isCurrentItem
        onFailChosen: (itemId, checkpointId, checkpointText, description) => row.owner.failChosen(itemId, checkpointId, checkpointText, description)
        onEditFinding: (itemId, checkpointId, checkpointText, description) => row.owner.editFinding(itemId, checkpointId, checkpointText, description)
        onAddPhoto: findingId => row.owner.addPhoto(findingId)
    }
    footer: Item {
        height: Theme.pageMargin
    }
    ScrollBar.vertical: ScrollBar {
    }
}
