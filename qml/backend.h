#pragma once

#include "core/database.h"
#include "core/result.h"
#include "core/statistics.h"
#include "platform/bootclock.h"
#include "platform/keyvault.h"
#include "platform/photoimporter.h"
#include "qml/appdata.h"
#include "sync/centralclient.h"
#include "sync/curltransport.h"
#include "sync/uploader.h"

#include <QImage>
#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace fi::platform {
class SecretStore;
}

namespace fi::app {

class YieldingTransport;

/// Error codes the backend adds to core's, platform's and the central system's.
namespace app_error {
inline constexpr std::string_view locked = "store_locked";           ///< no PIN given yet
inline constexpr std::string_view sign_in = "sign_in_required";      ///< the session ended (401)
inline constexpr std::string_view no_session = "no_pending_session"; ///< PIN before sign-in
inline constexpr std::string_view not_found = "not_found";
inline constexpr std::string_view no_server = "no_server";
inline constexpr std::string_view not_owner = "not_owner";
} // namespace app_error

/// The one owner of the tablet's store: the SQLCipher writer connection, the key vault, the
/// central system's client and everything that reads or writes through them (pull, upload,
/// photo import, records). It is plain C++ and lives on the store thread (StoreThread): every
/// call comes from there, one at a time, so the connection has exactly one user. What it
/// returns are copies (appdata.h) for the GUI thread.
///
/// Sync runs yield to the user: while the GUI has work queued (`interactive_pending`), the
/// transport refuses to start the next request, the uploader stops between requests (nothing
/// half-sent is lost; uploads resume from the server's offset) and the run reports
/// `cancelled`, to be posted again behind the user's work.
class Backend {
public:
    Backend(std::filesystem::path data_dir, const std::atomic<int>& interactive_pending);
    ~Backend();
    Backend(const Backend&) = delete;
    Backend& operator=(const Backend&) = delete;

    const std::filesystem::path& data_dir() const { return data_dir_; }
    std::filesystem::path store_path() const { return data_dir_ / "fieldinspect.db"; }

    // ---- vault and session -------------------------------------------------------------
    /// True when this tablet was set up (a key file exists).
    bool set_up() const;
    Result<platform::VaultState> vault_state();
    /// First run, step 1: sign in online; the session is held until a PIN is set.
    Result<UserInfo> sign_in_first(const ServerConfig& server, const std::string& username,
                                   const std::string& password);
    /// First run, step 2: create the store under a key wrapped by `pin`, owned by the user
    /// who just signed in, and keep the session in it. `fast_kdf` is for tests only.
    Result<UserInfo> create_store(const std::string& pin, bool fast_kdf);
    /// Open the store with the PIN (offline).
    Result<UserInfo> unlock(const ServerConfig& server, const std::string& pin);
    /// Renew the session of the signed-in user (the store is open).
    Result<UserInfo> sign_in(const std::string& password);
    /// After ten wrong PINs: sign in online as the tablet's owner to allow PINs again.
    Status lift_lockout(const ServerConfig& server, const std::string& username,
                        const std::string& password);
    /// Close the store and forget the key and the token (lock now, sign-out of the screen).
    void lock();
    bool is_open() const { return db_.has_value(); }
    const UserInfo& user() const { return user_; }
    Result<std::string> device_id();

    // ---- assignments -------------------------------------------------------------------
    Result<std::vector<AssignmentRow>> assignments();
    Result<AssignmentView> assignment_view(const std::string& assignment_id);

    // ---- records -----------------------------------------------------------------------
    /// Start an inspection: a draft stamped with the trusted time, who is present, where.
    Result<OpenedRecord> start_inspection(const std::string& assignment_id,
                                          const std::vector<std::string>& present,
                                          const std::optional<Location>& location,
                                          const std::optional<OffsiteMethod>& offsite);
    Result<OpenedRecord> open_record(const std::string& record_id);
    /// Autosave (RecordStore::save_draft). Photos are the store's: the copy's list is
    /// replaced by what the store holds, so an autosave never drops or invents a photo.
    Status save_draft(InspectionRecord record);
    Result<Problems> completion_problems(InspectionRecord record);
    /// Stamp the end, save, re-check and complete: locked, chained, queued for upload. When
    /// a rule still blocks it, the record stays a draft and `problems` says why.
    Result<OpenedRecord> complete(InspectionRecord record);
    Status discard_draft(const std::string& record_id);

    // ---- photos ------------------------------------------------------------------------
    Result<PhotoRef> import_photo(const std::string& record_id, const std::filesystem::path& file,
                                  const std::optional<std::string>& finding_id,
                                  const std::optional<Location>& location, int longest_side_px);
    Result<PhotoRef> import_image(const std::string& record_id, const QImage& image,
                                  const std::optional<std::string>& finding_id,
                                  const std::optional<Location>& location, int longest_side_px);
    Status remove_photo(const std::string& record_id, const std::string& photo_id);
    Result<QImage> thumbnail(const std::string& photo_id);
    Result<QImage> photo(const std::string& photo_id);

    // ---- sync --------------------------------------------------------------------------
    /// Upload what is due, then pull reference data; yields to the user (see the class).
    SyncRun sync(const sync::UploadProgressFn& progress);
    /// Pull only (after sign-in, for the first Today).
    SyncRun pull();
    Result<SyncSnapshot> snapshot();
    /// The user asked to try a parked record again.
    Status retry(const std::string& record_id);
    /// Ask the central system for a new team (leaders, online).
    Result<RedrawOutcome> redraw(const std::string& assignment_id, const std::string& reason,
                                 const std::string& note,
                                 const std::vector<std::string>& exclude_inspector_ids);

    // ---- reports (the four publics) ------------------------------------------------------
    /// The inspection record (现场检查笔录) of a completed record as PDF in `exports/` of the
    /// data directory; returns the file. A draft is refused (`not_completed`). Only reads.
    Result<std::filesystem::path> record_pdf(const std::string& record_id);
    /// The quarterly statistics table (`2026Q4`) for the signed-in user's unit.
    Result<QuarterStatistics> statistics(const std::string& quarter);
    /// The table written to `exports/statistics-<quarter>.csv` (or `.pdf`); returns the file.
    Result<std::filesystem::path> export_statistics(const std::string& quarter, bool pdf);

private:
    Database& db();
    sync::CentralClient& client();
    void connect_to(const ServerConfig& server);
    Status keep_session(const sync::Session& session, const std::string& username);
    Result<UserInfo> load_user();
    TrustedTime now();
    void sync_clock();
    Result<std::vector<RecordSummary>> summaries();
    Result<OpenedRecord> opened(StoredRecord stored);
    Result<AssignmentView> view_of(const Assignment& assignment,
                                   const std::vector<RecordSummary>& records);
    Result<PhotoRef>
    attach(const std::function<Result<platform::ImportedPhoto>(platform::PhotoImporter&,
                                                               const PhotoCapture&)>& import,
           const std::optional<std::string>& finding_id, const std::optional<Location>& location,
           int longest_side_px);
    SyncRun pull_into(SyncRun run);

    std::filesystem::path data_dir_;
    const std::atomic<int>& interactive_pending_;
    platform::LinuxBootClock clock_;
    std::unique_ptr<platform::SecretStore> os_store_;
    std::optional<Database> db_;
    ServerConfig server_;
    std::unique_ptr<sync::CurlTransport> curl_;
    std::unique_ptr<YieldingTransport> transport_;
    std::unique_ptr<sync::CentralClient> client_;
    /// First run: the session between the online sign-in and the PIN.
    std::optional<sync::Session> pending_session_;
    std::string pending_username_;
    std::string pending_device_id_;
    UserInfo user_;
};

} // namespace fi::app
