#include "services/yieldingtransport.h"

namespace fi::services {

sync::HttpResponse YieldingTransport::perform(sync::HttpRequest request) {
    if (yielding_ && pending_.load() > 0) {
        sync::HttpResponse r;
        r.error = sync::NetError::cancelled;
        r.error_detail = "yielded to the user's work; the sync continues right after it";
        return r;
    }
    return inner_.perform(std::move(request));
}

} // namespace fi::services
