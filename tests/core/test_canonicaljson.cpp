#include "core/canonicaljson.h"

#include <cstdint>
#include <doctest/doctest.h>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>

using fi::canonical_json;
using json = nlohmann::json;

namespace {

json load_json(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::stringstream buf;
    buf << in.rdbuf();
    return json::parse(buf.str());
}

std::string canon(const json& j) {
    auto r = canonical_json(j);
    REQUIRE(r.ok());
    return *r;
}

// A random JSON value without floats; strings mix ASCII, control characters and UTF-8.
json random_value(std::mt19937_64& rng, int depth) {
    std::uniform_int_distribution<int> kind(0, depth > 3 ? 4 : 6);
    static const char* pieces[] = {"a",    "Z",    "中",   "é", "\n", "\t", "\"", "\\",  "/",
                                   "\x01", "\x1f", "\x7f", "😀", " ",  "b",  "_",  "配额"};
    const auto random_string = [&] {
        std::string s;
        const auto len = std::uniform_int_distribution<int>(0, 6)(rng);
        for (int i = 0; i < len; ++i)
            s += pieces[std::uniform_int_distribution<std::size_t>(0, std::size(pieces) - 1)(rng)];
        return s;
    };
    switch (kind(rng)) {
    case 0:
        return nullptr;
    case 1:
        return std::uniform_int_distribution<int>(0, 1)(rng) == 1;
    case 2:
        return static_cast<std::int64_t>(rng());
    case 3:
        return static_cast<std::uint64_t>(rng());
    case 4:
        return random_string();
    case 5: {
        json a = json::array();
        const auto n = std::uniform_int_distribution<int>(0, 4)(rng);
        for (int i = 0; i < n; ++i)
            a.push_back(random_value(rng, depth + 1));
        return a;
    }
    default: {
        json o = json::object();
        const auto n = std::uniform_int_distribution<int>(0, 4)(rng);
        for (int i = 0; i < n; ++i)
            o[random_string()] = random_value(rng, depth + 1);
        return o;
    }
    }
}

std::string nested_arrays(std::size_t depth) {
    return std::string(depth, '[') + std::string(depth, ']');
}

} // namespace

TEST_CASE("canonical_json reproduces the chain vector's canonical string") {
    const json vector = load_json(std::string(FI_TEST_DATA_DIR) + "/chain-vector.json");
    const auto canonical = vector.find("canonical");
    REQUIRE(canonical != vector.end());
    CHECK(canon(vector.at("record_without_chain")) == canonical->get<std::string>());
}

TEST_CASE("canonical_json sorts member names in byte order at every level") {
    const json j = json::parse(R"({"b":1,"a":{"y":[{"d":1,"c":2}],"x":0},"Z":3,"é":4,"z":5})");
    CHECK(canon(j) == R"({"Z":3,"a":{"x":0,"y":[{"c":2,"d":1}]},"b":1,"z":5,"é":4})");
}

TEST_CASE("canonical_json writes no insignificant white space and keeps array order") {
    const json j = json::parse("{ \"k\" : [ 3 , 1 , 2 ] ,\n \"e\" : { } , \"f\" : [ ] }");
    CHECK(canon(j) == R"({"e":{},"f":[],"k":[3,1,2]})");
}

TEST_CASE("canonical_json escapes exactly the characters the interface names") {
    CHECK(canon(json("\"\\")) == R"("\"\\")");
    CHECK(canon(json("\b\f\n\r\t")) == R"("\b\f\n\r\t")");
    CHECK(canon(json(std::string("\0", 1))) == R"("\u0000")");
    CHECK(canon(json("\x01\x0b\x0e\x1a\x1f")) == R"("\u0001\u000b\u000e\u001a\u001f")");
    // Not escaped: solidus, DEL, non-ASCII (UTF-8 as is).
    CHECK(canon(json("a/b\x7f")) == "\"a/b\x7f\"");
    CHECK(canon(json("配额文件过期😀é")) == "\"配额文件过期😀é\"");
    // Names are escaped like values.
    CHECK(canon(json{{"a\nb", 1}}) == R"({"a\nb":1})");
}

TEST_CASE("canonical_json writes integers, booleans and null plainly") {
    CHECK(canon(json(0)) == "0");
    CHECK(canon(json(-1520)) == "-1520");
    CHECK(canon(json(std::numeric_limits<std::int64_t>::min())) == "-9223372036854775808");
    CHECK(canon(json(std::numeric_limits<std::uint64_t>::max())) == "18446744073709551615");
    CHECK(canon(json::parse("[true,false,null]")) == "[true,false,null]");
}

TEST_CASE("canonical_json refuses floating-point numbers and names where they are") {
    for (const char* text : {R"({"a":[1,2.5]})", R"({"a":[1,2.0]})", R"({"a":[1,1e3]})"}) {
        auto r = canonical_json(json::parse(text));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == fi::canonical_json_error::unsupported_number);
        CHECK(r.error().field == "/a/1");
    }
    auto top = canonical_json(json(0.5));
    REQUIRE_FALSE(top.ok());
    CHECK(top.error().code == fi::canonical_json_error::unsupported_number);
    CHECK(top.error().field.empty());
}

TEST_CASE("canonical_json refuses binary values") {
    auto r = canonical_json(json{{"blob", json::binary({1, 2, 3})}});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == fi::canonical_json_error::unsupported_type);
    CHECK(r.error().field == "/blob");
}

TEST_CASE("canonical_json refuses strings and names that are not UTF-8") {
    const char* bad[] = {
        "\xff",             // never valid
        "\xc0\xaf",         // overlong '/'
        "\xe0\x80\xaf",     // overlong, three bytes
        "\xed\xa0\x80",     // UTF-16 surrogate
        "\xf4\x90\x80\x80", // above U+10FFFF
        "\xe4\xb8",         // truncated 中
        "a\x80",            // stray continuation byte
    };
    for (const char* s : bad) {
        auto value = canonical_json(json{{"k", json::array({"ok", std::string(s)})}});
        REQUIRE_FALSE(value.ok());
        CHECK(value.error().code == fi::canonical_json_error::invalid_utf8);
        CHECK(value.error().field == "/k/1");
        json named = json::object();
        named[std::string(s)] = 1;
        auto name = canonical_json(named);
        REQUIRE_FALSE(name.ok());
        CHECK(name.error().code == fi::canonical_json_error::invalid_utf8);
        // The pointer in the error must itself be printable JSON.
        CHECK_NOTHROW((void)json(name.error().field).dump());
    }
}

TEST_CASE("canonical_json accepts 64 levels of nesting and refuses 65") {
    CHECK(canon(json::parse(nested_arrays(64))) == nested_arrays(64));
    auto r = canonical_json(json::parse(nested_arrays(65)));
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == fi::canonical_json_error::too_deep);
    std::string pointer;
    for (int i = 0; i < 64; ++i)
        pointer += "/0";
    CHECK(r.error().field == pointer);
}

TEST_CASE("canonical_json survives hostile nesting without recursion") {
    // Deep enough to overflow the stack of a recursive writer.
    const json deep = json::parse(nested_arrays(200000));
    auto r = canonical_json(deep);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == fi::canonical_json_error::too_deep);
}

TEST_CASE("canonical_json agrees with an independent writer on random float-free values") {
    // nlohmann's compact dump of a std::map-backed value sorts names the same way and escapes
    // the same characters with lower-case hex, so it is an independent oracle here.
    std::mt19937_64 rng(20261128);
    for (int i = 0; i < 500; ++i) {
        const json value = random_value(rng, 0);
        CHECK(canon(value) == value.dump());
        // Canonical form is a fixed point: parsing and re-canonicalising changes nothing.
        CHECK(canon(json::parse(canon(value))) == canon(value));
    }
}
