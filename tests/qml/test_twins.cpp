// The app and the command line give the same answers for the same data: one inspection day
// (pull, a record with a fail, its finding and photo, complete, publication deadline, PDF,
// sync) through the app's view models on one tablet and through `fieldinspect-cli` on its
// twin, each against its own copy of the reference server with the same demo data. The
// stored records (minus ids, times and the chain), the deadlines and the PDFs' text must be
// the same: both front ends run the one application layer.
#include "qml/application.h"
#include "qml/assignmentdetail.h"
#include "qml/assignmentlistmodel.h"
#include "qml/checklistcontroller.h"
#include "qml/checklistmodel.h"
#include "qml/completioncontroller.h"
#include "qml/locationservice.h"
#include "qml/openrecord.h"
#include "qml/photocontroller.h"
#include "qml/photolistmodel.h"
#include "qml/preferences.h"
#include "qml/problemlistmodel.h"
#include "qml/session.h"
#include "qml/storethread.h"
#include "qml/synccontroller.h"
#include "support/cliscript.h"
#include "support/command.h"
#include "support/serverprocess.h"

#include <QQuickStyle>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sys/wait.h>

Q_IMPORT_QML_PLUGIN(FieldInspectPlugin)

using namespace fi;
using namespace fi::app;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const QString pin = QStringLiteral("246813");

/// A shell command's standard output (its error output goes to `err` when given).

/// A command's standard output; its exit status in `status` when given.
std::string run(const std::string& command, int* status = nullptr) {
    const auto r = test::run_command(command);
    if (status)
        *status = r.status;
    return r.out;
}

/// The record as both tablets must agree on it: without what each makes for itself (ids,
/// times, the clock and the chain).
json comparable(json r) {
    for (const char* key : {"id", "started_at", "finished_at", "clock", "chain"})
        r.erase(key);
    for (auto& p : r["photos"]) {
        p.erase("id");
        p.erase("taken_at");
        p.erase("finding_id");
    }
    for (auto& f : r["findings"]) {
        f.erase("id");
        f["photo_ids"] = f["photo_ids"].size();
    }
    // The same people sign; each hand draws its own strokes at its own moment.
    for (auto& g : r["signatures"])
        for (const char* key : {"id", "sha256", "bytes", "signed_at"})
            g.erase(key);
    return r;
}

/// A PDF's text without what differs between two tablets (ids, hashes, clock times and
/// each clock's offset from the central system's).
QString pdf_text(const std::string& file) {
    QString text = QString::fromStdString(run("pdftotext -layout '" + file + "' -"));
    static const QRegularExpression uuid(
        QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    static const QRegularExpression hash(QStringLiteral("[0-9a-f]{16,}"));
    static const QRegularExpression time(QStringLiteral("\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?"));
    static const QRegularExpression offset(QStringLiteral("offset -?\\d+ ms"));
    static const QRegularExpression space(QStringLiteral("[ \\t]+"));
    text.replace(uuid, QStringLiteral("<id>"));
    text.replace(hash, QStringLiteral("<hash>"));
    text.replace(time, QStringLiteral("<time>"));
    text.replace(offset, QStringLiteral("offset <ms> ms")); // each tablet's own clock
    text.replace(space, QStringLiteral(" "));
    return text;
}

/// The stored record of a tablet, read through the application layer once the app is gone.
json stored_record(const fs::path& data, const std::string& record_id) {
    services::Tablet t(data);
    auto u = t.session.unlock({}, pin.toStdString());
    if (!u)
        qWarning("unlock: %s", u.error().message.c_str());
    auto text = t.records.export_text(record_id);
    return text ? json::parse(*text) : json();
}

} // namespace

class TestTwins : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
        QQuickStyle::setStyle(QStringLiteral("Material"));
    }

    void the_app_and_the_command_line_give_the_same_answers() {
        QTemporaryDir root;
        const fs::path dir = root.path().toStdString();
        test::ServerProcess central_a(dir / "central-a", {"--demo"});
        test::ServerProcess central_b(dir / "central-b", {"--demo"});

        // The command-line twin: set up, pull, and the assignment as `show` gives it.
        const std::string cli =
            "FI_DATA='" + (dir / "cli").string() + "' FI_PIN=" + pin.toStdString() +
            " FI_PASSWORD=demo1234 FI_SERVER=" + central_b.base_url() + " " + FI_CLI_BINARY;
        int status = -1;
        run(cli + " init --user inspector1", &status);
        QCOMPARE(status, 0);
        run(cli + " pull", &status);
        QCOMPARE(status, 0);
        std::string assignment;
        for (const auto& a : json::parse(run(cli + " assignments --json")))
            if (assignment.empty() && a.at("mode") == "onsite")
                assignment = a.at("id");
        QVERIFY(!assignment.empty());
        const json shown = json::parse(run(cli + " show " + assignment + " --json"));
        test::AnswerOptions options;
        options.photo_file = FI_SOURCE_DIR "/docs/examples/outfall.jpg";
        json answers = test::passing_answers(shown, options);
        QVERIFY(answers.at("outcome") == "rectification_ordered");

        // The app: the same day through its view models, over the same services.
        std::string app_record, app_deadline, app_pdf;
        {
            AppOptions o;
            o.data_dir = dir / "app";
            o.server_url = QString::fromStdString(central_a.base_url());
            o.language = QStringLiteral("zh_CN");
            o.nmea_replay = fs::path(FI_ASSETS_DIR) / "demo" / "ezhou-walk.nmea";
            o.nmea_interval = std::chrono::milliseconds(2);
            o.username = QStringLiteral("inspector1");
            o.password = QStringLiteral("demo1234");
            o.pin = pin;
            Application app(std::move(o));
            QVERIFY(app.load());
            QTRY_VERIFY_WITH_TIMEOUT(app.session().state() == Session::Unlocked, 20000);
            // The first pull has landed.
            QTRY_VERIFY_WITH_TIMEOUT(!app.sync().lastSync().isEmpty() && !app.sync().syncing(),
                                     30000);
            QTRY_VERIFY_WITH_TIMEOUT(app.location().current().has_value(), 10000);

            AssignmentDetail detail;
            detail.setSession(&app.session());
            detail.setLocation(&app.location());
            detail.setAssignmentId(QString::fromStdString(assignment));
            QTRY_VERIFY_WITH_TIMEOUT(detail.loaded(), 20000);
            QStringList present;
            for (const auto& id : answers.at("inspectors_present"))
                present << QString::fromStdString(id.get<std::string>());
            QSignalSpy started(&detail, &AssignmentDetail::started);
            detail.startInspection(present, {});
            QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 10000);
            app_record = started.at(0).at(0).toString().toStdString();

            // The record as the app's pages hold it, and each page's controller.
            OpenRecord record;
            ChecklistController checklist;
            PhotoController photo_page;
            CompletionController editor;
            checklist.setRecord(&record);
            photo_page.setRecord(&record);
            editor.setRecord(&record);
            record.setSession(&app.session());
            record.setLocation(&app.location()); // as the Checklist page gives it
            record.setRecordId(QString::fromStdString(app_record));
            QTRY_VERIFY_WITH_TIMEOUT(record.loaded(), 10000);
            for (const auto& a : answers.at("answers")) {
                const json& v = a.at("value");
                checklist.setAnswer(QString::fromStdString(a.at("item_id")),
                                    QString::fromStdString(a.at("checkpoint_id")),
                                    v.is_string() ? QVariant(QString::fromStdString(v))
                                                  : QVariant(v.get<qlonglong>()));
            }
            std::map<std::string, QString> findings;
            for (const auto& f : answers.at("findings"))
                findings[f.at("ref")] =
                    checklist.setFinding(QString::fromStdString(f.at("item_id")),
                                         QString::fromStdString(f.at("checkpoint_id")),
                                         QString::fromStdString(f.at("description")));
            int photos = 0;
            for (const auto& p : answers.at("photos")) {
                photo_page.importPhoto(QUrl::fromLocalFile(QString::fromStdString(p.at("file"))),
                                       findings[p.at("finding")]);
                ++photos;
                QTRY_COMPARE_WITH_TIMEOUT(photo_page.photoCount(), photos, 15000);
            }
            // Everyone the file has sign signs on the pad (strokes of the app's own).
            const QVariantList strokes{QVariantList{20, 70, 80, 30, 200, 75, 280, 40}};
            QSignalSpy kept(&editor, &CompletionController::signatureKept);
            for (const auto& g : answers.at("signatures")) {
                if (g.contains("inspector"))
                    editor.signInspector(QString::fromStdString(g.at("inspector")), strokes, 300,
                                         100);
                else
                    editor.signRepresentative(QString::fromStdString(g.at("name")),
                                              QString::fromStdString(g.at("position")), strokes,
                                              300, 100);
                QTRY_COMPARE_WITH_TIMEOUT(kept.count(), 1, 10000);
                kept.clear();
                QTRY_VERIFY_WITH_TIMEOUT(!record.busy(), 10000);
            }
            editor.setOutcome(QString::fromStdString(answers.at("outcome")));
            editor.complete();
            QTRY_COMPARE_WITH_TIMEOUT(record.state(), QStringLiteral("completed"), 15000);
            app_deadline = editor.publicationDeadline().toStdString();
            QVERIFY(!app_deadline.empty());
            // The same-day upload runs by itself; then the PDF, which shows the receipt.
            QTRY_VERIFY_WITH_TIMEOUT(app.sync().unsent() == 0 && !app.sync().syncing(), 30000);
            editor.makeRecordPdf(
                QUrl::fromLocalFile(QString::fromStdString((dir / "app-record.pdf").string())));
            QTRY_VERIFY_WITH_TIMEOUT(!editor.pdfPath().isEmpty(), 20000);
            app_pdf = editor.pdfPath().toStdString();
        }
        const json app_body = stored_record(dir / "app", app_record);
        QVERIFY(app_body.is_object());

        // The command line: the same answers at the same place, completed, synced, PDF.
        answers["location"] = app_body.at("location");
        answers["simulated"] = true; // the app's is an NMEA replay: simulated as well
        const fs::path answers_file = dir / "answers.json";
        std::ofstream(answers_file) << answers.dump();
        const json made = json::parse(run(cli + " record --json --assignment " + assignment +
                                              " --answers '" + answers_file.string() + "'",
                                          &status));
        QCOMPARE(status, 0);
        const std::string cli_record = made.at("id");
        run(cli + " sync", &status);
        QCOMPARE(status, 0);
        const json pdf = json::parse(run(cli + " pdf " + cli_record + " --json --out '" +
                                             (dir / "cli-record.pdf").string() + "'",
                                         &status));
        QCOMPARE(status, 0);
        const json cli_body = stored_record(dir / "cli", cli_record);

        // Same record, same deadline, same PDF.
        const json a = comparable(app_body), b = comparable(cli_body);
        QVERIFY2(
            a == b,
            ("from the app's record to the command line's: " + json::diff(a, b).dump()).c_str());
        QVERIFY(app_body.at("photos").size() == 1);
        QVERIFY2(pdf.at("publication_deadline").get<std::string>() == app_deadline,
                 (pdf.dump() + " against " + app_deadline).c_str());
        const QString app_text = pdf_text(app_pdf), cli_text = pdf_text(pdf.at("file"));
        QVERIFY(app_text.contains(QStringLiteral("现场检查笔录")));
        QStringList app_lines = app_text.split(QLatin1Char('\n'));
        QStringList cli_lines = cli_text.split(QLatin1Char('\n'));
        // The one difference: the app takes a fix where the record is completed; the command
        // line has no position source, so its PDF has no completion place.
        const auto completed_at = [](const QString& line) {
            return line.startsWith(QStringLiteral("完成位置"));
        };
        QCOMPARE(std::count_if(app_lines.begin(), app_lines.end(), completed_at), 1);
        QCOMPARE(std::count_if(cli_lines.begin(), cli_lines.end(), completed_at), 0);
        const qsizetype at =
            std::find_if(app_lines.begin(), app_lines.end(), completed_at) - app_lines.begin();
        // The field's label wraps: "完成位置 Location at … value", then "completion".
        if (app_lines.value(at + 1) == QStringLiteral("completion"))
            app_lines.removeAt(at + 1);
        app_lines.removeAt(at);
        // The extra line moves the page breaks: compare the text, not where pages end (blank
        // lines, the pages' footers and the table headers repeated on each page left out).
        const auto blank = [](const QString& line) {
            return line.trimmed().isEmpty() || line.contains(QStringLiteral(" 页 · page ")) ||
                   line.contains(QStringLiteral("Checkpoint 结果 Answer"));
        };
        for (QString& line : app_lines)
            line.remove(QLatin1Char('\f'));
        for (QString& line : cli_lines)
            line.remove(QLatin1Char('\f'));
        app_lines.removeIf(blank);
        cli_lines.removeIf(blank);
        for (qsizetype i = 0; i < std::max(app_lines.size(), cli_lines.size()); ++i) {
            const QString x = app_lines.value(i), y = cli_lines.value(i);
            QVERIFY2(x == y,
                     qPrintable(QStringLiteral("PDF line %1: app \"%2\", command line \"%3\"")
                                    .arg(i + 1)
                                    .arg(x, y)));
        }
    }
};

QTEST_MAIN(TestTwins)
#include "test_twins.moc"
