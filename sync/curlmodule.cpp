#include "sync/curlmodule.h"

#include "core/sharedmodule.h"

namespace fi::sync {

Result<const CurlModule*> curl_module() {
    static const Result<const CurlModule*> opened = []() -> Result<const CurlModule*> {
        auto entry = module_symbol("libfieldinspect-curl.so", "fieldinspect_curl_module");
        if (!entry)
            return entry.error();
        using Entry = const CurlModule* (*)();
        return reinterpret_cast<Entry>(*entry)();
    }();
    return opened;
}

Result<Transport*> ModuleTransport::curl() {
    std::lock_guard lock(mutex_);
    if (!curl_) {
        auto module = curl_module();
        if (!module)
            return module.error();
        curl_.reset((*module)->make_transport(options_));
    }
    return curl_.get();
}

namespace {
HttpResponse refused(const Error& e) {
    HttpResponse r;
    r.error = NetError::other;
    r.error_detail = e.message;
    return r;
}
} // namespace

HttpResponse ModuleTransport::perform(HttpRequest request) {
    auto transport = curl();
    if (!transport)
        return refused(transport.error());
    return (*transport)->perform(std::move(request));
}

std::future<HttpResponse> ModuleTransport::start(HttpRequest request) {
    auto transport = curl();
    if (!transport)
        return ready_response(refused(transport.error()));
    return (*transport)->start(std::move(request));
}

} // namespace fi::sync
