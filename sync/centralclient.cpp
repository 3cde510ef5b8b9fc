#include "sync/centralclient.h"

#include "core/modeljson.h"
#include "sync/curlmodule.h"
#include "sync/jsonguard.h"

#include <algorithm>

namespace fi::sync {

const char* to_string(ApiErrorKind kind) {
    switch (kind) {
    case ApiErrorKind::retryable:
        return "retryable";
    case ApiErrorKind::unauthorized:
        return "unauthorized";
    case ApiErrorKind::rejected:
        return "rejected";
    case ApiErrorKind::refused:
        return "refused";
    case ApiErrorKind::cancelled:
        return "cancelled";
    }
    return "retryable";
}

bool SessionUser::has_role(std::string_view r) const {
    return std::find(roles.begin(), roles.end(), r) != roles.end();
}

ApiError decode_error(const std::string& what) {
    ApiError e;
    e.kind = ApiErrorKind::retryable;
    e.code = "decode";
    e.message = "The central system's answer could not be read (" + what +
                "). Nothing was lost; it will be tried again.";
    return e;
}

namespace {

using nlohmann::json;

std::optional<std::string> str(const json& j, const char* key) {
    if (!j.is_object())
        return std::nullopt;
    auto it = j.find(key);
    if (it == j.end() || !it->is_string())
        return std::nullopt;
    return it->get<std::string>();
}

std::optional<bool> boolean(const json& j, const char* key) {
    if (!j.is_object())
        return std::nullopt;
    auto it = j.find(key);
    if (it == j.end() || !it->is_boolean())
        return std::nullopt;
    return it->get<bool>();
}

std::optional<std::int64_t> integer_header(const HttpResponse& r, const std::string& name) {
    auto h = r.header(name);
    if (!h || h->empty() || h->size() > 18 ||
        !std::all_of(h->begin(), h->end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    return std::stoll(*h);
}

std::string net_message(NetError e) {
    switch (e) {
    case NetError::resolve:
        return "The central system's address could not be found. Check the network or the "
               "server address in settings.";
    case NetError::connect:
        return "The central system cannot be reached right now.";
    case NetError::timeout:
        return "The central system did not answer in time.";
    case NetError::connection:
        return "The connection to the central system broke off.";
    case NetError::tls:
        return "The central system's certificate was refused (not trusted, wrong host name or "
               "wrong pin). Nothing was sent. Check the server settings with your administrator.";
    case NetError::too_large:
        return "The central system's answer was too large to accept.";
    case NetError::refused_url:
        return "The server address is not allowed: use https://.";
    case NetError::cancelled:
        return "Cancelled.";
    default:
        return "A network error occurred.";
    }
}

std::string join_url(const std::string& base, const std::string& path) {
    if (!base.empty() && base.back() == '/')
        return base.substr(0, base.size() - 1) + path;
    return base + path;
}

/// Percent-encode a query or path component.
std::string escape(const std::string& s) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

} // namespace

CentralClient::CentralClient(Transport& transport, std::string base_url)
    : transport_(transport), base_url_(std::move(base_url)) {}

HttpRequest CentralClient::prepared(HttpRequest rq) {
    rq.url = join_url(base_url_, rq.url);
    if (!token_.empty() && !rq.headers.contains("authorization"))
        rq.headers["Authorization"] = "Bearer " + token_;
    if (!rq.body.empty() && !rq.headers.contains("Content-Type"))
        rq.headers["Content-Type"] = "application/json";
    rq.headers["Accept"] = "application/json";
    ++requests_;
    return rq;
}

const HttpResponse& CentralClient::received(const HttpResponse& r) {
    if (auto date = r.header("date")) {
        // libcurl's date reader, from the module the transport came from.
        if (auto curl = curl_module(); curl) {
            const std::int64_t t = (*curl)->http_date(date->c_str());
            if (t > 0)
                last_date_ = static_cast<time_t>(t);
        }
    }
    return r;
}

HttpResponse CentralClient::call(HttpRequest rq) {
    HttpResponse r = transport_.perform(prepared(std::move(rq)));
    received(r);
    return r;
}

std::optional<ApiError> CentralClient::failure(const HttpResponse& r,
                                               std::initializer_list<long> ok) const {
    ApiError e;
    if (!r.ok()) {
        e.net = r.error;
        e.code = std::string("network_") + to_string(r.error);
        e.message = net_message(r.error);
        e.kind = r.error == NetError::tls || r.error == NetError::refused_url
                     ? ApiErrorKind::refused
                 : r.error == NetError::cancelled ? ApiErrorKind::cancelled
                                                  : ApiErrorKind::retryable;
        return e;
    }
    if (std::find(ok.begin(), ok.end(), r.status) != ok.end())
        return std::nullopt;
    e.status = r.status;
    // The interface's error shape; anything else (a proxy's HTML page) is still an error.
    auto body = parse_untrusted_json(r.body);
    if (body.ok() && body->is_object() && body->contains("error")) {
        const json& err = body->at("error");
        e.code = str(err, "code").value_or("");
        e.message = str(err, "message").value_or("");
        e.field = str(err, "field").value_or("");
    }
    if (e.code.empty())
        e.code = "http_" + std::to_string(r.status);
    if (e.message.empty())
        e.message = "The central system answered with status " + std::to_string(r.status) + ".";
    if (auto ra = integer_header(r, "retry-after"))
        e.retry_after = std::chrono::seconds(std::min<std::int64_t>(*ra, max_retry_after.count()));
    switch (r.status) {
    case 401:
        e.kind = ApiErrorKind::unauthorized;
        break;
    case 408:
    case 429:
    case 500:
    case 502:
    case 503:
    case 504:
        e.kind = ApiErrorKind::retryable;
        break;
    default:
        e.kind = ApiErrorKind::rejected;
    }
    return e;
}

ApiResult<nlohmann::json> CentralClient::json_of(const HttpResponse& r,
                                                 std::initializer_list<long> ok) const {
    if (auto e = failure(r, ok))
        return *e;
    auto body = parse_untrusted_json(r.body);
    if (!body)
        return decode_error(body.error().message);
    if (!body->is_object())
        return decode_error("not a JSON object");
    return std::move(body.value());
}

ApiResult<Session> CentralClient::sign_in(const std::string& username, const std::string& password,
                                          const std::string& device_id) {
    HttpRequest rq;
    rq.method = "POST";
    rq.url = "/session";
    rq.headers["authorization"] = ""; // never send an old token with a sign-in
    rq.body = json{{"username", username}, {"password", password}, {"device_id", device_id}}.dump();
    HttpResponse r = call(std::move(rq));
    auto j = json_of(r, {200});
    if (!j)
        return j.error();
    Session s;
    s.token = str(*j, "token").value_or("");
    s.expires_at = str(*j, "expires_at").value_or("");
    s.now = str(*j, "now").value_or("");
    auto user = j->find("user");
    if (s.token.empty() || user == j->end() || !user->is_object())
        return decode_error("no token or user in the session answer");
    s.user.inspector_id = str(*user, "inspector_id").value_or("");
    s.user.name = str(*user, "name").value_or("");
    s.user.unit = str(*user, "unit").value_or("");
    if (auto roles = user->find("roles"); roles != user->end() && roles->is_array())
        for (const auto& role : *roles)
            if (role.is_string())
                s.user.roles.push_back(role.get<std::string>());
    token_ = s.token;
    return s;
}

ApiStatus CentralClient::sign_out() {
    HttpRequest rq;
    rq.method = "DELETE";
    rq.url = "/session";
    HttpResponse r = call(std::move(rq));
    if (auto e = failure(r, {204, 200}))
        return *e;
    token_.clear();
    return {};
}

ApiResult<DeviceOrder> CentralClient::device() {
    HttpRequest rq;
    rq.url = "/device";
    auto j = json_of(call(std::move(rq)), {200});
    if (!j)
        return j.error();
    auto wipe = boolean(*j, "wipe");
    if (!wipe)
        return decode_error("no wipe flag in the device answer");
    return DeviceOrder{*wipe, str(*j, "message")};
}

ApiResult<std::string> CentralClient::server_time() {
    HttpRequest rq;
    rq.url = "/time";
    auto j = json_of(call(std::move(rq)), {200});
    if (!j)
        return j.error();
    auto now = str(*j, "now");
    if (!now)
        return decode_error("no time in the answer");
    return *now;
}

ApiResult<nlohmann::json> CentralClient::calendar() {
    HttpRequest rq;
    rq.url = "/calendar";
    return json_of(call(std::move(rq)), {200});
}

ApiResult<RawPage> CentralClient::page(const std::string& endpoint,
                                       const std::optional<std::string>& since, int limit) {
    return start_page(endpoint, since, limit).get();
}

CentralClient::Pending<RawPage> CentralClient::start_page(const std::string& endpoint,
                                                          const std::optional<std::string>& since,
                                                          int limit,
                                                          const std::atomic<bool>* cancel) {
    HttpRequest rq;
    rq.url = "/" + endpoint + "?limit=" + std::to_string(std::clamp(limit, 1, 500));
    if (since)
        rq.url += "&since=" + escape(*since);
    rq.cancel = cancel;
    auto finish = [this](HttpResponse&& r) -> ApiResult<RawPage> {
        auto j = json_of(r, {200});
        if (!j)
            return j.error();
        return RawPage{std::move(j.value()), std::move(r.body)};
    };
    return {*this, transport_.start(prepared(std::move(rq))), std::move(finish)};
}

ApiResult<nlohmann::json> CentralClient::draw(const std::string& draw_id) {
    HttpRequest rq;
    rq.url = "/draws/" + escape(draw_id);
    return json_of(call(std::move(rq)), {200});
}

ApiResult<nlohmann::json> CentralClient::plan(const std::string& plan_id) {
    HttpRequest rq;
    rq.url = "/plans/" + escape(plan_id);
    return json_of(call(std::move(rq)), {200});
}

ApiResult<RawPage> CentralClient::redraw_log(const std::string& plan_id,
                                             const std::optional<std::string>& since) {
    return page("plans/" + escape(plan_id) + "/redraws", since);
}

ApiResult<RedrawResult> CentralClient::redraw(const std::string& assignment_id,
                                              const std::string& reason, const std::string& note,
                                              const std::vector<std::string>& exclude) {
    HttpRequest rq;
    rq.method = "POST";
    rq.url = "/assignments/" + escape(assignment_id) + "/redraw";
    rq.body = json{{"reason", reason}, {"note", note}, {"exclude_inspector_ids", exclude}}.dump();
    auto j = json_of(call(std::move(rq)), {201, 200});
    if (!j)
        return j.error();
    auto revoked_it = j->find("revoked");
    auto assignment_it = j->find("assignment");
    auto draw_it = j->find("draw");
    if (revoked_it == j->end() || assignment_it == j->end() || draw_it == j->end())
        return decode_error("the re-draw answer lacks the revoked or new assignment or the draw");
    auto revoked = decode_assignment(*revoked_it);
    if (!revoked)
        return decode_error(revoked.error().message);
    auto fresh = decode_assignment(*assignment_it);
    if (!fresh)
        return decode_error(fresh.error().message);
    return RedrawResult{std::move(revoked.value()), std::move(fresh.value()), *draw_it};
}

ApiResult<InspectionReceipt> CentralClient::post_inspection(const std::string& record_id,
                                                            const std::string& body) {
    return start_post_inspection(record_id, body).get();
}

CentralClient::Pending<InspectionReceipt>
CentralClient::start_post_inspection(const std::string& record_id, const std::string& body) {
    HttpRequest rq;
    rq.method = "POST";
    rq.url = "/inspections";
    rq.headers["Idempotency-Key"] = record_id;
    rq.body = body;
    auto finish = [this, record_id](const HttpResponse& r) -> ApiResult<InspectionReceipt> {
        auto j = json_of(r, {201, 200});
        if (!j)
            return j.error();
        InspectionReceipt receipt;
        receipt.id = str(*j, "id").value_or("");
        receipt.received_at = str(*j, "received_at").value_or("");
        receipt.late = boolean(*j, "late").value_or(false);
        receipt.replay = r.status == 200;
        if (receipt.id != record_id || receipt.received_at.empty() || !boolean(*j, "late"))
            return decode_error("the receipt does not name this record, its time or its late flag");
        if (auto missing = j->find("photos_missing"); missing != j->end() && missing->is_array())
            for (const auto& id : *missing)
                if (id.is_string())
                    receipt.photos_missing.push_back(id.get<std::string>());
        return receipt;
    };
    return {*this, transport_.start(prepared(std::move(rq))), std::move(finish)};
}

ApiResult<PhotoOffset> CentralClient::photo_offset(const std::string& photo_id) {
    HttpRequest rq;
    rq.method = "HEAD";
    rq.url = "/photos/" + escape(photo_id);
    HttpResponse r = call(std::move(rq));
    if (auto e = failure(r, {200}))
        return *e;
    auto offset = integer_header(r, "upload-offset");
    auto length = integer_header(r, "upload-length");
    if (!offset || !length || *offset > *length)
        return decode_error("no usable Upload-Offset / Upload-Length");
    return PhotoOffset{*offset, *length};
}

ApiResult<PatchResult> CentralClient::photo_patch(const std::string& photo_id, std::int64_t offset,
                                                  std::string bytes, ProgressFn progress,
                                                  const std::atomic<bool>* cancel) {
    return start_photo_patch(photo_id, offset, std::move(bytes), std::move(progress), cancel).get();
}

CentralClient::Pending<PatchResult>
CentralClient::start_photo_patch(const std::string& photo_id, std::int64_t offset,
                                 std::string bytes, ProgressFn progress,
                                 const std::atomic<bool>* cancel) {
    HttpRequest rq;
    rq.method = "PATCH";
    rq.url = "/photos/" + escape(photo_id);
    rq.headers["Upload-Offset"] = std::to_string(offset);
    rq.headers["Content-Type"] = "application/offset+octet-stream";
    const auto sent = static_cast<std::int64_t>(bytes.size());
    rq.body = std::move(bytes);
    rq.on_progress = std::move(progress);
    rq.cancel = cancel;
    auto finish = [this, offset, sent](const HttpResponse& r) -> ApiResult<PatchResult> {
        if (auto e = failure(r, {204, 200}))
            return *e;
        auto next = integer_header(r, "upload-offset");
        if (!next || *next != offset + sent)
            return decode_error("the new Upload-Offset is missing or not where the bytes ended");
        const auto complete = r.header("upload-complete");
        return PatchResult{*next, complete && *complete == "true"};
    };
    return {*this, transport_.start(prepared(std::move(rq))), std::move(finish)};
}

} // namespace fi::sync
