// The quarterly statistics (监管情况统计表) on a generated data set, against counts the test
// keeps while it generates the data (not by calling the code under test).

#include "core/metastore.h"
#include "core/rules.h"
#include "core/statistics.h"
#include "support/domainfixture.h"
#include "support/recordmaker.h"

#include <doctest/doctest.h>
#include <map>
#include <random>
#include <set>
#include <sstream>

namespace fi::test {

TEST_CASE("statistics: quarters are spelled 2026Q4") {
    auto q = Quarter::parse("2026Q4");
    REQUIRE(q.ok());
    CHECK(q->first_day().to_string() == "2026-10-01");
    CHECK(q->last_day().to_string() == "2026-12-31");
    CHECK(q->report_due().to_string() == "2026-12-20");
    CHECK(Quarter::parse("2026Q1")->last_day().to_string() == "2026-03-31");
    CHECK(Quarter::parse("2024Q1")->report_due().to_string() == "2024-03-20");
    for (const char* bad :
         {"", "2026", "2026Q5", "2026Q0", "2026-4", "26Q4", "2026Q44", "abcdQ1"}) {
        auto r = Quarter::parse(bad);
        CHECK_FALSE(r.ok());
        if (!r.ok())
            CHECK(r.error().message.find("2026Q4") != std::string::npos);
    }
}

TEST_CASE("statistics: a generated quarter equals counts kept while generating") {
    Fixture f;
    std::mt19937 rng(20261128);
    const char* category_names[] = {"key", "general", "special"};

    // What the table must say, counted here.
    std::map<std::string, std::set<std::string>> drawn; // category → targets
    std::map<std::string, std::int64_t> inspected_by;
    std::int64_t revoked = 0, not_inspected = 0, inspected = 0, onsite = 0, offsite = 0, joint = 0,
                 confidential = 0, uploaded = 0, late = 0, unconfirmed = 0;
    std::map<Outcome, std::int64_t> outcomes;

    // The fixture's own A-1 (key target T-001, Q4, on site, joint) has no record.
    drawn["key"].insert("T-001");
    ++not_inspected;

    for (int i = 0; i < 40; ++i) {
        const int target_no = i % 34; // a few targets drawn twice
        const std::string category = category_names[target_no % 3];
        const bool in_q4 = rng() % 4 != 0;
        const bool is_revoked = rng() % 10 == 0;
        const bool offsite_mode = rng() % 3 == 0;
        const bool is_joint = rng() % 2 == 0;
        json a = assignment_json();
        a["id"] = "A-G" + std::to_string(i);
        a["target"]["id"] = "T-G" + std::to_string(target_no);
        a["target"]["category"] = category;
        a["mode"] = offsite_mode ? "offsite" : "onsite";
        a["joint_departments"] = is_joint ? json::array({"市商务局"}) : json::array();
        a["window"] = in_q4 ? json{{"from", "2026-10-01"}, {"to", "2026-12-31"}}
                            : json{{"from", "2026-07-01"}, {"to", "2026-09-30"}};
        a["status"] = is_revoked ? "revoked" : "active";
        auto applied =
            f.refs.apply_assignment_page(page(json::array({a}), "g" + std::to_string(i)));
        REQUIRE(applied.ok());
        REQUIRE(applied->applied == 1);
        if (is_revoked) {
            revoked += in_q4 ? 1 : 0;
            continue;
        }
        const int kind = static_cast<int>(rng() % 5); // 0 nothing, 1 a draft, else completed
        if (in_q4) {
            drawn[category].insert("T-G" + std::to_string(target_no));
            if (kind < 2)
                ++not_inspected;
        }
        if (kind == 0)
            continue;
        auto assignment = f.refs.assignment(a["id"].get<std::string>());
        REQUIRE(assignment.ok());
        REQUIRE(assignment->has_value());
        const std::string id = make_uuid_v4();
        InspectionRecord r = make_valid_record(f.refs, **assignment, id, false).record;
        const bool day_in_q4 = rng() % 5 != 0;
        const std::string day = day_in_q4 ? "2026-11-" + std::to_string(10 + i % 15) : "2026-08-14";
        r.inspection_day = day;
        r.started_at = day + "T09:00:00.000+08:00";
        r.finished_at = day + "T10:00:00.000+08:00";
        r.clock.device_started_at = r.started_at;
        const Outcome outcome = static_cast<Outcome>(rng() % 3);
        r.outcome = outcome;
        r.public_text = std::string(public_text_for(outcome));
        const bool secret = rng() % 6 == 0;
        if (secret) {
            r.confidential = true;
            r.confidential_reason = "涉及国家安全";
            r.confidential_ground = fi::ConfidentialGround::national_security;
        }
        REQUIRE(f.records.create_draft(r).ok());
        if (kind == 1)
            continue;
        auto done = f.records.complete(id, device);
        REQUIRE_MESSAGE(done.ok(), (done.ok() ? "" : done.error().message));
        const int upload = static_cast<int>(rng() % 3); // 0 not yet, 1 on the day, 2 late
        if (upload > 0)
            REQUIRE(f.records.mark_uploaded(id, day + "T20:00:00.000+08:00", upload == 2).ok());
        if (!day_in_q4)
            continue;
        ++inspected;
        ++inspected_by[category];
        ++(offsite_mode ? offsite : onsite);
        joint += is_joint ? 1 : 0;
        ++outcomes[outcome];
        confidential += secret ? 1 : 0;
        if (upload == 0)
            ++unconfirmed;
        else
            ++uploaded;
        late += upload == 2 ? 1 : 0;
    }
    REQUIRE(inspected > 5); // the seed makes a meaningful set

    auto stats = compute_quarter_statistics(f.db, *Quarter::parse("2026Q4"), "鄂州市生态环境局",
                                            "测试I-04 (I-04)");
    REQUIRE_MESSAGE(stats.ok(), (stats.ok() ? "" : stats.error().message));
    auto value = [&](const std::string& key) -> std::optional<std::int64_t> {
        const auto* row = stats->row(key);
        REQUIRE_MESSAGE(row != nullptr, key);
        return row->value;
    };
    auto size = [](const std::set<std::string>& s) { return static_cast<std::int64_t>(s.size()); };
    CHECK(value("targets_drawn") ==
          size(drawn["key"]) + size(drawn["general"]) + size(drawn["special"]));
    CHECK(value("targets_drawn_key") == size(drawn["key"]));
    CHECK(value("targets_drawn_general") == size(drawn["general"]));
    CHECK(value("targets_drawn_special") == size(drawn["special"]));
    CHECK(value("assignments_redrawn") == revoked);
    CHECK(value("inspected") == inspected);
    CHECK(value("inspected_key") == inspected_by["key"]);
    CHECK(value("inspected_general") == inspected_by["general"]);
    CHECK(value("inspected_special") == inspected_by["special"]);
    CHECK(value("inspected_onsite") == onsite);
    CHECK(value("inspected_offsite") == offsite);
    CHECK(value("joint_inspections") == joint);
    CHECK(value("drawn_not_inspected") == not_inspected);
    CHECK(value("outcome_no_problem") == outcomes[Outcome::no_problem]);
    CHECK(value("outcome_rectification_ordered") == outcomes[Outcome::rectification_ordered]);
    CHECK(value("outcome_case_opened") == outcomes[Outcome::case_opened]);
    CHECK(value("confidential") == confidential);
    CHECK(value("confirmed_by_central") == uploaded);
    CHECK(value("late_uploads") == late);
    CHECK(value("awaiting_confirmation") == unconfirmed);
    // What a tablet cannot know is said, not guessed.
    CHECK_FALSE(value("unit_targets_drawn").has_value());
    CHECK_FALSE(value("unit_inspected").has_value());
    CHECK_FALSE(value("unit_late_uploads").has_value());

    // The CSV says the same, line by line.
    const std::string csv = statistics_csv(*stats);
    REQUIRE(csv.starts_with("\xEF\xBB\xBF"));
    std::istringstream lines(csv.substr(3));
    std::string line;
    std::getline(lines, line);
    CHECK(line == "key,section,项目,item,value,note\r");
    std::map<std::string, std::string> csv_value;
    while (std::getline(lines, line)) {
        std::vector<std::string> fields;
        std::string field;
        bool quoted = false;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const char c = line[i];
            if (c == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.push_back(field);
                field.clear();
            } else if (c != '\r') {
                field += c;
            }
        }
        fields.push_back(field);
        REQUIRE(fields.size() == 6);
        csv_value[fields[0]] = fields[4];
    }
    CHECK(csv_value.size() == stats->rows.size());
    CHECK(csv_value["inspected"] == std::to_string(inspected));
    CHECK(csv_value["late_uploads"] == std::to_string(late));
    CHECK(csv_value["unit_inspected"] == std::string(not_known_text));

    // Another quarter sees only what is in it.
    auto q3 = compute_quarter_statistics(f.db, *Quarter::parse("2026Q3"), "", "");
    REQUIRE(q3.ok());
    CHECK(q3->row("inspected")->value > 0);
    CHECK(*q3->row("inspected")->value + inspected <= 40);
}

} // namespace fi::test
