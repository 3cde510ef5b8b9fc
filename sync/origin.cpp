#include "sync/origin.h"

#include "sync/curlmodule.h"

#include <algorithm>
#include <cctype>

namespace fi::sync {

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

Error bad_url(std::string_view url, const std::string& why) {
    return Error::make(origin_error::bad_url,
                       "The central system's address \"" + std::string(url.substr(0, 200)) +
                           "\" is not usable: " + why + ". Nothing was sent.");
}

bool base64_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '/';
}

} // namespace

std::string Origin::to_string() const {
    const bool v6 = host.find(':') != std::string::npos;
    return scheme + "://" + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

bool is_loopback_host(std::string_view host) {
    if (host == "localhost" || host == "::1")
        return true;
    // 127.0.0.0/8 written as a dotted quad; a name is not trusted to resolve there.
    if (!host.starts_with("127."))
        return false;
    int parts = 0;
    std::size_t start = 0;
    while (start <= host.size()) {
        const auto end = std::min(host.find('.', start), host.size());
        const auto part = host.substr(start, end - start);
        if (part.empty() || part.size() > 3 ||
            !std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
            std::stoi(std::string(part)) > 255)
            return false;
        ++parts;
        start = end + 1;
    }
    return parts == 4;
}

Status check_pin(std::string_view pin) {
    constexpr std::string_view prefix = "sha256//";
    const auto wrong = [&](const std::string& why) {
        return Error::make(origin_error::bad_pin,
                           "The public-key pin \"" + std::string(pin.substr(0, 80)) +
                               "\" is not usable: " + why +
                               ". A pin is sha256// followed by the 44-character base64 SHA-256 "
                               "of the server's public key. Nothing was sent.");
    };
    if (pin.empty())
        return wrong("it is empty");
    if (!pin.starts_with(prefix))
        return wrong("it does not start with sha256//");
    const auto b64 = pin.substr(prefix.size());
    if (b64.size() != 44 || b64.back() != '=' ||
        !std::all_of(b64.begin(), b64.end() - 1, base64_char))
        return wrong("after sha256// it needs exactly 44 base64 characters ending in =");
    return {};
}

Result<Origin> origin_of(std::string_view url, const std::string& ca_file,
                         const std::vector<std::string>& pins) {
    UrlParts parts;
    if (url.empty())
        parts.problem = "it is empty"; // said without opening the module
    else if (auto curl = curl_module())
        parts = (*curl)->url_parts(url);
    else
        parts.problem = curl.error().message;
    return origin_from(url, parts, ca_file, pins);
}

Result<Origin> origin_from(std::string_view url, const UrlParts& parts, const std::string& ca_file,
                           const std::vector<std::string>& pins) {
    if (!parts.problem.empty())
        return bad_url(url, parts.problem);
    Origin o;
    o.scheme = lower(parts.scheme);
    o.host = lower(parts.host);
    if (o.host.size() > 2 && o.host.front() == '[' && o.host.back() == ']')
        o.host = o.host.substr(1, o.host.size() - 2);
    o.port = std::atoi(parts.port.c_str());
    if (o.scheme != "https" && o.scheme != "http")
        return bad_url(url, "only https:// is allowed");
    if (o.scheme == "http" && !is_loopback_host(o.host))
        return Error::make(origin_error::plain_http,
                           "Plain http:// is refused for " + o.host +
                               ": the session and the records would cross the network "
                               "unencrypted. Use https:// (plain http:// is only for a central "
                               "system on this device itself: localhost, 127.0.0.1, ::1). Nothing "
                               "was sent.");
    for (const auto& p : pins)
        FI_TRY(check_pin(p));
    o.ca_file = ca_file;
    o.pins = pins;
    return o;
}

} // namespace fi::sync
