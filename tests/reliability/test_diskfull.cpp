// Scenario 10, a full disk during capture and during a pull. The store is limited with
// PRAGMA max_page_count (per connection, what SQLite itself answers SQLITE_FULL to), swept
// from no room at all to enough room, so the limit lands in every step: the draft, the photo's
// chunks, the completion; each page, draw and the calendar of a pull. Every step must either
// succeed whole or fail with `disk_full` and a message saying what to do; afterwards the store
// passes integrity_check, everything committed before is intact (records, photos and their
// hashes, outbox entries, settings), and a pull that failed completes once there is room.
#include "core/metastore.h"
#include "core/photostore.h"
#include "core/statement.h"
#include "scenario.h"
#include "syncfixture.h"

#include <set>

using namespace fi;
using namespace fi::test;

namespace {

std::string pragma(Database& db, const std::string& name) {
    auto st = db.prepare("PRAGMA " + name);
    REQUIRE(st.ok());
    REQUIRE(st->step().value());
    return st->column_string(0);
}

void limit_pages(Database& db, std::int64_t extra) {
    const std::int64_t pages = std::stoll(pragma(db, "page_count"));
    REQUIRE(db.exec("PRAGMA max_page_count = " + std::to_string(pages + extra)).ok());
}

void unlimit(Database& db) {
    REQUIRE(db.exec("PRAGMA max_page_count = 1073741823").ok());
}

bool clear_disk_full(const Error& e) {
    return e.code == "disk_full" && e.message.find("full") != std::string::npos;
}

std::vector<std::uint8_t> pattern(std::size_t n, std::size_t seed) {
    std::vector<std::uint8_t> bytes(n);
    for (std::size_t k = 0; k < n; ++k)
        bytes[k] = static_cast<std::uint8_t>((k * 2654435761u + seed * 97) >> 11);
    return bytes;
}

} // namespace

TEST_CASE("scenario 10: disk full during capture and during pull keeps what was committed") {
    CentralServer server;
    Tablet t(server.process.base_url());
    t.sign_in("leader1"); // four assignments: two before, two for the sweep to complete
    t.pull();
    const auto assignments = t.assignments();
    REQUIRE(assignments.size() >= 3);
    std::int64_t runs = 0, failures = 0, lost = 0;

    // Committed before: one record uploaded, one completed and waiting, a setting.
    const auto uploaded = t.complete_record(assignments[0].id, 1, 64 * 1024);
    REQUIRE(t.upload().uploaded == 1);
    const auto waiting = t.complete_record(assignments[1].id, 2, 64 * 1024);
    REQUIRE(MetaStore(t.db).set("reliability.canary", "kept").ok());
    std::map<std::string, std::string> photo_hash; // every photo committed so far
    std::set<std::string> completed = {uploaded, waiting};
    for (const auto& id : completed) {
        const auto stored = RecordStore(t.db).load(id).value();
        for (const auto& p : stored.record.photos)
            photo_hash[p.id] = p.sha256;
    }

    // Capture under a shrinking disk: the limit sweeps through draft, photo and completion.
    RecordStore records(t.db);
    int full_errors = 0;
    std::size_t next_assignment = 2;
    for (std::int64_t extra = 0; extra <= 40; extra += 2) {
        CAPTURE(extra);
        ++runs;
        const bool complete_it = next_assignment < assignments.size();
        const Assignment& a = assignments[complete_it ? next_assignment : 0];
        ReferenceStore refs(t.db);
        auto made = make_valid_record(refs, a, make_uuid_v4(), true);
        limit_pages(t.db, extra);
        auto step = [&](const Status& s) {
            if (s.ok())
                return true;
            ++full_errors;
            if (!clear_disk_full(s.error())) {
                ++failures;
                FAIL_CHECK("not a clear disk-full error: " << s.error().code << " "
                                                           << s.error().message);
            }
            CHECK_FALSE(t.db.in_transaction());
            return false;
        };
        if (step(records.create_draft(made.record))) {
            const auto bytes = pattern(48 * 1024, static_cast<std::size_t>(extra));
            std::size_t off = 0;
            auto ref =
                records.add_photo(made.record.id,
                                  PhotoCapture{make_uuid_v4(), "image/jpeg", made.record.started_at,
                                               std::nullopt, made.finding_needing_photo},
                                  static_cast<std::int64_t>(bytes.size()),
                                  [&](std::span<std::uint8_t> buf) -> Result<std::size_t> {
                                      const auto n = std::min(buf.size(), bytes.size() - off);
                                      std::copy_n(bytes.data() + off, n, buf.data());
                                      off += n;
                                      return n;
                                  });
            if (step(ref.ok() ? Status{} : Status(ref.error()))) {
                photo_hash[ref->id] = ref->sha256;
                if (complete_it) {
                    auto done = records.complete(made.record.id, t.device_id);
                    if (step(done.ok() ? Status{} : Status(done.error()))) {
                        completed.insert(made.record.id);
                        ++next_assignment;
                    }
                }
            } else {
                // The photo is not there at all, and the draft is still a draft.
                CHECK(records.load(made.record.id).value().record.photos.empty());
            }
        }
        unlimit(t.db);
    }
    CHECK(full_errors > 0);      // the sweep did reach a full disk
    CHECK(completed.size() > 2); // and room enough, later, to complete

    // Everything committed is intact, in this connection and in a fresh one.
    CHECK(pragma(t.db, "integrity_check") == "ok");
    PhotoStore photos(t.db);
    for (const auto& [photo, sha] : photo_hash)
        CHECK(photos.hash_stored(photo).value() == sha);
    for (const auto& id : completed) {
        auto r = records.load(id);
        if (!r.ok()) {
            ++lost;
            continue;
        }
        CHECK((r->state == RecordState::completed || r->state == RecordState::uploaded));
    }
    CHECK(MetaStore(t.db).get("reliability.canary").value() == std::optional<std::string>("kept"));
    CHECK(t.open_entries().size() == completed.size() - 1); // all but the uploaded one
    // Every completed record still goes.
    CHECK(t.upload_until_done(3) == 1);
    CHECK(server.inspections().size() == completed.size());

    // Pull under a shrinking disk, into fresh tablets holding a setting committed before.
    std::int64_t pull_pages = 0;
    {
        Tablet probe(server.process.base_url());
        probe.client.set_token(t.client.token());
        const auto before = std::stoll(pragma(probe.db, "page_count"));
        probe.pull();
        pull_pages = std::stoll(pragma(probe.db, "page_count")) - before;
    }
    REQUIRE(pull_pages > 0);
    const std::int64_t step_pages = std::max<std::int64_t>(1, pull_pages / 16);
    int pull_full = 0, pull_ok = 0;
    for (std::int64_t extra = 0; extra <= pull_pages + step_pages; extra += step_pages) {
        CAPTURE(extra);
        ++runs;
        Tablet p(server.process.base_url());
        p.client.set_token(t.client.token());
        REQUIRE(MetaStore(p.db).set("reliability.canary", "kept").ok());
        limit_pages(p.db, extra);
        sync::Puller puller(p.db, p.client);
        auto r = puller.pull_all();
        bool right = false;
        if (r.ok()) {
            ++pull_ok;
            // A pull that says it is done has everything: every draw verified, the calendar.
            right = r->draws_not_verified == 0 && r->draws_verified == assignments.size() &&
                    MetaStore(p.db).get("calendar").value().has_value();
            CHECK(r->draws_not_verified == 0);
            CHECK(r->draws_verified == assignments.size());
            CHECK(MetaStore(p.db).get("calendar").value().has_value());
        } else {
            ++pull_full;
            right = r.error().code == "disk_full" &&
                    r.error().kind != sync::ApiErrorKind::retryable &&
                    r.error().message.find("full") != std::string::npos;
            CHECK(r.error().code == "disk_full");
            CHECK(r.error().kind != sync::ApiErrorKind::retryable);
        }
        failures += right ? 0 : 1;
        unlimit(p.db);
        CHECK(pragma(p.db, "integrity_check") == "ok");
        CHECK(MetaStore(p.db).get("reliability.canary").value() ==
              std::optional<std::string>("kept"));
        // With room again, the pull completes from where it stopped.
        auto again = sync::Puller(p.db, p.client).pull_all();
        REQUIRE(again.ok());
        CHECK(again->draws_not_verified == 0);
        CHECK(p.assignments().size() == assignments.size());
    }
    CHECK(pull_full > 0);
    CHECK(pull_ok > 0);
    report(10, "disk full",
           {runs, failures, lost, 0,
            std::to_string(full_errors) + " capture steps and " + std::to_string(pull_full) +
                " pulls stopped by a full disk, " + std::to_string(pull_pages) +
                " pages per pull"});
}
