#pragma once

#include "core/date.h"
#include "core/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fi {

class Database;

/// A calendar quarter, spelled `2026Q4`.
struct Quarter {
    int year = 0;
    int q = 0; ///< 1..4

    /// Strict `YYYYQn`.
    static Result<Quarter> parse(std::string_view text);
    Date first_day() const;
    Date last_day() const;
    bool contains(const Date& day) const { return first_day() <= day && day <= last_day(); }
    /// 监管情况统计表 are due by the 20th of the quarter's last month.
    Date report_due() const { return Date{year, q * 3, 20}; }
    std::string to_string() const;
};

/// One line of the quarterly table. `value` is empty when this tablet cannot know the figure
/// (it holds only its user's assignments): the table says so instead of guessing.
struct StatisticsRow {
    std::string key;      ///< stable machine name, e.g. `targets_drawn_key`
    std::string section;  ///< 抽查对象 / 检查情况 / 检查结果 / 数据上传
    std::string label_zh; ///< the Chinese label (the table is a Chinese report)
    std::string label_en;
    std::optional<std::int64_t> value;
    std::string note; ///< how the figure was counted, or why it is not known
};

/// 监管情况统计表 for one quarter, as far as this tablet knows it: the targets drawn for its
/// user by class, what was inspected (on site / off site, joint), outcomes by their public
/// phrasing, kept from publication, and what the central system confirmed (late uploads).
/// Unit-wide figures are rows without a value. Pure data over the store; it changes nothing.
struct QuarterStatistics {
    Quarter quarter;
    std::string unit;
    std::string inspector; ///< whose tablet (name and id), as signed in
    std::vector<StatisticsRow> rows;

    const StatisticsRow* row(std::string_view key) const;
};

/// Written where a figure is not known on this tablet (CSV, PDF, CLI).
inline constexpr std::string_view not_known_text = "本机无法得知 (not known on this tablet)";

/// The quarter's table from the store. Counting rules (docs/domain.md):
/// - drawn: active assignments whose window starts in the quarter, one per target;
/// - inspected: per assignment its latest completed or uploaded record (a correction replaces
///   what it corrects) whose inspection day is in the quarter; on/off site by the record; a
///   record removed after the retention period counts by its receipt (RecordStore::receipts);
/// - late: records the central system received after their inspection day; records it has
///   not confirmed yet are counted apart (their lateness is not known yet).
Result<QuarterStatistics> compute_quarter_statistics(Database& db, const Quarter& quarter,
                                                     std::string_view unit,
                                                     std::string_view inspector);

/// The table as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read the
/// Chinese): `key,section,项目,item,value,note`; an unknown value is `not_known_text`.
std::string statistics_csv(const QuarterStatistics& stats);

/// The value as printed: the number, or `not_known_text`.
std::string statistics_value_text(const StatisticsRow& row);

} // namespace fi
