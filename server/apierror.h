#pragma once

// Error codes the reference server answers with, and their HTTP status. Services return
// fi::Error values carrying one of these codes; only the HTTP layer (Api) turns a code into a
// status and the interface's error body.

#include "core/error.h"

#include <nlohmann/json.hpp>
#include <string_view>

namespace fi::server {

namespace api_code {
// central-api.md
inline constexpr std::string_view invalid_credentials = "invalid_credentials";   // 401
inline constexpr std::string_view locked = "locked";                             // 423
inline constexpr std::string_view not_team_leader = "not_team_leader";           // 403
inline constexpr std::string_view already_inspected = "already_inspected";       // 409
inline constexpr std::string_view revoked = "revoked";                           // 409
inline constexpr std::string_view idempotency_conflict = "idempotency_conflict"; // 409
inline constexpr std::string_view offset_mismatch = "offset_mismatch";           // 409
inline constexpr std::string_view hash_mismatch = "hash_mismatch";               // 422
inline constexpr std::string_view too_large = "too_large";                       // 413
inline constexpr std::string_view invalid = "invalid";                           // 422
// central-api.md 1.1
inline constexpr std::string_view unsupported_encoding = "unsupported_encoding";     // 415
inline constexpr std::string_view chain_device_mismatch = "chain_device_mismatch";   // 422
inline constexpr std::string_view chain_seq_out_of_range = "chain_seq_out_of_range"; // 422
inline constexpr std::string_view already_corrected = "already_corrected";           // 409
inline constexpr std::string_view confidential_ground_required =
    "confidential_ground_required";                                                  // 422
inline constexpr std::string_view missing_signature = "missing_signature";           // 422
inline constexpr std::string_view exclude_not_on_team = "exclude_not_on_team";       // 422
inline constexpr std::string_view note_required = "note_required";                   // 422
inline constexpr std::string_view redraw_chain_exhausted = "redraw_chain_exhausted"; // 409
inline constexpr std::string_view no_eligible_team = "no_eligible_team";             // 409
// The interface names no code for these; the server's own (docs/server.md).
inline constexpr std::string_view bad_request = "bad_request";     // 400: a body cut short
inline constexpr std::string_view unauthorized = "unauthorized";   // 401: no or unknown token
inline constexpr std::string_view token_expired = "token_expired"; // 401
inline constexpr std::string_view forbidden = "forbidden";         // 403
/// Publication (docs/server.md "Publication"): the result is public already, or its hold was
/// decided (or can no longer be).
inline constexpr std::string_view already_published = "already_published";           // 409
inline constexpr std::string_view hold_decided = "hold_decided";                     // 409
inline constexpr std::string_view not_found = "not_found";                           // 404
inline constexpr std::string_view method_not_allowed = "method_not_allowed";         // 405
inline constexpr std::string_view unsupported_media_type = "unsupported_media_type"; // 415
inline constexpr std::string_view internal = "internal";                             // 500
inline constexpr std::string_view unavailable = "unavailable";                       // 503
} // namespace api_code

/// The HTTP status of an error code: the interface's pairs, the 422 codes of intake, and
/// 500 for anything unknown (a bug or a store failure; store `busy` is 503, retried by
/// clients).
int http_status_for(std::string_view code);

/// `{"error":{"code":…,"message":…,"field":…}}`; `field` is null when the error names none.
nlohmann::json error_body(const Error& error);

} // namespace fi::server
