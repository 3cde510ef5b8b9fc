#include "services/syncservice.h"

#include "core/date.h"
#include "core/metastore.h"
#include "core/modeljson.h"
#include "core/outboxstore.h"
#include "core/recordstore.h"
#include "core/referencestore.h"
#include "platform/wipepolicy.h"
#include "services/assignmentservice.h"
#include "services/errors.h"
#include "services/workspace.h"
#include "sync/puller.h"
#include "sync/sameday.h"

#include <charconv>
#include <map>
#include <nlohmann/json.hpp>
#include <thread>

namespace fi::services {

namespace {
using nlohmann::json;

SyncRun locked_run(const Error& e) {
    SyncRun run;
    run.pull_error = e.message;
    run.pull_error_code = e.code;
    return run;
}

/// The retention period in days (a setting of the tablet, in the store).
constexpr const char* retention_key = "retention.days";

/// Where a wipe order from the central system is kept until it is carried out.
constexpr const char* wipe_order_key = "device.wipe_order";

/// After the store and its keys (platform::WipePolicy): everything else the app and the
/// command line keep in the data directory — settings, exports, the kept central system —
/// then the directory itself. Anything else in it (a folder the user chose for other things
/// too) is left alone and named.
Status erase_data_directory(const std::filesystem::path& dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    std::vector<fs::path> ours;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with("fieldinspect") || name == "exports" || name == "origin.json")
            ours.push_back(entry.path());
    }
    if (ec)
        return Error::make(store_error::io, "Cannot list " + dir.string() + ": " + ec.message() +
                                                ". The store and its keys are erased; delete "
                                                "the folder by hand.");
    for (const auto& p : ours) {
        fs::remove_all(p, ec);
        if (ec)
            return Error::make(store_error::io, "Cannot delete " + p.string() + ": " +
                                                    ec.message() +
                                                    ". The store and its keys are erased; "
                                                    "delete the rest by hand.");
    }
    fs::remove(dir, ec); // only if empty: the user's own files are not ours to erase
    return {};
}

/// The next time a waiting upload may go, or nullopt when none waits.
std::optional<std::int64_t> next_attempt_ms(const std::vector<OutboxEntry>& open) {
    std::optional<std::int64_t> next;
    for (const auto& e : open)
        if (e.state != OutboxState::parked)
            next = next ? std::min(*next, e.next_attempt_ms) : e.next_attempt_ms;
    return next;
}
} // namespace

SyncRun SyncService::pull_into(SyncRun run, std::chrono::steady_clock::time_point deadline) {
    Database& db = **w_.store();
    sync::PullerOptions options;
    options.retry_for = std::max(std::chrono::milliseconds(0),
                                 std::chrono::duration_cast<std::chrono::milliseconds>(
                                     deadline - std::chrono::steady_clock::now()));
    sync::Puller puller(db, w_.client(), options);
    auto pulled = puller.pull_all();
    if (!pulled) {
        if (pulled.error().kind == sync::ApiErrorKind::cancelled) {
            run.cancelled = true;
            return run;
        }
        if (pulled.error().kind == sync::ApiErrorKind::unauthorized)
            run.needs_sign_in = true;
        const Error e = to_error(pulled.error());
        run.pull_error = e.message;
        run.pull_error_code = e.code;
        return run;
    }
    run.pulled = true;
    run.pull = *pulled;
    for (const auto& m : pulled->messages)
        run.messages.push_back(m);
    (void)MetaStore(db).set("sync.last", china_timestamp(w_.now().time));
    return run;
}

SyncRun SyncService::sync(const sync::UploadProgressFn& progress, std::chrono::seconds retry_for) {
    auto db = w_.store();
    if (!db)
        return locked_run(db.error());
    if (auto allowed = w_.network_allowed(); !allowed)
        return locked_run(allowed.error());
    Workspace::YieldScope yield(w_);
    w_.sync_clock();
    const auto deadline = std::chrono::steady_clock::now() + retry_for;
    sync::Uploader uploader(**db, w_.client());
    SyncRun run;
    for (;;) {
        const auto s = uploader.upload_due(progress);
        run.uploaded += s.uploaded;
        run.late += s.late;
        run.parked = s.parked;
        run.retry_later = s.retry_later;
        run.needs_sign_in = s.needs_sign_in;
        run.cancelled = s.cancelled;
        run.requests += s.requests;
        run.photo_bytes_sent += s.photo_bytes_sent;
        run.messages.insert(run.messages.end(), s.messages.begin(), s.messages.end());
        if (s.needs_sign_in || s.cancelled || s.retry_later == 0)
            break;
        auto open = OutboxStore(**db).open_entries();
        if (!open)
            break;
        const auto next = next_attempt_ms(*open);
        if (!next)
            break;
        const std::int64_t now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count();
        const auto wait = std::chrono::milliseconds(std::max<std::int64_t>(0, *next - now_ms));
        if (std::chrono::steady_clock::now() + wait > deadline)
            break;
        std::this_thread::sleep_for(wait);
    }
    if (run.cancelled || run.needs_sign_in)
        return run;
    run = obey_device_order(std::move(run), progress);
    if (run.cancelled || run.needs_sign_in || run.wipe_ordered)
        return run;
    run = pull_into(std::move(run), deadline);
    if (run.cancelled)
        return run;
    // Hold less: what the central system has had long enough leaves the tablet.
    if (auto purged = purge(false); purged)
        run.purged = static_cast<int>(purged->report.removed.size());
    else
        run.messages.push_back(purged.error().message);
    return run;
}

Result<int> SyncService::retention_days() {
    auto db = w_.store();
    if (!db)
        return db.error();
    auto kept = MetaStore(**db).get(retention_key);
    if (!kept)
        return kept.error();
    if (!*kept)
        return default_retention_days;
    int days = 0;
    const std::string& text = **kept;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), days);
    if (ec != std::errc() || end != text.data() + text.size() || days < 1 ||
        days > max_retention_days)
        return default_retention_days; // written only by set_retention_days: never expected
    return days;
}

Status SyncService::set_retention_days(int days) {
    auto db = w_.store();
    if (!db)
        return db.error();
    if (days < 1 || days > max_retention_days)
        return Error::make(store_error::invalid_argument,
                           "The retention period is 1 to " + std::to_string(max_retention_days) +
                               " days; " + std::to_string(days) + " is not allowed.",
                           "retention_days");
    return MetaStore(**db).set(retention_key, std::to_string(days));
}

Result<PurgeOutcome> SyncService::purge(bool dry_run, std::optional<int> days) {
    auto db = w_.store();
    if (!db)
        return db.error();
    PurgeOutcome out;
    out.dry_run = dry_run;
    if (days) {
        if (*days < 0 || *days > max_retention_days)
            return Error::make(store_error::invalid_argument,
                               "Keep records 0 to " + std::to_string(max_retention_days) +
                                   " days after the central system received them; " +
                                   std::to_string(*days) + " is not allowed.",
                               "days");
        out.retention_days = *days;
    } else {
        auto kept = retention_days();
        if (!kept)
            return kept.error();
        out.retention_days = *kept;
    }
    // The trusted time (the server's, carried forward by boot time; the device clock after a
    // reboot until the next sync). A clock set forward then removes early only what the
    // central system already holds; one set back keeps more.
    const auto before = w_.now().time - std::chrono::days(out.retention_days);
    out.acknowledged_before = china_timestamp(before);
    auto report = RecordStore(**db).purge_acknowledged(before, dry_run);
    if (!report)
        return report.error();
    out.report = std::move(report.value());
    return out;
}

SyncRun SyncService::obey_device_order(SyncRun run, const sync::UploadProgressFn& progress) {
    MetaStore meta(**w_.store());
    auto order = w_.client().device();
    if (order) {
        // Kept until carried out: the network may be gone by the time the user answers.
        const Status kept = order->wipe ? meta.set(wipe_order_key, order->message.value_or(""))
                                        : meta.erase(wipe_order_key);
        if (!kept)
            run.messages.push_back(kept.error().message);
    } else if (order.error().kind == sync::ApiErrorKind::unauthorized) {
        run.needs_sign_in = true;
        return run;
    } else if (order.error().kind == sync::ApiErrorKind::cancelled) {
        run.cancelled = true;
        return run;
    }
    auto kept = meta.get(wipe_order_key);
    if (!kept || !*kept)
        return run;
    run.wipe_ordered = true;
    run.wipe_message = **kept;
    auto done = wipe(false, progress);
    if (!done) {
        run.pull_error = done.error().message;
        run.pull_error_code = done.error().code;
        return run;
    }
    run.wiped = done->wiped;
    run.unsent = std::move(done->unsent);
    return run;
}

Result<std::vector<OutboxRow>> SyncService::unsent_rows() {
    auto db = w_.store();
    if (!db)
        return db.error();
    auto snap = snapshot();
    if (!snap)
        return snap.error();
    std::vector<OutboxRow> unsent;
    for (auto& row : snap->rows)
        if (row.outbox != OutboxState::uploaded)
            unsent.push_back(std::move(row));
    auto records = RecordStore(**db).summaries();
    if (!records)
        return records.error();
    ReferenceStore refs(**db);
    for (const auto& r : *records) {
        if (r.state != RecordState::draft && r.state != RecordState::frozen)
            continue;
        OutboxRow row;
        row.record_id = r.record_id;
        row.assignment_id = r.assignment_id;
        row.record_state = r.state;
        if (auto a = refs.assignment(r.assignment_id); a && *a)
            row.target_name = (*a)->target.name;
        row.inspection_day = r.created_at.substr(0, 10);
        unsent.push_back(std::move(row));
    }
    return unsent;
}

Result<WipeOutcome> SyncService::wipe(bool discard_unsent, const sync::UploadProgressFn& progress) {
    auto db = w_.store();
    if (!db)
        return db.error();
    if (w_.network_allowed()) {
        // Everything that can go goes first, whatever its back-off says.
        Workspace::YieldScope yield(w_);
        sync::UploaderOptions o;
        o.ignore_back_off = true;
        (void)sync::Uploader(**db, w_.client(), o).upload_due(progress);
    }
    auto unsent = unsent_rows();
    if (!unsent)
        return unsent.error();
    WipeOutcome out;
    out.unsent = std::move(unsent.value());
    if (!out.unsent.empty() && !discard_unsent)
        return out; // asked, never erased silently
    const int count = static_cast<int>(out.unsent.size());
    w_.close();
    w_.client().set_token({});
    w_.user = {};
    platform::KeyVault vault = w_.vault();
    FI_TRY(platform::WipePolicy::wipe(vault, count, discard_unsent));
    FI_TRY(erase_data_directory(w_.data_dir()));
    out.wiped = true;
    return out;
}

SyncRun SyncService::pull(std::chrono::seconds retry_for) {
    auto db = w_.store();
    if (!db)
        return locked_run(db.error());
    if (auto allowed = w_.network_allowed(); !allowed)
        return locked_run(allowed.error());
    Workspace::YieldScope yield(w_);
    w_.sync_clock();
    return pull_into(SyncRun{}, std::chrono::steady_clock::now() + retry_for);
}

Result<SyncSnapshot> SyncService::status() {
    return read_snapshot(false);
}

Result<SyncSnapshot> SyncService::snapshot() {
    return read_snapshot(true);
}

Result<SyncSnapshot> SyncService::read_snapshot(bool with_rows) {
    auto db = w_.store();
    if (!db)
        return db.error();
    SyncSnapshot snap;
    auto open = OutboxStore(**db).open_entries();
    if (!open)
        return open.error();
    // A draft is work not yet on the central system: its day counts too.
    auto drafts = RecordStore(**db).draft_ids();
    if (!drafts)
        return drafts.error();
    std::vector<std::string> draft_days;
    for (const auto& id : *drafts) {
        auto draft = RecordStore(**db).load(id);
        if (!draft)
            return draft.error();
        draft_days.push_back(draft->record.inspection_day);
    }
    const TrustedTime t = w_.now();
    snap.same_day = sync::same_day_status(*open, draft_days, t.time);
    if (!t.has(ClockFlag::never_synced))
        snap.clock_offset_ms = t.offset.count();
    MetaStore meta(**db);
    if (auto last = meta.get("sync.last"); last && *last)
        snap.last_sync = **last;
    if (!with_rows)
        return snap;
    auto records = RecordStore(**db).summaries();
    if (!records)
        return records.error();
    std::map<std::string, const RecordSummary*> by_id;
    for (const auto& r : *records)
        by_id[r.record_id] = &r;
    ReferenceStore refs(**db);
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
        row.purged = it->purged;
        if (!it->inspection_day.empty())
            row.inspection_day = it->inspection_day; // the receipt of a purged record says
        else if (auto d = parse_rfc3339(it->received_at))
            row.inspection_day = china_date(*d).to_string();
        snap.rows.push_back(std::move(row));
    }
    return snap;
}

Status SyncService::retry(const std::string& record_id) {
    auto db = w_.store();
    if (!db)
        return db.error();
    return OutboxStore(**db).unpark(record_id);
}

Result<RedrawOutcome> SyncService::redraw(const std::string& assignment_id,
                                          const std::string& reason, const std::string& note,
                                          const std::vector<std::string>& exclude_inspector_ids) {
    auto db = w_.store();
    if (!db)
        return db.error();
    auto result = w_.client().redraw(assignment_id, reason, note, exclude_inspector_ids);
    if (!result)
        return to_error(result.error());
    ReferenceStore refs(**db);
    const json page = {{"items", json::array({encode_assignment(result->revoked),
                                              encode_assignment(result->assignment)})},
                       {"next_cursor", ""},
                       {"has_more", false}};
    auto report = refs.apply_assignment_page(page);
    if (!report)
        return report.error();
    // Verified as a pull verifies it: the plan's publication, its draw and the public log
    // (with this re-draw's entry) fetched first. A draw that cannot be checked is kept, marked.
    sync::PullSummary noted;
    auto draw = sync::Puller(**db, w_.client()).keep_draw(result->draw, noted);
    if (!draw)
        return to_error(draw.error());
    RedrawOutcome out;
    out.revoked_id = result->revoked.id;
    out.revoked_revision = result->revoked.revision;
    out.frozen_drafts = static_cast<int>(report->frozen_drafts);
    auto records = RecordStore(**db).summaries();
    if (!records)
        return records.error();
    auto fresh = assignment_view(**db, result->assignment, *records, w_.user.inspector_id);
    if (!fresh)
        return fresh.error();
    out.fresh = std::move(fresh.value());
    return out;
}

} // namespace fi::services
