#pragma once

#include "qml/applayer.h"
#include "qml/locationservice.h"
#include "qml/session.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <QVariant>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <functional>
#include <memory>

namespace fi::platform {
class Camera;
}

namespace fi::app {

class ChecklistModel;
class PhotoListModel;
class ProblemListModel;

/// One inspection record being filled in (Checklist, Photos and Complete pages share it):
/// answers, findings, photos, who was present and where, the outcome with its fixed public
/// wording, the confidential flag with its reason and ground. Every change autosaves
/// (RecordStore::save_draft, shortly after the last edit, on the store thread); photos go straight
/// into the encrypted store. The rules are the store's (completion_problems); completing locks the
/// record for good, and a completed record is shown read-only.
class InspectionEditor : public QObject {
    Q_OBJECT
    Q_MOC_INCLUDE("qml/checklistmodel.h")
    Q_MOC_INCLUDE("qml/photolistmodel.h")
    Q_MOC_INCLUDE("qml/problemlistmodel.h")
    QML_ELEMENT
    Q_PROPERTY(fi::app::Session* session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(
        fi::app::LocationService* location READ location WRITE setLocation NOTIFY locationChanged)
    Q_PROPERTY(QString recordId READ recordId WRITE setRecordId NOTIFY recordIdChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadedChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(QString saveState READ saveState NOTIFY saveStateChanged)
    Q_PROPERTY(QString state READ state NOTIFY recordChanged)
    Q_PROPERTY(bool readOnly READ readOnly NOTIFY recordChanged)
    Q_PROPERTY(QString assignmentId READ assignmentId NOTIFY loadedChanged)
    Q_PROPERTY(QString targetName READ targetName NOTIFY loadedChanged)
    Q_PROPERTY(QString planName READ planName NOTIFY loadedChanged)
    Q_PROPERTY(QString mode READ mode NOTIFY loadedChanged)
    Q_PROPERTY(QString inspectionDay READ inspectionDay NOTIFY recordChanged)
    Q_PROPERTY(QString startedAt READ startedAt NOTIFY recordChanged)
    Q_PROPERTY(QString finishedAt READ finishedAt NOTIFY recordChanged)
    Q_PROPERTY(QString clockSource READ clockSource NOTIFY recordChanged)
    Q_PROPERTY(bool hasLocation READ hasLocation NOTIFY recordChanged)
    Q_PROPERTY(QString locationText READ locationText NOTIFY recordChanged)
    /// Metres from the start location to the target's known position; empty when either is
    /// unknown. `farFromTarget`: beyond far_from_target_m (the central system flags it).
    Q_PROPERTY(QString distanceText READ distanceText NOTIFY recordChanged)
    Q_PROPERTY(bool farFromTarget READ farFromTarget NOTIFY recordChanged)
    /// Where the record was completed and its distance to the target, once completed.
    Q_PROPERTY(QString completedLocationText READ completedLocationText NOTIFY recordChanged)
    Q_PROPERTY(QString completedDistanceText READ completedDistanceText NOTIFY recordChanged)
    Q_PROPERTY(bool locationSimulated READ locationSimulated NOTIFY recordChanged)
    Q_PROPERTY(QString offsiteMethod READ offsiteMethod WRITE setOffsiteMethod NOTIFY recordChanged)
    Q_PROPERTY(QVariantList team READ team NOTIFY recordChanged)
    Q_PROPERTY(int certifiedPresent READ certifiedPresent NOTIFY recordChanged)
    Q_PROPERTY(int requiredAnswered READ requiredAnswered NOTIFY recordChanged)
    Q_PROPERTY(int requiredTotal READ requiredTotal NOTIFY recordChanged)
    Q_PROPERTY(int answerCount READ answerCount NOTIFY recordChanged)
    Q_PROPERTY(int failCount READ failCount NOTIFY recordChanged)
    Q_PROPERTY(int findingCount READ findingCount NOTIFY recordChanged)
    Q_PROPERTY(int photoCount READ photoCount NOTIFY recordChanged)
    Q_PROPERTY(QVariantList findings READ findings NOTIFY recordChanged)
    Q_PROPERTY(QVariantList photoTargets READ photoTargets NOTIFY recordChanged)
    Q_PROPERTY(QString outcome READ outcome WRITE setOutcome NOTIFY recordChanged)
    Q_PROPERTY(QString publicText READ publicText NOTIFY recordChanged)
    Q_PROPERTY(bool noProblemAllowed READ noProblemAllowed NOTIFY recordChanged)
    Q_PROPERTY(bool confidential READ confidential WRITE setConfidential NOTIFY recordChanged)
    Q_PROPERTY(QString confidentialReason READ confidentialReason WRITE setConfidentialReason NOTIFY
                   recordChanged)
    /// The legal ground of a confidential result (interface 1.1): state_secret,
    /// national_security, public_safety, other_law, or empty while none is chosen.
    Q_PROPERTY(QString confidentialGround READ confidentialGround WRITE setConfidentialGround NOTIFY
                   recordChanged)
    Q_PROPERTY(bool drawVerified READ drawVerified NOTIFY recordChanged)
    Q_PROPERTY(QString publicationDeadline READ publicationDeadline NOTIFY recordChanged)
    Q_PROPERTY(bool deadlineProvisional READ deadlineProvisional NOTIFY recordChanged)
    Q_PROPERTY(QVariantList versions READ versions NOTIFY recordChanged)
    Q_PROPERTY(bool correctable READ correctable NOTIFY recordChanged)
    Q_PROPERTY(QString supersedes READ supersedes NOTIFY recordChanged)
    Q_PROPERTY(QString correctionReason READ correctionReason NOTIFY recordChanged)
    Q_PROPERTY(bool signaturesNeeded READ signaturesNeeded NOTIFY recordChanged)
    Q_PROPERTY(QVariantList signatures READ signatures NOTIFY recordChanged)
    Q_PROPERTY(QString pdfPath READ pdfPath NOTIFY pdfChanged)
    Q_PROPERTY(QUrl pdfUrl READ pdfUrl NOTIFY pdfChanged)
    Q_PROPERTY(bool pdfBusy READ pdfBusy NOTIFY pdfChanged)
    Q_PROPERTY(QString pdfError READ pdfError NOTIFY pdfChanged)
    Q_PROPERTY(bool cameraAvailable READ cameraAvailable CONSTANT)
    Q_PROPERTY(QString cameraUnavailableReason READ cameraUnavailableReason CONSTANT)
    Q_PROPERTY(fi::app::ChecklistModel* checklist READ checklist CONSTANT)
    Q_PROPERTY(fi::app::PhotoListModel* photos READ photos CONSTANT)
    Q_PROPERTY(fi::app::ProblemListModel* problems READ problems CONSTANT)
public:
    /// Autosave this long after the last edit (typing a note is many edits).
    static constexpr std::chrono::milliseconds autosave_delay{400};

    explicit InspectionEditor(QObject* parent = nullptr);
    ~InspectionEditor() override;

    Session* session() const { return session_; }
    void setSession(Session* session);
    LocationService* location() const { return location_; }
    void setLocation(LocationService* location);
    QString recordId() const { return record_id_; }
    void setRecordId(const QString& id);

    bool loaded() const { return loaded_; }
    bool busy() const { return busy_ > 0; }
    QString error() const { return error_; }
    /// saved | saving | unsaved | failed
    QString saveState() const { return save_state_; }
    QString state() const;
    bool readOnly() const { return !loaded_ || opened_.stored.state != RecordState::draft; }
    QString assignmentId() const;
    QString targetName() const;
    QString planName() const;
    QString mode() const;
    QString inspectionDay() const;
    QString startedAt() const;
    QString finishedAt() const;
    QString clockSource() const;
    bool hasLocation() const { return record().location.has_value(); }
    QString locationText() const;
    QString distanceText() const;
    bool farFromTarget() const;
    QString completedLocationText() const;
    QString completedDistanceText() const;
    bool locationSimulated() const { return opened_.place && opened_.place->simulated; }
    QString offsiteMethod() const;
    void setOffsiteMethod(const QString& method);
    QVariantList team() const;
    int certifiedPresent() const;
    int requiredAnswered() const;
    int requiredTotal() const;
    int answerCount() const { return static_cast<int>(record().answers.size()); }
    int failCount() const;
    int findingCount() const { return static_cast<int>(record().findings.size()); }
    int photoCount() const { return static_cast<int>(record().photos.size()); }
    QVariantList findings() const;
    /// What a new photo can be for: the inspection in general, or one of the findings.
    QVariantList photoTargets() const;
    QString outcome() const;
    void setOutcome(const QString& outcome);
    QString publicText() const;
    bool noProblemAllowed() const { return failCount() == 0; }
    bool confidential() const { return record().confidential; }
    void setConfidential(bool on);
    QString confidentialReason() const;
    void setConfidentialReason(const QString& reason);
    QString confidentialGround() const;
    void setConfidentialGround(const QString& ground);
    bool drawVerified() const { return record().draw_verified; }
    QString publicationDeadline() const;
    bool deadlineProvisional() const { return opened_.deadline_provisional; }
    /// The record's correction chain, oldest first: {recordId, state, completedAt, reason,
    /// current} each (the service's list, in the page's words).
    QVariantList versions() const;
    /// The service says a correction of this record can be started (or reopened).
    bool correctable() const { return loaded_ && opened_.correctable; }
    /// The record this one corrects and why (empty for an original).
    QString supersedes() const;
    QString correctionReason() const;
    /// An on-site record is signed (interface 1.1); a completed one made before signatures
    /// shows none.
    bool signaturesNeeded() const;
    /// Who signs, in order: each inspector present {role "inspector", inspectorId, name,
    /// signed, signedAt}, then the unit's representative {role "representative", name,
    /// position, signed, refused, reason, signedAt}. What is missing is the rules' to say
    /// (the problems list).
    QVariantList signatures() const;
    /// The inspection record PDF made last (empty until made), and whether one is being made.
    QString pdfPath() const { return pdf_path_; }
    QUrl pdfUrl() const;
    bool pdfBusy() const { return pdf_busy_; }
    QString pdfError() const { return pdf_error_; }
    bool cameraAvailable();
    QString cameraUnavailableReason();
    ChecklistModel* checklist() const { return checklist_; }
    PhotoListModel* photos() const { return photos_; }
    ProblemListModel* problems() const { return problems_; }

    /// Answer a checkpoint: "pass" / "fail" / "na", a number, a text or a choice; an empty
    /// value clears the answer. A fail makes room for its finding; a fail changed back drops
    /// an empty finding.
    Q_INVOKABLE void setAnswer(const QString& itemId, const QString& checkpointId,
                               const QVariant& value);
    Q_INVOKABLE void setNote(const QString& itemId, const QString& checkpointId,
                             const QString& note);
    /// Describe the finding of a checkpoint (made on first use); returns its id.
    Q_INVOKABLE QString setFinding(const QString& itemId, const QString& checkpointId,
                                   const QString& description);
    /// Mark a team member present or not.
    Q_INVOKABLE void setPresent(const QString& inspectorId, bool present);
    /// Import a picture file into the store, for a finding or for the record in general.
    Q_INVOKABLE void importPhoto(const QUrl& file, const QString& findingId);
    /// Take a picture with the camera (where there is one), for a finding or in general.
    Q_INVOKABLE void capturePhoto(const QString& findingId);
    /// Delete a photo (only before completion).
    Q_INVOKABLE void removePhoto(const QString& photoId);
    /// Save now and ask the store what still blocks completion (fills `problems`).
    Q_INVOKABLE void checkProblems();
    /// Complete: locked, chained and queued for upload; completed() when done, else the
    /// problems are listed.
    Q_INVOKABLE void complete();
    /// Save what is pending now (leaving the page).
    Q_INVOKABLE void saveNow();
    /// Make the inspection record (现场检查笔录) PDF of the completed record on the store
    /// thread, into `file`, the place the user chose in the save dialog (nothing is written
    /// anywhere else); pdfReady(path) when written.
    Q_INVOKABLE void makeRecordPdf(const QUrl& file);
    /// Correct this completed record with `reason` (RecordService::correct, on the store
    /// thread): correctionOpened with the new draft, or with the correction already being
    /// written for this chain; the service's refusal in `error` otherwise.
    Q_INVOKABLE void correct(const QString& reason);
    /// Keep a signature drawn on the pad (SignatureService, on the store thread): `strokes` a
    /// list of strokes, each a flat list x0, y0, x1, y1, … in a `width` × `height` pad.
    /// signatureKept on success, the service's refusal in `error` otherwise.
    Q_INVOKABLE void signInspector(const QString& inspectorId, const QVariantList& strokes,
                                   qreal width, qreal height);
    Q_INVOKABLE void signRepresentative(const QString& name, const QString& position,
                                        const QVariantList& strokes, qreal width, qreal height);
    /// The representative refused to sign; the reason is required (the service says so).
    Q_INVOKABLE void recordRefusal(const QString& reason);

Q_SIGNALS:
    void sessionChanged();
    void locationChanged();
    void recordIdChanged();
    void loadedChanged();
    void busyChanged();
    void errorChanged();
    void saveStateChanged();
    void recordChanged();
    void completed();
    /// A photo landed in the store (for the page to show it).
    void photoAdded(const QString& photoId);
    /// An autosave reached the store (tests wait for it).
    void saved();
    void pdfChanged();
    /// The record's PDF was written to `path`.
    void pdfReady(const QString& path);
    /// A correction's draft to open (`alreadyStarted`: it existed; none was made).
    void correctionOpened(const QString& recordId, bool alreadyStarted);
    /// A signature (or the refusal) was kept.
    void signatureKept();

private:
    const InspectionRecord& record() const { return opened_.stored.record; }
    InspectionRecord& edit();
    void load();
    void show(OpenedRecord opened);
    void changed();
    void save();
    void set_error(const QString& e);
    void set_save_state(const QString& s);
    void begin();
    void end();
    void publish_record();
    void set_problems(const Problems& problems);
    void attach_location_if_missing();
    void import_image(const QImage& image, const std::string& finding_id);
    /// Save, run a SignatureService call on the store thread, then reload.
    void keep_signature(std::function<Result<Signature>(services::Tablet&)> work);

    QPointer<Session> session_;
    QPointer<LocationService> location_;
    QString record_id_;
    OpenedRecord opened_;
    bool loaded_ = false;
    bool dirty_ = false;
    int busy_ = 0;
    QString error_;
    QString save_state_ = QStringLiteral("saved");
    QTimer autosave_;
    ChecklistModel* checklist_;
    PhotoListModel* photos_;
    ProblemListModel* problems_;
    /// Made on first use: opening the multimedia back end is not free.
    platform::Camera& camera();
    std::unique_ptr<platform::Camera> camera_;
    std::string camera_finding_;
    QString pdf_path_;
    QString pdf_error_;
    bool pdf_busy_ = false;
};

} // namespace fi::app
