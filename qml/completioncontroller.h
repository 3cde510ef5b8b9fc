#pragma once

#include "qml/recordcontroller.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <functional>

namespace fi::app {

class ProblemListModel;

/// The Complete page's controller over an OpenRecord (also the record page of a completed
/// record): the summary, who was there and where, the outcome with its fixed public wording,
/// confidentiality with its reason and legal ground, the signatures, what still blocks
/// completion, completing, and for a completed record its publication, versions, correction
/// and PDF. The rules are the store's (completion_problems); the operations are the
/// services', on the store thread. Each group of properties notifies on its own.
class CompletionController : public fi::app::RecordController {
    Q_OBJECT
    Q_MOC_INCLUDE("qml/problemlistmodel.h")
    QML_ELEMENT
    // The summary (answers, findings, photos).
    Q_PROPERTY(int answerCount READ answerCount NOTIFY summaryChanged)
    Q_PROPERTY(int requiredAnswered READ requiredAnswered NOTIFY summaryChanged)
    Q_PROPERTY(int requiredTotal READ requiredTotal NOTIFY summaryChanged)
    Q_PROPERTY(int failCount READ failCount NOTIFY summaryChanged)
    Q_PROPERTY(int findingCount READ findingCount NOTIFY summaryChanged)
    Q_PROPERTY(int photoCount READ photoCount NOTIFY summaryChanged)
    // What the store says: times, the draw check, publication, versions.
    Q_PROPERTY(QString inspectionDay READ inspectionDay NOTIFY storedChanged)
    Q_PROPERTY(QString startedAt READ startedAt NOTIFY storedChanged)
    Q_PROPERTY(QString finishedAt READ finishedAt NOTIFY storedChanged)
    Q_PROPERTY(QString clockSource READ clockSource NOTIFY storedChanged)
    Q_PROPERTY(bool drawVerified READ drawVerified NOTIFY storedChanged)
    Q_PROPERTY(QString publicationDeadline READ publicationDeadline NOTIFY storedChanged)
    Q_PROPERTY(bool deadlineProvisional READ deadlineProvisional NOTIFY storedChanged)
    /// The record's correction chain, oldest first: {recordId, state, completedAt, reason,
    /// current} each (the service's list, in the page's words).
    Q_PROPERTY(QVariantList versions READ versions NOTIFY storedChanged)
    /// The service says a correction of this record can be started (or reopened).
    Q_PROPERTY(bool correctable READ correctable NOTIFY storedChanged)
    /// The record this one corrects and why (empty for an original).
    Q_PROPERTY(QString supersedes READ supersedes NOTIFY storedChanged)
    Q_PROPERTY(QString correctionReason READ correctionReason NOTIFY storedChanged)
    // The place: the start location (taken once), the distance to the target's known
    // position (`farFromTarget`: beyond far_from_target_m, which the central system flags),
    // and where it was completed.
    Q_PROPERTY(bool hasLocation READ hasLocation NOTIFY placeChanged)
    Q_PROPERTY(QString locationText READ locationText NOTIFY placeChanged)
    Q_PROPERTY(QString distanceText READ distanceText NOTIFY placeChanged)
    Q_PROPERTY(bool farFromTarget READ farFromTarget NOTIFY placeChanged)
    Q_PROPERTY(QString completedLocationText READ completedLocationText NOTIFY placeChanged)
    Q_PROPERTY(QString completedDistanceText READ completedDistanceText NOTIFY placeChanged)
    Q_PROPERTY(bool locationSimulated READ locationSimulated NOTIFY placeChanged)
    // Who was there, how.
    Q_PROPERTY(QVariantList team READ team NOTIFY presenceChanged)
    Q_PROPERTY(int certifiedPresent READ certifiedPresent NOTIFY presenceChanged)
    Q_PROPERTY(
        QString offsiteMethod READ offsiteMethod WRITE setOffsiteMethod NOTIFY presenceChanged)
    // The outcome with its fixed wording.
    Q_PROPERTY(QString outcome READ outcome WRITE setOutcome NOTIFY outcomeChanged)
    Q_PROPERTY(QString publicText READ publicText NOTIFY outcomeChanged)
    Q_PROPERTY(bool noProblemAllowed READ noProblemAllowed NOTIFY outcomeChanged)
    // Confidentiality (interface 1.1: a reason and one of four legal grounds).
    Q_PROPERTY(
        bool confidential READ confidential WRITE setConfidential NOTIFY confidentialityChanged)
    Q_PROPERTY(QString confidentialReason READ confidentialReason WRITE setConfidentialReason NOTIFY
                   confidentialityChanged)
    /// state_secret, national_security, public_safety, other_law, or empty while none is
    /// chosen.
    Q_PROPERTY(QString confidentialGround READ confidentialGround WRITE setConfidentialGround NOTIFY
                   confidentialityChanged)
    // Signatures (on site, interface 1.1).
    Q_PROPERTY(bool signaturesNeeded READ signaturesNeeded NOTIFY signaturesChanged)
    Q_PROPERTY(QVariantList signatures READ signatures NOTIFY signaturesChanged)
    // The inspection record PDF made last, and whether one is being made.
    Q_PROPERTY(QString pdfPath READ pdfPath NOTIFY pdfChanged)
    Q_PROPERTY(QUrl pdfUrl READ pdfUrl NOTIFY pdfChanged)
    Q_PROPERTY(bool pdfBusy READ pdfBusy NOTIFY pdfChanged)
    Q_PROPERTY(QString pdfError READ pdfError NOTIFY pdfChanged)
    Q_PROPERTY(fi::app::ProblemListModel* problems READ problems CONSTANT)
public:
    explicit CompletionController(QObject* parent = nullptr);

    int answerCount() const;
    int requiredAnswered() const;
    int requiredTotal() const;
    int failCount() const;
    int findingCount() const;
    int photoCount() const;
    QString inspectionDay() const;
    QString startedAt() const;
    QString finishedAt() const;
    QString clockSource() const;
    bool drawVerified() const;
    QString publicationDeadline() const;
    bool deadlineProvisional() const;
    QVariantList versions() const;
    bool correctable() const;
    QString supersedes() const;
    QString correctionReason() const;
    bool hasLocation() const;
    QString locationText() const;
    QString distanceText() const;
    bool farFromTarget() const;
    QString completedLocationText() const;
    QString completedDistanceText() const;
    bool locationSimulated() const;
    QVariantList team() const;
    int certifiedPresent() const;
    QString offsiteMethod() const;
    void setOffsiteMethod(const QString& method);
    QString outcome() const;
    void setOutcome(const QString& outcome);
    QString publicText() const;
    bool noProblemAllowed() const { return failCount() == 0; }
    bool confidential() const;
    void setConfidential(bool on);
    QString confidentialReason() const;
    void setConfidentialReason(const QString& reason);
    QString confidentialGround() const;
    void setConfidentialGround(const QString& ground);
    /// An on-site record is signed (interface 1.1); a completed one made before signatures
    /// shows none.
    bool signaturesNeeded() const;
    /// Who signs, in order: each inspector present {role "inspector", inspectorId, name,
    /// signed, signedAt}, then the unit's representative {role "representative", name,
    /// position, signed, refused, reason, signedAt}. What is missing is the rules' to say
    /// (the problems list).
    QVariantList signatures() const;
    QString pdfPath() const { return pdf_path_; }
    QUrl pdfUrl() const;
    bool pdfBusy() const { return pdf_busy_; }
    QString pdfError() const { return pdf_error_; }
    ProblemListModel* problems() const { return problems_; }

    /// Mark a team member present or not.
    Q_INVOKABLE void setPresent(const QString& inspectorId, bool present);
    /// Save now and ask the store what still blocks completion (fills `problems`, then
    /// problemsChecked).
    Q_INVOKABLE void checkProblems();
    /// Complete: locked, chained and queued for upload; completed() when done, else the
    /// problems are listed.
    Q_INVOKABLE void complete();
    /// Make the inspection record (现场检查笔录) PDF of the completed record on the store
    /// thread, into `file`, the place the user chose in the save dialog (nothing is written
    /// anywhere else); pdfReady(path) when written.
    Q_INVOKABLE void makeRecordPdf(const QUrl& file);
    /// Correct this completed record with `reason` (RecordService::correct, on the store
    /// thread): correctionOpened with the new draft, or with the correction already being
    /// written for this chain; the service's refusal in the record's `error` otherwise.
    Q_INVOKABLE void correct(const QString& reason);
    /// Keep a signature drawn on the pad (SignatureService, on the store thread): `strokes` a
    /// list of strokes, each a flat list x0, y0, x1, y1, … in a `width` × `height` pad.
    /// signatureKept on success, the service's refusal in the record's `error` otherwise.
    Q_INVOKABLE void signInspector(const QString& inspectorId, const QVariantList& strokes,
                                   qreal width, qreal height);
    Q_INVOKABLE void signRepresentative(const QString& name, const QString& position,
                                        const QVariantList& strokes, qreal width, qreal height);
    /// The representative refused to sign; the reason is required (the service says so).
    Q_INVOKABLE void recordRefusal(const QString& reason);

Q_SIGNALS:
    void summaryChanged();
    void storedChanged();
    void placeChanged();
    void presenceChanged();
    void outcomeChanged();
    void confidentialityChanged();
    void signaturesChanged();
    void pdfChanged();
    /// The store's problems for the record as it stands are listed (after checkProblems).
    void problemsChecked();
    void completed();
    /// The record's PDF was written to `path`.
    void pdfReady(const QString& path);
    /// A correction's draft to open (`alreadyStarted`: it existed; none was made).
    void correctionOpened(const QString& recordId, bool alreadyStarted);
    /// A signature (or the refusal) was kept.
    void signatureKept();

private:
    void on_changed(int parts) override;
    bool editable() const { return loaded() && !record_->readOnly(); }
    const InspectionRecord& rec() const { return record_->record(); }
    void set_problems(const Problems& problems);
    /// Save, run a SignatureService call on the store thread, then reload.
    void keep_signature(std::function<Result<Signature>(services::Tablet&)> work);

    ProblemListModel* problems_;
    QString pdf_path_;
    QString pdf_error_;
    bool pdf_busy_ = false;
};

} // namespace fi::app
