#pragma once

#include "core/model.h"
#include "sync/apierror.h"
#include "sync/httptypes.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <future>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace fi::sync {

struct SessionUser {
    std::string inspector_id;
    std::string name;
    std::string unit;
    std::vector<std::string> roles;
    bool has_role(std::string_view r) const;
};

struct Session {
    std::string token;
    std::string expires_at;
    std::string now;
    SessionUser user;
};

struct DeviceOrder {
    bool wipe = false;
    std::optional<std::string> message;
};

/// The 201/200 answer to an inspection upload.
struct InspectionReceipt {
    std::string id;
    std::string received_at;
    bool late = false;
    std::vector<std::string> photos_missing;
    bool replay = false; ///< 200: the server had it already (same key, same body)
};

struct PhotoOffset {
    std::int64_t offset = 0;
    std::int64_t length = 0;
};

struct PatchResult {
    std::int64_t offset = 0;
    bool complete = false;
};

/// The answer to a re-draw: the old assignment revoked, the new one, and the draw.
struct RedrawResult {
    Assignment revoked;
    Assignment assignment;
    nlohmann::json draw;
};

/// One page of a list endpoint, as received (ReferenceStore decodes it item by item).
struct RawPage {
    nlohmann::json json;
    std::string text; ///< the answer's body, which `json` was parsed from
};

/// Typed calls for every endpoint of central-api.md v1. Anything unexpected from the server
/// becomes an ApiError (kind `retryable`, code `decode`), never a crash; unknown fields are
/// ignored. The token is set after sign-in (or restored from the store).
class CentralClient {
public:
    CentralClient(Transport& transport, std::string base_url);

    void set_token(std::string token) { token_ = std::move(token); }
    const std::string& token() const { return token_; }
    const std::string& base_url() const { return base_url_; }

    ApiResult<Session> sign_in(const std::string& username, const std::string& password,
                               const std::string& device_id);
    ApiStatus sign_out();
    ApiResult<DeviceOrder> device();
    /// GET /time: the server's clock (RFC 3339 text).
    ApiResult<std::string> server_time();
    ApiResult<nlohmann::json> calendar();
    ApiResult<nlohmann::json> draw(const std::string& draw_id);
    /// GET /plans/{id}: the plan's current publication (interface 1.1).
    ApiResult<nlohmann::json> plan(const std::string& plan_id);
    /// GET /plans/{id}/redraws: a page of the plan's public re-draw log.
    ApiResult<RawPage> redraw_log(const std::string& plan_id,
                                  const std::optional<std::string>& since);
    ApiResult<RedrawResult> redraw(const std::string& assignment_id, const std::string& reason,
                                   const std::string& note,
                                   const std::vector<std::string>& exclude_inspector_ids);
    /// A request on the network (the start_ calls): the calling thread goes on with its own
    /// work, then takes the answer with get(), once, on the same thread. One left without
    /// get() (its caller unwound by an exception) waits for a request already on the wire,
    /// whose progress callback may name the caller's state; one not yet sent is dropped.
    template <class T> class Pending {
    public:
        Pending(Pending&&) noexcept = default;
        Pending& operator=(Pending&&) = delete;
        ~Pending() {
            if (future_.valid() &&
                future_.wait_for(std::chrono::seconds(0)) != std::future_status::deferred)
                future_.wait();
        }
        ApiResult<T> get() {
            HttpResponse r = future_.get();
            client_.received(r);
            return finish_(std::move(r));
        }

    private:
        friend class CentralClient;
        using Finish = std::function<ApiResult<T>(HttpResponse&&)>;
        Pending(CentralClient& client, std::future<HttpResponse> future, Finish finish)
            : client_(client), future_(std::move(future)), finish_(std::move(finish)) {}
        CentralClient& client_;
        std::future<HttpResponse> future_;
        Finish finish_;
    };

    /// GET /catalogue, /inspectors, /assignments (`endpoint` without slash).
    ApiResult<RawPage> page(const std::string& endpoint, const std::optional<std::string>& since,
                            int limit = 500);
    /// `cancel` set stops the request if it is still on the wire.
    Pending<RawPage> start_page(const std::string& endpoint,
                                const std::optional<std::string>& since, int limit = 500,
                                const std::atomic<bool>* cancel = nullptr);

    /// POST /inspections with the record id as Idempotency-Key; `body` is the exact bytes.
    ApiResult<InspectionReceipt> post_inspection(const std::string& record_id,
                                                 const std::string& body);
    Pending<InspectionReceipt> start_post_inspection(const std::string& record_id,
                                                     const std::string& body);
    ApiResult<PhotoOffset> photo_offset(const std::string& photo_id);
    ApiResult<PatchResult> photo_patch(const std::string& photo_id, std::int64_t offset,
                                       std::string bytes, ProgressFn progress = {},
                                       const std::atomic<bool>* cancel = nullptr);
    /// `progress` is called from the transport's thread while the caller goes on.
    Pending<PatchResult> start_photo_patch(const std::string& photo_id, std::int64_t offset,
                                           std::string bytes, ProgressFn progress = {},
                                           const std::atomic<bool>* cancel = nullptr);

    /// The last `Date` header seen, as seconds since the epoch (0 if none yet).
    std::int64_t last_server_date() const { return last_date_; }
    /// HTTP requests made through this client so far.
    std::int64_t requests_made() const { return requests_; }

private:
    HttpResponse call(HttpRequest rq);
    /// The request as this client sends it: the full URL, the token and the common headers.
    HttpRequest prepared(HttpRequest rq);
    /// Note what an answer tells the client itself (the server's date); the answer.
    const HttpResponse& received(const HttpResponse& r);
    /// Classify a response: ok statuses pass, the rest become an ApiError.
    std::optional<ApiError> failure(const HttpResponse& r, std::initializer_list<long> ok) const;
    ApiResult<nlohmann::json> json_of(const HttpResponse& r, std::initializer_list<long> ok) const;

    Transport& transport_;
    std::string base_url_;
    std::string token_;
    std::int64_t last_date_ = 0;
    std::int64_t requests_ = 0;
};

/// An ApiError for an answer that could not be read.
ApiError decode_error(const std::string& what);

} // namespace fi::sync
