// Conformance of the tus-style photo upload (central-api.md "Photo bytes"), and many clients
// uploading at once.
#include "core/sha256.h"
#include "core/statement.h"
#include "server/inspectionstore.h"
#include "server/planstore.h"
#include "server/serverdatabase.h"
#include "server/sessionservice.h"
#include "serverfixture.h"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <random>
#include <set>
#include <thread>

using namespace fi::test;

namespace {

std::string bytes_of(std::size_t n, unsigned seed) {
    std::mt19937 random(seed);
    std::string s(n, '\0');
    for (char& c : s)
        c = static_cast<char>(random() & 0xff);
    return s;
}

/// A leader1 session with an accepted inspection declaring `photos`.
struct Upload {
    Tablet tablet;
    Http http;
    json record;

    Upload(TestServer& ts, const std::vector<std::string>& photos)
        : http(ts.port(), sign_in(ts.port(), "leader1", tablet.device_id())) {
        // Not shared with inspector1, who stands for someone off the team below.
        const json assignment = led_assignment(http, "I-022", true, "I-002");
        record = tablet.chain(tablet.record(assignment, photos));
        const Answer a = http.post("/inspections", record,
                                   {{"Idempotency-Key", record["id"].get<std::string>()}});
        REQUIRE(a.status == 201);
    }
    std::string photo(std::size_t i) const {
        return "/photos/" + record["photos"][i]["id"].get<std::string>();
    }
};

/// Send `bytes` from `offset` in chunks; the last answer.
Answer send(const Http& http, const std::string& path, const std::string& bytes, std::size_t offset,
            std::size_t chunk) {
    Answer last;
    while (offset < bytes.size()) {
        const std::size_t n = std::min(chunk, bytes.size() - offset);
        last = http.patch(path, bytes.substr(offset, n), static_cast<std::int64_t>(offset));
        if (last.status != 204)
            return last;
        offset += n;
        CHECK(last.header("Upload-Offset") == std::to_string(offset));
    }
    return last;
}

} // namespace

TEST_CASE("HEAD /photos/{id}: 404 undeclared, else the offset and the declared length") {
    TestServer ts;
    const std::string photo = bytes_of(5000, 1);
    Upload u(ts, {photo});
    CHECK(u.http.head("/photos/" + random_uuid()).status == 404);
    const Answer h = u.http.head(u.photo(0));
    REQUIRE(h.status == 200);
    CHECK(h.header("Upload-Offset") == "0");
    CHECK(h.header("Upload-Length") == "5000");
    CHECK(h.header("Upload-Complete").empty());
    CHECK(!h.header("Date").empty());
    // GET of a photo is not part of the interface.
    CHECK(u.http.get(u.photo(0)).status == 405);
    // Someone not on the team cannot see it.
    CHECK(Http(ts.port(), sign_in(ts.port(), "inspector1")).head(u.photo(0)).status == 404);
    CHECK(Http(ts.port()).head(u.photo(0)).status == 401);
}

TEST_CASE("PATCH appends chunks, the last one is checked and answered Upload-Complete") {
    TestServer ts;
    const std::string photo = bytes_of(300 * 1024 + 17, 2);
    Upload u(ts, {photo, bytes_of(10, 3)});
    const Answer first = u.http.patch(u.photo(0), photo.substr(0, 100 * 1024UL), 0);
    REQUIRE(first.status == 204);
    CHECK(first.header("Upload-Offset") == std::to_string(100 * 1024));
    CHECK(first.header("Upload-Complete").empty());
    CHECK(first.body.empty());
    CHECK(u.http.head(u.photo(0)).header("Upload-Offset") == std::to_string(100 * 1024));

    const Answer last = send(u.http, u.photo(0), photo, 100 * 1024UL, 64 * 1024UL);
    CHECK(last.status == 204);
    CHECK(last.header("Upload-Complete") == "true");
    const Answer head = u.http.head(u.photo(0));
    CHECK(head.header("Upload-Offset") == std::to_string(photo.size()));
    CHECK(head.header("Upload-Complete") == "true");
    CHECK(*ts.server().inspection_store().photo_bytes(
              u.record["photos"][0]["id"].get<std::string>()) == photo);
    // Asking again at the end is harmless; anything else is a mismatch.
    CHECK(u.http.patch(u.photo(0), "", static_cast<std::int64_t>(photo.size())).status == 204);
    CHECK(u.http.patch(u.photo(0), "x", 0).status == 409);

    // The replayed upload now lists only the other photo as missing.
    const Answer replay = u.http.post("/inspections", u.record,
                                      {{"Idempotency-Key", u.record["id"].get<std::string>()}});
    CHECK(replay.status == 200);
    CHECK(replay.json_body()["photos_missing"] == json::array({u.record["photos"][1]["id"]}));
}

TEST_CASE("409 offset_mismatch, 413 beyond the declared length, 415 media type, 422 offset") {
    TestServer ts;
    const std::string photo = bytes_of(2000, 4);
    Upload u(ts, {photo});
    REQUIRE(u.http.patch(u.photo(0), photo.substr(0, 500), 0).status == 204);
    const Answer behind = u.http.patch(u.photo(0), photo.substr(0, 500), 0);
    CHECK(behind.status == 409);
    CHECK(behind.code() == "offset_mismatch");
    const Answer ahead = u.http.patch(u.photo(0), photo.substr(600, 100), 600);
    CHECK(ahead.status == 409);
    const Answer beyond = u.http.patch(u.photo(0), photo.substr(500) + "extra", 500);
    CHECK(beyond.status == 413);
    CHECK(beyond.code() == "too_large");
    const Answer media =
        u.http.patch(u.photo(0), photo.substr(500), 500, "application/octet-stream");
    CHECK(media.status == 415);
    CHECK(media.code() == "unsupported_media_type");
    httplib::Client c("127.0.0.1", ts.port());
    auto no_offset =
        c.Patch("/api/v1" + u.photo(0), {{"Authorization", "Bearer " + u.http.token()}},
                photo.substr(500), "application/offset+octet-stream");
    REQUIRE(no_offset);
    CHECK(no_offset->status == 422);
    CHECK(u.http.patch("/photos/" + random_uuid(), "x", 0).status == 404);
    // None of the refusals moved the offset.
    CHECK(u.http.head(u.photo(0)).header("Upload-Offset") == "500");
}

TEST_CASE("422 hash_mismatch discards the bytes and resets the offset to 0") {
    TestServer ts;
    const std::string photo = bytes_of(4096, 5);
    Upload u(ts, {photo});
    std::string corrupted = photo;
    corrupted[4000] = static_cast<char>(corrupted[4000] ^ 0x01);
    REQUIRE(u.http.patch(u.photo(0), corrupted.substr(0, 2048), 0).status == 204);
    const Answer bad = u.http.patch(u.photo(0), corrupted.substr(2048), 2048);
    CHECK(bad.status == 422);
    CHECK(bad.code() == "hash_mismatch");
    CHECK(bad.header("Upload-Offset") == "0");
    CHECK(u.http.head(u.photo(0)).header("Upload-Offset") == "0");
    CHECK(ts.server()
              .inspection_store()
              .photo_bytes(u.record["photos"][0]["id"].get<std::string>())
              ->empty());
    const Answer good = send(u.http, u.photo(0), photo, 0, 1000);
    CHECK(good.header("Upload-Complete") == "true");
}

TEST_CASE("another team member, signed in on another device, may resume the upload") {
    TestServer ts;
    const std::string photo = bytes_of(3000, 6);
    Upload u(ts, {photo});
    REQUIRE(u.http.patch(u.photo(0), photo.substr(0, 1000), 0).status == 204);
    // Give the team member a login of their own.
    const std::string member = u.record["inspectors_present"][1];
    REQUIRE(ts.server()
                .sessions()
                .put_user("member1", "demo1234", member, "成员", "单位", {"inspector"})
                .ok());
    Http other(ts.port(), sign_in(ts.port(), "member1"));
    CHECK(other.head(u.photo(0)).header("Upload-Offset") == "1000");
    CHECK(send(other, u.photo(0), photo, 1000, 1000).header("Upload-Complete") == "true");
}

TEST_CASE("20 clients uploading at once lose and duplicate nothing") {
    TestServer ts;
    // One login per drawn leader, so each client has an assignment of its own to inspect.
    auto rows = ts.server().plan_store().assignments_of_plan("P-2026-Q4");
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 20);
    struct Job {
        std::string user;
        json assignment;
    };
    std::vector<Job> jobs;
    for (const auto& row : *rows) {
        const json a = json::parse(row.body);
        const std::string user = "u-" + row.id;
        REQUIRE(ts.server()
                    .sessions()
                    .put_user(user, "demo1234", a["team"][0]["inspector_id"].get<std::string>(),
                              "检查员", "单位", {"inspector", "leader"})
                    .ok());
        jobs.push_back({user, a});
    }
    std::mutex mutex;
    std::map<std::string, std::string> sent; // photo id → bytes
    std::vector<std::string> record_ids;
    std::vector<std::string> failures;
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < jobs.size(); ++i)
        threads.emplace_back([&, i] {
            try {
                Tablet tablet;
                Http http(ts.port(), sign_in(ts.port(), jobs[i].user, tablet.device_id()));
                const std::vector<std::string> photos{
                    bytes_of(40 * 1024UL + i, static_cast<unsigned>(i)),
                    bytes_of(90 * 1024UL, static_cast<unsigned>(100 + i))};
                const json record = tablet.chain(tablet.record(jobs[i].assignment, photos));
                const httplib::Headers key{{"Idempotency-Key", record["id"].get<std::string>()}};
                // Each client sends its record twice, as a client does after a lost answer.
                const Answer first = http.post("/inspections", record, key);
                const Answer again = http.post("/inspections", record, key);
                if (first.status != 201 || again.status != 200) {
                    std::lock_guard lock(mutex);
                    failures.push_back(jobs[i].user + ": " + first.body + again.body);
                    return;
                }
                for (std::size_t p = 0; p < photos.size(); ++p) {
                    const std::string path =
                        "/photos/" + record["photos"][p]["id"].get<std::string>();
                    // Resume from whatever the server holds, as a client would.
                    const std::size_t offset = std::stoul(http.head(path).header("Upload-Offset"));
                    const Answer done = send(http, path, photos[p], offset, 16 * 1024UL);
                    if (done.header("Upload-Complete") != "true") {
                        std::lock_guard lock(mutex);
                        failures.push_back(jobs[i].user + ": photo " + done.body);
                    }
                    std::lock_guard lock(mutex);
                    sent[record["photos"][p]["id"].get<std::string>()] = photos[p];
                }
                std::lock_guard lock(mutex);
                record_ids.push_back(record["id"]);
            } catch (const std::exception& e) {
                std::lock_guard lock(mutex);
                failures.push_back(jobs[i].user + ": " + e.what());
            }
        });
    for (auto& t : threads)
        t.join();
    for (const auto& f : failures)
        FAIL_CHECK(f);
    CHECK(record_ids.size() == 20);

    auto& inspections = ts.server().inspection_store();
    const auto stored = inspections.inspections();
    REQUIRE(stored.ok());
    CHECK(stored->size() == 20);
    std::set<std::string> ids;
    std::set<std::string> assignments;
    for (const auto& r : *stored) {
        ids.insert(r.id);
        assignments.insert(r.assignment_id);
    }
    CHECK(ids == std::set<std::string>(record_ids.begin(), record_ids.end()));
    CHECK(assignments.size() == 20);
    CHECK(sent.size() == 40);
    for (const auto& [id, bytes] : sent) {
        const auto photo = inspections.find_photo(id);
        REQUIRE(photo->has_value());
        CHECK((*photo)->complete);
        CHECK(*inspections.photo_bytes(id) == bytes);
    }
}

TEST_CASE("bytes past a photo's count — a crash between its file's write and its row's commit — "
          "are never acknowledged and are overwritten by the resumed upload") {
    TestServer ts;
    const std::string photo = bytes_of(200 * 1024UL, 7);
    Upload u(ts, {photo});
    const std::string id = u.record["photos"][0]["id"].get<std::string>();
    fi::server::InspectionStore& store = ts.server().inspection_store();
    REQUIRE(u.http.patch(u.photo(0), photo.substr(0, 100 * 1024UL), 0).status == 204);

    // What a server killed after writing (and syncing) a chunk's bytes, before counting them,
    // leaves: the file longer than the row says, with bytes nobody acknowledged.
    {
        std::fstream file(store.photo_path(id), std::ios::in | std::ios::out | std::ios::binary);
        REQUIRE(file);
        file.seekp(100 * 1024L);
        const std::string stray(150 * 1024UL, 'X');
        file.write(stray.data(), static_cast<std::streamsize>(stray.size()));
    }
    REQUIRE(std::filesystem::file_size(store.photo_path(id)) == 250 * 1024UL);
    CHECK(u.http.head(u.photo(0)).header("Upload-Offset") == std::to_string(100 * 1024));
    CHECK(*store.photo_bytes(id) == photo.substr(0, 100 * 1024UL));
    CHECK(u.http.patch(u.photo(0), "x", 150 * 1024).status == 409); // not where the count is

    // Resumed where the count is, over the stray bytes, in two chunks: the hash at the last byte
    // is of the photo's declared length, not of the whole file.
    const Answer done = send(u.http, u.photo(0), photo, 100 * 1024UL, 64 * 1024UL);
    CHECK(done.status == 204);
    CHECK(done.header("Upload-Complete") == "true");
    CHECK(*store.photo_bytes(id) == photo);
    CHECK(*store.photo_sha256(id) == fi::Sha256::hex(photo));
}

TEST_CASE("photo bytes an earlier version kept in the database move to their file when it is "
          "opened, once") {
    TestServer ts;
    const std::string photo = bytes_of(70 * 1024UL, 8);
    Upload u(ts, {photo});
    const std::string id = u.record["photos"][0]["id"].get<std::string>();
    REQUIRE(u.http.patch(u.photo(0), photo, 0).status == 204);
    const auto file = ts.server().inspection_store().photo_path(id);
    const auto db_file = file.parent_path().parent_path() / "server.db"; // photos/ beside it

    // As an earlier version left it: the bytes as rows of photo_chunks, no file.
    {
        auto earlier = fi::server::ServerDatabase::open(db_file);
        REQUIRE(earlier);
        auto db = (*earlier)->lock();
        for (std::size_t start = 0; start < photo.size(); start += 32 * 1024UL) {
            const std::string part = photo.substr(start, 32 * 1024UL);
            auto st = db->prepare("INSERT INTO photo_chunks (photo_id, start, data) "
                                  "VALUES (?1, ?2, ?3)");
            REQUIRE(st);
            st->bind_all(
                id, static_cast<std::int64_t>(start),
                std::span(reinterpret_cast<const std::uint8_t*>(part.data()), part.size()));
            const fi::Status ran = st->run();
            REQUIRE(ran);
        }
    }
    std::filesystem::remove(file);

    auto opened = fi::server::ServerDatabase::open(db_file);
    REQUIRE(opened);
    REQUIRE(std::filesystem::exists(file));
    fi::server::InspectionStore store(**opened);
    CHECK(*store.photo_bytes(id) == photo);
    CHECK(*store.photo_sha256(id) == fi::Sha256::hex(photo));
    std::int64_t chunks = -1;
    {
        auto db = (*opened)->lock();
        auto st = db->prepare("SELECT count(*) FROM photo_chunks");
        REQUIRE(st);
        REQUIRE(*st->step());
        chunks = st->column_int64(0);
    }
    CHECK(chunks == 0);
    // The running server reads the same file: the photo is still complete.
    CHECK(u.http.head(u.photo(0)).header("Upload-Complete") == "true");
}

TEST_CASE("a hostile photo id chooses no path: its bytes land in photos/ under the id's hash") {
    // The id is the client's text, and it names the file the server writes. An id made to climb
    // out of photos/ ("..", "..\\…", percent-encoded on the wire) is only ever hashed; one with
    // a "/" is never routed to a photo at all (the path is decoded before it is matched).
    TestServer ts;
    const std::string photo = bytes_of(3000, 11);
    const std::vector<std::string> hostile = {"..", "..\\..\\escape", "%2E%2E", "../../escape"};
    Tablet tablet;
    Http http(ts.port(), sign_in(ts.port(), "leader1", tablet.device_id()));
    const json assignment = led_assignment(http, "I-022", true, "I-002");
    json record = tablet.record(assignment, std::vector<std::string>(hostile.size(), photo));
    for (std::size_t i = 0; i < hostile.size(); ++i)
        record["photos"][i]["id"] = hostile[i];
    record = tablet.chain(record);
    const Answer posted =
        http.post("/inspections", record, {{"Idempotency-Key", record["id"].get<std::string>()}});
    REQUIRE(posted.status == 201);

    const auto listing = [](const std::filesystem::path& dir) {
        std::set<std::string> names;
        for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
            names.insert(std::filesystem::relative(e.path(), dir).string());
        return names;
    };
    const std::filesystem::path data = ts.data_dir();
    const auto before = listing(data);
    fi::server::InspectionStore& store = ts.server().inspection_store();
    const auto photo_dir = store.photo_path("x").parent_path();
    std::set<std::string> expected;
    for (const std::string& id : hostile) {
        CAPTURE(id);
        std::string escaped;
        for (const unsigned char c : id) {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", c);
            escaped += hex; // every byte, "/" too (the server decodes before it routes)
        }
        const Answer patched = http.patch("/photos/" + escaped, photo, 0);
        if (id.find('/') != std::string::npos) {
            CHECK(patched.status == 404); // no route: nothing is written for it
            CHECK_FALSE(std::filesystem::exists(store.photo_path(id)));
            continue;
        }
        CHECK(patched.status == 204);
        CHECK(patched.header("Upload-Complete") == "true");
        // The bytes are in photos/, in the file named by the id's hash, and nowhere else.
        const auto file = store.photo_path(id);
        CHECK(file.parent_path() == photo_dir);
        CHECK(file.filename() == fi::Sha256::hex(id));
        CHECK(*store.photo_bytes(id) == photo);
        expected.insert(std::filesystem::relative(file, data).string());
    }
    CHECK_FALSE(std::filesystem::exists(data / "escape"));
    CHECK_FALSE(std::filesystem::exists(data.parent_path() / "escape"));
    // Their photo files are all that appeared anywhere in the server's directory.
    std::set<std::string> added;
    for (const auto& name : listing(data))
        if (!before.contains(name))
            added.insert(name);
    CHECK(added == expected);
    const Answer head = http.head("/photos/%2E%2E");
    CHECK(head.status == 200);
    CHECK(head.header("Upload-Offset") == std::to_string(photo.size()));
}
