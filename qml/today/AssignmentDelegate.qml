import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// One assignment on Today: the company and where it is, its category and mode, the team,
// and the state of its record. The whole card opens the Target page. An assignment whose drawn
// team the tablet could not verify against the draw carries a red "Draw not verified" badge.
ItemDelegate {
    id: delegate

    required property string assignmentId
    required property string targetName
    required property string category
    required property string mode
    required property string district
    required property string address
    required property string team
    required property string state
    required property bool joint
    required property bool drawVerified

    padding: Theme.spacingLarge
    Accessible.name: targetName + ", " + district + (drawVerified ? "" : ", " + qsTr("Draw not verified"))
    background: Rectangle {
        radius: Theme.radius
        color: delegate.down ? Theme.neutralSurface : Theme.surface
        border.width: Theme.borderWidth
        border.color: Theme.divider
    }

    contentItem: GridLayout {
        columns: delegate.width > 900 ? 3 : 2
        columnSpacing: Theme.spacingLarge
        rowSpacing: Theme.spacingSmall

        ColumnLayout {
            Layout.fillWidth: true
            Layout.preferredWidth: 3
            spacing: Theme.spacingSmall

            Flow {
                Layout.fillWidth: true
                spacing: Theme.spacing
                FiCategoryBadge {
                    category: delegate.category
                }
                FiBadge {
                    text: delegate.mode === "offsite" ? qsTr("Off-site") : qsTr("On-site")
                    textColor: Theme.textSecondary
                }
                FiBadge {
                    visible: delegate.joint
                    text: qsTr("Joint")
                    textColor: Theme.accent
                }
                FiBadge {
                    objectName: "unverifiedBadge"
                    visible: !delegate.drawVerified
                    text: "⚠ " + qsTr("Draw not verified")
                    textColor: Theme.danger
                    fill: Theme.dangerSurface
                }
            }
            Label {
                Layout.fillWidth: true
                text: delegate.targetName
                font.pixelSize: Theme.fontLarge
                font.bold: true
                wrapMode: Text.Wrap
            }
            Label {
                Layout.fillWidth: true
                text: delegate.district + " · " + delegate.address
                color: Theme.textSecondary
                wrapMode: Text.Wrap
            }
        }
        Label {
            Layout.fillWidth: true
            Layout.preferredWidth: 2
            visible: delegate.width > 900
            text: qsTr("Team: %1").arg(delegate.team)
            wrapMode: Text.Wrap
            color: Theme.textSecondary
        }
        FiStateBadge {
            Layout.alignment: Qt.AlignRight | Qt.AlignVCenter
            state: delegate.state
        }
    }
}
