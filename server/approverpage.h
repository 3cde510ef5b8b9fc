#pragma once

#include "server/api.h"
#include "server/clock.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace httplib {
struct Request;
}

namespace fi::server {

class PublicationService;
class SessionService;

/// The approvers' page at `/approve/` (confidential holds: approve or refuse on an authenticated
/// page, besides `admin` and `POST /api/v1/holds/{record}`). Server-rendered Chinese HTML, no
/// script. Sign-in is a form (POST): the same SessionService, hasher, failure count and lock as
/// the tablet's `POST /session`; the session's bearer token then lives in an HttpOnly,
/// SameSite=Strict cookie limited to `/approve/` (Secure over TLS). Every form carries a CSRF
/// token: on the sign-in form a random value also set as a short-lived cookie (double submit),
/// on the signed-in forms SHA-256 of a label and the session token, which only a page of this
/// session can know. The decision itself is PublicationService::decide_hold, as for the JSON
/// route and `admin`: the approver role, not one of the record's inspectors, not its uploader.
/// The page also shows the publication counts and the bureau reports' due dates.
class ApproverPage {
public:
    ApproverPage(SessionService& sessions, PublicationService& publication, Clock clock)
        : sessions_(sessions), publication_(publication), clock_(std::move(clock)) {}

    /// `GET /approve/`: the sign-in form, or (signed in as an approver) the holds and counts.
    Reply show(const httplib::Request& req);
    /// `POST /approve/login`: username, password, csrf (form-encoded).
    Reply sign_in(const httplib::Request& req);
    /// `POST /approve/holds/{record}`: decision (approve|refuse), reason, csrf.
    Reply decide(const httplib::Request& req);
    /// `POST /approve/logout`: csrf. The session ends.
    Reply sign_out(const httplib::Request& req);

    /// The CSRF token of the forms of a session (hex SHA-256 of a label and its bearer token).
    static std::string csrf_for(std::string_view session_token);
    /// An `application/x-www-form-urlencoded` body (or query), `+` and `%XX` decoded; the first
    /// of a repeated name counts.
    static std::map<std::string, std::string> parse_form(std::string_view body);
    /// The value of cookie `name` in a Cookie header.
    static std::optional<std::string> cookie(const httplib::Request& req, std::string_view name);

    static constexpr std::string_view session_cookie = "fi_approve";
    static constexpr std::string_view login_cookie = "fi_approve_login";

private:
    struct Signed;
    /// The signed-in session of the request's cookie, if any and valid.
    std::optional<Signed> signed_in(const httplib::Request& req);
    Reply login_form(int status, std::string_view message, bool tls);
    Reply holds_page(const Signed& who, int status, std::string_view message);

    SessionService& sessions_;
    PublicationService& publication_;
    Clock clock_;
};

} // namespace fi::server
