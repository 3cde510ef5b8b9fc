#pragma once

#include "core/date.h"
#include "core/result.h"
#include "core/statistics.h"

#include <string>
#include <string_view>
#include <vector>

namespace fi::server {

class PlanStore;
class PublicationService;

/// A report the bureau is owed, and by when.
struct ReportDue {
    std::string name;  ///< `2026Q4` or `2026`
    std::string title; ///< 监管情况统计表 / 年度报告
    Date due;
};

/// The bureau's reports from the central data (not a tablet's): the quarterly 监管情况统计表 and
/// the yearly report, with the rows of core's QuarterStatistics (so the tablet's table and the
/// bureau's read alike) but every figure known. Counting rules:
/// - drawn: targets of assignments whose window starts in the period (revoked ones apart;
///   follow-ups apart: they are not drawn);
/// - inspected: per assignment its result (the newest record of its chain) whose inspection day
///   is in the period; on/off site by the record, category by the assignment;
/// - outcomes by the result's; 不予公开: approved holds;
/// - publication: results of the period public by today, on time or late, and those not yet;
/// - late uploads: records received after their inspection day.
/// `unit` ("" for all) keeps the assignments of plans of that unit.
class BureauReport {
public:
    BureauReport(PlanStore& plans, PublicationService& publication)
        : plans_(plans), publication_(publication) {}

    Result<QuarterStatistics> quarter(const Quarter& quarter, std::string_view unit);
    /// The year's figures, in the same rows (`quarter` of the result is the year's Q4).
    Result<QuarterStatistics> year(int year, std::string_view unit);
    /// The year's four quarterly tables (20th of each quarter's last month) and the yearly
    /// report (10 December).
    static std::vector<ReportDue> due_dates(int year);

    /// The report as a PDF (core's pdf_table_document: STSong-Light, not embedded): title and
    /// period (`yearly`: the year, else the quarter), the unit, the day it was made, then one
    /// table row per figure (section, 项目, value, how it was counted).
    static std::string pdf(const QuarterStatistics& stats, bool yearly, const Date& made_on);

private:
    Result<QuarterStatistics> period(Date from, Date to, std::string_view unit);

    PlanStore& plans_;
    PublicationService& publication_;
};

} // namespace fi::server
