#pragma once

#include "core/result.h"
#include "server/caller.h"
#include "server/clock.h"

#include <functional>
#include <nlohmann/json.hpp>
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

class DrawService;
class FaultInjector;
class IntakeService;
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
class Api {
public:
    Api(SessionService& sessions, ReferenceService& reference, DrawService& draws,
        IntakeService& intake, FaultInjector* faults, Clock clock);

    /// Register every route and the shared handlers on `server`.
    void install(httplib::Server& server);

private:
    using Route = std::function<Reply(const httplib::Request&)>;
    /// Wrap a route: faults, exceptions as 500s, the reply written.
    std::function<void(const httplib::Request&, httplib::Response&)> wrap(Route route);
    /// Authenticate, then run `route` for the caller.
    Route authenticated(std::function<Reply(const httplib::Request&, const Caller&)> route);

    Reply sign_in(const httplib::Request& req);
    Reply photo_head(const httplib::Request& req, const Caller& caller);
    Reply photo_patch(const httplib::Request& req, const Caller& caller);
    Reply set_faults(const httplib::Request& req);

    SessionService& sessions_;
    ReferenceService& reference_;
    DrawService& draws_;
    IntakeService& intake_;
    FaultInjector* faults_;
    Clock clock_;
};

} // namespace fi::server
