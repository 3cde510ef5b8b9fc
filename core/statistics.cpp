#include "core/statistics.h"

#include "core/recordstore.h"
#include "core/referencestore.h"

#include <map>
#include <set>

namespace fi {

Result<Quarter> Quarter::parse(std::string_view text) {
    auto bad = [&] {
        return Error::make(store_error::invalid_argument,
                           "\"" + std::string(text) +
                               "\" is not a quarter: write the year and the quarter, e.g. 2026Q4.",
                           "quarter");
    };
    if (text.size() != 6 || (text[4] != 'Q' && text[4] != 'q'))
        return bad();
    int year = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return bad();
        year = year * 10 + (text[i] - '0');
    }
    if (text[5] < '1' || text[5] > '4' || year < 2000)
        return bad();
    return Quarter{year, text[5] - '0'};
}

Date Quarter::first_day() const {
    return Date{year, (q - 1) * 3 + 1, 1};
}

Date Quarter::last_day() const {
    return q == 4 ? Date{year, 12, 31} : Date{year, q * 3 + 1, 1}.add_days(-1);
}

std::string Quarter::to_string() const {
    return std::to_string(year) + "Q" + std::to_string(q);
}

const StatisticsRow* QuarterStatistics::row(std::string_view key) const {
    for (const auto& r : rows)
        if (r.key == key)
            return &r;
    return nullptr;
}

namespace {

bool sealed(RecordState s) {
    return s == RecordState::completed || s == RecordState::uploaded;
}

/// What the table counts of an assignment's latest record, from the record or its receipt.
struct Counted {
    std::string inspection_day;
    bool onsite = true;
    std::optional<Outcome> outcome;
    bool confidential = false;
    bool uploaded = false;
    bool late = false;
};

bool in_quarter(const Quarter& q, const std::string& day) {
    auto d = Date::parse(day);
    return d && q.contains(*d);
}

} // namespace

Result<QuarterStatistics> compute_quarter_statistics(Database& db, const Quarter& quarter,
                                                     std::string_view unit,
                                                     std::string_view inspector) {
    ReferenceStore refs(db);
    RecordStore records(db);
    auto assignments = refs.assignments(/*include_revoked=*/true);
    if (!assignments)
        return assignments.error();

    std::map<TargetCategory, std::set<std::string>> drawn; // category → target ids
    std::int64_t revoked = 0, not_inspected = 0;
    std::int64_t inspected = 0, onsite = 0, offsite = 0, joint = 0, confidential = 0;
    std::map<TargetCategory, std::int64_t> inspected_by;
    std::map<Outcome, std::int64_t> outcomes;
    std::int64_t uploaded = 0, late = 0, unconfirmed = 0;

    // Records the retention purge removed count by their receipts, which keep what the table
    // needs (inspection day, on/off site, outcome, confidential, lateness).
    auto receipts = records.receipts();
    if (!receipts)
        return receipts.error();
    std::map<std::string, const Receipt*> receipt_of; // assignment → its latest receipt
    for (const auto& r : *receipts)
        receipt_of[r.assignment_id] = &r; // oldest first: the latest wins
    for (const auto& a : *assignments) {
        auto history = records.history(a.id);
        if (!history)
            return history.error();
        const StoredRecord* latest = nullptr;
        for (const auto& r : *history)
            if (sealed(r.state))
                latest = &r;
        // A record still held is newer than any receipt of its assignment: an original is
        // removed only after every correction of it.
        std::optional<Counted> counted;
        if (latest) {
            const auto& r = latest->record;
            counted =
                Counted{r.inspection_day, !r.offsite_method.has_value(),          r.outcome,
                        r.confidential,   latest->state == RecordState::uploaded, latest->late};
        } else if (auto it = receipt_of.find(a.id); it != receipt_of.end()) {
            const Receipt& r = *it->second;
            counted = Counted{r.inspection_day, r.onsite, r.outcome, r.confidential, true, r.late};
        }
        if (in_quarter(quarter, a.window_from)) {
            if (a.status == AssignmentStatus::revoked)
                ++revoked;
            else {
                drawn[a.target.category].insert(a.target.id);
                if (!counted)
                    ++not_inspected;
            }
        }
        if (!counted || !in_quarter(quarter, counted->inspection_day))
            continue;
        ++inspected;
        ++inspected_by[a.target.category];
        ++(counted->onsite ? onsite : offsite);
        if (!a.joint_departments.empty())
            ++joint;
        if (counted->outcome)
            ++outcomes[*counted->outcome];
        if (counted->confidential)
            ++confidential;
        if (counted->uploaded) {
            ++uploaded;
            if (counted->late)
                ++late;
        } else {
            ++unconfirmed;
        }
    }

    QuarterStatistics s;
    s.quarter = quarter;
    s.unit = std::string(unit);
    s.inspector = std::string(inspector);
    auto count = [](const std::set<std::string>& ids) {
        return static_cast<std::int64_t>(ids.size());
    };
    const std::int64_t key = count(drawn[TargetCategory::key]);
    const std::int64_t general = count(drawn[TargetCategory::general]);
    const std::int64_t special = count(drawn[TargetCategory::special]);
    const std::string unknown_unit =
        "本机只保存本人的抽查任务；请以中心系统统计为准。This tablet holds only its user's "
        "assignments; take the figure from the central system.";
    const std::string drawn_note =
        "本季度开始的有效任务，按对象计 (active assignments starting in the quarter, per target)";
    const std::string inspected_note =
        "检查日在本季度、已完成的记录，每个任务取最新一份；保留期后已从本机删除的记录按其回执计 "
        "(completed records with the inspection day in the quarter, the latest per assignment; "
        "records removed after the retention period count by their receipts)";
    s.rows = {
        {"targets_drawn", "抽查对象", "抽取对象数（本机任务）", "Targets drawn (this tablet)",
         key + general + special, drawn_note},
        {"targets_drawn_key", "抽查对象", "其中：重点监管对象", "of which key (重点)", key, ""},
        {"targets_drawn_general", "抽查对象", "其中：一般监管对象", "of which general (一般)",
         general, ""},
        {"targets_drawn_special", "抽查对象", "其中：特殊监管对象", "of which special (特殊)",
         special, ""},
        {"assignments_redrawn", "抽查对象", "重新抽取后撤销的任务",
         "Assignments revoked by a re-draw", revoked, ""},
        {"unit_targets_drawn", "抽查对象", "本单位抽取对象总数", "Targets drawn for the whole unit",
         std::nullopt, unknown_unit},
        {"inspected", "检查情况", "已检查对象数", "Targets inspected", inspected, inspected_note},
        {"inspected_key", "检查情况", "其中：重点监管对象", "of which key (重点)",
         inspected_by[TargetCategory::key], ""},
        {"inspected_general", "检查情况", "其中：一般监管对象", "of which general (一般)",
         inspected_by[TargetCategory::general], ""},
        {"inspected_special", "检查情况", "其中：特殊监管对象", "of which special (特殊)",
         inspected_by[TargetCategory::special], ""},
        {"inspected_onsite", "检查情况", "现场检查", "On site", onsite, ""},
        {"inspected_offsite", "检查情况", "非现场检查（在线监控、无人机等）",
         "Off site (monitoring data, drone, documents)", offsite, ""},
        {"joint_inspections", "检查情况", "部门联合检查", "Joint inspections", joint,
         "任务列有联合部门 (the assignment names joint departments)"},
        {"drawn_not_inspected", "检查情况", "已抽取尚未检查", "Drawn, not yet inspected",
         not_inspected, "无已完成记录 (no completed record)"},
        {"unit_inspected", "检查情况", "本单位检查总数", "Inspections by the whole unit",
         std::nullopt, unknown_unit},
        {"outcome_no_problem", "检查结果", "未发现问题", "No problem found",
         outcomes[Outcome::no_problem], ""},
        {"outcome_rectification_ordered", "检查结果", "发现问题已责令整改",
         "Problems found, rectification ordered", outcomes[Outcome::rectification_ordered], ""},
        {"outcome_case_opened", "检查结果", "发现违法行为已立案调查",
         "Violation found, case opened", outcomes[Outcome::case_opened], ""},
        {"confidential", "检查结果", "不予公开（涉密、国家安全、公共安全）",
         "Kept from publication (confidential)", confidential, ""},
        {"confirmed_by_central", "数据上传", "中心系统已确认接收",
         "Confirmed by the central system", uploaded, ""},
        {"late_uploads", "数据上传", "其中：非检查当日上传（逾期）",
         "of which uploaded after the inspection day (late)", late,
         "以中心系统的接收回执为准 (as the central system's receipt says)"},
        {"awaiting_confirmation", "数据上传", "尚未确认接收（待上传）",
         "Not yet confirmed (still to upload)", unconfirmed,
         "是否逾期待中心系统接收后确定 (lateness is known once the central system receives them)"},
        {"unit_late_uploads", "数据上传", "本单位逾期上传总数", "Late uploads of the whole unit",
         std::nullopt, unknown_unit},
    };
    return s;
}

std::string statistics_value_text(const StatisticsRow& row) {
    return row.value ? std::to_string(*row.value) : std::string(not_known_text);
}

namespace {

std::string csv_field(std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

} // namespace

std::string statistics_csv(const QuarterStatistics& stats) {
    std::string out = "\xEF\xBB\xBF";
    auto line = [&](std::initializer_list<std::string_view> fields) {
        bool first = true;
        for (auto f : fields) {
            if (!first)
                out += ',';
            out += csv_field(f);
            first = false;
        }
        out += "\r\n";
    };
    line({"key", "section", "项目", "item", "value", "note"});
    for (const auto& r : stats.rows)
        line({r.key, r.section, r.label_zh, r.label_en, statistics_value_text(r), r.note});
    return out;
}

} // namespace fi
