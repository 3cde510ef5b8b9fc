import QtQuick
import QtQuick.Controls
import FieldInspect

// The photos of a record as thumbnails. A cell asks its grid to open or to remove a photo; it
// reaches the grid through its view, typed (a delegate is a component of its own: qmllint
// cannot see the page's ids from it).
GridView {
    id: grid

    property bool readOnly: true

    signal open(string source, string label)
    signal remove(string photoId)

    clip: true
    cellWidth: Theme.thumbnailSize + Theme.spacingLarge
    cellHeight: Theme.thumbnailSize + Theme.touchTarget + Theme.spacingLarge
    delegate: PhotoDelegate {
        id: cell
        readonly property PhotoGrid owner: cell.GridView.view as PhotoGrid
        readOnly: cell.owner === null || cell.owner.readOnly
        onOpen: (source, label) => cell.owner.open(source, label)
        onRemove: photoId => cell.owner.remove(photoId)
    }
    ScrollBar.vertical: ScrollBar {
    }
}
