// Signatures over real HTTP on loopback against the real reference server: the uploader
// sends the signature images like photos, and the central system holds the record complete
// only once they are there.
#include "core/photostore.h"
#include "core/sha256.h"
#include "syncfixture.h"

using namespace fi;
using namespace fi::test;

namespace {

const std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"100\">"
                        "<path d=\"M10 50 L120 20 L200 80\" stroke=\"black\" fill=\"none\"/></svg>";

std::span<const std::uint8_t> as_bytes(const std::string& s) {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

/// A valid on-site record of inspector1's, signed by everyone present and the
/// representative (or refused), completed; its id.
std::string signed_record(Tablet& t, bool representative_signs) {
    ReferenceStore refs(t.db);
    std::optional<Assignment> onsite;
    for (const auto& a : t.assignments())
        if (a.mode == InspectionMode::onsite)
            onsite = a;
    REQUIRE(onsite.has_value());
    auto made = make_valid_record(refs, *onsite, make_uuid_v4(), false);
    made.record.signatures = std::vector<Signature>{};
    RecordStore records(t.db);
    REQUIRE(records.create_draft(made.record).ok());
    for (const auto& who : made.record.inspectors_present) {
        SignatureCapture c{make_uuid_v4(),         "inspector", who, "", "", "image/svg+xml",
                           made.record.finished_at};
        REQUIRE(records.add_signature(made.record.id, c, as_bytes(svg + who)).ok());
    }
    if (representative_signs) {
        SignatureCapture c{make_uuid_v4(),  "representative",       "", "王建国", "环保负责人",
                           "image/svg+xml", made.record.finished_at};
        REQUIRE(records.add_signature(made.record.id, c, as_bytes(svg)).ok());
    } else {
        REQUIRE(records.record_refusal(made.record.id, "拒绝签字").ok());
    }
    auto done = records.complete(made.record.id, t.device_id);
    REQUIRE_MESSAGE(done.ok(), (done.ok() ? "" : done.error().message));
    return made.record.id;
}

} // namespace

TEST_CASE("signature images go up like photos, the record is complete only with them") {
    CentralServer server;
    Tablet t(server.process.base_url());
    t.sign_in("inspector1");
    t.pull();
    const std::string id = signed_record(t, true);
    const auto stored = RecordStore(t.db).load(id).value();
    const auto signatures = stored.record.signatures.value();
    const std::size_t images = signatures.size();
    REQUIRE(images >= 3);

    // The POST goes through and the first image is refused on the way: not complete yet.
    server.faults(nlohmann::json::array({{{"method", "PATCH"},
                                          {"path", "/photos/" + signatures[0].id},
                                          {"fault", "status"},
                                          {"status", 503}}}));
    auto first = t.upload();
    CHECK(first.uploaded == 0);
    CHECK(RecordStore(t.db).load(id).value().state == RecordState::completed);
    auto lines = server.inspections();
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].find("photos 0/" + std::to_string(images)) != std::string::npos);

    server.faults(nlohmann::json::array());
    CHECK(t.upload_until_done(5) > 0);
    CHECK(RecordStore(t.db).load(id).value().state == RecordState::uploaded);
    lines = server.inspections();
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].find("photos " + std::to_string(images) + "/" + std::to_string(images)) !=
          std::string::npos);
}

TEST_CASE("a refusal sends no image, the inspectors' signatures still go up") {
    CentralServer server;
    Tablet t(server.process.base_url());
    t.sign_in("inspector1");
    t.pull();
    const std::string id = signed_record(t, false);
    const auto present = RecordStore(t.db).load(id).value().record.inspectors_present.size();
    const auto s = t.upload();
    CHECK(s.uploaded == 1);
    CHECK(s.requests == 1 + static_cast<int>(present)); // POST, one PATCH per image
    const auto lines = server.inspections();
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].find("photos " + std::to_string(present) + "/" + std::to_string(present)) !=
          std::string::npos);
}
