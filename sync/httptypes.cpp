#include "sync/httptypes.h"

namespace fi::sync {

const char* to_string(NetError e) {
    switch (e) {
    case NetError::none:
        return "none";
    case NetError::resolve:
        return "resolve";
    case NetError::connect:
        return "connect";
    case NetError::timeout:
        return "timeout";
    case NetError::connection:
        return "connection";
    case NetError::tls:
        return "tls";
    case NetError::too_large:
        return "too_large";
    case NetError::cancelled:
        return "cancelled";
    case NetError::refused_url:
        return "refused_url";
    case NetError::other:
        return "other";
    }
    return "other";
}

std::future<HttpResponse> ready_response(HttpResponse response) {
    std::promise<HttpResponse> answered;
    answered.set_value(std::move(response));
    return answered.get_future();
}

std::future<HttpResponse> Transport::start(HttpRequest request) {
    return std::async(std::launch::deferred,
                      [this, rq = std::move(request)]() mutable { return perform(std::move(rq)); });
}

} // namespace fi::sync
