#include "cli/cliapp.h"

#include "cli/answersfile.h"
#include "core/answers.h"
#include "core/modeljson.h"
#include "core/place.h"
#include "core/recordstore.h"
#include "core/secretkey.h"
#include "core/statistics.h"
#include "core/timeflags.h"
#include "platform/guiapplication.h"
#include "services/errors.h"
#include "services/tablet.h"

#include <algorithm>
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

namespace fi::cli {

namespace {

using nlohmann::json;
namespace fs = std::filesystem;
using services::service_error::sign_in;

constexpr const char* options_text = R"(Options:
  --data DIR           data directory (default: $FI_DATA or ./fieldinspect-data)
  --server URL         central system base URL, e.g. https://central.example/api/v1
                       (default: $FI_SERVER, else the one kept at sign-in)
  --ca-file FILE       trust this CA bundle for the server's certificate (kept at sign-in)
  --tls-pin PIN        pin the server's public key (sha256//BASE64); repeat for backups (kept)
  --pin-file FILE      the PIN (default: $FI_PIN)
  --password-file FILE the password (default: $FI_PASSWORD)
  --json               machine-readable summary on stdout
Exit codes: 0 done/all uploaded, 2 usage, 3 pending or parked, 4 sign-in needed, 5 data error.
)";

struct UsageError {
    std::string message;
};

/// A failure that ends the command with an exit code and a message on stderr.
struct Failure {
    int code;
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
    bool flag(const std::string& name) const { return options.contains(name); }
};

Args parse(int argc, char** argv) {
    static const std::set<std::string> with_value = {
        "--data",     "--server",     "--ca-file",   "--tls-pin",   "--pin-file", "--password-file",
        "--user",     "--assignment", "--answers",   "--retry-for", "--record",   "--reason",
        "--note",     "--exclude",    "--out",       "--quarter",   "--csv",      "--pdf",
        "--skeleton", "--days",       "--inspector", "--name",      "--position", "--file"};
    static const std::set<std::string> flags = {"--json",           "--draft",   "--help",
                                                "--resume",         "--refused", "--discard-unsent",
                                                "--representative", "--dry-run"};
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
    a.json = a.flag("--json");
    return a;
}

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? v : "";
}

/// A PIN, passphrase or password read for one command, overwritten with zeros when it goes.
struct SecretText {
    std::string value;
    explicit SecretText(std::string v) : value(std::move(v)) {}
    SecretText(const SecretText&) = delete;
    SecretText& operator=(const SecretText&) = delete;
    ~SecretText() { wipe(value); }
    operator const std::string&() const { return value; }
};

/// A secret from a file (first line) or an environment variable; never from the command line.
SecretText secret(const Args& a, const char* file_option, const char* env_name, const char* what) {
    if (auto f = a.opt(file_option)) {
        std::ifstream in(*f);
        std::string line;
        if (!in || !std::getline(in, line)) {
            wipe(line);
            throw UsageError{std::string("cannot read the ") + what + " from " + *f};
        }
        return SecretText(std::move(line));
    }
    std::string v = env(env_name);
    if (v.empty())
        throw UsageError{std::string("give the ") + what + " with " + file_option + " or " +
                         env_name};
    return SecretText(std::move(v));
}

/// What the command line adds to a rule's or the app's words: the command to run.
std::string_view cli_hint(std::string_view code) {
    static const std::map<std::string_view, std::string_view> hints = {
        {rule_code::location_required,
         "The command line has no position of its own: a \"location\" (lat_e6, lon_e6, "
         "accuracy_m) in the answers file is taken only with \"simulated\": true, and the record "
         "is then marked simulated on this tablet (docs/cli.md)."},
        {rule_code::confidential_ground_required,
         "Give \"confidential_ground\" in the answers file: state_secret, national_security, "
         "public_safety or other_law (docs/cli.md)."},
        {services::service_error::sign_in, "Run `fieldinspect-cli sign-in --user NAME`."},
        {services::service_error::not_found, "Run `fieldinspect-cli pull` first."},
        {services::service_error::not_set_up,
         "Create it with `fieldinspect-cli init --user NAME`."},
    };
    auto it = hints.find(code);
    return it == hints.end() ? std::string_view() : it->second;
}

int exit_for(const Error& e) {
    if (e.code == sign_in)
        return exit_sign_in;
    if (services::is_try_later(e.code))
        return exit_pending;
    return exit_data_error;
}

[[noreturn]] void fail(const Error& e) {
    std::string message = e.message;
    if (auto hint = cli_hint(e.code); !hint.empty())
        message += " " + std::string(hint);
    throw Failure{exit_for(e), message};
}
void fail_if(const Status& s) {
    if (!s)
        fail(s.error());
}
template <class T> T take(Result<T> r) {
    if (!r)
        fail(r.error());
    return std::move(r.value());
}

/// The tablet of this run and what the command line gave for it.
class Context {
public:
    explicit Context(const Args& args) : args_(args), tablet_(data_dir_of(args)) {}

    const Args& args() const { return args_; }
    services::Tablet& tablet() { return tablet_; }

    /// The central system as given on the command line or in the environment; what is left
    /// out is what the sign-in kept.
    services::ServerConfig server() const {
        services::ServerConfig s;
        s.url = args_.opt("--server").value_or(env("FI_SERVER"));
        s.ca_file = args_.opt("--ca-file").value_or("");
        s.pins = args_.all("--tls-pin");
        return s;
    }

    /// The tablet unlocked with the PIN.
    services::Tablet& open() {
        if (!tablet_.workspace.is_open())
            take(tablet_.session.unlock(server(), secret(args_, "--pin-file", "FI_PIN", "PIN")));
        return tablet_;
    }

private:
    static fs::path data_dir_of(const Args& a) {
        fs::path d = a.opt("--data").value_or(env("FI_DATA"));
        return d.empty() ? fs::path("fieldinspect-data") : d;
    }

    const Args& args_;
    services::Tablet tablet_;
};

std::string mib(std::int64_t bytes) {
    char b[32];
    std::snprintf(b, sizeof b, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return b;
}

/// A PDF or a photo needs Qt's GUI; the command line makes an offscreen one (no display).
void need_gui() {
    fail_if(platform::ensure_gui_application());
}

std::string one_positional(const Context& ctx, const std::string& what) {
    if (ctx.args().positional.size() != 1)
        throw UsageError{ctx.args().command + " needs one " + what};
    return ctx.args().positional[0];
}

// ---- session --------------------------------------------------------------------------

void print_signed_in(Context& ctx, const services::UserInfo& u) {
    const std::string device = take(ctx.tablet().session.device_id());
    if (ctx.args().json)
        std::cout << json{{"inspector_id", u.inspector_id},
                          {"name", u.name},
                          {"roles", u.roles},
                          {"device_id", device}}
                         .dump()
                  << "\n";
    else
        std::cout << "Signed in as " << u.name << " (" << u.inspector_id << ", " << u.unit
                  << ") on device " << device << "\n";
}

std::string required_user(Context& ctx) {
    const auto user = ctx.args().opt("--user");
    if (!user)
        throw UsageError{ctx.args().command + " needs --user NAME"};
    return *user;
}

int cmd_init(Context& ctx) {
    const std::string user = required_user(ctx);
    const SecretText password = secret(ctx.args(), "--password-file", "FI_PASSWORD", "password");
    const SecretText pin = secret(ctx.args(), "--pin-file", "FI_PIN", "PIN");
    auto& session = ctx.tablet().session;
    const services::ServerConfig server = ctx.server();
    if (server.url.empty() && !session.set_up())
        throw UsageError{"give the central system's URL with --server or FI_SERVER"};
    // No hardware key store here: say so before anything is made (no silent fallback).
    if (!session.set_up() && session.needs_passphrase())
        std::cerr << "This device has no security chip (TPM 2.0) that fieldinspect can use, so "
                     "the data will be protected by its passphrase alone: FI_PIN or --pin-file "
                     "must hold a passphrase of at least 12 characters mixing three kinds "
                     "(lower-case, capitals, digits, other signs), or 20 mixing two.\n";
    take(session.sign_in_first(server, user, password));
    print_signed_in(ctx, take(session.create_store(pin)));
    return exit_ok;
}

int cmd_sign_in(Context& ctx) {
    const std::string user = required_user(ctx);
    const SecretText password = secret(ctx.args(), "--password-file", "FI_PASSWORD", "password");
    auto& tablet = ctx.open();
    print_signed_in(ctx, take(tablet.session.sign_in(password, user)));
    return exit_ok;
}

int cmd_sign_out(Context& ctx) {
    fail_if(ctx.open().session.sign_out());
    std::cout << "Signed out.\n";
    return exit_ok;
}

int cmd_lift_lockout(Context& ctx) {
    const std::string user = required_user(ctx);
    const SecretText password = secret(ctx.args(), "--password-file", "FI_PASSWORD", "password");
    fail_if(ctx.tablet().session.lift_lockout(ctx.server(), user, password));
    std::cout << "The PIN lock-out is lifted: unlock with your PIN.\n";
    return exit_ok;
}

// ---- assignments ----------------------------------------------------------------------

json pull_json(const sync::PullSummary& s) {
    return {{"applied", s.applied},
            {"deleted", s.deleted},
            {"rejected", s.rejected},
            {"frozen_drafts", s.frozen_drafts},
            {"draws_verified", s.draws_verified},
            {"draws_not_verified", s.draws_not_verified},
            {"messages", s.messages}};
}

/// A pull's failure as the command line reports it.
Error pull_error(const services::SyncRun& run) {
    return Error::make(run.needs_sign_in ? std::string(sign_in) : run.pull_error_code,
                       run.pull_error);
}

/// `--retry-for SECONDS`: how long retryable trouble may be waited out (0 when not given).
std::chrono::seconds retry_for(const Context& ctx) {
    const auto r = ctx.args().opt("--retry-for");
    if (!r)
        return std::chrono::seconds(0);
    if (r->empty() || r->size() > 6 || r->find_first_not_of("0123456789") != std::string::npos)
        throw UsageError{"--retry-for needs a number of seconds (at most 999999)"};
    return std::chrono::seconds(std::stoi(*r));
}

int cmd_pull(Context& ctx) {
    const auto run = ctx.open().sync.pull(retry_for(ctx));
    if (!run.pulled)
        fail(pull_error(run));
    for (const auto& m : run.pull.messages)
        std::cerr << "warning: " << m << "\n";
    const auto& s = run.pull;
    if (ctx.args().json)
        std::cout << pull_json(s).dump() << "\n";
    else
        std::cout << "Pulled: " << s.applied << " items applied, " << s.deleted << " removed, "
                  << s.rejected << " rejected; draws verified for " << s.draws_verified
                  << " assignments, NOT verified for " << s.draws_not_verified << ".\n";
    return exit_ok;
}

int cmd_assignments(Context& ctx) {
    auto rows = take(ctx.open().assignments.list());
    json out = json::array();
    for (const auto& row : rows) {
        const auto& a = row.assignment;
        const std::string state(to_string(row.state));
        out.push_back({{"id", a.id},
                       {"target", a.target.name},
                       {"category", to_string(a.target.category)},
                       {"mode", to_string(a.mode)},
                       {"district", a.target.district},
                       {"plan", a.plan.name},
                       {"state", state},
                       {"record_id", row.record_id}});
        if (!ctx.args().json)
            std::cout << a.id << "  " << to_string(a.target.category) << "  " << to_string(a.mode)
                      << "  " << a.target.district << "  " << a.target.name << "  [" << state
                      << "]\n";
    }
    if (ctx.args().json)
        std::cout << out.dump() << "\n";
    else if (rows.empty())
        std::cout << "No assignments on this tablet. Run `fieldinspect-cli pull`.\n";
    return exit_ok;
}

/// What must be said before anything else about an assignment.
std::vector<std::string> warnings_of(const services::AssignmentView& v) {
    std::vector<std::string> w;
    if (!v.draw_verified)
        w.push_back("the draw of this assignment does NOT verify: " + v.draw_message +
                    " Do not inspect before the central system confirmed the team.");
    for (const auto& id : v.items_without_legal_basis)
        w.push_back("item " + id +
                    " has no legal basis in the catalogue and cannot be inspected "
                    "(无法律依据不检查); the record refuses it until the catalogue gives one.");
    for (const auto& id : v.unknown_items)
        w.push_back("item " + id + " is not in the catalogue on this tablet; run `pull`.");
    if (auto p = credit_code_warning(v.assignment.target))
        w.push_back(p->message);
    return w;
}

json versions_json(const std::vector<RecordVersion>& chain) {
    json out = json::array();
    for (const auto& v : chain)
        out.push_back({{"id", v.record_id},
                       {"state", to_string(v.state)},
                       {"outbox", v.outbox ? json(to_string(*v.outbox)) : json()},
                       {"completed_at", v.completed_at},
                       {"supersedes", v.supersedes ? json(*v.supersedes) : json()},
                       {"reason", v.reason ? json(*v.reason) : json()},
                       {"received_at", v.received_at},
                       {"purged", v.purged}});
    return out;
}

void print_versions(const std::vector<RecordVersion>& chain) {
    if (chain.size() < 2)
        return;
    for (std::size_t i = 0; i < chain.size(); ++i) {
        const auto& v = chain[i];
        std::cout << "  version " << i + 1 << ": " << v.record_id << " " << to_string(v.state)
                  << (v.completed_at.empty() ? "" : " " + v.completed_at);
        if (v.reason)
            std::cout << " — corrects " << v.supersedes.value_or("") << ": " << *v.reason;
        std::cout << "\n";
    }
}

int cmd_show(Context& ctx) {
    const auto v = take(ctx.open().assignments.view(one_positional(ctx, "assignment id")));
    const auto& a = v.assignment;
    const auto warnings = warnings_of(v);
    json team = json::array();
    for (const auto& m : v.team)
        team.push_back({{"inspector_id", m.inspector_id},
                        {"role", to_string(m.role)},
                        {"name", m.known ? m.name : ""},
                        {"cert_no", m.cert_no ? json(*m.cert_no) : json()}});
    json items = json::array();
    for (const auto& i : v.items)
        items.push_back({{"id", i.id}, {"title", i.title}, {"legal_basis", i.legal_basis}});
    for (const auto& id : v.unknown_items)
        items.push_back(
            {{"id", id}, {"title", "(not in the catalogue)"}, {"legal_basis", json::array()}});
    json out = encode_assignment(a);
    out["team_details"] = team;
    out["item_details"] = items;
    out["draw_verified"] = v.draw_verified;
    out["draw_message"] = v.draw_message;
    out["draw_algorithm"] = v.draw_algorithm;
    out["draw_parties"] = encode_seed_parties(v.draw_parties);
    out["draw_checks"] = json::array();
    if (v.draw_verified)
        for (const auto& check : draw_checks(v.draw_algorithm))
            out["draw_checks"].push_back(std::string(check));
    out["redraw_history"] = json::array();
    for (const auto& entry : v.redraw_history)
        out["redraw_history"].push_back(encode_redraw_log_entry(entry));
    out["state"] = to_string(v.state);
    out["record_id"] = v.record_id.empty() ? json() : json(v.record_id);
    std::vector<RecordVersion> versions;
    if (!v.record_id.empty())
        versions = take(ctx.open().records.versions(v.record_id));
    out["versions"] = versions_json(versions);
    out["warnings"] = warnings;
    if (auto warning = credit_code_warning(a.target))
        out["credit_code_warning"] = warning->message;
    if (ctx.args().json) {
        std::cout << out.dump() << "\n";
        return exit_ok;
    }
    for (const auto& w : warnings)
        std::cout << "WARNING: " << w << "\n";
    std::cout << a.id << " (revision " << a.revision << ", " << to_string(a.status) << ", "
              << to_string(v.state) << ")\n"
              << "  target:   " << a.target.name << " — " << a.target.credit_code << "\n"
              << "  address:  " << a.target.address << " (" << a.target.district << ")\n"
              << "  plan:     " << a.plan.name << "\n"
              << "  mode:     " << to_string(a.mode) << "\n"
              << "  draw:     " << a.draw_id << " — "
              << (v.draw_verified ? "verified" : "NOT VERIFIED: " + v.draw_message) << "\n";
    if (!v.draw_algorithm.empty())
        std::cout << "            algorithm " << v.draw_algorithm << "\n";
    for (const auto& p : v.draw_parties)
        std::cout << "            seed party " << p.name << " (commitment "
                  << p.seed_commitment.substr(0, 16) << "…)\n";
    if (v.draw_verified)
        for (const auto& check : draw_checks(v.draw_algorithm))
            std::cout << "            checked: " << check << "\n";
    for (const auto& e : v.redraw_history) {
        std::string excluded = e.excluded.empty() ? "nobody" : "";
        for (const auto& id : e.excluded)
            excluded += (excluded.empty() ? "" : ", ") + id;
        std::cout << "  re-draw:  " << e.index << " " << e.assignment_id << " -> "
                  << e.new_assignment_id << " " << e.reason
                  << (e.note.empty() ? "" : " (" + e.note + ")") << ", excluded " << excluded
                  << ", asked by " << e.by << " at " << e.at << "\n";
    }
    for (const auto& m : v.team)
        std::cout << "  team:     " << to_string(m.role) << " " << m.inspector_id << " "
                  << (m.known ? m.name : "") << (m.cert_no ? " " + *m.cert_no : "") << "\n";
    for (const auto& i : v.items)
        std::cout << "  item:     " << i.id << " " << i.title << "\n";
    print_versions(versions);
    std::cout << "  Its checkpoints: `fieldinspect-cli checklist " << a.id << "`.\n";
    return exit_ok;
}

int cmd_checklist(Context& ctx) {
    const auto v = take(ctx.open().assignments.view(one_positional(ctx, "assignment id")));
    if (auto file = ctx.args().opt("--skeleton")) {
        std::ofstream out(*file);
        out << AnswersFile::skeleton(v.assignment, v.items).dump(2) << "\n";
        if (!out)
            throw Failure{exit_data_error, "cannot write " + *file};
    }
    if (ctx.args().json) {
        json items = json::array();
        for (const auto& i : v.items) {
            json cps = json::array();
            for (const auto& c : i.checkpoints)
                cps.push_back({{"id", c.id},
                               {"text", c.text},
                               {"kind", to_string(c.kind)},
                               {"required", c.required},
                               {"photo_on_fail", c.photo_on_fail},
                               {"choices", c.choices},
                               {"unit", c.unit ? json(*c.unit) : json()}});
            items.push_back({{"id", i.id},
                             {"title", i.title},
                             {"legal_basis", i.legal_basis},
                             {"can_be_inspected", has_legal_basis(i)},
                             {"checkpoints", cps}});
        }
        std::cout << json{{"assignment_id", v.assignment.id}, {"items", items}}.dump() << "\n";
        return exit_ok;
    }
    for (const auto& w : warnings_of(v))
        std::cout << "WARNING: " << w << "\n";
    for (const auto& i : v.items) {
        std::cout << "item " << i.id << "  " << i.title
                  << (has_legal_basis(i) ? "" : "  [no legal basis: cannot be inspected]") << "\n";
        for (const auto& b : i.legal_basis)
            std::cout << "    basis: " << b << "\n";
        for (const auto& c : i.checkpoints) {
            std::cout << "  " << c.id << "  " << to_string(c.kind)
                      << (c.required ? "  required" : "  optional")
                      << (c.photo_on_fail ? "  photo on fail" : "");
            if (!c.choices.empty()) {
                std::cout << "  choices:";
                for (const auto& ch : c.choices)
                    std::cout << " " << ch;
            }
            if (c.unit)
                std::cout << "  unit: " << *c.unit;
            std::cout << "\n      " << c.text << "\n";
        }
    }
    if (auto file = ctx.args().opt("--skeleton"))
        std::cout << "Wrote an answers file to fill in: " << *file << "\n";
    return exit_ok;
}

// ---- records --------------------------------------------------------------------------

/// The draft of an assignment, if it has one.
/// The bytes of a signature file (PNG or SVG; the service checks which, and its size).
std::vector<std::uint8_t> signature_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Failure{exit_data_error, "cannot read " + path.string()};
    const auto cap = services::SignatureService::max_image_bytes + 1; // enough to refuse
    std::vector<std::uint8_t> bytes;
    char c = 0;
    while (static_cast<std::int64_t>(bytes.size()) < cap && in.get(c))
        bytes.push_back(static_cast<std::uint8_t>(c));
    return bytes;
}

/// One signature (or the refusal) kept through the signature service: `sign` and the answers
/// file of `record` both come here.
Signature keep_signature(services::Tablet& t, const std::string& record_id,
                         const SignaturePlan& plan) {
    if (plan.role == "refused")
        return take(t.signatures.record_refusal(record_id, plan.reason));
    const std::vector<std::uint8_t> image =
        plan.file ? signature_file(*plan.file)
                  : std::vector<std::uint8_t>(plan.svg.begin(), plan.svg.end());
    if (plan.role == "inspector")
        return take(t.signatures.sign_inspector(record_id, plan.inspector_id, image));
    return take(t.signatures.sign_representative(record_id, plan.name, plan.position, image));
}

std::optional<RecordSummary> draft_of(services::Tablet& t, const std::string& assignment_id) {
    for (auto& d : take(t.records.drafts()))
        if (d.assignment_id == assignment_id)
            return d;
    return std::nullopt;
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
    const auto signatures =
        take(AnswersFile::signatures(answers, fs::path(*answers_path).parent_path()));
    auto& t = ctx.open();
    const bool resume = ctx.args().flag("--resume");
    if (auto draft = draft_of(t, *assignment_id); draft && !resume)
        throw Failure{exit_data_error,
                      "The assignment " + *assignment_id + " already has a draft (" +
                          draft->record_id + ", started " + draft->created_at +
                          "). Run the same command with --resume to replace its content with "
                          "the answers file, or discard it with `fieldinspect-cli discard " +
                          draft->record_id + "`."};
    // A place typed into a file is no evidence of where anyone was: on site, the file's
    // location is taken only when the file says it is simulated (kept so beside the record).
    const bool file_location = answers.contains("location") && !answers.at("location").is_null();
    const bool simulated = answers.is_object() && answers.value("simulated", json()) == json(true);
    if (file_location && !simulated &&
        take(t.assignments.view(*assignment_id)).assignment.mode == InspectionMode::onsite)
        throw Failure{exit_data_error,
                      "The answers file gives a \"location\" for an on-site inspection. The "
                      "command line takes no place from a file as where the inspectors were: "
                      "add \"simulated\": true to the file if this is a demonstration or a "
                      "test (the record is then marked simulated on this tablet), or record the "
                      "inspection with the app, which measures the place."};
    auto opened = take(t.records.start(*assignment_id, {}, std::nullopt, std::nullopt));
    InspectionRecord r = opened.stored.record;
    for (const auto& p : r.photos) // a resumed draft takes the file's photos only
        fail_if(t.photos.remove(r.id, p.id));
    r.photos.clear();
    r.findings.clear();
    const auto photos = take(AnswersFile::apply(answers, fs::path(*answers_path).parent_path(), r));
    fail_if(t.records.save_draft(r));
    if (!photos.empty())
        need_gui();
    for (const auto& p : photos)
        take(t.photos.import_file(r.id, p.file, p.finding_id,
                                  p.detail ? 3072 : services::PhotoService::default_side_px));
    for (const auto& g : signatures)
        keep_signature(t, r.id, g);
    if (ctx.args().flag("--draft")) {
        std::cout << r.id << "\n";
        return exit_ok;
    }
    auto done = take(t.records.complete(r, std::nullopt, simulated && file_location));
    if (done.stored.state != RecordState::completed) {
        std::cerr << "The record " << r.id << " was kept as a draft; it cannot be completed:\n";
        for (const auto& p : done.problems) {
            std::cerr << "  - [" << p.code << "] " << p.field << ": " << p.message;
            if (auto hint = cli_hint(p.code); !hint.empty())
                std::cerr << " " << hint;
            std::cerr << "\n";
        }
        // A time flag is the clock's or the day's to fix, not the answers file's.
        const bool file_can_fix = std::ranges::any_of(
            done.problems, [](const Problem& p) { return !is_time_flag(p.code); });
        std::cerr << (file_can_fix ? "Fix the answers file and run the same command with "
                                     "--resume, or discard "
                                   : "No answer is the cause: do what the lines above say, "
                                     "then run the same command with --resume, or discard ")
                  << "the draft with `fieldinspect-cli discard " << r.id << "`.\n";
        return exit_data_error;
    }
    const auto distance = done.start_distance_m;
    const bool far = distance && *distance > far_from_target_m;
    if (ctx.args().json)
        std::cout << json{{"id", r.id},
                          {"chain_seq", *done.stored.chain_seq},
                          {"chain_hash", *done.stored.chain_hash},
                          {"draw_verified", done.stored.record.draw_verified},
                          {"distance_to_target_m", distance ? json(*distance) : json()},
                          {"far_from_target", far},
                          {"location_simulated", done.place && done.place->simulated}}
                         .dump()
                  << "\n";
    else
        std::cout << r.id << "\n";
    if (far)
        std::cerr << "WARNING: the record's location is " << *distance
                  << " m from the target's known position (more than " << far_from_target_m
                  << " m): the central system will flag it far_from_target.\n";
    return exit_ok;
}

int cmd_correct(Context& ctx) {
    const auto record_id = ctx.args().opt("--record");
    const auto reason = ctx.args().opt("--reason");
    if (!record_id || !reason)
        throw UsageError{"correct needs --record ID and --reason TEXT"};
    const auto made = take(ctx.open().records.correct(*record_id, *reason));
    const auto& r = made.draft.stored.record;
    if (made.already_started)
        std::cerr << "A correction of this record is already being written: " << r.id
                  << " (reason: " << r.correction_reason.value_or("") << "). No second one was "
                  << "made; fill that one in, or discard it first.\n";
    if (ctx.args().json)
        std::cout << json{{"id", r.id},
                          {"assignment_id", r.assignment_id},
                          {"supersedes", r.supersedes ? json(*r.supersedes) : json()},
                          {"correction_reason", r.correction_reason.value_or("")},
                          {"already_started", made.already_started}}
                         .dump()
                  << "\n";
    else
        std::cout << r.id << "\n";
    return exit_ok;
}

int cmd_sign(Context& ctx) {
    const auto record_id = ctx.args().opt("--record");
    const auto inspector = ctx.args().opt("--inspector");
    const bool representative = ctx.args().flag("--representative");
    const bool refused = ctx.args().flag("--refused");
    const auto file = ctx.args().opt("--file");
    if (!record_id || (inspector ? 1 : 0) + (representative ? 1 : 0) + (refused ? 1 : 0) != 1)
        throw UsageError{"sign needs --record ID and one of --inspector ID, --representative "
                         "or --refused"};
    if (refused && (!ctx.args().opt("--reason") || file))
        throw UsageError{"sign --refused needs --reason TEXT (and takes no --file)"};
    if (!refused && !file)
        throw UsageError{"sign needs --file SIGNATURE.svg|png"};
    if (representative && !ctx.args().opt("--name"))
        throw UsageError{"sign --representative needs --name NAME (and --position POSITION)"};
    SignaturePlan plan;
    plan.role = refused ? "refused" : inspector ? "inspector" : "representative";
    plan.inspector_id = inspector.value_or("");
    plan.name = ctx.args().opt("--name").value_or("");
    plan.position = ctx.args().opt("--position").value_or("");
    plan.reason = ctx.args().opt("--reason").value_or("");
    if (file)
        plan.file = *file;
    const Signature g = keep_signature(ctx.open(), *record_id, plan);
    if (ctx.args().json) {
        json out{{"record_id", *record_id}, {"role", g.role}, {"refused", g.refused}};
        if (!g.refused) {
            out["id"] = g.id;
            out["sha256"] = g.sha256;
            out["bytes"] = g.bytes;
            out["mime"] = g.mime;
            out["signed_at"] = g.signed_at;
        }
        std::cout << out.dump() << "\n";
    } else if (g.refused) {
        std::cout << "Recorded the representative's refusal to sign on " << *record_id << ".\n";
    } else {
        std::cout << "Signed " << *record_id << " (" << g.mime << ", " << g.bytes
                  << " bytes, SHA-256 " << g.sha256 << ").\n";
    }
    return exit_ok;
}

int cmd_drafts(Context& ctx) {
    auto drafts = take(ctx.open().records.drafts());
    json out = json::array();
    for (const auto& d : drafts) {
        out.push_back({{"id", d.record_id},
                       {"assignment_id", d.assignment_id},
                       {"created_at", d.created_at}});
        if (!ctx.args().json)
            std::cout << d.record_id << "  " << d.assignment_id << "  started " << d.created_at
                      << "\n";
    }
    if (ctx.args().json)
        std::cout << out.dump() << "\n";
    else if (drafts.empty())
        std::cout << "No drafts on this tablet.\n";
    return exit_ok;
}

int cmd_discard(Context& ctx) {
    const std::string id = one_positional(ctx, "draft record id");
    fail_if(ctx.open().records.discard(id));
    std::cout << "Discarded the draft " << id << ".\n";
    return exit_ok;
}

int cmd_export(Context& ctx) {
    std::cout << take(ctx.open().records.export_text(one_positional(ctx, "record id"))) << "\n";
    return exit_ok;
}

// ---- sync -----------------------------------------------------------------------------

json status_json(const services::SyncSnapshot& snap) {
    const auto& s = snap.same_day;
    json records = json::array();
    for (const auto& r : snap.rows)
        if (r.outbox != OutboxState::uploaded)
            records.push_back(
                {{"id", r.record_id},
                 {"state", to_string(*r.outbox)},
                 {"inspection_day", r.inspection_day},
                 {"attempts", r.attempts},
                 {"error_code", r.error_code.empty() ? json() : json(r.error_code)},
                 {"message", r.error_message.empty() ? json() : json(r.error_message)}});
    return {{"today", s.today},
            {"due_today", s.due_today},
            {"drafts_today", s.drafts_today},
            {"overdue", s.overdue},
            {"pending", s.pending},
            {"uploading", s.uploading},
            {"parked", s.parked},
            {"bytes_left", s.bytes_left},
            {"minutes_left_today", s.left_today.count()},
            {"records", records}};
}

void print_status(const services::SyncSnapshot& snap, bool with_records) {
    const auto& s = snap.same_day;
    std::cout << "Today " << s.today << ": " << s.due_today << " record(s) of today not yet "
              << "uploaded and " << s.drafts_today << " draft(s) of today not completed, "
              << s.overdue << " from earlier days (late), " << s.parked << " need attention; "
              << mib(s.bytes_left) << " of photos left; " << s.left_today.count() / 60 << " h "
              << s.left_today.count() % 60 << " min left until 24:00.\n";
    if (with_records)
        for (const auto& r : snap.rows)
            if (r.outbox != OutboxState::uploaded)
                std::cout << "  " << r.record_id << "  " << to_string(*r.outbox) << "  "
                          << r.inspection_day
                          << (r.error_message.empty() ? std::string() : "  — " + r.error_message)
                          << "\n";
}

int exit_for(const services::SyncSnapshot& snap) {
    const auto& s = snap.same_day;
    return s.pending + s.uploading + s.parked > 0 ? exit_pending : exit_ok;
}

int cmd_status(Context& ctx) {
    const auto snap = take(ctx.open().sync.snapshot());
    if (ctx.args().json)
        std::cout << status_json(snap).dump() << "\n";
    else
        print_status(snap, true);
    // A draft of today is unsent too, though no sync can send it (so `sync` does not count it).
    return snap.same_day.drafts_today > 0 ? exit_pending : exit_for(snap);
}

/// One line naming a record that a wipe would lose.
std::string unsent_line(const services::OutboxRow& r) {
    std::string state(to_string(r.record_state));
    if (r.outbox)
        state += ", " + std::string(to_string(*r.outbox));
    return r.record_id + "  " + r.inspection_day + "  " + r.target_name + "  [" + state + "]" +
           (r.error_message.empty() ? std::string() : "  — " + r.error_message);
}

/// What a wipe did, or what it would lose and how to go on.
int report_wipe(Context& ctx, bool wiped, const std::vector<services::OutboxRow>& unsent,
                int uploaded, const std::string& order_message) {
    const std::string dir = ctx.tablet().workspace.data_dir().string();
    if (ctx.args().json) {
        json lost = json::array();
        for (const auto& r : unsent)
            lost.push_back({{"id", r.record_id},
                            {"state", to_string(r.record_state)},
                            {"inspection_day", r.inspection_day},
                            {"target", r.target_name}});
        std::cout << json{{"wiped", wiped},
                          {"uploaded", uploaded},
                          {"message", order_message},
                          {"data", dir},
                          {wiped ? "erased_unsent" : "unsent", lost}}
                         .dump()
                  << "\n";
    } else if (wiped) {
        std::cout << "This tablet's data was erased (" << dir << ")"
                  << (unsent.empty() ? ", after everything was uploaded"
                                     : ", including " + std::to_string(unsent.size()) +
                                           " record(s) not on the central system, as confirmed")
                  << ".\n";
    } else {
        std::cout << "Nothing was erased: " << unsent.size()
                  << " record(s) are not on the central system and would be lost:\n";
        for (const auto& r : unsent)
            std::cout << "  " << unsent_line(r) << "\n";
        std::cout << "Run `fieldinspect-cli sync` again once online to upload them first, or "
                     "`fieldinspect-cli wipe --discard-unsent` to erase them with the rest.\n";
    }
    if (!order_message.empty() && !ctx.args().json)
        std::cout << "The central system says: " << order_message << "\n";
    return wiped ? exit_ok : exit_pending;
}

int cmd_wipe(Context& ctx) {
    auto& t = ctx.open();
    const auto out = take(t.sync.wipe(ctx.args().flag("--discard-unsent")));
    return report_wipe(ctx, out.wiped, out.unsent, 0, {});
}

/// A number of days as the retention options take it (0 to 3650).
int days_value(const std::string& text, const std::string& what) {
    if (text.empty() || text.size() > 4 ||
        text.find_first_not_of("0123456789") != std::string::npos)
        throw UsageError{what + " needs a number of days (0 to 3650)"};
    return std::stoi(text);
}

int cmd_purge(Context& ctx) {
    std::optional<int> days;
    if (auto d = ctx.args().opt("--days"))
        days = days_value(*d, "--days");
    auto& t = ctx.open();
    const auto out = take(t.sync.purge(ctx.args().flag("--dry-run"), days));
    const auto& r = out.report;
    if (ctx.args().json) {
        json removed = json::array();
        for (const auto& i : r.removed)
            removed.push_back({{"id", i.record_id},
                               {"assignment_id", i.assignment_id},
                               {"inspection_day", i.inspection_day},
                               {"received_at", i.received_at},
                               {"photos", i.photo_count},
                               {"photo_bytes", i.photo_bytes}});
        std::cout << json{{"dry_run", out.dry_run},
                          {"retention_days", out.retention_days},
                          {"acknowledged_before", out.acknowledged_before},
                          {"removed", removed},
                          {"photo_bytes", r.photo_bytes},
                          {"kept_for_corrections", r.kept_for_corrections}}
                         .dump()
                  << "\n";
        return exit_ok;
    }
    std::cout << (out.dry_run ? "Would remove " : "Removed ") << r.removed.size()
              << " record(s) the central system received before " << out.acknowledged_before << " ("
              << out.retention_days << " days), with " << mib(r.photo_bytes)
              << " of photos; their receipts stay on the tablet.\n";
    for (const auto& i : r.removed)
        std::cout << "  " << i.record_id << "  " << i.inspection_day << "  received "
                  << i.received_at << "  " << i.photo_count << " photo(s)\n";
    for (const auto& id : r.kept_for_corrections)
        std::cout << "  kept: " << id << " (a correction of it is still on the tablet)\n";
    return exit_ok;
}

int cmd_retention(Context& ctx) {
    auto& t = ctx.open();
    if (!ctx.args().positional.empty()) {
        const int days = days_value(one_positional(ctx, "number of days"), "retention");
        fail_if(t.sync.set_retention_days(days));
    }
    const int days = take(t.sync.retention_days());
    if (ctx.args().json)
        std::cout << json{{"retention_days", days}}.dump() << "\n";
    else
        std::cout << "Uploaded records are removed from this tablet " << days
                  << " days after the central system received them (their receipts stay).\n";
    return exit_ok;
}

int cmd_sync(Context& ctx) {
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
    auto& t = ctx.open();
    fail_if(t.workspace.network_allowed()); // another central system named: nothing is sent
    const auto run = t.sync.sync(progress, retry_for(ctx));
    for (const auto& m : run.messages)
        std::cerr << m << "\n";
    if (run.wipe_ordered)
        return report_wipe(ctx, run.wiped, run.unsent, run.uploaded, run.wipe_message);
    if (!run.pulled && !run.needs_sign_in)
        std::cerr << "pull: " << run.pull_error << "\n";
    const auto snap = take(t.sync.snapshot());
    if (ctx.args().json) {
        json out = status_json(snap);
        out["uploaded"] = run.uploaded;
        out["late"] = run.late;
        out["requests"] = run.requests;
        out["photo_bytes_sent"] = run.photo_bytes_sent;
        out["needs_sign_in"] = run.needs_sign_in;
        out["purged"] = run.purged;
        out["pull"] = run.pulled ? pull_json(run.pull) : json{{"error", run.pull_error}};
        std::cout << out.dump() << "\n";
    } else {
        std::cout << "Uploaded " << run.uploaded << " record(s)"
                  << (run.late ? " (" + std::to_string(run.late) + " late)" : "") << ".\n";
        if (run.purged)
            std::cout << "Removed " << run.purged
                      << " record(s) past the retention period from the tablet (their receipts "
                         "stay).\n";
        print_status(snap, false);
        if (run.needs_sign_in)
            std::cout << "The session has ended: run `fieldinspect-cli sign-in --user NAME`, "
                         "then `sync` again. Nothing was lost.\n";
    }
    if (run.needs_sign_in)
        return exit_sign_in;
    return exit_for(snap);
}

int cmd_redraw(Context& ctx) {
    const std::string id = one_positional(ctx, "assignment id");
    const auto reason = ctx.args().opt("--reason");
    if (!reason || (*reason != "conflict" && *reason != "absence" && *reason != "other"))
        throw UsageError{"redraw needs --reason conflict, absence or other"};
    std::vector<std::string> exclude;
    if (auto e = ctx.args().opt("--exclude")) {
        std::stringstream ss(*e);
        for (std::string x; std::getline(ss, x, ',');)
            if (!x.empty())
                exclude.push_back(x);
    }
    const auto out =
        take(ctx.open().sync.redraw(id, *reason, ctx.args().opt("--note").value_or(""), exclude));
    const auto& fresh = out.fresh.assignment;
    if (ctx.args().json) {
        std::cout << json{{"revoked", out.revoked_id},
                          {"assignment", encode_assignment(fresh)},
                          {"draw_verified", out.fresh.draw_verified},
                          {"frozen_drafts", out.frozen_drafts}}
                         .dump()
                  << "\n";
        return exit_ok;
    }
    std::cout << "The central system drew a new team for " << fresh.id << " (revision "
              << fresh.revision << "); the draw "
              << (out.fresh.draw_verified ? "verifies" : "does NOT verify") << ".\n";
    for (const auto& m : fresh.team)
        std::cout << "  " << to_string(m.role) << " " << m.inspector_id << "\n";
    return exit_ok;
}

// ---- reports --------------------------------------------------------------------------

std::optional<fs::path> path_option(const Context& ctx, const std::string& name) {
    if (auto p = ctx.args().opt(name))
        return fs::path(*p);
    return std::nullopt;
}

int cmd_pdf(Context& ctx) {
    const std::string id = one_positional(ctx, "record or assignment id");
    if (!path_option(ctx, "--out"))
        throw UsageError{"pdf needs --out FILE: a report is written only where you say"};
    auto& t = ctx.open();
    const auto doc = take(t.reports.record_document(id));
    need_gui();
    const fs::path out = take(t.reports.record_pdf(id, *path_option(ctx, "--out")));
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
    if (auto q = Quarter::parse(*quarter_text); !q)
        throw UsageError{q.error().message};
    auto& t = ctx.open();
    const auto stats = take(t.reports.statistics(*quarter_text));
    std::vector<std::string> written;
    if (auto csv = path_option(ctx, "--csv"))
        written.push_back(take(t.reports.export_statistics(stats, false, *csv)).string());
    if (auto pdf = path_option(ctx, "--pdf")) {
        need_gui();
        written.push_back(take(t.reports.export_statistics(stats, true, *pdf)).string());
    }
    const auto& q = stats.quarter;
    if (ctx.args().json) {
        json rows = json::array();
        for (const auto& r : stats.rows)
            rows.push_back({{"key", r.key},
                            {"section", r.section},
                            {"label_zh", r.label_zh},
                            {"label_en", r.label_en},
                            {"value", r.value ? json(*r.value) : json(nullptr)},
                            {"note", r.note}});
        std::cout << json{{"quarter", q.to_string()},
                          {"unit", stats.unit},
                          {"report_due", q.report_due().to_string()},
                          {"rows", rows},
                          {"files", written}}
                         .dump()
                  << "\n";
        return exit_ok;
    }
    std::cout << "监管情况统计表 " << q.to_string() << " (" << q.first_day().to_string() << " – "
              << q.last_day().to_string() << "), " << stats.unit << "; due "
              << q.report_due().to_string() << "\n";
    for (const auto& r : stats.rows)
        std::cout << "  " << r.label_zh << " / " << r.label_en << ": " << statistics_value_text(r)
                  << "\n";
    for (const auto& f : written)
        std::cout << "Wrote " << f << "\n";
    return exit_ok;
}

// ---- the table of commands ------------------------------------------------------------

struct Command {
    const char* name;
    const char* usage;
    const char* help;
    int (*run)(Context&);
};

const Command commands[] = {
    {"init", "init --user NAME",
     "First run: sign in online (password from --password-file or FI_PASSWORD), then create the\n"
     "encrypted data directory under a PIN (--pin-file or FI_PIN). The server (--server) and\n"
     "its trust (--ca-file, --tls-pin) are kept for later commands.",
     cmd_init},
    {"sign-in", "sign-in --user NAME",
     "Renew the session with the central system (the tablet's owner only).", cmd_sign_in},
    {"sign-out", "sign-out", "End the session here and at the central system.", cmd_sign_out},
    {"lift-lockout", "lift-lockout --user NAME",
     "After ten wrong PINs: sign in online as the tablet's owner to allow PINs again. Goes to\n"
     "the central system the tablet was set up with, and to no other.",
     cmd_lift_lockout},
    {"pull", "pull [--retry-for SECONDS]",
     "Fetch reference data, assignments and draws; every draw is verified. With --retry-for,\n"
     "requests that must wait (network trouble, 503, 429) are tried again within that time.",
     cmd_pull},
    {"assignments", "assignments", "List the assignments on this tablet with their state.",
     cmd_assignments},
    {"show", "show ASSIGNMENT",
     "One assignment: target, items with legal basis, team, draw check; warns first about an\n"
     "unverified draw or an item that cannot be inspected.",
     cmd_show},
    {"checklist", "checklist ASSIGNMENT [--skeleton FILE]",
     "Every checkpoint of the assignment's items: id, kind, required, choices or unit. With\n"
     "--skeleton, also write an answers file to fill in (docs/cli.md).",
     cmd_checklist},
    {"record", "record --assignment ID --answers FILE [--draft] [--resume]",
     "Record an inspection from an answers file (docs/cli.md) with its photos (imported like\n"
     "the app's: scaled, EXIF removed, stored encrypted) and complete it (unless --draft). A\n"
     "refused record is kept as a draft: --resume replaces that draft's content.",
     cmd_record},
    {"correct", "correct --record ID --reason TEXT",
     "Correct a completed or uploaded record: a new draft prefilled from it (its photos\n"
     "copied) that supersedes it, with the reason; prints the draft's id. Fill it in and\n"
     "complete it with `record --assignment ID --answers FILE --resume`, then `sync`. Only the\n"
     "newest version of a chain can be corrected; `show ASSIGNMENT` lists the versions. When\n"
     "a correction is already being written, its id is printed and no second one is made.",
     cmd_correct},
    {"sign",
     "sign --record ID (--inspector ID --file F | --representative --name N --position P --file "
     "F | --refused --reason TEXT)",
     "Sign an on-site draft before it is completed (现场检查笔录): each inspector present, and\n"
     "the inspected unit's representative with name and position, from a PNG or SVG file (at\n"
     "most 1 MiB), kept encrypted with the record and its SHA-256 sealed into it; or record\n"
     "that the representative refused, and why. Signing again replaces that person's entry.\n"
     "Make the draft with `record --draft`, sign, then complete it with `record --resume`.",
     cmd_sign},
    {"drafts", "drafts", "List the drafts on this tablet.", cmd_drafts},
    {"discard", "discard RECORD", "Discard a draft with its photos.", cmd_discard},
    {"sync", "sync [--retry-for SECONDS]",
     "Upload completed records and their photos (exactly once, resuming), then pull. With\n"
     "--retry-for, uploads that must wait are tried again within that time.",
     cmd_sync},
    {"status", "status", "What is still on the tablet, and today's deadline.", cmd_status},
    {"wipe", "wipe [--discard-unsent]",
     "Erase this tablet: upload everything that can go, then erase the whole data directory\n"
     "(store, key file, exports, settings). With drafts or records not on the central system\n"
     "it erases nothing and lists them, unless --discard-unsent. `sync` does the same when the\n"
     "central system ordered the tablet erased.",
     cmd_wipe},
    {"purge", "purge [--dry-run] [--days N]",
     "Remove from this tablet the records the central system received more than the retention\n"
     "period ago (`retention`, default 30 days; --days N for this run, 0 = all it received),\n"
     "with their photos; their receipts stay. Drafts and records not confirmed are never\n"
     "removed. `sync` does it at the end of every run. --dry-run lists them, removes nothing.",
     cmd_purge},
    {"retention", "retention [DAYS]",
     "Show, or set (1 to 3650), how many days uploaded records stay on this tablet.",
     cmd_retention},
    {"redraw",
     "redraw ASSIGNMENT --reason conflict|absence|other [--note TEXT] [--exclude I-1,I-2]",
     "Ask the central system for a new draw (team leaders, online).", cmd_redraw},
    {"export", "export RECORD", "Print a record as stored (the sealed upload body once completed).",
     cmd_export},
    {"pdf", "pdf RECORD|ASSIGNMENT --out FILE",
     "The inspection record (现场检查笔录) of a completed record as PDF, written to FILE only\n"
     "(no copy stays on the tablet); an assignment id means its latest completed record.",
     cmd_pdf},
    {"stats", "stats --quarter 2026Q4 [--csv FILE] [--pdf FILE]",
     "The quarterly statistics table (监管情况统计表) as far as this tablet knows it; printed,\n"
     "and written as CSV and/or PDF.",
     cmd_stats},
};

const Command* find_command(const std::string& name) {
    for (const auto& c : commands)
        if (name == c.name)
            return &c;
    return nullptr;
}

std::string usage_text() {
    std::string out = "usage: fieldinspect-cli [options] COMMAND [arguments]\n\nCommands:\n";
    for (const auto& c : commands)
        out += "  " + std::string(c.usage) + "\n";
    out += "`fieldinspect-cli COMMAND --help` (or `help COMMAND`) tells more of one.\n\n";
    return out + options_text;
}

std::string command_help(const Command& c) {
    return "usage: fieldinspect-cli [options] " + std::string(c.usage) + "\n\n" + c.help + "\n\n" +
           options_text;
}

} // namespace

int run(int argc, char** argv) {
    try {
        const Args args = parse(argc, argv);
        if (args.command.empty()) {
            std::cout << usage_text();
            return args.flag("--help") ? exit_ok : exit_usage;
        }
        if (args.command == "help") {
            const Command* c = args.positional.empty() ? nullptr : find_command(args.positional[0]);
            std::cout << (c ? command_help(*c) : usage_text());
            return exit_ok;
        }
        const Command* c = find_command(args.command);
        if (!c)
            throw UsageError{"unknown command " + args.command};
        if (args.flag("--help")) {
            std::cout << command_help(*c);
            return exit_ok;
        }
        Context ctx(args);
        return c->run(ctx);
    } catch (const UsageError& e) {
        std::cerr << "fieldinspect-cli: " << e.message << "\n\n" << usage_text();
        return exit_usage;
    } catch (const Failure& f) {
        std::cerr << "fieldinspect-cli: " << f.message << "\n";
        return f.code;
    }
}

} // namespace fi::cli
