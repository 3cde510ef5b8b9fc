#pragma once

#include "core/result.h"
#include "server/clock.h"
#include "server/followupscheduler.h"
#include "server/passwordhasher.h"
#include "server/sessionservice.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace httplib {
class Server;
}

namespace fi::server {

class Api;
class DrawService;
class FaultInjector;
class InspectionStore;
class IntakeService;
class PlanStore;
class PublicSite;
class PublicationService;
class PublicationStore;
class ReferenceDataStore;
class ReferenceService;
class ServerDatabase;
class UserStore;

/// Where the shipped assets (demo data, holiday calendar) are when no --assets is given.
std::filesystem::path default_assets_dir();

struct ServerOptions {
    std::filesystem::path data_dir; ///< holds server.db; created if missing
    std::string host = "127.0.0.1";
    int port = 0; ///< 0: any free port (see Server::port)
    /// Load assets/demo once (docs/server.md "Demo data") and run its draw.
    bool demo = false;
    std::filesystem::path assets_dir = default_assets_dir();
    std::filesystem::path tls_cert; ///< both set: HTTPS
    std::filesystem::path tls_key;
    bool fault_injection = false; ///< test-only: `/_test/faults` and the faults it scripts
    KdfCost kdf = PasswordHasher::default_cost; ///< of new password hashes
    SessionPolicy sessions;
    Clock clock = system_clock();
    /// Connections served at once. A kept-alive connection holds its worker while it waits for
    /// its next request, so there are more workers than tablets syncing together at the
    /// end-of-day rush (docs/load.md: 32 made half of 64 tablets wait seconds for a worker).
    std::size_t threads = 128;
    /// How long an idle kept-alive connection keeps its worker (whole seconds, cpp-httplib):
    /// long enough for a sync's next request, short enough that a request arriving when every
    /// worker is taken waits for a busy one, not for another client's idle connection.
    std::chrono::seconds keep_alive{1};
    /// When follow-ups are made (at start, each new server day, every 15 minutes in between).
    FollowUpScheduler::Options follow_ups;
};

/// The reference central system: its database and stores, its services and an HTTP(S) listener for
/// the interface under /api/v1. Tests run it in-process on port 0; the executable wraps it.
class Server {
public:
    /// Open (or create) the data directory's database and, with `demo`, load the demo data.
    static Result<std::unique_ptr<Server>> create(ServerOptions options);

    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;
    ~Server();

    /// Bind and start serving on a background thread.
    Status start();
    /// Stop serving and wait for the listener (idempotent).
    void stop();

    /// The bound port (after start).
    int port() const { return port_; }
    /// `http://127.0.0.1:PORT/api/v1` (https with TLS).
    std::string base_url() const;
    /// `http://127.0.0.1:PORT/public/`: the public pages (https with TLS).
    std::string public_url() const;

    /// The stores, for tests and tools that look behind the interface.
    /// @{
    UserStore& user_store() { return *users_; }
    ReferenceDataStore& reference_data_store() { return *reference_data_; }
    PlanStore& plan_store() { return *plans_; }
    InspectionStore& inspection_store() { return *inspections_; }
    PublicationStore& publication_store() { return *publication_store_; }
    ServerDatabase& database() { return *database_; }
    /// @}
    SessionService& sessions() { return *sessions_; }
    ReferenceService& reference() { return *reference_; }
    DrawService& draws() { return *draws_; }
    IntakeService& intake() { return *intake_; }
    /// Publication of results (检查结果公开), holds, follow-ups: on the server's clock.
    PublicationService& publication() { return *publication_; }
    /// Makes the follow-ups due on a timer while the server runs (started by start()).
    FollowUpScheduler& follow_up_scheduler() { return *follow_up_scheduler_; }

private:
    explicit Server(ServerOptions options);

    ServerOptions options_;
    std::unique_ptr<ServerDatabase> database_;
    std::unique_ptr<UserStore> users_;
    std::unique_ptr<ReferenceDataStore> reference_data_;
    std::unique_ptr<PlanStore> plans_;
    std::unique_ptr<InspectionStore> inspections_;
    std::unique_ptr<PublicationStore> publication_store_;
    std::unique_ptr<SessionService> sessions_;
    std::unique_ptr<ReferenceService> reference_;
    std::unique_ptr<DrawService> draws_;
    std::unique_ptr<IntakeService> intake_;
    std::unique_ptr<PublicationService> publication_;
    std::unique_ptr<FollowUpScheduler> follow_up_scheduler_;
    std::unique_ptr<PublicSite> public_site_;
    std::unique_ptr<FaultInjector> faults_;
    std::unique_ptr<Api> api_;
    std::unique_ptr<httplib::Server> http_;
    std::thread listener_;
    /// Gives memory freed by a rush back to the system once requests stop (server.cpp).
    void trim_when_idle();
    std::atomic<std::uint64_t> requests_{0};
    std::thread trimmer_;
    std::mutex trimmer_mutex_;
    std::condition_variable trimmer_wake_;
    bool trimmer_stop_ = false;
    std::atomic<bool> listener_done_{false};
    int port_ = 0;
};

} // namespace fi::server
