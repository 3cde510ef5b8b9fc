// Fuzz target: the decoders of the list endpoints (`GET /catalogue`, `/inspectors`,
// `/assignments`, core/modeljson.h), page and item, with the round trip their encoders promise;
// and the inspection record decoder, which reads back what the store and the server hold.

#include "core/canonicaljson.h"
#include "core/modeljson.h"
#include "fuzzsupport.h"
#include "sync/jsonguard.h"

namespace {

/// encode(decode(encode(x))) == encode(x): what decoded once decodes again unchanged.
template <class T, class Encode, class Decode>
void check_round_trip(const T& value, Encode encode, Decode decode) {
    const nlohmann::json once = encode(value);
    (void)once.dump(); // decoded text is valid UTF-8: dump must not throw
    auto back = decode(once);
    FI_FUZZ_CHECK(back.ok());
    FI_FUZZ_CHECK(encode(*back) == once);
}

template <class T> void check_page(const fi::Result<fi::Page<T>>& page) {
    if (!page) {
        FI_FUZZ_CHECK(page.error().code == fi::model_json_invalid);
        return;
    }
    FI_FUZZ_CHECK(!page->has_more || !page->next_cursor.empty());
    for (const auto& rejected : page->rejected)
        FI_FUZZ_CHECK(!rejected.error.message.empty());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto parsed = fi::sync::parse_untrusted_json(fi::fuzz::text_of(data, size));
    if (!parsed)
        return 0;
    const nlohmann::json& json = *parsed;

    auto catalogue = fi::decode_catalogue_page(json);
    check_page(catalogue);
    std::vector<fi::CatalogueItem> items;
    if (catalogue) {
        items = catalogue->items;
        for (const auto& item : items)
            check_round_trip(item, fi::encode_catalogue_item, fi::decode_catalogue_item);
    }

    auto roster = fi::decode_inspector_page(json);
    check_page(roster);
    if (roster)
        for (const auto& inspector : roster->items)
            check_round_trip(inspector, fi::encode_inspector, fi::decode_inspector);

    auto assignments = fi::decode_assignment_page(json);
    check_page(assignments);
    if (assignments) {
        const auto lookup = fi::lookup_in(std::span<const fi::CatalogueItem>(items));
        for (const auto& assignment : assignments->items) {
            check_round_trip(assignment, fi::encode_assignment, fi::decode_assignment);
            for (const auto& e : fi::cross_check_assignment(assignment, lookup))
                FI_FUZZ_CHECK(e.code == fi::model_json_unknown_item);
        }
    }

    // Single objects: a re-draw answer carries bare assignments; records come back from the
    // store and the server.
    if (auto item = fi::decode_catalogue_item(json))
        check_round_trip(*item, fi::encode_catalogue_item, fi::decode_catalogue_item);
    if (auto inspector = fi::decode_inspector(json))
        check_round_trip(*inspector, fi::encode_inspector, fi::decode_inspector);
    if (auto assignment = fi::decode_assignment(json))
        check_round_trip(*assignment, fi::encode_assignment, fi::decode_assignment);
    if (auto record = fi::decode_inspection_record(json)) {
        check_round_trip(*record, fi::encode_inspection_record, fi::decode_inspection_record);
        (void)fi::canonical_json(fi::encode_inspection_record(*record));
    }
    return 0;
}
