// Upload benchmark against the real reference server on loopback: our uploader (POST + one
// PATCH per 1 MiB photo chunk, read from the encrypted store) against plain libcurl PATCHes
// of the same bytes to the same server, plus requests per inspection and the bytes re-sent
// after a cut. Prints table rows for docs/performance.md.
#include "benchutil.h"
#include "core/metastore.h"
#include "core/outboxstore.h"
#include "core/photostore.h"
#include "core/recordstore.h"
#include "core/referencestore.h"
#include "core/store.h"
#include "support/recordmaker.h"
#include "support/serverprocess.h"
#include "support/tempdir.h"
#include "sync/curltransport.h"
#include "sync/puller.h"
#include "sync/uploader.h"

#include <cstdlib>
#include <curl/curl.h>
#include <nlohmann/json.hpp>
#include <stdexcept>

using namespace fi;
using namespace fi::bench;

namespace {

constexpr int inspections = 50;
constexpr int photos_per = 4;
constexpr std::int64_t photo_bytes = 1024 * 1024;

template <class T, class E> T take(Result<T, E> r) {
    if (!r)
        throw std::runtime_error(r.error().message);
    return std::move(r.value());
}
void check(const Status& s) {
    if (!s)
        throw std::runtime_error(s.error().message);
}

/// Counts the PATCH body bytes handed to the network, whatever the outcome.
class CountingTransport final : public sync::Transport {
public:
    explicit CountingTransport(sync::Transport& inner) : inner_(inner) {}
    sync::HttpResponse perform(sync::HttpRequest rq) override { return start(std::move(rq)).get(); }
    std::future<sync::HttpResponse> start(sync::HttpRequest rq) override {
        if (rq.method == "PATCH")
            patch_bytes += static_cast<std::int64_t>(rq.body.size());
        return inner_.start(std::move(rq));
    }
    std::int64_t patch_bytes = 0;

private:
    sync::Transport& inner_;
};

struct Tablet {
    test::TempDir dir;
    Database db;
    sync::CurlTransport curl;
    CountingTransport counting{curl};
    sync::CentralClient client;
    std::string device;
    std::optional<std::string> last_record;

    explicit Tablet(const std::string& url) : db(open()), curl(options()), client(counting, url) {
        device = take(MetaStore(db).device_id());
        take(client.sign_in("inspector1", "demo1234", device));
        sync::Puller puller(db, client);
        take(puller.pull_all());
    }
    static sync::TransportOptions options() {
        sync::TransportOptions o;
        o.allow_plain_http = true;
        return o;
    }
    Database open() {
        OpenOptions o;
        o.mode = OpenOptions::Mode::create_if_missing;
        return take(open_store(dir / "t.db", SecretKey::random(), o));
    }

    /// `n` completed records on `assignment`, each correcting the one before (one accepted
    /// record per assignment is the rule), with `k` photos of `bytes` each.
    std::vector<std::string> complete(const Assignment& a, int n, int k, std::int64_t bytes) {
        ReferenceStore refs(db);
        RecordStore records(db);
        std::vector<std::string> ids;
        std::vector<std::uint8_t> payload(static_cast<std::size_t>(bytes));
        for (int i = 0; i < n; ++i) {
            auto made = test::make_valid_record(refs, a, make_uuid_v4(), true);
            if (last_record) {
                made.record.supersedes = *last_record;
                made.record.correction_reason = "benchmark";
            }
            check(records.create_draft(made.record));
            for (int p = 0; p < k; ++p) {
                for (std::size_t b = 0; b < payload.size(); b += 4096)
                    payload[b] = static_cast<std::uint8_t>(i * 31 + p + static_cast<int>(b >> 12));
                std::size_t off = 0;
                take(records.add_photo(
                    made.record.id,
                    PhotoCapture{make_uuid_v4(), "image/jpeg", made.record.started_at, std::nullopt,
                                 made.finding_needing_photo},
                    bytes, [&](std::span<std::uint8_t> buf) -> Result<std::size_t> {
                        const auto m = std::min(buf.size(), payload.size() - off);
                        std::copy_n(payload.data() + off, m, buf.data());
                        off += m;
                        return m;
                    }));
            }
            take(records.complete(made.record.id, device));
            last_record = made.record.id;
            ids.push_back(made.record.id);
        }
        return ids;
    }
};

/// The baseline's client: plain libcurl PATCHes of whole photos on one connection.
class PlainPatches {
public:
    PlainPatches(const std::string& url, const std::string& token)
        : url_(url), h_(curl_easy_init()) {
        headers_ = curl_slist_append(headers_, ("Authorization: Bearer " + token).c_str());
        headers_ = curl_slist_append(headers_, "Content-Type: application/offset+octet-stream");
        headers_ = curl_slist_append(headers_, "Upload-Offset: 0");
        headers_ = curl_slist_append(headers_, "Expect:");
        curl_easy_setopt(h_, CURLOPT_HTTPHEADER, headers_);
        curl_easy_setopt(h_, CURLOPT_CUSTOMREQUEST, "PATCH");
        curl_easy_setopt(
            h_, CURLOPT_WRITEFUNCTION,
            +[](char*, size_t s, size_t n, void*) -> size_t { return s * n; });
    }
    ~PlainPatches() {
        curl_slist_free_all(headers_);
        curl_easy_cleanup(h_);
    }
    PlainPatches(const PlainPatches&) = delete;
    PlainPatches& operator=(const PlainPatches&) = delete;

    void send(const std::string& photo_id, const std::string& bytes) {
        const std::string u = url_ + "/photos/" + photo_id;
        curl_easy_setopt(h_, CURLOPT_URL, u.c_str());
        curl_easy_setopt(h_, CURLOPT_POSTFIELDS, bytes.data());
        curl_easy_setopt(h_, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(bytes.size()));
        if (curl_easy_perform(h_) != CURLE_OK)
            throw std::runtime_error("baseline PATCH failed");
        long status = 0;
        curl_easy_getinfo(h_, CURLINFO_RESPONSE_CODE, &status);
        if (status != 204)
            throw std::runtime_error("baseline PATCH answered " + std::to_string(status));
    }

private:
    std::string url_;
    CURL* h_;
    curl_slist* headers_ = nullptr;
};

/// One photo's bytes out of the encrypted store, as the uploader reads a chunk.
std::string read_photo(Database& db, const std::string& id) {
    std::string bytes;
    bytes.reserve(static_cast<std::size_t>(photo_bytes));
    check(PhotoStore(db).read(id, 0, photo_bytes, [&](std::span<const std::uint8_t> c) {
        bytes.append(reinterpret_cast<const char*>(c.data()), c.size());
        return Status{};
    }));
    return bytes;
}

/// Declares the records by POST, timed alone; returns their photos' ids, in order.
std::vector<std::string> post_records(Tablet& t, const std::vector<std::string>& ids,
                                      double& posts_ms) {
    RecordStore records(t.db);
    std::vector<std::pair<std::string, std::string>> bodies;
    std::vector<std::string> photos;
    for (const auto& id : ids) {
        auto r = take(records.load(id));
        bodies.emplace_back(id, std::move(r.body));
        for (const auto& p : r.record.photos)
            photos.push_back(p.id);
    }
    posts_ms = time_ms([&] {
        for (const auto& [id, body] : bodies)
            take(t.client.post_inspection(id, body));
    });
    return photos;
}

/// The baseline: the records are declared by POST (timed apart, `posts_ms`); then the photos'
/// bytes go up as plain libcurl PATCH requests, one per photo, read from memory.
double plain_curl_patches(Tablet& t, const std::vector<std::string>& ids, const std::string& url,
                          double& posts_ms) {
    std::vector<std::string> bytes;
    const auto photos = post_records(t, ids, posts_ms);
    for (const auto& p : photos)
        bytes.push_back(read_photo(t.db, p));
    PlainPatches patches(url, t.client.token());
    return time_ms([&] {
        for (std::size_t i = 0; i < photos.size(); ++i)
            patches.send(photos[i], bytes[i]);
    });
}

void set_faults(const std::string& root, const nlohmann::json& rules) {
    sync::CurlTransport t(Tablet::options());
    sync::HttpRequest rq;
    rq.method = "POST";
    rq.url = root + "/_test/faults";
    rq.body = nlohmann::json{{"rules", rules}}.dump();
    if (t.perform(rq).status != 200)
        throw std::runtime_error("fault script refused");
}

} // namespace

int main(int argc, char** argv) {
    // At most 5 uploads a side: each makes 50 records and 200 MiB of photos (about 10 s); the
    // median of 5 moves less than that of 3 on a noisy machine.
    const int reps = std::max(1, std::min(argc > 1 ? std::atoi(argv[1]) : 3, 5));
    test::TempDir dir;
    test::ServerProcess server(dir / "central", {"--demo", "--fault-injection"});
    const std::string url = server.base_url();
    Tablet ours(url), base(url);
    const auto assignments = take(ReferenceStore(ours.db).assignments());
    if (assignments.size() < 2)
        throw std::runtime_error("the demo user needs two assignments");

    std::vector<double> b, o, reads, posts;
    std::int64_t requests = 0;
    for (int r = 0; r < reps; ++r) {
        const auto base_ids = base.complete(assignments[1], inspections, photos_per, photo_bytes);
        b.push_back(plain_curl_patches(base, base_ids, url, posts.emplace_back()));
        const auto ids = ours.complete(assignments[0], inspections, photos_per, photo_bytes);
        sync::Uploader uploader(ours.db, ours.client);
        sync::UploadSummary s;
        o.push_back(time_ms([&] { s = uploader.upload_due(); }));
        if (s.uploaded != inspections)
            throw std::runtime_error("uploaded " + std::to_string(s.uploaded));
        requests = s.requests;
        // What the uploader's reading alone costs: the same photos out of the encrypted store.
        std::vector<std::string> photo_ids;
        for (const auto& id : ids)
            for (const auto& p : take(RecordStore(ours.db).load(id)).record.photos)
                photo_ids.push_back(p.id);
        reads.push_back(time_ms([&] {
            for (const auto& p : photo_ids)
                check(PhotoStore(ours.db).read(
                    p, 0, photo_bytes, [](std::span<const std::uint8_t>) { return Status{}; },
                    static_cast<std::size_t>(photo_bytes)));
        }));
    }
    const double ratio = median(o) / median(b);
    row("upload 50 inspections + 200 × 1 MiB photos (loopback)",
        fmt("%.0f ms plain libcurl PATCHes", median(b)),
        fmt("%.0f ms uploader", median(o)) + fmt(" (%.0f MiB/s)", 200.0 / (median(o) / 1000.0)),
        ratio_text(ratio, 1.2), "≤ 1.2×", ratio <= 1.2);
    // Where the difference goes (docs/performance.md, uploads): the records' POSTs, which the
    // baseline makes untimed; decrypting the photos (SQLCipher's per-page cipher), which the
    // uploader does while the chunk before is on the network; and the outbox's commits.
    row("(information) the same 200 MiB read out of the encrypted store alone",
        fmt("%.0f ms plain libcurl PATCHes", median(b)),
        fmt("%.0f ms read", median(reads)) +
            fmt(" (uploader − PATCHes: %.0f ms)", median(o) - median(b)),
        fmt("%.2f×", median(reads) / median(b)), "—", true);
    row("(information) the 50 records' POSTs, which the uploader makes and the baseline makes "
        "untimed",
        fmt("%.0f ms plain libcurl PATCHes", median(b)), fmt("%.0f ms POSTs", median(posts)),
        fmt("%.2f×", median(posts) / median(b)), "—", true);
    const double per = static_cast<double>(requests) / inspections;
    row("HTTP requests per inspection with k = 4 one-chunk photos", "1 + k = 5", fmt("%.2f", per),
        "—", "≤ 1 + k", per <= 1 + photos_per);

    // A cut in a 20 MiB photo: the connection drops twice running at the 8th chunk (libcurl
    // re-sends once by itself on a dead reused connection), then the upload resumes.
    ours.complete(assignments[0], 1, 1, 20 * photo_bytes);
    set_faults(server.base_url().substr(0, server.base_url().find("/api/v1")),
               nlohmann::json::array({{{"method", "PATCH"},
                                       {"path", ".*/photos/.*"},
                                       {"fault", "drop"},
                                       {"skip", 7},
                                       {"times", 2}}}));
    ours.counting.patch_bytes = 0;
    std::int64_t offset_ms = 0;
    sync::UploaderOptions uo;
    uo.now_ms = [&] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count() +
               offset_ms;
    };
    for (int round = 0; round < 5 && !take(OutboxStore(ours.db).open_entries()).empty(); ++round) {
        sync::Uploader(ours.db, ours.client, uo).upload_due();
        offset_ms += 600'000;
    }
    const std::int64_t extra = ours.counting.patch_bytes - 20 * photo_bytes;
    row("bytes re-sent after a cut in a 20 MiB photo (counted at the uploader)", "20 MiB photo",
        fmt("%.2f MiB extra", static_cast<double>(extra) / photo_bytes), "—", "≤ 1 MiB extra",
        extra <= photo_bytes);
    return 0;
}
