// Interface 1.1 draws (sha256-ctr-fy-v2) and re-draws against tests/data/draw-v2-vectors.json,
// computed by another implementation from the interface text alone, and from the attacker's
// side: a planner choosing the seed or the lists, a leader aiming a re-draw, a re-draw re-rolled.
#include "core/drawcommitment.h"
#include "core/modeljson.h"

#include <doctest/doctest.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

using json = nlohmann::json;
using fi::DrawRecord;
using fi::DrawStep;
using fi::DrawVerification;
using fi::PlanPublication;
using fi::RedrawLogEntry;

namespace {

const json& vectors() {
    static const json all = [] {
        std::ifstream in(std::string(FI_TEST_DATA_DIR) + "/draw-v2-vectors.json", std::ios::binary);
        REQUIRE(in.good());
        std::stringstream buf;
        buf << in.rdbuf();
        return json::parse(buf.str());
    }();
    return all;
}

template <class T, class Decode> T decoded(const json& j, Decode decode) {
    auto r = decode(j);
    if (!r.ok())
        FAIL("decode: " << r.error().message);
    return *r;
}

DrawRecord draw_of(const json& j) {
    return decoded<DrawRecord>(j, fi::decode_draw);
}
PlanPublication plan_of(const json& j) {
    return decoded<PlanPublication>(j, fi::decode_plan_publication);
}
// The vectors give assignments in part (what a re-draw touches), so read just those members.
fi::Assignment assignment_of(const json& j) {
    fi::Assignment a;
    a.id = j.at("id");
    a.revision = j.at("revision");
    a.target.id = j.at("target").at("id");
    a.draw_id = j.at("draw_id");
    for (const json& m : j.at("team"))
        a.team.push_back(
            {m.at("inspector_id"), *fi::parse_team_role(m.at("role").get<std::string>())});
    return a;
}
std::vector<RedrawLogEntry> log_of(const json& list) {
    std::vector<RedrawLogEntry> out;
    for (const json& e : list)
        out.push_back(decoded<RedrawLogEntry>(e, fi::decode_redraw_log_entry));
    return out;
}

// The assignment re-draw `r` (an item of "redraws") re-drew, as it was before: one of the
// plan draw's assignments, or the one an earlier re-draw created.
json redrawn_assignment(const json& r) {
    for (const json& a : vectors().at("assignments"))
        if (a.at("id") == r.at("assignment_id"))
            return a;
    for (const json& earlier : vectors().at("redraws"))
        if (earlier.at("assignment").at("id") == r.at("assignment_id"))
            return earlier.at("assignment");
    FAIL("no assignment " << r.at("assignment_id"));
    return {};
}

DrawVerification verify_redraw_case(const json& log, const json& redraw,
                                    const json* redrawn = nullptr, const json* created = nullptr,
                                    const json* plan = nullptr) {
    const PlanPublication p = plan_of(plan ? *plan : vectors().at("plan"));
    const DrawRecord plan_draw = draw_of(vectors().at("draw"));
    const auto entries = log_of(log);
    const auto old = redrawn ? std::optional(assignment_of(*redrawn)) : std::nullopt;
    const auto made = created ? std::optional(assignment_of(*created)) : std::nullopt;
    const fi::RedrawContext ctx{p, plan_draw, entries, old ? &*old : nullptr,
                                made ? &*made : nullptr};
    return fi::verify_redraw(ctx, draw_of(redraw));
}

} // namespace

TEST_CASE("draw v2 vectors: party commitments, the combined seed and the list hashes") {
    const json& v = vectors();
    std::vector<std::string> seeds;
    for (const json& party : v.at("party_seeds")) {
        CHECK(*fi::seed_commitment_for(party.at("seed").get<std::string>()) ==
              party.at("seed_commitment"));
        seeds.push_back(party.at("seed"));
    }
    const auto combined = fi::combined_seed(seeds);
    REQUIRE(combined.ok());
    CHECK(*combined == v.at("combined_seed").at("seed"));
    CHECK(*fi::seed_commitment_for(*combined) == v.at("combined_seed").at("seed_commitment"));

    const DrawRecord draw = draw_of(v.at("draw"));
    const json& hashes = v.at("list_hashes");
    CHECK(*fi::strata_sha256(draw.strata) == hashes.at("strata").at("sha256"));
    CHECK(*fi::pool_sha256(draw.inspector_pool) == hashes.at("pool").at("sha256"));
    // The draw writes "T-01019":[]; an empty list is dropped before hashing.
    CHECK(*fi::conflicts_sha256(draw.conflicts) == hashes.at("conflicts").at("sha256"));
    const auto with_empty = hashes.at("conflicts_with_empty_list")
                                .at("conflicts")
                                .get<std::map<std::string, std::vector<std::string>>>();
    CHECK(*fi::conflicts_sha256(with_empty) == hashes.at("conflicts_with_empty_list").at("sha256"));

    const PlanPublication plan = plan_of(v.at("plan"));
    CHECK(plan.commitment.strata_sha256 == hashes.at("strata").at("sha256"));
    CHECK(plan.commitment.parties.size() == 2);
    CHECK(plan.withdrawn.size() == 1);
}

TEST_CASE("draw v2 vectors: the plan's draw verifies and gives the expected result") {
    const json& v = vectors();
    const PlanPublication plan = plan_of(v.at("plan"));
    const DrawRecord draw = draw_of(v.at("draw"));
    const DrawVerification result = fi::verify_plan_draw(plan, draw);
    CHECK_MESSAGE(result.verified(), result.message);

    const auto outcome = fi::compute_draw(draw);
    REQUIRE(outcome.ok());
    CHECK(json(outcome->selected) == v.at("expected").at("selected"));
    CHECK(json(outcome->teams) == v.at("expected").at("teams"));
    // v1 verification alone cannot vouch for a v2 draw: it needs the plan.
    CHECK(fi::verify_draw(draw).step == DrawStep::plan_unknown);
    // Round trips keep everything the verification reads.
    CHECK(draw_of(fi::encode_draw(draw)) == draw);
    CHECK(plan_of(fi::encode_plan_publication(plan)) == plan);
}

TEST_CASE("draw v2 vectors: the re-draw chain and every re-draw") {
    const json& v = vectors();
    const json& chain = v.at("redraw_chain");
    const auto links = fi::redraw_chain(chain.at("secret_start").get<std::string>(),
                                        chain.at("length").get<std::int64_t>());
    REQUIRE(links.ok());
    REQUIRE(links->size() == chain.at("links").size() + 0);
    for (const json& l : chain.at("links"))
        CHECK((*links)[l.at("k").get<std::size_t>()] == l.at("r"));
    CHECK(links->front() == chain.at("tip"));
    CHECK(links->front() == v.at("plan").at("commitment").at("redraw_chain_tip"));

    const DrawRecord plan_draw = draw_of(v.at("draw"));
    const auto log = log_of(v.at("redraw_log"));
    REQUIRE(log.size() == v.at("redraws").size());
    for (std::size_t i = 0; i < log.size(); ++i) {
        const json& r = v.at("redraws")[i];
        CAPTURE(r.at("stream_draw_id"));
        CHECK(log[i].link == r.at("link"));
        CHECK(*fi::redraw_seed(log[i].link, log[i].target_id) == r.at("seed"));

        // The same input the central system draws with (server/drawservice uses it too).
        const auto input = fi::redraw_input(plan_draw, log, log[i]);
        REQUIRE(input.ok());
        CHECK(input->id == r.at("stream_draw_id"));
        CHECK(input->seed == r.at("seed"));
        CHECK(json(input->conflicts.at(log[i].target_id)) == r.at("conflicts_used"));
        const auto outcome = fi::compute_draw(*input);
        REQUIRE(outcome.ok());
        CHECK(json(outcome->teams.at(log[i].target_id)) == r.at("expected_team"));

        const json before = redrawn_assignment(r);
        const DrawVerification result =
            verify_redraw_case(v.at("redraw_log"), r.at("draw"), &before, &r.at("assignment"));
        CHECK_MESSAGE(result.verified(), result.message);
    }
}

TEST_CASE("draw v2 vectors: every negative case is refused with the failure it names") {
    for (const json& n : vectors().at("negative")) {
        const std::string name = n.at("case");
        CAPTURE(name);
        const json& in = n.at("input");
        const DrawVerification result =
            n.at("verify") == "draw"
                ? fi::verify_plan_draw(
                      plan_of(in.contains("plan") ? in.at("plan") : vectors().at("plan")),
                      draw_of(in.at("draw")))
                : verify_redraw_case(in.at("redraw_log"), in.at("draw"), &in.at("assignment"),
                                     in.contains("created") ? &in.at("created") : nullptr);
        CHECK(!result.verified());
        const std::vector<std::string> expected = n.at("expected_failures");
        CHECK_MESSAGE(std::find(expected.begin(), expected.end(),
                                std::string(fi::to_string(result.step))) != expected.end(),
                      "got " << fi::to_string(result.step) << ": " << result.message);
        CHECK(!result.message.empty());
    }
}

TEST_CASE("draw v2: a planner cannot choose the seed or the lists") {
    const json& v = vectors();
    SUBCASE("one party only: the plan's commitment is not enough") {
        json plan = v.at("plan");
        plan["commitment"]["parties"].erase(1);
        json draw = v.at("draw");
        draw["plan_commitment"] = plan["commitment"];
        draw["parties"].erase(1);
        const auto seed = fi::combined_seed(
            std::vector<std::string>{v.at("party_seeds")[0].at("seed").get<std::string>()});
        draw["seed"] = *seed;
        draw["seed_commitment"] = *fi::seed_commitment_for(*seed);
        const auto outcome = fi::compute_draw(draw_of(draw));
        draw["selected"] = outcome->selected;
        draw["teams"] = outcome->teams;
        CHECK(fi::verify_plan_draw(plan_of(plan), draw_of(draw)).step ==
              DrawStep::parties_mismatch);
    }
    SUBCASE("a target imported after publication changes the candidates' hash") {
        json draw = v.at("draw");
        draw["strata"][1]["candidates"].push_back("T-01999");
        const auto outcome = fi::compute_draw(draw_of(draw));
        draw["selected"] = outcome->selected;
        draw["teams"] = outcome->teams;
        CHECK(fi::verify_plan_draw(plan_of(v.at("plan")), draw_of(draw)).step ==
              DrawStep::strata_hash_mismatch);
    }
    SUBCASE("a conflict registered after publication changes the conflicts' hash") {
        json draw = v.at("draw");
        draw["conflicts"]["T-00502"] = {"I-118"};
        const auto outcome = fi::compute_draw(draw_of(draw));
        draw["selected"] = outcome->selected;
        draw["teams"] = outcome->teams;
        CHECK(fi::verify_plan_draw(plan_of(v.at("plan")), draw_of(draw)).step ==
              DrawStep::conflicts_hash_mismatch);
    }
    SUBCASE("the withdrawn publication's commitment is not the plan's") {
        json draw = v.at("draw");
        draw["plan_commitment"] = v.at("plan").at("withdrawn")[0].at("commitment");
        CHECK(fi::verify_plan_draw(plan_of(v.at("plan")), draw_of(draw)).step ==
              DrawStep::plan_commitment_mismatch);
    }
}

TEST_CASE("draw v2: a re-draw aimed at a team, or re-rolled, is flagged") {
    const json& v = vectors();
    const DrawRecord plan_draw = draw_of(v.at("draw"));
    json log = json::array({v.at("redraw_log")[0]});
    const json before = redrawn_assignment(v.at("redraws")[0]);

    SUBCASE("excluding someone who is not on the team") {
        // A leader of T-00931's team [I-031, I-005] excludes I-152 and I-090, leaving the draw
        // to those the leader wants; the central system refuses it (exclude_not_on_team), and a
        // log entry that records it anyway is flagged here.
        log[0]["excluded"] = {"I-152", "I-090"};
        auto entries = log_of(log);
        const auto input = fi::redraw_input(plan_draw, entries, entries[0]);
        DrawRecord made;
        static_cast<fi::DrawInput&>(made) = *input;
        json draw = fi::encode_draw(made);
        const auto outcome = fi::compute_draw(*input);
        draw["selected"] = outcome->selected;
        draw["teams"] = outcome->teams;
        for (const char* member :
             {"redraw_index", "redraw_link", "plan_commitment", "published_at", "drawn_at"})
            draw[member] = v.at("redraws")[0].at("draw").at(member);
        const DrawVerification result = verify_redraw_case(log, draw, &before);
        CHECK(result.step == DrawStep::exclude_not_on_team);
        CHECK(result.message.find("I-152") != std::string::npos);
    }
    SUBCASE("a re-draw the log does not list") {
        const DrawVerification result =
            verify_redraw_case(json::array(), v.at("redraws")[0].at("draw"), &before);
        CHECK(result.step == DrawStep::redraw_not_logged);
    }
    SUBCASE("the same re-draw asked again takes the next link, not the same one") {
        // Re-draw 2 presented with link r_1: its id, seed and log entry say 2, the link 1.
        json draw = v.at("redraws")[1].at("draw");
        json log2 = json::array({v.at("redraw_log")[0], v.at("redraw_log")[1]});
        draw["redraw_link"] = v.at("redraw_log")[0].at("link");
        log2[1]["link"] = v.at("redraw_log")[0].at("link");
        CHECK(verify_redraw_case(log2, draw).step == DrawStep::link_not_on_chain);
    }
    SUBCASE("the created assignment's team is not the re-drawn one") {
        json created = v.at("redraws")[0].at("assignment");
        std::swap(created["team"][0]["inspector_id"], created["team"][1]["inspector_id"]);
        const DrawVerification result =
            verify_redraw_case(log, v.at("redraws")[0].at("draw"), &before, &created);
        CHECK(result.step == DrawStep::assignment_team);
    }
}

TEST_CASE("draw v2: readers name the field that is wrong") {
    json plan = vectors().at("plan");
    plan["commitment"].erase("draw_id");
    const auto bad = fi::decode_plan_publication(plan);
    REQUIRE(!bad.ok());
    CHECK(bad.error().field == "draw_id");
    json entry = vectors().at("redraw_log")[0];
    entry["index"] = "1";
    const auto e = fi::decode_redraw_log_entry(entry);
    REQUIRE(!e.ok());
    CHECK(e.error().field == "index");
    CHECK(fi::decode_redraw_log_entry(
              fi::encode_redraw_log_entry(log_of(json::array({vectors().at("redraw_log")[0]}))[0]))
              .ok());
}
