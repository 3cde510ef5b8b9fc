#include "seededstore.h"

#include "core/atomicfile.h"
#include "core/drawcommitment.h"
#include "core/metastore.h"
#include "core/recordstore.h"
#include "core/referencestore.h"
#include "core/store.h"
#include "core/transaction.h"
#include "platform/bootclock.h"
#include "platform/keyvault.h"
#include "support/recordmaker.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace fi::test {

namespace {
using nlohmann::json;
namespace fs = std::filesystem;

json read_json(const fs::path& p) {
    auto text = read_small_file(p);
    if (!text)
        throw std::runtime_error("cannot read " + p.string());
    return json::parse(*text);
}

template <class T> T must(Result<T> r, const char* what) {
    if (!r)
        throw std::runtime_error(std::string(what) + ": " + r.error().message);
    return std::move(r.value());
}

void must(const Status& s, const char* what) {
    if (!s)
        throw std::runtime_error(std::string(what) + ": " + s.error().message);
}

json page_of(json items) {
    return json{{"items", std::move(items)}, {"next_cursor", "c1.1"}, {"has_more", false}};
}
} // namespace

void seed_store(const fs::path& data_dir, const std::string& pin, const SeedOptions& options) {
    const fs::path demo = fs::path(FI_ASSETS_DIR) / "demo";
    const json users = read_json(demo / "users.json");
    const json targets = read_json(demo / "targets.json");
    const json plan = read_json(demo / "plan.json");
    const json preview = read_json(demo / "draw-preview.json");
    json user;
    for (const auto& u : users)
        if (u.at("username") == options.username)
            user = u;
    if (user.is_null())
        throw std::runtime_error("no demo user " + options.username);
    const std::string me = user.at("inspector_id").get<std::string>();

    fs::create_directories(data_dir);
    const fs::path db_path = data_dir / "fieldinspect.db";
    platform::LinuxBootClock clock;
    platform::KeyVault vault(db_path, clock);
    platform::VaultSetup setup;
    setup.owner = me;
    SecretKey key = must(vault.create(pin, setup), "key vault");
    OpenOptions o;
    o.mode = OpenOptions::Mode::create_if_missing;
    Database db = must(open_store(db_path, key, o), "store");

    ReferenceStore refs(db);
    must(refs.apply_catalogue_page(page_of(read_json(demo / "catalogue.json"))), "catalogue");
    must(refs.apply_inspector_page(page_of(read_json(demo / "inspectors.json"))), "roster");
    // The plan's interface 1.1 publication, as the reference server would publish it: the
    // parties' commitments, the frozen lists' hashes, the draw id and a re-draw chain's tip;
    // the draw with the parties' revealed seeds (party-seeds.json), checked as a pull checks it.
    json draw = preview.at("draw");
    const auto decoded = must(decode_draw(draw), "preview draw");
    PlanCommitment commitment;
    const json seeds = read_json(demo / "party-seeds.json");
    json parties = json::array();
    for (const json& p : seeds.at("parties")) {
        const std::string seed = p.at("seed");
        commitment.parties.push_back({p.at("name"), *seed_commitment_for(seed), std::nullopt});
        parties.push_back({{"name", p.at("name")},
                           {"seed_commitment", *seed_commitment_for(seed)},
                           {"seed", seed}});
    }
    commitment.strata_sha256 = *strata_sha256(decoded.strata);
    commitment.pool_sha256 = *pool_sha256(decoded.inspector_pool);
    commitment.conflicts_sha256 = *conflicts_sha256(decoded.conflicts);
    commitment.draw_id = decoded.id;
    commitment.team_size = decoded.team_size;
    const auto chain = must(redraw_chain(std::string(64, 'a'), 1), "re-draw chain");
    commitment.redraw_chain_tip = chain.front();
    commitment.redraw_chain_length = 1;
    const json commitment_json = encode_plan_commitment(commitment);
    must(refs.store_plan({{"id", plan.at("id")},
                          {"name", plan.at("name")},
                          {"year", plan.at("year")},
                          {"kind", plan.at("kind")},
                          {"unit", plan.at("unit")},
                          {"published_at", plan.at("published_at")},
                          {"commitment", commitment_json}}),
         "plan");
    draw["published_at"] = plan.at("published_at");
    draw["drawn_at"] = "2026-09-30T10:00:00.000+08:00";
    draw["plan_commitment"] = commitment_json;
    draw["parties"] = parties;
    const auto stored_draw = must(refs.store_draw(draw), "draw");
    if (!stored_draw.verification.verified())
        throw std::runtime_error("the demo draw does not verify: " +
                                 stored_draw.verification.message);

    std::map<std::string, json> by_target;
    for (const auto& t : targets) {
        json copy = t;
        copy.erase("joint_list");
        // Interface 1.1: a known position, 0.01° (1.1 km) north of where the replayed NMEA
        // walk (assets/demo/ezhou-walk.nmea) goes: the record page shows a far distance.
        copy["position"] = {{"lat_e6", 30401200}, {"lon_e6", 114894300}};
        by_target[t.at("id").get<std::string>()] = copy;
    }
    const json plan_ref = {{"id", plan.at("id")},
                           {"name", plan.at("name")},
                           {"year", plan.at("year")},
                           {"kind", plan.at("kind")},
                           {"unit", plan.at("unit")}};
    json assignments = json::array();
    auto add = [&](const json& a, const std::string& id) {
        assignments.push_back({{"id", id},
                               {"revision", 1},
                               {"status", "active"},
                               {"plan", plan_ref},
                               {"target", by_target.at(a.at("target_id").get<std::string>())},
                               {"item_ids", a.at("item_ids")},
                               {"mode", a.at("mode")},
                               {"team", a.at("team")},
                               {"joint_departments", a.at("joint_departments")},
                               {"window", plan.at("window")},
                               {"draw_id", draw.at("id")}});
    };
    auto on_team = [&](const json& a) {
        for (const auto& m : a.at("team"))
            if (m.at("inspector_id") == me)
                return true;
        return false;
    };
    std::vector<json> drawn;
    for (const auto& a : preview.at("assignments"))
        if (!options.only_own || on_team(a))
            drawn.push_back(a);
    int n = 0;
    const std::size_t total = drawn.size() + static_cast<std::size_t>(options.extra_assignments);
    for (std::size_t i = 0; i < total; ++i) {
        char id[32];
        std::snprintf(id, sizeof id, "A-2026Q4-%04d", ++n);
        add(drawn.at(i % drawn.size()), id);
    }
    if (options.tampered_team) {
        // The last on-site one: its start dialog asks who is present.
        auto onsite = std::find_if(drawn.rbegin(), drawn.rend(),
                                   [](const json& a) { return a.at("mode") == "onsite"; });
        if (onsite == drawn.rend())
            throw std::runtime_error("no on-site assignment to tamper with");
        json copy = *onsite;
        auto& team = copy.at("team");
        if (team.size() < 2)
            throw std::runtime_error("the demo team is too small to tamper with");
        std::swap(team[0]["inspector_id"], team[1]["inspector_id"]);
        add(copy, "A-2026Q4-9901");
    }
    for (std::size_t from = 0; from < assignments.size(); from += 500) {
        json chunk = json::array();
        for (std::size_t i = from; i < std::min(assignments.size(), from + 500); ++i)
            chunk.push_back(assignments[i]);
        must(refs.apply_assignment_page(page_of(chunk)), "assignments");
    }

    if (options.redraw_logged) {
        const json& first = assignments.front();
        const json entry = {{"index", 1},
                            {"assignment_id", first.at("id")},
                            {"revision", 2},
                            {"new_assignment_id", "A-2026Q4-R001"},
                            {"target_id", first.at("target").at("id")},
                            {"draw_id", redraw_draw_id(decoded.id, 1)},
                            {"reason", "other"},
                            {"note", "officer on sick leave"},
                            {"excluded", json::array({first.at("team").at(0).at("inspector_id")})},
                            {"by", me},
                            {"at", "2026-10-08T09:30:00.000+08:00"},
                            {"link", chain.back()}};
        must(refs.store_redraw_entries(plan.at("id").get<std::string>(), json::array({entry})),
             "re-draw log");
    }

    MetaStore meta(db);
    const std::string device = make_uuid_v4();
    must(meta.set("device.id", device), "meta");
    must(meta.set("server.url", "http://127.0.0.1:9/api/v1"), "meta");
    must(meta.set("session.token", "seeded-offline"), "meta");
    must(meta.set("session.username", options.username), "meta");
    must(meta.set("session.user", json{{"inspector_id", me},
                                       {"name", user.at("name")},
                                       {"unit", user.at("unit")},
                                       {"roles", user.at("roles")}}
                                      .dump()),
         "meta");

    if (options.records > 0) {
        const auto list = must(refs.assignments(), "assignments");
        RecordStore records(db);
        const int per_batch = 250;
        for (int done = 0; done < options.records;) {
            auto tx = must(Transaction::begin(db), "transaction");
            for (int k = 0; k < per_batch && done < options.records; ++k, ++done) {
                // Records go to every assignment but the first ones, which stay to be inspected.
                const Assignment& a = list[1 + static_cast<std::size_t>(done) % (list.size() - 1)];
                auto made = make_valid_record(refs, a, make_uuid_v4(), false);
                must(records.create_draft(made.record), "draft");
                must(records.complete(made.record.id, device), "complete");
                must(records.mark_uploaded(made.record.id, made.record.finished_at, false),
                     "receipt");
            }
            must(tx.commit(), "commit");
        }
    }
}

} // namespace fi::test
