#include "core/date.h"
#include "core/modeljson.h"
#include "core/place.h"
#include "core/placestore.h"
#include "core/timeflags.h"
#include "support/domainfixture.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace {

fi::Target target_at(std::int64_t lat_e6, std::int64_t lon_e6) {
    fi::Target t;
    t.id = "T-1";
    t.position = fi::Position{lat_e6, lon_e6};
    return t;
}

json assignment_json() {
    return json{{"id", "A-1"},
                {"revision", 1},
                {"status", "active"},
                {"plan", {{"id", "P-1"}, {"name", "p"}, {"year", 2026}, {"kind", "routine"}}},
                {"target", {{"id", "T-1"}, {"name", "某公司"}, {"category", "key"}}},
                {"item_ids", {"ODS-15"}},
                {"mode", "onsite"},
                {"team", {{{"inspector_id", "I-1"}, {"role", "leader"}}}},
                {"window", {{"from", "2026-11-01"}, {"to", "2026-11-30"}}},
                {"draw_id", "D-1"}};
}

fi::InspectionRecord record_of(const std::string& day, const std::string& started,
                               const std::string& finished) {
    fi::InspectionRecord r;
    r.inspection_day = day;
    r.started_at = started;
    r.finished_at = finished;
    return r;
}

fi::Assignment window(const std::string& from, const std::string& to) {
    fi::Assignment a;
    a.window_from = from;
    a.window_to = to;
    return a;
}

std::chrono::system_clock::time_point at(const char* rfc3339) {
    return *fi::parse_rfc3339(rfc3339);
}

std::vector<std::string> codes(const fi::Problems& ps) {
    std::vector<std::string> out;
    for (const auto& p : ps)
        out.push_back(p.code);
    return out;
}

} // namespace

TEST_CASE("place: the distance to a target is haversine metres") {
    const fi::Location here{30391234, 114894321, 8};
    CHECK(fi::distance_m(here, fi::Position{30391234, 114894321}) == 0);
    // One micro-degree of latitude is 0.1112 m; 4500 of them are 500.4 m (the mean radius).
    CHECK(fi::distance_m(here, fi::Position{30391234 + 4500, 114894321}) == 500);
    CHECK(fi::distance_m(here, fi::Position{30391234 + 4600, 114894321}) == 511);
    // A degree of longitude along the parallel at 30.39° N is cos(30.39°) × 111,195 m =
    // 95,919 m; the great circle between the two points is a little shorter.
    const auto degree_east = fi::distance_m(here, fi::Position{30391234, 115894321});
    CHECK(degree_east < 95'919);
    CHECK(degree_east > 95'900);
    // Symmetric, and across the antimeridian the short way round.
    CHECK(fi::distance_m(fi::Location{0, 179'999'000, 1}, fi::Position{0, -179'999'000}) == 222);
}

TEST_CASE("place: no distance without both a location and a known position") {
    fi::Target unknown;
    CHECK_FALSE(fi::distance_to_target_m(fi::Location{1, 2, 3}, unknown));
    CHECK_FALSE(fi::distance_to_target_m(std::nullopt, target_at(1, 2)));
    CHECK(fi::distance_to_target_m(fi::Location{1, 2, 3}, target_at(1, 2)) == 0);
}

TEST_CASE("place: a target's position is read and written, and only when it has one") {
    auto without = fi::decode_assignment(assignment_json());
    REQUIRE(without.ok());
    CHECK_FALSE(without->target.position);
    CHECK_FALSE(fi::encode_assignment(*without).at("target").contains("position"));

    json j = assignment_json();
    j["target"]["position"] = {{"lat_e6", 30391234}, {"lon_e6", -114894321}};
    auto with = fi::decode_assignment(j);
    REQUIRE(with.ok());
    REQUIRE(with->target.position);
    CHECK(with->target.position->lat_e6 == 30391234);
    CHECK(with->target.position->lon_e6 == -114894321);
    CHECK(fi::encode_assignment(*with).at("target").at("position") == j["target"]["position"]);

    j["target"]["position"] = {{"lat_e6", 30.5}, {"lon_e6", 114894321}};
    CHECK_FALSE(fi::decode_assignment(j).ok());
    j["target"]["position"] = {{"lat_e6", 91'000'000}, {"lon_e6", 114894321}};
    CHECK_FALSE(fi::decode_assignment(j).ok());
    j["target"]["position"] = nullptr;
    CHECK_FALSE(fi::decode_assignment(j)->target.position);
}

TEST_CASE("time flags: a record on its own day, in its window, not ahead of now passes") {
    const auto r =
        record_of("2026-11-28", "2026-11-28T09:30:00.000+08:00", "2026-11-28T11:00:00.000+08:00");
    CHECK(
        fi::check_time_flags(r, window("2026-11-01", "2026-11-30"), at("2026-11-28T11:00:00+08:00"))
            .empty());
    // The window's ends are inside it.
    CHECK(
        fi::check_time_flags(r, window("2026-11-28", "2026-11-28"), at("2026-11-28T11:00:00+08:00"))
            .empty());
}

TEST_CASE("time flags: day_mismatch when the day is not the UTC+08:00 day of started_at") {
    // 23:30 UTC on the 27th is 07:30 on the 28th in UTC+08:00.
    const auto ok = record_of("2026-11-28", "2026-11-27T23:30:00Z", "2026-11-28T01:00:00Z");
    CHECK(fi::check_time_flags(ok, window("2026-11-01", "2026-11-30"),
                               at("2026-11-28T12:00:00+08:00"))
              .empty());
    const auto bad = record_of("2026-11-27", "2026-11-27T23:30:00Z", "2026-11-28T01:00:00Z");
    const auto ps = fi::check_time_flags(bad, window("2026-11-01", "2026-11-30"),
                                         at("2026-11-28T12:00:00+08:00"));
    REQUIRE(codes(ps) == std::vector<std::string>{"day_mismatch"});
    CHECK(ps[0].field == "inspection_day");
    CHECK(ps[0].message.find("2026-11-28") != std::string::npos);
}

TEST_CASE("time flags: in_future past five minutes after now, for either time") {
    const auto r =
        record_of("2026-11-28", "2026-11-28T09:30:00+08:00", "2026-11-28T11:00:00+08:00");
    const auto w = window("2026-11-01", "2026-11-30");
    CHECK(fi::check_time_flags(r, w, at("2026-11-28T10:55:00+08:00")).empty());
    const auto late_end = fi::check_time_flags(r, w, at("2026-11-28T10:54:59+08:00"));
    REQUIRE(codes(late_end) == std::vector<std::string>{"in_future"});
    CHECK(late_end[0].field == "finished_at");
    const auto both = fi::check_time_flags(r, w, at("2026-11-28T09:00:00+08:00"));
    REQUIRE(codes(both) == std::vector<std::string>{"in_future"});
    CHECK(both[0].field == "started_at");
}

TEST_CASE("time flags: a start in the future is named once, not again as a finish before it") {
    // Completing stamps the finish now, before a start that lies ahead: the rules say
    // "finished before it started", and in_future on started_at already names the cause.
    const auto r =
        record_of("2026-11-28", "2026-11-28T12:00:00+08:00", "2026-11-28T10:00:00+08:00");
    const auto flags = fi::check_time_flags(r, window("2026-11-01", "2026-11-30"),
                                            at("2026-11-28T10:00:00+08:00"));
    REQUIRE(codes(flags) == std::vector<std::string>{"in_future"});
    const fi::Problems rules = {
        {"invalid", "The inspection finished before it started.", "finished_at"},
        {"missing_answer", "answer it", "answers[0].value"}};
    CHECK(codes(fi::with_time_flags(rules, flags)) ==
          std::vector<std::string>{"missing_answer", "in_future"});
    // Without a start in the future the rules' problems all stay.
    const fi::Problems late_end = {{"in_future", "ends ahead", "finished_at"}};
    CHECK(codes(fi::with_time_flags(rules, late_end)) ==
          std::vector<std::string>{"invalid", "missing_answer", "in_future"});
    CHECK(fi::is_time_flag("outside_window"));
    CHECK_FALSE(fi::is_time_flag("invalid"));
}

TEST_CASE("time flags: outside_window before or after the assignment's window") {
    const auto r =
        record_of("2026-12-01", "2026-12-01T09:30:00+08:00", "2026-12-01T11:00:00+08:00");
    const auto now = at("2026-12-01T12:00:00+08:00");
    const auto after = fi::check_time_flags(r, window("2026-11-01", "2026-11-30"), now);
    REQUIRE(codes(after) == std::vector<std::string>{"outside_window"});
    CHECK(after[0].message.find("2026-11-30") != std::string::npos);
    CHECK(codes(fi::check_time_flags(r, window("2026-12-02", "2026-12-31"), now)) ==
          std::vector<std::string>{"outside_window"});
    CHECK(fi::check_time_flags(r, window("2026-12-01", "2026-12-31"), now).empty());
}

TEST_CASE("place store: where a record was completed is kept once, never changed, and goes "
          "with its record") {
    fi::test::Fixture f;
    auto r = f.record("5f1c2d3e-4b5a-4c6d-8e7f-901234567890");
    REQUIRE(f.records.create_draft(r).ok());
    fi::PlaceStore places(f.db);
    CHECK_FALSE(places.load(r.id).value());

    const fi::RecordPlace kept{fi::Location{30395734, 114894321, 5}, 120, 500, true};
    REQUIRE(places.keep(r.id, kept).ok());
    auto back = places.load(r.id);
    REQUIRE(back.ok());
    REQUIRE(*back);
    REQUIRE((*back)->completed_location);
    CHECK((*back)->completed_location->lat_e6 == 30395734);
    CHECK((*back)->completed_location->accuracy_m == 5);
    CHECK((*back)->start_distance_m == 120);
    CHECK((*back)->completed_distance_m == 500);
    CHECK((*back)->simulated);

    // Kept as taken: neither a second keep nor raw SQL changes it.
    CHECK_FALSE(places.keep(r.id, fi::RecordPlace{}).ok());
    CHECK_FALSE(f.db.exec("UPDATE record_places SET completed_distance_m = 3").ok());
    CHECK(places.load(r.id).value()->completed_distance_m == 500);

    // A place for a record that does not exist is refused; a discarded draft takes its own.
    CHECK_FALSE(places.keep("no-such-record", kept).ok());
    REQUIRE(f.records.discard_draft(r.id).ok());
    CHECK_FALSE(places.load(r.id).value());
}
