import QtQuick
import QtQuick.Controls
import QtTest
import FieldInspect
import FieldInspectTest

// The Statistics page: the quarter's table from the seeded tablet, figures the tablet cannot
// know said so, and CSV / PDF exports to the file chosen in the save dialog, and nowhere else.
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

        // Each export asks where it goes and writes that file only: nothing in the data folder.
        function test_3_exports_go_where_the_user_chose() {
            const page = openPage();
            const stats = findChild(page, "statisticsModel");
            const dialog = findChild(page, "saveDialog");
            exportedSpy.target = stats;
            exportedSpy.clear();
            // The user goes to a folder of their own and keeps the suggested name.
            dialog.currentFolder = TestFiles.scratchUrl("");
            findChild(page, "exportCsv").clicked();
            tryVerify(() => dialog.visible, 5000);
            verify(dialog.selectedFile.toString().endsWith("statistics-" + stats.quarter + ".csv"), dialog.selectedFile);
            compare(exportedSpy.count, 0);
            const chosenCsv = TestFiles.scratchUrl("statistics-" + stats.quarter + ".csv");
            dialog.accept();
            exportedSpy.wait(10000);
            const csv = exportedSpy.signalArguments[0][0];
            compare("file://" + csv, chosenCsv.toString());
            verify(TestFiles.exists(csv));
            const banner = findChild(page, "exportedBanner");
            verify(banner.visible);
            verify(banner.text.indexOf(csv) >= 0, banner.text);
            findChild(page, "exportPdf").clicked();
            tryVerify(() => dialog.visible, 5000);
            verify(dialog.selectedFile.toString().endsWith(".pdf"), dialog.selectedFile);
            const chosenPdf = TestFiles.scratchUrl("statistics-" + stats.quarter + ".pdf");
            dialog.accept();
            exportedSpy.wait(10000);
            compare("file://" + exportedSpy.signalArguments[1][0], chosenPdf.toString());
            verify(TestFiles.exists(exportedSpy.signalArguments[1][0]));
            compare(stats.error, "");
            verify(!TestFiles.exists(TestFiles.dataDir + "/exports"));
            compare(TestFiles.filesBelow(TestFiles.dataDir).filter(f => f.endsWith(".csv") || f.endsWith(".pdf")), []);

            // A dialog closed without a choice writes nothing.
            findChild(page, "exportCsv").clicked();
            tryVerify(() => dialog.visible, 5000);
            dialog.reject();
            wait(200);
            compare(exportedSpy.count, 2);
        }
    }
}
