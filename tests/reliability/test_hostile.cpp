// Scenario 4, a hostile central system: 100 000 levels of nested JSON, 50 MB bodies (with and
// without a length), invalid UTF-8, wrong types, huge numbers, a truncated body and an HTML
// error page labelled JSON — each answering the upload, the photo offset query and the pull.
// Each must end in a clean, retryable error with the record kept in the outbox and the store's
// reference data untouched, and the process's memory must stay bounded (a 50 MB answer is
// refused, never buffered).
#include "hostileserver.h"
#include "scenario.h"
#include "syncfixture.h"
#include "uploadprobe.h"

#include <thread>

using namespace fi;
using namespace fi::test;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

/// What one hostile case answers: to POST /inspections, to HEAD /photos/…, to list pages.
struct Hostile {
    std::string name;
    std::function<void(int fd, const ReceivedRequest& rq, const std::string& record_id)> answer;
};

std::string nested(std::size_t levels) {
    return std::string(levels, '[') + std::string(levels, ']');
}

/// `total` bytes of `fill`, announced with a Content-Length, or chunked without one.
void stream_big(int fd, int status, std::int64_t total, bool chunked, const HostileServer* self) {
    const std::string head = "HTTP/1.1 " + std::to_string(status) +
                             " X\r\nContent-Type: application/json\r\n" +
                             (chunked ? std::string("Transfer-Encoding: chunked\r\n\r\n")
                                      : "Content-Length: " + std::to_string(total) + "\r\n\r\n");
    if (!HostileServer::send_all(fd, head))
        return;
    const std::string block(64 * 1024, '[');
    char size_line[32];
    std::snprintf(size_line, sizeof size_line, "%zx\r\n", block.size());
    for (std::int64_t sent = 0; sent < total && !self->stopping();
         sent += static_cast<std::int64_t>(block.size())) {
        if (chunked && !HostileServer::send_all(fd, size_line))
            return;
        if (!HostileServer::send_all(fd, block))
            return;
        if (chunked && !HostileServer::send_all(fd, "\r\n"))
            return;
    }
}

bool is_upload(const ReceivedRequest& rq) {
    return rq.head.starts_with("POST ");
}
/// The status a real server would give this request on success.
int ok_status(const ReceivedRequest& rq) {
    return is_upload(rq) ? 201 : 200;
}
bool is_head(const ReceivedRequest& rq) {
    return rq.head.starts_with("HEAD ");
}

/// A receipt the uploader would accept, so that the photo step meets the hostile answer.
std::string good_receipt(const std::string& id, const json& photo_ids) {
    return json{{"id", id},
                {"received_at", "2026-11-28T10:00:00.000+08:00"},
                {"late", false},
                {"photos_missing", photo_ids}}
        .dump();
}

} // namespace

TEST_CASE("scenario 4: a hostile server gets clean errors, the record kept, memory bounded") {
    CentralServer server;
    Tablet t(server.process.base_url());
    t.sign_in("inspector1");
    t.pull();
    const auto id = t.complete_record(t.assignments().at(0).id, 1, 32 * 1024);
    json photo_ids = json::array();
    const auto stored = RecordStore(t.db).load(id).value();
    for (const auto& p : stored.record.photos)
        photo_ids.push_back(p.id);
    ReferenceStore refs(t.db);
    auto cursors = [&] {
        return refs.cursor("catalogue").value().value_or("") + "|" +
               refs.cursor("inspectors").value().value_or("") + "|" +
               refs.cursor("assignments").value().value_or("");
    };
    const auto cursors_before = cursors();
    const auto assignments_before = refs.assignments().value().size();

    const std::int64_t fifty_mb = 50LL * 1024 * 1024;
    const std::string invalid_utf8 =
        std::string(R"({"id":")") + "\xff\xfe\xc0\xaf" +
        R"(","items":[],"next_cursor":"\xed\xa0\x80","has_more":false})";
    std::vector<Hostile> cases = {
        {"100000-level JSON",
         [](int fd, const ReceivedRequest& rq, const std::string&) {
             HostileServer::send_all(fd, HostileServer::answer(ok_status(rq), nested(100000)));
         }},
        {"50 MB with length", {}},
        {"50 MB chunked", {}},
        {"invalid UTF-8",
         [&](int fd, const ReceivedRequest& rq, const std::string&) {
             HostileServer::send_all(fd, HostileServer::answer(ok_status(rq), invalid_utf8));
         }},
        {"wrong types",
         [](int fd, const ReceivedRequest& rq, const std::string&) {
             HostileServer::send_all(
                 fd,
                 HostileServer::answer(ok_status(rq),
                                       is_upload(rq) ? R"({"id":17,"received_at":true,"late":"no",)"
                                                       R"("photos_missing":{"a":1}})"
                                                     : R"({"items":{"id":"x"},"next_cursor":[],)"
                                                       R"("has_more":"yes"})"));
         }},
        {"truncated body",
         [](int fd, const ReceivedRequest& rq, const std::string&) {
             HostileServer::send_all(fd, "HTTP/1.1 " + std::to_string(ok_status(rq)) +
                                             " X\r\nContent-Type: application/json"
                                             "\r\nContent-Length: 500\r\n\r\n{\"id\":\"");
         }},
        {"HTML page labelled JSON (502)",
         [](int fd, const ReceivedRequest&, const std::string&) {
             HostileServer::send_all(
                 fd, HostileServer::answer(502, "<html><head><title>502 Bad Gateway</title>"
                                                "</head><body><h1>502</h1></body></html>"));
         }},
        {"HTML page labelled JSON (201)",
         [](int fd, const ReceivedRequest& rq, const std::string&) {
             HostileServer::send_all(
                 fd, HostileServer::answer(ok_status(rq),
                                           "<!DOCTYPE html><html><body>登录</body></html>"));
         }},
        // Last: its upload is acknowledged (the photo listed missing), so the photo
        // step meets the huge offsets, and the real server later meets an acked record.
        {"huge numbers",
         [&](int fd, const ReceivedRequest& rq, const std::string& record_id) {
             if (!rq.head.starts_with("GET ") && !is_upload(rq)) {
                 // HEAD or PATCH of the photo: offsets no integer can hold.
                 HostileServer::send_all(
                     fd, std::string("HTTP/1.1 ") + (is_head(rq) ? "200" : "204") +
                             " X\r\nUpload-Offset: 99999999999999999999999999\r\n"
                             "Upload-Length: 1e999999\r\nContent-Length: 0\r\n\r\n");
                 return;
             }
             HostileServer::send_all(
                 fd,
                 HostileServer::answer(ok_status(rq),
                                       is_upload(rq) ? good_receipt(record_id, photo_ids)
                                                     : R"({"items":[],"next_cursor":)"
                                                       R"(123456789012345678901234567890123456789,)"
                                                       R"("has_more":1e999999})"));
         }},
    };

    const long rss_before = peak_rss_kib();
    std::int64_t runs = 0, failures = 0;
    for (auto& c : cases) {
        CAPTURE(c.name);
        std::unique_ptr<HostileServer> hostile;
        if (c.name.starts_with("50 MB")) {
            const bool chunked = c.name.ends_with("chunked");
            hostile = std::make_unique<HostileServer>([&](int fd, const ReceivedRequest& rq) {
                stream_big(fd, ok_status(rq), fifty_mb, chunked, hostile.get());
            });
        } else {
            hostile = std::make_unique<HostileServer>(
                [&](int fd, const ReceivedRequest& rq) { c.answer(fd, rq, id); });
        }
        // The upload.
        ++runs;
        const Attempt a = attempt_through(t, hostile->base_url());
        const bool upload_ok = a.summary.uploaded == 0 && a.summary.parked == 0 &&
                               a.summary.retry_later == 1 && a.took < 6s &&
                               RecordStore(t.db).load(id).value().state == RecordState::completed;
        CHECK(a.summary.uploaded == 0);
        CHECK(a.summary.parked == 0);
        CHECK(a.summary.retry_later == 1);
        CHECK(a.took < 6s);
        CHECK(RecordStore(t.db).load(id).value().state == RecordState::completed);
        MESSAGE(c.name << ": upload → " << a.entry.error_code.value_or("?") << " in "
                       << a.took.count() << " ms");
        // The pull.
        ++runs;
        sync::CurlTransport transport(tight_transport());
        sync::CentralClient client(transport, hostile->base_url());
        client.set_token(t.client.token());
        auto pulled = sync::Puller(t.db, client).pull_all();
        const bool pull_ok = !pulled.ok() && pulled.error().kind == sync::ApiErrorKind::retryable &&
                             cursors() == cursors_before &&
                             refs.assignments().value().size() == assignments_before;
        REQUIRE_FALSE(pulled.ok());
        CHECK(pulled.error().kind == sync::ApiErrorKind::retryable);
        CHECK_FALSE(pulled.error().message.empty());
        CHECK(cursors() == cursors_before);
        CHECK(refs.assignments().value().size() == assignments_before);
        failures += (upload_ok ? 0 : 1) + (pull_ok ? 0 : 1);
    }
    const long rss_growth_kib = peak_rss_kib() - rss_before;

    // The record still goes, once, to the real server.
    CHECK(t.upload_until_done(3) == 1);
    const auto lines = server.inspections();
    report(4, "hostile server",
           {runs, failures, lines.empty() ? 1 : 0,
            lines.size() > 1 ? static_cast<std::int64_t>(lines.size()) - 1 : 0,
            "peak RSS growth " + std::to_string(rss_growth_kib / 1024) +
                " MiB over all cases, bound 32 MiB"});
    // A 50 MB answer buffered whole would grow the peak by 50 MB at least.
    CHECK(rss_growth_kib < 32 * 1024);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].starts_with(id));
}
