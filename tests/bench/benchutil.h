#pragma once

// Plain timers for side-by-side benchmarks: run a workload and its baseline alternately,
// several repetitions, and report medians and their ratio. Figures, not pass/fail:
// machines here are shared and noisy, so goals are judged on ratios measured in one run.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace fi::bench {

inline double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const auto n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

/// Milliseconds one call of `f` takes.
inline double time_ms(const std::function<void()>& f) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    const auto t1 = std::chrono::steady_clock::now();
    return std::chrono::duration<double, std::milli>(t1 - t0).count();
}

struct Pair {
    double baseline_ms;
    double ours_ms;
    double ratio() const { return ours_ms / baseline_ms; }
};

/// Alternate baseline and ours `reps` times (so drift hits both), return the medians.
inline Pair compare(int reps, const std::function<void()>& baseline,
                    const std::function<void()>& ours) {
    std::vector<double> b, o;
    for (int i = 0; i < reps; ++i) {
        b.push_back(time_ms(baseline));
        o.push_back(time_ms(ours));
    }
    return {median(b), median(o)};
}

/// One row of docs/performance.md: | metric | baseline | ours | ratio | goal | met |
inline void row(const std::string& metric, const std::string& baseline, const std::string& ours,
                const std::string& ratio, const std::string& goal, bool met) {
    std::printf("| %s | %s | %s | %s | %s | %s |\n", metric.c_str(), baseline.c_str(), ours.c_str(),
                ratio.c_str(), goal.c_str(), met ? "yes" : "**no**");
    std::fflush(stdout);
}

inline std::string fmt(const char* f, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, f, v);
    return buf;
}

/// A ratio judged against its goal (at most `goal`): two places, or three where two would
/// show the goal itself for a ratio just above it (1.2504× is not met; "1.25×" hides why).
inline std::string ratio_text(double ratio, double goal) {
    const std::string two = fmt("%.2f×", ratio);
    return ratio > goal && two == fmt("%.2f×", goal) ? fmt("%.3f×", ratio) : two;
}

} // namespace fi::bench
