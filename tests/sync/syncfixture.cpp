#include "syncfixture.h"

#include "core/photostore.h"

#include <array>
#include <cstdio>
#include <random>
#include <sstream>
#include <sys/wait.h>

namespace fi::test {

std::string CentralServer::root_url() const {
    return "http://127.0.0.1:" + std::to_string(process.port());
}

void CentralServer::faults(const nlohmann::json& rules) {
    sync::CurlTransport t(Tablet::plain_http());
    sync::HttpRequest rq;
    rq.method = "POST";
    rq.url = root_url() + "/_test/faults";
    rq.headers["Content-Type"] = "application/json";
    rq.body = nlohmann::json{{"rules", rules}}.dump();
    const auto r = t.perform(rq);
    REQUIRE_MESSAGE(r.status == 200, r.body);
}

std::vector<std::string> CentralServer::inspections() {
    const auto r = run_command(server_binary().string() + " admin --data " +
                               (dir / "central").string() + " inspections");
    REQUIRE(r.status == 0);
    std::vector<std::string> lines;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);)
        if (!line.empty() && line != "no inspections")
            lines.push_back(line);
    return lines;
}

std::string CentralServer::query(const std::string& sql) const {
    const auto db = dir / "central" / "server.db";
    const auto r = run_command(
        "python3 -c 'import sqlite3,sys; c=sqlite3.connect(\"file:\"+sys.argv[1]+\"?mode=ro\", "
        "uri=True); row=c.execute(sys.argv[2]).fetchone(); print(\"\" if row is None else "
        "row[0], end=\"\")' '" +
        db.string() + "' \"" + sql + "\"");
    REQUIRE_MESSAGE(r.status == 0, r.out);
    return r.out;
}

namespace {
Database open_tablet_store(const TempDir& dir) {
    OpenOptions o;
    o.mode = OpenOptions::Mode::create_if_missing;
    auto db = open_store(dir / "tablet.db", SecretKey::random(), o);
    REQUIRE(db.ok());
    return std::move(db.value());
}
} // namespace

sync::TransportOptions Tablet::plain_http() {
    sync::TransportOptions o;
    o.allow_plain_http = true;
    o.connect_timeout = std::chrono::seconds(5);
    o.request_timeout = std::chrono::seconds(30);
    return o;
}

Tablet::Tablet(const std::string& base_url, sync::TransportOptions options)
    : db(open_tablet_store(dir)), transport(std::move(options)), client(transport, base_url) {
    device_id = MetaStore(db).device_id().value();
}

void Tablet::sign_in(const std::string& user) {
    auto s = client.sign_in(user, "demo1234", device_id);
    REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message));
}

void Tablet::pull() {
    sync::Puller puller(db, client);
    auto s = puller.pull_all();
    REQUIRE_MESSAGE(s.ok(), (s.ok() ? "" : s.error().message));
    CHECK(s->draws_not_verified == 0);
}

std::vector<Assignment> Tablet::assignments() {
    auto a = ReferenceStore(db).assignments();
    REQUIRE(a.ok());
    return a.value();
}

std::string Tablet::complete_record(const std::string& assignment_id, int photos,
                                    std::int64_t photo_bytes) {
    ReferenceStore refs(db);
    auto a = refs.assignment(assignment_id);
    REQUIRE(a.ok());
    REQUIRE(a->has_value());
    auto made = make_valid_record(refs, **a, make_uuid_v4(), photos > 0);
    RecordStore records(db);
    REQUIRE(records.create_draft(made.record).ok());
    for (int i = 0; i < photos; ++i) {
        // Not periodic: bytes sent from the wrong offset must change the photo's hash.
        std::vector<std::uint8_t> bytes(static_cast<std::size_t>(photo_bytes));
        std::mt19937 noise(static_cast<std::uint32_t>(i) + 1);
        for (auto& b : bytes)
            b = static_cast<std::uint8_t>(noise() >> 24);
        std::size_t off = 0;
        auto ref =
            records.add_photo(made.record.id,
                              PhotoCapture{make_uuid_v4(), "image/jpeg", made.record.started_at,
                                           std::nullopt, made.finding_needing_photo},
                              photo_bytes, [&](std::span<std::uint8_t> buf) -> Result<std::size_t> {
                                  const auto n = std::min(buf.size(), bytes.size() - off);
                                  std::copy_n(bytes.data() + off, n, buf.data());
                                  off += n;
                                  return n;
                              });
        REQUIRE_MESSAGE(ref.ok(), (ref.ok() ? "" : ref.error().message));
    }
    auto done = records.complete(made.record.id, device_id);
    REQUIRE_MESSAGE(done.ok(), (done.ok() ? "" : done.error().message));
    return made.record.id;
}

sync::UploadSummary Tablet::upload(std::int64_t chunk_bytes) {
    sync::UploaderOptions o;
    o.chunk_bytes = chunk_bytes;
    o.now_ms = [this] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count() +
               clock_offset_ms;
    };
    sync::Uploader uploader(db, client, o);
    return uploader.upload_due();
}

int Tablet::upload_until_done(int max_rounds, std::int64_t chunk_bytes) {
    for (int round = 1; round <= max_rounds; ++round) {
        upload(chunk_bytes);
        if (open_entries().empty())
            return round;
        clock_offset_ms += 10LL * 60 * 1000; // past any back-off wait
    }
    return -1;
}

std::vector<OutboxEntry> Tablet::open_entries() {
    auto e = OutboxStore(db).open_entries();
    REQUIRE(e.ok());
    return e.value();
}

Certificate::Certificate(const std::string& host) {
    cert = (dir / "cert.pem").string();
    key = (dir / "key.pem").string();
    const bool ip = host.find_first_not_of("0123456789.") == std::string::npos;
    const std::string san = (ip ? "IP:" : "DNS:") + host;
    auto r = run_command("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 "
                         "-nodes -days 2 -subj /CN=" +
                         host + " -addext subjectAltName=" + san + " -keyout " + key + " -out " +
                         cert + " 2>&1");
    REQUIRE_MESSAGE(r.status == 0, r.out);
    r = run_command("openssl x509 -in " + cert +
                    " -pubkey -noout | openssl pkey -pubin "
                    "-outform der | openssl dgst -sha256 -binary | openssl base64 -A");
    REQUIRE(r.status == 0);
    pin = "sha256//" + r.out;
}

} // namespace fi::test
