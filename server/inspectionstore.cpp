#include "server/inspectionstore.h"

#include "core/atomicfile.h"
#include "core/sha256.h"
#include "server/serverdatabase.h"
#include "server/storesql.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace fi::server {

namespace {

using store_sql::query;
using store_sql::run;
using store_sql::sql;

InspectionRow inspection_of(const Statement& st) {
    InspectionRow r;
    r.id = st.column_string(0);
    r.assignment_id = st.column_string(1);
    r.target_id = st.column_string(2);
    r.username = st.column_string(3);
    r.device_id = st.column_string(4);
    r.received_at = st.column_string(5);
    r.inspection_day = st.column_string(6);
    r.outcome = st.column_string(7);
    r.supersedes = st.column_optional_string(8);
    r.body = st.column_string(9);
    r.body_sha256 = st.column_string(10);
    r.answer = st.column_string(11);
    r.late = st.column_int(12) != 0;
    r.flags = st.column_string(13);
    return r;
}
constexpr std::string_view inspection_columns =
    "id, assignment_id, target_id, username, device_id, received_at, inspection_day, outcome, "
    "supersedes, body, body_sha256, answer, late, flags";

PhotoRow photo_of(const Statement& st) {
    return PhotoRow{st.column_string(0),         st.column_string(1), st.column_string(2),
                    st.column_int64(3),          st.column_int64(4),  st.column_int(5) != 0,
                    st.column_optional_string(6)};
}
constexpr std::string_view photo_columns =
    "id, inspection_id, sha256, length, received, complete, completed_at";

/// An open file, closed when this goes.
struct File {
    int fd;
    explicit File(int f) : fd(f) {}
    File(const File&) = delete;
    File& operator=(const File&) = delete;
    ~File() {
        if (fd >= 0)
            ::close(fd);
    }
};

Error file_error(std::string_view what, const std::filesystem::path& path) {
    const int err = errno;
    const bool full = err == ENOSPC || err == EDQUOT;
    return Error::make(full ? store_error::disk_full : store_error::io,
                       std::string(what) + " " + path.string() + ": " + std::strerror(err) + ".");
}

/// The first `length` bytes of a photo's file, block by block; `damaged` if it holds fewer
/// (its row counts bytes the file lost: never written by this server).
template <class F>
Status read_photo_file(const std::filesystem::path& path, std::int64_t length, F&& on_block) {
    if (length <= 0)
        return {};
    File file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (file.fd < 0)
        return file_error("Cannot open the photo file", path);
    std::vector<std::uint8_t> block(std::size_t{1} << 20);
    std::int64_t done = 0;
    while (done < length) {
        const auto want = static_cast<std::size_t>(
            std::min<std::int64_t>(length - done, static_cast<std::int64_t>(block.size())));
        const ssize_t n = ::pread(file.fd, block.data(), want, static_cast<off_t>(done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return file_error("Cannot read the photo file", path);
        if (n == 0)
            return Error::make(store_error::damaged, "The photo file " + path.string() + " holds " +
                                                         std::to_string(done) +
                                                         " bytes; its row counts " +
                                                         std::to_string(length) + ".");
        on_block(std::span<const std::uint8_t>(block.data(), static_cast<std::size_t>(n)));
        done += n;
    }
    return {};
}

} // namespace

// --- inspections ---------------------------------------------------------------------------

Result<std::optional<InspectionRow>> InspectionStore::find_inspection(std::string_view id) {
    auto db = database_.read();
    std::optional<InspectionRow> out;
    FI_TRY(query(
        *db, sql("SELECT ", inspection_columns, " FROM inspections WHERE id = ?1"),
        [&](const Statement& st) { out = inspection_of(st); }, id));
    return out;
}

Result<std::vector<InspectionRow>>
InspectionStore::inspections_for_assignment(std::string_view assignment_id) {
    auto db = database_.read();
    std::vector<InspectionRow> out;
    FI_TRY(query(
        *db,
        sql("SELECT ", inspection_columns,
            " FROM inspections WHERE assignment_id = ?1 ORDER BY rowid"),
        [&](const Statement& st) { out.push_back(inspection_of(st)); }, assignment_id));
    return out;
}

Result<CorrectionHead> InspectionStore::correction_head(std::string_view assignment_id) {
    auto db = database_.read();
    CorrectionHead out;
    // The index inspections_assignment holds each row's rowid in order: two index probes.
    FI_TRY(query(
        *db, "SELECT id FROM inspections WHERE assignment_id = ?1 ORDER BY rowid LIMIT 1",
        [&](const Statement& st) { out.first = st.column_string(0); }, assignment_id));
    FI_TRY(query(
        *db, "SELECT id FROM inspections WHERE assignment_id = ?1 ORDER BY rowid DESC LIMIT 1",
        [&](const Statement& st) { out.newest = st.column_string(0); }, assignment_id));
    return out;
}

Result<bool> InspectionStore::is_inspection_of(std::string_view id,
                                               std::string_view assignment_id) {
    auto db = database_.read();
    bool found = false;
    FI_TRY(query(
        *db, "SELECT 1 FROM inspections WHERE id = ?1 AND assignment_id = ?2",
        [&](const Statement&) { found = true; }, id, assignment_id));
    return found;
}

Result<std::vector<InspectionRow>> InspectionStore::inspections() {
    auto db = database_.read();
    std::vector<InspectionRow> out;
    FI_TRY(query(*db, sql("SELECT ", inspection_columns, " FROM inspections ORDER BY rowid"),
                 [&](const Statement& st) { out.push_back(inspection_of(st)); }));
    return out;
}

Status InspectionStore::put_inspection(const InspectionRow& r,
                                       const std::vector<PhotoRow>& photos) {
    auto db = database_.lock();
    return database_.transaction([&]() -> Status {
        FI_TRY(run(*db,
                   sql("INSERT INTO inspections (", inspection_columns,
                       ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"),
                   r.id, r.assignment_id, r.target_id, r.username, r.device_id, r.received_at,
                   r.inspection_day, r.outcome, r.supersedes, r.body, r.body_sha256, r.answer,
                   r.late, r.flags));
        for (const PhotoRow& p : photos)
            FI_TRY(run(*db,
                       "INSERT INTO photos (id, inspection_id, sha256, length, received, complete) "
                       "VALUES (?1, ?2, ?3, ?4, 0, 0)",
                       p.id, r.id, p.sha256, p.length));
        return {};
    });
}

// --- photos --------------------------------------------------------------------------------

Result<std::optional<PhotoRow>> InspectionStore::find_photo(std::string_view id) {
    auto db = database_.read();
    std::optional<PhotoRow> out;
    FI_TRY(query(
        *db, sql("SELECT ", photo_columns, " FROM photos WHERE id = ?1"),
        [&](const Statement& st) { out = photo_of(st); }, id));
    return out;
}

Result<std::vector<PhotoRow>> InspectionStore::photos_of(std::string_view inspection_id) {
    auto db = database_.read();
    std::vector<PhotoRow> out;
    FI_TRY(query(
        *db, sql("SELECT ", photo_columns, " FROM photos WHERE inspection_id = ?1 ORDER BY rowid"),
        [&](const Statement& st) { out.push_back(photo_of(st)); }, inspection_id));
    return out;
}

std::filesystem::path InspectionStore::photo_path(std::string_view id) const {
    return database_.photo_dir() / Sha256::hex(id);
}

Status InspectionStore::write_photo_bytes(std::string_view id, std::int64_t start,
                                          std::span<const std::uint8_t> bytes) {
    const auto path = photo_path(id);
    File file(::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600));
    if (file.fd < 0)
        return file_error("Cannot open the photo file", path);
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::pwrite(file.fd, bytes.data() + done, bytes.size() - done,
                                   static_cast<off_t>(start) + static_cast<off_t>(done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return file_error("Cannot write the photo file", path);
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(file.fd) != 0)
        return file_error("Cannot sync the photo file", path);
    // The first chunk may have made the file: its name must survive a crash too.
    if (start == 0)
        FI_TRY(sync_directory(database_.photo_dir()));
    return {};
}

Status InspectionStore::advance_photo(std::string_view id, std::int64_t start, std::int64_t size) {
    auto db = database_.lock();
    FI_TRY(run(*db, "UPDATE photos SET received = received + ?3 WHERE id = ?1 AND received = ?2",
               id, start, size));
    if (db->changes() != 1)
        return Error::make("offset_mismatch", "The photo's offset moved meanwhile.");
    return {};
}

Status InspectionStore::append_photo_bytes(std::string_view id, std::int64_t start,
                                           std::span<const std::uint8_t> bytes) {
    FI_TRY(write_photo_bytes(id, start, bytes));
    return database_.transaction(
        [&] { return advance_photo(id, start, static_cast<std::int64_t>(bytes.size())); });
}

Result<std::string> InspectionStore::photo_file_sha256(std::string_view id, std::int64_t length) {
    Sha256 hash;
    FI_TRY(read_photo_file(photo_path(id), length,
                           [&](std::span<const std::uint8_t> block) { hash.update(block); }));
    return hash.finish_hex();
}

Result<std::string> InspectionStore::photo_sha256(std::string_view id) {
    auto photo = find_photo(id);
    if (!photo)
        return photo.error();
    return photo_file_sha256(id, *photo ? (*photo)->received : 0);
}

Result<std::string> InspectionStore::photo_bytes(std::string_view id) {
    auto photo = find_photo(id);
    if (!photo)
        return photo.error();
    std::string out;
    FI_TRY(read_photo_file(
        photo_path(id), *photo ? (*photo)->received : 0, [&](std::span<const std::uint8_t> block) {
            out.append(reinterpret_cast<const char*>(block.data()), block.size());
        }));
    return out;
}

Status InspectionStore::reset_photo(std::string_view id) {
    // The file keeps its bytes: at received 0 they count for nothing and are overwritten.
    auto db = database_.lock();
    return run(
        *db, "UPDATE photos SET received = 0, complete = 0, completed_at = NULL WHERE id = ?1", id);
}

Status InspectionStore::move_photo_chunks_to_files() {
    std::vector<std::string> ids;
    {
        auto db = database_.lock();
        FI_TRY(query(*db, "SELECT DISTINCT photo_id FROM photo_chunks",
                     [&](const Statement& st) { ids.push_back(st.column_string(0)); }));
    }
    for (const std::string& id : ids) {
        std::string bytes;
        {
            auto db = database_.lock();
            FI_TRY(query(
                *db, "SELECT data FROM photo_chunks WHERE photo_id = ?1 ORDER BY start",
                [&](const Statement& st) {
                    const auto blob = st.column_blob(0);
                    bytes.append(reinterpret_cast<const char*>(blob.data()), blob.size());
                },
                id));
        }
        FI_TRY(write_photo_bytes(
            id, 0, std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size())));
    }
    if (ids.empty())
        return {};
    FI_TRY(sync_directory(database_.photo_dir()));
    return database_.transaction([&]() -> Status {
        auto db = database_.lock();
        return run(*db, "DELETE FROM photo_chunks");
    });
}

Status InspectionStore::complete_photo(std::string_view id, std::string_view completed_at) {
    auto db = database_.lock();
    return run(*db, "UPDATE photos SET complete = 1, completed_at = ?2 WHERE id = ?1", id,
               completed_at);
}

// --- chains --------------------------------------------------------------------------------

Result<std::optional<ChainLinkRow>> InspectionStore::find_chain_link(std::string_view device_id,
                                                                     std::int64_t seq) {
    auto db = database_.read();
    std::optional<ChainLinkRow> out;
    FI_TRY(query(
        *db,
        "SELECT device_id, seq, prev, hash, inspection_id FROM chain_links "
        "WHERE device_id = ?1 AND seq = ?2",
        [&](const Statement& st) {
            out = ChainLinkRow{st.column_string(0), st.column_int64(1), st.column_string(2),
                               st.column_string(3), st.column_string(4)};
        },
        device_id, seq));
    return out;
}

Result<std::int64_t> InspectionStore::max_chain_seq(std::string_view device_id) {
    auto db = database_.read();
    std::int64_t out = 0;
    FI_TRY(query(
        *db, "SELECT coalesce(max(seq), 0) FROM chain_links WHERE device_id = ?1",
        [&](const Statement& st) { out = st.column_int64(0); }, device_id));
    return out;
}

Status InspectionStore::put_chain_link(const ChainLinkRow& l) {
    auto db = database_.lock();
    return run(*db,
               "INSERT INTO chain_links (device_id, seq, prev, hash, inspection_id) "
               "VALUES (?1, ?2, ?3, ?4, ?5)",
               l.device_id, l.seq, l.prev, l.hash, l.inspection_id);
}

Status InspectionStore::put_chain_gap(const ChainGapRow& g) {
    auto db = database_.lock();
    return run(*db,
               "INSERT INTO chain_gaps (device_id, seq_from, seq_to, noticed_at, noticed_by) "
               "VALUES (?1, ?2, ?3, ?4, ?5)",
               g.device_id, g.seq_from, g.seq_to, g.noticed_at, g.noticed_by);
}

Result<std::vector<ChainGapRow>> InspectionStore::chain_gaps() {
    auto db = database_.read();
    std::vector<ChainGapRow> out;
    FI_TRY(query(*db,
                 "SELECT id, device_id, seq_from, seq_to, noticed_at, noticed_by FROM chain_gaps "
                 "ORDER BY id",
                 [&](const Statement& st) {
                     out.push_back(ChainGapRow{st.column_int64(0), st.column_string(1),
                                               st.column_int64(2), st.column_int64(3),
                                               st.column_string(4), st.column_string(5)});
                 }));
    return out;
}

Result<std::vector<std::int64_t>> InspectionStore::chain_seqs(std::string_view device_id,
                                                              std::int64_t from, std::int64_t to) {
    auto db = database_.read();
    std::vector<std::int64_t> out;
    FI_TRY(query(
        *db,
        "SELECT seq FROM chain_links WHERE device_id = ?1 AND seq BETWEEN ?2 AND ?3 ORDER BY seq",
        [&](const Statement& st) { out.push_back(st.column_int64(0)); }, device_id, from, to));
    return out;
}

} // namespace fi::server
