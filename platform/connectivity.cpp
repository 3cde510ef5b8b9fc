#include "platform/connectivity.h"

namespace fi::platform {

Connectivity::Connectivity(Probe probe, ConnectivityOptions options, QObject* parent)
    : QObject(parent), probe_(std::move(probe)), options_(options),
      runner_(std::make_unique<QObject>()) {
    thread_.setObjectName(QStringLiteral("fi-connectivity-probe"));
    runner_->moveToThread(&thread_);
    timer_.setSingleShot(true);
    connect(&timer_, &QTimer::timeout, this, &Connectivity::probe_now);
}

Connectivity::~Connectivity() {
    timer_.stop();
    thread_.quit();
    thread_.wait(); // a running probe finishes first; its queued answer dies with this object
    runner_.reset();
}

void Connectivity::start() {
    if (options_.use_system_reachability && !QNetworkInformation::instance())
        QNetworkInformation::loadDefaultBackend(); // false on a machine without a backend
    if (options_.use_system_reachability) {
        if (auto* info = QNetworkInformation::instance()) {
            backend_ = info->backendName();
            // Any change of network may change what the central system sees: look again.
            connect(info, &QNetworkInformation::reachabilityChanged, this, &Connectivity::probe_now,
                    Qt::UniqueConnection);
        }
    }
    if (!thread_.isRunning())
        thread_.start();
    probe_now();
}

void Connectivity::probe_now() {
    if (probing_) {
        probe_again_ = true;
        return;
    }
    if (!thread_.isRunning())
        thread_.start();
    probing_ = true;
    timer_.stop();
    QMetaObject::invokeMethod(
        runner_.get(),
        [this, probe = probe_] {
            bool reachable = false;
            try {
                reachable = probe && probe();
            } catch (...) {
                reachable = false; // a throwing probe is an unreachable server, not a crash
            }
            QMetaObject::invokeMethod(
                this, [this, reachable] { on_probe_result(reachable); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void Connectivity::on_probe_result(bool reachable) {
    probing_ = false;
    const bool changed = reachable != online_;
    online_ = reachable;
    Q_EMIT probed(reachable);
    if (changed) {
        Q_EMIT onlineChanged(reachable);
        if (reachable)
            Q_EMIT syncWanted();
    }
    if (probe_again_) {
        probe_again_ = false;
        probe_now();
        return;
    }
    schedule_next();
}

void Connectivity::schedule_next() {
    timer_.start(online_ ? options_.online_interval : options_.offline_interval);
}

} // namespace fi::platform
