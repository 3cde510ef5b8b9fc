#pragma once

#include "sync/apierror.h"

#include <chrono>
#include <functional>
#include <optional>
#include <random>

namespace fi::sync {

/// Exponential back-off with jitter; the cap keeps the day from being lost. The same rules
/// hold for every request: an upload's, a pull page's, a draw's.
struct RetryPolicy {
    std::chrono::milliseconds base{2000};
    std::chrono::milliseconds cap{std::chrono::minutes(5)};
    /// The wait before attempt number `attempts` + 1, jittered into [½, 1] of the step, and
    /// never shorter than the server's Retry-After (itself at most `max_retry_after`).
    std::chrono::milliseconds delay(int attempts, std::optional<std::chrono::seconds> retry_after,
                                    std::mt19937_64& rng) const;
};

/// Calls a request again while its trouble is retryable and the next try, after the policy's
/// wait, still starts within the budget; otherwise the last failure is the answer (with the
/// server's Retry-After in it, for the caller to say). A budget of zero tries once.
class RetryBudget {
public:
    using SleepFn = std::function<void(std::chrono::milliseconds)>;
    RetryBudget(RetryPolicy policy, std::chrono::milliseconds budget, SleepFn sleep = {});

    template <class Call> auto run(Call&& call) -> decltype(call()) {
        for (int attempts = 0;; ++attempts) {
            auto result = call();
            if (result || !result.error().retryable() ||
                !wait_before_retry(attempts, result.error()))
                return result;
        }
    }

    /// Requests tried again so far.
    int retries() const { return retries_; }

private:
    /// Sleep before the next try and say true, or say false when the budget is spent.
    bool wait_before_retry(int attempts, const ApiError& error);

    RetryPolicy policy_;
    std::chrono::steady_clock::time_point deadline_;
    SleepFn sleep_;
    std::mt19937_64 rng_;
    int retries_ = 0;
};

} // namespace fi::sync
