// member_elements: each element's text, exactly as received, is what the parser made of it —
// checked against the parser itself on the shapes that could mislead a scan.
#include "sync/jsonguard.h"

#include <doctest/doctest.h>

using namespace fi::sync;
using nlohmann::json;

namespace {

/// Every element's text parses to the parsed answer's element at the same position.
void check_parity(const std::string& text) {
    CAPTURE(text);
    const auto parsed = parse_untrusted_json(text);
    REQUIRE(parsed.ok());
    const auto elements = member_elements(text, "items");
    REQUIRE(elements.has_value());
    const json& items = parsed->at("items");
    REQUIRE(elements->size() == items.size());
    for (std::size_t k = 0; k < items.size(); ++k)
        CHECK(json::parse((*elements)[k]) == items[k]);
}

} // namespace

TEST_CASE("member_elements gives each item's text as it stands in the answer") {
    const std::string text =
        R"( {"next_cursor":"c","items" : [ {"id":"A-1","n":[1,{"x":"]}"}]} ,)"
        R"({"id":"A-2","s":"quote \" brace } bracket ] comma ,"}, 7, "t", null, true, -1.5e3 ],)"
        R"("has_more":false} )";
    const auto elements = member_elements(text, "items");
    REQUIRE(elements.has_value());
    REQUIRE(elements->size() == 7);
    CHECK((*elements)[0] == R"({"id":"A-1","n":[1,{"x":"]}"}]})");
    CHECK((*elements)[1] == R"({"id":"A-2","s":"quote \" brace } bracket ] comma ,"})");
    CHECK((*elements)[2] == "7");
    CHECK((*elements)[6] == "-1.5e3");
    check_parity(text);
}

TEST_CASE("member_elements counts a repeated or escaped member name as the parser does") {
    // The parser keeps a repeated member's last value.
    check_parity(R"({"items":[{"id":"old"}],"items":[{"id":"new"},{"id":"two"}]})");
    check_parity(R"({"\u0069tems":[{"id":"escaped"}],"other":[1]})");
    check_parity(R"({"items":[{"id":"first"}],"\u0069tems":[{"id":"last"}]})");
    check_parity("\xEF\xBB\xBF{\"items\":[]}");
    check_parity("{\"items\":[{\"名\":\"中文\\u4e2d\"}],\"x\":{\"items\":[9]}}");
    // A member of that name inside another value is not the page's.
    const auto inner = member_elements(R"({"x":{"items":[1,2]},"items":[3]})", "items");
    REQUIRE(inner.has_value());
    REQUIRE(inner->size() == 1);
    CHECK(inner->front() == "3");
}

TEST_CASE("member_elements finds nothing where there is no such list") {
    CHECK_FALSE(member_elements(R"([{"items":[1]}])", "items").has_value());
    CHECK_FALSE(member_elements(R"({"items":{"a":1}})", "items").has_value());
    CHECK_FALSE(member_elements(R"({"items":[1],"items":"no"})", "items").has_value());
    CHECK_FALSE(member_elements(R"({"other":[1]})", "items").has_value());
    CHECK_FALSE(member_elements("{}", "items").has_value());
    CHECK_FALSE(member_elements("", "items").has_value());
    CHECK_FALSE(member_elements(R"({"items":[1,)", "items").has_value());
}
