#pragma once

#include "qml/applayer.h"
#include "qml/storethread.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <QVariantList>
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace fi::platform {
class Connectivity;
class Notifier;
} // namespace fi::platform

namespace fi::sync {
struct SameDayStatus;
}

namespace fi::app {

class OutboxListModel;
class Session;

/// Getting records to the central system the same day: runs sync (upload, then pull) on the
/// store thread when the tablet comes online, when a record is completed, when the user asks,
/// and again while records wait; shows the same-day picture (what is still on the tablet,
/// time left until 24:00 in UTC+08:00, network state), progress in bytes, the last sync and
/// the server-time offset; keeps the Sync page's list. Carries out the central system's wipe
/// order: with records that would be lost it asks (`wipeAsked`, `wipeUnsent`), never erasing
/// them silently; once erased, `wiped` (the app then shows only that).
class SyncController final : public QObject {
    Q_OBJECT
    Q_MOC_INCLUDE("qml/outboxlistmodel.h")
    Q_PROPERTY(bool online READ online NOTIFY onlineChanged)
    Q_PROPERTY(bool syncing READ syncing NOTIFY syncingChanged)
    Q_PROPERTY(double sentBytes READ sentBytes NOTIFY progressChanged)
    Q_PROPERTY(double totalBytes READ totalBytes NOTIFY progressChanged)
    Q_PROPERTY(QString today READ today NOTIFY statusChanged)
    /// Whether the same-day picture has been read since the app started: until then nothing is
    /// claimed about what is unsent.
    Q_PROPERTY(bool statusKnown READ statusKnown NOTIFY statusChanged)
    Q_PROPERTY(int unsent READ unsent NOTIFY statusChanged)
    Q_PROPERTY(int dueToday READ dueToday NOTIFY statusChanged)
    Q_PROPERTY(int draftsToday READ draftsToday NOTIFY statusChanged)
    Q_PROPERTY(int overdue READ overdue NOTIFY statusChanged)
    Q_PROPERTY(int parked READ parked NOTIFY statusChanged)
    Q_PROPERTY(int minutesLeft READ minutesLeft NOTIFY statusChanged)
    /// How loud the deadline is: "quiet", "soon" (amber), "now" (red) — sync's deadline_alert.
    Q_PROPERTY(QString deadlineAlert READ deadlineAlert NOTIFY statusChanged)
    /// The same-day reminder given last (at a time of the Settings page, default 21:00 and
    /// 23:00, while something of today is unsent), until dismissed: Today shows it as a banner.
    Q_PROPERTY(QString reminder READ reminder NOTIFY reminderChanged)
    Q_PROPERTY(double bytesLeft READ bytesLeft NOTIFY statusChanged)
    Q_PROPERTY(QString lastSync READ lastSync NOTIFY statusChanged)
    Q_PROPERTY(bool clockSynced READ clockSynced NOTIFY statusChanged)
    Q_PROPERTY(double clockOffsetMs READ clockOffsetMs NOTIFY statusChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(bool messageIsError READ messageIsError NOTIFY messageChanged)
    Q_PROPERTY(fi::app::OutboxListModel* records READ records CONSTANT)
    /// The Sync page lists `records` while it is open: only then are the rows read with the
    /// same-day picture (SyncService::snapshot names the target of every record); otherwise
    /// the picture alone (SyncService::status), and the list is emptied.
    Q_PROPERTY(bool recordsShown READ recordsShown WRITE setRecordsShown NOTIFY recordsShownChanged)
    Q_PROPERTY(bool wipeAsked READ wipeAsked NOTIFY wipeChanged)
    Q_PROPERTY(QString wipeMessage READ wipeMessage NOTIFY wipeChanged)
    Q_PROPERTY(QVariantList wipeUnsent READ wipeUnsent NOTIFY wipeChanged)
    Q_PROPERTY(bool wiped READ wiped NOTIFY wipeChanged)
public:
    explicit SyncController(Session& session, QObject* parent = nullptr);
    ~SyncController() override;

    bool online() const { return online_; }
    bool syncing() const { return syncing_; }
    // Byte counts reach QML as double: exact up to 2^53, and QML has no 64-bit integer.
    double sentBytes() const { return static_cast<double>(sent_); }
    double totalBytes() const { return static_cast<double>(total_); }
    QString today() const { return QString::fromStdString(snapshot_.same_day.today); }
    bool statusKnown() const { return !snapshot_.same_day.today.empty(); }
    /// Records not yet on the central system: queued, photos still going, refused, and
    /// today's drafts.
    int unsent() const;
    int dueToday() const { return snapshot_.same_day.due_today; }
    /// Today's inspections still being written: unsent, and no sync can send them.
    int draftsToday() const { return snapshot_.same_day.drafts_today; }
    int overdue() const { return snapshot_.same_day.overdue; }
    int parked() const { return snapshot_.same_day.parked; }
    int minutesLeft() const { return static_cast<int>(snapshot_.same_day.left_today.count()); }
    QString deadlineAlert() const;
    double bytesLeft() const { return static_cast<double>(snapshot_.same_day.bytes_left); }
    QString lastSync() const;
    bool clockSynced() const { return snapshot_.clock_offset_ms.has_value(); }
    double clockOffsetMs() const {
        return static_cast<double>(snapshot_.clock_offset_ms.value_or(0));
    }
    QString message() const { return message_; }
    bool messageIsError() const { return message_is_error_; }
    OutboxListModel* records() const { return records_; }
    bool recordsShown() const { return rows_wanted_->load(); }
    void setRecordsShown(bool shown);
    bool wipeAsked() const { return wipe_asked_; }
    QString wipeMessage() const { return wipe_message_; }
    /// What an erase would lose: {recordId, targetName, inspectionDay, state} each.
    QVariantList wipeUnsent() const { return wipe_unsent_; }
    bool wiped() const { return wiped_; }
    QString reminder() const { return reminder_; }
    Q_INVOKABLE void dismissReminder();
    /// Give the reminder sync's reminder_due says is due for `status` (the system notification
    /// and the banner). Run every 30 s with the last same-day picture carried forward by the
    /// clock — also while locked, from the counts known when the tablet locked.
    void remind(const sync::SameDayStatus& status);
    /// Where system notifications go (platform::DesktopNotifier unless replaced).
    void set_notifier(std::unique_ptr<platform::Notifier> notifier);
    /// Sync runs finished since start (a screenshot waits for the first pull).
    int runs() const { return runs_; }

    /// Upload and pull now (or right after the run in progress).
    Q_INVOKABLE void syncNow();
    /// Try a parked record again.
    Q_INVOKABLE void retry(const QString& recordId);
    /// Re-read the same-day picture and the list (no network).
    Q_INVOKABLE void refresh();
    /// The user saw what a wipe would lose and chose to erase the tablet anyway.
    Q_INVOKABLE void eraseAnyway();
    /// The user keeps the records: nothing is erased, uploads are tried again (the order stays,
    /// so the next sync asks again if anything is still unsent).
    Q_INVOKABLE void keepAndRetry();
    /// "1.2 MiB", "300 KiB", "12 bytes": sizes as the Sync page shows them.
    Q_INVOKABLE QString bytesText(double bytes) const;

    /// Watch the network: probe the central system (GET /time) on a thread of its own.
    void start_connectivity();
    /// The app's window: the sync an unlock starts waits until the first page after it is shown
    /// (page_shown), or at most `wait`, so that it — the curl module, the central system's
    /// clock, the retention purge — does not share the cores and the memory with the first
    /// frame. Without this (a controller with no window) it starts on unlocking.
    void sync_after_first_page(std::chrono::milliseconds wait);
    /// A page that finished loading what it shows is on the screen (Application::on_page_ready:
    /// the window's next frame after it).
    void page_shown();

Q_SIGNALS:
    void onlineChanged();
    void syncingChanged();
    void progressChanged();
    void statusChanged();
    void messageChanged();
    /// A sync run ended (for tests and the e2e run).
    void finished();
    void wipeChanged();
    void reminderChanged();
    void recordsShownChanged();

private:
    void run();
    void ran(const SyncRun& r);
    void set_message(const QString& m, bool is_error);
    void set_online(bool online);
    void set_wipe(bool asked, const std::vector<OutboxRow>& unsent);
    void set_wiped();

    Session& session_;
    OutboxListModel* records_;
    SyncSnapshot snapshot_;
    StoreThread::LatestRead refresh_;
    std::optional<std::chrono::milliseconds> unlock_sync_wait_; // set: wait for a page
    bool unlock_sync_waiting_ = false;
    QTimer unlock_sync_timer_;
    // Read by the refresh job on the store thread, which may run after this object is gone.
    std::shared_ptr<std::atomic<bool>> rows_wanted_ = std::make_shared<std::atomic<bool>>(false);
    bool online_ = false;
    bool syncing_ = false;
    bool again_ = false;
    int runs_ = 0;
    qint64 sent_ = 0;
    qint64 total_ = 0;
    QString message_;
    bool message_is_error_ = false;
    bool wipe_asked_ = false;
    QString wipe_message_;
    QVariantList wipe_unsent_;
    bool wiped_ = false;
    QString reminder_;
    std::string last_reminder_;
    std::chrono::steady_clock::time_point snapshot_at_{};
    std::unique_ptr<platform::Notifier> notifier_;
    QTimer reminder_timer_;
    void remind_now();
    QTimer minute_;
    QTimer retry_;
    QTimer periodic_;
    struct ProbeConfig {
        std::mutex mutex;
        ServerConfig server;
    };
    std::shared_ptr<ProbeConfig> probe_config_;
    std::unique_ptr<platform::Connectivity> connectivity_;
};

} // namespace fi::app
