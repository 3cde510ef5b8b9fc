#include "cli/answersfile.h"

#include "core/answers.h"
#include "core/metastore.h"
#include "core/modeljson.h"
#include "core/rules.h"

#include <map>

namespace fi::cli {

namespace {
using nlohmann::json;
namespace fs = std::filesystem;

Error bad(const std::string& what) {
    return Error::make("invalid", "answers file: " + what);
}

/// A checkpoint's kind, requirement and choices, for whoever fills in the skeleton.
std::string help_for(const Checkpoint& cp) {
    std::string h = std::string(to_string(cp.kind)) + (cp.required ? ", required" : ", optional");
    if (cp.kind == CheckpointKind::pass_fail)
        h += ": \"pass\", \"fail\" or \"na\"";
    if (cp.kind == CheckpointKind::number)
        h += ": a whole number" + (cp.unit ? " (" + *cp.unit + ")" : std::string());
    if (cp.kind == CheckpointKind::choice) {
        h += ": one of";
        for (const auto& c : cp.choices)
            h += " \"" + c + "\"";
    }
    if (cp.photo_on_fail)
        h += "; a fail needs a finding with a photo";
    return h + " — " + cp.text;
}
} // namespace

Result<std::vector<PhotoPlan>> AnswersFile::apply(const json& j, const fs::path& base,
                                                  InspectionRecord& record) {
    if (!j.is_object())
        return bad("not a JSON object");
    // The parts the file shares with the upload body are read by the record's own decoder.
    json as_record = encode_inspection_record(record);
    for (const char* key : {"inspectors_present", "location", "offsite_method", "confidential",
                            "confidential_reason", "confidential_ground"})
        if (j.contains(key))
            as_record[key] = j.at(key);
    // The record's decoder reads an unknown ground as none (the central system's answer to
    // it is confidential_ground_required); a file with a misspelt one is told so at once.
    if (j.contains("confidential_ground") && !j.at("confidential_ground").is_null() &&
        !(j.at("confidential_ground").is_string() &&
          parse_confidential_ground(j.at("confidential_ground").get<std::string>())))
        return bad("confidential_ground must be state_secret, national_security, public_safety "
                   "or other_law (or null), not " +
                   j.at("confidential_ground").dump());
    std::map<std::string, std::string> finding_ids;
    json findings = json::array();
    if (j.contains("findings")) {
        if (!j.at("findings").is_array())
            return bad("findings must be a list");
        for (const auto& f : j.at("findings")) {
            if (!f.is_object() || !f.contains("ref") || !f.at("ref").is_string())
                return bad("every finding needs a \"ref\" name for its photos to point at");
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
    as_record["answers"] = json::array();
    as_record["outcome"] = nullptr;
    as_record["public_text"] = "";
    if (j.contains("outcome") && !j.at("outcome").is_null()) {
        as_record["outcome"] = j.at("outcome");
        if (auto o = j.at("outcome").is_string() ? parse_outcome(j.at("outcome").get<std::string>())
                                                 : std::nullopt)
            as_record["public_text"] = std::string(public_text_for(*o));
    }
    auto decoded = decode_inspection_record(as_record);
    if (!decoded)
        return bad(decoded.error().message);
    InspectionRecord next = std::move(decoded.value());
    next.answers = record.answers;

    // Answers one by one, as the app sets them: core decides what a change resets.
    std::vector<std::pair<std::string, std::string>> given;
    if (j.contains("answers")) {
        if (!j.at("answers").is_array())
            return bad("answers must be a list");
        for (std::size_t i = 0; i < j.at("answers").size(); ++i) {
            const json& a = j.at("answers")[i];
            const std::string where = "answers[" + std::to_string(i) + "]";
            if (!a.is_object() || !a.contains("item_id") || !a.at("item_id").is_string() ||
                !a.contains("checkpoint_id") || !a.at("checkpoint_id").is_string())
                return bad(where + " needs \"item_id\" and \"checkpoint_id\"");
            const std::string item = a.at("item_id"), cp = a.at("checkpoint_id");
            const json v = a.value("value", json());
            std::optional<AnswerValue> value;
            if (v.is_string())
                value = v.get<std::string>();
            else if (v.is_number_integer())
                value = v.get<std::int64_t>();
            else if (!v.is_null())
                return bad(where + ".value must be a text or a whole number");
            set_answer(next, item, cp, value);
            given.emplace_back(item, cp);
            if (value && a.contains("note")) {
                if (!a.at("note").is_string())
                    return bad(where + ".note must be a text");
                for (auto& x : next.answers)
                    if (x.item_id == item && x.checkpoint_id == cp)
                        x.note = a.at("note").get<std::string>();
            }
        }
    }
    // What the file leaves out is not answered (a resumed draft keeps nothing of before).
    for (const auto& a : record.answers)
        if (std::find(given.begin(), given.end(), std::pair(a.item_id, a.checkpoint_id)) ==
            given.end())
            set_answer(next, a.item_id, a.checkpoint_id, std::nullopt);

    std::vector<PhotoPlan> photos;
    if (j.contains("photos")) {
        if (!j.at("photos").is_array())
            return bad("photos must be a list");
        for (const auto& p : j.at("photos")) {
            if (!p.is_object() || !p.contains("file") || !p.at("file").is_string())
                return bad("every photo needs a \"file\"");
            const fs::path file = p.at("file").get<std::string>();
            PhotoPlan plan{file.is_absolute() ? file : base / file, std::nullopt,
                           p.value("detail", false)};
            if (p.contains("finding") && p.at("finding").is_string()) {
                auto it = finding_ids.find(p.at("finding").get<std::string>());
                if (it == finding_ids.end())
                    return bad("photo " + file.string() + " names an unknown finding");
                plan.finding_id = it->second;
            }
            photos.push_back(plan);
        }
    }
    record = std::move(next);
    return photos;
}

Result<std::vector<SignaturePlan>> AnswersFile::signatures(const json& j, const fs::path& base) {
    std::vector<SignaturePlan> out;
    if (!j.is_object() || !j.contains("signatures"))
        return out;
    if (!j.at("signatures").is_array())
        return bad("signatures must be a list");
    const auto text = [](const json& e, const char* key) {
        return e.contains(key) && e.at(key).is_string() ? e.at(key).get<std::string>()
                                                        : std::string();
    };
    for (std::size_t i = 0; i < j.at("signatures").size(); ++i) {
        const json& e = j.at("signatures")[i];
        const std::string where = "signatures[" + std::to_string(i) + "]";
        if (!e.is_object())
            return bad(where + " must be an object");
        SignaturePlan plan;
        if (e.value("refused", false) == true) {
            plan.role = "refused";
            plan.reason = text(e, "reason");
            out.push_back(std::move(plan));
            continue;
        }
        if (e.contains("inspector")) {
            plan.role = "inspector";
            plan.inspector_id = text(e, "inspector");
            if (plan.inspector_id.empty())
                return bad(where + ".inspector must be an inspector's id");
        } else if (e.value("representative", false) == true) {
            plan.role = "representative";
            plan.name = text(e, "name");
            plan.position = text(e, "position");
        } else {
            return bad(where + " needs \"inspector\": ID, \"representative\": true (with "
                               "\"name\" and \"position\") or \"refused\": true (with "
                               "\"reason\")");
        }
        if (e.contains("file") == e.contains("svg"))
            return bad(where + " needs its image: a \"file\" (PNG or SVG) or the \"svg\" text");
        if (e.contains("file")) {
            const fs::path file = text(e, "file");
            plan.file = file.is_absolute() ? file : base / file;
        } else {
            plan.svg = text(e, "svg");
        }
        out.push_back(std::move(plan));
    }
    return out;
}

json AnswersFile::skeleton(const Assignment& a, const std::vector<CatalogueItem>& items) {
    json answers = json::array();
    for (const auto& item : items) {
        if (!has_legal_basis(item))
            continue; // nothing of it may be inspected (无法律依据不检查)
        for (const auto& cp : item.checkpoints)
            answers.push_back({{"item_id", item.id},
                               {"checkpoint_id", cp.id},
                               {"value", nullptr},
                               {"note", ""},
                               {"_help", help_for(cp)}});
    }
    json present = json::array();
    for (const auto& m : a.team)
        if (m.role != TeamRole::expert)
            present.push_back(m.inspector_id);
    const bool onsite = a.mode == InspectionMode::onsite;
    return {{"inspectors_present", present},
            // No place to type in: the command line takes a file's location only when it says it
            // is simulated (a demonstration, a test).
            {"location", nullptr},
            {"offsite_method", onsite ? json() : json("monitoring_data | drone | document_review")},
            {"answers", answers},
            {"findings", json::array()},
            {"photos", json::array()},
            {"outcome", "no_problem | rectification_ordered | case_opened"},
            // Published unless held back on a legal ground (central-api.md 1.1), which an
            // approver on the central system must then approve.
            {"confidential", false},
            {"confidential_reason", nullptr},
            {"confidential_ground", nullptr},
            {"_confidential_help", "to hold the result back from publication: confidential true, "
                                   "a reason, and confidential_ground state_secret | "
                                   "national_security | public_safety | other_law"}};
}

} // namespace fi::cli
