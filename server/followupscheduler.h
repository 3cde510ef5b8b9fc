#pragma once

#include "core/date.h"
#include "server/clock.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

namespace fi::server {

class PublicationService;

/// When the follow-ups of passed rectification deadlines are made (整改闭环), off the request path:
/// once when the server starts, then by a background thread on the server's clock — at the first
/// tick of each new server day (UTC+08:00) and every `every` of server time in between. The thread
/// reads the clock each `tick` of real time (no database work unless a run is due), so a test that
/// moves the injected clock sees the day's run within a tick. `admin follow-ups` runs the same
/// PublicationService::create_due_follow_ups.
class FollowUpScheduler {
public:
    struct Options {
        std::chrono::milliseconds tick{1000};     ///< real time between looks at the clock
        std::chrono::milliseconds every{900'000}; ///< server time between runs within a day
    };

    FollowUpScheduler(PublicationService& publication, Clock clock, Options options);
    FollowUpScheduler(const FollowUpScheduler&) = delete;
    FollowUpScheduler& operator=(const FollowUpScheduler&) = delete;
    ~FollowUpScheduler();

    /// Run once now, then start the thread (idempotent).
    void start();
    /// Stop the thread and wait for it (idempotent).
    void stop();

    /// Runs finished so far (successful or not).
    std::uint64_t runs() const;
    /// Wait (real time, at most `timeout`) until a run has finished on server day `day` or later;
    /// false on timeout. For tests: after moving the clock, the day's run has happened.
    bool wait_for_run_on(const Date& day, std::chrono::milliseconds timeout);

private:
    void loop();
    void run_now();

    PublicationService& publication_;
    Clock clock_;
    Options options_;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    bool stopping_ = false;
    std::uint64_t runs_ = 0;
    Date last_day_{};
    std::chrono::system_clock::time_point last_run_{};
    std::thread thread_;
};

} // namespace fi::server
