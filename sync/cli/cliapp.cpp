#include "sync/cli/cliapp.h"

#include "core/atomicfile.h"
#include "core/capture.h"
#include "core/date.h"
#include "core/metastore.h"
#include "core/modeljson.h"
#include "core/outboxstore.h"
#include "core/recorddocument.h"
#include "core/recordstore.h"
#include "core/referencestore.h"
#include "core/rules.h"
#include "core/statistics.h"
#include "core/store.h"
#include "core/workcalendar.h"
#include "platform/bootclock.h"
#include "platform/guiapplication.h"
#include "platform/keyvault.h"
#include "platform/recordpdf.h"
#include "platform/statisticspdf.h"
#include "sync/curltransport.h"
#include "sync/puller.h"
#include "sync/sameday.h"
#include "sync/uploader.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

namespace fi::cli {

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

constexpr const char* usage_text = R"(usage: fieldinspect-cli [options] COMMAND [arguments]

Commands:
  init --user NAME             first run: sign in online, then create the encrypted data
                               directory under a PIN (PIN from --pin-file or FI_PIN)
  sign-in --user NAME          sign in to the central system (password from --password-file
                               or FI_PASSWORD); keeps the session in the encrypted store
  sign-out                     end the session
  pull                         fetch reference data, assignments and draws (verified)
  assignments                  list active assignments
  show ASSIGNMENT              one assignment: target, items, team, draw verification
  record --assignment ID --answers FILE [--draft]
                               record an inspection from an answers file (docs/cli.md) and
                               complete it (unless --draft)
  sync [--retry-for SECONDS]   upload completed records and their photos, then pull
  status                       what is still on the device, and today's deadline
  redraw ASSIGNMENT --reason conflict|absence|other [--note TEXT] [--exclude I-1,I-2]
                               ask the central system for a new draw (team leaders, online)
  export RECORD                print a record as stored (the sealed upload body once completed)
  pdf RECORD|ASSIGNMENT [--out FILE]
                               the inspection record (现场检查笔录) of a completed record as PDF
                               (default: DATA/exports/record-<id>.pdf); an assignment id
                               means its latest completed record
  stats --quarter 2026Q4 [--csv FILE] [--pdf FILE]
                               the quarterly statistics table (监管情况统计表) as far as this
                               tablet knows it; printed, and written as CSV and/or PDF

Options:
  --data DIR           data directory (default: $FI_DATA or ./fieldinspect-data)
  --server URL         central system base URL, e.g. https://central.example/api/v1
                       (default: $FI_SERVER, else the one used at sign-in)
  --ca-file FILE       trust this CA bundle for the server's certificate
  --tls-pin PIN        pin the server's public key (sha256//BASE64); repeat for backups
  --pin-file FILE      the PIN (default: $FI_PIN)
  --password-file FILE the password (default: $FI_PASSWORD)
  --json               machine-readable summary on stdout
Exit codes: 0 done/all uploaded, 2 usage, 3 pending or parked, 4 sign-in needed, 5 data error.
)";

struct UsageError {
    std::string message;
};

/// The parsed command line.
struct Args {
    std::string command;
    std::vector<std::string> positional;
    std::map<std::string, std::vector<std::string>> options;
    bool json = false;

    std::optional<std::string> opt(const std::string& name) const {
        auto it = options.find(name);
        if (it == options.end() || it->second.empty())
            return std::nullopt;
        return it->second.back();
    }
    std::vector<std::string> all(const std::string& name) const {
        auto it = options.find(name);
        return it == options.end() ? std::vector<std::string>{} : it->second;
    }
};

Args parse(int argc, char** argv) {
    static const std::set<std::string> with_value = {
        "--data",    "--server",     "--ca-file", "--tls-pin",   "--pin-file", "--password-file",
        "--user",    "--assignment", "--answers", "--retry-for", "--reason",   "--note",
        "--exclude", "--out",        "--quarter", "--csv",       "--pdf"};
    static const std::set<std::string> flags = {"--json", "--draft", "--help"};
    Args a;
    for (int i = 1; i < argc; ++i) {
        const std::string s = argv[i];
        if (s.starts_with("--")) {
            if (with_value.contains(s)) {
                if (i + 1 >= argc)
                    throw UsageError{s + " needs a value"};
                a.options[s].push_back(argv[++i]);
            } else if (flags.contains(s)) {
                a.options[s].push_back("1");
            } else {
                throw UsageError{"unknown option " + s};
            }
        } else if (a.command.empty()) {
            a.command = s;
        } else {
            a.positional.push_back(s);
        }
    }
    a.json = a.options.contains("--json");
    return a;
}

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

/// A secret from a file (first line) or an environment variable; never from the command line.
std::string secret(const Args& a, const char* file_option, const char* env_name, const char* what) {
    if (auto f = a.opt(file_option)) {
        std::ifstream in(*f);
        std::string line;
        if (!in || !std::getline(in, line))
            throw UsageError{std::string("cannot read the ") + what + " from " + *f};
        return line;
    }
    std::string v = env(env_name);
    if (v.empty())
        throw UsageError{std::string("give the ") + what + " with " + file_option + " or " +
                         env_name};
    return v;
}

/// A failure that ends the command with an exit code and a message on stderr.
struct Failure {
    int code;
    std::string message;
};

void fail_if(const Status& s, int code = exit_data_error) {
    if (!s)
        throw Failure{code, s.error().message};
}
template <class T> T take(Result<T> r, int code = exit_data_error) {
    if (!r)
        throw Failure{code, r.error().message};
    return std::move(r.value());
}

int exit_for(const sync::ApiError& e) {
    switch (e.kind) {
    case sync::ApiErrorKind::unauthorized:
        return exit_sign_in;
    case sync::ApiErrorKind::retryable:
        return exit_pending;
    default:
        return exit_data_error;
    }
}
template <class T> T take_api(sync::ApiResult<T> r) {
    if (!r)
        throw Failure{exit_for(r.error()), r.error().message};
    return std::move(r.value());
}

/// Everything a command may need, opened on first use.
class Context {
public:
    explicit Context(const Args& args) : args_(args) {
        data_ = args.opt("--data").value_or(env("FI_DATA"));
        if (data_.empty())
            data_ = "fieldinspect-data";
    }

    fs::path db_path() const { return data_ / "fieldinspect.db"; }

    Database& db() {
        if (!db_) {
            if (!fs::exists(db_path()))
                throw Failure{exit_data_error, "No data directory at " + data_.string() +
                                                   ". Create one with `fieldinspect-cli init`."};
            platform::KeyVault vault(db_path(), clock_);
            SecretKey key = take(vault.unlock(secret(args_, "--pin-file", "FI_PIN", "PIN")));
            db_.emplace(take(open_store(db_path(), key)));
        }
        return *db_;
    }

    /// First run: the user signs in online (password), then the store is created under a
    /// PIN-wrapped key owned by that user, and the session is kept in it.
    sync::Session init(const std::string& user, const std::string& password) {
        platform::KeyVault vault(db_path(), clock_);
        if (vault.exists() || fs::exists(db_path()))
            throw Failure{exit_data_error, "A data directory already exists at " + data_.string() +
                                               "; nothing was changed."};
        const std::string pin = secret(args_, "--pin-file", "FI_PIN", "PIN");
        const std::string device = make_uuid_v4();
        auto session = take_api(client().sign_in(user, password, device));
        fs::create_directories(data_);
        platform::VaultSetup setup;
        setup.owner = session.user.inspector_id;
        // Tests create many throw-away stores; the PIN's KDF cost is theirs to skip.
        if (env("FI_INSECURE_TEST_KDF") == "1")
            setup.kdf = platform::PinKdf::fastest_params();
        SecretKey key = take(vault.create(pin, setup));
        OpenOptions o;
        o.mode = OpenOptions::Mode::create_if_missing;
        db_.emplace(take(open_store(db_path(), key, o)));
        fail_if(meta().set("device.id", device));
        return session;
    }

    std::string server_url() {
        if (auto s = args_.opt("--server"))
            return *s;
        if (auto e = env("FI_SERVER"); !e.empty())
            return e;
        if (db_ || fs::exists(db_path()))
            if (auto stored = take(MetaStore(db()).get("server.url")))
                return *stored;
        throw UsageError{"give the central system's URL with --server or FI_SERVER"};
    }

    sync::CentralClient& client() {
        if (!client_) {
            const std::string url = server_url();
            sync::TransportOptions t;
            t.allow_plain_http = url.starts_with("http://");
            t.ca_file = args_.opt("--ca-file").value_or("");
            t.pins = args_.all("--tls-pin");
            transport_.emplace(t);
            client_.emplace(*transport_, url);
            if (db_ || fs::exists(db_path()))
                if (auto token = take(MetaStore(db()).get("session.token")))
                    client_->set_token(*token);
        }
        return *client_;
    }

    /// The trusted time now, from the last server sync carried forward by boot time.
    TrustedTime now() {
        TrustedClock clock;
        MetaStore m = meta();
        if (auto sync = take(load_clock_sync(m)))
            clock.synced(*sync);
        return clock.now(clock_.read());
    }

    /// Ask the server for its time and remember it with this device's readings.
    void sync_clock() {
        const ClockReading before = clock_.read();
        auto t = client().server_time();
        const ClockReading after = clock_.read();
        if (!t)
            return; // the clock stays as it was: records made meanwhile say so
        auto server = parse_rfc3339(*t);
        if (!server)
            return;
        ClockReading mid = after;
        mid.boottime = before.boottime + (after.boottime - before.boottime) / 2;
        mid.wall = before.wall + (after.wall - before.wall) / 2;
        MetaStore m = meta();
        if (before.boot_id == after.boot_id)
            fail_if(save_clock_sync(m, ClockSync{*server, mid}));
    }

    MetaStore meta() { return MetaStore(db()); }
    const fs::path& data_dir() const { return data_; }
    const platform::BootClock& boot_clock() const { return clock_; }
    const Args& args() const { return args_; }

private:
    const Args& args_;
    fs::path data_;
    platform::LinuxBootClock clock_;
    std::optional<Database> db_;
    std::optional<sync::CurlTransport> transport_;
    std::optional<sync::CentralClient> client_;
};

std::string mib(std::int64_t bytes) {
    char b[32];
    std::snprintf(b, sizeof b, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return b;
}

// ---- commands -------------------------------------------------------------------------

/// Keep the session (and the server it belongs to) in the encrypted store.
void keep_session(Context& ctx, const sync::Session& session) {
    MetaStore meta = ctx.meta();
    fail_if(meta.set("server.url", ctx.server_url()));
    fail_if(meta.set("session.token", session.token));
    fail_if(meta.set("session.user", json{{"inspector_id", session.user.inspector_id},
                                          {"name", session.user.name},
                                          {"unit", session.user.unit},
                                          {"roles", session.user.roles}}
                                         .dump()));
    ctx.sync_clock();
    if (ctx.args().json)
        std::cout << json{{"inspector_id", session.user.inspector_id},
                          {"name", session.user.name},
                          {"roles", session.user.roles},
                          {"device_id", take(meta.device_id())}}
                         .dump()
                  << "\n";
    else
        std::cout << "Signed in as " << session.user.name << " (" << session.user.inspector_id
                  << ", " << session.user.unit << ") on device " << take(meta.device_id()) << "\n";
}

std::string required_user(Context& ctx) {
    const auto user = ctx.args().opt("--user");
    if (!user)
        throw UsageError{ctx.args().command + " needs --user NAME"};
    return *user;
}

int cmd_init(Context& ctx) {
    const std::string user = required_user(ctx);
    const std::string password = secret(ctx.args(), "--password-file", "FI_PASSWORD", "password");
    const auto session = ctx.init(user, password);
    keep_session(ctx, session);
    return exit_ok;
}

int cmd_sign_in(Context& ctx) {
    const std::string user = required_user(ctx);
    const std::string password = secret(ctx.args(), "--password-file", "FI_PASSWORD", "password");
    const std::string device = take(ctx.meta().device_id());
    auto session = take_api(ctx.client().sign_in(user, password, device));
    keep_session(ctx, session);
    return exit_ok;
}

int cmd_sign_out(Context& ctx) {
    auto r = ctx.client().sign_out();
    fail_if(ctx.meta().erase("session.token"));
    if (!r && r.error().kind != sync::ApiErrorKind::unauthorized)
        throw Failure{exit_for(r.error()), r.error().message};
    std::cout << "Signed out.\n";
    return exit_ok;
}

json pull_json(const sync::PullSummary& s) {
    return {{"applied", s.applied},
            {"deleted", s.deleted},
            {"rejected", s.rejected},
            {"frozen_drafts", s.frozen_drafts},
            {"draws_verified", s.draws_verified},
            {"draws_not_verified", s.draws_not_verified},
            {"messages", s.messages}};
}

sync::PullSummary do_pull(Context& ctx) {
    ctx.sync_clock();
    sync::Puller puller(ctx.db(), ctx.client());
    auto summary = take_api(puller.pull_all());
    for (const auto& m : summary.messages)
        std::cerr << "warning: " << m << "\n";
    return summary;
}

int cmd_pull(Context& ctx) {
    const auto s = do_pull(ctx);
    if (ctx.args().json)
        std::cout << pull_json(s).dump() << "\n";
    else
        std::cout << "Pulled: " << s.applied << " items applied, " << s.deleted << " removed, "
                  << s.rejected << " rejected; draws verified for " << s.draws_verified
                  << " assignments, NOT verified for " << s.draws_not_verified << ".\n";
    return exit_ok;
}

std::string record_state_of(Context& ctx, const std::string& assignment_id) {
    auto history = take(RecordStore(ctx.db()).history(assignment_id));
    if (history.empty())
        return "not started";
    return std::string(to_string(history.back().state));
}

int cmd_assignments(Context& ctx) {
    auto list = take(ReferenceStore(ctx.db()).assignments());
    json out = json::array();
    for (const auto& a : list) {
        const std::string state = record_state_of(ctx, a.id);
        out.push_back({{"id", a.id},
                       {"target", a.target.name},
                       {"category", to_string(a.target.category)},
                       {"mode", to_string(a.mode)},
                       {"district", a.target.district},
                       {"plan", a.plan.name},
                       {"state", state}});
        if (!ctx.args().json)
            std::cout << a.id << "  " << to_string(a.target.category) << "  " << to_string(a.mode)
                      << "  " << a.target.district << "  " << a.target.name << "  [" << state
                      << "]\n";
    }
    if (ctx.args().json)
        std::cout << out.dump() << "\n";
    return exit_ok;
}

int cmd_show(Context& ctx) {
    if (ctx.args().positional.size() != 1)
        throw UsageError{"show needs one assignment id"};
    ReferenceStore refs(ctx.db());
    auto a = take(refs.assignment(ctx.args().positional[0]));
    if (!a)
        throw Failure{exit_data_error, "No assignment " + ctx.args().positional[0] +
                                           " on this device. Run `pull` first."};
    const auto verification = take(refs.verify_team(*a));
    json team = json::array();
    for (const auto& m : a->team) {
        auto who = take(refs.inspector(m.inspector_id));
        team.push_back({{"inspector_id", m.inspector_id},
                        {"role", to_string(m.role)},
                        {"name", who ? who->name : ""},
                        {"cert_no", who && who->cert_no ? json(*who->cert_no) : json()}});
    }
    json items = json::array();
    for (const auto& id : a->item_ids) {
        auto item = take(refs.catalogue_item(id));
        items.push_back({{"id", id},
                         {"title", item ? item->title : "(not in the catalogue)"},
                         {"legal_basis", item ? json(item->legal_basis) : json::array()}});
    }
    json out = encode_assignment(*a);
    out["team_details"] = team;
    out["item_details"] = items;
    out["draw_verified"] = verification.verified();
    out["draw_message"] = verification.message;
    if (auto warning = credit_code_warning(a->target))
        out["credit_code_warning"] = warning->message;
    if (ctx.args().json) {
        std::cout << out.dump() << "\n";
        return exit_ok;
    }
    std::cout << a->id << " (revision " << a->revision << ", " << to_string(a->status) << ")\n"
              << "  target:   " << a->target.name << " — " << a->target.credit_code << "\n"
              << "  address:  " << a->target.address << " (" << a->target.district << ")\n"
              << "  plan:     " << a->plan.name << "\n"
              << "  mode:     " << to_string(a->mode) << "\n"
              << "  draw:     " << a->draw_id << " — "
              << (verification.verified() ? "verified" : "NOT VERIFIED: " + verification.message)
              << "\n";
    if (out.contains("credit_code_warning"))
        std::cout << "  warning:  " << out["credit_code_warning"].get<std::string>() << "\n";
    for (const auto& m : team)
        std::cout << "  team:     " << m["role"].get<std::string>() << " "
                  << m["inspector_id"].get<std::string>() << " " << m["name"].get<std::string>()
                  << (m["cert_no"].is_string() ? " " + m["cert_no"].get<std::string>() : "")
                  << "\n";
    for (const auto& i : items)
        std::cout << "  item:     " << i["id"].get<std::string>() << " "
                  << i["title"].get<std::string>() << "\n";
    return exit_ok;
}

/// Read the answers file (docs/cli.md) into the draft, and the photos it lists.
struct PhotoPlan {
    std::string file;
    std::optional<std::string> finding_id;
};

std::vector<PhotoPlan> apply_answers(const json& j, InspectionRecord& r) {
    auto bad = [](const std::string& what) {
        return Failure{exit_data_error, "answers file: " + what};
    };
    if (!j.is_object())
        throw bad("not a JSON object");
    // Reuse the record decoder for the parts the file shares with the upload body.
    json as_record = encode_inspection_record(r);
    for (const char* key : {"inspectors_present", "location", "offsite_method", "answers",
                            "confidential", "confidential_reason"})
        if (j.contains(key))
            as_record[key] = j.at(key);
    std::map<std::string, std::string> finding_ids;
    json findings = json::array();
    if (j.contains("findings")) {
        if (!j.at("findings").is_array())
            throw bad("findings must be a list");
        for (const auto& f : j.at("findings")) {
            if (!f.is_object() || !f.contains("ref") || !f.at("ref").is_string())
                throw bad("every finding needs a \"ref\" name for its photos to point at");
            json copy = f;
            copy.erase("ref");
            const std::string id = make_uuid_v4();
            copy["id"] = id;
            copy["photo_ids"] = json::array();
            finding_ids[f.at("ref").get<std::string>()] = id;
            findings.push_back(copy);
        }
    }
    as_record["findings"] = findings;
    if (j.contains("outcome")) {
        as_record["outcome"] = j.at("outcome");
        if (auto o = j.at("outcome").is_string() ? parse_outcome(j.at("outcome").get<std::string>())
                                                 : std::nullopt)
            as_record["public_text"] = std::string(public_text_for(*o));
    }
    for (auto& a : as_record["answers"])
        if (a.is_object() && !a.contains("note"))
            a["note"] = "";
    auto decoded = decode_inspection_record(as_record);
    if (!decoded)
        throw bad(decoded.error().message);
    r = std::move(decoded.value());
    std::vector<PhotoPlan> photos;
    if (j.contains("photos")) {
        if (!j.at("photos").is_array())
            throw bad("photos must be a list");
        for (const auto& p : j.at("photos")) {
            if (!p.is_object() || !p.contains("file") || !p.at("file").is_string())
                throw bad("every photo needs a \"file\"");
            PhotoPlan plan{p.at("file").get<std::string>(), std::nullopt};
            if (p.contains("finding") && p.at("finding").is_string()) {
                auto it = finding_ids.find(p.at("finding").get<std::string>());
                if (it == finding_ids.end())
                    throw bad("photo " + plan.file + " names an unknown finding");
                plan.finding_id = it->second;
            }
            photos.push_back(plan);
        }
    }
    return photos;
}

int cmd_record(Context& ctx) {
    const auto assignment_id = ctx.args().opt("--assignment");
    const auto answers_path = ctx.args().opt("--answers");
    if (!assignment_id || !answers_path)
        throw UsageError{"record needs --assignment ID and --answers FILE"};
    std::ifstream in(*answers_path);
    if (!in)
        throw Failure{exit_data_error, "cannot read " + *answers_path};
    const json answers = json::parse(in, nullptr, false);
    if (answers.is_discarded())
        throw Failure{exit_data_error, *answers_path + " is not valid JSON"};
    ReferenceStore refs(ctx.db());
    auto a = take(refs.assignment(*assignment_id));
    if (!a)
        throw Failure{exit_data_error, "No assignment " + *assignment_id + " on this device."};

    const TrustedTime started = ctx.now();
    InspectionRecord r = start_record(*a, make_uuid_v4(), started, ctx.boot_clock().read().wall);
    const auto photos = apply_answers(answers, r);
    RecordStore records(ctx.db());
    fail_if(records.create_draft(r));
    const fs::path base = fs::path(*answers_path).parent_path();
    for (const auto& p : photos) {
        const fs::path file = fs::path(p.file).is_absolute() ? fs::path(p.file) : base / p.file;
        std::error_code ec;
        const auto size = fs::file_size(file, ec);
        if (ec)
            throw Failure{exit_data_error, "cannot read photo " + file.string()};
        PhotoCapture capture{make_uuid_v4(), "image/jpeg", china_timestamp(ctx.now().time),
                             r.location, p.finding_id};
        take(records.add_photo(r.id, capture, static_cast<std::int64_t>(size),
                               file_source(file.string())));
    }
    auto draft = take(records.load(r.id)).record;
    finish_record(draft, ctx.now());
    fail_if(records.save_draft(draft));
    if (ctx.args().options.contains("--draft")) {
        std::cout << r.id << "\n";
        return exit_ok;
    }
    auto problems = take(records.completion_problems(r.id));
    if (!problems.empty()) {
        std::cerr << "The record " << r.id << " was kept as a draft; it cannot be completed:\n";
        for (const auto& p : problems)
            std::cerr << "  - [" << p.code << "] " << p.field << ": " << p.message << "\n";
        return exit_data_error;
    }
    const std::string device = take(ctx.meta().device_id());
    auto done = take(records.complete(r.id, device));
    if (ctx.args().json)
        std::cout << json{{"id", r.id},
                          {"chain_seq", *done.chain_seq},
                          {"chain_hash", *done.chain_hash},
                          {"draw_verified", done.record.draw_verified}}
                         .dump()
                  << "\n";
    else
        std::cout << r.id << "\n";
    return exit_ok;
}

json status_json(Context& ctx, const sync::SameDayStatus& s) {
    json records = json::array();
    for (const auto& e : take(OutboxStore(ctx.db()).open_entries()))
        records.push_back({{"id", e.record_id},
                           {"state", to_string(e.state)},
                           {"inspection_day", e.inspection_day},
                           {"attempts", e.attempts},
                           {"error_code", e.error_code ? json(*e.error_code) : json()},
                           {"message", e.error_message ? json(*e.error_message) : json()}});
    return {{"today", s.today},           {"due_today", s.due_today},
            {"overdue", s.overdue},       {"pending", s.pending},
            {"uploading", s.uploading},   {"parked", s.parked},
            {"bytes_left", s.bytes_left}, {"minutes_left_today", s.left_today.count()},
            {"records", records}};
}

sync::SameDayStatus same_day(Context& ctx) {
    return sync::same_day_status(take(OutboxStore(ctx.db()).open_entries()), ctx.now().time);
}

void print_status(const sync::SameDayStatus& s) {
    std::cout << "Today " << s.today << ": " << s.due_today << " record(s) of today not yet "
              << "uploaded, " << s.overdue << " from earlier days (late), " << s.parked
              << " need attention; " << mib(s.bytes_left) << " of photos left; "
              << s.left_today.count() / 60 << " h " << s.left_today.count() % 60
              << " min left until 24:00.\n";
}

int cmd_status(Context& ctx) {
    const auto s = same_day(ctx);
    if (ctx.args().json) {
        std::cout << status_json(ctx, s).dump() << "\n";
    } else {
        print_status(s);
        for (const auto& e : take(OutboxStore(ctx.db()).open_entries()))
            std::cout << "  " << e.record_id << "  " << to_string(e.state) << "  "
                      << e.inspection_day
                      << (e.error_message ? "  — " + *e.error_message : std::string()) << "\n";
    }
    if (s.pending + s.uploading + s.parked > 0)
        return exit_pending;
    return exit_ok;
}

int cmd_sync(Context& ctx) {
    int retry_for = 0;
    if (auto r = ctx.args().opt("--retry-for"))
        retry_for = std::atoi(r->c_str());
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(retry_for);
    sync::Uploader uploader(ctx.db(), ctx.client());
    sync::UploadSummary total;
    auto last_print = std::chrono::steady_clock::now() - std::chrono::seconds(1);
    std::string finished_record;
    auto progress = [&](const sync::UploadProgress& p) {
        const auto now = std::chrono::steady_clock::now();
        const bool done = p.record_sent == p.record_total;
        if (done ? finished_record == p.record_id
                 : now - last_print < std::chrono::milliseconds(200))
            return; // at most five lines a second, and one when a record is done
        last_print = now;
        if (done)
            finished_record = p.record_id;
        std::cerr << "uploading " << p.record_id << ": " << mib(p.record_sent) << " / "
                  << mib(p.record_total) << " (all: " << mib(p.overall_sent) << " / "
                  << mib(p.overall_total) << ")\n";
    };
    for (;;) {
        auto s = uploader.upload_due(progress);
        total.uploaded += s.uploaded;
        total.late += s.late;
        total.requests += s.requests;
        total.photo_bytes_sent += s.photo_bytes_sent;
        total.needs_sign_in = s.needs_sign_in;
        for (auto& m : s.messages)
            std::cerr << m << "\n";
        if (s.needs_sign_in)
            break;
        auto open = take(OutboxStore(ctx.db()).open_entries());
        std::int64_t next = -1;
        for (const auto& e : open)
            if (e.state != OutboxState::parked)
                next = next < 0 ? e.next_attempt_ms : std::min(next, e.next_attempt_ms);
        if (next < 0 || std::chrono::steady_clock::now() >= deadline)
            break;
        const std::int64_t now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count();
        const auto wait = std::chrono::milliseconds(std::max<std::int64_t>(0, next - now_ms));
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (wait > left)
            break;
        std::this_thread::sleep_for(wait);
    }
    std::optional<sync::PullSummary> pulled;
    std::string pull_error;
    int pull_exit = exit_ok;
    if (!total.needs_sign_in) {
        try {
            pulled = do_pull(ctx);
        } catch (const Failure& f) {
            pull_error = f.message;
            pull_exit = f.code;
            std::cerr << "pull: " << f.message << "\n";
        }
    }
    const auto s = same_day(ctx);
    if (ctx.args().json) {
        json out = status_json(ctx, s);
        out["uploaded"] = total.uploaded;
        out["late"] = total.late;
        out["requests"] = total.requests;
        out["photo_bytes_sent"] = total.photo_bytes_sent;
        out["needs_sign_in"] = total.needs_sign_in || pull_exit == exit_sign_in;
        out["pull"] = pulled ? pull_json(*pulled) : json{{"error", pull_error}};
        std::cout << out.dump() << "\n";
    } else {
        std::cout << "Uploaded " << total.uploaded << " record(s)"
                  << (total.late ? " (" + std::to_string(total.late) + " late)" : "") << ".\n";
        print_status(s);
    }
    if (total.needs_sign_in || pull_exit == exit_sign_in)
        return exit_sign_in;
    if (s.pending + s.uploading + s.parked > 0)
        return exit_pending;
    return exit_ok;
}

int cmd_redraw(Context& ctx) {
    if (ctx.args().positional.size() != 1)
        throw UsageError{"redraw needs one assignment id"};
    const auto reason = ctx.args().opt("--reason");
    if (!reason || (*reason != "conflict" && *reason != "absence" && *reason != "other"))
        throw UsageError{"redraw needs --reason conflict, absence or other"};
    std::vector<std::string> exclude;
    if (auto e = ctx.args().opt("--exclude")) {
        std::stringstream ss(*e);
        for (std::string id; std::getline(ss, id, ',');)
            if (!id.empty())
                exclude.push_back(id);
    }
    auto result = take_api(ctx.client().redraw(ctx.args().positional[0], *reason,
                                               ctx.args().opt("--note").value_or(""), exclude));
    ReferenceStore refs(ctx.db());
    const json page = {{"items", json::array({encode_assignment(result.revoked),
                                              encode_assignment(result.assignment)})},
                       {"next_cursor", ""},
                       {"has_more", false}};
    auto report = take(refs.apply_assignment_page(page));
    auto draw = take(refs.store_draw(result.draw));
    if (ctx.args().json) {
        std::cout << json{{"revoked", result.revoked.id},
                          {"assignment", encode_assignment(result.assignment)},
                          {"draw_verified", draw.verification.verified()},
                          {"frozen_drafts", report.frozen_drafts}}
                         .dump()
                  << "\n";
        return exit_ok;
    }
    std::cout << "The central system drew a new team for " << result.assignment.id << " (revision "
              << result.assignment.revision << "); the draw "
              << (draw.verification.verified() ? "verifies" : "does NOT verify") << ".\n";
    for (const auto& m : result.assignment.team)
        std::cout << "  " << to_string(m.role) << " " << m.inspector_id << "\n";
    return exit_ok;
}

int cmd_export(Context& ctx) {
    if (ctx.args().positional.size() != 1)
        throw UsageError{"export needs one record id"};
    auto r = take(RecordStore(ctx.db()).load(ctx.args().positional[0]));
    if (r.state == RecordState::draft || r.state == RecordState::frozen)
        std::cout << encode_inspection_record(r.record).dump() << "\n";
    else
        std::cout << r.body << "\n";
    return exit_ok;
}

/// The working-day calendar the central system sent at the last pull; without one, years
/// count Mon–Fri and the deadline says it is provisional.
WorkCalendar stored_calendar(Context& ctx) {
    WorkCalendar cal;
    if (auto text = take(ctx.meta().get("calendar")))
        if (auto c = WorkCalendar::parse(*text))
            cal = std::move(c.value());
    return cal;
}

/// A PDF needs Qt's GUI; the CLI makes an offscreen one (no display needed).
void need_gui() {
    if (auto s = platform::ensure_gui_application(); !s)
        throw Failure{exit_data_error, s.error().message};
}

/// The file the user named, or `exports/NAME` in the data directory (created if missing).
fs::path output_path(Context& ctx, const std::optional<std::string>& given,
                     const std::string& default_name) {
    if (given)
        return fs::path(*given);
    const fs::path dir = ctx.data_dir() / "exports";
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        throw Failure{exit_data_error, "cannot create " + dir.string() + ": " + ec.message()};
    return dir / default_name;
}

int cmd_pdf(Context& ctx) {
    if (ctx.args().positional.size() != 1)
        throw UsageError{"pdf needs one record or assignment id"};
    auto doc = take(load_record_document(ctx.db(), ctx.args().positional[0], stored_calendar(ctx)));
    const fs::path out =
        output_path(ctx, ctx.args().opt("--out"), "record-" + doc.stored.record.id + ".pdf");
    need_gui();
    fail_if(platform::RecordPdf(ctx.db()).write(doc, out));
    if (ctx.args().json)
        std::cout << json{{"record_id", doc.stored.record.id},
                          {"chain_hash", *doc.stored.chain_hash},
                          {"publication_deadline", doc.publication_deadline.date.to_string()},
                          {"deadline_provisional", doc.publication_deadline.provisional},
                          {"file", out.string()}}
                         .dump()
                  << "\n";
    else
        std::cout << "Wrote the inspection record of " << doc.stored.record.id << " to "
                  << out.string() << "\n";
    return exit_ok;
}

int cmd_stats(Context& ctx) {
    const auto quarter_text = ctx.args().opt("--quarter");
    if (!quarter_text)
        throw UsageError{"stats needs --quarter YYYYQn, e.g. --quarter 2026Q4"};
    auto quarter = Quarter::parse(*quarter_text);
    if (!quarter)
        throw UsageError{quarter.error().message};
    std::string unit, who;
    if (auto user = take(ctx.meta().get("session.user"))) {
        const json u = json::parse(*user, nullptr, false);
        if (u.is_object()) {
            unit = u.value("unit", "");
            who = u.value("name", "") + " (" + u.value("inspector_id", "") + ")";
        }
    }
    auto stats = take(compute_quarter_statistics(ctx.db(), *quarter, unit, who));
    std::vector<std::string> written;
    if (auto csv = ctx.args().opt("--csv")) {
        fail_if(write_file_atomically(*csv, statistics_csv(stats)));
        written.push_back(*csv);
    }
    if (auto pdf = ctx.args().opt("--pdf")) {
        need_gui();
        fail_if(platform::write_statistics_pdf(stats, *pdf));
        written.push_back(*pdf);
    }
    if (ctx.args().json) {
        json rows = json::array();
        for (const auto& r : stats.rows)
            rows.push_back({{"key", r.key},
                            {"section", r.section},
                            {"label_zh", r.label_zh},
                            {"label_en", r.label_en},
                            {"value", r.value ? json(*r.value) : json(nullptr)},
                            {"note", r.note}});
        std::cout << json{{"quarter", quarter->to_string()},
                          {"unit", unit},
                          {"report_due", quarter->report_due().to_string()},
                          {"rows", rows},
                          {"files", written}}
                         .dump()
                  << "\n";
        return exit_ok;
    }
    std::cout << "监管情况统计表 " << quarter->to_string() << " ("
              << quarter->first_day().to_string() << " – " << quarter->last_day().to_string()
              << "), " << unit << "; due " << quarter->report_due().to_string() << "\n";
    for (const auto& r : stats.rows)
        std::cout << "  " << r.label_zh << " / " << r.label_en << ": " << statistics_value_text(r)
                  << "\n";
    for (const auto& f : written)
        std::cout << "Wrote " << f << "\n";
    return exit_ok;
}

} // namespace

int run(int argc, char** argv) {
    try {
        const Args args = parse(argc, argv);
        if (args.command.empty() || args.options.contains("--help")) {
            std::cout << usage_text;
            return args.command.empty() && !args.options.contains("--help") ? exit_usage : exit_ok;
        }
        Context ctx(args);
        static const std::map<std::string, int (*)(Context&)> commands = {
            {"init", cmd_init},
            {"sign-in", cmd_sign_in},
            {"sign-out", cmd_sign_out},
            {"pull", cmd_pull},
            {"assignments", cmd_assignments},
            {"show", cmd_show},
            {"record", cmd_record},
            {"sync", cmd_sync},
            {"status", cmd_status},
            {"redraw", cmd_redraw},
            {"export", cmd_export},
            {"pdf", cmd_pdf},
            {"stats", cmd_stats}};
        auto it = commands.find(args.command);
        if (it == commands.end())
            throw UsageError{"unknown command " + args.command};
        return it->second(ctx);
    } catch (const UsageError& e) {
        std::cerr << "fieldinspect-cli: " << e.message << "\n\n" << usage_text;
        return exit_usage;
    } catch (const Failure& f) {
        std::cerr << "fieldinspect-cli: " << f.message << "\n";
        return f.code;
    }
}

} // namespace fi::cli
