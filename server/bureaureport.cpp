#include "server/bureaureport.h"

#include "core/pdftable.h"
#include "server/planstore.h"
#include "server/publicationservice.h"
#include "server/requestjson.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace fi::server {

namespace {

using json = nlohmann::json;

bool within(std::string_view day, const Date& from, const Date& to) {
    return from.to_string() <= day && day <= to.to_string();
}

} // namespace

std::vector<ReportDue> BureauReport::due_dates(int year) {
    std::vector<ReportDue> out;
    for (int q = 1; q <= 4; ++q) {
        const Quarter quarter{year, q};
        out.push_back({quarter.to_string(), "监管情况统计表", quarter.report_due()});
    }
    out.push_back({std::to_string(year), "年度报告", Date{year, 12, 10}});
    return out;
}

std::string BureauReport::pdf(const QuarterStatistics& stats, bool yearly, const Date& made_on) {
    PdfTable t;
    const std::string year = std::to_string(stats.quarter.year);
    t.title = yearly ? year + " 年度生态环境“双随机、一公开”监管工作报告"
                     : "生态环境“双随机、一公开”监管情况统计表（" + year + " 年第 " +
                           std::to_string(stats.quarter.q) + " 季度）";
    t.lines_above = {
        "填报单位：" + (stats.unit.empty() ? std::string("全部单位") : stats.unit),
        std::string("统计期间：") + (yearly ? year + "-01-01 至 " + year + "-12-31"
                                            : stats.quarter.first_day().to_string() + " 至 " +
                                                  stats.quarter.last_day().to_string()),
        "数据来源：中心系统（非单台平板）；生成日期：" + made_on.to_string() + "；报送期限：" +
            (yearly ? Date{stats.quarter.year, 12, 10} : stats.quarter.report_due()).to_string()};
    t.headers = {"类别", "项目", "数值", "统计口径"};
    t.widths = {62, 178, 50, 205};
    for (const StatisticsRow& r : stats.rows)
        t.rows.push_back({r.section, r.label_zh, statistics_value_text(r), r.note});
    t.lines_below = {"本表由 fieldinspect 中心系统根据已接收的检查记录自动生成；同一数据另有 "
                     "CSV 版本（admin report … --out FILE.csv）。"};
    return pdf_table_document(t);
}

Result<QuarterStatistics> BureauReport::quarter(const Quarter& q, std::string_view unit) {
    auto s = period(q.first_day(), q.last_day(), unit);
    if (s)
        s->quarter = q;
    return s;
}

Result<QuarterStatistics> BureauReport::year(int y, std::string_view unit) {
    auto s = period(Date{y, 1, 1}, Date{y, 12, 31}, unit);
    if (s)
        s->quarter = Quarter{y, 4};
    return s;
}

Result<QuarterStatistics> BureauReport::period(Date from, Date to, std::string_view unit) {
    auto plans = plans_.plans();
    if (!plans)
        return plans.error();
    auto results = publication_.entries();
    if (!results)
        return results.error();
    std::map<std::string, const PublicationEntry*> result_of; // assignment → its result
    for (const PublicationEntry& e : *results)
        result_of[e.assignment_id] = &e;

    std::map<std::string, std::set<std::string>> drawn; // category → targets
    std::int64_t revoked = 0, follow_ups = 0, not_inspected = 0, inspected = 0, onsite = 0,
                 offsite = 0, joint = 0, withheld = 0, on_time = 0, late_published = 0,
                 unpublished = 0;
    std::map<std::string, std::int64_t> inspected_by, outcomes;
    std::set<std::string> seen;
    for (const PlanRow& p : *plans) {
        auto rows = plans_.assignments_of_plan(p.id);
        if (!rows)
            return rows.error();
        for (const AssignmentRow& a : *rows) {
            if (!seen.insert(a.id).second)
                continue;
            const json body = json::parse(a.body, nullptr, false);
            const json* plan = member(body, "plan");
            if (!unit.empty() && (!plan || string_member(*plan, "unit").value_or("") != unit))
                continue;
            const bool follow_up = plan && string_member(*plan, "kind") == "follow_up";
            const json* target = member(body, "target");
            const std::string category =
                target ? string_member(*target, "category").value_or("") : "";
            const auto r = result_of.find(a.id);
            const PublicationEntry* result = r == result_of.end() ? nullptr : r->second;
            if (within(a.window_from, from, to)) {
                if (a.status == "revoked")
                    ++revoked;
                else if (follow_up)
                    ++follow_ups;
                else {
                    drawn[category].insert(a.target_id);
                    if (!result)
                        ++not_inspected;
                }
            }
            if (!result || !within(result->inspection_day, from, to))
                continue;
            ++inspected;
            ++inspected_by[category];
            ++(result->onsite ? onsite : offsite);
            const json* departments = member(body, "joint_departments");
            if (departments && departments->is_array() && !departments->empty())
                ++joint;
            ++outcomes[result->outcome];
            withheld += result->withheld ? 1 : 0;
            if (!result->is_public)
                ++unpublished;
            else
                ++(result->on_time ? on_time : late_published);
        }
    }
    std::int64_t late_uploads = 0;
    for (const PublicationEntry& e : *results)
        if (within(e.inspection_day, from, to))
            late_uploads += e.late_uploads;

    std::int64_t all_drawn = 0;
    for (const auto& [c, t] : drawn)
        all_drawn += static_cast<std::int64_t>(t.size());
    auto n = [](std::size_t v) { return static_cast<std::int64_t>(v); };
    QuarterStatistics s;
    s.unit = unit.empty() ? "全部单位" : std::string(unit);
    s.inspector = "中心系统";
    const std::string central = "中心系统数据 (central data)";
    s.rows = {
        {"targets_drawn", "抽查对象", "抽取对象数", "Targets drawn", all_drawn, central},
        {"targets_drawn_key", "抽查对象", "其中：重点监管对象", "of which key (重点)",
         n(drawn["key"].size()), ""},
        {"targets_drawn_general", "抽查对象", "其中：一般监管对象", "of which general (一般)",
         n(drawn["general"].size()), ""},
        {"targets_drawn_special", "抽查对象", "其中：特殊监管对象", "of which special (特殊)",
         n(drawn["special"].size()), ""},
        {"assignments_redrawn", "抽查对象", "重新抽取后撤销的任务",
         "Assignments revoked by a re-draw", revoked, ""},
        {"follow_ups", "抽查对象", "整改复查（定向，非随机）", "Follow-ups (targeted, not drawn)",
         follow_ups, ""},
        {"inspected", "检查情况", "已检查对象数", "Targets inspected", inspected,
         "每个任务的最新记录（更正取代原记录）"},
        {"inspected_key", "检查情况", "其中：重点监管对象", "of which key (重点)",
         inspected_by["key"], ""},
        {"inspected_general", "检查情况", "其中：一般监管对象", "of which general (一般)",
         inspected_by["general"], ""},
        {"inspected_special", "检查情况", "其中：特殊监管对象", "of which special (特殊)",
         inspected_by["special"], ""},
        {"inspected_onsite", "检查情况", "现场检查", "On site", onsite, ""},
        {"inspected_offsite", "检查情况", "非现场检查（在线监控、无人机等）", "Off site", offsite,
         ""},
        {"joint_inspections", "检查情况", "部门联合检查", "Joint inspections", joint, ""},
        {"drawn_not_inspected", "检查情况", "已抽取尚未检查", "Drawn, not yet inspected",
         not_inspected, ""},
        {"outcome_no_problem", "检查结果", "未发现问题", "No problem found", outcomes["no_problem"],
         ""},
        {"outcome_rectification_ordered", "检查结果", "发现问题已责令整改", "Rectification ordered",
         outcomes["rectification_ordered"], ""},
        {"outcome_case_opened", "检查结果", "发现违法行为已立案调查", "Case opened",
         outcomes["case_opened"], ""},
        {"confidential", "检查结果", "不予公开（经审批）", "Withheld (approved holds)", withheld,
         ""},
        {"published_on_time", "结果公开", "按期公开（20个工作日内）", "Published on time", on_time,
         ""},
        {"published_late", "结果公开", "逾期公开", "Published late", late_published, ""},
        {"not_yet_published", "结果公开", "尚未到公开日", "Not yet public", unpublished, ""},
        {"late_uploads", "数据上传", "非检查当日上传（逾期）", "Late uploads (records)",
         late_uploads, ""},
    };
    return s;
}

} // namespace fi::server
