#include "server/api.h"

#include "core/date.h"
#include "server/apierror.h"
#include "server/approverpage.h"
#include "server/drawservice.h"
#include "server/faultinjector.h"
#include "server/httplib_wrap.h"
#include "server/intakeservice.h"
#include "server/publicassets.h"
#include "server/publicationservice.h"
#include "server/publicpages.h"
#include "server/publicsite.h"
#include "server/referenceservice.h"
#include "server/requestjson.h"
#include "server/sessionservice.h"

#include <algorithm>
#include <arpa/inet.h>
#include <array>
#include <cctype>
#include <charconv>
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

/// An answer given before the request's body was read (or all of it): the rest of the body is
/// still on the connection, so the server ends it once the answer is out. cpp-httplib 0.11
/// keeps a connection whatever `Connection: close` says and would read the rest of the body as
/// the next requests — one endless chunk as one endless request line, held whole (scenario 12
/// of docs/reliability.md: 256 MiB held after a 401). The library ends a connection whose
/// content provider fails, so the answer goes out through a provider that writes all of it and
/// then reports failure: the client has the whole answer, the server reads nothing more.
void write_and_close(const Reply& reply, httplib::Response& res) {
    write(reply, res);
    res.set_header("Connection", "close");
    if (res.body.empty())
        return;
    const std::string type = res.get_header_value("Content-Type");
    res.headers.erase("Content-Type"); // set again by the provider
    const std::size_t length = res.body.size();
    res.set_content_provider(
        length, type,
        [body = std::move(res.body)](std::size_t offset, std::size_t, httplib::DataSink& sink) {
            sink.write(body.data() + offset, body.size() - offset);
            return false;
        });
    res.body.clear();
}

/// A request body, read while counting: whatever the transfer encoding (a length, chunks, or
/// until the peer closes), no more than `budget` bytes are ever held — the read stops at the
/// first byte past it (central-api.md 1.1 "Requests the central system refuses outright").
Result<std::string> read_body(const httplib::Request& req, const httplib::ContentReader& reader,
                              std::size_t budget) {
    const auto too_large = [&] {
        return Error::make(api_code::too_large, "The request body is over the " +
                                                    std::to_string(budget / 1024) +
                                                    " KiB this call accepts.");
    };
    // Multipart bodies would go to a parser the server never gives one.
    if (req.is_multipart_form_data())
        return Error::make(api_code::unsupported_media_type,
                           "Multipart bodies are not accepted here.", "Content-Type");
    if (req.has_header("Content-Length")) {
        const std::string declared = req.get_header_value("Content-Length");
        std::size_t n = 0;
        const auto r = std::from_chars(declared.data(), declared.data() + declared.size(), n);
        if (r.ec == std::errc::result_out_of_range || (r.ec == std::errc() && n > budget)) {
            // A little over: read and dropped, so an honest client that sends its whole body
            // before reading gets the 413 rather than a reset. Far over: refused before a byte.
            if (r.ec == std::errc() && n <= 2 * budget)
                reader([](const char*, std::size_t) { return true; });
            return too_large();
        }
    }
    std::string body;
    bool over = false;
    const bool read = reader([&](const char* data, std::size_t n) {
        if (n > budget - body.size()) {
            over = true;
            return false;
        }
        body.append(data, n);
        return true;
    });
    if (over)
        return too_large();
    if (!read)
        return Error::make(api_code::bad_request,
                           "The request body could not be read (cut short or badly framed).");
    return body;
}

/// Headers of every public answer: nothing runs or loads from elsewhere, the type is what it says.
void add_public_headers(Reply& r) {
    r.headers.emplace_back("X-Content-Type-Options", "nosniff");
    r.headers.emplace_back("Referrer-Policy", "no-referrer");
    r.headers.emplace_back("Content-Security-Policy",
                           "default-src 'none'; script-src 'self'; style-src 'self'; "
                           "connect-src 'self'; img-src 'self'; base-uri 'none'; "
                           "form-action 'none'; frame-ancestors 'none'");
}

/// A public page: its JSON twin with `?format=json` (anyone may read it, from anywhere), else
/// the HTML rendered from the same twin; an error as the error body, or as a page for people.
Reply public_reply(const httplib::Request& req, const Result<json>& twin,
                   std::string (*render)(const json&, std::string_view)) {
    const bool as_json = req.has_param("format") && req.get_param_value("format") == "json";
    Reply r;
    if (as_json) {
        r = twin ? Reply::json(200, *twin) : Reply::error(twin.error());
        r.headers.emplace_back("Access-Control-Allow-Origin", "*");
    } else {
        r.status = twin ? 200 : http_status_for(twin.error().code);
        r.body = twin ? render(*twin, req.path) : PublicPages::not_found(twin.error().message);
        r.content_type = "text/html; charset=utf-8";
    }
    add_public_headers(r);
    return r;
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
         IntakeService& intake, PublicationService& publication, PublicSite& public_site,
         FaultInjector* faults, Clock clock)
    : sessions_(sessions), reference_(reference), draws_(draws), intake_(intake),
      publication_(publication), public_site_(public_site), faults_(faults),
      clock_(std::move(clock)),
      approver_page_(std::make_unique<ApproverPage>(sessions_, publication_, clock_)) {}

Api::~Api() = default;

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
                Reply r = Reply::error(Error::make(fault->code            ? *fault->code
                                                   : fault->status == 429 ? "too_many_requests"
                                                                          : "unavailable",
                                                   "Injected fault: the server answers " +
                                                       std::to_string(fault->status) + "."));
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

// --- the route table -------------------------------------------------------------------------

/// One endpoint. `path` is a cpp-httplib pattern (regex; groups reach the handler as
/// `req.matches`) under `/api/v1`, or under the server root for the public and test-only rows.
struct Api::RouteRow {
    enum class Method { get, post, patch, del };
    /// api: under /api/v1, always; site: at the root, always (the public pages); test: at the
    /// root, only with --fault-injection.
    enum class Scope { api, site, test };
    /// session: needs a valid bearer token (else 401 before the handler runs).
    enum class Access { open, session };

    Method method;
    std::string_view path;
    Access access;
    Scope scope;
    Reply (Api::*handle)(const httplib::Request&, const Caller&);
};

std::span<const Api::RouteRow> Api::routes() {
    using M = RouteRow::Method;
    constexpr auto api = RouteRow::Scope::api;
    constexpr auto site = RouteRow::Scope::site;
    constexpr auto test = RouteRow::Scope::test;
    constexpr auto open = RouteRow::Access::open;
    constexpr auto session = RouteRow::Access::session;
    // cpp-httplib answers HEAD with the GET handlers: `GET /photos/{id}` is the HEAD.
    static constexpr RouteRow table[] = {
        {M::post, "/session", open, api, &Api::sign_in},
        {M::del, "/session", session, api, &Api::sign_out},
        {M::get, "/device", session, api, &Api::device},
        {M::get, "/time", open, api, &Api::server_time},
        {M::get, "/calendar", session, api, &Api::calendar},
        {M::get, "/catalogue", session, api, &Api::catalogue},
        {M::get, "/inspectors", session, api, &Api::inspectors},
        {M::get, "/assignments", session, api, &Api::assignments},
        {M::get, "/draws/([^/]+)", session, api, &Api::draw},
        {M::get, "/plans/([^/]+)", session, api, &Api::plan},
        {M::get, "/plans/([^/]+)/redraws", session, api, &Api::plan_redraws},
        {M::post, "/assignments/([^/]+)/redraw", session, api, &Api::redraw},
        {M::post, "/inspections", session, api, &Api::submit_inspection},
        {M::get, "/photos/([^/]+)", session, api, &Api::photo_head},
        {M::patch, "/photos/([^/]+)", session, api, &Api::photo_patch},
        {M::get, "/holds", session, api, &Api::holds},
        {M::post, "/holds/([^/]+)", session, api, &Api::decide_hold},
        {M::get, "/public", open, site, &Api::add_slash},
        {M::get, "/public/", open, site, &Api::public_plans},
        {M::get, "/public/plans/([^/]+)", open, site, &Api::public_plan},
        {M::get, "/public/plans/([^/]+)/draw", open, site, &Api::public_draw},
        {M::get, "/public/plans/([^/]+)/redraws", open, site, &Api::public_redraws},
        {M::get, "/public/plans/([^/]+)/results", open, site, &Api::public_plan_results},
        {M::get, "/public/results", open, site, &Api::public_results},
        {M::get, "/public/(site\\.css|drawcheck\\.js)", open, site, &Api::public_asset},
        {M::get, "/approve", open, site, &Api::add_slash},
        {M::get, "/approve/", open, site, &Api::approve_page},
        {M::post, "/approve/login", open, site, &Api::approve_login},
        {M::post, "/approve/holds/([^/]+)", open, site, &Api::approve_decide},
        {M::post, "/approve/logout", open, site, &Api::approve_logout},
        {M::post, "/_test/faults", open, test, &Api::set_faults},
        {M::get, "/_test/faults", open, test, &Api::show_faults},
        {M::del, "/_test/faults", open, test, &Api::clear_faults},
    };
    return table;
}

// --- handlers ----------------------------------------------------------------------------------

Reply Api::sign_in(const httplib::Request& req, const Caller&) {
    auto body = json_body(req);
    if (!body)
        return Reply::error(body.error());
    auto answer = sessions_.sign_in(*body);
    return answer ? Reply::json(200, *answer) : Reply::error(answer.error());
}

Reply Api::sign_out(const httplib::Request&, const Caller& caller) {
    auto s = sessions_.sign_out(caller);
    return s ? Reply::empty(204) : Reply::error(s.error());
}

Reply Api::device(const httplib::Request&, const Caller& caller) {
    auto d = sessions_.device_status(caller);
    return d ? Reply::json(200, *d) : Reply::error(d.error());
}

Reply Api::server_time(const httplib::Request&, const Caller&) {
    return Reply::json(200, {{"now", china_timestamp(clock_())}});
}

Reply Api::calendar(const httplib::Request&, const Caller&) {
    auto c = reference_.calendar();
    return c ? Reply::json(200, *c) : Reply::error(c.error());
}

Reply Api::catalogue(const httplib::Request& req, const Caller&) {
    return feed_page(Feed::catalogue, req);
}

Reply Api::inspectors(const httplib::Request& req, const Caller&) {
    return feed_page(Feed::inspectors, req);
}

Reply Api::feed_page(Feed feed, const httplib::Request& req) {
    auto page = reference_.page(feed, param(req, "since"), param(req, "limit"));
    return page ? Reply::json(200, *page) : Reply::error(page.error());
}

Reply Api::assignments(const httplib::Request& req, const Caller& caller) {
    auto page = reference_.assignment_page(caller, param(req, "since"), param(req, "limit"));
    return page ? Reply::json(200, *page) : Reply::error(page.error());
}

Reply Api::draw(const httplib::Request& req, const Caller&) {
    auto draw = draws_.draw_json(req.matches[1].str());
    return draw ? Reply::json(200, *draw) : Reply::error(draw.error());
}

Reply Api::plan(const httplib::Request& req, const Caller&) {
    auto plan = draws_.plan_json(req.matches[1].str());
    return plan ? Reply::json(200, *plan) : Reply::error(plan.error());
}

Reply Api::plan_redraws(const httplib::Request& req, const Caller&) {
    auto page =
        reference_.redraw_log_page(req.matches[1].str(), param(req, "since"), param(req, "limit"));
    return page ? Reply::json(200, *page) : Reply::error(page.error());
}

Reply Api::redraw(const httplib::Request& req, const Caller& caller) {
    auto body = json_body(req);
    if (!body)
        return Reply::error(body.error());
    if (auto s = check_text_lengths(*body, 4000); !s)
        return Reply::error(s.error());
    auto answer = draws_.redraw(caller, req.matches[1].str(), *body);
    return answer ? Reply::json(201, *answer) : Reply::error(answer.error());
}

Reply Api::submit_inspection(const httplib::Request& req, const Caller& caller) {
    auto answer = intake_.submit(caller, header(req, "Idempotency-Key"), req.body);
    return answer ? Reply::json(answer->status, answer->body) : Reply::error(answer.error());
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

namespace {

/// A confidential hold as an approver sees it.
json hold_json(const PublicationEntry& e, const Caller& caller) {
    const bool own = PublicationService::involved(e, caller.username, caller.inspector_id);
    return {{"record_id", e.record_id},
            {"plan_id", e.plan_id},
            {"target_id", e.target_id},
            {"target_name", e.target_name},
            {"inspection_day", e.inspection_day},
            {"deadline", e.deadline.to_string()},
            {"ground", e.ground},
            {"reason", e.confidential_reason},
            {"hold", e.hold},
            {"decided_by", e.hold_by.empty() ? json(nullptr) : json(e.hold_by)},
            {"public", e.is_public},
            {"may_decide", !own && e.hold == "pending" && !e.is_public}};
}

} // namespace

Reply Api::holds(const httplib::Request&, const Caller& caller) {
    if (!caller.has_role("approver"))
        return Reply::error(Error::make(api_code::forbidden,
                                        "Only a user with the approver role sees held results."));
    auto all = publication_.entries();
    if (!all)
        return Reply::error(all.error());
    json list = json::array();
    for (const PublicationEntry& e : *all)
        if (e.confidential)
            list.push_back(hold_json(e, caller));
    return Reply::json(200, {{"holds", list}});
}

Reply Api::decide_hold(const httplib::Request& req, const Caller& caller) {
    auto body = json_body(req);
    if (!body)
        return Reply::error(body.error());
    if (auto s = check_text_lengths(*body, 4000); !s)
        return Reply::error(s.error());
    const auto decision = body->is_object() ? string_member(*body, "decision") : std::nullopt;
    if (!decision || (*decision != "approve" && *decision != "refuse"))
        return Reply::error(
            Error::make(api_code::invalid, "decision is approve or refuse.", "decision"));
    const std::string reason =
        body->is_object() ? string_member(*body, "reason").value_or("") : std::string();
    auto e = publication_.decide_hold(req.matches[1].str(), caller.username, *decision == "approve",
                                      reason);
    return e ? Reply::json(200, hold_json(*e, caller)) : Reply::error(e.error());
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

Reply Api::set_faults(const httplib::Request& req, const Caller&) {
    auto body = json_body(req);
    if (!body)
        return Reply::error(body.error());
    if (auto s = faults_->set_script(*body); !s)
        return Reply::error(s.error());
    return Reply::json(200, faults_->describe());
}

Reply Api::show_faults(const httplib::Request&, const Caller&) {
    return Reply::json(200, faults_->describe());
}

Reply Api::clear_faults(const httplib::Request&, const Caller&) {
    faults_->clear();
    return Reply::empty(204);
}

Reply Api::add_slash(const httplib::Request& req, const Caller&) {
    Reply r = Reply::empty(301);
    r.headers.emplace_back("Location", req.path + "/");
    return r;
}

Reply Api::public_plans(const httplib::Request& req, const Caller&) {
    return public_reply(req, public_site_.plans(), &PublicPages::plans);
}

Reply Api::public_plan(const httplib::Request& req, const Caller&) {
    return public_reply(req, public_site_.plan(req.matches[1].str()), &PublicPages::plan);
}

Reply Api::public_draw(const httplib::Request& req, const Caller&) {
    return public_reply(req, public_site_.draw(req.matches[1].str()), &PublicPages::draw);
}

Reply Api::public_redraws(const httplib::Request& req, const Caller&) {
    return public_reply(req, public_site_.redraws(req.matches[1].str()), &PublicPages::redraws);
}

Reply Api::public_results(const httplib::Request& req, const Caller&) {
    return public_reply(req, public_site_.results(""), &PublicPages::results);
}

Reply Api::public_plan_results(const httplib::Request& req, const Caller&) {
    return public_reply(req, public_site_.results(req.matches[1].str()), &PublicPages::results);
}

Reply Api::public_asset(const httplib::Request& req, const Caller&) {
    const auto asset = PublicAssets::find(req.matches[1].str());
    if (!asset)
        return Reply::error(Error::make(api_code::not_found, "No such file."));
    Reply r;
    r.body = std::string(asset->body);
    r.content_type = std::string(asset->content_type);
    r.headers.emplace_back("Cache-Control", "no-cache");
    add_public_headers(r);
    return r;
}

Reply Api::approve_page(const httplib::Request& req, const Caller&) {
    return approver_page_->show(req);
}

Reply Api::approve_login(const httplib::Request& req, const Caller&) {
    return approver_page_->sign_in(req);
}

Reply Api::approve_decide(const httplib::Request& req, const Caller&) {
    return approver_page_->decide(req);
}

Reply Api::approve_logout(const httplib::Request& req, const Caller&) {
    return approver_page_->sign_out(req);
}

// --- registration ------------------------------------------------------------------------------

std::size_t Api::body_budget(const RouteRow& row) {
    return row.handle == &Api::photo_patch ? IntakeService::max_chunk_bytes
                                           : IntakeService::max_body_bytes;
}

void Api::install(httplib::Server& server) {
    server.set_post_routing_handler([this](const httplib::Request&, httplib::Response& res) {
        res.set_header("Date", http_date(clock_()));
    });
    // Before any route and before the body is read: a compressed body (a gzip bomb inflates a
    // thousandfold), a transfer coding other than chunked, a method the library would read a
    // body for without a handler.
    server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        using R = httplib::Server::HandlerResponse;
        if (req.has_header("Content-Encoding")) {
            write_and_close(
                Reply::error(Error::make(api_code::unsupported_encoding,
                                         "Request bodies are sent without Content-Encoding.",
                                         "Content-Encoding")),
                res);
            return R::Handled;
        }
        if (req.has_header("Transfer-Encoding")) {
            std::string coding = req.get_header_value("Transfer-Encoding");
            for (char& c : coding)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (coding != "chunked") {
                write_and_close(
                    Reply::error(Error::make(api_code::unsupported_encoding,
                                             "The only transfer coding accepted is chunked.",
                                             "Transfer-Encoding")),
                    res);
                return R::Handled;
            }
        }
        static constexpr std::array<std::string_view, 7> methods{
            "GET", "HEAD", "POST", "PATCH", "DELETE", "PUT", "OPTIONS"};
        if (std::find(methods.begin(), methods.end(), req.method) == methods.end()) {
            write_and_close(
                Reply::error(Error::make(api_code::method_not_allowed,
                                         "The method " + req.method + " is not served here.")),
                res);
            return R::Handled;
        }
        return R::Unhandled;
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

    for (const RouteRow& row : routes()) {
        // Without --fault-injection the test routes do not exist at all (404).
        if (row.scope == RouteRow::Scope::test && !faults_)
            continue;
        const std::string pattern =
            row.scope == RouteRow::Scope::api ? path(row.path) : std::string(row.path);
        if (row.method == RouteRow::Method::get) {
            server.Get(pattern, wrap([this, handle = row.handle,
                                      access = row.access](const httplib::Request& req) -> Reply {
                           if (access == RouteRow::Access::open)
                               return (this->*handle)(req, Caller{});
                           auto caller =
                               sessions_.authenticate(req.get_header_value("Authorization"));
                           if (!caller)
                               return Reply::error(caller.error());
                           return (this->*handle)(req, *caller);
                       }));
            continue;
        }
        // A route with a body reads it itself, within its budget, and only for a caller it
        // knows: the body of a request without a session is never read at all.
        httplib::Server::HandlerWithContentReader reading =
            [this, handle = row.handle, access = row.access,
             budget = body_budget(row)](const httplib::Request& req, httplib::Response& res,
                                        const httplib::ContentReader& reader) {
                std::optional<Caller> caller;
                if (access == RouteRow::Access::session) {
                    auto known = sessions_.authenticate(req.get_header_value("Authorization"));
                    if (!known)
                        return write_and_close(Reply::error(known.error()), res);
                    caller = std::move(*known);
                }
                auto body = read_body(req, reader, budget);
                if (!body)
                    return write_and_close(Reply::error(body.error()), res);
                httplib::Request whole = req;
                whole.body = std::move(*body);
                wrap([this, handle, &caller](const httplib::Request& r) {
                    return (this->*handle)(r, caller ? *caller : Caller{});
                })(whole, res);
            };
        switch (row.method) {
        case RouteRow::Method::post:
            server.Post(pattern, std::move(reading));
            break;
        case RouteRow::Method::patch:
            server.Patch(pattern, std::move(reading));
            break;
        case RouteRow::Method::del:
            server.Delete(pattern, std::move(reading));
            break;
        case RouteRow::Method::get:
            break;
        }
    }
    // Any other request with a body: not found, and its body never read (the library would
    // otherwise read it whole before answering).
    const httplib::Server::HandlerWithContentReader nowhere = [](const httplib::Request&,
                                                                 httplib::Response& res,
                                                                 const httplib::ContentReader&) {
        write_and_close(Reply::error(Error::make(api_code::not_found, "No such resource.")), res);
    };
    server.Post(".*", nowhere);
    server.Put(".*", nowhere);
    server.Patch(".*", nowhere);
    server.Delete(".*", nowhere);
}

} // namespace fi::server
