#pragma once

// A tablet (a real encrypted store) and the real reference server as a child process with
// its demo data and fault injection, talking over real HTTP on loopback.

#include "core/metastore.h"
#include "core/outboxstore.h"
#include "core/recordstore.h"
#include "core/referencestore.h"
#include "core/store.h"
#include "support/command.h"
#include "support/recordmaker.h"
#include "support/serverprocess.h"
#include "support/tempdir.h"
#include "sync/centralclient.h"
#include "sync/curltransport.h"
#include "sync/puller.h"
#include "sync/uploader.h"

#include <doctest/doctest.h>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace fi::test {

/// The server, started once per fixture.
struct CentralServer {
    TempDir dir;
    ServerProcess process;
    explicit CentralServer(std::vector<std::string> extra = {"--demo", "--fault-injection"})
        : process(dir / "central", std::move(extra)) {}

    /// Replace the fault script (POST /_test/faults).
    void faults(const nlohmann::json& rules);
    /// Lines of `fieldinspect-server admin inspections`.
    std::vector<std::string> inspections();
    std::string root_url() const; ///< http://127.0.0.1:PORT
    /// The first column of the first row `sql` gives in the central system's database file
    /// (plain SQLite), read-only while the server runs; "" for no row.
    std::string query(const std::string& sql) const;
};

/// A self-signed certificate for `host` (a DNS name or an IP address), made with openssl,
/// and the pin of its public key (sha256//BASE64).
struct Certificate {
    TempDir dir;
    std::string cert, key, pin;
    explicit Certificate(const std::string& host);
};

/// One tablet: its own store, transport and client.
struct Tablet {
    TempDir dir;
    Database db;
    sync::CurlTransport transport;
    sync::CentralClient client;
    std::string device_id;
    std::int64_t clock_offset_ms = 0; ///< added to the uploader's clock (to skip back-off waits)

    Tablet(const std::string& base_url, sync::TransportOptions options = plain_http());
    static sync::TransportOptions plain_http();

    void sign_in(const std::string& user);
    void pull();
    /// Draft, photos (`photos` of `photo_bytes` each) and completion for `assignment_id`.
    std::string complete_record(const std::string& assignment_id, int photos = 0,
                                std::int64_t photo_bytes = 200 * 1024);
    sync::UploadSummary upload(std::int64_t chunk_bytes = 1024 * 1024);
    /// Upload until nothing is open, stepping the uploader's clock over back-off waits.
    int upload_until_done(int max_rounds, std::int64_t chunk_bytes = 1024 * 1024);
    std::vector<OutboxEntry> open_entries();
    std::vector<Assignment> assignments();
};

} // namespace fi::test
