#include "qml/redrawcontroller.h"

#include "qml/applayer.h"
#include "qml/assignmentdetail.h"
#include "qml/session.h"
#include "qml/storethread.h"
#include "qml/usermessages.h"

namespace fi::app {

RedrawController::RedrawController(QObject* parent)
    : QObject(parent), result_(new AssignmentDetail(this)) {}

void RedrawController::setSession(Session* session) {
    if (session == session_)
        return;
    session_ = session;
    Q_EMIT sessionChanged();
}

void RedrawController::setAssignmentId(const QString& id) {
    if (id == assignment_id_)
        return;
    assignment_id_ = id;
    Q_EMIT assignmentIdChanged();
}

void RedrawController::set_error(const QString& e) {
    if (e == error_)
        return;
    error_ = e;
    Q_EMIT errorChanged();
}

void RedrawController::request(const QString& reason, const QString& note,
                               const QStringList& excludeInspectorIds) {
    if (!session_ || busy_ || assignment_id_.isEmpty())
        return;
    if (reason != QLatin1String("conflict") && reason != QLatin1String("absence") &&
        reason != QLatin1String("other")) {
        set_error(tr("Choose the reason for the new draw."));
        return;
    }
    if (reason == QLatin1String("other") && note.trimmed().isEmpty()) {
        set_error(tr("Say in the note why a new draw is needed."));
        return;
    }
    std::vector<std::string> exclude;
    for (const auto& id : excludeInspectorIds)
        exclude.push_back(id.toStdString());
    busy_ = true;
    Q_EMIT busyChanged();
    set_error({});
    session_->store().run(
        this,
        [id = assignment_id_.toStdString(), r = reason.toStdString(),
         n = note.trimmed().toStdString(),
         exclude](Tablet& b) { return b.sync.redraw(id, r, n, exclude); },
        [this](Result<RedrawOutcome> r) {
            busy_ = false;
            Q_EMIT busyChanged();
            if (!r) {
                set_error(UserMessages::error(r.error()));
                return;
            }
            revoked_id_ = QString::fromStdString(r->revoked_id);
            frozen_drafts_ = r->frozen_drafts;
            result_->set_view(r->fresh);
            done_ = true;
            Q_EMIT doneChanged();
            session_->notify_data_changed();
        });
}

} // namespace fi::app
