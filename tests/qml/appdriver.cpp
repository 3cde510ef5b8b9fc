#include "appdriver.h"

#include "qml/assignmentlistmodel.h"
#include "qml/checklistcontroller.h"
#include "qml/checklistmodel.h"
#include "qml/completioncontroller.h"
#include "qml/openrecord.h"
#include "qml/problemlistmodel.h"
#include "qml/session.h"
#include "qml/synccontroller.h"
#include "support/command.h"
#include "support/serverprocess.h"

#include <QDir>
#include <QQuickStyle>
#include <QTest>
#include <algorithm>

namespace fi::test {

using app::AssignmentListModel;
using app::ChecklistModel;

std::unique_ptr<ServerProcess> start_e2e(const QTemporaryDir& central) {
    QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    QQuickStyle::setStyle(QStringLiteral("Material"));
    return std::make_unique<ServerProcess>(std::filesystem::path(central.path().toStdString()) /
                                               "central",
                                           std::vector<std::string>{"--demo"});
}

app::AppOptions e2e_options(const QString& data, const std::string& server,
                            const QString& language) {
    app::AppOptions o;
    o.data_dir = data.toStdString();
    o.server_url = QString::fromStdString(server);
    o.language = language;
    o.nmea_replay = std::filesystem::path(FI_ASSETS_DIR) / "demo" / "ezhou-walk.nmea";
    o.nmea_interval = std::chrono::milliseconds(2);
    return o;
}

app::AppOptions e2e_signed_in(const QString& data, const std::string& server, const QString& user,
                              const QString& language) {
    app::AppOptions o = e2e_options(data, server, language);
    o.username = user;
    o.password = QStringLiteral("demo1234");
    o.pin = e2e_pin;
    return o;
}

QString first_assignment(const AssignmentListModel& list, const QString& mode) {
    for (int row = 0; row < list.rowCount(); ++row)
        if (list.data(list.index(row), AssignmentListModel::ModeRole).toString() == mode)
            return list.data(list.index(row), AssignmentListModel::AssignmentIdRole).toString();
    return {};
}

std::vector<std::string> central_inspections(const std::filesystem::path& central_dir) {
    const std::string out = run_command(server_binary().string() + " admin --data " +
                                        central_dir.string() + " inspections")
                                .out;
    std::vector<std::string> lines;
    std::size_t at = 0;
    while (at < out.size()) {
        const auto end = out.find('\n', at);
        lines.push_back(out.substr(at, end - at));
        at = end == std::string::npos ? out.size() : end + 1;
    }
    return lines;
}

QString AppDriver::page_name() const {
    QQuickItem* p = page();
    return p ? p->property("pageName").toString() : QString();
}

bool AppDriver::page_ready() const {
    QQuickItem* p = page();
    return p && p->property("ready").toBool();
}

bool AppDriver::stack_busy() const {
    auto* stack = window()->findChild<QQuickItem*>(QStringLiteral("stack"));
    Q_ASSERT(stack);
    return stack->property("busy").toBool();
}

bool AppDriver::wait_page(const QString& name, int ms) const {
    if (QTest::qWaitFor([&] { return page_name() == name && page_ready() && !stack_busy(); }, ms))
        return true;
    qWarning("waited for page %s; on page %s (ready %d); session error: %s", qPrintable(name),
             qPrintable(page_name()), page_ready(), qPrintable(app_.session().error()));
    return false;
}

QQuickItem* AppDriver::find(const QString& name) const {
    if (QQuickItem* hit = find_in(page(), name))
        return hit;
    return find_in(window()->contentItem(), name);
}

QQuickItem* AppDriver::find_in(QQuickItem* root, const QString& name) {
    if (!root)
        return nullptr;
    if (root->objectName() == name && root->isVisible())
        return root;
    for (QQuickItem* child : root->childItems())
        if (QQuickItem* hit = find_in(child, name))
            return hit;
    return nullptr;
}

QQuickItem* AppDriver::wait_find(const QString& name, int ms) const {
    QQuickItem* hit = nullptr;
    if (!QTest::qWaitFor([&] { return (hit = find(name)) != nullptr; }, ms)) {
        qWarning("no visible item %s on page %s", qPrintable(name), qPrintable(page_name()));
        return nullptr;
    }
    return hit;
}

bool AppDriver::tap(QQuickItem* item) const {
    if (!item)
        return false;
    const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
    QTest::mouseClick(window(), Qt::LeftButton, {}, centre.toPoint());
    return true;
}

void AppDriver::reveal(QQuickItem* item) const {
    QQuickItem* flickable = item ? item->parentItem() : nullptr;
    while (flickable && !flickable->inherits("QQuickFlickable"))
        flickable = flickable->parentItem();
    if (!flickable)
        return;
    auto* content = flickable->property("contentItem").value<QQuickItem*>();
    const qreal y = item->mapToItem(content, QPointF(0, 0)).y();
    const qreal top = flickable->property("contentY").toReal();
    if (y >= top && y + item->height() <= top + flickable->height())
        return; // in view already
    const qreal highest =
        std::max<qreal>(0, flickable->property("contentHeight").toReal() - flickable->height());
    const qreal wanted =
        std::clamp<qreal>(y - (flickable->height() - item->height()) / 2, 0, highest);
    flickable->setProperty("contentY", wanted);
    QTest::qWait(50); // the scrolled content is laid out
}

bool AppDriver::type(const QString& name, const QString& text) const {
    QQuickItem* field = wait_find(name);
    if (!field)
        return false;
    if (QQuickItem* input = field->property("input").value<QQuickItem*>())
        field = input;
    tap(field);
    field->forceActiveFocus();
    QTest::keyClick(window(), Qt::Key_End); // the tap put the cursor where it landed
    const QString before = field->property("text").toString();
    keys(text);
    if (field->property("text").toString() != before + text) {
        qWarning("typing into %s gave \"%s\"", qPrintable(name),
                 qPrintable(field->property("text").toString()));
        return false;
    }
    return true;
}

void AppDriver::keys(const QString& text) const {
    for (const QChar c : text)
        QTest::keyClick(window(), c.toLatin1());
}

void AppDriver::screenshot(const QString& name) const {
    QTest::qWait(300); // thumbnails and fonts settle
    QDir().mkpath(QStringLiteral(FI_SCREENSHOT_DIR));
    const QImage shot = window()->grabWindow();
    QVERIFY2(shot.save(QStringLiteral(FI_SCREENSHOT_DIR "/") + name + QStringLiteral(".png")),
             qPrintable(name));
}

bool AppDriver::wait_popup(const QString& name, int ms) const {
    return QTest::qWaitFor(
        [&] {
            QObject* popup = window()->findChild<QObject*>(name);
            return popup && popup->property("opened").toBool();
        },
        ms);
}

AssignmentListModel* AppDriver::wait_today() const {
    if (!wait_page(QStringLiteral("today")))
        return nullptr;
    auto* list = object<AssignmentListModel>(QStringLiteral("assignments"));
    if (!list || !QTest::qWaitFor([&] { return list->rowCount() > 0; }, 20000)) {
        qWarning("no assignments on Today");
        return nullptr;
    }
    return list;
}

bool AppDriver::open_assignment(AssignmentListModel& list, const QString& assignment_id) const {
    QQuickItem* view = find(QStringLiteral("assignmentList"));
    if (!view)
        return false;
    for (int row = 0; row < list.rowCount(); ++row)
        if (list.data(list.index(row), AssignmentListModel::AssignmentIdRole).toString() ==
            assignment_id)
            QMetaObject::invokeMethod(view, "positionViewAtIndex", Q_ARG(int, row),
                                      Q_ARG(int, 1 /* ListView.Center */));
    QQuickItem* card = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] {
            const auto items = view->property("contentItem").value<QQuickItem*>()->childItems();
            for (QQuickItem* it : items)
                if (it->property("assignmentId").toString() == assignment_id && it->isVisible())
                    card = it;
            return card != nullptr;
        },
        5000);
    if (!shown) {
        qWarning("no card for %s on Today", qPrintable(assignment_id));
        return false;
    }
    return tap(card) && wait_page(QStringLiteral("target"));
}

void AppDriver::show_row(int row) const {
    QMetaObject::invokeMethod(find(QStringLiteral("checklist")), "positionViewAtIndex",
                              Q_ARG(int, row), Q_ARG(int, 1 /* ListView.Center */));
    QTest::qWait(100); // rows above may still change height
}

bool AppDriver::answer_row(const ChecklistModel& model, int row, const QString& pass_fail) const {
    show_row(row);
    const QModelIndex idx = model.index(row);
    const QString cp = model.data(idx, ChecklistModel::CheckpointIdRole).toString();
    const QString kind = model.data(idx, ChecklistModel::KindRole).toString();
    if (kind == QLatin1String("pass_fail"))
        return tap(find_in(wait_find(QStringLiteral("passFail_") + cp), pass_fail));
    if (kind == QLatin1String("number"))
        return type(QStringLiteral("number_") + cp, QStringLiteral("12"));
    if (kind == QLatin1String("choice"))
        return tap(QStringLiteral("choice_") + cp + QStringLiteral("_0"));
    return type(QStringLiteral("text_") + cp, QStringLiteral("ledger complete"));
}

app::OpenRecord* AppDriver::shown_record() const {
    return page() ? page()->property("record").value<app::OpenRecord*>() : nullptr;
}

app::ChecklistController* AppDriver::shown_checklist() const {
    return page() ? page()->property("controller").value<app::ChecklistController*>() : nullptr;
}

app::CompletionController* AppDriver::shown_completion() const {
    return page() ? page()->property("completion").value<app::CompletionController*>() : nullptr;
}

bool AppDriver::sign_all(app::CompletionController& editor, const QString& representative,
                         const QString& shot) const {
    app::OpenRecord& record = *editor.record();
    QObject* dialog = page()->findChild<QObject*>(QStringLiteral("signatureDialog"));
    if (!dialog) {
        qWarning("no signature dialog on the page");
        return false;
    }
    bool shot_taken = false;
    for (const QVariant& v : editor.signatures()) {
        const QVariantMap who = v.toMap();
        const bool rep = who.value(QStringLiteral("role")).toString() == u"representative";
        // The record reloads after each signature (started as the dialog closed) and the rows
        // are made anew: wait for it.
        if (!QTest::qWaitFor([&] { return !record.busy(); }, 5000))
            return false;
        QQuickItem* row = find(QStringLiteral("signatureRow_") +
                               (rep ? QStringLiteral("representative")
                                    : who.value(QStringLiteral("inspectorId")).toString()));
        QQuickItem* sign = row ? find_in(row, QStringLiteral("sign")) : nullptr;
        if (!sign) {
            qWarning("no Sign button for %s",
                     qPrintable(who.value(QStringLiteral("name")).toString()));
            return false;
        }
        reveal(sign);
        QMetaObject::invokeMethod(sign, "clicked"); // as a tap would (the row may sit low)
        if (!QTest::qWaitFor([&] { return dialog->property("opened").toBool(); }, 5000)) {
            qWarning("the signature dialog did not open");
            return false;
        }
        if (rep)
            dialog->setProperty("representativeName", representative);
        // A finger across the pad: pressed, dragged in a zigzag, lifted.
        auto* pad = dialog->property("pad").value<QQuickItem*>();
        const auto at = [&](qreal x, qreal y) { return pad->mapToScene(QPointF(x, y)).toPoint(); };
        QTest::mousePress(window(), Qt::LeftButton, {}, at(30, 60));
        for (int x = 40; x <= 300; x += 20)
            QTest::mouseMove(window(), at(x, x % 40 == 0 ? 90 : 40), 5);
        QTest::mouseRelease(window(), Qt::LeftButton, {}, at(300, 60));
        if (!shot.isEmpty() && !shot_taken) {
            screenshot(shot);
            shot_taken = true;
        }
        tap(find_in(pad->window()->contentItem(), QStringLiteral("keepSignature")));
        // Closed, and its modal shade gone (it takes taps until then).
        if (!QTest::qWaitFor([&] { return !dialog->property("visible").toBool(); }, 5000)) {
            qWarning("signature not kept: %s", qPrintable(record.error()));
            return false;
        }
    }
    return QTest::qWaitFor(
        [&] {
            const auto rows = editor.signatures();
            return std::all_of(rows.begin(), rows.end(), [](const QVariant& r) {
                return r.toMap().value(QStringLiteral("signed")).toBool();
            });
        },
        5000);
}

bool AppDriver::complete(const QString& outcome, const QString& shot) const {
    if (!tap(QStringLiteral("completeButton")) || !wait_page(QStringLiteral("complete")))
        return false;
    app::CompletionController* completion = shown_completion();
    if (!completion || !completion->record())
        return false;
    app::CompletionController& editor = *completion;
    app::OpenRecord& record = *completion->record();
    if (!tap(QStringLiteral("outcome_") + outcome) ||
        !QTest::qWaitFor([&] { return editor.outcome() == outcome; }, 5000))
        return false;
    if (editor.signaturesNeeded() && !sign_all(editor, QStringLiteral("王建国"),
                                               shot.isEmpty() ? QString() : shot + "-signature"))
        return false;
    QMetaObject::invokeMethod(&editor, "checkProblems");
    QTest::qWait(500);
    if (!shot.isEmpty())
        screenshot(shot);
    QQuickItem* now = wait_find(QStringLiteral("completeNow"));
    if (!now || !QTest::qWaitFor([&] { return now->isEnabled(); }, 10000)) {
        qWarning("cannot complete: %s", qPrintable(editor.problems()->codes().join(u',')));
        return false;
    }
    reveal(now);
    tap(now);
    QObject* confirm = page()->findChild<QObject*>(QStringLiteral("confirmComplete"));
    if (!confirm || !QTest::qWaitFor([&] { return confirm->property("opened").toBool(); }, 5000))
        return false;
    QMetaObject::invokeMethod(confirm, "accept");
    if (!QTest::qWaitFor([&] { return record.state() == QLatin1String("completed"); }, 10000)) {
        qWarning("not completed: %s", qPrintable(record.error()));
        return false;
    }
    // Its modal shade takes taps until it is gone.
    return QTest::qWaitFor([&] { return !confirm->property("visible").toBool(); }, 5000);
}

bool AppDriver::upload(int ms) const {
    if (!tap(QStringLiteral("syncButton")) || !wait_page(QStringLiteral("sync")))
        return false;
    app::SyncController& sync = app_.sync();
    if (QTest::qWaitFor([&] { return sync.unsent() == 0 && !sync.syncing(); }, ms))
        return true;
    qWarning("still unsent after %d ms: %d", ms, sync.unsent());
    return false;
}

bool AppDriver::back_to(const QString& name, int taps) const {
    for (int i = 0; i < taps && page_name() != name; ++i) {
        if (!tap(QStringLiteral("backButton")) ||
            !QTest::qWaitFor([&] { return !stack_busy(); }, 5000))
            return false;
    }
    return wait_page(name);
}

bool AppDriver::tick_team_present() const {
    QObject* detail = page()->findChild<QObject*>(QStringLiteral("assignmentDetail"));
    if (detail == nullptr)
        return false;
    for (const auto& m : detail->property("team").toList()) {
        const auto member = m.toMap();
        if (member.value(QStringLiteral("certified")).toBool() &&
            !member.value(QStringLiteral("isSelf")).toBool() &&
            !tap(QStringLiteral("present_") +
                 member.value(QStringLiteral("inspectorId")).toString()))
            return false;
    }
    return true;
}

bool AppDriver::lock_and_unlock() const {
    if (!tap(QStringLiteral("menuButton")))
        return false;
    QTest::qWait(400);
    return tap(QStringLiteral("menuLock")) && wait_page(QStringLiteral("unlock")) &&
           type(QStringLiteral("pin"), e2e_pin) && tap(QStringLiteral("unlockButton"));
}

} // namespace fi::test
