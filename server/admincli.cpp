#include "server/admincli.h"

#include "core/atomicfile.h"
#include "core/date.h"
#include "core/draw.h"
#include "core/sha256.h"
#include "server/apierror.h"
#include "server/bureaureport.h"
#include "server/demoloader.h"
#include "server/drawservice.h"
#include "server/passwordhasher.h"
#include "server/publicationservice.h"
#include "server/publicationstore.h"
#include "server/quotaledger.h"
#include "server/referenceservice.h"
#include "server/requestjson.h"
#include "server/server.h"
#include "server/serverdatabase.h"
#include "server/sessionservice.h"

#include <array>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <istream>
#include <map>
#include <openssl/rand.h>
#include <ostream>
#include <set>
#include <sstream>
#include <unistd.h>

namespace fi::server {

namespace {

using json = nlohmann::json;

/// `--name value` options and bare `--flag`s.
struct Options {
    std::map<std::string, std::string> values;
    std::set<std::string> flags;

    std::optional<std::string> get(const std::string& name) const {
        const auto it = values.find(name);
        if (it == values.end())
            return std::nullopt;
        return it->second;
    }
};

const std::set<std::string> flag_names = {"password-stdin", "undo",      "due",
                                          "overdue",        "published", "held"};

std::optional<Options> parse_options(const std::vector<std::string>& args, std::size_t from,
                                     std::ostream& err) {
    Options o;
    for (std::size_t i = from; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (!a.starts_with("--")) {
            err << "unexpected argument: " << a << "\n";
            return std::nullopt;
        }
        const std::string name = a.substr(2);
        if (flag_names.contains(name)) {
            o.flags.insert(name);
            continue;
        }
        if (i + 1 >= args.size()) {
            err << a << " needs a value\n";
            return std::nullopt;
        }
        o.values[name] = args[++i];
    }
    return o;
}

// A seed party's step: 32 random bytes into a new file only its owner can read, and the
// commitment (SHA-256 of the bytes) to hand to the planning office.
int commit_seed(const Options& opts, std::ostream& out, std::ostream& err) {
    const auto party = opts.get("party");
    const auto file = opts.get("out");
    if (!party || !file) {
        err << "admin commit-seed: --party NAME and --out FILE are required\n";
        return 2;
    }
    std::array<std::uint8_t, 32> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
        err << "admin commit-seed: no random bytes from the system\n";
        return 1;
    }
    const std::string seed = to_hex(bytes) + "\n";
    const int fd = ::open(file->c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        err << "admin commit-seed: cannot create " << *file << " (" << std::strerror(errno)
            << "); an existing seed file is never overwritten\n";
        return 1;
    }
    const bool written = ::write(fd, seed.data(), seed.size()) == static_cast<ssize_t>(seed.size());
    const bool closed = ::close(fd) == 0;
    if (!written || !closed) {
        err << "admin commit-seed: could not write " << *file << "\n";
        return 1;
    }
    out << "party " << *party << " seed_commitment " << *seed_commitment_for(to_hex(bytes)) << "\n"
        << "keep " << *file << " secret until the plan is published, then reveal it "
        << "(reveal-seed)\n";
    return 0;
}

Result<json> read_json_file(const std::string& path) {
    const auto text = read_small_file(path);
    if (!text)
        return Error::make(api_code::not_found, "Cannot read " + path + ".");
    auto j = json::parse(*text, nullptr, false);
    if (j.is_discarded())
        return Error::make(api_code::invalid, path + " is not valid JSON.");
    return j;
}

std::vector<std::string> split_commas(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream in(s);
    std::string part;
    while (std::getline(in, part, ','))
        if (!part.empty())
            out.push_back(part);
    return out;
}

/// Seqs of [from, to] not in `have` (sorted, within [from, to]), as ranges "3, 5-7". Walks
/// the seqs that arrived, never the range itself: a gap of 9·10^18 (a record of an earlier
/// server that bounded nothing) is one line, at once, and nothing is computed past INT64_MAX.
std::string missing_ranges(std::int64_t from, std::int64_t to,
                           const std::vector<std::int64_t>& have) {
    std::string out;
    auto add = [&](std::int64_t a, std::int64_t b) {
        if (a > b)
            return;
        if (!out.empty())
            out += ", ";
        out += std::to_string(a);
        if (b > a)
            out += "-" + std::to_string(b);
    };
    std::int64_t next = from; // the first seq not yet accounted for
    bool done = false;
    for (const std::int64_t seq : have) {
        if (seq < next || seq > to)
            continue;
        add(next, seq - 1); // seq > next - 1 ≥ from - 1: no overflow
        if (seq == to) {
            done = true;
            break;
        }
        next = seq + 1; // seq < to: no overflow
    }
    if (!done)
        add(next, to);
    return out;
}

/// `admin publication`: one line per result the filter keeps, then the counts.
int list_publication(PublicationService& publication, const Options& opts, std::ostream& out,
                     std::ostream& err) {
    auto all = publication.entries();
    if (!all) {
        err << "admin publication: " << all.error().message << "\n";
        return 1;
    }
    const bool any = opts.flags.contains("due") || opts.flags.contains("overdue") ||
                     opts.flags.contains("published") || opts.flags.contains("held");
    for (const PublicationEntry& e : *all) {
        const bool due = !e.is_public;
        const bool overdue = e.is_public && !e.on_time;
        const bool held = e.confidential;
        if (any &&
            !((opts.flags.contains("due") && due) || (opts.flags.contains("overdue") && overdue) ||
              (opts.flags.contains("published") && e.is_public) ||
              (opts.flags.contains("held") && held)))
            continue;
        out << e.record_id << " " << e.target_id << " day " << e.inspection_day << " deadline "
            << e.deadline.to_string() << (e.deadline_provisional ? " (provisional)" : "");
        if (e.is_public)
            out << " published " << e.publication_day.to_string()
                << (e.on_time ? " on time" : " LATE")
                << (e.published_by ? " by " + *e.published_by : std::string());
        else
            out << " due " << e.publication_day.to_string();
        if (e.withheld)
            out << " withheld (" << e.ground << ")";
        if (e.confidential)
            out << " hold " << e.hold << (e.hold_by.empty() ? "" : " by " + e.hold_by);
        if (e.corrected)
            out << " corrected";
        out << "\n";
    }
    const auto c = PublicationService::counts(*all);
    out << "published " << c.published << " (on time " << c.on_time << ", late " << c.late
        << "), due " << c.due << ", withheld " << c.withheld << ", holds pending "
        << c.holds_pending << ", refused " << c.holds_refused << "\n";
    return 0;
}

} // namespace

const char* AdminCli::usage() {
    return R"(usage: fieldinspect-server admin --data DIR COMMAND [OPTIONS]

reference data
  import --catalogue FILE | --inspectors FILE | --targets FILE | --calendar FILE
  remove --catalogue ID | --inspector ID        (clients receive a deletion tombstone)
  load-demo [--assets DIR]                      (what --demo loads, once)
users and devices
  add-user --username U --name N --unit U --roles inspector,leader,admin,approver
           [--inspector I-001] [--kdf-memory-kib N] [--password-stdin]
                                                (the password is the first line of standard
                                                 input, never an argument: arguments are seen
                                                 by every user of the machine in ps)
  unlock-user --username U
  wipe-device --device UUID [--message TEXT] [--undo]
plans and draws
  commit-seed --party NAME --out FILE           (a seed party's step, on its own machine:
                                                 32 random bytes to FILE, never overwritten;
                                                 prints the commitment to hand in)
  publish-plan --file PLAN.json                 (draw.parties: at least two, each with its
                                                 seed_commitment; prints the plan's commitment)
  reveal-seed --plan ID --party NAME --seed-file FILE
                                                (after publication; checked against the
                                                 party's commitment)
  run-draw --plan ID                            (once every party revealed)
  show-plan --id PLAN                           (what GET /plans/{id} answers)
  show-draw --id DRAW
  redraws --plan ID                             (the plan's public re-draw log)
  redraw-counts                                 (re-draws asked, per leader)
  list-assignments [--plan ID]
  coverage [--year Y]                           (per unit and stratum: the year's figure
                                                 against the draws; key targets not drawn yet)
  add-conflict --target T --inspector I [--reason TEXT]          (回避)
  record-check --target T --year Y --level province|city|branch --unit U
               --outcome no_problem|rectification_ordered|case_opened [--day YYYY-MM-DD]
intake
  chain-gaps                                    (records a device chained but never sent, as ranges)
  late-uploads                                  (received after their inspection day, or with
                                                 photos complete only after it)
  review                                        (records flagged on receipt, with their flags)
  inspections                                   (every accepted record, with photo progress)
publication (results public 20 working days after the inspection day; docs/server.md)
  publication [--due|--overdue|--published|--held]
                                                (each result: deadline, state; counts of
                                                 published on time / late, due, held)
  publish RECORD [--by USER]                    (public today, before its deadline)
  approve-hold RECORD --by USER                 (a confidential result stays unpublished: USER
                                                 has the approver role and is not one of its
                                                 inspectors; before the result is public)
  refuse-hold RECORD --by USER [--reason TEXT]  (published on its deadline after all)
follow-up (整改闭环)
  rectification-deadline RECORD YYYY-MM-DD      (the company's deadline; the day after it a
                                                 follow-up assignment goes to the same team)
  case-number RECORD NUMBER                     (立案编号 of a case_opened result)
  follow-ups                                    (makes the follow-ups now due; lists deadlines,
                                                 follow-ups and case numbers)
bureau reports (from the central data; CSV, UTF-8 with BOM, or PDF: FILE.pdf or --format pdf)
  report quarterly YYYYQn --out FILE [--unit U] [--format csv|pdf]  (监管情况统计表)
  report yearly YYYY --out FILE [--unit U] [--format csv|pdf]       (年度报告)
  reports [--year Y]                            (what is due when: each quarter's table by the
                                                 20th of its last month, the yearly by 10 Dec)
)";
}

int AdminCli::run(const std::vector<std::string>& args) {
    std::string data;
    std::size_t i = 0;
    if (args.size() >= 2 && args[0] == "--data") {
        data = args[1];
        i = 2;
    }
    if (i >= args.size() || args[i] == "help" || args[i] == "--help") {
        (i >= args.size() ? err_ : out_) << usage();
        return i >= args.size() ? 2 : 0;
    }
    if (data.empty()) {
        err_ << "admin: --data DIR comes first\n" << usage();
        return 2;
    }
    const std::string& command = args[i];
    // Commands that name a record take it first (`publish RECORD`); others take no word.
    static const std::set<std::string> with_words = {"publish",     "approve-hold",
                                                     "refuse-hold", "rectification-deadline",
                                                     "case-number", "report"};
    std::vector<std::string> words;
    std::size_t first_option = i + 1;
    while (with_words.contains(command) && first_option < args.size() &&
           !args[first_option].starts_with("--"))
        words.push_back(args[first_option++]);
    const std::string subject = words.empty() ? std::string() : words.front();
    const auto opts = parse_options(args, first_option, err_);
    if (!opts)
        return 2;

    if (command == "commit-seed") // a party's own step: touches no central data
        return commit_seed(*opts, out_, err_);

    std::error_code ec;
    std::filesystem::create_directories(data, ec);
    auto opened = ServerDatabase::open(std::filesystem::path(data) / "server.db");
    if (!opened) {
        err_ << "admin: " << opened.error().message << "\n";
        return 1;
    }
    ServerDatabase& database = **opened;
    UserStore user_store(database);
    ReferenceDataStore reference_store(database);
    PlanStore plan_store(database);
    InspectionStore inspection_store(database);
    KdfCost kdf = PasswordHasher::default_cost;
    if (const auto kib = opts->get("kdf-memory-kib")) {
        std::size_t n = 0;
        const auto r = std::from_chars(kib->data(), kib->data() + kib->size(), n);
        kdf.memlimit_bytes = n * 1024;
        if (r.ec != std::errc() || r.ptr != kib->data() + kib->size() || n > 4 * 1024 * 1024 ||
            !PasswordHasher::valid(kdf)) {
            err_ << "admin: --kdf-memory-kib needs a number from 8 to 4194304\n";
            return 2;
        }
    }
    ReferenceService reference(database, reference_store, plan_store);
    SessionService sessions(database, user_store, system_clock(), PasswordHasher(kdf));
    DrawService draws(database, reference_store, plan_store, inspection_store, system_clock());

    auto need = [&](const char* name) -> std::optional<std::string> {
        auto v = opts->get(name);
        if (!v)
            err_ << "admin " << command << ": --" << name << " is required\n";
        return v;
    };
    auto fail = [&](const Error& e) {
        err_ << "admin " << command << ": " << e.message
             << (e.field.empty() ? "" : " [" + e.field + "]") << "\n";
        return 1;
    };

    if (command == "import") {
        for (const auto& [name, fn] : std::vector<
                 std::pair<std::string, Result<std::size_t> (ReferenceService::*)(const json&)>>{
                 {"catalogue", &ReferenceService::import_catalogue},
                 {"inspectors", &ReferenceService::import_inspectors},
                 {"targets", &ReferenceService::import_targets},
                 {"calendar", &ReferenceService::import_calendar}}) {
            const auto file = opts->get(name);
            if (!file)
                continue;
            auto j = read_json_file(*file);
            if (!j)
                return fail(j.error());
            auto n = (reference.*fn)(*j);
            if (!n)
                return fail(n.error());
            const std::string noun = name == "catalogue"  ? "catalogue items"
                                     : name == "calendar" ? "calendar years"
                                                          : name;
            out_ << "imported " << *n << " " << noun << "\n";
            return 0;
        }
        err_ << "admin import: --catalogue, --inspectors, --targets or --calendar FILE\n";
        return 2;
    }
    if (command == "remove") {
        const auto item = opts->get("catalogue");
        const auto inspector = opts->get("inspector");
        if (!item && !inspector) {
            err_ << "admin remove: --catalogue ID or --inspector ID\n";
            return 2;
        }
        auto s = item ? reference.remove(Feed::catalogue, *item)
                      : reference.remove(Feed::inspectors, *inspector);
        if (!s)
            return fail(s.error());
        out_ << "removed " << (item ? *item : *inspector) << "\n";
        return 0;
    }
    if (command == "load-demo") {
        DemoLoader loader(plan_store, reference, sessions, draws);
        auto loaded = loader.load(opts->get("assets").value_or(default_assets_dir().string()));
        if (!loaded)
            return fail(loaded.error());
        out_ << (*loaded ? "demo data loaded\n" : "demo data present already\n");
        return 0;
    }
    if (command == "add-user") {
        const auto username = need("username");
        const auto name = need("name");
        const auto unit = need("unit");
        const auto roles = need("roles");
        if (!username || !name || !unit || !roles)
            return 2;
        if (opts->get("password")) {
            err_ << "admin add-user: --password is gone: give the password on standard input "
                    "(an argument is visible to every user of the machine)\n";
            return 2;
        }
        std::string line;
        if (!std::getline(in_, line)) {
            err_ << "admin add-user: the password is the first line of standard input\n";
            return 2;
        }
        if (line.ends_with('\r'))
            line.pop_back();
        const std::optional<std::string> password = line;
        auto s = sessions.put_user(*username, *password, opts->get("inspector"), *name, *unit,
                                   split_commas(*roles));
        if (!s)
            return fail(s.error());
        out_ << "user " << *username << " saved\n";
        return 0;
    }
    if (command == "unlock-user") {
        const auto username = need("username");
        if (!username)
            return 2;
        if (auto s = sessions.unlock(*username); !s)
            return fail(s.error());
        out_ << "user " << *username << " unlocked\n";
        return 0;
    }
    if (command == "wipe-device") {
        const auto device = need("device");
        if (!device)
            return 2;
        const bool wipe = !opts->flags.contains("undo");
        if (auto s = user_store.set_device_wipe(*device, wipe, opts->get("message")); !s)
            return fail(s.error());
        out_ << "device " << *device << (wipe ? " will be wiped" : " will not be wiped") << "\n";
        return 0;
    }
    if (command == "publish-plan") {
        const auto file = need("file");
        if (!file)
            return 2;
        auto j = read_json_file(*file);
        if (!j)
            return fail(j.error());
        auto p = draws.publish_plan(*j);
        if (!p)
            return fail(p.error());
        out_ << "plan " << p->plan_id << " published " << p->published_at << "\n"
             << "draw " << p->draw_id << " commitment " << p->commitment.dump() << "\n";
        return 0;
    }
    if (command == "reveal-seed") {
        const auto plan = need("plan");
        const auto party = plan ? need("party") : std::nullopt;
        const auto file = party ? need("seed-file") : std::nullopt;
        if (!file)
            return 2;
        const auto text = read_small_file(*file);
        if (!text)
            return fail(Error::make(api_code::not_found, "Cannot read " + *file + "."));
        const std::string seed = text->substr(0, text->find_first_of("\r\n"));
        auto r = draws.reveal_seed(*plan, *party, seed);
        if (!r)
            return fail(r.error());
        out_ << "plan " << *plan << ": " << r->revealed << " of " << r->parties
             << " seeds revealed";
        if (!r->waiting_for.empty()) {
            out_ << "; waiting for";
            for (const std::string& name : r->waiting_for)
                out_ << " " << name;
        }
        out_ << "\n";
        return 0;
    }
    if (command == "show-plan") {
        const auto id = need("id");
        if (!id)
            return 2;
        auto p = draws.plan_json(*id);
        if (!p)
            return fail(p.error());
        out_ << p->dump(1) << "\n";
        return 0;
    }
    if (command == "redraws") {
        const auto plan = need("plan");
        if (!plan)
            return 2;
        auto log = plan_store.redraw_log(*plan);
        if (!log)
            return fail(log.error());
        for (const RedrawLogRow& r : *log) {
            const json e = json::parse(r.body, nullptr, false);
            out_ << r.index << " " << e.value("assignment_id", "") << " -> "
                 << e.value("new_assignment_id", "") << " " << e.value("target_id", "") << " by "
                 << r.by << " " << e.value("reason", "") << " excluded "
                 << e.value("excluded", json::array()).dump() << " " << e.value("note", "") << "\n";
        }
        return 0;
    }
    if (command == "redraw-counts") {
        auto counts = plan_store.redraw_counts();
        if (!counts)
            return fail(counts.error());
        for (const auto& [leader, n] : *counts)
            out_ << leader << " " << n << "\n";
        return 0;
    }
    if (command == "run-draw") {
        const auto plan = need("plan");
        if (!plan)
            return 2;
        auto d = draws.run_draw(*plan);
        if (!d)
            return fail(d.error());
        out_ << "draw " << d->draw.id << " seed " << d->draw.seed << "\n";
        for (const DrawStratum& s : d->draw.strata)
            out_ << "  stratum " << s.category << ": " << s.k << " of " << s.candidates.size()
                 << "\n";
        for (const DrawExclusion& x : d->draw.excluded)
            out_ << "  excluded " << x.target_id << " (" << x.reason << ")\n";
        out_ << d->created.size() << " assignments created";
        if (!d->joined.empty())
            out_ << ", " << d->joined.size() << " made joint";
        out_ << "\n";
        return 0;
    }
    if (command == "show-draw") {
        const auto id = need("id");
        if (!id)
            return 2;
        auto d = draws.draw_json(*id);
        if (!d)
            return fail(d.error());
        out_ << d->dump(1) << "\n";
        return 0;
    }
    if (command == "coverage") {
        int year = china_date(std::chrono::system_clock::now()).y;
        if (const auto y = opts->get("year")) {
            const auto r = std::from_chars(y->data(), y->data() + y->size(), year);
            if (r.ec != std::errc() || r.ptr != y->data() + y->size() || year < 2000 ||
                year > 9999) {
                err_ << "admin coverage: --year needs a year such as 2026\n";
                return 2;
            }
        }
        auto ledger = QuotaLedger::load(reference_store, plan_store, year);
        if (!ledger)
            return fail(ledger.error());
        auto report = ledger->coverage(reference_store);
        if (!report)
            return fail(report.error());
        out_ << "coverage " << report->year
             << ": per unit and stratum, the year's figure (the item list's rule) against the "
                "targets drawn; + pending = k of plans published, not drawn yet\n";
        std::string unit;
        for (const CoverageLine& l : report->lines) {
            if (l.unit != unit)
                out_ << (unit = l.unit) << "\n";
            out_ << "  " << l.stratum << ": drawn " << l.drawn;
            if (l.pending)
                out_ << " + pending " << l.pending;
            out_ << " of " << l.size;
            if (l.year) {
                const std::int64_t total = l.drawn + l.pending;
                out_ << ", year " << l.year->min << "–" << l.year->max << " ("
                     << (total < l.year->min   ? "below"
                         : total > l.year->max ? "above"
                                               : "within")
                     << ")";
            } else {
                out_ << ", no yearly figure";
            }
            out_ << ", by quarter";
            for (std::size_t q = 0; q < 4; ++q)
                out_ << " Q" << q + 1 << " " << l.per_quarter[q];
            out_ << "; " << l.rule << "\n";
        }
        out_ << "key targets drawn this year: "
             << report->key_targets - static_cast<std::int64_t>(report->key_not_drawn.size())
             << " of " << report->key_targets << "; not yet drawn: " << report->key_not_drawn.size()
             << "\n";
        for (const std::string& id : report->key_not_drawn) {
            auto body = reference_store.find_target(id);
            const json t = body && *body ? json::parse(**body, nullptr, false) : json::object();
            out_ << "  " << id << " " << string_member(t, "name").value_or("") << " "
                 << string_member(t, "district").value_or("") << "\n";
        }
        return 0;
    }
    if (command == "list-assignments") {
        std::vector<AssignmentRow> rows;
        if (const auto plan = opts->get("plan")) {
            auto r = plan_store.assignments_of_plan(*plan);
            if (!r)
                return fail(r.error());
            rows = std::move(*r);
        } else {
            auto plans = plan_store.plans();
            if (!plans)
                return fail(plans.error());
            for (const PlanRow& p : *plans) {
                auto r = plan_store.assignments_of_plan(p.id);
                if (!r)
                    return fail(r.error());
                rows.insert(rows.end(), r->begin(), r->end());
            }
        }
        for (const AssignmentRow& a : rows) {
            out_ << a.id << " r" << a.revision << " " << a.status << " " << a.target_id << " team";
            for (const std::string& t : a.team)
                out_ << " " << t;
            out_ << "\n";
        }
        return 0;
    }
    if (command == "add-conflict") {
        const auto target = need("target");
        const auto inspector = need("inspector");
        if (!target || !inspector)
            return 2;
        if (auto s =
                reference_store.add_conflict(*target, *inspector, opts->get("reason").value_or(""));
            !s)
            return fail(s.error());
        out_ << "conflict " << *target << " / " << *inspector << " recorded\n";
        return 0;
    }
    if (command == "record-check") {
        const auto target = need("target");
        const auto year = need("year");
        const auto level = need("level");
        const auto unit = need("unit");
        const auto outcome = need("outcome");
        if (!target || !year || !level || !unit || !outcome)
            return 2;
        int y = 0;
        const auto r = std::from_chars(year->data(), year->data() + year->size(), y);
        if (r.ec != std::errc() ||
            (*level != "province" && *level != "city" && *level != "branch") ||
            (*outcome != "no_problem" && *outcome != "rectification_ordered" &&
             *outcome != "case_opened")) {
            err_ << "admin record-check: bad --year, --level or --outcome\n";
            return 2;
        }
        if (auto s = reference_store.put_prior_check(
                PriorCheckRow{*target, y, *level, *unit, *outcome, opts->get("day").value_or("")});
            !s)
            return fail(s.error());
        out_ << "check of " << *target << " by " << *unit << " recorded\n";
        return 0;
    }
    if (command == "chain-gaps") {
        auto gaps = inspection_store.chain_gaps();
        if (!gaps)
            return fail(gaps.error());
        if (gaps->empty())
            out_ << "no chain gaps\n";
        for (const ChainGapRow& g : *gaps) {
            auto have = inspection_store.chain_seqs(g.device_id, g.seq_from, g.seq_to);
            if (!have)
                return fail(have.error());
            const std::string missing = missing_ranges(g.seq_from, g.seq_to, *have);
            out_ << "device " << g.device_id << " seq " << g.seq_from;
            if (g.seq_to > g.seq_from)
                out_ << "-" << g.seq_to;
            out_ << " noticed " << g.noticed_at << " (record " << g.noticed_by
                 << "): " << (missing.empty() ? "since received" : "still missing " + missing)
                 << "\n";
        }
        return 0;
    }
    if (command == "late-uploads" || command == "inspections" || command == "review") {
        auto rows = inspection_store.inspections();
        if (!rows)
            return fail(rows.error());
        std::size_t shown = 0;
        for (const InspectionRow& r : *rows) {
            auto photos = inspection_store.photos_of(r.id);
            if (!photos)
                return fail(photos.error());
            std::size_t complete = 0;
            std::size_t photos_late = 0; // complete only after the inspection day (UTC+08:00)
            for (const PhotoRow& p : *photos) {
                complete += p.complete ? 1 : 0;
                if (p.completed_at && p.completed_at->substr(0, 10) > r.inspection_day)
                    ++photos_late;
            }
            const json flags = json::parse(r.flags, nullptr, false);
            const bool flagged = flags.is_array() && !flags.empty();
            if ((command == "late-uploads" && !r.late && photos_late == 0) ||
                (command == "review" && !flagged))
                continue;
            ++shown;
            out_ << r.id << " " << r.assignment_id << " day " << r.inspection_day << " received "
                 << r.received_at << (r.late ? " LATE" : "") << " by " << r.username << " "
                 << r.outcome << " photos " << complete << "/" << photos->size();
            if (photos_late > 0)
                out_ << " (" << photos_late << " LATE)";
            if (flagged) {
                out_ << " flags";
                for (const json& f : flags)
                    out_ << " " << (f.is_string() ? f.get<std::string>() : f.dump());
            }
            out_ << "\n";
        }
        if (shown == 0)
            out_ << (command == "late-uploads" ? "no late uploads\n"
                     : command == "review"     ? "no flagged records\n"
                                               : "no inspections\n");
        return 0;
    }
    if (command == "publication" || command == "publish" || command == "approve-hold" ||
        command == "refuse-hold" || command == "rectification-deadline" ||
        command == "case-number" || command == "follow-ups" || command == "report" ||
        command == "reports") {
        PublicationStore publication_store(database);
        PublicationService publication(database, inspection_store, plan_store, reference_store,
                                       user_store, publication_store, system_clock());
        if (command == "reports") {
            int year = china_date(std::chrono::system_clock::now()).y;
            if (const auto y = opts->get("year")) {
                const auto r = std::from_chars(y->data(), y->data() + y->size(), year);
                if (r.ec != std::errc() || r.ptr != y->data() + y->size()) {
                    err_ << "admin reports: --year is a year\n";
                    return 2;
                }
            }
            const Date today = publication.today();
            for (const ReportDue& d : BureauReport::due_dates(year))
                out_ << d.name << " " << d.title << " due " << d.due.to_string()
                     << (today > d.due ? " (past)" : "") << "\n";
            return 0;
        }
        if (command == "report") {
            const auto file = need("out");
            if (!file)
                return 2;
            if (words.size() != 2 || (words[0] != "quarterly" && words[0] != "yearly")) {
                err_ << "admin report: quarterly YYYYQn or yearly YYYY, then --out FILE\n";
                return 2;
            }
            BureauReport reports(plan_store, publication);
            const std::string unit = opts->get("unit").value_or("");
            Result<QuarterStatistics> stats = Error::make(api_code::invalid, "");
            if (words[0] == "quarterly") {
                const auto q = Quarter::parse(words[1]);
                if (!q) {
                    err_ << "admin report: a quarter is YYYYQn (2026Q4)\n";
                    return 2;
                }
                stats = reports.quarter(*q, unit);
            } else {
                int year = 0;
                const auto r =
                    std::from_chars(words[1].data(), words[1].data() + words[1].size(), year);
                if (r.ec != std::errc() || r.ptr != words[1].data() + words[1].size()) {
                    err_ << "admin report: a year is YYYY\n";
                    return 2;
                }
                stats = reports.year(year, unit);
            }
            if (!stats)
                return fail(stats.error());
            // PDF by --format pdf or a .pdf file name, else CSV.
            const std::string format = opts->get("format").value_or(
                file->ends_with(".pdf") || file->ends_with(".PDF") ? "pdf" : "csv");
            if (format != "pdf" && format != "csv") {
                err_ << "admin report: --format is csv or pdf\n";
                return 2;
            }
            const std::string bytes =
                format == "pdf"
                    ? BureauReport::pdf(*stats, words[0] == "yearly", publication.today())
                    : statistics_csv(*stats);
            if (auto w = write_file_atomically(*file, bytes); !w)
                return fail(w.error());
            out_ << "report " << words[0] << " " << words[1] << " written to " << *file << "\n";
            return 0;
        }
        if (command != "publication" && command != "follow-ups" && subject.empty()) {
            err_ << "admin " << command << ": RECORD is required\n";
            return 2;
        }
        if (command == "approve-hold" || command == "refuse-hold") {
            const auto by = need("by");
            if (!by)
                return 2;
            auto e = publication.decide_hold(subject, *by, command == "approve-hold",
                                             opts->get("reason").value_or(""));
            if (!e)
                return fail(e.error());
            out_ << e->record_id << " hold " << e->hold << " by " << e->hold_by
                 << (e->withheld ? ": 不予公开 (" + e->ground + ")"
                                 : ": published on " + e->publication_day.to_string())
                 << "\n";
            return 0;
        }
        if (command == "rectification-deadline" || command == "case-number") {
            if (words.size() != 2) {
                err_ << "admin " << command << ": RECORD and "
                     << (command == "case-number" ? "NUMBER" : "YYYY-MM-DD") << " are required\n";
                return 2;
            }
            auto s = command == "case-number"
                         ? publication.set_case_number(subject, words[1])
                         : publication.set_rectification_deadline(subject, words[1]);
            if (!s)
                return fail(s.error());
            out_ << subject << " " << (command == "case-number" ? "case number " : "deadline ")
                 << words[1] << "\n";
            return 0;
        }
        if (command == "follow-ups") {
            auto made = publication.create_due_follow_ups();
            if (!made)
                return fail(made.error());
            for (const std::string& id : *made)
                out_ << "follow-up " << id << " made\n";
            auto all = publication.follow_ups();
            if (!all)
                return fail(all.error());
            for (const auto& [e, r] : *all) {
                out_ << e.record_id << " " << e.target_id << " " << e.outcome;
                if (r.rectification_deadline)
                    out_ << " deadline " << *r.rectification_deadline << " follow-up "
                         << r.follow_up_assignment.value_or("(not yet)");
                if (r.case_number)
                    out_ << " case " << *r.case_number;
                out_ << "\n";
            }
            if (all->empty())
                out_ << "no rectification deadlines or case numbers\n";
            return 0;
        }
        if (command == "publish") {
            if (subject.empty()) {
                err_ << "admin publish: RECORD is required\n";
                return 2;
            }
            auto e = publication.publish(subject, opts->get("by").value_or("admin"));
            if (!e)
                return fail(e.error());
            out_ << e->record_id << " " << e->target_id << " public from "
                 << e->publication_day.to_string() << " (deadline " << e->deadline.to_string()
                 << ")\n";
            return 0;
        }
        return list_publication(publication, *opts, out_, err_);
    }
    err_ << "admin: unknown command " << command << "\n" << usage();
    return 2;
}

} // namespace fi::server
