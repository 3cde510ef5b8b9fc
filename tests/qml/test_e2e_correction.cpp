// A correction end to end (issue 18): the real app, offscreen, against the real reference
// server (a child process with its demo data). An off-site record (no position, no signatures)
// is completed and uploaded; on its record page "Correct this record…" asks the reason and
// opens the new draft, prefilled; one answer is changed, the draft completed and uploaded.
// The central system then holds both records, the second superseding the first with the
// reason and the changed answer; correcting the original again is refused by the app, which
// says to correct the newest version. A few pages are saved as PNGs in FI_SCREENSHOT_DIR.
#include "appdriver.h"
#include "core/database.h"
#include "core/statement.h"
#include "qml/application.h"
#include "qml/assignmentlistmodel.h"
#include "qml/checklistcontroller.h"
#include "qml/checklistmodel.h"
#include "qml/completioncontroller.h"
#include "qml/openrecord.h"
#include "qml/usermessages.h"
#include "support/serverprocess.h"

#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>
#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>

Q_IMPORT_QML_PLUGIN(FieldInspectPlugin)

using namespace fi;
using namespace fi::app;
using fi::test::AppDriver;
using nlohmann::json;

namespace {

/// One record as the central system keeps it.
struct CentralRecord {
    std::string id;
    std::optional<std::string> supersedes;
    json body;
};

/// The records the central system holds for an assignment, in the order received, read from
/// its database (read-only, beside the running server): `admin inspections` does not show
/// what a record supersedes or why.
std::vector<CentralRecord> central_records(const std::filesystem::path& central_dir,
                                           const std::string& assignment_id) {
    OpenOptions o;
    o.mode = OpenOptions::Mode::read_only;
    o.encrypted = false;
    auto db = Database::open(central_dir / "server.db", SecretKey{}, o);
    if (!db) {
        qWarning("server.db: %s", db.error().message.c_str());
        return {};
    }
    auto st = db->prepare("SELECT id, supersedes, body FROM inspections WHERE assignment_id = ?1 "
                          "ORDER BY received_at, rowid");
    if (!st)
        return {};
    st->bind_all(assignment_id);
    std::vector<CentralRecord> out;
    for (auto row = st->step(); row.ok() && *row; row = st->step())
        out.push_back(
            {st->column_string(0), st->column_optional_string(1), json::parse(st->column_text(2))});
    return out;
}

/// A JSON string as its text, anything else as JSON (for QCOMPARE).
QString text_of(const json& j) {
    return QString::fromStdString(j.is_string() ? j.get<std::string>() : j.dump());
}

/// The answer to `checkpoint_id` in a record's body.
json answer_in(const json& body, const std::string& checkpoint_id) {
    for (const json& a : body.at("answers"))
        if (a.at("checkpoint_id") == checkpoint_id)
            return a.at("value");
    return nullptr;
}

/// The visible delegate under `root` made for the model entry whose `value` is `value`
/// (the start dialog's off-site methods, offered as radio buttons).
QQuickItem* choice_for(QQuickItem* root, const QString& value) {
    if (!root)
        return nullptr;
    if (root->isVisible() &&
        root->property("modelData").toMap().value(QStringLiteral("value")).toString() == value)
        return root;
    for (QQuickItem* child : root->childItems())
        if (QQuickItem* hit = choice_for(child, value))
            return hit;
    return nullptr;
}

} // namespace

class TestCorrectionEndToEnd : public QObject {
    Q_OBJECT
private:
    QTemporaryDir central_;
    std::unique_ptr<test::ServerProcess> server_;

private Q_SLOTS:
    void initTestCase() { server_ = test::start_e2e(central_); }

    void a_correction_supersedes_the_uploaded_record_at_the_central_system() {
        // leader1: the demo draws this leader an off-site target.
        QTemporaryDir tablet;
        Application app(test::e2e_signed_in(tablet.path(), server_->base_url(),
                                            QStringLiteral("leader1"), QStringLiteral("en")));
        QVERIFY(app.load());
        AppDriver d(app);
        AssignmentListModel* list = d.wait_today();
        QVERIFY(list);
        const QString assignment = test::first_assignment(*list, QStringLiteral("offsite"));
        QVERIFY2(!assignment.isEmpty(), "no off-site assignment for leader1 in the demo draw");

        // Start it off site, by document review; answer every checkpoint; complete; upload.
        QVERIFY(d.open_assignment(*list, assignment));
        QVERIFY(d.tap(QStringLiteral("startButton")));
        QVERIFY(d.wait_popup(QStringLiteral("startDialog")));
        QVERIFY(d.tap(choice_for(d.window()->contentItem(), QStringLiteral("document_review"))));
        QTRY_VERIFY(d.find(QStringLiteral("confirmStart"))->isEnabled());
        QVERIFY(d.tap(QStringLiteral("confirmStart")));
        QVERIFY(d.wait_page(QStringLiteral("checklist")));
        OpenRecord* record = d.shown_record();
        ChecklistController* checklist = d.shown_checklist();
        QVERIFY(record && checklist);
        QTRY_VERIFY(record->loaded());
        CompletionController view; // the record as the Complete page reads it
        view.setRecord(record);
        QCOMPARE(view.offsiteMethod(), QStringLiteral("document_review"));
        ChecklistModel* model = checklist->checklist();
        for (int row = 0; row < model->rowCount(); ++row) {
            QVERIFY(d.answer_row(*model, row));
            QTRY_VERIFY(model->data(model->index(row), ChecklistModel::AnsweredRole).toBool());
        }
        QVERIFY(d.complete(QStringLiteral("no_problem")));
        const QString first = record->recordId();
        QVERIFY(d.upload());

        // Its record page, as an inspector finds it again: Today, the target, the record.
        QVERIFY(d.back_to(QStringLiteral("today")));
        list = d.object<AssignmentListModel>(QStringLiteral("assignments"));
        QVERIFY(d.open_assignment(*list, assignment));
        QVERIFY(d.tap(QStringLiteral("viewRecordButton")));
        QVERIFY(d.wait_page(QStringLiteral("checklist")));
        OpenRecord* original_record = d.shown_record();
        QVERIFY(original_record);
        QTRY_VERIFY(original_record->loaded());
        QCOMPARE(original_record->recordId(), first);
        QTRY_COMPARE_WITH_TIMEOUT(original_record->state(), QStringLiteral("uploaded"), 5000);
        QVERIFY(d.tap(QStringLiteral("completeButton"))); // "Summary" on a completed record
        QVERIFY(d.wait_page(QStringLiteral("complete")));
        CompletionController* original = d.shown_completion();
        QVERIFY(original);
        QCOMPARE(original->record(), original_record);
        QVERIFY(original->correctable());

        // "Correct this record…": the reason, then the new draft opens on its checklist.
        const QString reason = QStringLiteral("permit number misread");
        QQuickItem* correct = d.wait_find(QStringLiteral("correctButton"));
        QVERIFY(correct);
        d.reveal(correct);
        d.screenshot(QStringLiteral("correction-01-record"));
        QVERIFY(d.tap(correct));
        QVERIFY(d.wait_popup(QStringLiteral("correctDialog")));
        QVERIFY(d.type(QStringLiteral("correctionReasonField"), reason));
        d.screenshot(QStringLiteral("correction-02-reason"));
        QTest::keyClick(d.window(), Qt::Key_Return);
        QVERIFY(d.wait_page(QStringLiteral("checklist")));
        OpenRecord* fix_record = d.shown_record();
        QVERIFY(fix_record && fix_record != original_record);
        QTRY_VERIFY(fix_record->loaded());
        CompletionController fix_view;
        fix_view.setRecord(fix_record);
        CompletionController* fix = &fix_view;
        ChecklistController* fix_checklist = d.shown_checklist();
        QVERIFY(fix_checklist);
        const QString second = fix_record->recordId();
        QVERIFY(!second.isEmpty() && second != first);
        QCOMPARE(fix_record->state(), QStringLiteral("draft"));
        QCOMPARE(fix->supersedes(), first);
        QCOMPARE(fix->correctionReason(), reason);
        // Prefilled from the record it corrects.
        QCOMPARE(fix->answerCount(), original->answerCount());
        QCOMPARE(fix->requiredAnswered(), fix->requiredTotal());
        QCOMPARE(fix->outcome(), original->outcome());
        QCOMPARE(fix->offsiteMethod(), QStringLiteral("document_review"));

        // Change one answer: a text (or a number) typed further through its editor.
        model = fix_checklist->checklist();
        int changed = -1;
        for (const QString& kind : {QStringLiteral("text"), QStringLiteral("number")})
            for (int row = 0; row < model->rowCount() && changed < 0; ++row)
                if (model->data(model->index(row), ChecklistModel::KindRole).toString() == kind)
                    changed = row;
        QVERIFY2(changed >= 0, "no text or number checkpoint to correct");
        const QModelIndex at = model->index(changed);
        const QString cp = model->data(at, ChecklistModel::CheckpointIdRole).toString();
        const bool text = model->data(at, ChecklistModel::KindRole).toString() == u"text";
        const QVariant before = model->data(at, ChecklistModel::ValueRole);
        d.show_row(changed);
        QVERIFY(d.type((text ? QStringLiteral("text_") : QStringLiteral("number_")) + cp,
                       text ? QStringLiteral(" (corrected)") : QStringLiteral("3")));
        QTRY_VERIFY(model->data(model->index(changed), ChecklistModel::ValueRole) != before);
        const QVariant after = model->data(model->index(changed), ChecklistModel::ValueRole);
        d.screenshot(QStringLiteral("correction-03-draft"));
        QVERIFY(d.complete(fix->outcome(), QStringLiteral("correction-04-complete")));
        QVERIFY(d.upload());

        // The central system holds both: the second supersedes the first, with the reason.
        const auto lines = test::central_inspections(server_->data_dir());
        for (const QString& id : {first, second})
            QVERIFY2(std::count_if(lines.begin(), lines.end(),
                                   [&](const std::string& l) {
                                       return l.find(id.toStdString()) != std::string::npos &&
                                              l.find(assignment.toStdString()) != std::string::npos;
                                   }) == 1,
                     qPrintable(id));
        const auto held = central_records(server_->data_dir(), assignment.toStdString());
        QCOMPARE(held.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(held[0].id), first);
        QVERIFY(!held[0].supersedes);
        QVERIFY(held[0].body.at("correction_reason").is_null());
        QCOMPARE(QString::fromStdString(held[1].id), second);
        QCOMPARE(QString::fromStdString(held[1].supersedes.value_or("")), first);
        QCOMPARE(text_of(held[1].body.at("supersedes")), first);
        QCOMPARE(text_of(held[1].body.at("correction_reason")), reason);
        const json was = answer_in(held[0].body, cp.toStdString());
        const json now = answer_in(held[1].body, cp.toStdString());
        QCOMPARE(text_of(was), before.toString());
        QCOMPARE(text_of(now), after.toString());

        // Back on the original's page, left on the stack all along: it followed the store
        // (its record reloaded when the correction was completed), so it no longer offers
        // "Correct this record…"; its chain is the two uploaded records.
        for (int i = 0;
             i < 4 && !(d.page_name() == u"complete" && d.shown_completion() == original); ++i) {
            QVERIFY(d.tap(QStringLiteral("backButton")));
            QTRY_VERIFY(!d.stack_busy());
        }
        QVERIFY(d.wait_page(QStringLiteral("complete")));
        QCOMPARE(d.shown_completion(), original);
        QTRY_VERIFY(original->versions().size() == 2 &&
                    original->versions()[1].toMap().value(QStringLiteral("state")).toString() ==
                        u"uploaded");
        QVERIFY(!original->correctable());
        QTRY_VERIFY(!d.find(QStringLiteral("correctButton")));
        QCOMPARE(original->versions()[1].toMap().value(QStringLiteral("recordId")).toString(),
                 second);
        // Asked all the same (an older version), the service refuses; no draft is made.
        original->correct(QStringLiteral("once more"));
        QTRY_COMPARE_WITH_TIMEOUT(original_record->error(),
                                  UserMessages::error(QStringLiteral("not_chain_head"), {}), 5000);
        QVERIFY(original_record->error().contains(u"newest version"));
        d.screenshot(QStringLiteral("correction-05-refused"));
        QTest::qWait(300); // nothing opens
        QCOMPARE(d.page_name(), QStringLiteral("complete"));
        QCOMPARE(d.shown_completion(), original);
        QCOMPARE(central_records(server_->data_dir(), assignment.toStdString()).size(),
                 std::size_t(2));
    }
};

QTEST_MAIN(TestCorrectionEndToEnd)
#include "test_e2e_correction.moc"
