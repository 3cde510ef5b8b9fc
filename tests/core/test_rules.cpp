#include "core/creditcode.h"
#include "core/rules.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using fi::Problem;
using fi::Problems;

namespace {

fi::Checkpoint checkpoint(std::string id, std::string text, fi::CheckpointKind kind, bool required,
                          bool photo_on_fail = false) {
    fi::Checkpoint cp;
    cp.id = std::move(id);
    cp.text = std::move(text);
    cp.kind = kind;
    cp.required = required;
    cp.photo_on_fail = photo_on_fail;
    return cp;
}

fi::Inspector inspector(std::string id, std::optional<std::string> cert, bool third_party) {
    fi::Inspector in;
    in.id = std::move(id);
    in.name = "检查员" + in.id;
    in.cert_no = std::move(cert);
    in.third_party = third_party;
    return in;
}

// A valid on-site inspection of two items by the drawn leader and member; each test breaks
// one thing.
struct Fixture {
    std::vector<fi::CatalogueItem> catalogue;
    std::vector<fi::Inspector> roster;
    fi::Assignment assignment;
    fi::InspectionRecord record;

    Fixture() {
        fi::CatalogueItem ods;
        ods.id = "ODS-15";
        ods.code = "15";
        ods.title = "消耗臭氧层物质含氢氯氟烃(HCFCs)年度生产配额、使用配额情况的检查";
        ods.legal_basis = {"《消耗臭氧层物质管理条例》第十一条"};
        ods.version = 3;
        using K = fi::CheckpointKind;
        ods.checkpoints = {
            checkpoint("ODS-15-1", "是否取得年度生产/使用配额", K::pass_fail, true, true),
            checkpoint("ODS-15-2", "实际使用量(吨)", K::number, true),
            checkpoint("ODS-15-3", "备案文件编号", K::text, false),
            checkpoint("ODS-15-4", "使用用途", K::choice, true)};
        ods.checkpoints[1].unit = "吨";
        ods.checkpoints[3].choices = {"制冷", "发泡", "清洗", "其他"};

        fi::CatalogueItem poll;
        poll.id = "POLL-02";
        poll.code = "02";
        poll.title = "污染防治设施运行情况";
        poll.legal_basis = {"《中华人民共和国大气污染防治法》第二十条"};
        poll.version = 1;
        poll.checkpoints = {checkpoint("POLL-02-1", "治理设施是否正常运行", K::pass_fail, true),
                            checkpoint("POLL-02-2", "运行记录情况", K::text, true)};
        catalogue = {ods, poll};

        roster = {inspector("I-031", "鄂环执0031", false), inspector("I-118", "鄂环执0118", false),
                  inspector("I-205", std::nullopt, false), inspector("I-206", "鄂环执0206", true),
                  inspector("X-201", std::nullopt, true),  inspector("I-300", "鄂环执0300", false)};

        assignment.id = "A-2026Q4-0012";
        assignment.revision = 1;
        assignment.status = fi::AssignmentStatus::active;
        assignment.plan = {"P-2026-07", "2026年第四季度重点监管对象双随机抽查", 2026, "routine",
                           "市生态环境综合执法支队"};
        assignment.target.id = "T-00931";
        assignment.target.name = "鄂州某化工有限公司";
        assignment.target.credit_code = fi::make_credit_code("91420700MA4F00000").value();
        assignment.target.category = fi::TargetCategory::key;
        assignment.item_ids = {"ODS-15", "POLL-02"};
        assignment.mode = fi::InspectionMode::onsite;
        assignment.team = {{"I-031", fi::TeamRole::leader},
                           {"I-118", fi::TeamRole::member},
                           {"I-205", fi::TeamRole::member},
                           {"I-206", fi::TeamRole::member},
                           {"X-201", fi::TeamRole::expert}};
        assignment.window_from = "2026-10-01";
        assignment.window_to = "2026-12-31";
        assignment.draw_id = "D-2026Q4-03";

        record.id = "5f0c1b9e-8a1d-4c57-9d2e-0b7a4c7e2f11";
        record.assignment_id = assignment.id;
        record.assignment_revision = 1;
        record.inspection_day = "2026-11-28";
        record.started_at = "2026-11-28T09:30:00.000+08:00";
        record.finished_at = "2026-11-28T10:05:12.345+08:00";
        record.clock = {"2026-11-28T09:30:01.520+08:00", -1520, "server"};
        record.location = fi::Location{30391234, 114894321, 8};
        record.inspectors_present = {"I-031", "I-118"};
        record.answers = {
            {"ODS-15", "ODS-15-1", std::string("fail"), "配额文件过期"}, // 0
            {"ODS-15", "ODS-15-2", std::int64_t{12}, ""},                // 1
            {"ODS-15", "ODS-15-4", std::string("制冷"), ""},             // 2
            {"POLL-02", "POLL-02-1", std::string("pass"), ""},           // 3
            {"POLL-02", "POLL-02-2", std::string("运行记录齐全"), ""},   // 4
        };
        record.findings = {{"8e2f4b1a-2c3d-4e5f-8a9b-0c1d2e3f4a5b",
                            "ODS-15",
                            "ODS-15-1",
                            "未取得2026年度使用配额",
                            {"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"}}};
        fi::PhotoRef photo;
        photo.id = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
        photo.sha256 = "21ac2586e213d1f490778a07bf0025a98fc57595863a282372bac594b398322b";
        photo.bytes = 17;
        photo.mime = "image/jpeg";
        photo.taken_at = "2026-11-28T09:41:07.000+08:00";
        photo.finding_id = record.findings[0].id;
        record.photos = {photo};
        record.outcome = fi::Outcome::rectification_ordered;
        record.public_text = "发现问题已责令整改";
        record.draw_verified = true;
    }

    fi::CatalogueLookup items() const { return fi::lookup_in(catalogue); }
    fi::RosterLookup people() const { return fi::lookup_in(roster); }
    fi::CatalogueItem& item(std::string_view id) {
        for (auto& i : catalogue)
            if (i.id == id)
                return i;
        FAIL("no item " << id);
        return catalogue.front();
    }

    Problems completion() const {
        return fi::validate_for_completion(record, &assignment, items(), people());
    }
    std::optional<Problem> intake(std::string_view caller = "I-031") const {
        return fi::validate_for_intake(record, &assignment, items(), people(), caller);
    }
};

std::string dump(const Problems& ps) {
    std::string out;
    for (const auto& p : ps)
        out += "\n  [" + p.code + "] " + p.field + ": " + p.message;
    return out.empty() ? "(no problems)" : out;
}

bool has(const Problems& ps, std::string_view code, std::string_view field) {
    for (const auto& p : ps)
        if (p.code == code && p.field == field)
            return !p.message.empty();
    return false;
}

#define CHECK_PROBLEM(ps, code, field) CHECK_MESSAGE(has((ps), (code), (field)), dump(ps))
#define CHECK_ONLY_PROBLEM(ps, code, field)                                                        \
    do {                                                                                           \
        CHECK_PROBLEM(ps, code, field);                                                            \
        CHECK_MESSAGE((ps).size() == 1, dump(ps));                                                 \
    } while (false)
#define CHECK_PASSES(ps) CHECK_MESSAGE((ps).empty(), dump(ps))

} // namespace

// ---------------------------------------------------------------------------------------------
TEST_CASE("rules: the fixture record passes every rule") {
    const Fixture f;
    CHECK_PASSES(f.completion());
    CHECK_FALSE(f.intake().has_value());
    CHECK_FALSE(fi::credit_code_warning(f.assignment.target).has_value());
}

TEST_CASE("rules: public text is the fixed phrasing of each outcome") {
    CHECK(fi::public_text_for(fi::Outcome::no_problem) == "未发现问题");
    CHECK(fi::public_text_for(fi::Outcome::rectification_ordered) == "发现问题已责令整改");
    CHECK(fi::public_text_for(fi::Outcome::case_opened) == "发现违法行为已立案调查");
}

// ---------------------------------------------------------------------------------------------
// 三个不查

TEST_CASE("rules: a record without its assignment is not_assigned") {
    const Fixture f;
    auto ps = fi::validate_for_completion(f.record, nullptr, f.items(), f.people());
    CHECK_ONLY_PROBLEM(ps, "not_assigned", "assignment_id");

    fi::Assignment other = f.assignment;
    other.id = "A-2026Q4-9999";
    ps = fi::validate_for_completion(f.record, &other, f.items(), f.people());
    CHECK_ONLY_PROBLEM(ps, "not_assigned", "assignment_id");
}

TEST_CASE("rules: a revoked assignment or an old revision is assignment_revoked") {
    Fixture f;
    f.assignment.status = fi::AssignmentStatus::revoked;
    f.assignment.revision = 2;
    CHECK_ONLY_PROBLEM(f.completion(), "assignment_revoked", "assignment_id");

    f.assignment.status = fi::AssignmentStatus::active;
    CHECK_ONLY_PROBLEM(f.completion(), "assignment_revoked", "assignment_revision");
    f.record.assignment_revision = 2;
    CHECK_PASSES(f.completion());
}

TEST_CASE("rules: no plan, no inspection (无计划清单不检查)") {
    Fixture f;
    f.assignment.plan = {};
    CHECK_ONLY_PROBLEM(f.completion(), "no_plan", "plan");
}

TEST_CASE("rules: no items, no inspection (无事项清单不检查)") {
    Fixture f;
    f.assignment.item_ids.clear();
    const auto ps = fi::check_three_no_checks(f.record, &f.assignment, f.items());
    CHECK_PROBLEM(ps, "no_items", "item_ids");
    // Every answer is now outside the assignment.
    CHECK_PROBLEM(ps, "item_not_in_assignment", "answers[0].item_id");
}

TEST_CASE("rules: an assigned item the catalogue does not hold is unknown_item") {
    Fixture f;
    f.catalogue.pop_back(); // POLL-02
    const auto ps = f.completion();
    CHECK_ONLY_PROBLEM(ps, "unknown_item", "POLL-02");
    CHECK(ps[0].message.find("POLL-02") != std::string::npos);
}

TEST_CASE("rules: an item without legal basis is not inspected (无法律依据不检查)") {
    Fixture f;
    f.item("POLL-02").legal_basis.clear();
    CHECK_ONLY_PROBLEM(f.completion(), "no_legal_basis", "POLL-02");
    f.item("POLL-02").legal_basis = {" ", ""};
    CHECK_ONLY_PROBLEM(f.completion(), "no_legal_basis", "POLL-02");
}

TEST_CASE("rules: an item without legal basis is refused once, and none of its answers asked for") {
    // The app lets nobody answer such an item: the record has no answer for it, and the only
    // problem is the item itself, not a missing_answer for each checkpoint it forbids.
    Fixture f;
    f.item("POLL-02").legal_basis.clear();
    std::erase_if(f.record.answers, [](const fi::Answer& a) { return a.item_id == "POLL-02"; });
    CHECK_ONLY_PROBLEM(f.completion(), "no_legal_basis", "POLL-02");
}

TEST_CASE("rules: answers and findings for items outside the assignment are refused") {
    Fixture f;
    f.record.answers.push_back({"ODS-16", "ODS-16-1", std::string("pass"), ""});
    CHECK_ONLY_PROBLEM(f.completion(), "item_not_in_assignment", "answers[5].item_id");

    Fixture g;
    g.record.findings.push_back({"f-2", "ODS-16", "ODS-16-1", "另一事项的问题", {}});
    CHECK_ONLY_PROBLEM(g.completion(), "item_not_in_assignment", "findings[1].item_id");
}

// ---------------------------------------------------------------------------------------------
// Completeness

TEST_CASE("rules: every required checkpoint needs an answer, optional ones need not") {
    Fixture f;
    f.record.answers.erase(f.record.answers.begin() + 2); // ODS-15-4
    auto ps = f.completion();
    CHECK_ONLY_PROBLEM(ps, "missing_answer", "ODS-15-4");
    CHECK(ps[0].message.find("使用用途") != std::string::npos);

    Fixture g; // ODS-15-3 is optional and unanswered in the fixture
    g.record.answers.push_back({"ODS-15", "ODS-15-3", std::string("备2026-001"), ""});
    CHECK_PASSES(g.completion());
}

TEST_CASE("rules: a required text of blanks only is a missing answer") {
    Fixture f;
    f.record.answers[4].value = std::string(" \t　");
    CHECK_ONLY_PROBLEM(f.completion(), "missing_answer", "answers[4].value");
}

TEST_CASE("rules: a pass_fail answer is pass, fail or na") {
    Fixture f;
    f.record.answers[3].value = std::string("na");
    CHECK_PASSES(f.completion());
    f.record.answers[3].value = std::string("yes");
    CHECK_ONLY_PROBLEM(f.completion(), "invalid", "answers[3].value");
    f.record.answers[3].value = std::int64_t{1};
    CHECK_ONLY_PROBLEM(f.completion(), "invalid", "answers[3].value");
}

TEST_CASE("rules: a number answer is an integer") {
    Fixture f;
    f.record.answers[1].value = std::int64_t{-3};
    CHECK_PASSES(f.completion());
    f.record.answers[1].value = std::string("12");
    auto ps = f.completion();
    CHECK_ONLY_PROBLEM(ps, "invalid", "answers[1].value");
    CHECK(ps[0].message.find("吨") != std::string::npos);
}

TEST_CASE("rules: a text answer is text of at most 4000 characters") {
    Fixture f;
    std::string text;
    for (int i = 0; i < 4000; ++i)
        text += "字"; // 4000 characters, 12000 bytes: characters count, not bytes
    f.record.answers[4].value = text;
    CHECK_PASSES(f.completion());
    f.record.answers[4].value = text + "a";
    CHECK_ONLY_PROBLEM(f.completion(), "text_too_long", "answers[4].value");
    f.record.answers[4].value = std::int64_t{7};
    CHECK_ONLY_PROBLEM(f.completion(), "invalid", "answers[4].value");
}

TEST_CASE("rules: a note is at most 4000 characters") {
    Fixture f;
    f.record.answers[1].note = std::string(4001, 'x');
    CHECK_ONLY_PROBLEM(f.completion(), "text_too_long", "answers[1].note");
}

TEST_CASE("rules: a choice answer is one of the choices") {
    Fixture f;
    f.record.answers[2].value = std::string("其他");
    CHECK_PASSES(f.completion());
    f.record.answers[2].value = std::string("冷藏");
    auto ps = f.completion();
    CHECK_ONLY_PROBLEM(ps, "invalid", "answers[2].value");
    CHECK(ps[0].message.find("制冷, 发泡, 清洗, 其他") != std::string::npos);
}

TEST_CASE("rules: an answer to a checkpoint the item lacks is refused") {
    Fixture f;
    f.record.answers.push_back({"ODS-15", "ODS-15-9", std::string("pass"), ""});
    CHECK_ONLY_PROBLEM(f.completion(), "invalid", "answers[5].checkpoint_id");
}

TEST_CASE("rules: a checkpoint answered twice is refused") {
    Fixture f;
    f.record.answers.push_back({"POLL-02", "POLL-02-1", std::string("fail"), ""});
    auto ps = fi::check_completeness(f.record, f.assignment, f.items());
    CHECK_ONLY_PROBLEM(ps, "invalid", "answers[5]");
}

// ---------------------------------------------------------------------------------------------
// Findings and photos

TEST_CASE("rules: a fail needs a finding") {
    Fixture f;
    f.record.findings.clear();
    f.record.photos[0].finding_id.reset();
    CHECK_ONLY_PROBLEM(f.completion(), "fail_without_finding", "answers[0].value");

    // A finding on another checkpoint does not cover it.
    Fixture g;
    g.record.findings[0].checkpoint_id = "ODS-15-2";
    CHECK_PROBLEM(g.completion(), "fail_without_finding", "answers[0].value");
}

TEST_CASE("rules: a fail's finding needs a description") {
    Fixture f;
    f.record.findings[0].description = "  ";
    CHECK_ONLY_PROBLEM(f.completion(), "fail_without_finding", "findings[0].description");
}

TEST_CASE("rules: any finding needs a description") {
    Fixture f;
    f.record.findings.push_back({"f-2", "POLL-02", "POLL-02-1", "", {}});
    CHECK_ONLY_PROBLEM(f.completion(), "finding_description_required", "findings[1].description");
    f.record.findings[1].description = "排气筒标识缺失";
    CHECK_PASSES(f.completion());
}

TEST_CASE("rules: a failed photo_on_fail checkpoint needs a photo on its finding") {
    Fixture f;
    f.record.findings[0].photo_ids.clear();
    f.record.photos.clear();
    CHECK_ONLY_PROBLEM(f.completion(), "photo_required", "findings[0].photo_ids");

    // Without photo_on_fail a finding without photo is enough.
    Fixture g;
    g.record.answers[3].value = std::string("fail");
    g.record.outcome = fi::Outcome::rectification_ordered;
    g.record.findings.push_back({"f-2", "POLL-02", "POLL-02-1", "治理设施停运", {}});
    CHECK_PASSES(g.completion());
}

TEST_CASE("rules: a finding's photo must be declared for that finding") {
    Fixture f;
    f.record.findings[0].photo_ids = {"9d9d9d9d-0000-4000-8000-000000000000"};
    auto ps = f.completion();
    CHECK_PROBLEM(ps, "photo_not_declared", "findings[0].photo_ids[0]");
    CHECK_PROBLEM(ps, "photo_required", "findings[0].photo_ids");

    Fixture g; // declared, but for no finding
    g.record.photos[0].finding_id.reset();
    CHECK_PROBLEM(g.completion(), "photo_not_declared", "findings[0].photo_ids[0]");
}

TEST_CASE("rules: a photo's finding must exist and photo ids are unique") {
    Fixture f;
    fi::PhotoRef extra = f.record.photos[0];
    extra.id = "11111111-2222-4333-8444-555555555555";
    extra.finding_id = "no-such-finding";
    f.record.photos.push_back(extra);
    CHECK_ONLY_PROBLEM(f.completion(), "invalid", "photos[1].finding_id");

    Fixture g;
    g.record.photos.push_back(g.record.photos[0]);
    CHECK_ONLY_PROBLEM(g.completion(), "invalid", "photos[1].id");
}

TEST_CASE("rules: a photo carries a SHA-256 and a size within the limit") {
    Fixture f;
    f.record.photos[0].sha256 = "21AC2586";
    CHECK_ONLY_PROBLEM(f.completion(), "invalid", "photos[0].sha256");

    Fixture g;
    g.record.photos[0].bytes = fi::max_photo_bytes + 1;
    CHECK_ONLY_PROBLEM(g.completion(), "photo_too_large", "photos[0].bytes");
    g.record.photos[0].bytes = fi::max_photo_bytes;
    CHECK_PASSES(g.completion());
    g.record.photos[0].bytes = 0;
    CHECK_ONLY_PROBLEM(g.completion(), "invalid", "photos[0].bytes");
}

TEST_CASE("rules: at most 200 photos") {
    Fixture f;
    const fi::PhotoRef base = f.record.photos[0];
    for (std::size_t i = 1; i < fi::max_photos; ++i) {
        fi::PhotoRef p = base;
        p.id = "photo-" + std::to_string(i);
        f.record.photos.push_back(p);
    }
    CHECK_PASSES(f.completion());
    f.record.photos.push_back(base);
    f.record.photos.back().id = "photo-200";
    CHECK_ONLY_PROBLEM(f.completion(), "too_many_photos", "photos");
}

TEST_CASE("rules: finding ids are unique and name a checkpoint of their item") {
    Fixture f;
    f.record.findings.push_back(f.record.findings[0]);
    CHECK_ONLY_PROBLEM(f.completion(), "invalid", "findings[1].id");

    Fixture g;
    g.record.findings.push_back({"f-2", "POLL-02", "POLL-02-7", "不存在的检查点", {}});
    CHECK_ONLY_PROBLEM(g.completion(), "invalid", "findings[1].checkpoint_id");
}

// ---------------------------------------------------------------------------------------------
// Outcome

TEST_CASE("rules: the outcome is required to complete") {
    Fixture f;
    f.record.outcome.reset();
    CHECK_PROBLEM(f.completion(), "outcome_required", "outcome");
}

TEST_CASE("rules: a fail forbids no_problem") {
    Fixture f;
    f.record.outcome = fi::Outcome::no_problem;
    f.record.public_text = "未发现问题";
    auto ps = f.completion();
    CHECK_ONLY_PROBLEM(ps, "outcome_inconsistent", "outcome");
    CHECK(ps[0].message.find("ODS-15-1") != std::string::npos);

    // Without any fail, no_problem is fine.
    Fixture g;
    g.record.answers[0].value = std::string("pass");
    g.record.findings.clear();
    g.record.photos.clear();
    g.record.outcome = fi::Outcome::no_problem;
    g.record.public_text = "未发现问题";
    CHECK_PASSES(g.completion());
}

TEST_CASE("rules: the public text is the outcome's fixed phrasing") {
    Fixture f;
    f.record.public_text = "已整改";
    CHECK_ONLY_PROBLEM(f.completion(), "outcome_inconsistent", "public_text");
    f.record.outcome = fi::Outcome::case_opened;
    f.record.public_text = "发现违法行为已立案调查";
    CHECK_PASSES(f.completion());
}

TEST_CASE("rules: a confidential result needs its reason") {
    Fixture f;
    f.record.confidential = true;
    f.record.confidential_ground = fi::ConfidentialGround::national_security;
    CHECK_ONLY_PROBLEM(f.completion(), "confidential_reason_required", "confidential_reason");
    f.record.confidential_reason = "　";
    CHECK_ONLY_PROBLEM(f.completion(), "confidential_reason_required", "confidential_reason");
    f.record.confidential_reason = "涉及国家安全";
    CHECK_PASSES(f.completion());
}

TEST_CASE("rules: a confidential result needs its legal ground, each of the four will do") {
    Fixture f;
    f.record.confidential = true;
    f.record.confidential_reason = "涉及正在查处的案件";
    CHECK_ONLY_PROBLEM(f.completion(), "confidential_ground_required", "confidential_ground");
    // The central system's own 422 code, so the tablet's refusal and intake's agree.
    const auto refused = f.intake();
    REQUIRE(refused.has_value());
    CHECK(refused->code == "confidential_ground_required");
    for (auto g : {fi::ConfidentialGround::state_secret, fi::ConfidentialGround::national_security,
                   fi::ConfidentialGround::public_safety, fi::ConfidentialGround::other_law}) {
        INFO(std::string(fi::to_string(g)));
        f.record.confidential_ground = g;
        CHECK_PASSES(f.completion());
    }
    // A published result needs no ground.
    f.record.confidential = false;
    f.record.confidential_reason.reset();
    f.record.confidential_ground.reset();
    CHECK_PASSES(f.completion());
}

// ---------------------------------------------------------------------------------------------
// Presence

TEST_CASE("rules: on site needs two certified officers of the team present") {
    Fixture f;
    f.record.inspectors_present = {"I-031"};
    CHECK_ONLY_PROBLEM(f.completion(), "too_few_certified_present", "inspectors_present");

    SUBCASE("an expert does not count") {
        f.record.inspectors_present = {"I-031", "X-201"};
        CHECK_ONLY_PROBLEM(f.completion(), "too_few_certified_present", "inspectors_present");
    }
    SUBCASE("a member without certificate does not count") {
        f.record.inspectors_present = {"I-031", "I-205"};
        CHECK_ONLY_PROBLEM(f.completion(), "too_few_certified_present", "inspectors_present");
    }
    SUBCASE("a third-party member does not count, certificate or not") {
        f.record.inspectors_present = {"I-031", "I-206"};
        CHECK_ONLY_PROBLEM(f.completion(), "too_few_certified_present", "inspectors_present");
    }
    SUBCASE("an inspector missing from the roster does not count") {
        f.roster.erase(f.roster.begin() + 1); // I-118
        f.record.inspectors_present = {"I-031", "I-118"};
        CHECK_ONLY_PROBLEM(f.completion(), "too_few_certified_present", "inspectors_present");
    }
    SUBCASE("listing one officer twice does not make two") {
        f.record.inspectors_present = {"I-031", "I-031"};
        auto ps = f.completion();
        CHECK_PROBLEM(ps, "too_few_certified_present", "inspectors_present");
        CHECK_PROBLEM(ps, "invalid", "inspectors_present[1]");
    }
    SUBCASE("two certified officers and an expert pass") {
        f.record.inspectors_present = {"I-118", "X-201", "I-031", "I-205"};
        CHECK_PASSES(f.completion());
    }
}

TEST_CASE("rules: someone present who is not on the team is not_assigned") {
    Fixture f;
    f.record.inspectors_present.emplace_back("I-300"); // certified, in the roster, not drawn
    CHECK_ONLY_PROBLEM(f.completion(), "not_assigned", "inspectors_present[2]");
}

TEST_CASE("rules: on site needs a location and no off-site method") {
    Fixture f;
    f.record.location.reset();
    CHECK_ONLY_PROBLEM(f.completion(), "location_required", "location");

    Fixture g;
    g.record.offsite_method = fi::OffsiteMethod::drone;
    CHECK_ONLY_PROBLEM(g.completion(), "offsite_method_not_allowed", "offsite_method");
}

TEST_CASE("rules: off site needs the method, and neither location nor two officers") {
    Fixture f;
    f.assignment.mode = fi::InspectionMode::offsite;
    f.record.location.reset();
    f.record.inspectors_present = {"I-031"};
    CHECK_ONLY_PROBLEM(f.completion(), "offsite_method_required", "offsite_method");
    f.record.offsite_method = fi::OffsiteMethod::monitoring_data;
    CHECK_PASSES(f.completion());
}

// ---------------------------------------------------------------------------------------------
// Corrections

TEST_CASE("rules: a correction needs its reason, and a reason needs a corrected record") {
    Fixture f;
    f.record.supersedes = "4b0c1b9e-0000-4000-8000-000000000001";
    CHECK_ONLY_PROBLEM(f.completion(), "correction_reason_required", "correction_reason");
    f.record.correction_reason = " ";
    CHECK_ONLY_PROBLEM(f.completion(), "correction_reason_required", "correction_reason");
    f.record.correction_reason = "补充整改照片";
    CHECK_PASSES(f.completion());

    f.record.supersedes.reset();
    CHECK_ONLY_PROBLEM(f.completion(), "supersedes_required", "supersedes");
}

TEST_CASE("rules: a record cannot correct itself or an unnamed record") {
    Fixture f;
    f.record.supersedes = f.record.id;
    f.record.correction_reason = "更正";
    CHECK_ONLY_PROBLEM(f.completion(), "invalid", "supersedes");
    f.record.supersedes = "";
    CHECK_ONLY_PROBLEM(f.completion(), "invalid", "supersedes");
}

TEST_CASE("rules: a correction reason is at most 4000 characters") {
    Fixture f;
    f.record.supersedes = "4b0c1b9e-0000-4000-8000-000000000001";
    f.record.correction_reason = std::string(4001, 'r');
    CHECK_ONLY_PROBLEM(f.completion(), "text_too_long", "correction_reason");
}

// ---------------------------------------------------------------------------------------------
// Times

TEST_CASE("rules: the record's day and times are well formed and in order") {
    Fixture f;
    f.record.inspection_day = "2026-11-31";
    CHECK_ONLY_PROBLEM(f.completion(), "invalid", "inspection_day");

    Fixture g;
    g.record.started_at = "2026-11-28 09:30";
    CHECK_ONLY_PROBLEM(g.completion(), "invalid", "started_at");

    Fixture h;
    h.record.finished_at = "2026-11-28T09:29:59.999+08:00";
    CHECK_ONLY_PROBLEM(h.completion(), "invalid", "finished_at");

    Fixture k;
    k.record.clock.device_started_at = "yesterday";
    CHECK_ONLY_PROBLEM(k.completion(), "invalid", "clock.device_started_at");
}

TEST_CASE("rules: a record is not completed or accepted without its finish time") {
    Fixture f;
    f.record.finished_at.clear();
    CHECK_ONLY_PROBLEM(f.completion(), "invalid", "finished_at");
    CHECK_ONLY_PROBLEM(fi::check_times(f.record), "invalid", "finished_at");
    const auto p = f.intake();
    REQUIRE(p.has_value());
    CHECK(p->code == "invalid");
    CHECK(p->field == "finished_at");
}

// ---------------------------------------------------------------------------------------------
// Uploader and credit code

TEST_CASE("rules: only the leader or a member of the team uploads") {
    const Fixture f;
    CHECK(fi::check_uploader(f.assignment, "I-031").ok());
    CHECK(fi::check_uploader(f.assignment, "I-118").ok());

    const auto stranger = fi::check_uploader(f.assignment, "I-300");
    REQUIRE_FALSE(stranger.ok());
    CHECK(stranger.error().code == "not_assigned");
    CHECK(stranger.error().message.find("I-300") != std::string::npos);

    const auto expert = fi::check_uploader(f.assignment, "X-201");
    REQUIRE_FALSE(expert.ok());
    CHECK(expert.error().code == "not_assigned");
    CHECK(expert.error().message.find("expert") != std::string::npos);
}

TEST_CASE("rules: a bad credit code is a warning that names the target, not a refusal") {
    Fixture f;
    std::string code = f.assignment.target.credit_code;
    code.back() = code.back() == '0' ? '1' : '0';
    f.assignment.target.credit_code = code;
    const auto w = fi::credit_code_warning(f.assignment.target);
    REQUIRE(w.has_value());
    CHECK(w->code == "invalid_credit_code");
    CHECK(w->field == "target.credit_code");
    CHECK(w->message.find("鄂州某化工有限公司") != std::string::npos);
    CHECK(w->message.find(fi::check_credit_code(code).reason) != std::string::npos);
    CHECK_PASSES(f.completion());
    CHECK_FALSE(f.intake().has_value());

    f.assignment.target.credit_code = "";
    CHECK(fi::credit_code_warning(f.assignment.target).has_value());
}

// ---------------------------------------------------------------------------------------------
// Running them all

TEST_CASE("rules: completion lists every problem, each with its field") {
    Fixture f;
    f.record.answers.erase(f.record.answers.begin() + 1); // ODS-15-2 unanswered
    f.record.location.reset();
    f.record.confidential = true;
    f.record.inspectors_present.emplace_back("I-300");
    const auto ps = f.completion();
    CHECK_PROBLEM(ps, "missing_answer", "ODS-15-2");
    CHECK_PROBLEM(ps, "location_required", "location");
    CHECK_PROBLEM(ps, "confidential_reason_required", "confidential_reason");
    CHECK_PROBLEM(ps, "confidential_ground_required", "confidential_ground");
    CHECK_PROBLEM(ps, "not_assigned", "inspectors_present[2]");
    CHECK_MESSAGE(ps.size() == 5, dump(ps));
}

TEST_CASE("rules: intake codes are the central system's") {
    CHECK(fi::intake_code("not_assigned") == "not_assigned");
    CHECK(fi::intake_code("assignment_revoked") == "assignment_revoked");
    CHECK(fi::intake_code("item_not_in_assignment") == "item_not_in_assignment");
    CHECK(fi::intake_code("no_legal_basis") == "no_legal_basis");
    CHECK(fi::intake_code("missing_answer") == "missing_answer");
    CHECK(fi::intake_code("fail_without_finding") == "fail_without_finding");
    CHECK(fi::intake_code("outcome_inconsistent") == "outcome_inconsistent");
    CHECK(fi::intake_code("invalid") == "invalid");
    CHECK(fi::intake_code("confidential_ground_required") == "confidential_ground_required");
    CHECK(fi::intake_code("unknown_item") == "no_legal_basis");
    CHECK(fi::intake_code("photo_required") == "fail_without_finding");
    CHECK(fi::intake_code("text_too_long") == "too_large");
    CHECK(fi::intake_code("too_many_photos") == "too_large");
    CHECK(fi::intake_code("photo_too_large") == "too_large");
    for (const char* c :
         {"no_plan", "no_items", "outcome_required", "location_required",
          "too_few_certified_present", "offsite_method_required", "offsite_method_not_allowed",
          "correction_reason_required", "supersedes_required", "photo_not_declared",
          "confidential_reason_required", "finding_description_required"}) {
        INFO(std::string(c));
        CHECK(fi::intake_code(c) == "invalid");
    }
}

TEST_CASE("rules: intake checks the caller first") {
    Fixture f;
    f.record.answers.clear(); // would be missing_answer
    auto p = f.intake("I-300");
    REQUIRE(p.has_value());
    CHECK(p->code == "not_assigned");
    CHECK(p->field == "team");

    p = fi::validate_for_intake(f.record, nullptr, f.items(), f.people(), "I-031");
    REQUIRE(p.has_value());
    CHECK(p->code == "not_assigned");
    CHECK(p->field == "assignment_id");
}

TEST_CASE("rules: intake answers the first problem in the interface's order") {
    Fixture f;
    f.record.location.reset();                            // invalid
    f.record.public_text = "已整改";                      // outcome_inconsistent
    f.record.findings[0].description.clear();             // fail_without_finding
    f.record.answers.erase(f.record.answers.begin() + 2); // missing_answer
    f.record.answers.push_back({"ODS-16", "ODS-16-1", std::string("pass"), ""}); // item_not_in_
    f.assignment.status = fi::AssignmentStatus::revoked;                         // revoked

    const std::vector<std::string> expected = {"assignment_revoked",   "item_not_in_assignment",
                                               "missing_answer",       "fail_without_finding",
                                               "outcome_inconsistent", "invalid"};
    for (const auto& code : expected) {
        INFO(code);
        const auto p = f.intake();
        REQUIRE(p.has_value());
        CHECK(p->code == code);
        CHECK_FALSE(p->message.empty());
        if (code == "assignment_revoked")
            f.assignment.status = fi::AssignmentStatus::active;
        else if (code == "item_not_in_assignment")
            f.record.answers.pop_back();
        else if (code == "missing_answer")
            f.record.answers.insert(f.record.answers.begin() + 2,
                                    fi::Answer{"ODS-15", "ODS-15-4", std::string("制冷"), ""});
        else if (code == "fail_without_finding")
            f.record.findings[0].description = "未取得配额";
        else if (code == "outcome_inconsistent")
            f.record.public_text = "发现问题已责令整改";
        else
            f.record.location = fi::Location{30391234, 114894321, 8};
    }
    CHECK_FALSE(f.intake().has_value());
}

TEST_CASE("rules: intake maps the client's codes, keeping message and field") {
    Fixture f;
    f.record.location.reset();
    auto p = f.intake();
    REQUIRE(p.has_value());
    CHECK(p->code == "invalid");
    CHECK(p->field == "location");

    Fixture g;
    g.record.findings[0].photo_ids.clear();
    g.record.photos.clear();
    p = g.intake();
    REQUIRE(p.has_value());
    CHECK(p->code == "fail_without_finding");
    CHECK(p->field == "findings[0].photo_ids");

    Fixture h;
    h.record.answers[4].note = std::string(4001, 'n');
    h.record.location.reset();
    p = h.intake();
    REQUIRE(p.has_value());
    CHECK(p->code == "invalid"); // 422 before 413
    h.record.location = fi::Location{1, 2, 3};
    p = h.intake();
    REQUIRE(p.has_value());
    CHECK(p->code == "too_large");
    CHECK(p->field == "answers[4].note");

    Fixture k;
    k.catalogue.pop_back();
    p = k.intake();
    REQUIRE(p.has_value());
    CHECK(p->code == "no_legal_basis");
    CHECK(p->field == "POLL-02");
}
