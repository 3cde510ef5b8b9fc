#pragma once

#include <string_view>

namespace fi::services {

/// Error codes the application layer adds to core's, platform's and the central system's.
/// Front ends map codes to their own words by table (the app: UserMessages; the command line:
/// its exit codes).
namespace service_error {
inline constexpr std::string_view locked = "store_locked";           ///< no PIN given yet
inline constexpr std::string_view sign_in = "sign_in_required";      ///< the session ended (401)
inline constexpr std::string_view no_session = "no_pending_session"; ///< PIN before sign-in
inline constexpr std::string_view not_found = "not_found";
inline constexpr std::string_view no_server = "no_server";
inline constexpr std::string_view not_owner = "not_owner";
inline constexpr std::string_view already_inspected = "already_inspected";
inline constexpr std::string_view not_set_up = "not_set_up"; ///< no data directory yet
inline constexpr std::string_view network = "network";       ///< retryable: try again later
/// A correction names a record a later version already corrects: correct the newest one.
inline constexpr std::string_view not_chain_head = "not_chain_head";
/// Only a completed or uploaded record, not refused by the central system, can be corrected.
inline constexpr std::string_view not_correctable = "not_correctable";
/// A signature that cannot be given: an off-site record, someone not present, no name or
/// no reason for a refusal.
inline constexpr std::string_view not_signable = "not_signable";
/// A signature file that is neither a PNG nor a well-formed SVG.
inline constexpr std::string_view invalid_signature = "invalid_signature";
} // namespace service_error

/// Trouble that passes by itself (no network, a busy central system): try again later.
inline bool is_try_later(std::string_view code) {
    return code == service_error::network || code == "network_resolve" ||
           code == "network_connect" || code == "network_timeout" || code == "network_connection" ||
           code == "network_other";
}

} // namespace fi::services
