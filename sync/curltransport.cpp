#include "sync/curltransport.h"

#include "sync/curlmodule.h"
#include "sync/origin.h"

#include <algorithm>
#include <cctype>
#include <curl/curl.h>
#include <future>
#include <map>

namespace fi::sync {

namespace {

/// curl_global_init once per process, before any thread uses curl.
struct CurlGlobal {
    CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
    ~CurlGlobal() { curl_global_cleanup(); }
};
void ensure_global() {
    static CurlGlobal global;
}

struct EasyDeleter {
    void operator()(CURL* h) const { curl_easy_cleanup(h); }
};
struct SlistDeleter {
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

NetError classify(CURLcode rc) {
    switch (rc) {
    case CURLE_OK:
        return NetError::none;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
        return NetError::resolve;
    case CURLE_COULDNT_CONNECT:
        return NetError::connect;
    case CURLE_OPERATION_TIMEDOUT:
        return NetError::timeout;
    case CURLE_GOT_NOTHING:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_WEIRD_SERVER_REPLY:
        return NetError::connection;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
        return NetError::tls;
    case CURLE_ABORTED_BY_CALLBACK:
        return NetError::cancelled;
    case CURLE_UNSUPPORTED_PROTOCOL:
        return NetError::refused_url;
    case CURLE_FILESIZE_EXCEEDED:
        return NetError::too_large;
    default:
        return NetError::other;
    }
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

} // namespace

struct CurlTransport::Job {
    HttpRequest request;
    HttpResponse response;
    std::promise<HttpResponse> promise;
    std::unique_ptr<CURL, EasyDeleter> easy;
    std::unique_ptr<curl_slist, SlistDeleter> header_list;
    std::int64_t max_bytes = 0;
    bool over_limit = false;
    char error_buffer[CURL_ERROR_SIZE] = {};

    static size_t on_body(char* data, size_t size, size_t n, void* self) {
        auto* job = static_cast<Job*>(self);
        const size_t bytes = size * n;
        if (static_cast<std::int64_t>(job->response.body.size() + bytes) > job->max_bytes) {
            job->over_limit = true;
            return 0; // stop: never buffer an oversized answer
        }
        job->response.body.append(data, bytes);
        return bytes;
    }

    static size_t on_header(char* data, size_t size, size_t n, void* self) {
        auto* job = static_cast<Job*>(self);
        const size_t bytes = size * n;
        std::string_view line(data, bytes);
        if (line.starts_with("HTTP/")) {
            job->response.headers.clear(); // a new response (after 1xx): start again
            return bytes;
        }
        const auto colon = line.find(':');
        if (colon == std::string_view::npos)
            return bytes;
        std::string name = lower(std::string(line.substr(0, colon)));
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
            value.remove_prefix(1);
        while (!value.empty() &&
               (value.back() == '\r' || value.back() == '\n' || value.back() == ' '))
            value.remove_suffix(1);
        job->response.headers[name] = std::string(value);
        return bytes;
    }

    static int on_progress(void* self, curl_off_t, curl_off_t, curl_off_t ultotal,
                           curl_off_t ulnow) {
        auto* job = static_cast<Job*>(self);
        if (job->request.cancel && job->request.cancel->load())
            return 1; // abort
        job->response.bytes_sent = ulnow;
        if (job->request.on_progress)
            job->request.on_progress(ulnow, ultotal);
        return 0;
    }
};

CurlTransport::CurlTransport(TransportOptions options) : options_(std::move(options)) {
    ensure_global();
    multi_ = curl_multi_init();
    curl_multi_setopt(static_cast<CURLM*>(multi_), CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
    worker_ = std::thread([this] { run(); });
}

CurlTransport::~CurlTransport() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    curl_multi_wakeup(static_cast<CURLM*>(multi_));
    worker_.join();
    curl_multi_cleanup(static_cast<CURLM*>(multi_));
}

HttpResponse CurlTransport::perform(HttpRequest request) {
    return start(std::move(request)).get();
}

std::future<HttpResponse> CurlTransport::start(HttpRequest request) {
    auto job = std::make_unique<Job>();
    job->request = std::move(request);
    auto future = job->promise.get_future();
    {
        std::lock_guard lock(mutex_);
        if (stopping_) {
            HttpResponse r;
            r.error = NetError::cancelled;
            r.error_detail = "the transport is shutting down";
            return ready_response(std::move(r));
        }
        queue_.push_back(std::move(job));
    }
    curl_multi_wakeup(static_cast<CURLM*>(multi_));
    return future;
}

bool CurlTransport::start_job(Job* job) {
    const HttpRequest& rq = job->request;
    const auto refuse = [&](NetError error, std::string detail) {
        job->response.error = error;
        job->response.error_detail = std::move(detail);
        job->promise.set_value(std::move(job->response));
        return false;
    };
    // Checked here, before curl sees the request: plain http:// only to this device itself,
    // and only when the configured URL said http://; every pin well formed (an empty or
    // garbled one would otherwise turn the check off).
    auto origin = origin_from(rq.url, curl_url_parts(rq.url), options_.ca_file, options_.pins);
    if (!origin)
        return refuse(origin.error().code == origin_error::bad_pin ? NetError::tls
                                                                   : NetError::refused_url,
                      origin.error().message);
    if (origin->scheme == "http" && !options_.allow_plain_http)
        return refuse(NetError::refused_url,
                      "plain http:// is refused: configure the server URL with http:// "
                      "explicitly (a central system on this device only) or use https://");
    CURL* h = curl_easy_init();
    job->easy.reset(h);
    job->max_bytes = options_.max_response_bytes;
    curl_easy_setopt(h, CURLOPT_URL, rq.url.c_str());
    curl_easy_setopt(h, CURLOPT_PRIVATE, job);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, job->error_buffer);
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, options_.allow_plain_http ? "http,https" : "https");
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(h, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
    // Pins without a CA file make the pinned key the trust anchor (a central system with a
    // self-signed certificate): the chain is then not checked against CAs, but the host name
    // and the pin always are (each pin was checked well formed above, so the pin check cannot
    // be empty). With a CA file or the system CAs, the chain is checked too.
    const bool pin_is_anchor = !options_.pins.empty() && options_.ca_file.empty();
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, pin_is_anchor ? 0L : 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!options_.ca_file.empty())
        curl_easy_setopt(h, CURLOPT_CAINFO, options_.ca_file.c_str());
    std::string pins;
    for (const auto& p : options_.pins)
        pins += (pins.empty() ? "" : ";") + p;
    if (!pins.empty())
        curl_easy_setopt(h, CURLOPT_PINNEDPUBLICKEY, pins.c_str()); // copied by curl
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(options_.connect_timeout.count()));
    const auto timeout = rq.timeout.count() > 0 ? rq.timeout : options_.request_timeout;
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, options_.low_speed_bytes);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, static_cast<long>(options_.low_speed_time.count()));
    curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE,
                     static_cast<curl_off_t>(options_.max_response_bytes));
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &Job::on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, job);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &Job::on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, job);
    curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, &Job::on_progress);
    curl_easy_setopt(h, CURLOPT_XFERINFODATA, job);
    curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);

    if (rq.method == "HEAD") {
        curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
    } else if (rq.method != "GET") {
        curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, rq.method.c_str());
        if (!rq.body.empty() || rq.method == "POST" || rq.method == "PATCH") {
            curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE,
                             static_cast<curl_off_t>(rq.body.size()));
            curl_easy_setopt(h, CURLOPT_POSTFIELDS, rq.body.data());
        }
    }
    curl_slist* list = curl_slist_append(nullptr, "Expect:");
    for (const auto& [name, value] : rq.headers)
        list = curl_slist_append(list, (name + ": " + value).c_str());
    job->header_list.reset(list);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, list);

    curl_multi_add_handle(static_cast<CURLM*>(multi_), h);
    return true;
}

void CurlTransport::run() {
    auto* multi = static_cast<CURLM*>(multi_);
    std::map<CURL*, std::unique_ptr<Job>> running;
    for (;;) {
        std::deque<std::unique_ptr<Job>> incoming;
        bool stop = false;
        {
            std::lock_guard lock(mutex_);
            incoming.swap(queue_);
            stop = stopping_;
        }
        // A refused job is answered by start_job and dies with `incoming`; a started one
        // lives in `running` until curl is done with it.
        for (auto& job : incoming)
            if (start_job(job.get())) {
                CURL* easy = job->easy.get();
                running.emplace(easy, std::move(job));
            }
        if (stop) {
            for (auto& [easy, job] : running) {
                curl_multi_remove_handle(multi, easy);
                job->response.error = NetError::cancelled;
                job->response.error_detail = "the transport is shutting down";
                job->promise.set_value(std::move(job->response));
            }
            return;
        }
        int still = 0;
        curl_multi_perform(multi, &still);
        int left = 0;
        while (CURLMsg* msg = curl_multi_info_read(multi, &left)) {
            if (msg->msg != CURLMSG_DONE)
                continue;
            CURL* easy = msg->easy_handle;
            auto it = running.find(easy);
            if (it == running.end())
                continue;
            std::unique_ptr<Job> job = std::move(it->second);
            running.erase(it);
            curl_multi_remove_handle(multi, easy);
            const CURLcode rc = msg->data.result;
            long status = 0;
            curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
            job->response.status = status;
            job->response.error = job->over_limit ? NetError::too_large : classify(rc);
            if (job->response.error != NetError::none) {
                job->response.error_detail =
                    job->error_buffer[0] ? job->error_buffer : curl_easy_strerror(rc);
                if (job->over_limit)
                    job->response.error_detail = "the answer exceeded the size limit";
            }
            curl_off_t sent = 0;
            curl_easy_getinfo(easy, CURLINFO_SIZE_UPLOAD_T, &sent);
            job->response.bytes_sent = sent;
            job->promise.set_value(std::move(job->response));
        }
        curl_multi_poll(multi, nullptr, 0, 1000, nullptr);
    }
}

} // namespace fi::sync
