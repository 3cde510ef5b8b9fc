#pragma once

#include "qml/session.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace fi::app {

class AssignmentDetail;

/// The Re-draw page's controller: a team leader asks the central system, online, for a new
/// draw of one assignment, with the reason (conflict of interest 回避, absence, other), a note
/// and the inspectors to exclude. The central system draws; the tablet stores the revoked and
/// the new assignment and the new draw (verified here) and shows the team it got. Nothing on
/// the tablet picks a person: that is the point of the draw.
class RedrawController : public QObject {
    Q_OBJECT
    Q_MOC_INCLUDE("qml/assignmentdetail.h")
    QML_ELEMENT
    Q_PROPERTY(fi::app::Session* session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(
        QString assignmentId READ assignmentId WRITE setAssignmentId NOTIFY assignmentIdChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(bool done READ done NOTIFY doneChanged)
    Q_PROPERTY(QString revokedId READ revokedId NOTIFY doneChanged)
    Q_PROPERTY(int frozenDrafts READ frozenDrafts NOTIFY doneChanged)
    Q_PROPERTY(fi::app::AssignmentDetail* result READ result CONSTANT)
public:
    explicit RedrawController(QObject* parent = nullptr);

    Session* session() const { return session_; }
    void setSession(Session* session);
    QString assignmentId() const { return assignment_id_; }
    void setAssignmentId(const QString& id);
    bool busy() const { return busy_; }
    QString error() const { return error_; }
    bool done() const { return done_; }
    QString revokedId() const { return revoked_id_; }
    int frozenDrafts() const { return frozen_drafts_; }
    AssignmentDetail* result() const { return result_; }

    /// `reason`: conflict | absence | other.
    Q_INVOKABLE void request(const QString& reason, const QString& note,
                             const QStringList& excludeInspectorIds);

Q_SIGNALS:
    void sessionChanged();
    void assignmentIdChanged();
    void busyChanged();
    void errorChanged();
    void doneChanged();

private:
    void set_error(const QString& e);

    QPointer<Session> session_;
    QString assignment_id_;
    bool busy_ = false;
    QString error_;
    bool done_ = false;
    QString revoked_id_;
    int frozen_drafts_ = 0;
    AssignmentDetail* result_;
};

} // namespace fi::app
