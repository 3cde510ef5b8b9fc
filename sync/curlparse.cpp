// libcurl's URL and date parsers (sync/curlmodule.h): in the module, and in the tests that
// link fi::sync_curl.
#include "sync/curlmodule.h"

#include <curl/curl.h>

namespace fi::sync {

namespace {

struct UrlDeleter {
    void operator()(CURLU* u) const { curl_url_cleanup(u); }
};
struct CurlText {
    char* text = nullptr;
    ~CurlText() { curl_free(text); }
};

} // namespace

UrlParts curl_url_parts(std::string_view url) {
    UrlParts parts;
    std::unique_ptr<CURLU, UrlDeleter> u(curl_url());
    if (!u) {
        parts.problem = "out of memory";
        return parts;
    }
    const std::string text(url);
    if (text.empty()) {
        parts.problem = "it is empty";
        return parts;
    }
    if (curl_url_set(u.get(), CURLUPART_URL, text.c_str(), 0) != CURLUE_OK) {
        parts.problem = "it is not a URL";
        return parts;
    }
    CurlText scheme, host, port, user, password;
    if (curl_url_get(u.get(), CURLUPART_SCHEME, &scheme.text, 0) != CURLUE_OK ||
        curl_url_get(u.get(), CURLUPART_HOST, &host.text, 0) != CURLUE_OK) {
        parts.problem = "it names no host";
        return parts;
    }
    if (curl_url_get(u.get(), CURLUPART_USER, &user.text, 0) == CURLUE_OK ||
        curl_url_get(u.get(), CURLUPART_PASSWORD, &password.text, 0) == CURLUE_OK) {
        parts.problem = "it carries a user name or password";
        return parts;
    }
    if (curl_url_get(u.get(), CURLUPART_PORT, &port.text, CURLU_DEFAULT_PORT) != CURLUE_OK) {
        parts.problem = "it names no port";
        return parts;
    }
    parts.scheme = scheme.text;
    parts.host = host.text;
    parts.port = port.text;
    return parts;
}

std::int64_t curl_http_date(const char* text) {
    return static_cast<std::int64_t>(curl_getdate(text, nullptr));
}

} // namespace fi::sync
