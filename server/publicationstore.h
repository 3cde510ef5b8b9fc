#pragma once

#include "core/result.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fi::server {

class ServerDatabase;

/// What the central system decided about one accepted record's publication and follow-up, beside
/// the record itself (which never changes). No row: nothing decided yet — the result is published
/// on its deadline, a confidential one included.
struct PublicationRow {
    std::string inspection_id;
    /// An officer published the result before its deadline (`admin publish`): that day.
    std::optional<std::string> published_on;
    std::optional<std::string> published_by;
    /// A confidential record's hold: none (unanswered), `approved` or `refused`, by whom
    /// (an approver's user name), when (RFC 3339) and why.
    std::optional<std::string> hold;
    std::optional<std::string> hold_by;
    std::optional<std::string> hold_at;
    std::optional<std::string> hold_reason;
    /// 整改: the company's deadline (YYYY-MM-DD), the follow-up assignment made once it passed.
    std::optional<std::string> rectification_deadline;
    std::optional<std::string> follow_up_assignment;
    /// 立案: the case number entered centrally.
    std::optional<std::string> case_number;
};

/// Publication decisions and follow-ups per record (table `publication`). Every call is atomic on
/// its own; ServerDatabase::transaction groups several.
class PublicationStore {
public:
    explicit PublicationStore(ServerDatabase& database) : database_(database) {}

    /// none when nothing was decided about the record.
    Result<std::optional<PublicationRow>> find(std::string_view inspection_id);
    /// Every row, by record id.
    Result<std::map<std::string, PublicationRow>> rows();
    /// The rows whose rectification deadline is before `day` (YYYY-MM-DD) and that have no
    /// follow-up yet, by deadline: read through the index `publication_follow_up_due`.
    Result<std::vector<PublicationRow>> follow_ups_due_before(std::string_view day);
    /// The query plan of follow_ups_due_before (SQLite's EXPLAIN QUERY PLAN details), for tests.
    Result<std::vector<std::string>> follow_ups_due_plan();
    /// Insert or replace the record's row.
    Status put(const PublicationRow& row);

private:
    ServerDatabase& database_;
};

} // namespace fi::server
