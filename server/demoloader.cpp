#include "server/demoloader.h"

#include "core/atomicfile.h"
#include "server/apierror.h"
#include "server/drawservice.h"
#include "server/planstore.h"
#include "server/referenceservice.h"
#include "server/requestjson.h"
#include "server/sessionservice.h"

namespace fi::server {

namespace {

using json = nlohmann::json;

Result<json> read_json(const std::filesystem::path& file) {
    const auto text = read_small_file(file);
    if (!text)
        return Error::make(api_code::not_found, "Cannot read " + file.string() + ".");
    auto j = json::parse(*text, nullptr, false);
    if (j.is_discarded())
        return Error::make(api_code::invalid, file.string() + " is not valid JSON.");
    return j;
}

} // namespace

Result<bool> DemoLoader::load(const std::filesystem::path& assets_dir) {
    const auto demo = assets_dir / "demo";
    auto plan = read_json(demo / "plan.json");
    if (!plan)
        return plan.error();
    const auto plan_id = string_member(*plan, "id");
    if (!plan_id)
        return Error::make(api_code::invalid, "The demo plan has no id.");
    auto existing = plans_.find_plan(*plan_id);
    if (!existing)
        return existing.error();
    if (*existing)
        return false;

    auto calendar = read_json(assets_dir / "holidays.json");
    if (!calendar)
        return calendar.error();
    if (auto n = reference_.import_calendar(*calendar); !n)
        return n.error();
    for (const auto& [file, import] :
         {std::pair{"catalogue.json", &ReferenceService::import_catalogue},
          std::pair{"inspectors.json", &ReferenceService::import_inspectors},
          std::pair{"targets.json", &ReferenceService::import_targets}}) {
        auto items = read_json(demo / file);
        if (!items)
            return items.error();
        if (auto n = (reference_.*import)(*items); !n)
            return Error::make(n.error().code, std::string(file) + ": " + n.error().message,
                               n.error().field);
    }
    auto users = read_json(demo / "users.json");
    if (!users)
        return users.error();
    if (!users->is_array())
        return Error::make(api_code::invalid, "users.json must be a list.");
    for (const json& u : *users) {
        std::vector<std::string> roles;
        if (const json* r = member(u, "roles"); r && r->is_array())
            for (const json& role : *r)
                if (role.is_string())
                    roles.push_back(role.get<std::string>());
        FI_TRY(sessions_.put_user(
            string_member(u, "username").value_or(""), string_member(u, "password").value_or(""),
            string_member(u, "inspector_id"), string_member(u, "name").value_or(""),
            string_member(u, "unit").value_or(""), roles));
    }
    // Interface 1.1, step by step: publication with the parties' commitments, each party's
    // reveal (the demo ships the seeds; a real party keeps its own), then the draw.
    auto seeds = read_json(demo / "party-seeds.json");
    if (!seeds)
        return seeds.error();
    if (auto p = draws_.publish_plan(*plan); !p)
        return p.error();
    const json* parties = member(*seeds, "parties");
    if (!parties || !parties->is_array())
        return Error::make(api_code::invalid, "party-seeds.json needs a list of parties.");
    for (const json& party : *parties)
        if (auto r = draws_.reveal_seed(*plan_id, string_member(party, "name").value_or(""),
                                        string_member(party, "seed").value_or(""));
            !r)
            return Error::make(r.error().code, "party-seeds.json: " + r.error().message,
                               r.error().field);
    if (auto d = draws_.run_draw(*plan_id); !d)
        return d.error();
    return true;
}

} // namespace fi::server
