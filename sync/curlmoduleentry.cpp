// The module libfieldinspect-curl.so (sync/curlmodule.h): libcurl, the curl transport, and
// libcurl's URL and date parsers, opened on first use.
#include "core/sharedmodule.h"
#include "sync/curlmodule.h"

FI_MODULE_EXPORT const char* const fieldinspect_module_version = FI_MODULE_VERSION;

FI_MODULE_EXPORT const fi::sync::CurlModule* fieldinspect_curl_module() {
    static const fi::sync::CurlModule entries{
        [](const fi::sync::TransportOptions& options) -> fi::sync::Transport* {
            return new fi::sync::CurlTransport(options);
        },
        &fi::sync::curl_url_parts,
        &fi::sync::curl_http_date,
    };
    return &entries;
}
