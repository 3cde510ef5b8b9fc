import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// Language, photo size, the central system, what this app is and where its data lives, and
// locking the tablet now.
FiPage {
    id: page

    pageName: "settings"
    title: qsTr("Settings")

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(scroll.availableWidth - 2 * Theme.pageMargin, Theme.formMaxWidth * 1.4)
            x: (scroll.availableWidth - width) / 2
            y: Theme.pageMargin
            spacing: Theme.spacingLarge

            FiCard {
                Layout.fillWidth: true
                ColumnLayout {
                    anchors.fill: parent
                    spacing: Theme.spacing
                    FiSectionTitle {
                        text: qsTr("Language")
                    }
                    FiFilterBar {
                        objectName: "languageChooser"
                        options: [{
                                "value": "zh_CN",
                                "text": "中文"
                            }, {
                                "value": "en",
                                "text": "English"
                            }]
                        value: Preferences.language
                        onChosen: value => Preferences.language = value
                    }
                }
            }

            FiCard {
                Layout.fillWidth: true
                ColumnLayout {
                    anchors.fill: parent
                    spacing: Theme.spacing
                    FiSectionTitle {
                        text: qsTr("Photo size")
                    }
                    FiRadioButton {
                        objectName: "photoStandard"
                        Layout.minimumHeight: Theme.touchTarget
                        text: qsTr("Standard: longest side 2048 px (about 0.5–1 MB a photo)")
                        checked: Preferences.photoLongestSide === 2048
                        onClicked: Preferences.photoLongestSide = 2048
                    }
                    FiRadioButton {
                        objectName: "photoDetail"
                        Layout.minimumHeight: Theme.touchTarget
                        text: qsTr("Detail: longest side 3072 px (larger uploads)")
                        checked: Preferences.photoLongestSide === 3072
                        onClicked: Preferences.photoLongestSide = 3072
                    }
                }
            }

            // When to remind of the same-day upload (sync decides whether one is due).
            FiCard {
                Layout.fillWidth: true
                ColumnLayout {
                    anchors.fill: parent
                    spacing: Theme.spacing
                    FiSectionTitle {
                        text: qsTr("Reminders")
                    }
                    FiTextField {
                        id: reminderTimes
                        objectName: "reminderTimes"
                        Layout.fillWidth: true
                        label: qsTr("Remind me at (Beijing time, HH:MM, while something of today is not uploaded)")
                        text: Preferences.reminderTimes
                        inputMethodHints: Qt.ImhPreferNumbers
                        property bool invalid: false
                        function apply() {
                            reminderTimes.invalid = !Preferences.setReminderTimes(reminderTimes.text);
                            if (!reminderTimes.invalid)
                                reminderTimes.text = Preferences.reminderTimes;
                        }
                    }
                    Connections {
                        target: reminderTimes.input
                        function onEditingFinished() {
                            reminderTimes.apply();
                        }
                    }
                    FiErrorText {
                        objectName: "reminderTimesError"
                        Layout.fillWidth: true
                        text: reminderTimes.invalid ? qsTr("Times as HH:MM, separated by commas, e.g. 21:00, 23:00.") : ""
                    }
                }
            }

            FiCard {
                Layout.fillWidth: true
                ColumnLayout {
                    anchors.fill: parent
                    spacing: Theme.spacing
                    FiSectionTitle {
                        text: qsTr("Display")
                    }
                    Switch {
                        id: outdoor
                        objectName: "outdoorTheme"
                        Layout.fillWidth: true
                        Layout.minimumHeight: Theme.touchTarget
                        text: qsTr("Outdoor: high contrast for sunlight")
                        contentItem: Label {
                            leftPadding: outdoor.indicator.width + outdoor.spacing
                            text: outdoor.text
                            font: outdoor.font
                            wrapMode: Text.Wrap
                            verticalAlignment: Text.AlignVCenter
                        }
                        checked: Preferences.outdoorTheme
                        onToggled: Preferences.outdoorTheme = checked
                    }
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Text size")
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontSmall
                    }
                    FiStack {
                        model: [100, 125, 150]
                        delegate: FiRadioButton {
                            required property int modelData
                            objectName: "textScale_" + modelData
                            height: Math.max(implicitHeight, Theme.touchTarget)
                            text: qsTr("%1 %").arg(modelData)
                            font.pixelSize: Math.round(Theme.fontBody / Theme.textScale * modelData / 100)
                            checked: Preferences.textScalePercent === modelData
                            onClicked: Preferences.textScalePercent = modelData
                        }
                    }
                    Label {
                        objectName: "systemTextScale"
                        Layout.fillWidth: true
                        visible: Theme.systemTextScale > 1.001
                        text: qsTr("The device's own text size (%1 %) applies on top of this, up to 150 % in all.").arg(Math.round(Theme.systemTextScale * 100))
                        wrapMode: Text.Wrap
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontSmall
                    }
                }
            }

            FiCard {
                Layout.fillWidth: true
                ColumnLayout {
                    anchors.fill: parent
                    spacing: Theme.spacing
                    FiSectionTitle {
                        text: qsTr("Central system")
                    }
                    FiKeyValue {
                        Layout.fillWidth: true
                        label: qsTr("Address")
                        value: Preferences.serverUrl
                    }
                    FiKeyValue {
                        Layout.fillWidth: true
                        visible: Preferences.caFile.length > 0
                        label: qsTr("CA file")
                        value: Preferences.caFile
                    }
                    FiKeyValue {
                        Layout.fillWidth: true
                        visible: Preferences.tlsPin.length > 0
                        label: qsTr("Key pin")
                        value: Preferences.tlsPin
                    }
                    FiKeyValue {
                        Layout.fillWidth: true
                        label: qsTr("Signed in as")
                        value: Session.userName + " (" + Session.userLogin + ", " + Session.inspectorId + ")"
                    }
                }
            }

            FiCard {
                Layout.fillWidth: true
                ColumnLayout {
                    anchors.fill: parent
                    spacing: Theme.spacing
                    FiSectionTitle {
                        text: qsTr("About")
                    }
                    FiKeyValue {
                        Layout.fillWidth: true
                        label: qsTr("Version")
                        value: Preferences.version + " (Qt " + Preferences.qtVersion + ")"
                    }
                    FiKeyValue {
                        Layout.fillWidth: true
                        label: qsTr("Data location")
                        value: Preferences.dataLocation
                    }
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Records and photos are encrypted on the tablet (SQLCipher); the key is unlocked with your PIN.")
                        wrapMode: Text.Wrap
                        color: Theme.textSecondary
                        font.pixelSize: Theme.fontSmall
                    }
                }
            }

            FiButton {
                objectName: "lockNow"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.bigButtonHeight
                tone: "danger"
                text: qsTr("Lock now")
                onClicked: Session.lockNow()
            }
            Item {
                Layout.preferredHeight: Theme.pageMargin
            }
        }
    }
}
