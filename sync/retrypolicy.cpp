#include "sync/retrypolicy.h"

#include <algorithm>
#include <thread>

namespace fi::sync {

std::chrono::milliseconds RetryPolicy::delay(int attempts,
                                             std::optional<std::chrono::seconds> retry_after,
                                             std::mt19937_64& rng) const {
    const int shift = std::clamp(attempts, 0, 20);
    const std::int64_t step = std::min<std::int64_t>(cap.count(), base.count() << shift);
    std::uniform_int_distribution<std::int64_t> jitter(step / 2, std::max<std::int64_t>(step, 1));
    const std::chrono::milliseconds wait(jitter(rng));
    // The server's Retry-After is honoured even where it is longer than our cap, up to an
    // hour (max_retry_after): a longer one would hold the record back for days.
    if (!retry_after)
        return wait;
    return std::max<std::chrono::milliseconds>(wait, std::min(*retry_after, max_retry_after));
}

RetryBudget::RetryBudget(RetryPolicy policy, std::chrono::milliseconds budget, SleepFn sleep)
    : policy_(policy), deadline_(std::chrono::steady_clock::now() + budget),
      sleep_(std::move(sleep)), rng_(std::random_device{}()) {
    if (!sleep_)
        sleep_ = [](std::chrono::milliseconds d) { std::this_thread::sleep_for(d); };
}

bool RetryBudget::wait_before_retry(int attempts, const ApiError& error) {
    const auto wait = policy_.delay(attempts, error.retry_after, rng_);
    if (std::chrono::steady_clock::now() + wait > deadline_)
        return false;
    sleep_(wait);
    ++retries_;
    return true;
}

} // namespace fi::sync
