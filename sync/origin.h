#pragma once

#include "core/result.h"

#include <string>
#include <string_view>
#include <vector>

namespace fi::sync {

/// Error codes of the central system's address and trust, as the front ends show them.
namespace origin_error {
inline constexpr std::string_view bad_url = "bad_server_url";
inline constexpr std::string_view plain_http = "plain_http_refused";
inline constexpr std::string_view bad_pin = "bad_tls_pin";
inline constexpr std::string_view mismatch = "origin_mismatch";
} // namespace origin_error

/// Where a session's token may go: the central system's scheme, host and port, and the trust
/// it was reached with (a CA bundle, public-key pins). A token is kept with its origin and
/// sent to that origin only; a different port, scheme or trust is another origin.
struct Origin {
    std::string scheme; ///< "https", or "http" for this device itself (loopback)
    std::string host;   ///< lower case; an IPv6 address without brackets
    int port = 0;
    std::string ca_file;
    std::vector<std::string> pins;

    bool operator==(const Origin&) const = default;
    /// "https://host:port", for messages.
    std::string to_string() const;
};

/// The origin of `url` with its trust, or why it is refused: not http(s) or unreadable
/// (`bad_server_url`), plain http to anything but this device (`plain_http_refused`), a pin
/// that is not `sha256//` and 44 base64 characters (`bad_tls_pin`). The URL is read by
/// libcurl's own parser, from the curl module (sync/curlmodule.h), which this opens.
Result<Origin> origin_of(std::string_view url, const std::string& ca_file = {},
                         const std::vector<std::string>& pins = {});

struct UrlParts;

/// The same, for a URL already taken apart by libcurl's parser (the curl transport's own check,
/// in the module with it).
Result<Origin> origin_from(std::string_view url, const UrlParts& parts, const std::string& ca_file,
                           const std::vector<std::string>& pins);

/// True for the names of this device itself: `localhost`, 127.0.0.0/8 and ::1.
bool is_loopback_host(std::string_view host);

/// A public-key pin as curl takes it and nothing else: `sha256//` and the 44-character base64
/// of a SHA-256 (`bad_tls_pin` says what is wrong otherwise). An empty pin is refused: it
/// would pin nothing.
Status check_pin(std::string_view pin);

} // namespace fi::sync
