#pragma once

#include "qml/applayer.h"
#include "qml/locationservice.h"
#include "qml/session.h"
#include "qml/storethread.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <chrono>

namespace fi::app {

/// One inspection record open in the app, shared by the pages that show it (Checklist,
/// Photos, Complete, the record page): loaded on the store thread (RecordService::open),
/// held while its pages are open, autosaved shortly after the last edit, reloaded when the
/// store changes underneath (a correction completed, a sync, a revocation), so a page left on
/// the stack never offers what the service would refuse. It decides nothing and edits
/// nothing itself: the page controllers (ChecklistController, PhotoController,
/// CompletionController) edit through it and say which part they changed, and each notifies
/// only the properties of that part.
class OpenRecord : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(fi::app::Session* session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(
        fi::app::LocationService* location READ location WRITE setLocation NOTIFY locationChanged)
    Q_PROPERTY(QString recordId READ recordId WRITE setRecordId NOTIFY recordIdChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadedChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    /// saved | saving | unsaved | failed
    Q_PROPERTY(QString saveState READ saveState NOTIFY saveStateChanged)
    /// draft | completed | uploaded | frozen (empty until loaded)
    Q_PROPERTY(QString state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool readOnly READ readOnly NOTIFY stateChanged)
    Q_PROPERTY(QString assignmentId READ assignmentId NOTIFY loadedChanged)
    Q_PROPERTY(QString targetName READ targetName NOTIFY loadedChanged)
    Q_PROPERTY(QString planName READ planName NOTIFY loadedChanged)
    Q_PROPERTY(QString mode READ mode NOTIFY loadedChanged)
public:
    /// Autosave this long after the last edit (typing a note is many edits).
    static constexpr std::chrono::milliseconds autosave_delay{400};

    /// What an edit or a reload changed, so each controller notifies its own properties only.
    enum Part : int {
        Answers = 1 << 0,
        Findings = 1 << 1,
        Photos = 1 << 2,
        Presence = 1 << 3, ///< who was there, the off-site method
        Place = 1 << 4,    ///< the location and the distances
        Outcome = 1 << 5,  ///< outcome and public text
        Confidentiality = 1 << 6,
        Signatures = 1 << 7,
        Stored = 1 << 8, ///< state, times, versions, deadline, problems: what the store says
        All = (1 << 9) - 1,
    };

    explicit OpenRecord(QObject* parent = nullptr);
    ~OpenRecord() override;

    Session* session() const { return session_; }
    void setSession(Session* session);
    LocationService* location() const { return location_; }
    void setLocation(LocationService* location);
    QString recordId() const { return record_id_; }
    void setRecordId(const QString& id);

    bool loaded() const { return loaded_; }
    bool busy() const { return busy_ > 0; }
    QString error() const { return error_; }
    QString saveState() const { return save_state_; }
    QString state() const;
    bool readOnly() const { return !loaded_ || opened_.stored.state != RecordState::draft; }
    QString assignmentId() const;
    QString targetName() const;
    QString planName() const;
    QString mode() const;

    /// Save what is pending now (leaving a page, locking).
    Q_INVOKABLE void saveNow();
    /// Read the record again from the store (edits not yet saved are kept).
    Q_INVOKABLE void reload();

    // ---- for the page controllers --------------------------------------------------------
    const OpenedRecord& opened() const { return opened_; }
    const InspectionRecord& record() const { return opened_.stored.record; }
    /// The record to change; say what changed with edited() afterwards.
    InspectionRecord& edit() { return opened_.stored.record; }
    /// An edit of `parts` was made: notify them, mark unsaved, autosave shortly.
    void edited(int parts);
    /// Hand a pending edit to the store first (before an operation that reads the draft).
    void flush() { save(); }
    void set_error(const QString& e);
    void begin();
    void end();
    /// The draft as it stands, for an operation that also saves it (the completion check,
    /// completing): the pending autosave is dropped; with `saving`, the state says so.
    InspectionRecord hand_over(bool saving = true);
    /// What the store said of a hand_over()'s copy: saved (and `saved`), or failed with why.
    void handed_over(const Status& status);
    /// An operation gave the record as the store now holds it (completing): show it.
    void show_opened(OpenedRecord opened);
    /// Run `work(Tablet&)` on the store thread as one of this record's operations (busy
    /// meanwhile), then `done(result)` on the GUI thread — also when the page that asked is
    /// gone (the busy count must come back), so `done` checks its own page.
    template <class Work, class Done> void run(Work work, Done done) {
        if (!session_)
            return;
        begin();
        session_->store().run(this, std::move(work),
                              [this, d = std::move(done)](auto result) mutable {
                                  end();
                                  d(std::move(result));
                              });
    }

Q_SIGNALS:
    void sessionChanged();
    void locationChanged();
    void recordIdChanged();
    void loadedChanged();
    void busyChanged();
    void errorChanged();
    void saveStateChanged();
    void stateChanged();
    /// An autosave reached the store (tests wait for it).
    void saved();
    /// Parts of the record changed (OpenRecord::Part flags), by an edit or a reload.
    void changed(int parts);

private:
    void load();
    void show(OpenedRecord opened);
    void save();
    void set_save_state(const QString& s);
    void attach_location_if_missing();

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
    QMetaObject::Connection data_changed_;
};

} // namespace fi::app
