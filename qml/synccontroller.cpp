#include "qml/synccontroller.h"

#include "platform/connectivity.h"
#include "platform/notifier.h"
#include "qml/applayer.h"
#include "qml/outboxlistmodel.h"
#include "qml/preferences.h"
#include "qml/session.h"
#include "qml/storethread.h"
#include "qml/usermessages.h"
#include "sync/centralclient.h"
#include "sync/curlmodule.h"
#include "sync/sameday.h"

#include <QPointer>
#include <QVariantMap>
#include <chrono>
#include <cmath>
#include <utility>

namespace fi::app {

namespace {
constexpr auto retry_interval = std::chrono::minutes(1);
constexpr auto periodic_interval = std::chrono::minutes(15);
constexpr auto progress_every = std::chrono::milliseconds(100);
} // namespace

SyncController::SyncController(Session& session, QObject* parent)
    : QObject(parent), session_(session), records_(new OutboxListModel(this)),
      probe_config_(std::make_shared<ProbeConfig>()) {
    minute_.setInterval(std::chrono::minutes(1));
    connect(&minute_, &QTimer::timeout, this, &SyncController::refresh);
    retry_.setSingleShot(true);
    retry_.setInterval(retry_interval);
    connect(&retry_, &QTimer::timeout, this, &SyncController::syncNow);
    periodic_.setInterval(periodic_interval);
    connect(&periodic_, &QTimer::timeout, this, &SyncController::syncNow);
    notifier_ = std::make_unique<platform::DesktopNotifier>();
    reminder_timer_.setInterval(std::chrono::seconds(30));
    connect(&reminder_timer_, &QTimer::timeout, this, &SyncController::remind_now);
    reminder_timer_.start();

    unlock_sync_timer_.setSingleShot(true);
    connect(&unlock_sync_timer_, &QTimer::timeout, this, &SyncController::page_shown);
    connect(&session_, &Session::unlocked, this, [this] {
        minute_.start();
        periodic_.start();
        refresh();
        if (unlock_sync_wait_) {
            unlock_sync_waiting_ = true;
            unlock_sync_timer_.start(*unlock_sync_wait_);
        } else {
            syncNow();
        }
    });
    connect(&session_, &Session::locked, this, [this] {
        minute_.stop();
        periodic_.stop();
        retry_.stop();
        unlock_sync_timer_.stop(); // the next unlock asks again
        unlock_sync_waiting_ = false;
    });
    connect(&session_, &Session::recordCompleted, this, &SyncController::syncNow);
    connect(&session_, &Session::dataChanged, this, &SyncController::refresh);
    connect(&session_, &Session::needsSignInChanged, this, [this] {
        records_->set_needs_sign_in(session_.needsSignIn());
        if (!session_.needsSignIn() && session_.state() == Session::Unlocked)
            syncNow(); // signed in again: what waited goes now
    });
    auto update_probe = [this] {
        std::lock_guard lock(probe_config_->mutex);
        probe_config_->server = session_.preferences().server();
    };
    update_probe();
    connect(&session_.preferences(), &Preferences::serverChanged, this, update_probe);
}

SyncController::~SyncController() = default;

QString SyncController::bytesText(double bytes) const {
    if (bytes >= 1024.0 * 1024.0)
        return tr("%1 MiB").arg(bytes / (1024.0 * 1024.0), 0, 'f', 1);
    if (bytes >= 1024.0)
        return tr("%1 KiB").arg(std::round(bytes / 1024.0));
    return tr("%1 bytes").arg(bytes);
}

QString SyncController::lastSync() const {
    return UserMessages::time(snapshot_.last_sync);
}

int SyncController::unsent() const {
    const auto& s = snapshot_.same_day;
    return s.pending + s.uploading + s.parked + s.drafts_today;
}

void SyncController::set_message(const QString& m, bool is_error) {
    if (m == message_ && is_error == message_is_error_)
        return;
    message_ = m;
    message_is_error_ = is_error;
    Q_EMIT messageChanged();
}

void SyncController::set_online(bool online) {
    if (online == online_)
        return;
    online_ = online;
    Q_EMIT onlineChanged();
}

void SyncController::start_connectivity() {
    auto config = probe_config_;
    // Runs on the Connectivity's own thread: a transport of its own, never the store's.
    auto probe = [config]() -> bool {
        ServerConfig server;
        {
            std::lock_guard lock(config->mutex);
            server = config->server;
        }
        if (server.url.empty())
            return false;
        sync::TransportOptions t;
        t.allow_plain_http = server.url.starts_with("http://");
        t.ca_file = server.ca_file;
        t.pins = server.pins;
        t.connect_timeout = std::chrono::seconds(5);
        t.request_timeout = std::chrono::seconds(10);
        sync::ModuleTransport transport(t);
        sync::CentralClient client(transport, server.url);
        return client.server_time().ok();
    };
    connectivity_ = std::make_unique<platform::Connectivity>(probe);
    connect(connectivity_.get(), &platform::Connectivity::onlineChanged, this,
            &SyncController::set_online);
    connect(connectivity_.get(), &platform::Connectivity::syncWanted, this, [this] {
        if (session_.state() == Session::Unlocked)
            syncNow();
    });
    connectivity_->start();
}

void SyncController::sync_after_first_page(std::chrono::milliseconds wait) {
    unlock_sync_wait_ = wait;
}

void SyncController::page_shown() {
    if (!std::exchange(unlock_sync_waiting_, false))
        return;
    unlock_sync_timer_.stop();
    syncNow();
}

void SyncController::syncNow() {
    if (session_.state() != Session::Unlocked || wiped_)
        return;
    if (syncing_) {
        again_ = true;
        return;
    }
    run();
}

void SyncController::run() {
    syncing_ = true;
    again_ = false;
    retry_.stop();
    Q_EMIT syncingChanged();
    StoreThread& store = session_.store();
    // Progress arrives on the transport's thread; it is thinned out and handed to the GUI.
    struct Throttle {
        std::mutex mutex;
        std::chrono::steady_clock::time_point last{};
    };
    auto throttle = std::make_shared<Throttle>();
    QPointer<SyncController> self(this);
    sync::UploadProgressFn progress = [&store, self, throttle](const sync::UploadProgress& p) {
        {
            std::lock_guard lock(throttle->mutex);
            const auto now = std::chrono::steady_clock::now();
            if (p.record_sent != p.record_total && now - throttle->last < progress_every)
                return;
            throttle->last = now;
        }
        store.to_gui([self, p] {
            if (!self)
                return;
            self->sent_ = p.overall_sent;
            self->total_ = p.overall_total;
            self->records_->set_progress(p.record_id, p.record_sent, p.record_total);
            Q_EMIT self->progressChanged();
        });
    };
    store.run(
        this, [progress](Tablet& b) { return b.sync.sync(progress); },
        [this](SyncRun r) { ran(r); }, StoreThread::Kind::background);
}

void SyncController::ran(const SyncRun& r) {
    syncing_ = false;
    Q_EMIT syncingChanged();
    if (r.cancelled) {
        // The user's work went first; carry on right behind it.
        run();
        return;
    }
    if (r.wipe_ordered) {
        wipe_message_ = QString::fromStdString(r.wipe_message);
        if (r.wiped) {
            set_wiped();
            ++runs_;
            Q_EMIT finished();
            return;
        }
        if (!r.unsent.empty())
            set_wipe(true, r.unsent); // asked, never erased silently
    }
    if (r.needs_sign_in)
        session_.set_needs_sign_in(true);
    if (r.wipe_ordered && !r.unsent.empty())
        set_message(tr("The central system ordered this tablet erased. %n record(s) are not on "
                       "the central system yet: nothing was erased.",
                       "", static_cast<int>(r.unsent.size())),
                    true);
    else if (r.needs_sign_in)
        set_message(UserMessages::error(QStringLiteral("sign_in_required"), {}), true);
    else if (!r.pull_error.empty())
        set_message(UserMessages::error(QString::fromStdString(r.pull_error_code),
                                        QString::fromStdString(r.pull_error)),
                    true);
    else if (r.parked > 0)
        set_message(
            tr("%n record(s) need your attention: see the message against each.", "", r.parked),
            true);
    else if (r.uploaded > 0)
        set_message(tr("%n record(s) uploaded.", "", r.uploaded), false);
    else
        set_message(tr("Up to date."), false);
    if (r.pulled || r.uploaded > 0 || r.parked > 0)
        session_.notify_data_changed(); // also refreshes this page
    else
        refresh();
    if (r.retry_later > 0 || (!r.pull_error.empty() && !r.needs_sign_in))
        retry_.start();
    ++runs_;
    Q_EMIT finished();
    if (again_)
        syncNow();
}

void SyncController::refresh() {
    if (session_.state() != Session::Unlocked || wiped_)
        return;
    session_.store().run_latest(
        refresh_, this,
        [wanted = rows_wanted_](Tablet& b) {
            const bool rows = wanted->load();
            return std::make_pair(rows, rows ? b.sync.snapshot() : b.sync.status());
        },
        [this](std::pair<bool, Result<SyncSnapshot>> read) {
            auto& [with_rows, s] = read;
            if (!s)
                return; // locked meanwhile
            snapshot_ = std::move(s.value());
            snapshot_at_ = std::chrono::steady_clock::now();
            if (with_rows)
                records_->set_rows(std::move(snapshot_.rows), session_.needsSignIn());
            else if (rows_wanted_->load())
                refresh(); // the Sync page opened while the picture alone was being read
            Q_EMIT statusChanged();
            remind_now();
        },
        StoreThread::Kind::interactive);
}

void SyncController::setRecordsShown(bool shown) {
    if (rows_wanted_->exchange(shown) == shown)
        return;
    if (shown)
        refresh();
    else
        records_->set_rows({}, session_.needsSignIn());
    Q_EMIT recordsShownChanged();
}

void SyncController::set_notifier(std::unique_ptr<platform::Notifier> notifier) {
    notifier_ = std::move(notifier);
}

void SyncController::remind_now() {
    if (wiped_ || snapshot_.same_day.today.empty())
        return; // nothing known yet
    // The last picture, its clock carried forward: what was unsent then, at the time it is now.
    sync::SameDayStatus now = snapshot_.same_day;
    now.left_today -= std::chrono::duration_cast<std::chrono::minutes>(
        std::chrono::steady_clock::now() - snapshot_at_);
    if (now.left_today.count() < 0)
        return; // a new day: yesterday's counts say nothing about it
    remind(now);
}

void SyncController::remind(const sync::SameDayStatus& status) {
    const auto due =
        sync::reminder_due(status, session_.preferences().reminder_times(), last_reminder_);
    if (!due)
        return;
    last_reminder_ = *due;
    const int unsent = status.due_today + status.drafts_today;
    const int left = static_cast<int>(status.left_today.count());
    reminder_ = tr("%n record(s) of today not yet on the central system: %1 h %2 min left until "
                   "24:00. Complete them and sync.",
                   "", unsent)
                    .arg(left / 60)
                    .arg(left % 60, 2, 10, QLatin1Char('0'));
    Q_EMIT reminderChanged();
    if (notifier_)
        (void)notifier_->notify(tr("Same-day upload"), reminder_);
}

void SyncController::dismissReminder() {
    if (reminder_.isEmpty())
        return;
    reminder_.clear();
    Q_EMIT reminderChanged();
}

void SyncController::set_wipe(bool asked, const std::vector<OutboxRow>& unsent) {
    wipe_asked_ = asked;
    wipe_unsent_.clear();
    for (const auto& row : unsent)
        wipe_unsent_.append(QVariantMap{
            {QStringLiteral("recordId"), QString::fromStdString(row.record_id)},
            {QStringLiteral("targetName"), QString::fromStdString(row.target_name)},
            {QStringLiteral("inspectionDay"), QString::fromStdString(row.inspection_day)},
            {QStringLiteral("state"), QString::fromUtf8(to_string(row.record_state))}});
    Q_EMIT wipeChanged();
}

void SyncController::set_wiped() {
    // The store and its keys are gone: nothing is left to sync or show.
    minute_.stop();
    periodic_.stop();
    retry_.stop();
    wipe_asked_ = false;
    wipe_unsent_.clear();
    wiped_ = true;
    Q_EMIT wipeChanged();
}

void SyncController::eraseAnyway() {
    if (!wipe_asked_ || wiped_)
        return;
    session_.store().run(
        this, [](Tablet& b) { return b.sync.wipe(/*discard_unsent=*/true); },
        [this](Result<services::WipeOutcome> r) {
            if (!r) {
                set_message(UserMessages::error(r.error()), true);
                return;
            }
            if (!r->wiped) {
                set_wipe(true, r->unsent);
                return;
            }
            set_wiped();
        });
}

void SyncController::keepAndRetry() {
    set_wipe(false, {});
    retry_.start();
}

void SyncController::retry(const QString& recordId) {
    session_.store().run(
        this, [id = recordId.toStdString()](Tablet& b) { return b.sync.retry(id); },
        [this](Status s) {
            if (!s) {
                set_message(UserMessages::error(s.error()), true);
                return;
            }
            syncNow();
        });
}

QString SyncController::deadlineAlert() const {
    switch (sync::deadline_alert(snapshot_.same_day)) {
    case sync::DeadlineAlert::soon:
        return QStringLiteral("soon");
    case sync::DeadlineAlert::now:
        return QStringLiteral("now");
    case sync::DeadlineAlert::quiet:
        break;
    }
    return QStringLiteral("quiet");
}

} // namespace fi::app
