// Publication of results (检查结果公开 within 20 working days), confidential holds and their
// approver, follow-ups of rectification orders and the bureau's reports: against the real server
// and its SQLite file, the server's clock moved by the test.
#include "core/date.h"
#include "core/statistics.h"
#include "core/workcalendar.h"
#include "server/admincli.h"
#include "server/approverpage.h"
#include "server/inspectionstore.h"
#include "server/publicationservice.h"
#include "server/publicationstore.h"
#include "server/referencedatastore.h"
#include "serverfixture.h"
#include "support/command.h"

#include <array>
#include <cctype>
#include <doctest/doctest.h>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>

using namespace fi::test;
using fi::Date;
using fi::server::PublicationEntry;
using fi::server::PublicResult;

namespace {

/// leader1 on their own tablet, and the on-site assignments they lead.
struct Leader {
    Tablet tablet;
    Http http;
    std::vector<json> led;

    explicit Leader(TestServer& ts)
        : http(ts.port(), sign_in(ts.port(), "leader1", tablet.device_id())) {
        for (const json& a : assignments_of(http))
            if (a["status"] == "active" && a["team"][0]["inspector_id"] == "I-022" &&
                a["mode"] == "onsite")
                led.push_back(a);
        REQUIRE(led.size() >= 3);
    }

    /// A new session from the same tablet (after the clock moved past the token's 12 hours).
    void sign_in_again(TestServer& ts) {
        http.set_token(sign_in(ts.port(), "leader1", tablet.device_id()));
    }

    Answer upload(const json& record) const {
        return http.post("/inspections", record,
                         {{"Idempotency-Key", record["id"].get<std::string>()}});
    }
    /// Chain and upload; the record as sent.
    json send(json record) {
        record = tablet.chain(std::move(record));
        const Answer a = upload(record);
        INFO(a.body);
        REQUIRE(a.status == 201);
        return record;
    }
};

/// The record made a finding: its first pass answer fails, with a finding and its photo.
json violation(json record, const std::string& outcome = "rectification_ordered") {
    for (json& answer : record["answers"]) {
        if (answer["value"] != "pass")
            continue;
        answer["value"] = "fail";
        const std::string finding = random_uuid();
        json& photo = record["photos"][0];
        photo["finding_id"] = finding;
        record["findings"].push_back({{"id", finding},
                                      {"item_id", answer["item_id"]},
                                      {"checkpoint_id", answer["checkpoint_id"]},
                                      {"description", "危废暂存间未设置防渗措施"},
                                      {"photo_ids", json::array({photo["id"]})}});
        break;
    }
    record["outcome"] = outcome;
    record["public_text"] =
        outcome == "case_opened" ? "发现违法行为已立案调查" : "发现问题已责令整改";
    return record;
}

/// The server's day now.
Date today(TestServer& ts) {
    return fi::china_date(ts.now());
}

/// Move the server's clock to `day`, same time of day.
void move_to(TestServer& ts, const Date& day) {
    ts.advance(std::chrono::hours(24) * (day.days_since_epoch() - today(ts).days_since_epoch()));
    REQUIRE(today(ts) == day);
}

std::optional<PublicationEntry> entry_of(TestServer& ts, const std::string& record_id) {
    auto all = ts.server().publication().entries();
    REQUIRE(all.ok());
    for (const PublicationEntry& e : *all)
        if (e.record_id == record_id)
            return e;
    return std::nullopt;
}

std::vector<PublicResult> results_for(TestServer& ts, const std::string& target_id) {
    auto all = ts.server().publication().public_results("");
    REQUIRE(all.ok());
    std::vector<PublicResult> out;
    for (const PublicResult& r : *all)
        if (r.target_id == target_id)
            out.push_back(r);
    return out;
}

/// The working days strictly after `from` up to and including `to`, one day at a time on the
/// server's calendar (not the calendar's own add_working_days).
int working_days_between(TestServer& ts, const Date& from, const Date& to) {
    auto years = ts.server().reference_data_store().calendar();
    REQUIRE(years.ok());
    json all = json::object();
    for (const auto& [year, body] : *years)
        all[std::to_string(year)] = json::parse(body);
    auto calendar = fi::WorkCalendar::from_json(json{{"years", all}});
    REQUIRE(calendar.ok());
    int n = 0;
    for (Date d = from.add_days(1); d <= to; d = d.add_days(1))
        n += calendar->is_working_day(d) ? 1 : 0;
    return n;
}

std::string admin(TestServer& ts, std::vector<std::string> args, int* code = nullptr) {
    std::istringstream in;
    std::ostringstream out;
    std::ostringstream err;
    args.insert(args.begin(), {"--data", ts.data_dir().string() + "/data"});
    const int rc = fi::server::AdminCli(in, out, err).run(args);
    if (code)
        *code = rc;
    return out.str() + err.str();
}

} // namespace

TEST_CASE("A result is public on its deadline day, 20 working days on, and not the day before") {
    TestServer ts;
    Leader l(ts);
    const Date inspected = today(ts);
    const json record = l.send(l.tablet.record(l.led[0]));
    const std::string target = l.led[0]["target"]["id"];

    auto e = entry_of(ts, record["id"]);
    REQUIRE(e);
    CHECK(e->deadline > inspected);
    CHECK(working_days_between(ts, inspected, e->deadline) == 20);
    CHECK(working_days_between(ts, inspected, e->deadline.add_days(-1)) == 19);
    CHECK_FALSE(e->is_public);
    CHECK(results_for(ts, target).empty());

    move_to(ts, e->deadline.add_days(-1));
    CHECK(results_for(ts, target).empty());
    CHECK_FALSE(entry_of(ts, record["id"])->is_public);

    move_to(ts, e->deadline);
    const auto shown = results_for(ts, target);
    REQUIRE(shown.size() == 1);
    CHECK(shown[0].published_on == e->deadline.to_string());
    CHECK(shown[0].public_text == "未发现问题");
    CHECK(shown[0].inspection_day == inspected.to_string());
    CHECK(shown[0].target_name == l.led[0]["target"]["name"]);
    CHECK(shown[0].unit == l.led[0]["plan"]["unit"]);
    CHECK(shown[0].plan_id == l.led[0]["plan"]["id"]);
    CHECK_FALSE(shown[0].withheld);
    CHECK_FALSE(shown[0].corrected);
    const auto counts =
        fi::server::PublicationService::counts(*ts.server().publication().entries());
    CHECK(counts.published == 1);
    CHECK(counts.on_time == 1);
    CHECK(counts.late == 0);
}

TEST_CASE("An officer publishes a result before its deadline, and once public it is not again") {
    TestServer ts;
    Leader l(ts);
    const json record = l.send(l.tablet.record(l.led[0]));
    const std::string target = l.led[0]["target"]["id"];
    CHECK(results_for(ts, target).empty());

    auto published = ts.server().publication().publish(record["id"].get<std::string>(), "admin");
    REQUIRE(published.ok());
    const auto shown = results_for(ts, target);
    REQUIRE(shown.size() == 1);
    CHECK(shown[0].published_on == today(ts).to_string());
    CHECK(published->published_by == "admin");

    auto again = ts.server().publication().publish(record["id"].get<std::string>(), "admin");
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == "already_published");
    int rc = 0;
    CHECK(admin(ts, {"publish", record["id"]}, &rc).find("public since") != std::string::npos);
    CHECK(rc == 1);
    const std::string listed = admin(ts, {"publication", "--published"}, &rc);
    CHECK(rc == 0);
    CHECK(listed.find(record["id"].get<std::string>()) != std::string::npos);
    CHECK(listed.find("published 1 (on time 1, late 0)") != std::string::npos);
    CHECK(admin(ts, {"publication", "--due"}).find(record["id"].get<std::string>()) ==
          std::string::npos);
    auto unknown = ts.server().publication().publish("no-such-record", "admin");
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == "not_found");
}

TEST_CASE("A correction replaces the published result: listed once, corrected") {
    TestServer ts;
    Leader l(ts);
    const std::string target = l.led[0]["target"]["id"];
    const json original = l.send(l.tablet.record(l.led[0]));
    REQUIRE(ts.server().publication().publish(original["id"].get<std::string>(), "admin").ok());
    REQUIRE(results_for(ts, target).size() == 1);
    CHECK(results_for(ts, target)[0].public_text == "未发现问题");

    ts.advance(std::chrono::hours(24));
    l.sign_in_again(ts);
    json c = violation(l.tablet.record(l.led[0], {"photo"}));
    c["supersedes"] = original["id"];
    c["correction_reason"] = "漏记危废暂存间问题";
    const json correction = l.send(c);

    const auto shown = results_for(ts, target);
    REQUIRE(shown.size() == 1);
    CHECK(shown[0].corrected);
    CHECK(shown[0].public_text == "发现问题已责令整改");
    CHECK(shown[0].published_on == today(ts).to_string()); // the day the correction arrived
    // The superseded record cannot be published again; the newest is the result.
    auto old = ts.server().publication().publish(original["id"].get<std::string>(), "admin");
    REQUIRE_FALSE(old.ok());
    CHECK(old.error().code == "invalid");
    auto all = ts.server().publication().entries();
    REQUIRE(all.ok());
    CHECK(std::count_if(all->begin(), all->end(),
                        [&](const PublicationEntry& e) { return e.target_id == target; }) == 1);
    CHECK(entry_of(ts, correction["id"])->original_id == original["id"]);
}

namespace {

/// The record asks to be held back, on `ground`.
json confidential(json record, const std::string& ground) {
    record["confidential"] = true;
    record["confidential_reason"] = "涉及在建军工配套项目";
    record["confidential_ground"] = ground;
    return record;
}

} // namespace

TEST_CASE("A confidential hold nobody approved, or an approver refused, is published on its "
          "deadline") {
    TestServer ts;
    Leader l(ts);
    const json unanswered = l.send(confidential(l.tablet.record(l.led[0]), "public_safety"));
    const json refused = l.send(confidential(l.tablet.record(l.led[1]), "other_law"));
    auto r = ts.server().publication().decide_hold(refused["id"].get<std::string>(), "approver",
                                                   false, "理由不成立");
    REQUIRE(r.ok());
    CHECK(r->hold == "refused");
    CHECK_FALSE(r->withheld);

    const auto e = entry_of(ts, unanswered["id"]);
    REQUIRE(e);
    CHECK(e->hold == "pending");
    const std::string held = admin(ts, {"publication", "--held"});
    CHECK(held.find(unanswered["id"].get<std::string>() + " ") != std::string::npos);
    CHECK(held.find("hold pending") != std::string::npos);
    CHECK(held.find("hold refused by approver") != std::string::npos);

    move_to(ts, e->deadline.add_days(-1));
    CHECK(results_for(ts, l.led[0]["target"]["id"]).empty());
    CHECK(results_for(ts, l.led[1]["target"]["id"]).empty());
    move_to(ts, e->deadline);
    for (const json& a : {l.led[0], l.led[1]}) {
        const auto shown = results_for(ts, a["target"]["id"]);
        REQUIRE(shown.size() == 1);
        CHECK_FALSE(shown[0].withheld);
        CHECK(shown[0].public_text == "未发现问题");
        CHECK(shown[0].ground.empty());
        CHECK(shown[0].published_on == e->deadline.to_string());
    }
    // Too late to approve now.
    auto late = ts.server().publication().decide_hold(unanswered["id"].get<std::string>(),
                                                      "approver", true, "");
    REQUIRE_FALSE(late.ok());
    CHECK(late.error().code == "hold_decided");
}

TEST_CASE(
    "An approved hold shows 不予公开 and the ground only, and its own inspector cannot approve") {
    TestServer ts;
    Leader l(ts);
    const json record = l.send(confidential(l.tablet.record(l.led[0]), "state_secret"));
    const std::string id = record["id"];
    // An approver who is also an inspector of the record (leader1's roster id) is refused, as
    // is the uploader without the role and an unknown name.
    fi::server::UserRow both;
    both.username = "approver-inspector";
    both.password_hash = "x";
    both.inspector_id = "I-022";
    both.name = "孔立宏";
    both.unit = "梁子湖分局";
    both.roles = {"approver", "inspector"};
    REQUIRE(ts.server().user_store().put_user(both).ok());
    for (const std::string who : {"approver-inspector", "leader1", "nobody"}) {
        auto refused = ts.server().publication().decide_hold(id, who, true, "");
        REQUIRE_FALSE(refused.ok());
        CHECK(refused.error().code == "forbidden");
    }
    CHECK(entry_of(ts, id)->hold == "pending");
    // The approvers' route: only for the role; the approver decides there.
    const Http as_leader(ts.port(), sign_in(ts.port(), "leader1"));
    CHECK(as_leader.get("/holds").status == 403);
    CHECK(as_leader.post("/holds/" + id, json{{"decision", "approve"}}).status == 403);
    const Http as_approver(ts.port(), sign_in(ts.port(), "approver"));
    const Answer listed = as_approver.get("/holds");
    REQUIRE(listed.status == 200);
    REQUIRE(listed.json_body()["holds"].size() == 1);
    CHECK(listed.json_body()["holds"][0]["record_id"] == id);
    CHECK(listed.json_body()["holds"][0]["may_decide"] == true);
    CHECK(as_approver.post("/holds/" + id, json{{"decision", "maybe"}}).status == 422);
    const Answer approved = as_approver.post("/holds/" + id, json{{"decision", "approve"}});
    INFO(approved.body);
    REQUIRE(approved.status == 200);
    CHECK(approved.json_body()["hold"] == "approved");
    CHECK(as_approver.post("/holds/" + id, json{{"decision", "refuse"}}).code() == "hold_decided");
    // Nobody publishes it early either.
    auto early = ts.server().publication().publish(id, "admin");
    REQUIRE_FALSE(early.ok());
    CHECK(early.error().code == "hold_decided");

    const Date deadline = entry_of(ts, id)->deadline;
    move_to(ts, deadline.add_days(-1));
    CHECK(results_for(ts, l.led[0]["target"]["id"]).empty());
    move_to(ts, deadline);
    const auto shown = results_for(ts, l.led[0]["target"]["id"]);
    REQUIRE(shown.size() == 1);
    CHECK(shown[0].withheld);
    CHECK(shown[0].ground == "state_secret");
    CHECK(shown[0].public_text.empty());
    const auto counts =
        fi::server::PublicationService::counts(*ts.server().publication().entries());
    CHECK(counts.withheld == 1);
}

TEST_CASE("A follow-up assignment appears the day after the rectification deadline, once") {
    TestServer ts;
    Leader l(ts);
    auto& scheduler = ts.server().follow_up_scheduler();
    CHECK(scheduler.runs() >= 1); // once at start, before the first request
    const json original = l.led[1];
    const json record = l.send(violation(l.tablet.record(original, {"photo"})));
    const std::string id = record["id"];
    auto follow_ups = [&]() {
        std::vector<json> out;
        for (const json& a : assignments_of(l.http))
            if (a["plan"]["kind"] == "follow_up")
                out.push_back(a);
        return out;
    };
    const Date deadline = today(ts).add_days(3);
    int rc = 0;
    CHECK(admin(ts, {"case-number", id, "鄂环罚〔2026〕12号"}, &rc).find("opened no case") !=
          std::string::npos);
    CHECK(rc == 1);
    CHECK(admin(ts, {"rectification-deadline", id, deadline.to_string()}, &rc).find("deadline") !=
          std::string::npos);
    REQUIRE(rc == 0);
    CHECK(follow_ups().empty());

    // Nobody runs admin from here on: the server's own timer notices the new day.
    move_to(ts, deadline);
    REQUIRE(scheduler.wait_for_run_on(deadline, std::chrono::seconds(20)));
    l.sign_in_again(ts);
    CHECK(follow_ups().empty());

    move_to(ts, deadline.add_days(1));
    REQUIRE(scheduler.wait_for_run_on(deadline.add_days(1), std::chrono::seconds(20)));
    // Made by the timer before any tablet asked: the publication row names it already.
    auto row = ts.server().publication_store().find(id);
    REQUIRE(row.ok());
    REQUIRE(row->has_value());
    CHECK((*row)->follow_up_assignment.has_value());
    l.sign_in_again(ts);
    const auto made = follow_ups();
    REQUIRE(made.size() == 1);
    const json& f = made[0];
    CHECK(f["target"]["id"] == original["target"]["id"]);
    CHECK(f["team"] == original["team"]);
    CHECK(f["item_ids"] == original["item_ids"]);
    CHECK(f["draw_id"] == original["draw_id"]);
    CHECK(f["window"]["from"] == deadline.add_days(1).to_string());
    CHECK(f["id"] != original["id"]);
    CHECK(follow_ups().size() == 1); // asked again: still one
    auto again = ts.server().publication().create_due_follow_ups();
    REQUIRE(again.ok());
    CHECK(again->empty());
    CHECK(admin(ts, {"follow-ups"}).find("follow-up " + f["id"].get<std::string>()) !=
          std::string::npos);
    // The timer's query reads the partial index of the deadlines still due, not every row.
    auto plan = ts.server().publication_store().follow_ups_due_plan();
    REQUIRE(plan.ok());
    REQUIRE(!plan->empty());
    CHECK((*plan)[0].find("USING INDEX publication_follow_up_due") != std::string::npos);
    CHECK((*plan)[0].find("SCAN publication") == std::string::npos);
    // The team inspects it like any assignment.
    json visit = l.tablet.record(f, {}, ts.now());
    const Answer sent = l.upload(l.tablet.chain(visit));
    INFO(sent.body);
    CHECK(sent.status == 201);
}

TEST_CASE("Last year's violators are next year's key targets") {
    TestServer ts;
    Leader l(ts);
    // Two general targets of 2026: one found in violation (rectification ordered), one clean.
    std::vector<json> general;
    for (const json& a : l.led)
        if (a["target"]["category"] == "general")
            general.push_back(a);
    REQUIRE(general.size() >= 2);
    l.send(violation(l.tablet.record(general[0], {"photo"})));
    l.send(l.tablet.record(general[1]));
    const std::string violator = general[0]["target"]["id"];
    const std::string clean = general[1]["target"]["id"];
    REQUIRE(today(ts).y == 2026);

    auto& draws = ts.server().draws();
    auto candidates_of = [&](const std::string& plan_id, const std::string& from,
                             const std::string& to) {
        const json strata =
            json::array({test_stratum("key", std::nullopt, "onsite", {"POLL-01"}),
                         test_stratum("general", std::nullopt, "onsite", {"POLL-01"})});
        json plan = test_plan(plan_id, "市生态环境综合执法支队", strata, from, to);
        plan["year"] = std::stoi(from.substr(0, 4));
        const auto published = draws.publish_plan(plan);
        INFO((published.ok() ? std::string() : published.error().message));
        REQUIRE(published.ok());
        const auto result = reveal_and_draw(draws, plan_id);
        REQUIRE(result.ok());
        return std::make_pair(result->draw.strata[0].candidates, result->draw.strata[1].candidates);
    };
    auto has = [](const std::vector<std::string>& v, const std::string& x) {
        return std::find(v.begin(), v.end(), x) != v.end();
    };
    // Next year: the violator is a key target, the clean one stays general.
    const auto [key_next, general_next] = candidates_of("P-2027-Q1", "2027-01-01", "2027-03-31");
    CHECK(has(key_next, violator));
    CHECK_FALSE(has(general_next, violator));
    CHECK_FALSE(has(key_next, clean));
}

namespace {

/// key → value of the report's CSV (RFC 4180: quoted fields may hold commas).
/// `rows`, if given, gets (key, section, 项目) of each row in order.
std::map<std::string, std::string>
csv_values(std::string text, std::vector<std::array<std::string, 3>>* rows = nullptr) {
    if (text.starts_with("\xEF\xBB\xBF"))
        text.erase(0, 3);
    std::map<std::string, std::string> out;
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
                field += text[++i];
            else if (c == '"')
                quoted = false;
            else
                field += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.push_back(std::move(field));
            field.clear();
        } else if (c == '\n') {
            if (!field.empty() && field.back() == '\r')
                field.pop_back();
            fields.push_back(std::move(field));
            field.clear();
            if (fields.size() >= 5)
                out[fields[0]] = fields[4];
            if (rows && fields.size() >= 5 && fields[0] != "key")
                rows->push_back({fields[0], fields[1], fields[2]});
            fields.clear();
        } else {
            field += c;
        }
    }
    return out;
}

} // namespace

TEST_CASE("The bureau's quarterly table counts what the central system holds") {
    TestServer ts;
    Leader l(ts);
    // Kept by the test: three targets inspected, one corrected from no problem to a case.
    const json clean = l.send(l.tablet.record(l.led[0]));
    l.send(violation(l.tablet.record(l.led[1], {"photo"})));
    const json first = l.send(l.tablet.record(l.led[2]));
    json c = violation(l.tablet.record(l.led[2], {"photo"}), "case_opened");
    c["supersedes"] = first["id"];
    c["correction_reason"] = "补录立案";
    l.send(c);
    REQUIRE(ts.server().publication().publish(clean["id"].get<std::string>(), "admin").ok());
    std::map<std::string, int> inspected_by;
    for (int i = 0; i < 3; ++i)
        ++inspected_by[l.led[static_cast<std::size_t>(i)]["target"]["category"].get<std::string>()];

    // What was drawn this quarter, from the stored assignments.
    const Date day = today(ts);
    const fi::Quarter quarter{day.y, (day.m - 1) / 3 + 1};
    std::map<std::string, std::set<std::string>> drawn;
    int active = 0;
    auto plans = ts.server().plan_store().plans();
    REQUIRE(plans.ok());
    for (const auto& p : *plans) {
        auto of_plan = ts.server().plan_store().assignments_of_plan(p.id);
        REQUIRE(of_plan.ok());
        for (const auto& a : *of_plan) {
            if (a.status != "active" || !quarter.contains(*Date::parse(a.window_from)))
                continue;
            ++active;
            drawn[json::parse(a.body)["target"]["category"].get<std::string>()].insert(a.target_id);
        }
    }
    REQUIRE(active > 3);

    const std::string file = (ts.data_dir() / "q.csv").string();
    int rc = 0;
    admin(ts, {"report", "quarterly", quarter.to_string(), "--out", file}, &rc);
    REQUIRE(rc == 0);
    std::ifstream in(file, std::ios::binary);
    std::vector<std::array<std::string, 3>> rows;
    const auto v = csv_values(std::string(std::istreambuf_iterator<char>(in), {}), &rows);
    std::map<std::string, std::size_t> expected; // for the PDF below
    auto is = [&](const std::string& key, std::size_t n) {
        INFO(key);
        REQUIRE(v.contains(key));
        CHECK(v.at(key) == std::to_string(n));
        expected[key] = n;
    };
    is("targets_drawn", drawn["key"].size() + drawn["general"].size() + drawn["special"].size());
    is("targets_drawn_key", drawn["key"].size());
    is("targets_drawn_general", drawn["general"].size());
    is("targets_drawn_special", drawn["special"].size());
    is("inspected", 3);
    is("inspected_key", static_cast<std::size_t>(inspected_by["key"]));
    is("inspected_general", static_cast<std::size_t>(inspected_by["general"]));
    is("inspected_onsite", 3);
    is("inspected_offsite", 0);
    is("drawn_not_inspected", static_cast<std::size_t>(active - 3));
    is("outcome_no_problem", 1);
    is("outcome_rectification_ordered", 1);
    is("outcome_case_opened", 1);
    is("published_on_time", 1);
    is("not_yet_published", 2);
    is("late_uploads", 0);

    // The same report as PDF (the file name says so): a PDF poppler reads, in the CJK font
    // every reader has, whose text carries the same figures on the rows' Chinese labels.
    const auto pdf_file = ts.data_dir() / "q.pdf";
    admin(ts, {"report", "quarterly", quarter.to_string(), "--out", pdf_file.string()}, &rc);
    REQUIRE(rc == 0);
    {
        std::ifstream pdf_in(pdf_file, std::ios::binary);
        const std::string bytes(std::istreambuf_iterator<char>(pdf_in), {});
        CHECK(bytes.starts_with("%PDF-1.4"));
        CHECK(bytes.find("/BaseFont /STSong-Light") != std::string::npos);
        CHECK(bytes.find("/Encoding /UniGB-UCS2-H") != std::string::npos);
        CHECK(bytes.find("/Ordering (GB1)") != std::string::npos);
        CHECK(bytes.find("FontFile") == std::string::npos); // not embedded
    }
    const auto info = fi::test::run_command("pdfinfo '" + pdf_file.string() + "' 2>&1");
    INFO(info.out);
    REQUIRE(info.status == 0);
    CHECK(info.out.find("Pages:") != std::string::npos);
    const auto fonts = fi::test::run_command("pdffonts '" + pdf_file.string() + "' 2>&1");
    INFO(fonts.out);
    CHECK(fonts.out.find("STSong-Light") != std::string::npos);
    const auto text =
        fi::test::run_command("pdftotext -layout -enc UTF-8 '" + pdf_file.string() + "' - 2>&1");
    INFO(text.out);
    REQUIRE(text.status == 0);
    CHECK(text.out.find("监管情况统计表") != std::string::npos);
    CHECK(text.out.find(quarter.report_due().to_string()) != std::string::npos);
    // Row by row in the table's order (labels repeat across sections): the line with the
    // row's section and 项目, and the number printed after the 项目.
    std::vector<std::string> lines;
    std::istringstream pdf_lines(text.out);
    for (std::string line; std::getline(pdf_lines, line);)
        lines.push_back(line);
    std::map<std::string, std::string> in_pdf; // key → the figure the PDF prints
    std::size_t at_line = 0;
    for (const auto& [key, section, label] : rows) {
        for (; at_line < lines.size(); ++at_line) {
            const std::string& line = lines[at_line];
            const auto s_at = line.find(section);
            const auto at = s_at == std::string::npos ? s_at : line.find(label, s_at);
            if (at == std::string::npos)
                continue;
            std::size_t d = at + label.size();
            while (d < line.size() && line[d] == ' ')
                ++d;
            std::size_t end = d;
            while (end < line.size() && std::isdigit(static_cast<unsigned char>(line[end])))
                ++end;
            in_pdf[key] = line.substr(d, end - d);
            ++at_line;
            break;
        }
    }
    for (const auto& [key, n] : expected) { // the counts kept by the test
        INFO(key);
        REQUIRE(in_pdf.contains(key));
        CHECK(in_pdf[key] == std::to_string(n));
    }
    for (const auto& [key, section, label] : rows) { // every figure of the CSV, the PDF alike
        INFO(key << " " << label);
        const std::string& value = v.at(key);
        if (!value.empty() && std::isdigit(static_cast<unsigned char>(value[0]))) {
            REQUIRE(in_pdf.contains(key));
            CHECK(in_pdf[key] == value);
        }
    }

    const std::string due = admin(ts, {"reports", "--year", "2026"});
    CHECK(due.find("2026Q4 监管情况统计表 due 2026-12-20") != std::string::npos);
    CHECK(due.find("2026Q1 监管情况统计表 due 2026-03-20") != std::string::npos);
    CHECK(due.find("2026 年度报告 due 2026-12-10") != std::string::npos);
    admin(ts, {"report", "yearly", std::to_string(day.y), "--out", file}, &rc);
    REQUIRE(rc == 0);
    std::ifstream year_in(file, std::ios::binary);
    const auto y = csv_values(std::string(std::istreambuf_iterator<char>(year_in), {}));
    CHECK(y.at("inspected") == "3");
}

namespace {

/// A browser as far as the approvers' page needs one: a cookie jar (name → value, with the
/// attributes each Set-Cookie carried) and form posts, no redirects followed, no script.
struct Browser {
    int port;
    std::map<std::string, std::string> jar;
    std::map<std::string, std::string> attributes;

    struct Page {
        int status = 0;
        std::string body;
        std::string location;
        std::vector<std::string> set_cookies;
    };

    Page take(const httplib::Result& r) {
        REQUIRE(r);
        Page p;
        p.status = r->status;
        p.body = r->body;
        p.location = r->get_header_value("Location");
        for (std::size_t i = 0; i < r->get_header_value_count("Set-Cookie"); ++i) {
            const std::string c = r->get_header_value("Set-Cookie", i);
            p.set_cookies.push_back(c);
            const std::string pair = c.substr(0, c.find(';'));
            const std::string name = pair.substr(0, pair.find('='));
            const std::string value = pair.substr(pair.find('=') + 1);
            attributes[name] = c;
            if (value.empty() || c.find("Max-Age=0") != std::string::npos)
                jar.erase(name);
            else
                jar[name] = value;
        }
        return p;
    }
    httplib::Headers headers() const {
        std::string cookies;
        for (const auto& [name, value] : jar)
            cookies += (cookies.empty() ? "" : "; ") + name + "=" + value;
        return cookies.empty() ? httplib::Headers{} : httplib::Headers{{"Cookie", cookies}};
    }
    Page get(const std::string& path) {
        httplib::Client c("127.0.0.1", port);
        return take(c.Get(path, headers()));
    }
    Page post(const std::string& path, const httplib::Params& form) {
        httplib::Client c("127.0.0.1", port);
        return take(c.Post(path, headers(), form));
    }
    /// Open the sign-in form and send it; the form's token as the page had it.
    Page log_in(const std::string& user, const std::string& password) {
        const Page form = get("/approve/");
        REQUIRE(form.status == 200);
        return post("/approve/login",
                    {{"username", user}, {"password", password}, {"csrf", csrf_of(form.body)}});
    }
    static std::string csrf_of(const std::string& html) {
        const std::string marker = "name=\"csrf\" value=\"";
        const auto at = html.find(marker);
        REQUIRE(at != std::string::npos);
        const auto from = at + marker.size();
        return html.substr(from, html.find('"', from) - from);
    }
};

} // namespace

TEST_CASE("The approvers' page: sign-in form, CSRF tokens, the approver's rules, approve and "
          "refuse over real HTTP") {
    TestServer ts;
    Leader l(ts);
    const json held = l.send(confidential(l.tablet.record(l.led[0]), "state_secret"));
    const json refused = l.send(confidential(l.tablet.record(l.led[1]), "public_safety"));
    const std::string held_id = held["id"];
    const std::string refused_id = refused["id"];
    // A second approver (for another session's cookie and token) and an approver who is one of
    // the team (leader1's roster id).
    REQUIRE(ts.server()
                .sessions()
                .put_user("approver2", "second-pass", std::nullopt, "贺敏", "市局", {"approver"})
                .ok());
    REQUIRE(ts.server()
                .sessions()
                .put_user("approver-inspector", "inside-pass", "I-022", "孔立宏", "梁子湖分局",
                          {"approver", "inspector"})
                .ok());

    // The address typed without its closing slash leads to the page.
    const Answer bare = Http(ts.port()).raw("GET", "/approve");
    CHECK(bare.status == 301);
    CHECK(bare.header("Location") == "/approve/");

    // The sign-in form: a token in the form and in a cookie only this page gets.
    Browser b{ts.port(), {}, {}};
    const auto form = b.get("/approve/");
    CHECK(form.status == 200);
    CHECK(form.body.find("action=\"/approve/login\"") != std::string::npos);
    REQUIRE(b.jar.count("fi_approve_login") == 1);
    CHECK(b.jar["fi_approve_login"] == Browser::csrf_of(form.body));
    for (const char* attribute : {"HttpOnly", "SameSite=Strict", "Path=/approve/"})
        CHECK(b.attributes["fi_approve_login"].find(attribute) != std::string::npos);

    // Wrong password: refused, no session cookie.
    CHECK(b.log_in("approver", "wrong-password").status == 401);
    CHECK(b.jar.count("fi_approve") == 0);
    // The right password without the form's token (a forged sign-in form): refused.
    CHECK(b.post("/approve/login", {{"username", "approver"}, {"password", "demo1234"}}).status ==
          403);
    CHECK(b.jar.count("fi_approve") == 0);
    // A non-approver with the right password: refused, and gets no cookie.
    Browser leader{ts.port(), {}, {}};
    CHECK(leader.log_in("leader1", "demo1234").status == 403);
    CHECK(leader.jar.count("fi_approve") == 0);
    // A non-approver's own bearer token as the cookie: no page for them.
    leader.jar["fi_approve"] = sign_in(ts.port(), "leader1");
    CHECK(leader.get("/approve/").status == 403);
    CHECK(leader.post("/approve/holds/" + held_id, {{"decision", "approve"}}).status == 403);

    // The approver signs in: a session cookie, HttpOnly and SameSite=Strict.
    const auto in = b.log_in("approver", "demo1234");
    CHECK(in.status == 303);
    CHECK(in.location == "/approve/");
    REQUIRE(b.jar.count("fi_approve") == 1);
    for (const char* attribute : {"HttpOnly", "SameSite=Strict", "Path=/approve/"})
        CHECK(b.attributes["fi_approve"].find(attribute) != std::string::npos);
    CHECK(b.attributes["fi_approve"].find("Secure") == std::string::npos); // plain HTTP here
    const auto list = b.get("/approve/");
    REQUIRE(list.status == 200);
    const std::string csrf = Browser::csrf_of(list.body);
    for (const json& a : {l.led[0], l.led[1]})
        CHECK(list.body.find(a["target"]["name"].get<std::string>()) != std::string::npos);
    CHECK(list.body.find("action=\"/approve/holds/" + held_id + "\"") != std::string::npos);
    CHECK(list.body.find("国家秘密") != std::string::npos); // the ground's name, not its code
    CHECK(list.body.find("<td id=\"count-pending\">2</td>") != std::string::npos);
    CHECK(list.body.find("监管情况统计表") != std::string::npos);
    CHECK(list.body.find("-12-10") != std::string::npos); // the yearly report's due day

    // From the attacker's side: a form posted with the victim's cookie but without the token, or
    // with another session's token, or with the victim's token under another session's cookie.
    CHECK(b.post("/approve/holds/" + held_id, {{"decision", "approve"}}).status == 403);
    CHECK(b.post("/approve/holds/" + held_id,
                 {{"decision", "approve"}, {"csrf", fi::server::ApproverPage::csrf_for("x")}})
              .status == 403);
    Browser other{ts.port(), {}, {}};
    REQUIRE(other.log_in("approver2", "second-pass").status == 303);
    CHECK(
        other.post("/approve/holds/" + held_id, {{"decision", "approve"}, {"csrf", csrf}}).status ==
        403);
    CHECK(entry_of(ts, held_id)->hold == "pending");
    // An approver who is on the team: signed in, but the service refuses the decision.
    Browser inside{ts.port(), {}, {}};
    REQUIRE(inside.log_in("approver-inspector", "inside-pass").status == 303);
    const auto inside_list = inside.get("/approve/");
    CHECK(inside_list.body.find("不能审批") != std::string::npos);
    CHECK(inside
              .post("/approve/holds/" + held_id,
                    {{"decision", "approve"}, {"csrf", Browser::csrf_of(inside_list.body)}})
              .status == 403);
    CHECK(entry_of(ts, held_id)->hold == "pending");

    // Approve one, refuse the other.
    const auto approved =
        b.post("/approve/holds/" + held_id,
               {{"decision", "approve"}, {"reason", "涉密，经审核同意"}, {"csrf", csrf}});
    CHECK(approved.status == 303);
    const auto no =
        b.post("/approve/holds/" + refused_id, {{"decision", "refuse"}, {"csrf", csrf}});
    CHECK(no.status == 303);
    const auto e_held = entry_of(ts, held_id);
    const auto e_refused = entry_of(ts, refused_id);
    REQUIRE(e_held);
    REQUIRE(e_refused);
    CHECK(e_held->hold == "approved");
    CHECK(e_held->hold_by == "approver");
    CHECK(e_held->hold_reason == "涉密，经审核同意");
    CHECK(e_refused->hold == "refused");
    // Decided once: asked again, 409 and unchanged.
    CHECK(
        b.post("/approve/holds/" + refused_id, {{"decision", "approve"}, {"csrf", csrf}}).status ==
        409);
    CHECK(entry_of(ts, refused_id)->hold == "refused");

    // On the deadline: the approved one is 不予公开, the refused one published with its wording.
    move_to(ts, e_held->deadline);
    const auto shown_held = results_for(ts, l.led[0]["target"]["id"]);
    REQUIRE(shown_held.size() == 1);
    CHECK(shown_held[0].withheld);
    CHECK(shown_held[0].public_text.empty());
    const auto shown_refused = results_for(ts, l.led[1]["target"]["id"]);
    REQUIRE(shown_refused.size() == 1);
    CHECK_FALSE(shown_refused[0].withheld);
    CHECK(shown_refused[0].public_text == "未发现问题");

    // Weeks later the session has expired: the page asks to sign in again, then lists both as
    // decided. Signing out needs the token too, and ends the session: the old cookie opens
    // nothing.
    CHECK(b.get("/approve/").body.find("action=\"/approve/login\"") != std::string::npos);
    REQUIRE(b.log_in("approver", "demo1234").status == 303);
    const auto decided = b.get("/approve/");
    CHECK(decided.body.find("已同意不予公开") != std::string::npos);
    CHECK(decided.body.find("已不同意") != std::string::npos);
    CHECK(decided.body.find("<td id=\"count-withheld\">1</td>") != std::string::npos);
    const std::string csrf_now = Browser::csrf_of(decided.body);
    CHECK(csrf_now != csrf);
    const std::string old_cookie = b.jar["fi_approve"];
    CHECK(b.post("/approve/logout", {}).status == 403);
    CHECK(b.post("/approve/logout", {{"csrf", csrf_now}}).status == 303);
    CHECK(b.jar.count("fi_approve") == 0);
    b.jar["fi_approve"] = old_cookie;
    const auto after = b.get("/approve/");
    CHECK(after.body.find("action=\"/approve/login\"") != std::string::npos);
    CHECK(after.body.find(held_id) == std::string::npos);
}
