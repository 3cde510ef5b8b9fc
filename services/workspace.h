#pragma once

#include "core/database.h"
#include "core/result.h"
#include "core/trustedclock.h"
#include "core/workcalendar.h"
#include "platform/bootclock.h"
#include "platform/keyvault.h"
#include "services/values.h"
#include "sync/centralclient.h"
#include "sync/curlmodule.h"

#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

namespace fi::platform {
class SecretStore;
}

namespace fi::services {

class YieldingTransport;

/// What every service of one tablet shares: the data directory, the one SQLCipher writer
/// connection (open once the PIN was given), the key vault's seams, the trusted clock, and the
/// central system's client with the trust it was given. It decides nothing; the services do.
/// One thread uses it at a time (the app's store thread, or the command line's main thread).
class Workspace {
public:
    /// `interactive_pending` counts the user's queued work a sync run yields to (the app);
    /// without it nothing is ever yielded to (the command line).
    explicit Workspace(std::filesystem::path data_dir,
                       const std::atomic<int>* interactive_pending = nullptr);
    ~Workspace();
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    const std::filesystem::path& data_dir() const { return data_dir_; }
    std::filesystem::path store_path() const { return data_dir_ / "fieldinspect.db"; }

    /// The open store, or `store_locked` saying the PIN is needed: the one check every
    /// operation that reads or writes the tablet's data makes first.
    Result<Database*> store();
    bool is_open() const { return db_.has_value(); }
    void open(Database db) {
        list_ahead.reset();
        db_.emplace(std::move(db));
    }
    /// Closes the store (lock, wipe, a failed unlock); what was read ahead from it goes too.
    void close() {
        list_ahead.reset();
        db_.reset();
    }

    platform::KeyVault vault() const;
    const platform::BootClock& boot_clock() const { return clock_; }

    /// Talk to `server` from now on. The session's token carries over only to the same
    /// origin with the same trust (sync::Origin): it is never sent anywhere else.
    void connect_to(const ServerConfig& server);
    /// Network operations go only to the central system the tablet was set up with; while a
    /// front end names another one (or trust that is malformed), they are refused with `why`
    /// and nothing is sent. Empty: allowed.
    void refuse_network(std::optional<Error> why) { network_refusal_ = std::move(why); }
    Status network_allowed() const;
    /// The central system and trust kept at first run, readable while the store is locked
    /// (lifting a lock-out goes there and nowhere else).
    std::filesystem::path origin_path() const { return data_dir_ / "origin.json"; }
    const ServerConfig& server() const { return server_; }
    sync::CentralClient& client();
    /// While alive, sync requests give way to the user's queued work (see YieldingTransport).
    class YieldScope {
    public:
        explicit YieldScope(Workspace& w);
        ~YieldScope();
        YieldScope(const YieldScope&) = delete;
        YieldScope& operator=(const YieldScope&) = delete;

    private:
        Workspace& w_;
    };

    /// The trusted time now: the last server time carried forward by boot time. Needs the
    /// store open.
    TrustedTime now();
    /// Ask the central system for its time and keep it with this device's clock readings;
    /// on any trouble the clock stays as it was (records made meanwhile say so).
    void sync_clock();
    /// The working-day calendar: the one shipped with the app, merged with the central
    /// system's when it sent one. Needs the store open.
    WorkCalendar calendar();

    /// The signed-in user as kept in the store (empty while locked).
    UserInfo user;

    /// Today's list read ahead (AssignmentService::read_ahead) and the store's stamp when it
    /// was read. It belongs to this opening of the store: open() and close() forget it.
    struct ListAhead {
        ContentStamp stamp;
        std::vector<AssignmentRow> rows;
    };
    std::optional<ListAhead> list_ahead;

private:
    std::filesystem::path data_dir_;
    const std::atomic<int>& interactive_pending_;
    platform::LinuxBootClock clock_;
    std::unique_ptr<platform::SecretStore> os_store_;
    std::optional<Database> db_;
    ServerConfig server_;
    bool connected_ = false;
    std::optional<Error> network_refusal_;
    std::unique_ptr<sync::ModuleTransport> curl_;
    std::unique_ptr<YieldingTransport> transport_;
    std::unique_ptr<sync::CentralClient> client_;
};

/// The error a front end shows for a failed call to the central system: `sign_in_required`
/// for a 401, the server's code otherwise, `network` when nothing answered.
Error to_error(const sync::ApiError& error);

/// The shipped working-day calendar (assets/holidays.json, compiled in).
WorkCalendar shipped_calendar();

} // namespace fi::services
