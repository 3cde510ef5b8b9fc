import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// The record's versions: the original and each correction, oldest first, with when each was
// completed and why it was made; the version on screen is marked.
FiCard {
    id: card

    // {recordId, state, completedAt, reason, current} each, from the view model.
    required property var versions

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing
        FiSectionTitle {
            text: qsTr("Versions of this record")
        }
        FiStack {
            objectName: "versionRepeater"
            model: card.versions
            delegate: ColumnLayout {
                id: version
                required property var modelData
                required property int index
                spacing: Theme.spacingSmall
                RowLayout {
                    Layout.fillWidth: true
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Version %1").arg(version.index + 1) + (version.modelData.current ? " · " + qsTr("this one") : "")
                        font.bold: version.modelData.current
                    }
                    FiStateBadge {
                        state: version.modelData.state
                    }
                }
                Label {
                    Layout.fillWidth: true
                    text: version.modelData.recordId + (version.modelData.completedAt.length > 0 ? " · " + qsTr("completed %1").arg(version.modelData.completedAt) : "")
                    color: Theme.textSecondary
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.WrapAnywhere
                }
                Label {
                    Layout.fillWidth: true
                    text: version.modelData.reason.length > 0 ? qsTr("Correction: %1").arg(version.modelData.reason) : qsTr("Original record")
                    wrapMode: Text.Wrap
                }
            }
        }
    }
}
