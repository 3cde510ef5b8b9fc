#include "uploadprobe.h"

namespace fi::test {

using namespace std::chrono_literals;

std::int64_t wall_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

sync::TransportOptions tight_transport() {
    sync::TransportOptions o;
    o.allow_plain_http = true;
    o.connect_timeout = 2s;
    o.request_timeout = 4s;
    o.low_speed_bytes = 512;
    o.low_speed_time = 2s;
    return o;
}

Attempt attempt_through(Tablet& t, const std::string& url) {
    sync::CurlTransport transport(tight_transport());
    sync::CentralClient client(transport, url);
    client.set_token(t.client.token());
    sync::UploaderOptions o;
    o.now_ms = [&t] { return wall_ms() + t.clock_offset_ms; };
    sync::Uploader uploader(t.db, client, o);
    Attempt a;
    a.started_ms = wall_ms() + t.clock_offset_ms;
    const auto start = std::chrono::steady_clock::now();
    a.summary = uploader.upload_due();
    a.took = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - start);
    auto open = t.open_entries();
    REQUIRE(open.size() == 1);
    a.entry = open[0];
    t.clock_offset_ms += 60LL * 60 * 1000; // the next attempt is due at once
    return a;
}

} // namespace fi::test
