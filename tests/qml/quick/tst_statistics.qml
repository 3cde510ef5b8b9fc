import QtQuick
import QtQuick.Controls
import QtTest
import FieldInspect

// The Statistics page: the quarter's table from the seeded tablet, figures the tablet cannot
// know said so, and CSV / PDF exports into exports/ of the data folder (the page says where).
Item {
    id: root
    width: 1280
    height: 800

    Component {
        id: statisticsPage
        StatisticsPage {
            anchors.fill: parent
        }
    }
    SignalSpy {
        id: exportedSpy
        signalName: "exported"
    }

    TestCase {
        name: "Statistics"
        when: windowShown

        function initTestCase() {
            Preferences.language = "en";
        }

        function openPage() {
            const page = createTemporaryObject(statisticsPage, root);
            tryVerify(() => page.ready, 5000);
            return page;
        }

        function rowValue(page, key) {
            const row = findChild(page, "stat_" + key);
            verify(row, key);
            return findChild(row, "value").text;
        }

        function test_1_the_table_of_this_quarter() {
            const page = openPage();
            const stats = findChild(page, "statisticsModel");
            compare(stats.quarters.length, 4);
            compare(stats.quarter, stats.quarters[0], "the current quarter first");
            verify(stats.count > 15);
            verify(stats.reportDue.endsWith("-20"), stats.reportDue);
            // The seeded tablet holds drawn assignments of this user: some are counted.
            verify(Number(rowValue(page, "targets_drawn")) > 0);
            compare(rowValue(page, "unit_inspected"), "not known on this tablet");
            verify(stats.unit.length > 0, "the signed-in user's unit");
        }

        function test_2_another_quarter() {
            const page = openPage();
            const stats = findChild(page, "statisticsModel");
            mouseClick(findChild(page, "filter_" + stats.quarters[3]));
            compare(stats.quarter, stats.quarters[3]);
            tryVerify(() => !stats.busy, 5000);
            compare(rowValue(page, "inspected"), "0");
        }

        function test_3_exports_say_where_the_file_went() {
            const page = openPage();
            const stats = findChild(page, "statisticsModel");
            exportedSpy.target = stats;
            exportedSpy.clear();
            findChild(page, "exportCsv").clicked();
            exportedSpy.wait(10000);
            const csv = exportedSpy.signalArguments[0][0];
            verify(csv.endsWith("/exports/statistics-" + stats.quarter + ".csv"), csv);
            const banner = findChild(page, "exportedBanner");
            verify(banner.visible);
            verify(banner.text.indexOf(csv) >= 0, banner.text);
            findChild(page, "exportPdf").clicked();
            exportedSpy.wait(10000);
            verify(exportedSpy.signalArguments[1][0].endsWith(".pdf"));
            compare(stats.error, "");
        }
    }
}
