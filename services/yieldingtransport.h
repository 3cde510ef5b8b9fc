#pragma once

#include "sync/httptypes.h"

#include <atomic>
#include <optional>

namespace fi::services {

/// A transport that lets the user's own work go first. While yielding is on (a sync run is
/// in progress) and the GUI has work queued for the store thread, it refuses to start the
/// next request and answers `NetError::cancelled` without sending anything. A request
/// already on the wire is never cut, so no half-sent chunk is wasted; the uploader stops
/// between requests and resumes later from the server's offset.
class YieldingTransport final : public sync::Transport {
public:
    YieldingTransport(sync::Transport& inner, const std::atomic<int>& interactive_pending)
        : inner_(inner), pending_(interactive_pending) {}

    void set_yielding(bool on) { yielding_ = on; }
    bool yielding() const { return yielding_; }

    sync::HttpResponse perform(sync::HttpRequest request) override;
    std::future<sync::HttpResponse> start(sync::HttpRequest request) override;

private:
    /// The answer to a request not started because the user's work goes first.
    std::optional<sync::HttpResponse> yielded() const;

    sync::Transport& inner_;
    const std::atomic<int>& pending_;
    bool yielding_ = false;
};

} // namespace fi::services
