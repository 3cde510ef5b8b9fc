import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Layouts
import FieldInspect

// The bar across the top while unlocked: back, the page's title, the same-day state (unsent
// records, network) that opens the Sync page, and the menu (statistics, settings, lock now).
ToolBar {
    id: bar

    property string title: ""
    property string subtitle: ""
    property bool canGoBack: false
    // The same-day deadline as the chip shows it (Sync's by default): how loud, what is unsent,
    // minutes left today (UTC+08:00).
    property string deadlineAlert: Sync.deadlineAlert
    property int unsent: Sync.unsent
    property int minutesLeft: Sync.minutesLeft
    // Until the first same-day picture is read, the bar claims nothing about what is unsent.
    property bool statusKnown: Sync.statusKnown
    // The menu, made when first opened.
    property Menu menu: null
    readonly property string leftText: Math.floor(Math.max(0, minutesLeft) / 60) + ":" + String(Math.max(0, minutesLeft) % 60).padStart(2, "0")

    signal backClicked
    signal syncClicked
    signal settingsClicked
    signal statisticsClicked
    signal lockClicked

    Material.foreground: Theme.textOnPrimary
    // A long title wraps (nothing is cut off at 150 % text): the bar grows with it.
    implicitHeight: Math.max(Theme.touchTarget + Theme.spacingLarge, titles.implicitHeight + 2 * Theme.spacing)
    background: Rectangle {
        color: Theme.primary
    }

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.spacing
        spacing: Theme.spacing

        ToolButton {
            objectName: "backButton"
            visible: bar.canGoBack
            text: "‹"
            font.pixelSize: Theme.fontHuge
            topPadding: 0
            bottomPadding: 0
            Layout.preferredWidth: Theme.touchTarget
            Layout.preferredHeight: Theme.touchTarget
            Accessible.name: qsTr("Back")
            onClicked: bar.backClicked()
        }
        ColumnLayout {
            id: titles
            Layout.fillWidth: true
            Layout.leftMargin: bar.canGoBack ? 0 : Theme.spacingLarge
            spacing: 0
            Label {
                Layout.fillWidth: true
                text: bar.title
                wrapMode: Text.Wrap
                font.pixelSize: Theme.fontLarge
                font.bold: true
                color: Theme.textOnPrimary
                Accessible.role: Accessible.TitleBar
            }
            Label {
                Layout.fillWidth: true
                visible: text.length > 0
                text: bar.subtitle
                wrapMode: Text.Wrap
                font.pixelSize: Theme.fontSmall
                color: Theme.textOnPrimary
                opacity: 0.85
            }
        }
        ToolButton {
            id: syncButton
            objectName: "syncButton"
            Layout.preferredHeight: Theme.touchTarget
            // Amber, then red, with what is unsent and how long today has left, when the day's
            // records may miss the same-day upload (on every page).
            text: (Sync.online ? "● " : "○ ") + (Sync.syncing ? qsTr("Syncing…") : bar.deadlineAlert !== "quiet" ? qsTr("%n unsent", "", bar.unsent) + " · " + qsTr("%1 left").arg(bar.leftText) : !bar.statusKnown ? qsTr("Checking…") : bar.unsent > 0 ? qsTr("%n to upload", "", bar.unsent) : qsTr("All uploaded"))
            font.pixelSize: Theme.fontBody
            font.bold: bar.deadlineAlert !== "quiet"
            Material.foreground: bar.deadlineAlert === "now" ? Theme.danger : bar.deadlineAlert === "soon" ? Theme.warning : Theme.textOnPrimary
            background: Rectangle {
                objectName: "syncChip"
                visible: bar.deadlineAlert !== "quiet"
                radius: height / 2
                color: bar.deadlineAlert === "now" ? Theme.dangerSurface : Theme.warningSurface
                border.width: Theme.borderWidth
                border.color: bar.deadlineAlert === "now" ? Theme.danger : Theme.warning
            }
            Accessible.name: (Sync.online ? qsTr("Online") : qsTr("Offline")) + ", " + text
            onClicked: bar.syncClicked()
        }
        ToolButton {
            id: menuButton
            objectName: "menuButton"
            text: "⋯" // in the interface's own face (⋮ is not: it would load a second one)
            font.pixelSize: Theme.fontTitle
            Layout.preferredWidth: Theme.touchTarget
            Layout.preferredHeight: Theme.touchTarget
            Accessible.name: qsTr("Menu")
            onClicked: {
                // Made when first opened: its items (and the images of their indicators) are
                // not part of the first frame.
                if (!bar.menu)
                    bar.menu = menuComponent.createObject(menuButton, {
                            "appBar": bar
                        }) as Menu;
                bar.menu.open();
            }
        }
        Component {
            id: menuComponent
            Menu {
                id: menu
                required property FiAppBar appBar
                y: menu.parent ? menu.parent.height : 0 // below the button
                background: Rectangle {
                    implicitWidth: 240
                    color: Theme.surface
                    radius: Theme.radius
                    border.width: Theme.borderWidth
                    border.color: Theme.divider
                }
                MenuItem {
                    objectName: "menuSync"
                    text: qsTr("Sync")
                    onTriggered: menu.appBar.syncClicked()
                }
                MenuItem {
                    objectName: "menuStatistics"
                    text: qsTr("Statistics")
                    onTriggered: menu.appBar.statisticsClicked()
                }
                MenuItem {
                    objectName: "menuSettings"
                    text: qsTr("Settings")
                    onTriggered: menu.appBar.settingsClicked()
                }
                MenuItem {
                    objectName: "menuLock"
                    text: qsTr("Lock now")
                    onTriggered: menu.appBar.lockClicked()
                }
            }
        }
    }
}
