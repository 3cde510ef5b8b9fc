// Uploads against the real reference server: exactly once, resumable photos, the retry
// rules of the interface, hostile answers, sign-in loss, re-draw and revocation.
#include "core/photostore.h"
#include "syncfixture.h"

#include <future>
#include <set>
#include <sqlite3.h>

using namespace fi;
using namespace fi::test;
using nlohmann::json;

namespace {

/// The demo assignment of inspector1 that someone else leads (inspector1 is a member).
Assignment member_assignment(Tablet& t) {
    for (const auto& a : t.assignments())
        if (a.mode == InspectionMode::onsite)
            return a;
    FAIL("inspector1 has no on-site assignment");
    return {};
}

std::set<std::string> ids_on_server(CentralServer& s) {
    std::set<std::string> ids;
    for (const auto& line : s.inspections())
        ids.insert(line.substr(0, line.find(' ')));
    return ids;
}

} // namespace

TEST_CASE("a record and its photos reach the server once, in 1 + k requests") {
    CentralServer server;
    Tablet t(server.process.base_url());
    t.sign_in("inspector1");
    t.pull();
    const auto a = member_assignment(t);
    const auto id = t.complete_record(a.id, 2, 300 * 1024);

    const auto s = t.upload();
    CHECK(s.uploaded == 1);
    CHECK(s.parked == 0);
    CHECK(s.requests == 1 + 2); // POST, then one PATCH per one-chunk photo
    CHECK(s.photo_bytes_sent == 2 * 300 * 1024);
    CHECK(t.open_entries().empty());
    auto stored = RecordStore(t.db).load(id);
    REQUIRE(stored.ok());
    CHECK(stored->state == RecordState::uploaded);
    CHECK_FALSE(stored->received_at.value_or("").empty());

    const auto lines = server.inspections();
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].find(id) == 0);
    CHECK(lines[0].find("photos 2/2") != std::string::npos);
    // Nothing is left to do: a second run sends nothing.
    CHECK(t.upload().requests == 0);
}

TEST_CASE("photos of several uneven chunks go up whole, each chunk read once, in order") {
    // The uploader reads the next chunk while the current one is on the network: across the
    // end of one photo into the next, with a short last chunk. The server checks each
    // photo's SHA-256 at its end, so a chunk read ahead for the wrong place would show.
    CentralServer server;
    Tablet t(server.process.base_url());
    t.sign_in("inspector1");
    t.pull();
    const std::int64_t size = 150 * 1024, chunk = 64 * 1024; // 64 + 64 + 22 KiB
    const auto id = t.complete_record(member_assignment(t).id, 3, size);
    const auto s = t.upload(chunk);
    CHECK(s.uploaded == 1);
    CHECK(s.requests == 1 + 3 * 3);
    CHECK(s.photo_bytes_sent == 3 * size);
    CHECK(server.inspections().at(0).find("photos 3/3") != std::string::npos);
    CHECK(RecordStore(t.db).load(id).value().state == RecordState::uploaded);
}

namespace {

/// Sends through the tablet's real transport and notes, for each request started, which
/// statements the store ran between the start and the moment its answer was asked for.
class ObservingTransport final : public sync::Transport {
public:
    ObservingTransport(sync::Transport& inner, Database& db) : inner_(inner) {
        sqlite3_trace_v2(db.handle(), SQLITE_TRACE_STMT, &ObservingTransport::on_statement, &sql);
    }
    sync::HttpResponse perform(sync::HttpRequest rq) override {
        performed.push_back(rq.method);
        return inner_.perform(std::move(rq));
    }
    std::future<sync::HttpResponse> start(sync::HttpRequest rq) override {
        const std::size_t k = started.size();
        started.push_back({rq.method, sql.size(), sql.size()});
        return std::async(std::launch::deferred,
                          [this, k, f = inner_.start(std::move(rq))]() mutable {
                              started[k].to = sql.size();
                              return f.get();
                          });
    }
    struct Started {
        std::string method;
        std::size_t from, to; ///< [from, to) of `sql`: what ran while it was on the wire
    };
    std::size_t statements(std::size_t k) const { return started.at(k).to - started.at(k).from; }
    /// Whether a statement containing `text` ran while request `k` was on the wire.
    bool ran_during(std::size_t k, std::string_view text) const {
        for (std::size_t i = started.at(k).from; i < started.at(k).to; ++i)
            if (sql[i].find(text) != std::string::npos)
                return true;
        return false;
    }
    std::vector<Started> started;
    std::vector<std::string> performed;
    std::vector<std::string> sql; ///< every statement the store ran, in order

private:
    static int on_statement(unsigned, void* log, void*, void* text) {
        static_cast<std::vector<std::string>*>(log)->emplace_back(static_cast<const char*>(text));
        return 0;
    }
    sync::Transport& inner_;
};

} // namespace

TEST_CASE("the next chunk is read from the store while the one before it is on the network") {
    // The uploader starts each request, reads what goes next (the photo's first chunk during
    // the POST, the next chunk during a PATCH), and only then waits for the answer.
    CentralServer server;
    Tablet t(server.process.base_url());
    t.sign_in("inspector1");
    t.pull();
    const std::int64_t size = 100 * 1024, chunk = 64 * 1024; // 64 + 36 KiB
    const auto id = t.complete_record(member_assignment(t).id, 2, size);
    ObservingTransport watching(t.transport, t.db);
    sync::CentralClient client(watching, server.process.base_url());
    client.set_token(t.client.token());
    sync::UploaderOptions o;
    o.chunk_bytes = chunk;
    const auto s = sync::Uploader(t.db, client, o).upload_due();
    CHECK(s.uploaded == 1);
    CHECK(server.inspections().at(0).find("photos 2/2") != std::string::npos);
    CHECK(watching.performed.empty()); // every request was started, none performed blocking
    REQUIRE(watching.started.size() == 1 + 2 * 2);
    CHECK(watching.started[0].method == "POST");
    for (std::size_t k = 0; k < watching.started.size(); ++k) {
        CAPTURE(k);
        if (k + 1 < watching.started.size())
            CHECK(watching.statements(k) > 0); // a chunk read meanwhile
        else
            CHECK(watching.statements(k) == 0); // the last: nothing left to read
    }
    CHECK(RecordStore(t.db).load(id).value().state == RecordState::uploaded);
}

namespace {

/// A signed-in tablet holding two completed records, of one 64 KiB photo each.
struct TwoRecords {
    TwoRecords() {
        t.sign_in("inspector1");
        t.pull();
        const auto a = t.assignments();
        REQUIRE(a.size() >= 2);
        first = t.complete_record(a[0].id, 1, 64 * 1024);
        second = t.complete_record(a[1].id, 1, 64 * 1024);
    }
    CentralServer server;
    Tablet t{server.process.base_url()};
    std::string first, second;
};

} // namespace

TEST_CASE("a record's receipts are kept while the next request is on the wire") {
    // The POST's receipt goes into the outbox while the first PATCH is out, and a record
    // whose photos have all arrived is marked uploaded while the next record's POST is out;
    // the last one when the run ends.
    TwoRecords two;
    auto& [server, t, first, second] = two;
    ObservingTransport watching(t.transport, t.db);
    sync::CentralClient client(watching, server.process.base_url());
    client.set_token(t.client.token());
    const auto s = sync::Uploader(t.db, client).upload_due();
    CHECK(s.uploaded == 2);
    REQUIRE(watching.started.size() == 4); // POST, PATCH, POST, PATCH
    const std::string_view ack = "acked = 1", uploaded = "SET state = 'uploaded'";
    CHECK(watching.started[0].method == "POST");
    CHECK_FALSE(watching.ran_during(0, ack));
    CHECK(watching.started[1].method == "PATCH");
    CHECK(watching.ran_during(1, ack));
    CHECK_FALSE(watching.ran_during(1, uploaded));
    CHECK(watching.started[2].method == "POST");
    CHECK(watching.ran_during(2, uploaded)); // the first record's receipt
    CHECK(watching.ran_during(3, ack));
    CHECK_FALSE(watching.ran_during(3, uploaded));
    for (const auto& id : {first, second})
        CHECK(RecordStore(t.db).load(id).value().state == RecordState::uploaded);
    CHECK(t.open_entries().empty());
}

TEST_CASE("a receipt not yet kept is kept before the failure that follows it") {
    TwoRecords two;
    auto& [server, t, first, second] = two;
    // The second record's POST is committed by the server but its answer lost: the first
    // record, whose receipt was to be kept while that POST was out, is uploaded all the same.
    server.faults(json::array({{{"method", "POST"},
                                {"path", ".*/inspections$"},
                                {"fault", "drop_after_commit"},
                                {"skip", 1},
                                {"times", 2}}})); // libcurl re-sends once by itself
    auto s = t.upload();
    CHECK(s.uploaded == 1);
    CHECK(s.retry_later == 1);
    CHECK(RecordStore(t.db).load(first).value().state == RecordState::uploaded);
    auto open = t.open_entries();
    REQUIRE(open.size() == 1);
    CHECK(open[0].record_id == second);
    CHECK_FALSE(open[0].acked);

    // Sent again, it is a replay: the uploader asks where its photo stands before any PATCH,
    // and that HEAD is refused for good. The record is parked, and parked it stays: the
    // replay's receipt is kept before the park (kept after it, it would set it uploading).
    server.faults(json::array({{{"method", "HEAD"},
                                {"path", ".*/photos/.*"},
                                {"fault", "status"},
                                {"status", 422},
                                {"code", "invalid"},
                                {"times", 1}}}));
    t.clock_offset_ms += 10 * 60 * 1000;
    s = t.upload();
    CHECK(s.parked == 1);
    open = t.open_entries();
    REQUIRE(open.size() == 1);
    CHECK(open[0].acked);
    CHECK(open[0].state == OutboxState::parked);
    CHECK(RecordStore(t.db).load(second).value().state == RecordState::completed);
    CHECK(ids_on_server(server) == std::set<std::string>{first, second}); // each once
    CHECK(server.inspections().size() == 2);
}

TEST_CASE("an answer dropped untaken is waited for while its request is on the wire") {
    // The uploader's progress callback names its own locals: an answer it leaves (an
    // exception between the start and the answer) must not outlive them.
    CentralServer server;
    Tablet t(server.process.base_url());
    t.sign_in("inspector1");
    t.pull();
    const auto id = t.complete_record(member_assignment(t).id, 1, 64 * 1024);
    const auto stored = RecordStore(t.db).load(id).value();
    REQUIRE(t.client.post_inspection(id, stored.body));
    const auto& photo = stored.record.photos.at(0);
    std::string bytes;
    REQUIRE(PhotoStore(t.db).read_all(photo.id, [&](std::span<const std::uint8_t> c) {
        bytes.append(reinterpret_cast<const char*>(c.data()), c.size());
        return Status{};
    }));
    server.faults(json::array(
        {{{"method", "PATCH"}, {"path", ".*/photos/.*"}, {"fault", "delay"}, {"ms", 1500}}}));
    auto calls = std::make_unique<int>(0);
    {
        auto sending = t.client.start_photo_patch(
            photo.id, 0, bytes, [&calls](std::int64_t, std::int64_t) { ++*calls; });
    } // dropped: waits for the answer, so the callback is done with `calls`
    const int after = *calls;
    calls.reset();
    // The server had answered: the bytes are there (a HEAD sent while the delayed PATCH
    // still waited would say 0).
    auto at = t.client.photo_offset(photo.id);
    REQUIRE(at);
    CHECK(at->offset == photo.bytes);
    CHECK(after > 0);
}

TEST_CASE("409 offset_mismatch mid-photo: the uploader asks the offset and sends those bytes") {
    // The refused chunk's successor was already read ahead; what goes next must be the bytes
    // at the server's offset, not the chunk read ahead (the photo's hash would not match).
    CentralServer server;
    Tablet t(server.process.base_url());
    t.sign_in("inspector1");
    t.pull();
    const std::int64_t size = 150 * 1024, chunk = 64 * 1024;
    const auto id = t.complete_record(member_assignment(t).id, 2, size);
    server.faults(json::array({{{"method", "PATCH"},
                                {"path", ".*/photos/.*"},
                                {"fault", "status"},
                                {"status", 409},
                                {"code", "offset_mismatch"},
                                {"skip", 1},
                                {"times", 1}}}));
    const auto s = t.upload(chunk);
    CHECK(s.uploaded == 1);
    CHECK(s.parked == 0);
    CHECK(s.requests == 1 + 2 * 3 + 2); // + the refused PATCH and the HEAD that followed it
    CHECK(server.inspections().at(0).find("photos 2/2") != std::string::npos);
    CHECK(RecordStore(t.db).load(id).value().state == RecordState::uploaded);
}

TEST_CASE("replies lost after the server committed: every record exactly once") {
    CentralServer server;
    Tablet t(server.process.base_url());
    t.sign_in("inspector1");
    t.pull();
    const auto a = member_assignment(t);
    // One accepted record per assignment: the rest are corrections would be refused, so
    // use every assignment inspector1 has, one record each, plus photos.
    std::set<std::string> mine;
    for (const auto& x : t.assignments())
        mine.insert(t.complete_record(x.id, 1, 64 * 1024));
    server.faults(json::array({{{"method", "POST"},
                                {"path", ".*/inspections$"},
                                {"fault", "drop_after_commit"},
                                {"percent", 50},
                                {"seed", 7}},
                               {{"method", "PATCH"},
                                {"path", ".*/photos/.*"},
                                {"fault", "drop_after_commit"},
                                {"percent", 30},
                                {"seed", 11}}}));
    const int rounds = t.upload_until_done(40);
    REQUIRE(rounds > 0);
    CHECK(ids_on_server(server) == mine);
    const auto lines = server.inspections();
    CHECK(lines.size() == mine.size()); // none twice
    for (const auto& line : lines)
        CHECK(line.find("photos 1/1") != std::string::npos);
    CHECK(t.open_entries().empty());
}

TEST_CASE("a connection cut mid-photo resumes from the server's offset") {
    CentralServer server;
    Tablet t(server.process.base_url());
    t.sign_in("inspector1");
    t.pull();
    const std::int64_t size = 3 * 1024 * 1024 + 512 * 1024;
    const auto id = t.complete_record(member_assignment(t).id, 1, size);
    // The third chunk's request is cut off twice in a row (libcurl itself re-sends a request
    // once when a reused connection dies before any answer): the server keeps the first two.
    server.faults(json::array({{{"method", "PATCH"},
                                {"path", ".*/photos/.*"},
                                {"fault", "drop"},
                                {"skip", 2},
                                {"times", 2}}}));
    const auto first = t.upload();
    CHECK(first.uploaded == 0);
    CHECK(first.retry_later == 1);
    CHECK(first.photo_bytes_sent == 2 * 1024 * 1024);
    auto entry = t.open_entries();
    REQUIRE(entry.size() == 1);
    CHECK(entry[0].acked);
    CHECK(entry[0].error_code.value_or("").starts_with("network_"));

    t.clock_offset_ms += 10 * 60 * 1000;
    const auto second = t.upload();
    CHECK(second.uploaded == 1);
    // Resumed at the server's offset, not restarted: HEAD, then the last 1.5 MiB.
    CHECK(second.photo_bytes_sent == size - 2 * 1024 * 1024);
    CHECK(second.requests == 1 + 2);
    CHECK(server.inspections().at(0).find("photos 1/1") != std::string::npos);
    CHECK(RecordStore(t.db).load(id).value().state == RecordState::uploaded);
}

TEST_CASE("503 with Retry-After: the record waits at least that long, then goes") {
    CentralServer server;
    Tablet t(server.process.base_url());
    t.sign_in("inspector1");
    t.pull();
    t.complete_record(member_assignment(t).id);
    server.faults(json::array({{{"method", "POST"},
                                {"path", ".*/inspections$"},
                                {"fault", "status"},
                                {"status", 503},
                                {"retry_after", 120},
                                {"times", 1}}}));
    const auto before = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count();
    const auto s = t.upload();
    CHECK(s.retry_later == 1);
    auto e = t.open_entries();
    REQUIRE(e.size() == 1);
    CHECK(e[0].next_attempt_ms >= before + 120'000);
    CHECK(e[0].attempts == 1);
    CHECK(t.upload().requests == 0); // not due yet
    t.clock_offset_ms += 121'000;
    CHECK(t.upload().uploaded == 1);
}

TEST_CASE("429 is retried like 503") {
    CentralServer server;
    Tablet t(server.process.base_url());
    t.sign_in("inspector1");
    t.pull();
    t.complete_record(member_assignment(t).id);
    server.faults(json::array({{{"method", "POST"},
                                {"path", ".*/inspections$"},
                                {"fault", "status"},
                                {"status", 429},
                                {"times", 1}}}));
    CHECK(t.upload().retry_later == 1);
    CHECK(t.upload_until_done(3) > 0);
}

TEST_CASE("hostile answers become clean errors and the record is kept") {
    CentralServer server;
    Tablet t(server.process.base_url());
    t.sign_in("inspector1");
    t.pull();
    const auto id = t.complete_record(member_assignment(t).id);
    for (const char* body : {"html", "truncated_json", "deep_json", "not_json", "empty"}) {
        CAPTURE(body);
        server.faults(json::array({{{"method", "POST"},
                                    {"path", ".*/inspections$"},
                                    {"fault", "malformed"},
                                    {"status", 201},
                                    {"body", body},
                                    {"times", 1}}}));
        const auto s = t.upload();
        CHECK(s.uploaded == 0);
        CHECK(s.retry_later == 1);
        auto e = t.open_entries();
        REQUIRE(e.size() == 1);
        CHECK(e[0].error_code == "decode");
        t.clock_offset_ms += 10 * 60 * 1000;
    }
    // The same record (same key, same body) then goes through exactly once.
    server.faults(json::array());
    CHECK(t.upload().uploaded == 1);
    CHECK(ids_on_server(server) == std::set<std::string>{id});
}

TEST_CASE("an answer larger than the limit is refused before it is read") {
    CentralServer server;
    auto options = Tablet::plain_http();
    options.max_response_bytes = 2048; // the demo catalogue page is far larger
    Tablet t(server.process.base_url(), options);
    t.sign_in("inspector1");
    sync::Puller puller(t.db, t.client);
    auto r = puller.pull_all();
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().net == sync::NetError::too_large);
    CHECK(r.error().kind == sync::ApiErrorKind::retryable);
    CHECK(t.assignments().empty());
}

TEST_CASE("401 in the middle of a sync stops uploading and keeps every record") {
    CentralServer server;
    Tablet t(server.process.base_url());
    t.sign_in("inspector1");
    t.pull();
    const auto a = t.assignments();
    REQUIRE(a.size() >= 2);
    t.complete_record(a[0].id, 1);
    t.complete_record(a[1].id, 1);
    // The token dies after the first record's upload began.
    server.faults(json::array({{{"method", "PATCH"},
                                {"path", ".*/photos/.*"},
                                {"fault", "status"},
                                {"status", 401},
                                {"times", 1}}}));
    const auto s = t.upload();
    CHECK(s.needs_sign_in);
    CHECK(s.uploaded == 0);
    auto open = t.open_entries();
    CHECK(open.size() == 2);
    for (const auto& e : open)
        CHECK(e.state != OutboxState::parked);
    // Signing in again resumes where it stopped.
    t.sign_in("inspector1");
    CHECK(t.upload().uploaded == 2);
    CHECK(server.inspections().size() == 2);
}

TEST_CASE("a re-draw asked by a plain member is refused with 403 and changes nothing") {
    CentralServer server;
    Tablet t(server.process.base_url());
    t.sign_in("inspector1");
    t.pull();
    const auto a = member_assignment(t);
    auto r = t.client.redraw(a.id, "conflict", "回避", {});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().status == 403);
    CHECK(r.error().code == "not_team_leader");
    CHECK(r.error().kind == sync::ApiErrorKind::rejected);
    t.pull();
    auto same = ReferenceStore(t.db).assignment(a.id).value().value();
    CHECK(same.revision == a.revision);
    CHECK(same.status == AssignmentStatus::active);
}

TEST_CASE("an assignment revoked by a re-draw freezes the member's draft, which is kept") {
    CentralServer server;
    Tablet member(server.process.base_url());
    member.sign_in("inspector1");
    member.pull();
    Tablet leader(server.process.base_url());
    leader.sign_in("leader1");
    leader.pull();
    // An assignment both share: leader1 leads it, inspector1 is on it.
    std::optional<Assignment> shared;
    for (const auto& a : member.assignments())
        for (const auto& m : a.team)
            if (m.role == TeamRole::leader && ReferenceStore(leader.db).assignment(a.id).value())
                shared = a;
    REQUIRE(shared.has_value());
    auto made = make_valid_record(*std::make_unique<ReferenceStore>(member.db), *shared,
                                  make_uuid_v4(), false);
    REQUIRE(RecordStore(member.db).create_draft(made.record).ok());

    std::string excluded;
    for (const auto& m : shared->team)
        if (m.role == TeamRole::member)
            excluded = m.inspector_id;
    auto r = leader.client.redraw(shared->id, "conflict", "与被检查单位存在利害关系", {excluded});
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    CHECK(r->revoked.status == AssignmentStatus::revoked);
    for (const auto& m : r->assignment.team)
        CHECK(m.inspector_id != excluded);

    sync::Puller puller(member.db, member.client);
    auto pulled = puller.pull_all();
    REQUIRE(pulled.ok());
    CHECK(pulled->frozen_drafts == 1);
    auto draft = RecordStore(member.db).load(made.record.id);
    REQUIRE(draft.ok());
    CHECK(draft->state == RecordState::frozen);
    CHECK(draft->record.answers.size() == made.record.answers.size());
    CHECK(ReferenceStore(member.db).assignment(shared->id).value()->status ==
          AssignmentStatus::revoked);
}

TEST_CASE("409 already_corrected: a second correction of one version is kept, parked with why") {
    CentralServer server;
    Tablet t(server.process.base_url());
    t.sign_in("inspector1");
    t.pull();
    const auto a = member_assignment(t);
    const auto original = t.complete_record(a.id);
    REQUIRE(t.upload().uploaded == 1);
    // Two corrections of the same version, as two tablets of one team can make them (the
    // application layer makes no second one on one tablet; the store itself does not know).
    RecordStore records(t.db);
    const auto first = records.start_correction(original, make_uuid_v4(), "读数抄错", {});
    REQUIRE(first.ok());
    REQUIRE(records.complete(first->id, t.device_id).ok());
    const auto fork = records.start_correction(original, make_uuid_v4(), "补充现场情况", {});
    REQUIRE(fork.ok());
    REQUIRE(records.complete(fork->id, t.device_id).ok());

    const auto s = t.upload();
    CHECK(s.uploaded == 1);
    CHECK(s.parked == 1);
    const auto open = t.open_entries();
    REQUIRE(open.size() == 1);
    CHECK(open[0].record_id == fork->id);
    CHECK(open[0].state == OutboxState::parked);
    CHECK(open[0].error_code == std::optional<std::string>("already_corrected"));
    CHECK_FALSE(open[0].error_message.value_or("").empty());
    // Kept as it was, never sent again by itself, never on the server.
    auto kept = records.load(fork->id);
    REQUIRE(kept.ok());
    CHECK(kept->state == RecordState::completed);
    CHECK(kept->record.correction_reason == std::optional<std::string>("补充现场情况"));
    CHECK(t.upload().requests == 0);
    const auto on_server = ids_on_server(server);
    CHECK(on_server.count(first->id) == 1);
    CHECK(on_server.count(fork->id) == 0);
}
