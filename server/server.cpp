#include "server/server.h"

#include "server/api.h"
#include "server/apierror.h"
#include "server/demoloader.h"
#include "server/drawservice.h"
#include "server/faultinjector.h"
#include "server/httplib_wrap.h"
#include "server/intakeservice.h"
#include "server/publicationservice.h"
#include "server/publicationstore.h"
#include "server/publicsite.h"
#include "server/referenceservice.h"
#include "server/serverdatabase.h"

#include <csignal>
#include <malloc.h>
#include <sys/socket.h>

#ifndef FI_SERVER_ASSETS_DIR
#define FI_SERVER_ASSETS_DIR "assets"
#endif

namespace fi::server {

namespace {

/// cpp-httplib listens with a backlog of 5 (a compile-time constant of the system library):
/// twenty tablets connecting at once overflow it. Its listening socket is a protected member,
/// so this subclass can hand it out to widen the backlog after binding.
template <class Base> class Listener : public Base {
public:
    using Base::Base;
    void widen_backlog() { ::listen(this->svr_sock_, SOMAXCONN); }
};

/// glibc's allocator, bounded for a server whose requests come in rushes: blocks of 128 KiB and
/// more (request bodies, photo chunks) are mapped and unmapped at once rather than kept in an
/// arena (by default the threshold rises after the first such free, and every later photo
/// body stays in some worker's arena); at most four arenas, not eight per core, for 128
/// workers. docs/load.md has the resident size before and after a rush.
void bound_allocator() {
    static std::once_flag once;
    std::call_once(once, [] {
        mallopt(M_MMAP_THRESHOLD, 128 * 1024);
        mallopt(M_ARENA_MAX, 4);
    });
}

} // namespace

std::filesystem::path default_assets_dir() {
    return FI_SERVER_ASSETS_DIR;
}

Server::Server(ServerOptions options) : options_(std::move(options)) {}

Server::~Server() {
    stop();
}

Result<std::unique_ptr<Server>> Server::create(ServerOptions options) {
    if (options.data_dir.empty())
        return Error::make(api_code::invalid, "A data directory is needed (--data DIR).", "data");
    if (options.tls_cert.empty() != options.tls_key.empty())
        return Error::make(api_code::invalid, "HTTPS needs both --tls-cert and --tls-key.", "tls");
    std::error_code ec;
    std::filesystem::create_directories(options.data_dir, ec);
    if (ec)
        return Error::make(store_error::io,
                           "Cannot create " + options.data_dir.string() + ": " + ec.message(),
                           "data");
    std::filesystem::permissions(options.data_dir, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::replace, ec);

    std::unique_ptr<Server> s(new Server(std::move(options)));
    auto database = ServerDatabase::open(s->options_.data_dir / "server.db");
    if (!database)
        return database.error();
    s->database_ = std::move(*database);
    ServerDatabase& db = *s->database_;
    s->users_ = std::make_unique<UserStore>(db);
    s->reference_data_ = std::make_unique<ReferenceDataStore>(db);
    s->plans_ = std::make_unique<PlanStore>(db);
    s->inspections_ = std::make_unique<InspectionStore>(db);
    s->publication_store_ = std::make_unique<PublicationStore>(db);
    // Password hashes and evidence: readable by the server's account only.
    std::filesystem::permissions(s->options_.data_dir / "server.db",
                                 std::filesystem::perms::owner_read |
                                     std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::replace, ec);
    const ServerOptions& o = s->options_;
    s->sessions_ = std::make_unique<SessionService>(db, *s->users_, o.clock, PasswordHasher(o.kdf),
                                                    o.sessions);
    s->reference_ = std::make_unique<ReferenceService>(db, *s->reference_data_, *s->plans_);
    s->draws_ = std::make_unique<DrawService>(db, *s->reference_data_, *s->plans_, *s->inspections_,
                                              o.clock);
    s->intake_ = std::make_unique<IntakeService>(db, *s->inspections_, *s->plans_,
                                                 *s->reference_data_, o.clock);
    s->publication_ =
        std::make_unique<PublicationService>(db, *s->inspections_, *s->plans_, *s->reference_data_,
                                             *s->users_, *s->publication_store_, o.clock);
    s->follow_up_scheduler_ =
        std::make_unique<FollowUpScheduler>(*s->publication_, o.clock, o.follow_ups);
    if (o.fault_injection)
        s->faults_ = std::make_unique<FaultInjector>();
    if (o.demo) {
        DemoLoader loader(*s->plans_, *s->reference_, *s->sessions_, *s->draws_);
        if (auto loaded = loader.load(o.assets_dir); !loaded)
            return Error::make(loaded.error().code, "Demo data: " + loaded.error().message,
                               loaded.error().field);
    }
    s->public_site_ =
        std::make_unique<PublicSite>(*s->draws_, *s->plans_, *s->reference_data_, *s->publication_);
    s->api_ = std::make_unique<Api>(*s->sessions_, *s->reference_, *s->draws_, *s->intake_,
                                    *s->publication_, *s->public_site_, s->faults_.get(), o.clock);
    return s;
}

Status Server::start() {
    if (http_)
        return Error::make(api_code::invalid, "The server is running already.");
    // A client that hangs up must not kill the server with SIGPIPE.
    std::signal(SIGPIPE, SIG_IGN);
    if (!options_.tls_cert.empty()) {
        auto tls = std::make_unique<Listener<httplib::SSLServer>>(options_.tls_cert.c_str(),
                                                                  options_.tls_key.c_str());
        if (!tls->is_valid())
            return Error::make(api_code::invalid,
                               "Cannot use the TLS certificate or key (" +
                                   options_.tls_cert.string() + ", " + options_.tls_key.string() +
                                   ").",
                               "tls");
        http_ = std::move(tls);
    } else {
        http_ = std::make_unique<Listener<httplib::Server>>();
    }
    bound_allocator();
    const std::size_t threads = options_.threads;
    http_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    http_->set_keep_alive_timeout(static_cast<time_t>(options_.keep_alive.count()));
    // Counts requests, so the memory of a rush is given back once it is over.
    http_->set_logger([this](const httplib::Request&, const httplib::Response&) { ++requests_; });
    http_->set_payload_max_length(IntakeService::max_chunk_bytes);
    // Headers and body go out in separate writes: without this, Nagle's algorithm and the
    // peer's delayed ACK add ~40 ms to every answer on a kept-alive connection.
    http_->set_tcp_nodelay(true);
    // A tablet's sync sends many small requests on one connection (the library's default
    // closes it after 5).
    http_->set_keep_alive_max_count(100);
    http_->set_read_timeout(std::chrono::seconds(30));
    http_->set_write_timeout(std::chrono::seconds(30));
    api_->install(*http_);

    if (options_.port == 0) {
        port_ = http_->bind_to_any_port(options_.host);
    } else {
        port_ = http_->bind_to_port(options_.host, options_.port) ? options_.port : -1;
    }
    if (port_ <= 0) {
        http_.reset();
        return Error::make(store_error::io,
                           "Cannot listen on " + options_.host + ":" +
                               std::to_string(options_.port) +
                               " (in use, or not an address of this machine).",
                           "listen");
    }
    if (auto* plain = dynamic_cast<Listener<httplib::Server>*>(http_.get()))
        plain->widen_backlog();
    else if (auto* tls = dynamic_cast<Listener<httplib::SSLServer>*>(http_.get()))
        tls->widen_backlog();
    // Follow-ups due while the server was down are made before the first request is served.
    follow_up_scheduler_->start();
    trimmer_stop_ = false;
    trimmer_ = std::thread([this] { trim_when_idle(); });
    listener_done_ = false;
    listener_ = std::thread([this] {
        http_->listen_after_bind();
        listener_done_ = true;
    });
    // stop() only reaches a listener that is running: wait for it, so a quick stop never
    // leaves the thread blocked in accept.
    while (!http_->is_running() && !listener_done_)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    return {};
}

void Server::trim_when_idle() {
    std::uint64_t seen = requests_;
    bool busy = false;
    std::unique_lock lock(trimmer_mutex_);
    while (
        !trimmer_wake_.wait_for(lock, std::chrono::seconds(1), [this] { return trimmer_stop_; })) {
        const std::uint64_t now = requests_;
        if (now != seen) {
            seen = now;
            busy = true;
        } else if (busy) { // a second without a request after some: the rush is over
            busy = false;
            malloc_trim(0);
        }
    }
}

void Server::stop() {
    {
        std::lock_guard lock(trimmer_mutex_);
        trimmer_stop_ = true;
    }
    trimmer_wake_.notify_all();
    if (trimmer_.joinable())
        trimmer_.join();
    if (follow_up_scheduler_)
        follow_up_scheduler_->stop();
    if (http_)
        http_->stop();
    if (listener_.joinable())
        listener_.join();
    http_.reset();
}

std::string Server::base_url() const {
    const std::string host =
        options_.host.find(':') != std::string::npos ? "[" + options_.host + "]" : options_.host;
    return (options_.tls_cert.empty() ? "http://" : "https://") + host + ":" +
           std::to_string(port_) + "/api/v1";
}

std::string Server::public_url() const {
    std::string url = base_url();
    return url.substr(0, url.size() - std::string_view("/api/v1").size()) + "/public/";
}

} // namespace fi::server
