#pragma once

#include <QObject>
#include <QPointer>
#include <QThread>
#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

namespace fi::services {
class Tablet;
}

namespace fi::app {

using services::Tablet;

/// The thread that owns the store. The application layer's Tablet (and with it the one
/// SQLCipher writer connection, the key vault and the central system's client) is created, used and
/// destroyed on this thread only; the GUI thread never touches it. View models post jobs here and
/// get their results back on the GUI thread as queued calls, in the order they were posted.
///
/// Jobs are either the user's (interactive: autosave, open, import a photo) or background
/// (sync, pull). The count of queued interactive jobs is what a running sync yields to
/// (YieldingTransport), so a tap never waits behind a photo upload.
class StoreThread final : public QObject {
    Q_OBJECT
public:
    enum class Kind { interactive, background };

    explicit StoreThread(std::filesystem::path data_dir, QObject* parent = nullptr);
    ~StoreThread() override;
    StoreThread(const StoreThread&) = delete;
    StoreThread& operator=(const StoreThread&) = delete;

    const std::filesystem::path& data_dir() const { return data_dir_; }

    /// Run `work(Tablet&)` on the store thread, then `done(result)` on the GUI thread —
    /// unless `context` was destroyed meanwhile.
    template <class Work, class Done>
    void run(QObject* context, Work work, Done done, Kind kind = Kind::interactive) {
        using R = std::invoke_result_t<Work&, Tablet&>;
        QPointer<QObject> guard(context);
        auto w = std::make_shared<Work>(std::move(work));
        auto d = std::make_shared<Done>(std::move(done));
        post(
            [this, guard, w, d](Tablet& tablet) {
                auto result = std::make_shared<R>((*w)(tablet));
                to_gui([guard, d, result] {
                    if (guard)
                        (*d)(std::move(*result));
                });
            },
            kind);
    }

    /// A read only whose latest result matters (a list reloaded after every change). Asked for
    /// again while one is queued and has not started, it is not queued twice: the one waiting
    /// runs after every job finished so far (the queue is in order), so it reads what the
    /// second would have (at a start, the sync status was read twice in a row).
    struct LatestRead {
        std::shared_ptr<std::atomic<bool>> queued = std::make_shared<std::atomic<bool>>(false);
    };
    template <class Work, class Done>
    void run_latest(LatestRead& read, QObject* context, Work work, Done done,
                    Kind kind = Kind::interactive) {
        if (read.queued->exchange(true))
            return;
        run(
            context,
            [queued = read.queued, work = std::move(work)](Tablet& tablet) mutable {
                queued->store(false);
                return work(tablet);
            },
            std::move(done), kind);
    }

    /// Run `work` on the store thread; nothing comes back.
    void post(std::function<void(Tablet&)> work, Kind kind = Kind::interactive);

    /// Call `f` on the GUI thread (from any thread), unless this object is gone by then.
    void to_gui(std::function<void()> f);

    /// Interactive jobs queued and not yet finished (what a sync run yields to).
    int interactive_pending() const { return interactive_.load(); }

    /// Process events until every job posted before this call has run and delivered its
    /// result. For tests and orderly shutdown; never called by the app's own flow.
    void wait_idle();

private:
    std::filesystem::path data_dir_;
    QThread thread_;
    QObject* worker_ = nullptr; // lives on thread_; owns the tablet's lifetime there
    Tablet* tablet_ = nullptr;
    std::atomic<int> interactive_{0};
};

} // namespace fi::app
