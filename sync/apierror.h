#pragma once

#include "core/result.h"
#include "sync/httptypes.h"

#include <chrono>
#include <optional>
#include <string>

namespace fi::sync {

/// How the client must react to a failed call (central-api.md, "Retry rules").
enum class ApiErrorKind {
    retryable,    ///< network trouble, timeouts, 408/429/5xx, an unreadable answer: back off, retry
    unauthorized, ///< 401: stop uploading, keep everything, ask the user to sign in
    rejected,     ///< other 4xx: do not retry this request; keep the record, show the message
    refused,      ///< TLS or URL refused locally: a configuration problem, never retried blindly
    cancelled,    ///< the caller cancelled
};

/// A failed call, with what the server said (if anything) and what to do next.
struct ApiError {
    ApiErrorKind kind = ApiErrorKind::retryable;
    long status = 0;     ///< HTTP status, 0 when none arrived
    std::string code;    ///< the server's error code, or one of ours (network_*, decode)
    std::string message; ///< a sentence for the user
    std::string field;   ///< the server's `field`, if any
    std::optional<std::chrono::seconds> retry_after;
    NetError net = NetError::none;

    bool retryable() const { return kind == ApiErrorKind::retryable; }
};

/// The longest wait a `Retry-After` can ask for (central-api.md 1.1, "Clients"): a larger
/// value counts as this, so one answer cannot hold a record, or the pull, back for days.
inline constexpr std::chrono::seconds max_retry_after{3600};

template <class T> using ApiResult = fi::Result<T, ApiError>;
using ApiStatus = fi::Result<void, ApiError>;

const char* to_string(ApiErrorKind kind);

} // namespace fi::sync
