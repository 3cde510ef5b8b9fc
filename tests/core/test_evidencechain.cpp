#include "core/evidencechain.h"
#include "core/sha256.h"

#include <doctest/doctest.h>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

using json = nlohmann::json;
using fi::ChainBreak;
using fi::ChainLink;

namespace {

json load_vector() {
    std::ifstream in(std::string(FI_TEST_DATA_DIR) + "/chain-vector.json", std::ios::binary);
    REQUIRE(in.good());
    std::stringstream buf;
    buf << in.rdbuf();
    return json::parse(buf.str());
}

const std::string zeros(64, '0');

// Three records of one device, chained with next_link, each carrying its `chain` member.
std::vector<json> make_chain(const json& base, const std::string& device) {
    std::vector<json> out;
    std::optional<ChainLink> previous;
    for (int i = 0; i < 3; ++i) {
        json record = base;
        record["id"] = "rec-" + std::to_string(i + 1);
        record["answers"][1]["value"] = 10 + i;
        auto link = fi::next_link(previous, device, record);
        REQUIRE(link.ok());
        record["chain"] = link->to_json();
        out.push_back(record);
        previous = *link;
    }
    return out;
}

} // namespace

TEST_CASE("chain_hash matches the worked vector") {
    const json v = load_vector();
    const json& record = v.at("record_without_chain");
    const json& chain = v.at("chain");
    const std::string prev = chain.at("prev").get<std::string>();
    const std::string hash = chain.at("hash").get<std::string>();
    REQUIRE(prev == zeros);

    // The vector is self-consistent: hash = SHA-256(prev ‖ canonical).
    CHECK(fi::Sha256::hex(prev + v.at("canonical").get<std::string>()) == hash);

    auto computed = fi::chain_hash(prev, record);
    REQUIRE(computed.ok());
    CHECK(*computed == hash);

    // A record carrying its own chain member hashes the same: the member is removed first.
    json with_chain = record;
    with_chain["chain"] = chain;
    auto again = fi::chain_hash(prev, with_chain);
    REQUIRE(again.ok());
    CHECK(*again == hash);
}

TEST_CASE("next_link starts a device's chain at seq 1 with the genesis prev") {
    const json v = load_vector();
    const json& chain = v.at("chain");
    auto link = fi::next_link(std::nullopt, chain.at("device_id").get<std::string>(),
                              v.at("record_without_chain"));
    REQUIRE(link.ok());
    CHECK(link->seq == 1);
    CHECK(link->prev == zeros);
    CHECK(link->prev == fi::chain_genesis_prev);
    CHECK(link->hash == chain.at("hash").get<std::string>());
    CHECK(link->to_json() == chain);
    auto parsed = ChainLink::from_json(chain);
    REQUIRE(parsed.ok());
    CHECK(*parsed == *link);
}

TEST_CASE("next_link continues from the previous link") {
    const json v = load_vector();
    const auto records = make_chain(v.at("record_without_chain"), "dev-1");
    for (std::size_t i = 1; i < records.size(); ++i) {
        const json& prev = records[i - 1].at("chain");
        const json& cur = records[i].at("chain");
        CHECK(cur.at("seq").get<std::int64_t>() == prev.at("seq").get<std::int64_t>() + 1);
        CHECK(cur.at("prev") == prev.at("hash"));
        json body = records[i];
        body.erase("chain");
        // Independent composition: SHA-256 over prev's ASCII then the record's dump (equal to
        // canonical JSON for this float-free, std::map-ordered record).
        CHECK(cur.at("hash").get<std::string>() ==
              fi::Sha256::hex(prev.at("hash").get<std::string>() + body.dump()));
    }
}

TEST_CASE("next_link refuses a previous link of another device") {
    const json v = load_vector();
    auto first = fi::next_link(std::nullopt, "dev-1", v.at("record_without_chain"));
    REQUIRE(first.ok());
    auto second = fi::next_link(*first, "dev-2", v.at("record_without_chain"));
    REQUIRE_FALSE(second.ok());
    CHECK(second.error().field == "chain.device_id");
}

TEST_CASE("chain_hash refuses a malformed prev, a non-object record and floats") {
    const json v = load_vector();
    const json& record = v.at("record_without_chain");
    CHECK_FALSE(fi::chain_hash(std::string(63, '0'), record).ok());
    CHECK_FALSE(fi::chain_hash(std::string(64, 'A'), record).ok());
    CHECK_FALSE(fi::chain_hash(std::string(64, 'g'), record).ok());
    CHECK_FALSE(fi::chain_hash(zeros, json::array()).ok());
    json with_float = record;
    with_float["location"]["lat_e6"] = 30.391234;
    auto r = fi::chain_hash(zeros, with_float);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().field == "/location/lat_e6");
}

TEST_CASE("verify_chain accepts an intact chain and a tail after a known link") {
    const json v = load_vector();
    const auto records = make_chain(v.at("record_without_chain"), "dev-1");
    CHECK(fi::verify_chain(records).ok());
    CHECK(fi::verify_chain(std::span<const json>{}).ok());

    auto anchor = ChainLink::from_json(records[0].at("chain"));
    REQUIRE(anchor.ok());
    CHECK(fi::verify_chain(std::span(records).subspan(1), *anchor).ok());
    // Without the anchor the tail does not start at seq 1.
    auto tail = fi::verify_chain(std::span(records).subspan(1));
    REQUIRE_FALSE(tail.ok());
    CHECK(tail.first_break->kind == ChainBreak::Kind::wrong_seq);
}

TEST_CASE("verify_chain reports the first break: which record and why") {
    const json v = load_vector();
    const auto good = make_chain(v.at("record_without_chain"), "dev-1");

    SUBCASE("content changed after chaining") {
        auto records = good;
        records[1]["answers"][0]["value"] = "pass";
        auto r = fi::verify_chain(records);
        REQUIRE_FALSE(r.ok());
        CHECK(r.first_break->kind == ChainBreak::Kind::wrong_hash);
        CHECK(r.first_break->index == 1);
        CHECK(r.first_break->record_id == "rec-2");
        CHECK(r.first_break->message.find("rec-2") != std::string::npos);
    }
    SUBCASE("a Chinese text changed by one character") {
        auto records = good;
        records[2]["public_text"] = "未发现问题";
        auto r = fi::verify_chain(records);
        REQUIRE_FALSE(r.ok());
        CHECK(r.first_break->kind == ChainBreak::Kind::wrong_hash);
        CHECK(r.first_break->index == 2);
    }
    SUBCASE("a record never arrived") {
        std::vector<json> records{good[0], good[2]};
        auto r = fi::verify_chain(records);
        REQUIRE_FALSE(r.ok());
        CHECK(r.first_break->kind == ChainBreak::Kind::wrong_seq);
        CHECK(r.first_break->index == 1);
        CHECK(r.first_break->record_id == "rec-3");
        CHECK(r.first_break->message.find("missing") != std::string::npos);
    }
    SUBCASE("records out of order") {
        std::vector<json> records{good[1], good[0], good[2]};
        auto r = fi::verify_chain(records);
        REQUIRE_FALSE(r.ok());
        CHECK(r.first_break->kind == ChainBreak::Kind::wrong_seq);
        CHECK(r.first_break->index == 0);
    }
    SUBCASE("prev does not name the previous hash") {
        auto records = good;
        records[2]["chain"]["prev"] = records[0]["chain"]["hash"];
        auto r = fi::verify_chain(records);
        REQUIRE_FALSE(r.ok());
        CHECK(r.first_break->kind == ChainBreak::Kind::wrong_prev);
        CHECK(r.first_break->index == 2);
    }
    SUBCASE("the first record does not start from the genesis prev") {
        auto records = good;
        records[0]["chain"]["prev"] = std::string(63, '0') + "1";
        auto r = fi::verify_chain(records);
        REQUIRE_FALSE(r.ok());
        CHECK(r.first_break->kind == ChainBreak::Kind::wrong_prev);
        CHECK(r.first_break->index == 0);
    }
    SUBCASE("a hash replaced with another valid-looking one") {
        auto records = good;
        records[0]["chain"]["hash"] = std::string(64, 'a');
        auto r = fi::verify_chain(records);
        REQUIRE_FALSE(r.ok());
        CHECK(r.first_break->kind == ChainBreak::Kind::wrong_hash);
        CHECK(r.first_break->index == 0);
    }
    SUBCASE("a record re-chained consistently but by another device") {
        auto other = make_chain(v.at("record_without_chain"), "dev-2");
        std::vector<json> records{good[0], other[1]};
        auto r = fi::verify_chain(records);
        REQUIRE_FALSE(r.ok());
        CHECK(r.first_break->kind == ChainBreak::Kind::wrong_device);
        CHECK(r.first_break->index == 1);
    }
    SUBCASE("a record without its chain member, or with a mistyped one") {
        auto records = good;
        records[1].erase("chain");
        auto r = fi::verify_chain(records);
        REQUIRE_FALSE(r.ok());
        CHECK(r.first_break->kind == ChainBreak::Kind::malformed);
        CHECK(r.first_break->index == 1);

        records = good;
        records[1]["chain"]["seq"] = "2";
        r = fi::verify_chain(records);
        REQUIRE_FALSE(r.ok());
        CHECK(r.first_break->kind == ChainBreak::Kind::malformed);
        CHECK(r.first_break->message.find("chain.seq") != std::string::npos);
    }
    SUBCASE("a seq that is a float") {
        auto records = good;
        records[0]["chain"]["seq"] = 1.0;
        auto r = fi::verify_chain(records);
        REQUIRE_FALSE(r.ok());
        CHECK(r.first_break->kind == ChainBreak::Kind::malformed);
    }
}

TEST_CASE("ChainLink::from_json is strict about every member") {
    const json good = {{"device_id", "d"}, {"seq", 3}, {"prev", zeros}, {"hash", zeros}};
    REQUIRE(ChainLink::from_json(good).ok());
    for (const char* name : {"device_id", "seq", "prev", "hash"}) {
        json missing = good;
        missing.erase(name);
        auto r = ChainLink::from_json(missing);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().field == std::string("chain.") + name);
    }
    CHECK_FALSE(ChainLink::from_json(json::array()).ok());
    json huge = good;
    huge["seq"] = std::numeric_limits<std::uint64_t>::max();
    CHECK_FALSE(ChainLink::from_json(huge).ok());
}
