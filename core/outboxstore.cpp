#include "core/outboxstore.h"

#include "core/database.h"
#include "core/enumnames.h"
#include "core/statement.h"

namespace fi {

namespace {

constexpr EnumNames<OutboxState, 4> outbox_states{{{
    {OutboxState::pending, "pending"},
    {OutboxState::uploading, "uploading"},
    {OutboxState::uploaded, "uploaded"},
    {OutboxState::parked, "parked"},
}}};

OutboxState parse_state(std::string_view s) {
    return outbox_states.parse(s).value_or(OutboxState::pending);
}

} // namespace

std::string_view to_string(OutboxState s) {
    return outbox_states.to_string(s);
}

std::optional<OutboxState> parse_outbox_state(std::string_view text) {
    return outbox_states.parse(text);
}

namespace {

constexpr std::string_view columns =
    "SELECT o.record_id, o.state, o.attempts, o.next_attempt_ms, o.error_code, o.error_message, "
    "o.acked, o.received_at, o.late, i.chain_seq, "
    "(SELECT COALESCE(sum(p.bytes), 0) FROM inspection_photos ip JOIN photos p ON p.id = "
    "ip.photo_id WHERE ip.record_id = o.record_id), i.body "
    "FROM outbox o JOIN inspections i ON i.id = o.record_id ";

/// The inspection day is in the sealed body; read it without decoding the whole record.
std::string inspection_day_of(std::string_view body) {
    const std::string_view key = "\"inspection_day\":\"";
    const auto at = body.find(key);
    if (at == std::string_view::npos)
        return {};
    return std::string(body.substr(at + key.size(), 10));
}

} // namespace

Result<std::vector<OutboxEntry>> OutboxStore::select(std::string_view where,
                                                     const std::function<void(Statement&)>& bind) {
    auto st = db_.prepare(std::string(columns) + std::string(where) + " ORDER BY i.chain_seq");
    if (!st)
        return st.error();
    if (bind)
        bind(*st);
    std::vector<OutboxEntry> out;
    for (;;) {
        auto row = st->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        OutboxEntry e;
        e.record_id = st->column_string(0);
        e.state = parse_state(st->column_text(1));
        e.attempts = st->column_int(2);
        e.next_attempt_ms = st->column_int64(3);
        e.error_code = st->column_optional_string(4);
        e.error_message = st->column_optional_string(5);
        e.acked = st->column_int(6) != 0;
        e.received_at = st->column_optional_string(7);
        e.late = !st->is_null(8) && st->column_int(8) != 0;
        e.chain_seq = st->column_int64(9);
        e.photo_bytes = st->column_int64(10);
        e.inspection_day = inspection_day_of(st->column_text(11));
        out.push_back(std::move(e));
    }
    return out;
}

Result<std::vector<OutboxEntry>> OutboxStore::open_entries() {
    return select("WHERE o.state <> 'uploaded'", {});
}

Result<std::vector<OutboxEntry>> OutboxStore::due(std::int64_t now_ms) {
    return select("WHERE o.state IN ('pending', 'uploading') AND o.next_attempt_ms <= ?1",
                  [&](Statement& st) { st.bind(1, now_ms); });
}

Result<OutboxEntry> OutboxStore::entry(std::string_view record_id) {
    auto found = select("WHERE o.record_id = ?1", [&](Statement& st) { st.bind(1, record_id); });
    if (!found)
        return found.error();
    if (found->empty())
        return Error::make(store_error::not_found,
                           "Record " + std::string(record_id) + " is not in the outbox.");
    return std::move(found->front());
}

namespace {
Status update(Database& db, const char* sql, std::string_view id, auto&&... args) {
    auto st = db.prepare(sql);
    if (!st)
        return st.error();
    st->bind_all(id, args...);
    FI_TRY(st->run());
    if (db.changes() == 0)
        return Error::make(store_error::not_found,
                           "Record " + std::string(id) + " is not in the outbox.");
    return {};
}
} // namespace

Status OutboxStore::record_ack(std::string_view record_id, std::string_view received_at,
                               bool late) {
    return update(db_,
                  "UPDATE outbox SET acked = 1, received_at = ?2, late = ?3, state = "
                  "CASE state WHEN 'uploaded' THEN 'uploaded' ELSE 'uploading' END, "
                  "error_code = NULL, error_message = NULL, "
                  "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE record_id = ?1",
                  record_id, received_at, late);
}

Status OutboxStore::record_retry(std::string_view record_id, std::int64_t next_attempt_ms,
                                 std::string_view code, std::string_view message) {
    return update(db_,
                  "UPDATE outbox SET attempts = attempts + 1, next_attempt_ms = ?2, "
                  "error_code = ?3, error_message = ?4, "
                  "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                  "WHERE record_id = ?1 AND state <> 'uploaded'",
                  record_id, next_attempt_ms, code, message);
}

Status OutboxStore::park(std::string_view record_id, std::string_view code,
                         std::string_view message) {
    return update(db_,
                  "UPDATE outbox SET state = 'parked', error_code = ?2, error_message = ?3, "
                  "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                  "WHERE record_id = ?1 AND state <> 'uploaded'",
                  record_id, code, message);
}

Status OutboxStore::unpark(std::string_view record_id) {
    return update(db_,
                  "UPDATE outbox SET state = CASE acked WHEN 1 THEN 'uploading' ELSE 'pending' "
                  "END, next_attempt_ms = 0, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                  "WHERE record_id = ?1 AND state = 'parked'",
                  record_id);
}

} // namespace fi
