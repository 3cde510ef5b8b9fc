#include "core/canonicaljson.h"
#include "core/modeljson.h"

#include <doctest/doctest.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

using json = nlohmann::json;

namespace {

json load_chain_vector() {
    std::ifstream in(std::string(FI_TEST_DATA_DIR) + "/chain-vector.json", std::ios::binary);
    REQUIRE(in.good());
    std::stringstream buf;
    buf << in.rdbuf();
    return json::parse(buf.str());
}

// The catalogue item of central-api.md.
json catalogue_json() {
    return json::parse(R"J({"id":"ODS-15","code":"15","domain":"涉消耗臭氧层物质(ODS)的监管",
 "title":"消耗臭氧层物质含氢氯氟烃(HCFCs)年度生产配额、使用配额情况的检查",
 "legal_basis":["《消耗臭氧层物质管理条例》第十一条"],
 "target_type":"HCFCs的生产企业和使用企业",
 "initiating_dept":"市生态环境局","cooperating_depts":["市商务局","市市场监管局"],
 "responsible_office":"大气环境科","version":3,
 "checkpoints":[
   {"id":"ODS-15-1","text":"是否取得年度生产/使用配额","kind":"pass_fail","required":true,"photo_on_fail":true},
   {"id":"ODS-15-2","text":"实际使用量(吨)","kind":"number","required":true,"unit":"吨"},
   {"id":"ODS-15-3","text":"备案文件编号","kind":"text","required":false},
   {"id":"ODS-15-4","text":"使用用途","kind":"choice","choices":["制冷","发泡","清洗","其他"],"required":true}]
})J");
}

json inspector_json() {
    return json::parse(R"J({"id":"I-031","name":"张伟","unit":"市生态环境综合执法支队",
 "cert_no":"鄂环执0031","position":"科员","expertise":["大气","固废"],"third_party":false})J");
}

// The assignment of central-api.md.
json assignment_json() {
    return json::parse(R"J({"id":"A-2026Q4-0012","revision":1,"status":"active",
 "plan":{"id":"P-2026-07","name":"2026年第四季度重点监管对象双随机抽查","year":2026,
         "kind":"routine","unit":"市生态环境综合执法支队"},
 "target":{"id":"T-00931","name":"鄂州某化工有限公司","credit_code":"91420700MA4F000000","address":"鄂城区某路1号",
           "legal_rep":"李四","district":"鄂城区","category":"key",
           "tags":{"permit_class":"重点管理","supervision_type":"排污许可",
                   "pollutants":["废气","废水"],"weather_grade":"B",
                   "credit_rating":null}},
 "item_ids":["ODS-15","POLL-02"],"mode":"onsite",
 "team":[{"inspector_id":"I-031","role":"leader"},{"inspector_id":"I-118","role":"member"},
         {"inspector_id":"X-201","role":"expert"}],
 "joint_departments":["市商务局"],
 "window":{"from":"2026-10-01","to":"2026-12-31"},
 "draw_id":"D-2026Q4-03"})J");
}

json record_json() {
    return load_chain_vector().at("record_without_chain");
}

// By value: the Result is usually a temporary.
template <class T> fi::Error error_of(const fi::Result<T>& r) {
    REQUIRE_FALSE(r.ok());
    return r.error();
}

} // namespace

// ---------------------------------------------------------------------------------------------
TEST_CASE("modeljson: every enum spelling parses back, and nothing else does") {
    using namespace fi;
    for (auto v : {CheckpointKind::pass_fail, CheckpointKind::number, CheckpointKind::text,
                   CheckpointKind::choice})
        CHECK(parse_checkpoint_kind(to_string(v)) == v);
    for (auto v : {TargetCategory::key, TargetCategory::general, TargetCategory::special})
        CHECK(parse_target_category(to_string(v)) == v);
    for (auto v : {TeamRole::leader, TeamRole::member, TeamRole::expert})
        CHECK(parse_team_role(to_string(v)) == v);
    for (auto v : {AssignmentStatus::active, AssignmentStatus::revoked})
        CHECK(parse_assignment_status(to_string(v)) == v);
    for (auto v : {InspectionMode::onsite, InspectionMode::offsite})
        CHECK(parse_inspection_mode(to_string(v)) == v);
    for (auto v : {Outcome::no_problem, Outcome::rectification_ordered, Outcome::case_opened})
        CHECK(parse_outcome(to_string(v)) == v);
    for (auto v :
         {OffsiteMethod::monitoring_data, OffsiteMethod::drone, OffsiteMethod::document_review})
        CHECK(parse_offsite_method(to_string(v)) == v);

    CHECK(to_string(CheckpointKind::pass_fail) == "pass_fail");
    CHECK(to_string(Outcome::rectification_ordered) == "rectification_ordered");
    CHECK(to_string(OffsiteMethod::monitoring_data) == "monitoring_data");
    CHECK_FALSE(parse_checkpoint_kind("Pass_Fail").has_value());
    CHECK_FALSE(parse_outcome("").has_value());
    CHECK_FALSE(parse_team_role("leader ").has_value());
    CHECK_FALSE(parse_assignment_status("deleted").has_value());
}

// ---------------------------------------------------------------------------------------------
// Catalogue

TEST_CASE("modeljson: the interface's catalogue item decodes") {
    auto r = fi::decode_catalogue_item(catalogue_json());
    REQUIRE(r.ok());
    const fi::CatalogueItem& item = *r;
    CHECK(item.id == "ODS-15");
    CHECK(item.code == "15");
    CHECK(item.legal_basis.size() == 1);
    CHECK(item.cooperating_depts == std::vector<std::string>{"市商务局", "市市场监管局"});
    CHECK(item.version == 3);
    REQUIRE(item.checkpoints.size() == 4);
    CHECK(item.checkpoints[0].kind == fi::CheckpointKind::pass_fail);
    CHECK(item.checkpoints[0].required);
    CHECK(item.checkpoints[0].photo_on_fail);
    CHECK(item.checkpoints[1].kind == fi::CheckpointKind::number);
    CHECK(item.checkpoints[1].unit == std::optional<std::string>("吨"));
    CHECK_FALSE(item.checkpoints[1].photo_on_fail); // absent: false
    CHECK(item.checkpoints[2].kind == fi::CheckpointKind::text);
    CHECK_FALSE(item.checkpoints[2].required);
    CHECK(item.checkpoints[3].choices.size() == 4);
}

TEST_CASE("modeljson: a catalogue item round-trips through its encoder") {
    auto first = fi::decode_catalogue_item(catalogue_json());
    REQUIRE(first.ok());
    const json encoded = fi::encode_catalogue_item(*first);
    auto second = fi::decode_catalogue_item(encoded);
    REQUIRE(second.ok());
    CHECK(fi::encode_catalogue_item(*second) == encoded);
    CHECK(encoded.at("version").is_number_integer());
    CHECK(encoded.at("checkpoints").at(3).at("choices") ==
          catalogue_json()["checkpoints"][3]["choices"]);
    CHECK_FALSE(encoded.at("checkpoints").at(0).contains("choices"));
}

TEST_CASE("modeljson: a choice checkpoint without choices names the item and checkpoint") {
    json j = catalogue_json();
    j["checkpoints"][3].erase("choices");
    const auto e = error_of(fi::decode_catalogue_item(j));
    CHECK(e.code == "invalid");
    CHECK(e.message ==
          "catalogue item ODS-15: checkpoint ODS-15-4 of kind \"choice\" has no choices");
    CHECK(e.field == "checkpoints[3].choices");

    j["checkpoints"][3]["choices"] = json::array();
    CHECK(error_of(fi::decode_catalogue_item(j)).field == "checkpoints[3].choices");
}

TEST_CASE("modeljson: a catalogue item missing what the client needs is refused") {
    struct Case {
        const char* member;
        const char* field;
    };
    for (const Case c : {Case{"id", "id"}, Case{"title", "title"}, Case{"code", "code"},
                         Case{"legal_basis", "legal_basis"}, Case{"version", "version"},
                         Case{"checkpoints", "checkpoints"}}) {
        INFO(std::string(c.member));
        json j = catalogue_json();
        j.erase(c.member);
        const auto e = error_of(fi::decode_catalogue_item(j));
        CHECK(e.code == "invalid");
        CHECK(e.field == c.field);
        CHECK(e.message.find(c.member) != std::string::npos);
    }
    for (const char* member : {"id", "text", "kind", "required"}) {
        INFO(std::string(member));
        json j = catalogue_json();
        j["checkpoints"][1].erase(member);
        const auto e = error_of(fi::decode_catalogue_item(j));
        CHECK(e.field == std::string("checkpoints[1].") + member);
        CHECK(e.message.rfind("catalogue item ODS-15:", 0) == 0);
    }
}

TEST_CASE("modeljson: wrong types and non-integers in a catalogue item are refused") {
    struct Case {
        const char* name;
        const char* pointer;
        json value;
        const char* field;
    };
    const Case cases[] = {
        {"title as number", "/title", 15, "title"},
        {"legal_basis as text", "/legal_basis", "条例", "legal_basis"},
        {"legal_basis entry as number", "/legal_basis/0", 7, "legal_basis[0]"},
        {"version as fraction", "/version", 3.5, "version"},
        {"version as 3.0", "/version", json::parse("3.0"), "version"},
        {"version huge", "/version", json::parse("1e300"), "version"},
        {"version beyond 64 bits", "/version", json::parse("18446744073709551616"), "version"},
        {"version beyond int", "/version", json::parse("9999999999"), "version"},
        {"version beyond int64", "/version", json::parse("18446744073709551615"), "version"},
        {"version negative", "/version", -1, "version"},
        {"version as boolean", "/version", true, "version"},
        {"version as text", "/version", "3", "version"},
        {"version null", "/version", nullptr, "version"},
        {"checkpoints as object", "/checkpoints", json::object(), "checkpoints"},
        {"checkpoint as text", "/checkpoints/0", "ODS-15-1", "checkpoints[0]"},
        {"required as text", "/checkpoints/0/required", "true", "checkpoints[0].required"},
        {"photo_on_fail as number", "/checkpoints/0/photo_on_fail", 1,
         "checkpoints[0].photo_on_fail"},
        {"unit as number", "/checkpoints/1/unit", 1, "checkpoints[1].unit"},
        {"choice entry as number", "/checkpoints/3/choices/1", 2, "checkpoints[3].choices[1]"},
        {"choice listed twice", "/checkpoints/3/choices/1", "制冷", "checkpoints[3].choices[1]"},
        {"id empty", "/id", "", "id"},
        {"unknown kind", "/checkpoints/2/kind", "slider", "checkpoints[2].kind"},
        {"kind null", "/checkpoints/2/kind", nullptr, "checkpoints[2].kind"},
        {"duplicate checkpoint id", "/checkpoints/2/id", "ODS-15-1", "checkpoints[2].id"},
        {"no checkpoints", "/checkpoints", json::array(), "checkpoints"},
    };
    for (const auto& c : cases) {
        INFO(std::string(c.name));
        json j = catalogue_json();
        j[json::json_pointer(c.pointer)] = c.value;
        const auto e = error_of(fi::decode_catalogue_item(j));
        CHECK(e.code == "invalid");
        CHECK(e.field == c.field);
        CHECK_FALSE(e.message.empty());
    }
}

TEST_CASE("modeljson: catalogue errors say what is wrong in words") {
    json j = catalogue_json();
    j["checkpoints"][2]["kind"] = "slider";
    CHECK(error_of(fi::decode_catalogue_item(j)).message ==
          "catalogue item ODS-15: \"kind\" of checkpoint ODS-15-3 is \"slider\", which is not one "
          "of pass_fail, number, text or choice");

    j = catalogue_json();
    j["version"] = 3.5;
    CHECK(error_of(fi::decode_catalogue_item(j)).message ==
          "catalogue item ODS-15: \"version\" must be a whole number, not the number 3.5");

    j = catalogue_json();
    j["checkpoints"][2]["id"] = "ODS-15-1";
    CHECK(error_of(fi::decode_catalogue_item(j)).message ==
          "catalogue item ODS-15: checkpoint id ODS-15-1 appears twice");

    j = catalogue_json();
    j["checkpoints"] = json::array();
    CHECK(error_of(fi::decode_catalogue_item(j)).message.find("has no checkpoints") !=
          std::string::npos);

    j = catalogue_json();
    j.erase("id");
    CHECK(error_of(fi::decode_catalogue_item(j)).message == "catalogue item: \"id\" is missing");
}

TEST_CASE("modeljson: a catalogue item tolerates unknown members and absent descriptions") {
    json j = catalogue_json();
    j["future_member"] = {{"anything", 1.5}};
    j["checkpoints"][0]["hint"] = "new in version 2";
    for (const char* m :
         {"domain", "target_type", "initiating_dept", "cooperating_depts", "responsible_office"})
        j.erase(m);
    j["legal_basis"] = json::array(); // decoded; the rules refuse to inspect it
    auto r = fi::decode_catalogue_item(j);
    REQUIRE(r.ok());
    CHECK(r->domain.empty());
    CHECK(r->cooperating_depts.empty());
    CHECK(r->legal_basis.empty());
    CHECK(r->checkpoints.size() == 4);
}

TEST_CASE("modeljson: anything but an object is refused, never thrown") {
    for (const json& v : {json(nullptr), json(42), json("ODS-15"), json::array({catalogue_json()}),
                          json(true), json(1.5)}) {
        CAPTURE(v.dump());
        CHECK(error_of(fi::decode_catalogue_item(v)).code == "invalid");
        CHECK(error_of(fi::decode_inspector(v)).code == "invalid");
        CHECK(error_of(fi::decode_assignment(v)).code == "invalid");
        CHECK(error_of(fi::decode_inspection_record(v)).code == "invalid");
        CHECK(error_of(fi::decode_catalogue_page(v)).code == "invalid");
    }
}

// ---------------------------------------------------------------------------------------------
// Roster

TEST_CASE("modeljson: an inspector decodes and round-trips") {
    auto r = fi::decode_inspector(inspector_json());
    REQUIRE(r.ok());
    CHECK(r->id == "I-031");
    CHECK(r->cert_no == std::optional<std::string>("鄂环执0031"));
    CHECK(r->expertise.size() == 2);
    CHECK_FALSE(r->third_party);
    const json encoded = fi::encode_inspector(*r);
    CHECK(encoded == inspector_json());
    auto again = fi::decode_inspector(encoded);
    REQUIRE(again.ok());
    CHECK(fi::encode_inspector(*again) == encoded);
}

TEST_CASE("modeljson: an expert without certificate decodes with cert_no null or absent") {
    json j = inspector_json();
    j["id"] = "X-201";
    j["cert_no"] = nullptr;
    j["third_party"] = true;
    auto r = fi::decode_inspector(j);
    REQUIRE(r.ok());
    CHECK_FALSE(r->cert_no.has_value());
    CHECK(r->third_party);
    CHECK(fi::encode_inspector(*r).at("cert_no").is_null());
    j.erase("cert_no");
    CHECK_FALSE(fi::decode_inspector(j).value().cert_no.has_value());
}

TEST_CASE("modeljson: a bad roster entry is refused with its id and field") {
    json j = inspector_json();
    j.erase("third_party");
    auto e = error_of(fi::decode_inspector(j));
    CHECK(e.field == "third_party");
    CHECK(e.message.rfind("inspector I-031:", 0) == 0);

    j = inspector_json();
    j["cert_no"] = 31;
    CHECK(error_of(fi::decode_inspector(j)).field == "cert_no");
    j = inspector_json();
    j["expertise"] = json::array({"大气", nullptr});
    CHECK(error_of(fi::decode_inspector(j)).field == "expertise[1]");
    j = inspector_json();
    j["name"] = json::array();
    CHECK(error_of(fi::decode_inspector(j)).field == "name");
    j = inspector_json();
    j["third_party"] = "no";
    CHECK(error_of(fi::decode_inspector(j)).field == "third_party");
}

// ---------------------------------------------------------------------------------------------
// Assignments

TEST_CASE("modeljson: the interface's assignment decodes and round-trips") {
    auto r = fi::decode_assignment(assignment_json());
    REQUIRE(r.ok());
    const fi::Assignment& a = *r;
    CHECK(a.id == "A-2026Q4-0012");
    CHECK(a.revision == 1);
    CHECK(a.status == fi::AssignmentStatus::active);
    CHECK(a.plan.id == "P-2026-07");
    CHECK(a.plan.year == 2026);
    CHECK(a.target.category == fi::TargetCategory::key);
    CHECK(a.target.tags.weather_grade == std::optional<std::string>("B"));
    CHECK_FALSE(a.target.tags.credit_rating.has_value());
    CHECK(a.item_ids == std::vector<std::string>{"ODS-15", "POLL-02"});
    CHECK(a.mode == fi::InspectionMode::onsite);
    REQUIRE(a.team.size() == 3);
    CHECK(a.team[0].role == fi::TeamRole::leader);
    CHECK(a.team[2].role == fi::TeamRole::expert);
    CHECK(a.window_from == "2026-10-01");
    CHECK(a.window_to == "2026-12-31");
    CHECK(a.draw_id == "D-2026Q4-03");

    const json encoded = fi::encode_assignment(a);
    CHECK(encoded == assignment_json());
    auto again = fi::decode_assignment(encoded);
    REQUIRE(again.ok());
    CHECK(fi::encode_assignment(*again) == encoded);
}

TEST_CASE("modeljson: a malformed assignment is refused, naming it and the field") {
    struct Case {
        const char* name;
        const char* pointer;
        json value;
        const char* field;
    };
    const Case cases[] = {
        {"unknown status", "/status", "paused", "status"},
        {"unknown mode", "/mode", "remote", "mode"},
        {"unknown category", "/target/category", "vip", "target.category"},
        {"unknown role", "/team/1/role", "observer", "team[1].role"},
        {"revision as fraction", "/revision", 1.5, "revision"},
        {"revision huge", "/revision", json::parse("123456789012345678901234567890"), "revision"},
        {"year as text", "/plan/year", "2026", "plan.year"},
        {"plan as list", "/plan", json::array(), "plan"},
        {"target missing id", "/target/id", nullptr, "target.id"},
        {"tags as text", "/target/tags", "重点", "target.tags"},
        {"pollutants as text", "/target/tags/pollutants", "废气", "target.tags.pollutants"},
        {"item listed twice", "/item_ids/1", "ODS-15", "item_ids[1]"},
        {"item id empty", "/item_ids/0", "", "item_ids[0]"},
        {"team as object", "/team", json::object(), "team"},
        {"team entry id number", "/team/0/inspector_id", 31, "team[0].inspector_id"},
        {"inspector twice", "/team/1/inspector_id", "I-031", "team[1].inspector_id"},
        {"second leader", "/team/1/role", "leader", "team[1].role"},
        {"window date invalid", "/window/to", "2026-02-30", "window.to"},
        {"window reversed", "/window/to", "2026-09-30", "window.to"},
        {"draw id null", "/draw_id", nullptr, "draw_id"},
    };
    for (const auto& c : cases) {
        INFO(std::string(c.name));
        json j = assignment_json();
        j[json::json_pointer(c.pointer)] = c.value;
        const auto e = error_of(fi::decode_assignment(j));
        CHECK(e.code == "invalid");
        CHECK(e.field == c.field);
        CHECK(e.message.rfind("assignment A-2026Q4-0012:", 0) == 0);
    }
}

TEST_CASE("modeljson: an assignment without a leader is refused") {
    json j = assignment_json();
    j["team"][0]["role"] = "member";
    const auto e = error_of(fi::decode_assignment(j));
    CHECK(e.field == "team");
    CHECK(e.message == "assignment A-2026Q4-0012: the team has no leader");

    j["team"] = json::array();
    CHECK(error_of(fi::decode_assignment(j)).message.find("no leader") != std::string::npos);
}

TEST_CASE("modeljson: an assignment without plan decodes, so the rules can refuse it") {
    json j = assignment_json();
    j.erase("plan");
    auto r = fi::decode_assignment(j);
    REQUIRE(r.ok());
    CHECK(r->plan.id.empty());
    const json encoded = fi::encode_assignment(*r);
    CHECK(encoded.at("plan").is_null());
    CHECK(fi::decode_assignment(encoded).value().plan.id.empty());
}

TEST_CASE("modeljson: a revoked assignment decodes as revoked") {
    json j = assignment_json();
    j["status"] = "revoked";
    j["revision"] = 2;
    auto r = fi::decode_assignment(j);
    REQUIRE(r.ok());
    CHECK(r->status == fi::AssignmentStatus::revoked);
    CHECK(r->revision == 2);
}

// ---------------------------------------------------------------------------------------------
// Inspection record

TEST_CASE("modeljson: the chain vector's record decodes and re-encodes exactly") {
    const json v = load_chain_vector();
    const json& original = v.at("record_without_chain");
    auto r = fi::decode_inspection_record(original);
    REQUIRE(r.ok());
    CHECK(r->id == "5f0c1b9e-8a1d-4c57-9d2e-0b7a4c7e2f11");
    CHECK(r->clock.offset_ms == -1520);
    REQUIRE(r->location.has_value());
    CHECK(r->location->lon_e6 == 114894321);
    REQUIRE(r->answers.size() == 2);
    CHECK(std::get<std::string>(r->answers[0].value) == "fail");
    CHECK(std::get<std::int64_t>(r->answers[1].value) == 12);
    CHECK(r->outcome == fi::Outcome::rectification_ordered);
    CHECK_FALSE(r->offsite_method.has_value());
    REQUIRE(r->photos.size() == 1);
    CHECK(r->photos[0].finding_id == std::optional<std::string>(r->findings[0].id));

    const json encoded = fi::encode_inspection_record(*r);
    CHECK(encoded == original);
    auto canonical = fi::canonical_json(encoded);
    REQUIRE(canonical.ok());
    CHECK(*canonical == v.at("canonical").get<std::string>());
}

TEST_CASE("modeljson: a record's chain member is ignored and never re-encoded") {
    const json v = load_chain_vector();
    json j = v.at("record_without_chain");
    j["chain"] = v.at("chain");
    auto r = fi::decode_inspection_record(j);
    REQUIRE(r.ok());
    const json encoded = fi::encode_inspection_record(*r);
    CHECK_FALSE(encoded.contains("chain"));
    CHECK(encoded == v.at("record_without_chain"));

    j["chain"] = "not even an object";
    CHECK(fi::decode_inspection_record(j).ok());
}

TEST_CASE("modeljson: the record encoder writes every member, nulls as null") {
    fi::InspectionRecord draft;
    draft.id = "r-1";
    draft.assignment_id = "A-1";
    draft.answers.push_back({"ODS-15", "ODS-15-2", std::int64_t{-7}, ""});
    const json j = fi::encode_inspection_record(draft);
    for (const char* m : {"id",
                          "assignment_id",
                          "assignment_revision",
                          "inspection_day",
                          "started_at",
                          "finished_at",
                          "clock",
                          "location",
                          "inspectors_present",
                          "offsite_method",
                          "supersedes",
                          "correction_reason",
                          "answers",
                          "findings",
                          "outcome",
                          "public_text",
                          "confidential",
                          "confidential_reason",
                          "draw_verified",
                          "photos"}) {
        INFO(std::string(m));
        CHECK(j.contains(m));
    }
    CHECK(j.size() == 20);
    CHECK(j.at("location").is_null());
    CHECK(j.at("outcome").is_null());
    CHECK(j.at("offsite_method").is_null());
    CHECK(j.at("supersedes").is_null());
    CHECK(j.at("assignment_revision").is_number_integer());
    CHECK(j.at("answers")[0].at("value").is_number_integer());
    CHECK(j.at("answers")[0].at("value").get<std::int64_t>() == -7);
    CHECK(j.at("findings").is_array());

    // A draft (outcome null) round-trips.
    auto back = fi::decode_inspection_record(j);
    REQUIRE(back.ok());
    CHECK_FALSE(back->outcome.has_value());
    CHECK(fi::encode_inspection_record(*back) == j);
}

TEST_CASE("modeljson: an off-site record with its method round-trips") {
    json j = record_json();
    j["location"] = nullptr;
    j["offsite_method"] = "drone";
    j["supersedes"] = "0b7a4c7e-0000-4000-8000-000000000001";
    j["correction_reason"] = "照片补充";
    j["confidential"] = true;
    j["confidential_reason"] = "涉及保密";
    j["confidential_ground"] = "state_secret";
    j["photos"][0]["location"] = {{"lat_e6", -1}, {"lon_e6", 2}, {"accuracy_m", 0}};
    auto r = fi::decode_inspection_record(j);
    REQUIRE(r.ok());
    CHECK(r->offsite_method == fi::OffsiteMethod::drone);
    CHECK(r->supersedes.has_value());
    CHECK(r->photos[0].location->lat_e6 == -1);
    CHECK(r->confidential_ground == fi::ConfidentialGround::state_secret);
    CHECK(fi::encode_inspection_record(*r) == j);
}

TEST_CASE("modeljson: a confidential record carries its ground, a public one has no such member") {
    json j = record_json();
    REQUIRE_FALSE(j.contains("confidential_ground"));
    j["confidential"] = true;
    j["confidential_reason"] = "涉及公共安全";
    for (const char* name : {"state_secret", "national_security", "public_safety", "other_law"}) {
        INFO(std::string(name));
        j["confidential_ground"] = name;
        auto r = fi::decode_inspection_record(j);
        REQUIRE(r.ok());
        REQUIRE(r->confidential_ground.has_value());
        CHECK(fi::to_string(*r->confidential_ground) == name);
        CHECK(fi::parse_confidential_ground(name) == r->confidential_ground);
        CHECK(fi::encode_inspection_record(*r) == j);
    }

    // Not yet chosen (a draft): the member is there, null, and reads back as none.
    j["confidential_ground"] = nullptr;
    auto draft = fi::decode_inspection_record(j);
    REQUIRE(draft.ok());
    CHECK_FALSE(draft->confidential_ground.has_value());
    CHECK(fi::encode_inspection_record(*draft) == j);

    // None of the four reads as none: the rules ask for it with the central system's code.
    for (const json& odd : {json("national_pride"), json(3), json("State_Secret")}) {
        INFO(odd.dump());
        j["confidential_ground"] = odd;
        auto r = fi::decode_inspection_record(j);
        REQUIRE(r.ok());
        CHECK_FALSE(r->confidential_ground.has_value());
    }

    // Published after all: the ground is neither kept nor written, so the body is as before.
    j["confidential"] = false;
    j["confidential_reason"] = nullptr;
    j["confidential_ground"] = "other_law";
    auto published = fi::decode_inspection_record(j);
    REQUIRE(published.ok());
    CHECK_FALSE(published->confidential_ground.has_value());
    CHECK_FALSE(fi::encode_inspection_record(*published).contains("confidential_ground"));
}

TEST_CASE("modeljson: hostile values in a record are refused with the field") {
    struct Case {
        const char* name;
        const char* pointer;
        json value;
        const char* field;
    };
    const Case cases[] = {
        {"answer value fraction", "/answers/1/value", 12.5, "answers[1].value"},
        {"answer value 12.0", "/answers/1/value", json::parse("12.0"), "answers[1].value"},
        {"answer value beyond int64", "/answers/1/value", json::parse("9223372036854775808"),
         "answers[1].value"},
        {"answer value beyond 64 bits", "/answers/1/value", json::parse("99999999999999999999999"),
         "answers[1].value"},
        {"answer value boolean", "/answers/0/value", true, "answers[0].value"},
        {"answer value null", "/answers/0/value", nullptr, "answers[0].value"},
        {"answer value list", "/answers/0/value", json::array({"fail"}), "answers[0].value"},
        {"answer as text", "/answers/0", "fail", "answers[0]"},
        {"answers as object", "/answers", json::object(), "answers"},
        {"answer item id number", "/answers/0/item_id", 15, "answers[0].item_id"},
        {"revision as fraction", "/assignment_revision", 1.0, "assignment_revision"},
        {"revision negative", "/assignment_revision", -1, "assignment_revision"},
        {"revision beyond int", "/assignment_revision", json::parse("4294967296"),
         "assignment_revision"},
        {"latitude fraction", "/location/lat_e6", 30.391234, "location.lat_e6"},
        {"latitude out of range", "/location/lat_e6", 91000000, "location.lat_e6"},
        {"longitude as text", "/location/lon_e6", "114894321", "location.lon_e6"},
        {"accuracy negative", "/location/accuracy_m", -8, "location.accuracy_m"},
        {"location as list", "/location", json::array({30, 114}), "location"},
        {"offset fraction", "/clock/offset_ms", -1520.5, "clock.offset_ms"},
        {"clock source unknown", "/clock/source", "gps", "clock.source"},
        {"clock as text", "/clock", "server", "clock"},
        {"offsite method unknown", "/offsite_method", "boat", "offsite_method"},
        {"outcome unknown", "/outcome", "fine", "outcome"},
        {"outcome as number", "/outcome", 1, "outcome"},
        {"confidential as text", "/confidential", "false", "confidential"},
        {"draw_verified null", "/draw_verified", nullptr, "draw_verified"},
        {"present entry null", "/inspectors_present/1", nullptr, "inspectors_present[1]"},
        {"photo bytes fraction", "/photos/0/bytes", 17.5, "photos[0].bytes"},
        {"photo bytes negative", "/photos/0/bytes", -17, "photos[0].bytes"},
        {"photo id empty", "/photos/0/id", "", "photos[0].id"},
        {"finding photo id number", "/findings/0/photo_ids/0", 1, "findings[0].photo_ids[0]"},
        {"finding description null", "/findings/0/description", nullptr, "findings[0].description"},
        {"supersedes as number", "/supersedes", 5, "supersedes"},
        {"public text null", "/public_text", nullptr, "public_text"},
    };
    for (const auto& c : cases) {
        INFO(std::string(c.name));
        json j = record_json();
        j[json::json_pointer(c.pointer)] = c.value;
        const auto e = error_of(fi::decode_inspection_record(j));
        CHECK(e.code == "invalid");
        CHECK(e.field == c.field);
        CHECK(e.message.rfind("inspection record 5f0c1b9e-8a1d-4c57-9d2e-0b7a4c7e2f11:", 0) == 0);
    }
}

TEST_CASE("modeljson: a record missing a required member is refused, nullable ones may be absent") {
    for (const char* m : {"id", "assignment_id", "assignment_revision", "inspection_day",
                          "started_at", "finished_at", "clock", "inspectors_present", "answers",
                          "findings", "public_text", "confidential", "draw_verified", "photos"}) {
        INFO(std::string(m));
        json j = record_json();
        j.erase(m);
        CHECK(error_of(fi::decode_inspection_record(j)).field == m);
    }
    json j = record_json();
    for (const char* m : {"location", "offsite_method", "supersedes", "correction_reason",
                          "confidential_reason", "outcome"})
        j.erase(m);
    j["unknown_future_member"] = {1, 2, 3};
    auto r = fi::decode_inspection_record(j);
    REQUIRE(r.ok());
    CHECK_FALSE(r->location.has_value());
    CHECK_FALSE(r->outcome.has_value());
}

TEST_CASE("modeljson: an answer's error names the answer and says what it holds") {
    json j = record_json();
    j["answers"][1]["value"] = 12.5;
    CHECK(error_of(fi::decode_inspection_record(j)).message ==
          "inspection record 5f0c1b9e-8a1d-4c57-9d2e-0b7a4c7e2f11: \"value\" of answers[1] must "
          "be text or a whole number, not the number 12.5");
}

// ---------------------------------------------------------------------------------------------
// Pages

TEST_CASE("modeljson: a page keeps its good items, tombstones and names each bad one") {
    json bad_version = catalogue_json();
    bad_version["id"] = "ODS-16";
    bad_version["version"] = 2.5;
    json no_id = catalogue_json();
    no_id.erase("id");
    json second = catalogue_json();
    second["id"] = "ODS-17";
    const json page{{"items",
                     {catalogue_json(),
                      {{"id", "ODS-09"}, {"deleted", true}},
                      bad_version,
                      42,
                      {{"deleted", true}},
                      no_id,
                      second,
                      {{"id", "ODS-18"}, {"deleted", "yes"}}}},
                    {"next_cursor", "c-2"},
                    {"has_more", true}};
    auto r = fi::decode_catalogue_page(page);
    REQUIRE(r.ok());
    REQUIRE(r->items.size() == 2);
    CHECK(r->items[0].id == "ODS-15");
    CHECK(r->items[1].id == "ODS-17");
    CHECK(r->positions == std::vector<std::size_t>{0, 6}); // where each came from
    CHECK(r->deleted_ids == std::vector<std::string>{"ODS-09"});
    CHECK(r->next_cursor == "c-2");
    CHECK(r->has_more);

    REQUIRE(r->rejected.size() == 5);
    CHECK(r->rejected[0].index == 2);
    CHECK(r->rejected[0].id == "ODS-16");
    CHECK(r->rejected[0].error.field == "items[2].version");
    CHECK(r->rejected[0].error.message.rfind("catalogue item ODS-16:", 0) == 0);
    CHECK(r->rejected[1].index == 3);
    CHECK(r->rejected[1].id.empty());
    CHECK(r->rejected[1].error.field == "items[3]");
    CHECK(r->rejected[1].error.message.find("position 4") != std::string::npos);
    CHECK(r->rejected[2].index == 4);
    CHECK(r->rejected[2].error.field == "items[4].id");
    CHECK(r->rejected[3].index == 5);
    CHECK(r->rejected[3].error.message ==
          "catalogue item at position 6 of the page: \"id\" is missing");
    CHECK(r->rejected[4].index == 7);
    CHECK(r->rejected[4].id == "ODS-18");
    CHECK(r->rejected[4].error.field == "items[7].deleted");
}

TEST_CASE("modeljson: an item with deleted:false is an ordinary item") {
    json item = catalogue_json();
    item["deleted"] = false;
    auto r = fi::decode_catalogue_page({{"items", json::array({item})}, {"has_more", false}});
    REQUIRE(r.ok());
    CHECK(r->items.size() == 1);
    CHECK(r->deleted_ids.empty());
    CHECK(r->next_cursor.empty());
}

TEST_CASE("modeljson: an answer that is not a page is one error") {
    struct Case {
        const char* name;
        json page;
        const char* field;
    };
    const Case cases[] = {
        {"items missing", {{"has_more", false}, {"next_cursor", "x"}}, "items"},
        {"items as object", {{"items", json::object()}, {"has_more", false}}, "items"},
        {"has_more missing", {{"items", json::array()}, {"next_cursor", "x"}}, "has_more"},
        {"has_more as text", {{"items", json::array()}, {"has_more", "false"}}, "has_more"},
        {"cursor as number",
         {{"items", json::array()}, {"has_more", false}, {"next_cursor", 7}},
         "next_cursor"},
        {"more without cursor", {{"items", json::array()}, {"has_more", true}}, "next_cursor"},
        {"more with empty cursor",
         {{"items", json::array()}, {"has_more", true}, {"next_cursor", ""}},
         "next_cursor"},
    };
    for (const auto& c : cases) {
        INFO(std::string(c.name));
        const auto e = error_of(fi::decode_catalogue_page(c.page));
        CHECK(e.code == "invalid");
        CHECK(e.field == c.field);
        CHECK(e.message.rfind("catalogue item page:", 0) == 0);
    }
    CHECK(fi::decode_inspector_page(
              {{"items", json::array()}, {"has_more", false}, {"next_cursor", nullptr}})
              .ok());
}

TEST_CASE("modeljson: roster and assignment pages decode item by item") {
    json bad = inspector_json();
    bad["id"] = "I-999";
    bad["third_party"] = nullptr;
    auto roster = fi::decode_inspector_page(
        {{"items", {inspector_json(), bad}}, {"next_cursor", "r-1"}, {"has_more", false}});
    REQUIRE(roster.ok());
    CHECK(roster->items.size() == 1);
    REQUIRE(roster->rejected.size() == 1);
    CHECK(roster->rejected[0].id == "I-999");
    CHECK(roster->rejected[0].error.field == "items[1].third_party");

    json leaderless = assignment_json();
    leaderless["id"] = "A-2";
    leaderless["team"][0]["role"] = "member";
    auto assignments = fi::decode_assignment_page(
        {{"items", {leaderless, assignment_json(), {{"id", "A-0"}, {"deleted", true}}}},
         {"next_cursor", "a-9"},
         {"has_more", false}});
    REQUIRE(assignments.ok());
    REQUIRE(assignments->items.size() == 1);
    CHECK(assignments->items[0].id == "A-2026Q4-0012");
    CHECK(assignments->deleted_ids == std::vector<std::string>{"A-0"});
    REQUIRE(assignments->rejected.size() == 1);
    CHECK(assignments->rejected[0].error.message == "assignment A-2: the team has no leader");
}

// ---------------------------------------------------------------------------------------------
// Cross-check

TEST_CASE("modeljson: an assignment naming an unknown item is rejected with the item") {
    auto a = fi::decode_assignment(assignment_json());
    REQUIRE(a.ok());
    std::vector<fi::CatalogueItem> catalogue{fi::decode_catalogue_item(catalogue_json()).value()};
    const auto lookup = fi::lookup_in(catalogue);

    auto errors = fi::cross_check_assignment(*a, lookup);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == "unknown_item");
    CHECK(errors[0].field == "item_ids[1]");
    CHECK(errors[0].message.find("POLL-02") != std::string::npos);
    CHECK(errors[0].message.find("A-2026Q4-0012") != std::string::npos);

    fi::CatalogueItem poll = catalogue[0];
    poll.id = "POLL-02";
    catalogue.push_back(poll);
    CHECK(fi::cross_check_assignment(*a, fi::lookup_in(catalogue)).empty());
    CHECK(fi::cross_check_assignment(*a, fi::CatalogueLookup{}).size() == 2);
}

TEST_CASE("modeljson: look-ups find by id and give nullptr otherwise") {
    std::vector<fi::Inspector> roster{fi::decode_inspector(inspector_json()).value()};
    const auto find = fi::lookup_in(roster);
    REQUIRE(find("I-031") != nullptr);
    CHECK(find("I-031")->name == "张伟");
    CHECK(find("I-032") == nullptr);
    CHECK(find("") == nullptr);
}
