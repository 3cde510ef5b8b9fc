#include "server/followupscheduler.h"

#include "core/date.h"
#include "server/publicationservice.h"

#include <iostream>

namespace fi::server {

FollowUpScheduler::FollowUpScheduler(PublicationService& publication, Clock clock, Options options)
    : publication_(publication), clock_(std::move(clock)), options_(options) {}

FollowUpScheduler::~FollowUpScheduler() {
    stop();
}

void FollowUpScheduler::start() {
    if (thread_.joinable())
        return;
    {
        std::lock_guard lock(mutex_);
        stopping_ = false;
    }
    run_now();
    thread_ = std::thread([this] { loop(); });
}

void FollowUpScheduler::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable())
        thread_.join();
}

std::uint64_t FollowUpScheduler::runs() const {
    std::lock_guard lock(mutex_);
    return runs_;
}

bool FollowUpScheduler::wait_for_run_on(const Date& day, std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] { return runs_ > 0 && last_day_ >= day; });
}

void FollowUpScheduler::run_now() {
    const auto at = clock_();
    const Date day = china_date(at);
    if (auto made = publication_.create_due_follow_ups(); !made)
        std::cerr << "fieldinspect-server: follow-ups: " << made.error().message << "\n";
    {
        std::lock_guard lock(mutex_);
        ++runs_;
        last_day_ = day;
        last_run_ = at;
    }
    changed_.notify_all();
}

void FollowUpScheduler::loop() {
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            if (changed_.wait_for(lock, options_.tick, [this] { return stopping_; }))
                return;
        }
        const auto now = clock_();
        bool due = false;
        {
            std::lock_guard lock(mutex_);
            due = china_date(now) != last_day_ || now - last_run_ >= options_.every ||
                  now < last_run_; // the clock went back: run rather than wait for it
        }
        if (due)
            run_now();
    }
}

} // namespace fi::server
