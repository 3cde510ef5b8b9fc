// Fuzz target: the guard every answer of the central system passes first (sync/jsonguard.h),
// with the item texts cut from what it admitted, then canonical JSON (core/canonicaljson.h)
// over whatever it let through.

#include "core/canonicaljson.h"
#include "fuzzsupport.h"
#include "sync/jsonguard.h"

#include <utility>
#include <vector>

namespace {

/// Nesting depth of a parsed value, without recursion.
std::size_t depth_of(const nlohmann::json& root) {
    std::size_t deepest = 0;
    std::vector<std::pair<const nlohmann::json*, std::size_t>> todo{{&root, 0}};
    while (!todo.empty()) {
        auto [value, depth] = todo.back();
        todo.pop_back();
        if (!value->is_structured())
            continue;
        deepest = std::max(deepest, depth + 1);
        for (const auto& child : *value)
            todo.emplace_back(&child, depth + 1);
    }
    return deepest;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto text = fi::fuzz::text_of(data, size);

    // A tight limit as well as the real one, so the depth scan's edge is reached often.
    for (const std::size_t limit : {std::size_t{3}, fi::sync::max_json_depth}) {
        auto parsed = fi::sync::parse_untrusted_json(text, limit);
        if (!parsed) {
            FI_FUZZ_CHECK(parsed.error().code == "decode");
            continue;
        }
        FI_FUZZ_CHECK(depth_of(*parsed) <= limit);
        // Each item's text as cut from the answer is what the parser made of that item.
        const auto items = parsed->is_object() ? parsed->find("items") : parsed->end();
        const auto texts = fi::sync::member_elements(text, "items");
        FI_FUZZ_CHECK(texts.has_value() == (items != parsed->end() && items->is_array()));
        if (texts) {
            FI_FUZZ_CHECK(texts->size() == items->size());
            for (std::size_t k = 0; k < texts->size(); ++k)
                FI_FUZZ_CHECK(nlohmann::json::parse((*texts)[k]) == (*items)[k]);
        }
        // Accepted text is valid UTF-8, so dumping it again must not throw.
        const std::string dumped = parsed->dump();
        FI_FUZZ_CHECK(fi::sync::parse_untrusted_json(dumped, limit).ok());

        auto canonical = fi::canonical_json(*parsed);
        if (!canonical)
            continue;
        // Canonical JSON is JSON, means the same, and is a fixed point.
        auto again = fi::sync::parse_untrusted_json(*canonical, limit);
        FI_FUZZ_CHECK(again.ok());
        FI_FUZZ_CHECK(*again == *parsed);
        auto twice = fi::canonical_json(*again);
        FI_FUZZ_CHECK(twice.ok() && *twice == *canonical);
    }
    return 0;
}
