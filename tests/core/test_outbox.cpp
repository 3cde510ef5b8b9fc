// The outbox rows as the uploader sees them: order, due times, receipts, parking, and the
// small settings store beside them.
#include "core/metastore.h"
#include "core/outboxstore.h"
#include "support/domainfixture.h"

#include <doctest/doctest.h>
#include <regex>
#include <set>

using namespace fi;
using namespace fi::test;

namespace {
std::string complete_one(Fixture& f, const std::string& id, std::size_t photo_bytes = 0) {
    auto r = f.record(id);
    REQUIRE(f.records.create_draft(r).ok());
    if (photo_bytes)
        f.add_photo(id, "p-" + id, std::nullopt, photo_bytes);
    auto done = f.records.complete(id, device);
    REQUIRE_MESSAGE(done.ok(), (done.ok() ? "" : done.error().message));
    return id;
}
} // namespace

TEST_CASE("completed records wait in the outbox in chain order with their photo bytes") {
    Fixture f;
    const auto a = complete_one(f, "00000000-0000-4000-8000-00000000000a", 5000);
    const auto b = complete_one(f, "00000000-0000-4000-8000-00000000000b");
    OutboxStore outbox(f.db);
    auto open = outbox.open_entries();
    REQUIRE(open.ok());
    REQUIRE(open->size() == 2);
    CHECK((*open)[0].record_id == a);
    CHECK((*open)[0].chain_seq == 1);
    CHECK((*open)[0].photo_bytes == 5000);
    CHECK((*open)[0].inspection_day == "2026-11-28");
    CHECK((*open)[1].record_id == b);
    CHECK((*open)[1].state == OutboxState::pending);
    CHECK_FALSE((*open)[1].acked);
}

TEST_CASE("retries wait until due, parked records wait for the user, receipts are kept") {
    Fixture f;
    const auto a = complete_one(f, "00000000-0000-4000-8000-0000000000a1");
    const auto b = complete_one(f, "00000000-0000-4000-8000-0000000000b1");
    OutboxStore outbox(f.db);
    REQUIRE(outbox.record_retry(a, 10'000, "network_timeout", "timed out").ok());
    REQUIRE(outbox.park(b, "already_inspected", "该任务已有检查记录").ok());
    CHECK(outbox.due(9'999).value().empty());
    auto due = outbox.due(10'000);
    REQUIRE(due.ok());
    REQUIRE(due->size() == 1);
    CHECK(due->front().attempts == 1);
    CHECK(due->front().error_code == "network_timeout");
    auto parked = outbox.entry(b).value();
    CHECK(parked.state == OutboxState::parked);
    CHECK(parked.error_message == "该任务已有检查记录");

    REQUIRE(outbox.record_ack(a, "2026-11-28T10:06:00.000+08:00", true).ok());
    auto acked = outbox.entry(a).value();
    CHECK(acked.acked);
    CHECK(acked.late);
    CHECK(acked.state == OutboxState::uploading);
    CHECK_FALSE(acked.error_code.has_value());

    REQUIRE(outbox.unpark(b).ok());
    CHECK(outbox.entry(b).value().state == OutboxState::pending);
    CHECK(outbox.due(0).value().size() == 1); // b is due at once; a still waits until 10 s

    REQUIRE(f.records.mark_uploaded(a, "2026-11-28T10:06:00.000+08:00", true).ok());
    CHECK(outbox.entry(a).value().state == OutboxState::uploaded);
    CHECK(outbox.open_entries().value().size() == 1);
    CHECK_FALSE(outbox.park(a, "x", "y").ok()); // an uploaded record cannot be parked
    CHECK(outbox.entry("nope").error().code == "not_found");
}

TEST_CASE("settings live in the encrypted store, the device id is made once") {
    Fixture f;
    MetaStore meta(f.db);
    CHECK_FALSE(meta.get("session.token").value().has_value());
    REQUIRE(meta.set("session.token", "t-1").ok());
    REQUIRE(meta.set("session.token", "t-2").ok());
    CHECK(meta.get("session.token").value() == std::optional<std::string>("t-2"));
    REQUIRE(meta.erase("session.token").ok());
    CHECK_FALSE(meta.get("session.token").value().has_value());

    const auto id = meta.device_id().value();
    CHECK(meta.device_id().value() == id);
    const std::regex uuid4("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    CHECK(std::regex_match(id, uuid4));
    std::set<std::string> many;
    for (int i = 0; i < 200; ++i) {
        const auto u = make_uuid_v4();
        CHECK(std::regex_match(u, uuid4));
        many.insert(u);
    }
    CHECK(many.size() == 200);
}
