#pragma once

#include "core/result.h"
#include "server/caller.h"
#include "server/clock.h"

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace fi::server {

class ApproverPage;
class DrawService;
class FaultInjector;
enum class Feed;
class IntakeService;
class PublicationService;
class PublicSite;
class ReferenceService;
class SessionService;

/// An HTTP answer as a plain value: what a route produced, before it is written.
struct Reply {
    int status = 200;
    std::string body;
    std::string content_type = "application/json";
    std::vector<std::pair<std::string, std::string>> headers;

    static Reply json(int status, const nlohmann::json& body);
    /// The interface's error body, with the status of the error's code.
    static Reply error(const Error& error);
    static Reply empty(int status);
};

/// The HTTP face of the central system: `/api/v1` routes of central-api.md onto the services,
/// errors as `{"error":{…}}` with their status, a `Date` header on every response, and — only
/// when a FaultInjector is given — the `/_test/faults` routes and the faults themselves.
///
/// The routes are one table (`routes()` in api.cpp: method, path, whether a session is
/// needed, handler) that `install` registers in one loop: a new endpoint is a row and a
/// handler.
class Api {
public:
    Api(SessionService& sessions, ReferenceService& reference, DrawService& draws,
        IntakeService& intake, PublicationService& publication, PublicSite& public_site,
        FaultInjector* faults, Clock clock);
    ~Api();

    /// Register every route and the shared handlers on `server`.
    void install(httplib::Server& server);

private:
    struct RouteRow;
    /// The route table, in registration order.
    static std::span<const RouteRow> routes();
    /// The most bytes of body a row's request may carry: a photo chunk for the photo PATCH,
    /// a JSON body for every other row.
    static std::size_t body_budget(const RouteRow& row);

    using Route = std::function<Reply(const httplib::Request&)>;
    /// Wrap a route: faults, exceptions as 500s, the reply written.
    std::function<void(const httplib::Request&, httplib::Response&)> wrap(Route route);

    /// The handlers of the table's rows. `caller` is the session's for rows that need one,
    /// empty for the others.
    /// @{
    Reply sign_in(const httplib::Request& req, const Caller& caller);
    Reply sign_out(const httplib::Request& req, const Caller& caller);
    Reply device(const httplib::Request& req, const Caller& caller);
    Reply server_time(const httplib::Request& req, const Caller& caller);
    Reply calendar(const httplib::Request& req, const Caller& caller);
    Reply catalogue(const httplib::Request& req, const Caller& caller);
    Reply inspectors(const httplib::Request& req, const Caller& caller);
    Reply assignments(const httplib::Request& req, const Caller& caller);
    Reply draw(const httplib::Request& req, const Caller& caller);
    Reply plan(const httplib::Request& req, const Caller& caller);
    Reply plan_redraws(const httplib::Request& req, const Caller& caller);
    Reply redraw(const httplib::Request& req, const Caller& caller);
    Reply submit_inspection(const httplib::Request& req, const Caller& caller);
    Reply photo_head(const httplib::Request& req, const Caller& caller);
    Reply photo_patch(const httplib::Request& req, const Caller& caller);
    Reply holds(const httplib::Request& req, const Caller& caller);
    Reply decide_hold(const httplib::Request& req, const Caller& caller);
    Reply set_faults(const httplib::Request& req, const Caller& caller);
    Reply show_faults(const httplib::Request& req, const Caller& caller);
    Reply clear_faults(const httplib::Request& req, const Caller& caller);
    /// A page's address without its closing slash (`/public`, `/approve`): moved to it.
    Reply add_slash(const httplib::Request& req, const Caller& caller);
    /// The public pages (`/public/`, no session): HTML, or the JSON twin with `?format=json`.
    Reply public_plans(const httplib::Request& req, const Caller& caller);
    Reply public_plan(const httplib::Request& req, const Caller& caller);
    Reply public_draw(const httplib::Request& req, const Caller& caller);
    Reply public_redraws(const httplib::Request& req, const Caller& caller);
    Reply public_results(const httplib::Request& req, const Caller& caller);
    Reply public_plan_results(const httplib::Request& req, const Caller& caller);
    Reply public_asset(const httplib::Request& req, const Caller& caller);
    /// The approvers' page (`/approve/`, its own cookie session: ApproverPage).
    Reply approve_page(const httplib::Request& req, const Caller& caller);
    Reply approve_login(const httplib::Request& req, const Caller& caller);
    Reply approve_decide(const httplib::Request& req, const Caller& caller);
    Reply approve_logout(const httplib::Request& req, const Caller& caller);
    /// @}
    /// A page of a reference list (catalogue, inspectors).
    Reply feed_page(Feed feed, const httplib::Request& req);

    SessionService& sessions_;
    ReferenceService& reference_;
    DrawService& draws_;
    IntakeService& intake_;
    PublicationService& publication_;
    PublicSite& public_site_;
    FaultInjector* faults_;
    Clock clock_;
    std::unique_ptr<ApproverPage> approver_page_;
};

} // namespace fi::server
