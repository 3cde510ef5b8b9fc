#include "core/draw.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <doctest/doctest.h>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <openssl/evp.h>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using json = nlohmann::json;
using fi::DrawRecord;
using fi::DrawStep;

namespace {

json load_vectors() {
    std::ifstream in(std::string(FI_TEST_DATA_DIR) + "/draw-vectors.json", std::ios::binary);
    REQUIRE(in.good());
    std::stringstream buf;
    buf << in.rdbuf();
    const json all = json::parse(buf.str());
    REQUIRE(all.contains("vectors"));
    REQUIRE(all.at("vectors").is_array());
    REQUIRE(all.at("vectors").size() >= 3);
    return all.at("vectors");
}

DrawRecord decode(const json& j) {
    auto r = fi::decode_draw(j);
    if (!r.ok())
        FAIL("decode_draw: " << r.error().message);
    return *r;
}

json vector_named(const json& vectors, const std::string& id) {
    for (const json& v : vectors)
        if (v.at("id") == id)
            return v;
    FAIL("no vector " << id);
    return {};
}

// ---- a deliberately naive second implementation ---------------------------------------------
// Written from central-api.md alone: raw OpenSSL, the stream materialised up front, indices
// shuffled instead of strings, byte order spelled out, the rejection limit via UINT64_MAX.

std::array<unsigned char, 32> sha256_raw(const std::vector<unsigned char>& bytes) {
    std::array<unsigned char, 32> out{};
    unsigned int len = 0;
    REQUIRE(EVP_Digest(bytes.data(), bytes.size(), out.data(), &len, EVP_sha256(), nullptr) == 1);
    return out;
}

std::vector<std::uint64_t> materialise_stream(const std::vector<unsigned char>& seed,
                                              const std::string& id, std::size_t blocks) {
    std::vector<std::uint64_t> numbers;
    for (std::uint64_t i = 0; i < blocks; ++i) {
        std::vector<unsigned char> input = seed;
        input.insert(input.end(), id.begin(), id.end());
        for (int shift = 56; shift >= 0; shift -= 8)
            input.push_back(static_cast<unsigned char>((i >> shift) & 0xff));
        const auto digest = sha256_raw(input);
        for (int w = 0; w < 4; ++w) {
            std::uint64_t x = 0;
            for (int b = 0; b < 8; ++b)
                x = x * 256 + digest[static_cast<std::size_t>(w * 8 + b)];
            numbers.push_back(x);
        }
    }
    return numbers;
}

bool byte_less(const std::string& a, const std::string& b) {
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return static_cast<unsigned char>(x) < static_cast<unsigned char>(y);
    });
}

struct NaiveDraw {
    std::vector<std::string> selected;
    std::map<std::string, std::vector<std::string>> teams;
};

std::optional<NaiveDraw> naive_draw(const fi::DrawInput& in) {
    std::vector<unsigned char> seed;
    for (std::size_t i = 0; i < in.seed.size(); i += 2)
        seed.push_back(static_cast<unsigned char>(std::stoi(in.seed.substr(i, 2), nullptr, 16)));
    std::size_t picks = 0;
    for (const auto& s : in.strata)
        picks += static_cast<std::size_t>(s.k);
    picks += static_cast<std::size_t>(in.team_size) * picks;
    // Rejections are astronomically rare; a generous supply is plenty.
    const auto stream = materialise_stream(seed, in.id, picks / 4 + 8);
    std::size_t cursor = 0;
    const auto uniform = [&](std::uint64_t n) {
        const std::uint64_t rem = (std::numeric_limits<std::uint64_t>::max() % n + 1) % n;
        while (true) {
            REQUIRE(cursor < stream.size());
            const std::uint64_t x = stream[cursor++];
            if (rem == 0 || x < std::numeric_limits<std::uint64_t>::max() - rem + 1)
                return x % n;
        }
    };
    const auto shuffle_pick = [&](std::vector<std::string> items, std::size_t k) {
        std::sort(items.begin(), items.end(), byte_less);
        std::vector<std::size_t> idx(items.size());
        for (std::size_t i = 0; i < idx.size(); ++i)
            idx[i] = i;
        std::vector<std::string> out;
        for (std::size_t i = 0; i < k; ++i) {
            const std::size_t j = i + static_cast<std::size_t>(uniform(idx.size() - i));
            std::swap(idx[i], idx[j]);
            out.push_back(items[idx[i]]);
        }
        return out;
    };
    NaiveDraw d;
    for (const auto& s : in.strata)
        for (auto& t : shuffle_pick(s.candidates, static_cast<std::size_t>(s.k)))
            d.selected.push_back(t);
    for (const auto& target : d.selected) {
        std::vector<std::string> free;
        for (const auto& i : in.inspector_pool) {
            bool conflicted = false;
            if (in.conflicts.count(target))
                for (const auto& c : in.conflicts.at(target))
                    conflicted = conflicted || c == i;
            if (!conflicted)
                free.push_back(i);
        }
        if (static_cast<std::int64_t>(free.size()) < in.team_size)
            return std::nullopt;
        d.teams[target] = shuffle_pick(free, static_cast<std::size_t>(in.team_size));
    }
    return d;
}

std::string random_hex(std::mt19937_64& rng, std::size_t digits) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string s;
    for (std::size_t i = 0; i < digits; ++i)
        s.push_back(hex[rng() % 16]);
    return s;
}

fi::DrawInput random_input(std::mt19937_64& rng, int n) {
    static const char* id_parts[] = {"D-", "2026", "Q4", "-鄂城-", "华容", "x", "-", "梁子湖"};
    static const char* target_prefixes[] = {"T-", "t-", "S-", "A", "é", "目标", "T-0"};
    fi::DrawInput in;
    in.id = "D-" + std::to_string(n);
    for (int i = 0; i < 3; ++i)
        in.id += id_parts[rng() % std::size(id_parts)];
    in.plan_id = "P-prop";
    in.seed = random_hex(rng, 64);
    auto commitment = fi::seed_commitment_for(in.seed);
    REQUIRE(commitment.ok());
    in.seed_commitment = *commitment;

    std::set<std::string> used;
    const auto strata = 1 + rng() % 4;
    for (std::size_t s = 0; s < strata; ++s) {
        fi::DrawStratum stratum{"cat-" + std::to_string(s), {}, 0};
        const auto candidates = rng() % 40;
        while (stratum.candidates.size() < candidates) {
            std::string id =
                target_prefixes[rng() % std::size(target_prefixes)] + std::to_string(rng() % 1000);
            if (used.insert(id).second)
                stratum.candidates.push_back(id);
        }
        stratum.k = static_cast<std::int64_t>(rng() % (candidates + 1));
        in.strata.push_back(stratum);
    }
    const auto pool = 1 + rng() % 9;
    for (std::size_t i = 0; i < pool; ++i)
        in.inspector_pool.push_back((rng() % 2 ? "I-" : "i-") + std::to_string(100 + i * 7 % 50));
    std::shuffle(in.inspector_pool.begin(), in.inspector_pool.end(), rng);
    // Conflicts on some targets (and on inspectors outside the pool, which must not matter).
    std::size_t worst = 0;
    for (const auto& id : used)
        if (rng() % 3 == 0) {
            std::vector<std::string> avoid;
            for (const auto& i : in.inspector_pool)
                if (rng() % 4 == 0)
                    avoid.push_back(i);
            avoid.push_back("I-999");
            worst = std::max(worst, avoid.size() - 1);
            in.conflicts[id] = avoid;
        }
    // Mostly feasible, sometimes one too large.
    const auto feasible = pool - worst;
    in.team_size =
        static_cast<std::int64_t>(rng() % 10 == 0 ? feasible + 1 : rng() % (feasible + 1));
    return in;
}

} // namespace

TEST_CASE("every draw vector reproduces selected and teams exactly") {
    const json vectors = load_vectors();
    bool saw_non_ascii_id = false;
    for (const json& v : vectors) {
        const DrawRecord draw = decode(v);
        CAPTURE(draw.id);
        saw_non_ascii_id =
            saw_non_ascii_id || std::any_of(draw.id.begin(), draw.id.end(), [](char c) {
                return static_cast<unsigned char>(c) >= 0x80;
            });
        auto outcome = fi::compute_draw(draw);
        REQUIRE(outcome.ok());
        CHECK(outcome->selected == v.at("selected").get<std::vector<std::string>>());
        CHECK(outcome->teams ==
              v.at("teams").get<std::map<std::string, std::vector<std::string>>>());
        const auto verification = fi::verify_draw(draw);
        CHECK(verification.verified());
        CHECK(verification.message.empty());
        auto commitment = fi::seed_commitment_for(draw.seed);
        REQUIRE(commitment.ok());
        CHECK(*commitment == draw.seed_commitment);
    }
    // The UTF-8 draw id path is exercised.
    CHECK(saw_non_ascii_id);
}

TEST_CASE("the naive implementation agrees with the vectors too") {
    for (const json& v : load_vectors()) {
        const DrawRecord draw = decode(v);
        const auto naive = naive_draw(draw);
        REQUIRE(naive.has_value());
        CHECK(naive->selected == draw.selected);
        CHECK(naive->teams == draw.teams);
    }
}

TEST_CASE("verify_draw catches each kind of tampering at the right step") {
    const json vectors = load_vectors();
    const json v1 = vector_named(vectors, "D-TEST-1");
    const json v2 = vectors.at(1);
    REQUIRE(v2.at("conflicts").size() > 0);

    const auto step_of = [](const json& tampered) { return fi::verify_draw(decode(tampered)); };

    SUBCASE("unknown algorithm") {
        json t = v1;
        t["algorithm"] = "sha256-ctr-fy-v9";
        const auto r = step_of(t);
        CHECK(r.step == DrawStep::algorithm);
        CHECK(r.message.find("sha256-ctr-fy-v9") != std::string::npos);
    }
    SUBCASE("a 1.1 algorithm needs the plan's commitment") {
        json t = v1;
        t["algorithm"] = "sha256-ctr-fy-v2";
        CHECK(step_of(t).step == DrawStep::plan_unknown);
    }
    SUBCASE("seed not 64 hex digits") {
        for (const std::string& bad : {std::string(63, 'a'), std::string(65, 'a'),
                                       std::string(63, 'a') + "g", std::string()}) {
            json t = v1;
            t["seed"] = bad;
            CHECK(step_of(t).step == DrawStep::seed);
        }
    }
    SUBCASE("seed changed: no longer matches the commitment") {
        json t = v1;
        std::string seed = t["seed"];
        seed[0] = seed[0] == '0' ? '1' : '0';
        t["seed"] = seed;
        CHECK(step_of(t).step == DrawStep::commitment);
    }
    SUBCASE("commitment changed") {
        json t = v1;
        std::string c = t["seed_commitment"];
        c[63] = c[63] == '0' ? '1' : '0';
        t["seed_commitment"] = c;
        const auto r = step_of(t);
        CHECK(r.step == DrawStep::commitment);
        CHECK_FALSE(r.message.empty());
    }
    SUBCASE("upper-case hex is still the same seed and commitment") {
        json t = v1;
        std::string seed = t["seed"], c = t["seed_commitment"];
        std::transform(seed.begin(), seed.end(), seed.begin(), ::toupper);
        std::transform(c.begin(), c.end(), c.begin(), ::toupper);
        t["seed"] = seed;
        t["seed_commitment"] = c;
        CHECK(step_of(t).verified());
    }
    SUBCASE("k larger than the candidates, or negative") {
        json t = v1;
        t["strata"][0]["k"] = t["strata"][0]["candidates"].size() + 1;
        CHECK(step_of(t).step == DrawStep::strata);
        t["strata"][0]["k"] = -1;
        CHECK(step_of(t).step == DrawStep::strata);
    }
    SUBCASE("k changed within range") {
        json t = v1;
        t["strata"][1]["k"] = 2;
        const auto r = step_of(t);
        CHECK(r.step == DrawStep::selected);
        REQUIRE(r.position.has_value());
        CHECK(*r.position == 3); // the extra pick appears after the three published
    }
    SUBCASE("a selected candidate removed from the candidates") {
        json t = v2;
        const std::string first = t["selected"][0];
        auto& candidates = t["strata"][0]["candidates"];
        candidates.erase(std::find(candidates.begin(), candidates.end(), first));
        const auto r = step_of(t);
        CHECK(r.step == DrawStep::selected);
        REQUIRE(r.position.has_value());
        CHECK(*r.position == 0);
        CHECK(r.message.find(first) != std::string::npos);
    }
    SUBCASE("a candidate listed twice") {
        json t = v1;
        t["strata"][1]["candidates"].push_back(t["strata"][0]["candidates"][0]);
        CHECK(step_of(t).step == DrawStep::strata);
    }
    SUBCASE("two selected targets swapped") {
        json t = v1;
        std::swap(t["selected"][1], t["selected"][2]);
        const auto r = step_of(t);
        CHECK(r.step == DrawStep::selected);
        REQUIRE(r.position.has_value());
        CHECK(*r.position == 1);
    }
    SUBCASE("a team's leader and member swapped") {
        json t = v1;
        auto& team = t["teams"]["T-004"];
        std::swap(team[0], team[1]);
        const auto r = step_of(t);
        CHECK(r.step == DrawStep::teams);
        CHECK(r.target_id == "T-004");
        REQUIRE(r.position.has_value());
        CHECK(*r.position == 0);
        CHECK(r.message.find("T-004") != std::string::npos);
    }
    SUBCASE("a team for a target that was not drawn") {
        json t = v1;
        t["teams"]["T-005"] = json::array({"I-01", "I-02"});
        const auto r = step_of(t);
        CHECK(r.step == DrawStep::teams);
        CHECK(r.target_id == "T-005");
    }
    SUBCASE("a team missing") {
        json t = v1;
        t["teams"].erase("T-011");
        const auto r = step_of(t);
        CHECK(r.step == DrawStep::teams);
        CHECK(r.target_id == "T-011");
    }
    SUBCASE("a conflict added against a drawn leader") {
        json t = v1;
        const std::string leader = t["teams"]["T-004"][0];
        t["conflicts"]["T-004"] = json::array({leader});
        const auto r = step_of(t);
        CHECK(r.step == DrawStep::teams);
        CHECK(r.target_id == "T-004");
    }
    SUBCASE("a published conflict removed") {
        json t = v2;
        const std::string target = t["conflicts"].begin().key();
        t["conflicts"].erase(target);
        const auto r = step_of(t);
        CHECK(r.step == DrawStep::teams);
        CHECK(r.target_id == target);
    }
    SUBCASE("team size changed") {
        json t = v1;
        t["team_size"] = 3;
        const auto r = step_of(t);
        CHECK(r.step == DrawStep::teams);
        CHECK(r.target_id == "T-001"); // the first selected target's team is already longer
    }
    SUBCASE("team size larger than the pool minus conflicts") {
        json t = v1;
        t["team_size"] = 5;
        CHECK(step_of(t).step == DrawStep::team_size);
        t = v2;
        // The target with the most conflicts cannot field the whole pool minus one.
        t["team_size"] = t["inspector_pool"].size() - 1;
        const auto r = step_of(t);
        CHECK(r.step == DrawStep::team_size);
        CHECK(v2.at("conflicts").contains(r.target_id));
        t["team_size"] = -1;
        CHECK(step_of(t).step == DrawStep::team_size);
    }
    SUBCASE("an inspector listed twice in the pool") {
        json t = v1;
        t["inspector_pool"].push_back(t["inspector_pool"][0]);
        CHECK(step_of(t).step == DrawStep::inspector_pool);
    }
    SUBCASE("the draw id changed (it feeds the stream)") {
        json t = v2;
        t["id"] = "D-2026Q4-03";
        CHECK_FALSE(step_of(t).verified());
    }
    SUBCASE("excluded targets are information, not input") {
        json t = v1;
        t["excluded"] =
            json::array({{{"target_id", "T-099"}, {"reason", "inspected_by_higher_level"}}});
        CHECK(step_of(t).verified());
    }
}

TEST_CASE("verify_assignment_team compares leader-then-members with the drawn team") {
    const json v1 = vector_named(load_vectors(), "D-TEST-1");
    const DrawRecord draw = decode(v1);
    const std::vector<std::string> drawn = v1.at("teams").at("T-004");

    CHECK(fi::verify_assignment_team(draw, "T-004", drawn).verified());

    const std::vector<std::string> swapped{drawn[1], drawn[0]};
    auto r = fi::verify_assignment_team(draw, "T-004", swapped);
    CHECK(r.step == DrawStep::assignment_team);
    REQUIRE(r.position.has_value());
    CHECK(*r.position == 0);
    CHECK(r.message.find("leader") != std::string::npos);

    std::vector<std::string> with_extra = drawn;
    with_extra.push_back("X-201");
    r = fi::verify_assignment_team(draw, "T-004", with_extra);
    CHECK(r.step == DrawStep::assignment_team);
    CHECK(*r.position == drawn.size());

    r = fi::verify_assignment_team(draw, "T-005", drawn);
    CHECK(r.step == DrawStep::assignment_team);
    CHECK(r.target_id == "T-005");

    // Another target's team is not this target's team.
    const std::vector<std::string> other = v1.at("teams").at("T-001");
    CHECK_FALSE(fi::verify_assignment_team(draw, "T-004", other).verified());

    // A matching team proves nothing if the draw itself does not verify.
    DrawRecord tampered = draw;
    tampered.seed_commitment = std::string(64, '0');
    CHECK(fi::verify_assignment_team(tampered, "T-004", drawn).step == DrawStep::commitment);
}

TEST_CASE("decode_draw is strict about the interface's members and names the field") {
    const json v1 = vector_named(load_vectors(), "D-TEST-1");

    SUBCASE("each required member missing") {
        for (const char* name : {"id", "plan_id", "algorithm", "seed", "seed_commitment", "strata",
                                 "selected", "inspector_pool", "team_size", "teams"}) {
            json t = v1;
            t.erase(name);
            auto r = fi::decode_draw(t);
            REQUIRE_FALSE(r.ok());
            CHECK(r.error().field == name);
            CHECK(r.error().message.find(name) != std::string::npos);
        }
    }
    SUBCASE("wrong types") {
        const std::vector<std::pair<std::string, json>> cases = {
            {"/id", 7},
            {"/strata/0/k", "2"},
            {"/strata/0/k", 2.0},
            {"/strata/1/candidates/1", 11},
            {"/strata/0/category", nullptr},
            {"/team_size", true},
            {"/teams/T-001", "I-04"},
            {"/conflicts", json::array()},
            {"/inspector_pool", "I-01"},
            {"/strata", json::object()},
            {"/published_at", 5},
            {"/excluded", json::array({{{"target_id", 1}, {"reason", "x"}}})},
        };
        const std::vector<std::string> fields = {"id",
                                                 "strata[0].k",
                                                 "strata[0].k",
                                                 "strata[1].candidates[1]",
                                                 "strata[0].category",
                                                 "team_size",
                                                 "teams.T-001",
                                                 "conflicts",
                                                 "inspector_pool",
                                                 "strata",
                                                 "published_at",
                                                 "excluded[0].target_id"};
        for (std::size_t i = 0; i < cases.size(); ++i) {
            json t = v1;
            t[json::json_pointer(cases[i].first)] = cases[i].second;
            auto r = fi::decode_draw(t);
            CAPTURE(cases[i].first);
            REQUIRE_FALSE(r.ok());
            CHECK(r.error().field == fields[i]);
        }
    }
    SUBCASE("a missing stratum member") {
        json t = v1;
        t["strata"][1].erase("k");
        auto r = fi::decode_draw(t);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().field == "strata[1].k");
    }
    SUBCASE("unknown members ignored, optional ones absent or null") {
        json t = v1;
        t["future_field"] = {{"x", 1}};
        t["strata"][0]["weight"] = 3;
        t.erase("conflicts");
        t["excluded"] = nullptr;
        t["published_at"] = "2026-09-30T10:00:00.000+08:00";
        auto r = fi::decode_draw(t);
        REQUIRE(r.ok());
        CHECK(r->conflicts.empty());
        CHECK(r->excluded.empty());
        CHECK(r->published_at == "2026-09-30T10:00:00.000+08:00");
        CHECK_FALSE(r->drawn_at.has_value());
        CHECK(fi::verify_draw(*r).verified());
    }
    SUBCASE("not an object, and hostile shapes never throw") {
        for (const json& bad : {json(nullptr), json::array(), json("draw"), json(1),
                                json::parse(R"({"strata":[1,2,3]})"),
                                json::parse(R"({"id":"x","plan_id":"p","algorithm":"a",
                                   "seed":"s","seed_commitment":"c","strata":[{"category":1}]})")})
            CHECK_NOTHROW(CHECK_FALSE(fi::decode_draw(bad).ok()));
        // Every member of a real draw replaced by every wrong kind of value.
        const json kinds[] = {nullptr,
                              true,
                              1,
                              -1,
                              1.5,
                              "x",
                              json::array(),
                              json::object(),
                              json::array({1}),
                              json::object({{"a", 1}})};
        for (const auto& item : v1.items())
            for (const json& k : kinds) {
                json t = v1;
                t[item.key()] = k;
                CHECK_NOTHROW((void)fi::decode_draw(t));
            }
    }
}

TEST_CASE("encode_draw and decode_draw round-trip") {
    for (const json& v : load_vectors()) {
        DrawRecord draw = decode(v);
        draw.excluded.push_back({"T-1", "inspected_by_higher_level"});
        draw.drawn_at = "2026-10-01T09:00:00.000+08:00";
        const json encoded = fi::encode_draw(draw);
        auto back = fi::decode_draw(encoded);
        REQUIRE(back.ok());
        CHECK(*back == draw);
        // Everything the vector says survives.
        for (const auto& item : v.items())
            CHECK(encoded.at(item.key()) == item.value());
    }
}

TEST_CASE("compute_draw refuses inputs it cannot draw from, naming the field") {
    DrawRecord draw = decode(vector_named(load_vectors(), "D-TEST-1"));
    draw.strata[1].k = 4;
    auto r = fi::compute_draw(draw);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().field == "strata[1].k");
    draw.strata[1].k = 1;
    draw.team_size = 5;
    r = fi::compute_draw(draw);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().field == "team_size");
    // compute_draw does not check the commitment: the server computes before publishing it.
    draw.team_size = 2;
    draw.seed_commitment.clear();
    CHECK(fi::compute_draw(draw).ok());
}

TEST_CASE("draw_max_accepted rejects exactly 2^64 mod n values at the top") {
    constexpr auto max = std::numeric_limits<std::uint64_t>::max();
    CHECK(fi::draw_max_accepted(1) == max);
    CHECK(fi::draw_max_accepted(2) == max);
    CHECK(fi::draw_max_accepted(4) == max);
    CHECK(fi::draw_max_accepted(3) == max - 1);  // 2^64 = 4^32 ≡ 1 (mod 3)
    CHECK(fi::draw_max_accepted(10) == max - 6); // 2^64 = 18446744073709551616
    CHECK(fi::draw_max_accepted(max) == max - 1);
    const std::uint64_t half_plus_one = (std::uint64_t{1} << 63) + 1;
    // 2^64 mod (2^63 + 1) = 2^63 − 1, so only x < 2^63 + 1 is accepted.
    CHECK(fi::draw_max_accepted(half_plus_one) == std::uint64_t{1} << 63);
    // Whatever n, the accepted range is a whole number of n-sized runs.
    std::mt19937_64 rng(7);
    for (int i = 0; i < 1000; ++i) {
        const std::uint64_t n = rng() >> (rng() % 64);
        if (n == 0)
            continue;
        const std::uint64_t accepted_count_mod_n = (fi::draw_max_accepted(n) % n + 1) % n;
        CHECK(accepted_count_mod_n == 0);
        CHECK(max - fi::draw_max_accepted(n) < n);
    }
}

TEST_CASE("compute_draw agrees with a naive implementation on 300 random draws") {
    std::mt19937_64 rng(0x5eed);
    int feasible = 0;
    int infeasible = 0;
    for (int n = 0; n < 300; ++n) {
        const fi::DrawInput input = random_input(rng, n);
        CAPTURE(n);
        CAPTURE(input.id);
        const auto ours = fi::compute_draw(input);
        const auto naive = naive_draw(input);
        REQUIRE(ours.ok() == naive.has_value());
        if (!naive) {
            ++infeasible;
            CHECK(ours.error().field == "team_size");
            continue;
        }
        ++feasible;
        CHECK(ours->selected == naive->selected);
        CHECK(ours->teams == naive->teams);
        // Teams never contain a conflicted inspector or anyone twice.
        for (const auto& [target, team] : ours->teams) {
            CHECK(std::set<std::string>(team.begin(), team.end()).size() == team.size());
            if (input.conflicts.count(target))
                for (const auto& member : team)
                    CHECK(std::find(input.conflicts.at(target).begin(),
                                    input.conflicts.at(target).end(),
                                    member) == input.conflicts.at(target).end());
        }
        // What compute_draw makes, verify_draw accepts.
        DrawRecord record;
        static_cast<fi::DrawInput&>(record) = input;
        record.selected = ours->selected;
        record.teams = ours->teams;
        CHECK(fi::verify_draw(record).verified());
    }
    CHECK(feasible >= 200);
    CHECK(infeasible >= 1);
}
