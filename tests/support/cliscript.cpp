#include "support/cliscript.h"

#include <fstream>

namespace fi::test {

using nlohmann::json;

json passing_answers(const json& a, const AnswerOptions& o) {
    std::ifstream cat(FI_ASSETS_DIR "/demo/catalogue.json");
    const json catalogue = json::parse(cat);
    json answers = json::array(), findings = json::array(), photos = json::array();
    bool failed = false;
    for (const auto& item_id : a.at("item_ids"))
        for (const auto& item : catalogue) {
            if (item.at("id") != item_id)
                continue;
            for (const auto& cp : item.at("checkpoints")) {
                json v = "pass";
                const std::string kind = cp.at("kind");
                if (kind == "number") {
                    v = 7;
                } else if (kind == "text") {
                    v = o.text_value;
                } else if (kind == "choice") {
                    v = cp.at("choices").at(0);
                } else if (!o.photo_file.empty() && !failed && cp.value("photo_on_fail", false)) {
                    v = "fail";
                    failed = true;
                    findings.push_back({{"ref", "f1"},
                                        {"item_id", item_id},
                                        {"checkpoint_id", cp.at("id")},
                                        {"description", o.finding_description}});
                    photos.push_back({{"file", o.photo_file}, {"finding", "f1"}});
                }
                json answer = {{"item_id", item_id}, {"checkpoint_id", cp.at("id")}, {"value", v}};
                if (!o.note.empty())
                    answer["note"] = o.note;
                answers.push_back(std::move(answer));
            }
        }
    json present = json::array();
    for (const auto& m : a.at("team"))
        if (m.at("role") != "expert")
            present.push_back(m.at("inspector_id"));
    const bool onsite = a.at("mode") == "onsite";
    // On site, each inspector present and the unit's representative sign (interface 1.1).
    json signatures = json::array();
    if (onsite) {
        const auto strokes = [](int n) {
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 300 100\"><path "
                   "d=\"M20 70 L" +
                   std::to_string(60 + 20 * n) + " 30 L200 75 L280 " + std::to_string(40 + n) +
                   "\" stroke=\"#000\" stroke-width=\"3\" fill=\"none\"/></svg>";
        };
        int n = 0;
        for (const auto& id : present)
            signatures.push_back({{"inspector", id}, {"svg", strokes(n++)}});
        signatures.push_back({{"representative", true},
                              {"name", o.representative_name},
                              {"position", "环保负责人"},
                              {"svg", strokes(n)}});
    }
    return {{"inspectors_present", present},
            {"location", onsite
                             ? json{{"lat_e6", 30391234}, {"lon_e6", 114894321}, {"accuracy_m", 8}}
                             : json()},
            {"offsite_method", onsite ? json() : json("monitoring_data")},
            // The command line takes a file's place only as simulated (docs/cli.md).
            {"simulated", onsite},
            {"answers", answers},
            {"findings", findings},
            {"photos", photos},
            {"signatures", signatures},
            {"outcome", failed ? "rectification_ordered" : "no_problem"}};
}

} // namespace fi::test
