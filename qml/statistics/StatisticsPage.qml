import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import FieldInspect

// The quarterly statistics table (监管情况统计表) as far as this tablet knows it: targets drawn
// by class, what was inspected, outcomes by their public wording, what the central system
// confirmed. A figure only the central system can know says so. Export as CSV or PDF to the
// place the user picks in the save dialog (nothing is kept on the tablet); the page says where
// the file went.
FiPage {
    id: page

    // The quarters as filter chips (a QStringList is a JavaScript array here).
    function quarterOptions(quarters: var): var {
        return quarters.map(q => ({
                        "value": q,
                        "text": q
                    }));
    }

    pageName: "statistics"
    title: qsTr("Statistics")
    subtitle: stats.unit
    ready: stats.loaded && !stats.busy

    StatisticsModel {
        id: stats
        objectName: "statisticsModel"
        session: Session
    }
    FiSaveDialog {
        id: saveDialog

        property bool pdf: false

        objectName: "saveDialog"
        title: qsTr("Save the statistics table")
        onChosen: file => pdf ? stats.exportPdf(file) : stats.exportCsv(file)
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(scroll.availableWidth - 2 * Theme.pageMargin, Theme.formMaxWidth * 1.6)
            x: (scroll.availableWidth - width) / 2
            y: Theme.pageMargin
            spacing: Theme.spacingLarge

            FiBanner {
                objectName: "statisticsError"
                Layout.fillWidth: true
                tone: "danger"
                text: stats.error
            }
            FiBanner {
                objectName: "exportedBanner"
                Layout.fillWidth: true
                tone: "success"
                text: stats.exportedPath.length > 0 ? qsTr("Saved to %1").arg(stats.exportedPath) : ""
                actionText: qsTr("Open")
                onActionClicked: Qt.openUrlExternally(stats.exportedUrl)
            }

            FiCard {
                Layout.fillWidth: true
                ColumnLayout {
                    anchors.fill: parent
                    spacing: Theme.spacing
                    FiSectionTitle {
                        text: qsTr("Quarter")
                    }
                    FiFilterBar {
                        objectName: "quarterChooser"
                        options: page.quarterOptions(stats.quarters)
                        value: stats.quarter
                        onChosen: value => stats.quarter = value
                    }
                    FiKeyValue {
                        Layout.fillWidth: true
                        label: qsTr("Period")
                        value: stats.period
                    }
                    FiKeyValue {
                        Layout.fillWidth: true
                        label: qsTr("Report due")
                        value: stats.reportDue
                    }
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Counted from the assignments and records on this tablet and the receipts of the central system. Figures only the central system knows are marked as not known here.")
                        color: Theme.textSecondary
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.fontSmall
                    }
                    RowLayout {
                        spacing: Theme.spacing
                        FiButton {
                            objectName: "exportCsv"
                            text: qsTr("Export CSV")
                            enabled: stats.loaded && !stats.busy
                            onClicked: {
                                saveDialog.pdf = false;
                                saveDialog.ask("statistics-" + stats.quarter + ".csv", qsTr("CSV table (*.csv)"));
                            }
                        }
                        FiButton {
                            objectName: "exportPdf"
                            tone: "primary"
                            text: qsTr("Export PDF")
                            enabled: stats.loaded && !stats.busy
                            onClicked: {
                                saveDialog.pdf = true;
                                saveDialog.ask("statistics-" + stats.quarter + ".pdf", qsTr("PDF document (*.pdf)"));
                            }
                        }
                    }
                }
            }

            FiCard {
                Layout.fillWidth: true
                ColumnLayout {
                    anchors.fill: parent
                    spacing: 0
                    FiStack {
                        spacing: 0
                        model: stats
                        delegate: StatisticsRowDelegate {
                        }
                    }
                }
            }
            Item {
                Layout.preferredHeight: Theme.pageMargin
            }
        }
    }
}
