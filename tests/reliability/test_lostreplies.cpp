// Scenario 2, lost replies (Jepsen's favourite): the server commits every request, then drops
// 30 % of its replies — inspections, photo chunks and offset queries alike. N inspections with
// photos must end on the server exactly once each, every photo complete (the server checks its
// SHA-256 at the last byte), and the tablet's outbox empty.
//
// The central system accepts one record per assignment; later records of the same assignment
// are corrections (`supersedes`), so the N records are chains of corrections over every
// assignment the inspector holds, each correction made once its original is uploaded — as a
// tablet makes them.
#include "core/photostore.h"
#include "scenario.h"
#include "syncfixture.h"

#include <chrono>
#include <map>
#include <set>

using namespace fi;
using namespace fi::test;
using nlohmann::json;

TEST_CASE("scenario 2: replies lost after commit, every record exactly once") {
    const int n = env_int("FI_RELIABILITY_UPLOADS", 200);
    const auto started = std::chrono::steady_clock::now();
    CentralServer server;
    Tablet t(server.process.base_url());
    t.sign_in("leader1"); // four assignments, so four chains of corrections
    t.pull();
    const auto assignments = t.assignments();
    REQUIRE_FALSE(assignments.empty());

    server.faults(json::array({{{"method", "POST"},
                                {"path", "/inspections$"},
                                {"fault", "drop_after_commit"},
                                {"percent", 30},
                                {"seed", 2026}},
                               {{"method", "PATCH"},
                                {"path", "^/api/v1/photos/"},
                                {"fault", "drop_after_commit"},
                                {"percent", 30},
                                {"seed", 1128}},
                               {{"method", "HEAD"},
                                {"path", "^/api/v1/photos/"},
                                {"fault", "drop_after_commit"},
                                {"percent", 30},
                                {"seed", 8}}}));

    RecordStore records(t.db);
    std::map<std::string, std::string> last; // assignment → its latest record
    std::vector<std::string> made;
    int rounds = 0, stuck_batches = 0;
    while (static_cast<int>(made.size()) < n) {
        // One batch: the next record of every assignment (a correction after the first).
        for (const auto& a : assignments) {
            if (static_cast<int>(made.size()) >= n)
                break;
            std::string id;
            if (!last.contains(a.id)) {
                id = t.complete_record(a.id, 1, 2048);
            } else {
                id = make_uuid_v4();
                auto draft =
                    records.start_correction(last[a.id], id, "补充现场情况", {make_uuid_v4()});
                REQUIRE_MESSAGE(draft.ok(), (draft.ok() ? "" : draft.error().message));
                CHECK(draft->photos.size() == 1);
                auto done = records.complete(id, t.device_id);
                REQUIRE_MESSAGE(done.ok(), (done.ok() ? "" : done.error().message));
            }
            last[a.id] = id;
            made.push_back(id);
        }
        const int r = t.upload_until_done(60, 64 * 1024);
        if (r < 0)
            ++stuck_batches;
        REQUIRE_MESSAGE(r > 0, "a batch never finished uploading");
        rounds += r;
    }

    server.faults(json::array());
    const auto lines = server.inspections();
    std::map<std::string, int> seen;
    std::int64_t photos_total = 0, photos_complete = 0, photo_offsets_ok = 0;
    for (const auto& line : lines) {
        ++seen[line.substr(0, line.find(' '))];
        const auto at = line.rfind("photos ");
        REQUIRE(at != std::string::npos);
        const auto slash = line.find('/', at);
        photos_complete += std::stoll(line.substr(at + 7, slash - at - 7));
        photos_total += std::stoll(line.substr(slash + 1));
    }
    std::int64_t lost = 0, duplicates = 0, local_photos = 0, not_uploaded = 0;
    PhotoStore photos(t.db);
    for (const auto& id : made) {
        if (!seen.contains(id))
            ++lost;
        auto stored = records.load(id);
        REQUIRE(stored.ok());
        if (stored->state != RecordState::uploaded)
            ++not_uploaded;
        for (const auto& p : stored->record.photos) {
            ++local_photos;
            // The server's view of the photo: every byte there (its hash was checked then).
            auto off = t.client.photo_offset(p.id);
            if (off.ok() && off->offset == off->length && off->length == p.bytes)
                ++photo_offsets_ok;
            CHECK(photos.hash_stored(p.id).value() == p.sha256);
        }
    }
    for (const auto& [id, count] : seen)
        duplicates += count - 1;
    const auto secs =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started)
            .count();
    report(2, "lost replies",
           {n, not_uploaded + (photos_total - photos_complete) + stuck_batches, lost, duplicates,
            std::to_string(photos_complete) + "/" + std::to_string(photos_total) +
                " photos complete, " + std::to_string(rounds) + " upload rounds, " +
                std::to_string(secs) + " s"});
    CHECK(lines.size() == made.size());
    CHECK(seen.size() == made.size());
    CHECK(lost == 0);
    CHECK(duplicates == 0);
    CHECK(not_uploaded == 0);
    CHECK(photos_total == local_photos);
    CHECK(photos_complete == photos_total);
    CHECK(photo_offsets_ok == local_photos);
    CHECK(t.open_entries().empty());
    // The faults did fire: the run was not a fair-weather one.
    CHECK(rounds > static_cast<int>((n + assignments.size() - 1) / assignments.size()));
}
