#include "qml/backend.h"

#include "core/atomicfile.h"
#include "core/capture.h"
#include "core/date.h"
#include "core/metastore.h"
#include "core/modeljson.h"
#include "core/outboxstore.h"
#include "core/recorddocument.h"
#include "core/recordstore.h"
#include "core/referencestore.h"
#include "core/store.h"
#include "core/workcalendar.h"
#include "platform/recordpdf.h"
#include "platform/secretstore.h"
#include "platform/statisticspdf.h"
#include "qml/recordsummaries.h"
#include "qml/yieldingtransport.h"
#include "sync/puller.h"
#include "sync/sameday.h"

#include <QFile>
#include <map>
#include <nlohmann/json.hpp>

namespace fi::app {

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

Error to_error(const sync::ApiError& e) {
    if (e.kind == sync::ApiErrorKind::unauthorized)
        return Error::make(app_error::sign_in, e.message, e.field);
    return Error::make(e.code.empty() ? "network" : e.code, e.message, e.field);
}

Error locked_error() {
    return Error::make(app_error::locked, "The data on this tablet is locked. Enter your PIN.");
}

/// The assignment as this tablet holds it, or not_found saying so.
Result<Assignment> held_assignment(Database& db, const std::string& assignment_id) {
    auto a = ReferenceStore(db).assignment(assignment_id);
    if (!a)
        return a.error();
    if (!*a)
        return Error::make(app_error::not_found,
                           "The assignment " + assignment_id + " is not on this tablet.");
    return std::move(**a);
}

/// Sync yields to the user only while it runs.
class YieldScope {
public:
    explicit YieldScope(YieldingTransport* t) : t_(t) {
        if (t_)
            t_->set_yielding(true);
    }
    ~YieldScope() {
        if (t_)
            t_->set_yielding(false);
    }
    YieldScope(const YieldScope&) = delete;
    YieldScope& operator=(const YieldScope&) = delete;

private:
    YieldingTransport* t_;
};

VisitState visit_state(const RecordSummary& s) {
    switch (s.state) {
    case RecordState::draft:
        return VisitState::draft;
    case RecordState::frozen:
        return VisitState::attention;
    case RecordState::completed:
        return s.outbox == OutboxState::parked ? VisitState::attention : VisitState::completed;
    case RecordState::uploaded:
        return s.late ? VisitState::late : VisitState::uploaded;
    }
    return VisitState::not_started;
}

/// The latest record of each assignment (corrections come later than what they correct).
std::map<std::string, const RecordSummary*>
latest_by_assignment(const std::vector<RecordSummary>& records) {
    std::map<std::string, const RecordSummary*> out;
    for (const auto& r : records)
        out[r.assignment_id] = &r;
    return out;
}

/// The shipped working-day calendar merged with the central system's, when it sent one.
WorkCalendar calendar(MetaStore& meta) {
    WorkCalendar cal;
    QFile shipped(QStringLiteral(":/fieldinspect/holidays.json"));
    if (shipped.open(QIODevice::ReadOnly)) {
        const QByteArray bytes = shipped.readAll();
        if (auto c = WorkCalendar::parse(
                std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size()))))
            cal = std::move(c.value());
    }
    if (auto central = meta.get("calendar"); central && *central)
        if (auto c = WorkCalendar::parse(**central))
            cal.merge(*c);
    return cal;
}

} // namespace

Backend::Backend(fs::path data_dir, const std::atomic<int>& interactive_pending)
    : data_dir_(std::move(data_dir)), interactive_pending_(interactive_pending),
      os_store_(platform::system_secret_store()) {}

Backend::~Backend() = default;

// ---- vault and session ---------------------------------------------------------------------

bool Backend::set_up() const {
    return platform::KeyVault(store_path(), clock_, os_store_.get()).exists() ||
           fs::exists(store_path());
}

Result<platform::VaultState> Backend::vault_state() {
    return platform::KeyVault(store_path(), clock_, os_store_.get()).state();
}

void Backend::connect_to(const ServerConfig& server) {
    if (client_ && server.url == server_.url && server.ca_file == server_.ca_file &&
        server.pins == server_.pins)
        return;
    const std::string token = client_ ? client_->token() : std::string();
    client_.reset();
    transport_.reset();
    curl_.reset();
    server_ = server;
    sync::TransportOptions t;
    t.allow_plain_http = server.url.starts_with("http://");
    t.ca_file = server.ca_file;
    t.pins = server.pins;
    curl_ = std::make_unique<sync::CurlTransport>(t);
    transport_ = std::make_unique<YieldingTransport>(*curl_, interactive_pending_);
    client_ = std::make_unique<sync::CentralClient>(*transport_, server.url);
    client_->set_token(token);
}

sync::CentralClient& Backend::client() {
    if (!client_)
        connect_to(server_);
    return *client_;
}

Database& Backend::db() {
    return *db_;
}

Result<UserInfo> Backend::sign_in_first(const ServerConfig& server, const std::string& username,
                                        const std::string& password) {
    if (set_up())
        return Error::make(platform::key_error::already_set_up,
                           "This tablet is already set up. Unlock it with your PIN.");
    if (server.url.empty())
        return Error::make(app_error::no_server, "Enter the central system's address first.");
    connect_to(server);
    const std::string device = make_uuid_v4();
    auto session = client().sign_in(username, password, device);
    if (!session)
        return to_error(session.error());
    pending_session_ = *session;
    pending_username_ = username;
    pending_device_id_ = device;
    UserInfo u;
    u.username = username;
    u.inspector_id = session->user.inspector_id;
    u.name = session->user.name;
    u.unit = session->user.unit;
    u.roles = session->user.roles;
    return u;
}

Result<UserInfo> Backend::create_store(const std::string& pin, bool fast_kdf) {
    if (!pending_session_)
        return Error::make(app_error::no_session, "Sign in online first, then choose a PIN.");
    std::error_code ec;
    fs::create_directories(data_dir_, ec);
    if (ec)
        return Error::make(store_error::io, "Cannot create the data folder " + data_dir_.string() +
                                                ": " + ec.message());
    platform::KeyVault vault(store_path(), clock_, os_store_.get());
    platform::VaultSetup setup;
    setup.owner = pending_session_->user.inspector_id;
    if (fast_kdf)
        setup.kdf = platform::PinKdf::fastest_params();
    auto key = vault.create(pin, setup);
    if (!key)
        return key.error();
    OpenOptions o;
    o.mode = OpenOptions::Mode::create_if_missing;
    auto opened = open_store(store_path(), *key, o);
    if (!opened)
        return opened.error();
    db_.emplace(std::move(opened.value()));
    FI_TRY(MetaStore(*db_).set("device.id", pending_device_id_));
    const sync::Session session = *pending_session_;
    pending_session_.reset();
    FI_TRY(keep_session(session, pending_username_));
    return user_;
}

Status Backend::keep_session(const sync::Session& session, const std::string& username) {
    MetaStore meta(db());
    FI_TRY(meta.set("server.url", server_.url));
    FI_TRY(meta.set("session.token", session.token));
    FI_TRY(meta.set("session.username", username));
    FI_TRY(meta.set("session.user", json{{"inspector_id", session.user.inspector_id},
                                         {"name", session.user.name},
                                         {"unit", session.user.unit},
                                         {"roles", session.user.roles}}
                                        .dump()));
    client().set_token(session.token);
    sync_clock();
    auto u = load_user();
    if (!u)
        return u.error();
    user_ = *u;
    return {};
}

Result<UserInfo> Backend::load_user() {
    MetaStore meta(db());
    UserInfo u;
    auto name = meta.get("session.username");
    if (!name)
        return name.error();
    u.username = name->value_or("");
    auto text = meta.get("session.user");
    if (!text)
        return text.error();
    if (*text) {
        const json j = json::parse(**text, nullptr, false);
        if (j.is_object()) {
            u.inspector_id = j.value("inspector_id", "");
            u.name = j.value("name", "");
            u.unit = j.value("unit", "");
            if (j.contains("roles") && j.at("roles").is_array())
                for (const auto& r : j.at("roles"))
                    if (r.is_string())
                        u.roles.push_back(r.get<std::string>());
        }
    }
    return u;
}

Result<UserInfo> Backend::unlock(const ServerConfig& server, const std::string& pin) {
    if (db_)
        return user_;
    platform::KeyVault vault(store_path(), clock_, os_store_.get());
    auto key = vault.unlock(pin);
    if (!key)
        return key.error();
    auto opened = open_store(store_path(), *key);
    if (!opened)
        return opened.error();
    db_.emplace(std::move(opened.value()));
    MetaStore meta(*db_);
    ServerConfig config = server;
    if (config.url.empty())
        if (auto stored = meta.get("server.url"); stored && *stored)
            config.url = **stored;
    connect_to(config);
    if (auto token = meta.get("session.token"); token && *token)
        client().set_token(**token);
    auto u = load_user();
    if (!u) {
        db_.reset();
        return u.error();
    }
    user_ = *u;
    return user_;
}

Result<UserInfo> Backend::sign_in(const std::string& password) {
    if (!db_)
        return locked_error();
    auto device = MetaStore(db()).device_id();
    if (!device)
        return device.error();
    auto session = client().sign_in(user_.username, password, *device);
    if (!session)
        return to_error(session.error());
    if (session->user.inspector_id != user_.inspector_id)
        return Error::make(app_error::not_owner,
                           "This tablet belongs to another inspector. Sign in with the account "
                           "that set it up.");
    FI_TRY(keep_session(*session, user_.username));
    return user_;
}

Status Backend::lift_lockout(const ServerConfig& server, const std::string& username,
                             const std::string& password) {
    connect_to(server);
    // The device id is inside the locked store; this session only proves who the user is.
    auto session = client().sign_in(username, password, make_uuid_v4());
    if (!session)
        return to_error(session.error());
    platform::KeyVault vault(store_path(), clock_, os_store_.get());
    auto lifted =
        vault.lift_lockout(platform::OnlineConfirmation{session->user.inspector_id, session->now});
    const std::string previous = client().token();
    client().set_token(session->token);
    (void)client().sign_out();
    client().set_token(previous);
    return lifted;
}

void Backend::lock() {
    db_.reset();
    if (client_)
        client_->set_token({});
    user_ = {};
    pending_session_.reset();
}

Result<std::string> Backend::device_id() {
    if (!db_)
        return locked_error();
    return MetaStore(db()).device_id();
}

TrustedTime Backend::now() {
    TrustedClock clock;
    MetaStore meta(db());
    if (auto sync = load_clock_sync(meta); sync && *sync)
        clock.synced(**sync);
    return clock.now(clock_.read());
}

void Backend::sync_clock() {
    const ClockReading before = clock_.read();
    auto t = client().server_time();
    const ClockReading after = clock_.read();
    if (!t)
        return; // the clock stays as it was: records made meanwhile say so
    auto server = parse_rfc3339(*t);
    if (!server || before.boot_id != after.boot_id)
        return;
    ClockReading mid = after;
    mid.boottime = before.boottime + (after.boottime - before.boottime) / 2;
    mid.wall = before.wall + (after.wall - before.wall) / 2;
    MetaStore meta(db());
    (void)save_clock_sync(meta, ClockSync{*server, mid});
}

// ---- assignments ---------------------------------------------------------------------------

Result<std::vector<RecordSummary>> Backend::summaries() {
    return record_summaries(db());
}

Result<std::vector<AssignmentRow>> Backend::assignments() {
    if (!db_)
        return locked_error();
    ReferenceStore refs(db());
    auto list = refs.assignments();
    if (!list)
        return list.error();
    auto records = summaries();
    if (!records)
        return records.error();
    const auto latest = latest_by_assignment(*records);
    std::map<std::string, std::string> names;
    std::vector<AssignmentRow> out;
    out.reserve(list->size());
    for (auto& a : *list) {
        AssignmentRow row;
        for (const auto& m : a.team) {
            auto it = names.find(m.inspector_id);
            if (it == names.end()) {
                auto who = refs.inspector(m.inspector_id);
                std::string name = who && *who ? (*who)->name : m.inspector_id;
                it = names.emplace(m.inspector_id, std::move(name)).first;
            }
            row.member_names.push_back(it->second);
        }
        if (auto it = latest.find(a.id); it != latest.end()) {
            row.state = visit_state(*it->second);
            row.record_id = it->second->record_id;
        }
        row.assignment = std::move(a);
        out.push_back(std::move(row));
    }
    return out;
}

Result<AssignmentView> Backend::view_of(const Assignment& a,
                                        const std::vector<RecordSummary>& records) {
    ReferenceStore refs(db());
    AssignmentView v;
    v.assignment = a;
    v.self_inspector_id = user_.inspector_id;
    for (const auto& m : a.team) {
        TeamMemberView t;
        t.inspector_id = m.inspector_id;
        t.role = m.role;
        auto who = refs.inspector(m.inspector_id);
        if (!who)
            return who.error();
        if (*who) {
            t.known = true;
            t.name = (*who)->name;
            t.unit = (*who)->unit;
            t.position = (*who)->position;
            t.cert_no = (*who)->cert_no;
            t.third_party = (*who)->third_party;
        } else {
            t.name = m.inspector_id;
        }
        v.team.push_back(std::move(t));
    }
    for (const auto& id : a.item_ids) {
        auto item = refs.catalogue_item(id);
        if (!item)
            return item.error();
        if (*item)
            v.items.push_back(**item);
        else
            v.unknown_items.push_back(id);
    }
    auto verification = refs.verify_team(a);
    if (!verification)
        return verification.error();
    v.draw_verified = verification->verified();
    v.draw_step = verification->step;
    v.draw_message = verification->message;
    auto draw = refs.draw(a.draw_id);
    if (!draw)
        return draw.error();
    v.draw_present = draw->has_value();
    if (*draw)
        for (const auto& x : (*draw)->draw.excluded)
            if (x.target_id == a.target.id)
                v.exclusion_reason = x.reason;
    v.credit = check_credit_code(a.target.credit_code);
    const auto latest = latest_by_assignment(records);
    if (auto it = latest.find(a.id); it != latest.end()) {
        v.state = visit_state(*it->second);
        v.record_id = it->second->record_id;
    }
    return v;
}

Result<AssignmentView> Backend::assignment_view(const std::string& assignment_id) {
    if (!db_)
        return locked_error();
    auto a = held_assignment(db(), assignment_id);
    if (!a)
        return a.error();
    auto records = summaries();
    if (!records)
        return records.error();
    return view_of(*a, *records);
}

// ---- records -------------------------------------------------------------------------------

Result<OpenedRecord> Backend::opened(StoredRecord stored) {
    ReferenceStore refs(db());
    OpenedRecord o;
    auto ctx = refs.rule_context(stored.record.assignment_id);
    if (!ctx)
        return ctx.error();
    if (ctx->assignment)
        o.assignment = *ctx->assignment;
    // Items in the assignment's order (the rule context holds those the catalogue knows).
    for (const auto& id : o.assignment.item_ids)
        for (const auto& item : ctx->items)
            if (item.id == id)
                o.items.push_back(item);
    o.roster = ctx->roster;
    if (stored.state == RecordState::draft) {
        auto problems = RecordStore(db()).completion_problems(stored.record.id);
        if (!problems)
            return problems.error();
        o.problems = std::move(problems.value());
    } else if (!stored.record.finished_at.empty()) {
        if (auto done = parse_rfc3339(stored.record.finished_at)) {
            MetaStore meta(db());
            const auto deadline = calendar(meta).publication_deadline(china_date(*done));
            o.publication_deadline = deadline.date.to_string();
            o.deadline_provisional = deadline.provisional;
        }
    }
    o.stored = std::move(stored);
    return o;
}

Result<OpenedRecord> Backend::start_inspection(const std::string& assignment_id,
                                               const std::vector<std::string>& present,
                                               const std::optional<Location>& location,
                                               const std::optional<OffsiteMethod>& offsite) {
    if (!db_)
        return locked_error();
    auto a = held_assignment(db(), assignment_id);
    if (!a)
        return a.error();
    if (a->status == AssignmentStatus::revoked)
        return Error::make(rule_code::assignment_revoked,
                           "This assignment was revoked by a re-draw; it can no longer be "
                           "inspected.");
    auto records = summaries();
    if (!records)
        return records.error();
    const auto latest = latest_by_assignment(*records);
    if (auto it = latest.find(assignment_id); it != latest.end()) {
        if (it->second->state == RecordState::draft)
            return open_record(it->second->record_id);
        if (it->second->state != RecordState::frozen)
            return Error::make("already_inspected",
                               "This assignment already has a completed record.");
    }
    const TrustedTime started = now();
    InspectionRecord r = start_record(*a, make_uuid_v4(), started, clock_.read().wall);
    r.inspectors_present = present;
    if (a->mode == InspectionMode::onsite)
        r.location = location;
    else
        r.offsite_method = offsite;
    FI_TRY(RecordStore(db()).create_draft(r));
    return open_record(r.id);
}

Result<OpenedRecord> Backend::open_record(const std::string& record_id) {
    if (!db_)
        return locked_error();
    auto stored = RecordStore(db()).load(record_id);
    if (!stored)
        return stored.error();
    return opened(std::move(stored.value()));
}

namespace {
/// The store owns the photo list; a finding cites exactly the photos taken for it.
void reconcile_photos(InspectionRecord& next, const InspectionRecord& stored) {
    next.photos = stored.photos;
    for (auto& f : next.findings) {
        f.photo_ids.clear();
        for (const auto& p : stored.photos)
            if (p.finding_id == f.id)
                f.photo_ids.push_back(p.id);
    }
}
} // namespace

Status Backend::save_draft(InspectionRecord record) {
    if (!db_)
        return locked_error();
    RecordStore records(db());
    auto current = records.load(record.id);
    if (!current)
        return current.error();
    reconcile_photos(record, current->record);
    return records.save_draft(record);
}

Result<Problems> Backend::completion_problems(InspectionRecord record) {
    if (!db_)
        return locked_error();
    // Judged as if it ended now: completing stamps the end again (finish_record).
    finish_record(record, now());
    const std::string id = record.id;
    FI_TRY(save_draft(std::move(record)));
    return RecordStore(db()).completion_problems(id);
}

Result<OpenedRecord> Backend::complete(InspectionRecord record) {
    if (!db_)
        return locked_error();
    RecordStore records(db());
    auto current = records.load(record.id);
    if (!current)
        return current.error();
    reconcile_photos(record, current->record);
    finish_record(record, now());
    FI_TRY(records.save_draft(record));
    auto problems = records.completion_problems(record.id);
    if (!problems)
        return problems.error();
    if (problems->empty()) {
        auto device = MetaStore(db()).device_id();
        if (!device)
            return device.error();
        auto done = records.complete(record.id, *device);
        if (!done)
            return done.error();
    }
    return open_record(record.id);
}

Status Backend::discard_draft(const std::string& record_id) {
    if (!db_)
        return locked_error();
    return platform::PhotoImporter(db(), data_dir_).discard_draft(record_id);
}

// ---- photos --------------------------------------------------------------------------------

Result<PhotoRef>
Backend::attach(const std::function<Result<platform::ImportedPhoto>(platform::PhotoImporter&,
                                                                    const PhotoCapture&)>& import,
                const std::optional<std::string>& finding_id,
                const std::optional<Location>& location, int longest_side_px) {
    if (!db_)
        return locked_error();
    platform::PhotoPolicy policy;
    policy.longest_side_px = longest_side_px;
    platform::PhotoImporter importer(db(), data_dir_, policy);
    const PhotoCapture capture{make_uuid_v4(), "image/jpeg", china_timestamp(now().time), location,
                               finding_id};
    auto imported = import(importer, capture);
    if (!imported)
        return imported.error();
    return imported->photo;
}

Result<PhotoRef> Backend::import_photo(const std::string& record_id, const fs::path& file,
                                       const std::optional<std::string>& finding_id,
                                       const std::optional<Location>& location,
                                       int longest_side_px) {
    return attach(
        [&](platform::PhotoImporter& importer, const PhotoCapture& capture) {
            return importer.import_file(record_id, capture, file);
        },
        finding_id, location, longest_side_px);
}

Result<PhotoRef> Backend::import_image(const std::string& record_id, const QImage& image,
                                       const std::optional<std::string>& finding_id,
                                       const std::optional<Location>& location,
                                       int longest_side_px) {
    return attach(
        [&](platform::PhotoImporter& importer, const PhotoCapture& capture) {
            return importer.import_image(record_id, capture, image);
        },
        finding_id, location, longest_side_px);
}

Status Backend::remove_photo(const std::string& record_id, const std::string& photo_id) {
    if (!db_)
        return locked_error();
    return platform::PhotoImporter(db(), data_dir_).remove(record_id, photo_id);
}

Result<QImage> Backend::thumbnail(const std::string& photo_id) {
    if (!db_)
        return locked_error();
    return platform::PhotoImporter(db(), data_dir_).thumbnail(photo_id);
}

Result<QImage> Backend::photo(const std::string& photo_id) {
    if (!db_)
        return locked_error();
    return platform::PhotoImporter(db(), data_dir_).load(photo_id);
}

// ---- sync ----------------------------------------------------------------------------------

SyncRun Backend::pull_into(SyncRun run) {
    sync::Puller puller(db(), client());
    auto pulled = puller.pull_all();
    if (!pulled) {
        if (pulled.error().kind == sync::ApiErrorKind::cancelled) {
            run.cancelled = true;
            return run;
        }
        if (pulled.error().kind == sync::ApiErrorKind::unauthorized)
            run.needs_sign_in = true;
        run.pull_error = pulled.error().message;
        run.pull_error_code = to_error(pulled.error()).code;
        return run;
    }
    run.pulled = true;
    for (const auto& m : pulled->messages)
        run.messages.push_back(m);
    (void)MetaStore(db()).set("sync.last", china_timestamp(now().time));
    return run;
}

SyncRun Backend::sync(const sync::UploadProgressFn& progress) {
    SyncRun run;
    if (!db_) {
        run.pull_error = locked_error().message;
        run.pull_error_code = std::string(app_error::locked);
        return run;
    }
    YieldScope yield(transport_.get());
    sync_clock();
    sync::Uploader uploader(db(), client());
    const auto s = uploader.upload_due(progress);
    run.uploaded = s.uploaded;
    run.late = s.late;
    run.parked = s.parked;
    run.retry_later = s.retry_later;
    run.needs_sign_in = s.needs_sign_in;
    run.cancelled = s.cancelled;
    run.messages = s.messages;
    if (run.cancelled || run.needs_sign_in)
        return run;
    return pull_into(std::move(run));
}

SyncRun Backend::pull() {
    SyncRun run;
    if (!db_) {
        run.pull_error = locked_error().message;
        run.pull_error_code = std::string(app_error::locked);
        return run;
    }
    YieldScope yield(transport_.get());
    sync_clock();
    return pull_into(std::move(run));
}

Result<SyncSnapshot> Backend::snapshot() {
    if (!db_)
        return locked_error();
    SyncSnapshot snap;
    auto open = OutboxStore(db()).open_entries();
    if (!open)
        return open.error();
    const TrustedTime t = now();
    snap.same_day = sync::same_day_status(*open, t.time);
    if (!t.has(ClockFlag::never_synced))
        snap.clock_offset_ms = t.offset.count();
    MetaStore meta(db());
    if (auto last = meta.get("sync.last"); last && *last)
        snap.last_sync = **last;
    auto records = summaries();
    if (!records)
        return records.error();
    std::map<std::string, const RecordSummary*> by_id;
    for (const auto& r : *records)
        by_id[r.record_id] = &r;
    ReferenceStore refs(db());
    std::map<std::string, std::string> target_names;
    auto target_of = [&](const std::string& assignment_id) {
        auto it = target_names.find(assignment_id);
        if (it == target_names.end()) {
            auto a = refs.assignment(assignment_id);
            it = target_names.emplace(assignment_id, a && *a ? (*a)->target.name : std::string())
                     .first;
        }
        return it->second;
    };
    for (const auto& e : *open) {
        OutboxRow row;
        row.record_id = e.record_id;
        if (auto it = by_id.find(e.record_id); it != by_id.end()) {
            row.assignment_id = it->second->assignment_id;
            row.record_state = it->second->state;
        }
        row.target_name = target_of(row.assignment_id);
        row.inspection_day = e.inspection_day;
        row.outbox = e.state;
        row.attempts = e.attempts;
        row.error_code = e.error_code.value_or("");
        row.error_message = e.error_message.value_or("");
        row.received_at = e.received_at.value_or("");
        row.late = e.late;
        row.photo_bytes = e.photo_bytes;
        snap.rows.push_back(std::move(row));
    }
    // Then what already reached the central system, newest first.
    for (auto it = records->rbegin(); it != records->rend(); ++it) {
        if (it->state != RecordState::uploaded)
            continue;
        OutboxRow row;
        row.record_id = it->record_id;
        row.assignment_id = it->assignment_id;
        row.target_name = target_of(it->assignment_id);
        row.record_state = RecordState::uploaded;
        row.outbox = OutboxState::uploaded;
        row.received_at = it->received_at;
        row.late = it->late;
        if (auto d = parse_rfc3339(it->received_at))
            row.inspection_day = china_date(*d).to_string();
        snap.rows.push_back(std::move(row));
    }
    return snap;
}

Status Backend::retry(const std::string& record_id) {
    if (!db_)
        return locked_error();
    return OutboxStore(db()).unpark(record_id);
}

Result<RedrawOutcome> Backend::redraw(const std::string& assignment_id, const std::string& reason,
                                      const std::string& note,
                                      const std::vector<std::string>& exclude_inspector_ids) {
    if (!db_)
        return locked_error();
    auto result = client().redraw(assignment_id, reason, note, exclude_inspector_ids);
    if (!result)
        return to_error(result.error());
    ReferenceStore refs(db());
    const json page = {{"items", json::array({encode_assignment(result->revoked),
                                              encode_assignment(result->assignment)})},
                       {"next_cursor", ""},
                       {"has_more", false}};
    auto report = refs.apply_assignment_page(page);
    if (!report)
        return report.error();
    auto draw = refs.store_draw(result->draw);
    if (!draw)
        return draw.error();
    RedrawOutcome out;
    out.revoked_id = result->revoked.id;
    out.revoked_revision = result->revoked.revision;
    out.frozen_drafts = static_cast<int>(report->frozen_drafts);
    auto records = summaries();
    if (!records)
        return records.error();
    auto fresh = view_of(result->assignment, *records);
    if (!fresh)
        return fresh.error();
    out.fresh = std::move(fresh.value());
    return out;
}

// ---- reports -------------------------------------------------------------------------------

namespace {

/// `exports/` in the data directory, made on first use.
Result<fs::path> exports_dir(const fs::path& data_dir) {
    const fs::path dir = data_dir / "exports";
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        return Error::make(store_error::io, "Cannot create the folder " + dir.string() + ": " +
                                                ec.message() + ". Check the storage.");
    return dir;
}

} // namespace

Result<fs::path> Backend::record_pdf(const std::string& record_id) {
    if (!db_)
        return locked_error();
    MetaStore meta(db());
    auto doc = load_record_document(db(), record_id, calendar(meta));
    if (!doc)
        return doc.error();
    auto dir = exports_dir(data_dir_);
    if (!dir)
        return dir.error();
    const fs::path file = *dir / ("record-" + doc->stored.record.id + ".pdf");
    FI_TRY(platform::RecordPdf(db()).write(*doc, file));
    return file;
}

Result<QuarterStatistics> Backend::statistics(const std::string& quarter) {
    if (!db_)
        return locked_error();
    auto q = Quarter::parse(quarter);
    if (!q)
        return q.error();
    const std::string who =
        user_.name.empty() ? user_.inspector_id : user_.name + " (" + user_.inspector_id + ")";
    return compute_quarter_statistics(db(), *q, user_.unit, who);
}

Result<fs::path> Backend::export_statistics(const std::string& quarter, bool pdf) {
    auto stats = statistics(quarter);
    if (!stats)
        return stats.error();
    auto dir = exports_dir(data_dir_);
    if (!dir)
        return dir.error();
    const fs::path file =
        *dir / ("statistics-" + stats->quarter.to_string() + (pdf ? ".pdf" : ".csv"));
    if (pdf)
        FI_TRY(platform::write_statistics_pdf(*stats, file));
    else
        FI_TRY(write_file_atomically(file, statistics_csv(*stats)));
    return file;
}

} // namespace fi::app
