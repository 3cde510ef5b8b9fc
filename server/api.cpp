#include "server/api.h"

#include "core/date.h"
#include "server/apierror.h"
#include "server/drawservice.h"
#include "server/faultinjector.h"
#include "server/httplib_wrap.h"
#include "server/intakeservice.h"
#include "server/referenceservice.h"
#include "server/requestjson.h"
#include "server/sessionservice.h"

#include <arpa/inet.h>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>

namespace fi::server {

namespace {

using json = nlohmann::json;

constexpr std::string_view base = "/api/v1";

std::string path(std::string_view p) {
    return std::string(base) + std::string(p);
}

/// IMF-fixdate (RFC 9110), the form of the Date header.
std::string http_date(std::chrono::system_clock::time_point t) {
    const std::time_t secs = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    return buf;
}

std::optional<std::string> header(const httplib::Request& req, const char* name) {
    if (!req.has_header(name))
        return std::nullopt;
    return req.get_header_value(name);
}

std::optional<std::string> param(const httplib::Request& req, const char* name) {
    if (!req.has_param(name))
        return std::nullopt;
    return req.get_param_value(name);
}

/// A JSON request body: size first, then the bounded parse.
Result<json> json_body(const httplib::Request& req) {
    if (req.body.size() > IntakeService::max_body_bytes)
        return Error::make(api_code::too_large, "The body is over 1 MiB.");
    return parse_request_json(req.body);
}

/// Close the connection a request came on, without an answer. cpp-httplib does not hand
/// handlers their socket, so find it by its addresses among this process's descriptors; the
/// library's own write then fails and it closes the descriptor itself (test-only path).
void drop_connection(const httplib::Request& req) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", ec)) {
        int fd = -1;
        try {
            fd = std::stoi(entry.path().filename().string());
        } catch (const std::exception&) {
            continue;
        }
        sockaddr_storage local{};
        sockaddr_storage peer{};
        socklen_t local_len = sizeof local;
        socklen_t peer_len = sizeof peer;
        if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_len) != 0 ||
            getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_len) != 0)
            continue;
        auto port_of = [](const sockaddr_storage& a) -> int {
            if (a.ss_family == AF_INET)
                return ntohs(reinterpret_cast<const sockaddr_in&>(a).sin_port);
            if (a.ss_family == AF_INET6)
                return ntohs(reinterpret_cast<const sockaddr_in6&>(a).sin6_port);
            return -1;
        };
        if (port_of(local) == req.local_port && port_of(peer) == req.remote_port) {
            ::shutdown(fd, SHUT_RDWR);
            return;
        }
    }
}

void write(const Reply& reply, httplib::Response& res) {
    res.status = reply.status;
    for (const auto& [name, value] : reply.headers)
        res.set_header(name, value);
    if (!reply.body.empty())
        res.set_content(reply.body, reply.content_type);
}

} // namespace

Reply Reply::json(int status, const nlohmann::json& body) {
    Reply r;
    r.status = status;
    r.body = body.dump();
    return r;
}

Reply Reply::error(const Error& e) {
    Reply r = json(http_status_for(e.code), error_body(e));
    if (r.status == 401)
        r.headers.emplace_back("WWW-Authenticate", "Bearer");
    if (r.status == 503) // the database is busy (an admin command holds it): soon
        r.headers.emplace_back("Retry-After", "1");
    return r;
}

Reply Reply::empty(int status) {
    Reply r;
    r.status = status;
    return r;
}

Api::Api(SessionService& sessions, ReferenceService& reference, DrawService& draws,
         IntakeService& intake, FaultInjector* faults, Clock clock)
    : sessions_(sessions), reference_(reference), draws_(draws), intake_(intake), faults_(faults),
      clock_(std::move(clock)) {}

std::function<void(const httplib::Request&, httplib::Response&)> Api::wrap(Route route) {
    return [this, route = std::move(route)](const httplib::Request& req, httplib::Response& res) {
        std::optional<FaultAction> fault;
        if (faults_ && !req.path.starts_with("/_test/"))
            fault = faults_->pick(req.method, req.path);
        using K = FaultAction::Kind;
        if (fault) {
            switch (fault->kind) {
            case K::delay:
                std::this_thread::sleep_for(std::chrono::milliseconds(fault->ms));
                break;
            case K::status: {
                Reply r = Reply::error(Error::make(
                    fault->code ? *fault->code
                    : fault->status == 429 ? "too_many_requests"
                                           : "unavailable",
                    "Injected fault: the server answers " + std::to_string(fault->status) + "."));
                r.status = fault->status;
                std::erase_if(r.headers, [](const auto& h) { return h.first == "Retry-After"; });
                if (fault->retry_after)
                    r.headers.emplace_back("Retry-After", std::to_string(*fault->retry_after));
                write(r, res);
                return;
            }
            case K::drop:
                drop_connection(req);
                res.status = 500;
                return;
            case K::malformed: {
                Reply r;
                r.status = fault->status;
                r.body = FaultInjector::malformed_body(fault->body);
                write(r, res);
                if (r.body.empty())
                    res.set_header("Content-Type", "application/json");
                return;
            }
            case K::drop_after_commit:
            case K::truncate:
                break;
            }
        }

        Reply reply;
        try {
            reply = route(req);
        } catch (const std::exception& e) {
            reply = Reply::error(
                Error::make(api_code::internal, std::string("Internal error: ") + e.what()));
        }
        write(reply, res);

        if (fault && fault->kind == K::drop_after_commit) {
            drop_connection(req);
        } else if (fault && fault->kind == K::truncate) {
            // Announce the whole length, send part of it, then give up: the client sees a body
            // cut short by a broken connection.
            auto body = std::make_shared<std::string>(std::move(res.body));
            const auto keep = static_cast<std::size_t>(fault->bytes);
            res.body.clear();
            res.set_content_provider(
                body->size(), reply.content_type,
                [body, keep](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                    if (offset < keep && offset < body->size())
                        sink.write(body->data() + offset, std::min(keep, body->size()) - offset);
                    return false;
                });
        }
    };
}

Api::Route Api::authenticated(std::function<Reply(const httplib::Request&, const Caller&)> route) {
    return [this, route = std::move(route)](const httplib::Request& req) {
        auto caller = sessions_.authenticate(req.get_header_value("Authorization"));
        if (!caller)
            return Reply::error(caller.error());
        return route(req, *caller);
    };
}

Reply Api::sign_in(const httplib::Request& req) {
    auto body = json_body(req);
    if (!body)
        return Reply::error(body.error());
    auto answer = sessions_.sign_in(*body);
    return answer ? Reply::json(200, *answer) : Reply::error(answer.error());
}

Reply Api::photo_head(const httplib::Request& req, const Caller& caller) {
    if (req.method != "HEAD")
        return Reply::error(Error::make(api_code::method_not_allowed,
                                        "Photo bytes are not served back; use HEAD or PATCH."));
    auto state = intake_.photo_state(caller, req.matches[1].str());
    if (!state)
        return Reply::error(state.error());
    Reply r = Reply::empty(200);
    r.headers = {{"Upload-Offset", std::to_string(state->offset)},
                 {"Upload-Length", std::to_string(state->length)},
                 {"Cache-Control", "no-store"}};
    if (state->complete)
        r.headers.emplace_back("Upload-Complete", "true");
    return r;
}

Reply Api::photo_patch(const httplib::Request& req, const Caller& caller) {
    auto state = intake_.append(caller, req.matches[1].str(), header(req, "Upload-Offset"),
                                req.get_header_value("Content-Type"), req.body);
    if (!state) {
        Reply r = Reply::error(state.error());
        if (state.error().code == api_code::hash_mismatch)
            r.headers.emplace_back("Upload-Offset", "0");
        return r;
    }
    Reply r = Reply::empty(204);
    r.headers.emplace_back("Upload-Offset", std::to_string(state->offset));
    if (state->complete)
        r.headers.emplace_back("Upload-Complete", "true");
    return r;
}

Reply Api::set_faults(const httplib::Request& req) {
    auto body = json_body(req);
    if (!body)
        return Reply::error(body.error());
    if (auto s = faults_->set_script(*body); !s)
        return Reply::error(s.error());
    return Reply::json(200, faults_->describe());
}

void Api::install(httplib::Server& server) {
    server.set_post_routing_handler([this](const httplib::Request&, httplib::Response& res) {
        res.set_header("Date", http_date(clock_()));
    });
    // Answers the library makes itself (unknown path, body over the limit, bad request) get
    // the interface's error body too.
    server.set_error_handler(
        httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
            if (!res.body.empty() || res.content_provider_)
                return httplib::Server::HandlerResponse::Unhandled;
            std::string code = res.status == 404   ? std::string(api_code::not_found)
                               : res.status == 413 ? std::string(api_code::too_large)
                               : res.status == 405 ? std::string(api_code::method_not_allowed)
                                                   : std::string(api_code::invalid);
            const std::string message = res.status == 404 ? "No such resource."
                                        : res.status == 413
                                            ? "The request body is larger than this call accepts."
                                            : "The request could not be read.";
            res.set_content(error_body(Error::make(code, message)).dump(), "application/json");
            return httplib::Server::HandlerResponse::Handled;
        }));

    server.Post(path("/session"),
                wrap([this](const httplib::Request& req) { return sign_in(req); }));
    server.Delete(path("/session"),
                  wrap(authenticated([this](const httplib::Request&, const Caller& caller) {
                      auto s = sessions_.sign_out(caller);
                      return s ? Reply::empty(204) : Reply::error(s.error());
                  })));
    server.Get(path("/device"),
               wrap(authenticated([this](const httplib::Request&, const Caller& caller) {
                   auto d = sessions_.device_status(caller);
                   return d ? Reply::json(200, *d) : Reply::error(d.error());
               })));
    server.Get(path("/time"), wrap([this](const httplib::Request&) {
                   return Reply::json(200, {{"now", china_timestamp(clock_())}});
               }));
    server.Get(path("/calendar"),
               wrap(authenticated([this](const httplib::Request&, const Caller&) {
                   auto c = reference_.calendar();
                   return c ? Reply::json(200, *c) : Reply::error(c.error());
               })));
    for (const Feed feed : {Feed::catalogue, Feed::inspectors})
        server.Get(path(feed == Feed::catalogue ? "/catalogue" : "/inspectors"),
                   wrap(authenticated([this, feed](const httplib::Request& req, const Caller&) {
                       auto page = reference_.page(feed, param(req, "since"), param(req, "limit"));
                       return page ? Reply::json(200, *page) : Reply::error(page.error());
                   })));
    server.Get(path("/assignments"),
               wrap(authenticated([this](const httplib::Request& req, const Caller& caller) {
                   auto page =
                       reference_.assignment_page(caller, param(req, "since"), param(req, "limit"));
                   return page ? Reply::json(200, *page) : Reply::error(page.error());
               })));
    server.Get(path("/draws/([^/]+)"),
               wrap(authenticated([this](const httplib::Request& req, const Caller&) {
                   auto draw = draws_.draw_json(req.matches[1].str());
                   return draw ? Reply::json(200, *draw) : Reply::error(draw.error());
               })));
    server.Post(path("/assignments/([^/]+)/redraw"),
                wrap(authenticated([this](const httplib::Request& req, const Caller& caller) {
                    auto body = json_body(req);
                    if (!body)
                        return Reply::error(body.error());
                    if (auto s = check_text_lengths(*body, 4000); !s)
                        return Reply::error(s.error());
                    auto answer = draws_.redraw(caller, req.matches[1].str(), *body);
                    return answer ? Reply::json(201, *answer) : Reply::error(answer.error());
                })));
    server.Post(path("/inspections"),
                wrap(authenticated([this](const httplib::Request& req, const Caller& caller) {
                    auto answer = intake_.submit(caller, header(req, "Idempotency-Key"), req.body);
                    return answer ? Reply::json(answer->status, answer->body)
                                  : Reply::error(answer.error());
                })));
    // cpp-httplib answers HEAD with the GET handlers.
    server.Get(path("/photos/([^/]+)"),
               wrap(authenticated([this](const httplib::Request& req, const Caller& caller) {
                   return photo_head(req, caller);
               })));
    server.Patch(path("/photos/([^/]+)"),
                 wrap(authenticated([this](const httplib::Request& req, const Caller& caller) {
                     return photo_patch(req, caller);
                 })));

    if (!faults_)
        return; // without --fault-injection these routes do not exist at all
    server.Post("/_test/faults",
                wrap([this](const httplib::Request& req) { return set_faults(req); }));
    server.Get("/_test/faults", wrap([this](const httplib::Request&) {
                   return Reply::json(200, faults_->describe());
               }));
    server.Delete("/_test/faults", wrap([this](const httplib::Request&) {
                      faults_->clear();
                      return Reply::empty(204);
                  }));
}

} // namespace fi::server
