import QtQuick
import QtQuick.Controls
import FieldInspect

// The records on this tablet and how far each is on its way to the central system. A row
// asks its list to retry, to sign in or to open a record; it reaches the list through its
// view, typed (a delegate is a component of its own: qmllint cannot see the page's ids).
ListView {
    id: list

    signal retry(string recordId)
    signal signIn
    signal view(string recordId)

    clip: true
    spacing: Theme.spacing
    delegate: OutboxDelegate {
        id: row
        readonly property OutboxList owner: row.ListView.view as OutboxList
        width: ListView.view.width
        onRetry: recordId => row.owner.retry(recordId)
        onSignIn: row.owner.signIn()
        onView: recordId => row.owner.view(recordId)
    }
    ScrollBar.vertical: ScrollBar {
    }
}
