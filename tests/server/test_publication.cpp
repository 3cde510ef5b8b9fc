// Publication of results (检查结果公开 within 20 working days), confidential holds and their
// approver, follow-ups of rectification orders and the bureau's reports: against the real server
// and its SQLite file, the server's clock moved by the test.
#include "core/date.h"
#include "core/workcalendar.h"
#include "server/admincli.h"
#include "server/inspectionstore.h"
#include "server/publicationservice.h"
#include "server/referencedatastore.h"
#include "serverfixture.h"

#include <doctest/doctest.h>
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

TEST_CASE("An officer publishes a result before its deadline; once public it is not again") {
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
