#include "platform/statisticspdf.h"

#include "platform/pdfcanvas.h"

namespace fi::platform {

namespace {
QString qs(const std::string& s) {
    return QString::fromStdString(s);
}
} // namespace

Status write_statistics_pdf(const QuarterStatistics& stats, const std::filesystem::path& path) {
    const QString quarter =
        QStringLiteral("%1 年第 %2 季度").arg(stats.quarter.year).arg(stats.quarter.q);
    PdfCanvas pdf(QStringLiteral("监管情况统计表 %1").arg(qs(stats.quarter.to_string())),
                  QStringLiteral("监管情况统计表 %1 · %2")
                      .arg(qs(stats.quarter.to_string()), qs(stats.unit)));
    pdf.paragraph(QStringLiteral("“双随机、一公开”监管情况统计表"), pdf.font(16, true), 1);
    pdf.paragraph(QStringLiteral("Quarterly statistics of random inspections"), pdf.font(10), 3);
    pdf.field(QStringLiteral("统计期间 Period"),
              QStringLiteral("%1 (%2 — %3)")
                  .arg(quarter, qs(stats.quarter.first_day().to_string()),
                       qs(stats.quarter.last_day().to_string())));
    pdf.field(QStringLiteral("单位 Unit"), qs(stats.unit));
    pdf.field(QStringLiteral("本机用户 Tablet of"), qs(stats.inspector));
    pdf.field(QStringLiteral("报送期限 Report due"),
              QStringLiteral("%1（季度末月 20 日前 by the 20th of the quarter's last month）")
                  .arg(qs(stats.quarter.report_due().to_string())));
    pdf.paragraph(QStringLiteral("本表根据本机保存的抽查任务和记录及中心系统的接收回执统计；"
                                 "本机无法得知的数字注明“本机无法得知”，请以中心系统为准。 "
                                 "Counted from what this tablet holds and what the central "
                                 "system confirmed; figures it cannot know are marked so."),
                  pdf.font(8.5), 3);
    std::vector<std::vector<QString>> rows;
    std::string section;
    for (const auto& r : stats.rows) {
        rows.push_back({r.section == section ? QString() : qs(r.section),
                        QStringLiteral("%1\n%2").arg(qs(r.label_zh), qs(r.label_en)),
                        r.value ? QString::number(*r.value)
                                : QStringLiteral("本机无法得知\nnot known on this tablet"),
                        qs(r.note)});
        section = r.section;
    }
    pdf.table({QStringLiteral("类别 Section"), QStringLiteral("项目 Item"),
               QStringLiteral("数量 Count"), QStringLiteral("说明 Note")},
              rows, {20, 56, 46, 58});
    return pdf.save(path);
}

} // namespace fi::platform
