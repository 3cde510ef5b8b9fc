#include "services/workspace.h"

#include "core/capture.h"
#include "core/date.h"
#include "core/metastore.h"
#include "platform/secretstore.h"
#include "services/errors.h"
#include "services/yieldingtransport.h"
#include "sync/origin.h"

namespace fi::services {

namespace {
/// Nothing is ever queued for a front end without an interactive thread.
const std::atomic<int> never_pending{0};
} // namespace

Error to_error(const sync::ApiError& e) {
    if (e.kind == sync::ApiErrorKind::unauthorized)
        return Error::make(service_error::sign_in, e.message, e.field);
    if (e.kind != sync::ApiErrorKind::retryable)
        return Error::make(e.code.empty() ? service_error::network : std::string_view(e.code),
                           e.message, e.field);
    // Trouble that passes: say what answered, how long the central system asks to wait, and
    // that nothing was lost.
    std::string message = e.message;
    if (e.status != 0)
        message += " (HTTP " + std::to_string(e.status) + ")";
    if (!message.empty() && message.back() != '.')
        message += ".";
    if (e.retry_after)
        message += " The central system asks to wait " + std::to_string(e.retry_after->count()) +
                   " s before the next try.";
    message += " Nothing was lost: everything stays on the tablet; try again later.";
    const bool network = e.code.starts_with("network_");
    return Error::make(network ? std::string_view(e.code) : service_error::network, message,
                       e.field);
}

Workspace::Workspace(std::filesystem::path data_dir, const std::atomic<int>* interactive_pending)
    : data_dir_(std::move(data_dir)),
      interactive_pending_(interactive_pending ? *interactive_pending : never_pending),
      os_store_(platform::system_secret_store()) {}

Workspace::~Workspace() = default;

Result<Database*> Workspace::store() {
    if (!db_)
        return Error::make(service_error::locked,
                           "The data on this tablet is locked. Enter your PIN.");
    return &*db_;
}

platform::KeyVault Workspace::vault() const {
    return platform::KeyVault(store_path(), clock_, os_store_.get());
}

Status Workspace::network_allowed() const {
    if (network_refusal_)
        return *network_refusal_;
    return {};
}

void Workspace::connect_to(const ServerConfig& server) {
    if (connected_ && server == server_)
        return;
    // Parsed only when there is a session to carry over (the first connection has none): a
    // start does not open the curl module before its first request.
    bool same_origin = false;
    if (connected_) {
        const auto before = sync::origin_of(server_.url, server_.ca_file, server_.pins);
        const auto after = sync::origin_of(server.url, server.ca_file, server.pins);
        same_origin = before && after && *before == *after;
    }
    const std::string token = client_ && same_origin ? client_->token() : std::string();
    client_.reset();
    transport_.reset();
    curl_.reset();
    server_ = server;
    sync::TransportOptions t;
    t.allow_plain_http = server.url.starts_with("http://");
    t.ca_file = server.ca_file;
    t.pins = server.pins;
    curl_ = std::make_unique<sync::ModuleTransport>(t);
    transport_ = std::make_unique<YieldingTransport>(*curl_, interactive_pending_);
    client_ = std::make_unique<sync::CentralClient>(*transport_, server.url);
    client_->set_token(token);
    connected_ = true;
}

sync::CentralClient& Workspace::client() {
    if (!client_)
        connect_to(server_);
    return *client_;
}

Workspace::YieldScope::YieldScope(Workspace& w) : w_(w) {
    if (w_.transport_)
        w_.transport_->set_yielding(true);
}

Workspace::YieldScope::~YieldScope() {
    if (w_.transport_)
        w_.transport_->set_yielding(false);
}

TrustedTime Workspace::now() {
    TrustedClock clock;
    if (db_) {
        MetaStore meta(*db_);
        if (auto sync = load_clock_sync(meta); sync && *sync)
            clock.synced(**sync);
    }
    return clock.now(clock_.read());
}

void Workspace::sync_clock() {
    if (!db_)
        return;
    const ClockReading before = clock_.read();
    auto t = client().server_time();
    const ClockReading after = clock_.read();
    if (!t)
        return;
    auto server = parse_rfc3339(*t);
    if (!server || before.boot_id != after.boot_id)
        return;
    ClockReading mid = after;
    mid.boottime = before.boottime + (after.boottime - before.boottime) / 2;
    mid.wall = before.wall + (after.wall - before.wall) / 2;
    MetaStore meta(*db_);
    (void)save_clock_sync(meta, ClockSync{*server, mid});
}

WorkCalendar Workspace::calendar() {
    WorkCalendar cal = shipped_calendar();
    if (db_) {
        MetaStore meta(*db_);
        if (auto central = meta.get("calendar"); central && *central)
            if (auto c = WorkCalendar::parse(**central))
                cal.merge(*c);
    }
    return cal;
}

} // namespace fi::services
