#include "qml/recordsummaries.h"

#include "core/database.h"
#include "core/statement.h"

namespace fi::app {

namespace {
RecordState record_state(std::string_view s) {
    if (s == "completed")
        return RecordState::completed;
    if (s == "uploaded")
        return RecordState::uploaded;
    if (s == "frozen")
        return RecordState::frozen;
    return RecordState::draft;
}

std::optional<OutboxState> outbox_state(const std::optional<std::string>& s) {
    if (!s)
        return std::nullopt;
    if (*s == "uploading")
        return OutboxState::uploading;
    if (*s == "uploaded")
        return OutboxState::uploaded;
    if (*s == "parked")
        return OutboxState::parked;
    return OutboxState::pending;
}
} // namespace

Result<std::vector<RecordSummary>> record_summaries(Database& db) {
    auto st = db.prepare("SELECT i.id, i.assignment_id, i.state, COALESCE(i.late, 0), "
                         "COALESCE(i.received_at, ''), i.created_at, o.state, "
                         "COALESCE(o.error_message, '') "
                         "FROM inspections i LEFT JOIN outbox o ON o.record_id = i.id "
                         "ORDER BY i.created_at, i.rowid");
    if (!st)
        return st.error();
    std::vector<RecordSummary> out;
    for (;;) {
        auto row = st->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        RecordSummary s;
        s.record_id = st->column_string(0);
        s.assignment_id = st->column_string(1);
        s.state = record_state(st->column_text(2));
        s.late = st->column_int64(3) != 0;
        s.received_at = st->column_string(4);
        s.created_at = st->column_string(5);
        s.outbox = outbox_state(st->column_optional_string(6));
        s.error_message = st->column_string(7);
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace fi::app
