#pragma once

#include "qml/applayer.h"
#include "qml/locationservice.h"
#include "qml/session.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace fi::app {

/// The Target page's controller: one assignment as the tablet holds it — the target's
/// identity with its credit-code check, tags, joint departments, items with their legal
/// basis, the draw and whether it verifies here, the team with certificates — and starting
/// its inspection (time and place recorded, who is present). It offers no way to change the
/// team or the target: that is the central system's, through a re-draw.
class AssignmentDetail : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(fi::app::Session* session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(
        fi::app::LocationService* location READ location WRITE setLocation NOTIFY locationChanged)
    Q_PROPERTY(
        QString assignmentId READ assignmentId WRITE setAssignmentId NOTIFY assignmentIdChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY changed)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(QString targetName READ targetName NOTIFY changed)
    Q_PROPERTY(QString targetId READ targetId NOTIFY changed)
    Q_PROPERTY(QString creditCode READ creditCode NOTIFY changed)
    Q_PROPERTY(bool creditCodeValid READ creditCodeValid NOTIFY changed)
    Q_PROPERTY(QString creditCodeProblem READ creditCodeProblem NOTIFY changed)
    Q_PROPERTY(QString legalRep READ legalRep NOTIFY changed)
    Q_PROPERTY(QString address READ address NOTIFY changed)
    Q_PROPERTY(QString district READ district NOTIFY changed)
    Q_PROPERTY(QString category READ category NOTIFY changed)
    Q_PROPERTY(QString mode READ mode NOTIFY changed)
    Q_PROPERTY(QString planName READ planName NOTIFY changed)
    Q_PROPERTY(QString planKind READ planKind NOTIFY changed)
    Q_PROPERTY(QString planUnit READ planUnit NOTIFY changed)
    Q_PROPERTY(QString window READ window NOTIFY changed)
    Q_PROPERTY(int revision READ revision NOTIFY changed)
    Q_PROPERTY(bool revoked READ revoked NOTIFY changed)
    Q_PROPERTY(QString drawId READ drawId NOTIFY changed)
    Q_PROPERTY(bool drawVerified READ drawVerified NOTIFY changed)
    Q_PROPERTY(QString drawMessage READ drawMessage NOTIFY changed)
    Q_PROPERTY(QString exclusionReason READ exclusionReason NOTIFY changed)
    /// Interface 1.1: how the draw was made, who holds part of its seed, what this tablet
    /// checked (sentences, translated), and the public log's re-draws of this target.
    Q_PROPERTY(QString drawAlgorithm READ drawAlgorithm NOTIFY changed)
    Q_PROPERTY(QVariantList drawParties READ drawParties NOTIFY changed)
    Q_PROPERTY(QStringList drawChecks READ drawChecks NOTIFY changed)
    Q_PROPERTY(QVariantList redrawHistory READ redrawHistory NOTIFY changed)
    Q_PROPERTY(QVariantList tags READ tags NOTIFY changed)
    Q_PROPERTY(QStringList jointDepartments READ jointDepartments NOTIFY changed)
    Q_PROPERTY(QString jointDepartmentsText READ jointDepartmentsText NOTIFY changed)
    Q_PROPERTY(QVariantList items READ items NOTIFY changed)
    Q_PROPERTY(QString unknownItemsText READ unknownItemsText NOTIFY changed)
    Q_PROPERTY(QVariantList team READ team NOTIFY changed)
    Q_PROPERTY(QVariantList drawnTeam READ drawnTeam NOTIFY changed)
    Q_PROPERTY(QString state READ state NOTIFY changed)
    Q_PROPERTY(QString recordId READ recordId NOTIFY changed)
    Q_PROPERTY(bool selfIsLeader READ selfIsLeader NOTIFY changed)
public:
    explicit AssignmentDetail(QObject* parent = nullptr);

    Session* session() const { return session_; }
    void setSession(Session* session);
    LocationService* location() const { return location_; }
    void setLocation(LocationService* location);
    QString assignmentId() const { return assignment_id_; }
    void setAssignmentId(const QString& id);

    bool loaded() const { return loaded_; }
    bool busy() const { return busy_; }
    QString error() const { return error_; }
    QString targetName() const;
    QString targetId() const;
    QString creditCode() const;
    bool creditCodeValid() const { return view_.credit.valid(); }
    QString creditCodeProblem() const;
    QString legalRep() const;
    QString address() const;
    QString district() const;
    QString category() const;
    QString mode() const;
    QString planName() const;
    QString planKind() const;
    QString planUnit() const;
    QString window() const;
    int revision() const { return view_.assignment.revision; }
    bool revoked() const { return view_.assignment.status == AssignmentStatus::revoked; }
    QString drawId() const;
    bool drawVerified() const { return view_.draw_verified; }
    QString drawMessage() const;
    QString exclusionReason() const;
    QString drawAlgorithm() const { return QString::fromStdString(view_.draw_algorithm); }
    QVariantList drawParties() const;
    QStringList drawChecks() const;
    QVariantList redrawHistory() const;
    QVariantList tags() const;
    QStringList jointDepartments() const;
    QVariantList items() const;
    QString jointDepartmentsText() const { return jointDepartments().join(QStringLiteral("、")); }
    QString unknownItemsText() const;
    QVariantList team() const;
    /// The team the draw chose (leader and members): experts are the plan's, not drawn.
    QVariantList drawnTeam() const;
    QString state() const;
    QString recordId() const { return QString::fromStdString(view_.record_id); }
    bool selfIsLeader() const;

    /// How many of `inspectorIds` count toward the two certified officers on site.
    Q_INVOKABLE int certifiedAmong(const QStringList& inspectorIds) const;
    /// Start the inspection now: a draft with the trusted time, the present team members,
    /// and the place (on site) or the off-site method. started(recordId) when stored.
    Q_INVOKABLE void startInspection(const QStringList& present, const QString& offsiteMethod);
    Q_INVOKABLE void reload();

    /// Show a view directly (the store's answer; the Re-draw page and tests).
    void set_view(AssignmentView view);

Q_SIGNALS:
    void sessionChanged();
    void locationChanged();
    void assignmentIdChanged();
    void changed();
    void busyChanged();
    void errorChanged();
    void started(const QString& recordId);

private:
    void set_error(const QString& e);
    void set_busy(bool b);

    QPointer<Session> session_;
    QPointer<LocationService> location_;
    QMetaObject::Connection data_changed_;
    QString assignment_id_;
    AssignmentView view_;
    bool loaded_ = false;
    bool busy_ = false;
    QString error_;
};

} // namespace fi::app
