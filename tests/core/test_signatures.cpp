// Signatures on the on-site record (interface 1.1): their JSON (and the record made before
// them, encoded as it was), the completion rule, and the images kept encrypted in the real
// store beside the photos, sealed into the chained body.
#include "core/canonicaljson.h"
#include "core/evidencechain.h"
#include "core/photostore.h"
#include "core/sha256.h"
#include "support/domainfixture.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace fi;
using namespace fi::test;
using nlohmann::json;

namespace {

const std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"100\">"
                        "<path d=\"M10 50 L120 20 L200 80\" stroke=\"black\" fill=\"none\"/></svg>";

std::span<const std::uint8_t> as_bytes(const std::string& s) {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

Signature signed_entry(std::string role, std::string who, std::string id) {
    Signature g;
    g.role = std::move(role);
    if (g.role == "inspector")
        g.inspector_id = std::move(who);
    else {
        g.name = std::move(who);
        g.position = "环保负责人";
    }
    g.id = std::move(id);
    g.sha256 = Sha256::hex(svg);
    g.bytes = static_cast<std::int64_t>(svg.size());
    g.mime = "image/svg+xml";
    g.signed_at = "2026-11-28T10:01:00.000+08:00";
    return g;
}

Signature refusal(std::string reason) {
    Signature g;
    g.role = "representative";
    g.refused = true;
    g.reason = std::move(reason);
    return g;
}

std::vector<std::string> codes_of(const Problems& problems) {
    std::vector<std::string> out;
    for (const auto& p : problems)
        out.push_back(p.code);
    return out;
}

bool has(const std::vector<std::string>& list, std::string_view s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

SignatureCapture signing(std::string id, std::string role, std::string who) {
    SignatureCapture c;
    c.id = std::move(id);
    c.role = std::move(role);
    if (c.role == "inspector")
        c.inspector_id = std::move(who);
    else {
        c.name = std::move(who);
        c.position = "环保负责人";
    }
    c.mime = "image/svg+xml";
    c.signed_at = "2026-11-28T10:01:00.000+08:00";
    return c;
}

} // namespace

TEST_CASE("signatures: a record made before them encodes as it was, one with them round-trips") {
    InspectionRecord old = fixture_record("5f0c1b9e-8a1d-4c57-9d2e-0b7a4c7e2f11");
    const json old_json = encode_inspection_record(old);
    CHECK_FALSE(old_json.contains("signatures"));
    auto back = decode_inspection_record(old_json);
    REQUIRE(back.ok());
    CHECK_FALSE(back->signatures.has_value());
    CHECK(encode_inspection_record(*back) == old_json); // its chain hash stays true

    InspectionRecord r = old;
    r.signatures = std::vector<Signature>{signed_entry("inspector", "I-04", "s-1"),
                                          signed_entry("representative", "王建国", "s-2")};
    json j = encode_inspection_record(r);
    CHECK(j.at("signatures").at(0) == json{{"role", "inspector"},
                                           {"inspector_id", "I-04"},
                                           {"id", "s-1"},
                                           {"sha256", Sha256::hex(svg)},
                                           {"bytes", svg.size()},
                                           {"mime", "image/svg+xml"},
                                           {"signed_at", "2026-11-28T10:01:00.000+08:00"}});
    CHECK(j.at("signatures").at(1).at("name") == "王建国");
    CHECK(j.at("signatures").at(1).at("position") == "环保负责人");
    CHECK_FALSE(j.at("signatures").at(1).contains("inspector_id"));
    auto again = decode_inspection_record(j);
    REQUIRE(again.ok());
    CHECK(encode_inspection_record(*again) == j);

    r.signatures->at(1) = refusal("拒绝签字，称需请示总经理");
    j = encode_inspection_record(r);
    CHECK(j.at("signatures").at(1) == json{{"role", "representative"},
                                           {"refused", true},
                                           {"reason", "拒绝签字，称需请示总经理"}});
    CHECK(encode_inspection_record(decode_inspection_record(j).value()) == j);

    r.signatures = std::vector<Signature>{}; // off site: the member is there, empty
    CHECK(encode_inspection_record(r).at("signatures") == json::array());

    json bad = j;
    bad["signatures"][0]["role"] = "witness";
    CHECK(decode_inspection_record(bad).error().field == "signatures[0].role");
    bad = j;
    bad["signatures"][0].erase("sha256");
    CHECK(decode_inspection_record(bad).error().field == "signatures[0].sha256");
    bad = j;
    bad["signatures"][0]["refused"] = true; // only the representative may refuse
    CHECK_FALSE(decode_inspection_record(bad).ok());
}

TEST_CASE("signatures: on site one per inspector present and the representative's, or refusal") {
    InspectionRecord r = fixture_record("5f0c1b9e-8a1d-4c57-9d2e-0b7a4c7e2f11");
    CHECK(check_signatures(r).empty()); // made before signatures: not judged

    r.signatures = std::vector<Signature>{};
    auto problems = check_signatures(r);
    REQUIRE(problems.size() == 3); // I-04, I-02 and the representative
    for (const auto& p : problems) {
        CHECK(p.code == "missing_signature");
        CHECK(p.field == "signatures");
    }
    CHECK(problems[0].message.find("I-04") != std::string::npos);

    r.signatures = std::vector<Signature>{signed_entry("inspector", "I-04", "s-1"),
                                          signed_entry("inspector", "I-02", "s-2"),
                                          signed_entry("representative", "王建国", "s-3")};
    CHECK(check_signatures(r).empty());
    r.signatures->at(2) = refusal("拒绝签字");
    CHECK(check_signatures(r).empty());

    r.signatures->at(2) = refusal("   ");
    CHECK(codes_of(check_signatures(r)) == std::vector<std::string>{"missing_signature"});
    r.signatures->at(2) = signed_entry("representative", " ", "s-3");
    CHECK(codes_of(check_signatures(r)) == std::vector<std::string>{"missing_signature"});
    r.signatures->at(2) = refusal("拒绝签字");

    auto extra = r; // someone not present signed
    extra.signatures->push_back(signed_entry("inspector", "X-201", "s-4"));
    CHECK(codes_of(check_signatures(extra)) == std::vector<std::string>{"missing_signature"});
    auto twice = r;
    twice.signatures->push_back(signed_entry("inspector", "I-04", "s-4"));
    CHECK(codes_of(check_signatures(twice)) == std::vector<std::string>{"missing_signature"});
    auto two_reps = r;
    two_reps.signatures->push_back(signed_entry("representative", "李四", "s-4"));
    CHECK(codes_of(check_signatures(two_reps)) == std::vector<std::string>{"missing_signature"});

    auto png_only = r;
    png_only.signatures->at(0).mime = "image/jpeg";
    CHECK(codes_of(check_signatures(png_only)) == std::vector<std::string>{"invalid"});
    auto same_id = r;
    same_id.signatures->at(1).id = "s-1";
    CHECK(codes_of(check_signatures(same_id)) == std::vector<std::string>{"invalid"});

    // Off site nobody of the unit signs.
    InspectionRecord off = fixture_record("6a0c1b9e-8a1d-4c57-9d2e-0b7a4c7e2f12");
    off.location.reset();
    off.offsite_method = OffsiteMethod::document_review;
    off.signatures = std::vector<Signature>{};
    CHECK(check_signatures(off).empty());
    off.signatures->push_back(refusal("拒绝"));
    CHECK(codes_of(check_signatures(off)) == std::vector<std::string>{"missing_signature"});

    // The central system answers the same: 422 missing_signature, field signatures.
    Fixture f;
    auto ctx = f.refs.rule_context("A-1").value();
    InspectionRecord unsigned_record = fixture_record("7a0c1b9e-8a1d-4c57-9d2e-0b7a4c7e2f13");
    unsigned_record.signatures = std::vector<Signature>{signed_entry("inspector", "I-04", "s-1")};
    auto refused = validate_for_intake(unsigned_record, ctx.assignment_ptr(), ctx.catalogue(),
                                       ctx.inspectors(), "I-04");
    REQUIRE(refused.has_value());
    CHECK(refused->code == "missing_signature");
    CHECK(refused->field == "signatures");
}

TEST_CASE("signatures: kept encrypted beside the photos, replaced, sealed into the chained body") {
    Fixture f;
    InspectionRecord r = f.record("5f0c1b9e-8a1d-4c57-9d2e-0b7a4c7e2f11");
    r.signatures = std::vector<Signature>{};
    REQUIRE(f.records.create_draft(r).ok());
    auto problems = f.records.completion_problems(r.id);
    REQUIRE(problems.ok());
    CHECK(has(codes_of(*problems), "missing_signature"));
    CHECK_FALSE(f.records.complete(r.id, device).ok());

    auto first = f.records.add_signature(
        r.id, signing("a1000000-0000-4000-8000-000000000001", "inspector", "I-04"), as_bytes(svg));
    REQUIRE_MESSAGE(first.ok(), (first.ok() ? "" : first.error().message));
    CHECK(first->sha256 == Sha256::hex(svg));
    CHECK(first->bytes == static_cast<std::int64_t>(svg.size()));
    CHECK(PhotoStore(f.db).hash_stored(first->id).value() == Sha256::hex(svg));

    // Signing again replaces the earlier image of the same inspector.
    const std::string svg2 = svg + "<!-- again -->";
    auto again = f.records.add_signature(
        r.id, signing("a1000000-0000-4000-8000-000000000002", "inspector", "I-04"), as_bytes(svg2));
    REQUIRE(again.ok());
    CHECK_FALSE(PhotoStore(f.db).info(first->id).ok());
    REQUIRE(f.records
                .add_signature(r.id,
                               signing("a1000000-0000-4000-8000-000000000003", "inspector", "I-02"),
                               as_bytes(svg))
                .ok());
    REQUIRE(f.records
                .add_signature(
                    r.id,
                    signing("a1000000-0000-4000-8000-000000000004", "representative", "王建国"),
                    as_bytes(svg))
                .ok());
    // The representative then refuses after all: one entry, the image gone.
    REQUIRE(f.records.record_refusal(r.id, "拒绝签字，称需请示总经理").ok());
    CHECK_FALSE(PhotoStore(f.db).info("a1000000-0000-4000-8000-000000000004").ok());

    // Autosave keeps what was signed (the editor does not carry signatures).
    InspectionRecord edited = r;
    edited.signatures.reset();
    REQUIRE(f.records.save_draft(edited).ok());
    auto held = f.records.load(r.id).value().record;
    REQUIRE(held.signatures.has_value());
    REQUIRE(held.signatures->size() == 3);
    CHECK(held.signatures->at(0).id == "a1000000-0000-4000-8000-000000000002");
    CHECK(held.signatures->at(2).refused);

    auto done = f.records.complete(r.id, device);
    REQUIRE_MESSAGE(done.ok(), (done.ok() ? "" : done.error().message));
    const json body = json::parse(done->body);
    REQUIRE(body.at("signatures").size() == 3);
    CHECK(body.at("signatures").at(0).at("sha256") == Sha256::hex(svg2));
    CHECK(body.at("signatures").at(2).at("reason") == "拒绝签字，称需请示总经理");
    CHECK(chain_hash(chain_genesis_prev, body).value() == *done->chain_hash);
    // Sealed evidence: the image of a completed record cannot be deleted.
    CHECK_FALSE(PhotoStore(f.db).remove("a1000000-0000-4000-8000-000000000002").ok());
    CHECK_FALSE(f.records.record_refusal(r.id, "later").ok());

    // A correction keeps the signatures given on site, each image under a new id.
    REQUIRE(f.records.mark_uploaded(r.id, "2026-11-28T10:06:00.000+08:00", false).ok());
    auto correction =
        f.records.start_correction(r.id, "bf0c1b9e-8a1d-4c57-9d2e-0b7a4c7e2f17", "笔误", {});
    REQUIRE_MESSAGE(correction.ok(), (correction.ok() ? "" : correction.error().message));
    REQUIRE(correction->signatures.has_value());
    REQUIRE(correction->signatures->size() == 3);
    CHECK(correction->signatures->at(0).id != "a1000000-0000-4000-8000-000000000002");
    CHECK(correction->signatures->at(0).sha256 == Sha256::hex(svg2));
    CHECK(PhotoStore(f.db).hash_stored(correction->signatures->at(0).id).value() ==
          Sha256::hex(svg2));
    CHECK(correction->signatures->at(2).refused);
}

TEST_CASE("signatures: a draft discarded takes its signature images with it") {
    Fixture f;
    InspectionRecord r = f.record("5f0c1b9e-8a1d-4c57-9d2e-0b7a4c7e2f11");
    REQUIRE(f.records.create_draft(r).ok());
    REQUIRE(f.records
                .add_signature(r.id,
                               signing("a1000000-0000-4000-8000-000000000001", "inspector", "I-04"),
                               as_bytes(svg))
                .ok());
    REQUIRE(f.records.discard_draft(r.id).ok());
    CHECK_FALSE(PhotoStore(f.db).info("a1000000-0000-4000-8000-000000000001").ok());
}

TEST_CASE("signatures: an image altered behind the store's back stops completion") {
    Fixture f;
    InspectionRecord r = f.record("5f0c1b9e-8a1d-4c57-9d2e-0b7a4c7e2f19");
    r.signatures = std::vector<Signature>{};
    REQUIRE(f.records.create_draft(r).ok());
    for (const auto& [id, who] : {std::pair{"a3000000-0000-4000-8000-000000000001", "I-04"},
                                  std::pair{"a3000000-0000-4000-8000-000000000002", "I-02"}})
        REQUIRE(f.records.add_signature(r.id, signing(id, "inspector", who), as_bytes(svg)).ok());
    REQUIRE(f.records.record_refusal(r.id, "拒绝签字").ok());
    // Someone with the key blanks the first inspector's image, keeping its size.
    REQUIRE(
        f.db.exec("UPDATE photo_data SET data = zeroblob(length(data)) WHERE id = (SELECT data_id "
                  "FROM photos WHERE id = 'a3000000-0000-4000-8000-000000000001')")
            .ok());
    auto tampered = f.records.complete(r.id, device);
    REQUIRE_FALSE(tampered.ok());
    CHECK(tampered.error().code == "damaged");
    CHECK(tampered.error().field == "a3000000-0000-4000-8000-000000000001");
    CHECK(f.records.load(r.id).value().state == RecordState::draft);
}
