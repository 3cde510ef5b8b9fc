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

HttpResponse ModuleTransport::perform(HttpRequest request) {
    Transport* curl = nullptr;
    {
        std::lock_guard lock(mutex_);
        if (!curl_) {
            auto module = curl_module();
            if (!module) {
                HttpResponse refused;
                refused.error = NetError::other;
                refused.error_detail = module.error().message;
                return refused;
            }
            curl_.reset((*module)->make_transport(options_));
        }
        curl = curl_.get();
    }
    return curl->perform(std::move(request));
}

} // namespace fi::sync
