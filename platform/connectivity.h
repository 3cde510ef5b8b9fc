#pragma once

#include <QNetworkInformation>
#include <QObject>
#include <QString>
#include <QThread>
#include <QTimer>
#include <chrono>
#include <functional>
#include <memory>

namespace fi::platform {

/// How often Connectivity asks the central system.
struct ConnectivityOptions {
    std::chrono::milliseconds offline_interval = std::chrono::seconds(30);
    std::chrono::milliseconds online_interval = std::chrono::minutes(5);
    /// Also listen to the system's reachability reports (QNetworkInformation) and probe at
    /// once when they change. Without a backend, periodic probing alone does the job.
    bool use_system_reachability = true;
};

/// Online or not, as the central system sees it: the operating system's reachability reports
/// (QNetworkInformation) say when to look, a real probe — the app's `GET /time` through sync,
/// injected as a callable so the platform layer does no HTTP — says what is true. Becoming
/// online emits syncWanted(). The probe runs on a thread of its own, never on the GUI thread;
/// it must time out by itself (the destructor waits for a running probe).
class Connectivity final : public QObject {
    Q_OBJECT
public:
    /// True when the central system answered. Called on the probe thread.
    using Probe = std::function<bool()>;

    explicit Connectivity(Probe probe, ConnectivityOptions options = {}, QObject* parent = nullptr);
    ~Connectivity() override;

    /// Load the system backend (if wanted and present) and probe once.
    void start();
    /// Probe now (coalesced with a probe already running).
    void probe_now();

    bool online() const { return online_; }
    /// The QNetworkInformation backend in use, empty when none (periodic probing only).
    QString system_backend() const { return backend_; }

Q_SIGNALS:
    void onlineChanged(bool online);
    /// Became online: time to upload and pull.
    void syncWanted();
    /// Every probe's answer (also when nothing changed).
    void probed(bool reachable);

private:
    void on_probe_result(bool reachable);
    void schedule_next();

    Probe probe_;
    ConnectivityOptions options_;
    QThread thread_;
    std::unique_ptr<QObject> runner_; // lives on thread_: the probe's context
    QTimer timer_;
    QString backend_;
    bool online_ = false;
    bool probing_ = false;
    bool probe_again_ = false;
};

} // namespace fi::platform
