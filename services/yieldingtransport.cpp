#include "services/yieldingtransport.h"

namespace fi::services {

std::optional<sync::HttpResponse> YieldingTransport::yielded() const {
    if (!yielding_ || pending_.load() <= 0)
        return std::nullopt;
    sync::HttpResponse r;
    r.error = sync::NetError::cancelled;
    r.error_detail = "yielded to the user's work; the sync continues right after it";
    return r;
}

sync::HttpResponse YieldingTransport::perform(sync::HttpRequest request) {
    if (auto r = yielded())
        return std::move(*r);
    return inner_.perform(std::move(request));
}

std::future<sync::HttpResponse> YieldingTransport::start(sync::HttpRequest request) {
    if (auto r = yielded())
        return sync::ready_response(std::move(*r));
    return inner_.start(std::move(request));
}

} // namespace fi::services
