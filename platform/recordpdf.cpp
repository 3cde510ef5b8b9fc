#include "platform/recordpdf.h"

#include "core/exif.h"
#include "core/modeljson.h"
#include "core/photostore.h"
#include "core/place.h"
#include "platform/pdfcanvas.h"
#include "platform/photoimporter.h"
#include "platform/signatureimage.h"

#include <QBuffer>
#include <QImageReader>
#include <algorithm>

namespace fi::platform {

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QString joined(const std::vector<std::string>& list, const QString& sep = QStringLiteral("、")) {
    QStringList out;
    for (const auto& s : list)
        out << qs(s);
    return out.join(sep);
}

QString category_text(TargetCategory c) {
    switch (c) {
    case TargetCategory::key:
        return QStringLiteral("重点监管对象 (key)");
    case TargetCategory::general:
        return QStringLiteral("一般监管对象 (general)");
    case TargetCategory::special:
        return QStringLiteral("特殊监管对象 (special)");
    }
    return {};
}

QString role_text(TeamRole r) {
    switch (r) {
    case TeamRole::leader:
        return QStringLiteral("组长 leader");
    case TeamRole::member:
        return QStringLiteral("组员 member");
    case TeamRole::expert:
        return QStringLiteral("专家 expert");
    }
    return {};
}

QString method_text(OffsiteMethod m) {
    switch (m) {
    case OffsiteMethod::monitoring_data:
        return QStringLiteral("污染源自动监控数据 (monitoring data)");
    case OffsiteMethod::drone:
        return QStringLiteral("无人机巡查 (drone)");
    case OffsiteMethod::document_review:
        return QStringLiteral("资料审查 (document review)");
    }
    return {};
}

QString plan_kind_text(const std::string& kind) {
    if (kind == "routine")
        return QStringLiteral("日常监督管理检查 (routine)");
    if (kind == "enforcement")
        return QStringLiteral("监督执法检查 (enforcement)");
    if (kind == "special")
        return QStringLiteral("专项检查 (special)");
    if (kind == "joint")
        return QStringLiteral("部门联合检查 (joint)");
    return qs(kind);
}

QString location_text(const std::optional<Location>& l) {
    if (!l)
        return {};
    return QStringLiteral("%1, %2 (±%3 m)")
        .arg(static_cast<double>(l->lat_e6) / 1e6, 0, 'f', 6)
        .arg(static_cast<double>(l->lon_e6) / 1e6, 0, 'f', 6)
        .arg(l->accuracy_m);
}

/// A small picture of the photo for the page: the stored thumbnail, else the photo scaled
/// in memory (nothing is written to the store); null when the bytes are not a picture.
QImage thumbnail_of(Database& db, const std::string& photo_id) {
    PhotoStore photos(db);
    auto read = [&](const std::string& id) -> QImage {
        QByteArray bytes;
        auto s = photos.read_all(id, [&](std::span<const std::uint8_t> chunk) -> Status {
            bytes.append(reinterpret_cast<const char*>(chunk.data()),
                         static_cast<qsizetype>(chunk.size()));
            return {};
        });
        if (!s)
            return {};
        QBuffer buffer(&bytes);
        QImageReader reader(&buffer);
        reader.setAutoTransform(true);
        const QSize size = reader.size();
        if (size.isValid())
            reader.setScaledSize(PhotoImporter::fitted(size, 480));
        return reader.read();
    };
    if (auto thumb = photos.info(PhotoImporter::thumbnail_id(photo_id)))
        if (QImage img = read(PhotoImporter::thumbnail_id(photo_id)); !img.isNull())
            return img;
    return read(photo_id);
}

} // namespace

Status RecordPdf::write(const RecordDocument& doc, const std::filesystem::path& path) {
    const InspectionRecord& r = doc.stored.record;
    const Assignment& a = doc.assignment;
    if (!doc.stored.chain_hash)
        return Error::make("not_completed",
                           "The record " + r.id + " has no chain hash: complete it first.");
    const std::string& chain = *doc.stored.chain_hash;
    PdfCanvas pdf(QStringLiteral("现场检查笔录 %1").arg(qs(a.target.name)),
                  QStringLiteral("记录 record %1").arg(qs(r.id)));
    const QFont mono = pdf.mono_font(8);

    // Title and the QR code at the top right.
    constexpr double qr_mm = 34;
    FI_TRY(pdf.qr_code(QByteArray::fromStdString(record_qr_text(r.id, chain)),
                       PdfCanvas::content_width_mm - qr_mm, pdf.y() - 2, qr_mm));
    const double title_width = PdfCanvas::content_width_mm - qr_mm - 4;
    double y = pdf.y();
    y +=
        pdf.text_at(0, y, title_width,
                    a.mode == InspectionMode::offsite ? QStringLiteral("现场检查笔录（非现场检查）")
                                                      : QStringLiteral("现场检查笔录"),
                    pdf.font(18, true));
    y += pdf.text_at(0, y + 1, title_width, QStringLiteral("On-site inspection record"),
                     pdf.font(10));
    y += 2;
    y += pdf.text_at(0, y + 1, title_width,
                     QStringLiteral("双随机、一公开 · %1").arg(qs(a.plan.name)), pdf.font(9.5));
    y += pdf.text_at(0, y + 2, title_width, QStringLiteral("记录编号 Record id: %1").arg(qs(r.id)),
                     pdf.font(8.5));
    pdf.set_y(std::max(y + 4, pdf.y() + qr_mm));

    pdf.heading(QStringLiteral("一、抽查计划 Plan"));
    pdf.field(QStringLiteral("计划 Plan"),
              QStringLiteral("%1 (%2, %3)").arg(qs(a.plan.name), qs(a.plan.id)).arg(a.plan.year));
    pdf.field(QStringLiteral("检查类型 Kind"), plan_kind_text(a.plan.kind));
    pdf.field(QStringLiteral("组织单位 Unit"), qs(a.plan.unit));
    pdf.field(QStringLiteral("任务 Assignment"),
              QStringLiteral("%1 (第 %2 版 revision %2)").arg(qs(a.id)).arg(r.assignment_revision));
    pdf.field(QStringLiteral("随机抽取 Draw"),
              QStringLiteral("%1 — %2").arg(
                  qs(a.draw_id), r.draw_verified
                                     ? QStringLiteral("本机核验一致 verified on the tablet")
                                     : QStringLiteral("未能核验 NOT verified")));
    if (!a.joint_departments.empty())
        pdf.field(QStringLiteral("联合部门 Joint departments"), joined(a.joint_departments));

    pdf.heading(QStringLiteral("二、被检查对象 Target"));
    pdf.field(QStringLiteral("单位名称 Name"), qs(a.target.name), nullptr);
    pdf.field(QStringLiteral("统一社会信用代码 Credit code"), qs(a.target.credit_code));
    pdf.field(QStringLiteral("地址 Address"), qs(a.target.address));
    pdf.field(QStringLiteral("法定代表人 Legal representative"), qs(a.target.legal_rep));
    pdf.field(QStringLiteral("辖区 District"), qs(a.target.district));
    pdf.field(QStringLiteral("监管类别 Class"), category_text(a.target.category));

    pdf.heading(QStringLiteral("三、检查时间与方式 Time and mode"));
    pdf.field(QStringLiteral("检查日期 Day"), qs(r.inspection_day));
    pdf.field(QStringLiteral("开始 / 结束 Started / finished"),
              QStringLiteral("%1 — %2").arg(qs(r.started_at), qs(r.finished_at)));
    pdf.field(QStringLiteral("时间来源 Clock"),
              r.clock.source == "server"
                  ? QStringLiteral("中心系统时间 server time (offset %1 ms)").arg(r.clock.offset_ms)
                  : QStringLiteral("设备时间（未与中心系统校准）device clock, not synchronised"));
    if (r.offsite_method)
        pdf.field(QStringLiteral("方式 Mode"),
                  QStringLiteral("非现场 off site — %1").arg(method_text(*r.offsite_method)));
    else
        pdf.field(QStringLiteral("方式 Mode"), QStringLiteral("现场 on site"));
    if (r.location) {
        // The place taken when the inspection started (the record's own), and the one kept
        // beside it from its completion, each with its distance to the target.
        const auto distance = distance_to_target_m(r.location, doc.assignment.target);
        QString start = location_text(r.location);
        if (distance)
            start += QStringLiteral("，距检查对象 %1 米 %1 m from the target").arg(*distance);
        if (distance && *distance > far_from_target_m)
            start += QStringLiteral("（超过 %1 米 more than %1 m）").arg(far_from_target_m);
        if (doc.place && doc.place->simulated)
            start += QStringLiteral("（模拟位置 simulated）");
        pdf.field(QStringLiteral("开始位置 Location at start"), start);
        if (doc.place && doc.place->completed_location) {
            QString end = location_text(doc.place->completed_location);
            if (doc.place->completed_distance_m)
                end += QStringLiteral("，距检查对象 %1 米 %1 m from the target")
                           .arg(*doc.place->completed_distance_m);
            pdf.field(QStringLiteral("完成位置 Location at completion"), end);
        }
    }

    pdf.heading(QStringLiteral("四、检查人员 Inspectors present"));
    {
        std::vector<std::vector<QString>> rows;
        for (const auto& id : r.inspectors_present) {
            const Inspector* who = doc.inspector(id);
            QString role;
            for (const auto& m : a.team)
                if (m.inspector_id == id)
                    role = role_text(m.role);
            rows.push_back({who ? qs(who->name) : qs(id), role, who ? qs(who->unit) : QString(),
                            who && who->cert_no ? qs(*who->cert_no) : QStringLiteral("无 none")});
        }
        pdf.table({QStringLiteral("姓名 Name"), QStringLiteral("职责 Role"),
                   QStringLiteral("单位 Unit"), QStringLiteral("执法证号 Certificate")},
                  rows, {35, 30, 60, 55});
    }

    pdf.heading(QStringLiteral("五、检查事项及结果 Items and answers"));
    for (const auto& item_id : a.item_ids) {
        const CatalogueItem* item = doc.item(item_id);
        pdf.paragraph(
            item ? QStringLiteral("%1 %2（%3）").arg(qs(item->code), qs(item->title), qs(item->id))
                 : QStringLiteral("%1（目录中无此事项 not in the catalogue）").arg(qs(item_id)),
            pdf.font(10, true), 0.8);
        if (item) {
            pdf.field(QStringLiteral("法律依据 Legal basis"),
                      joined(item->legal_basis, QStringLiteral("；")));
            QString depts = qs(item->initiating_dept);
            if (!item->cooperating_depts.empty())
                depts += QStringLiteral("；配合 with ") + joined(item->cooperating_depts);
            pdf.field(QStringLiteral("发起部门 Departments"), depts);
        }
        std::vector<std::vector<QString>> rows;
        for (const auto& ans : r.answers) {
            if (ans.item_id != item_id)
                continue;
            const Checkpoint* cp = doc.checkpoint(ans.item_id, ans.checkpoint_id);
            rows.push_back({cp ? QStringLiteral("%1\n(%2)").arg(qs(cp->text), qs(cp->id))
                               : qs(ans.checkpoint_id),
                            qs(answer_text(ans.value, cp)), qs(ans.note)});
        }
        pdf.table({QStringLiteral("检查内容 Checkpoint"), QStringLiteral("结果 Answer"),
                   QStringLiteral("备注 Note")},
                  rows, {85, 45, 50});
    }

    pdf.heading(QStringLiteral("六、发现的问题及照片 Findings and photos"));
    if (r.findings.empty())
        pdf.paragraph(QStringLiteral("无 None."), pdf.font(9.5));
    auto photos_grid = [&](const std::vector<const PhotoRef*>& photos) {
        constexpr double cell_w = 58, gap = 3, pic_h = 40, cell_h = pic_h + 15;
        for (std::size_t i = 0; i < photos.size(); i += 3) {
            pdf.ensure_space(cell_h);
            for (std::size_t k = 0; k < 3 && i + k < photos.size(); ++k) {
                const PhotoRef& p = *photos[i + k];
                const double x = static_cast<double>(k) * (cell_w + gap);
                const QImage img = thumbnail_of(db_, p.id);
                pdf.image(img, x, pdf.y(), cell_w, pic_h);
                if (img.isNull())
                    pdf.text_at(x, pdf.y() + pic_h / 2 - 3, cell_w,
                                QStringLiteral("（无法显示 cannot be shown）"), pdf.font(8),
                                Qt::AlignHCenter);
                const QString hash = qs(p.sha256);
                QString taken = QStringLiteral("拍摄 taken %1").arg(qs(p.taken_at));
                switch (import_day(p, r.inspection_day)) {
                case ImportDay::other_day:
                    taken = QStringLiteral("导入，原片摄于 %1，非检查当日 imported: taken on "
                                           "another day")
                                .arg(qs(*p.original_taken_at));
                    break;
                case ImportDay::unknown:
                    taken += QStringLiteral("；导入，无原片时间 imported, no time in the file");
                    break;
                case ImportDay::same_day:
                    taken += QStringLiteral("；导入 imported");
                    break;
                case ImportDay::not_import:
                    break;
                }
                // An import's mark may take a second line: the hash goes below it.
                const double taken_h =
                    pdf.text_at(x, pdf.y() + pic_h + 0.8, cell_w, taken, pdf.font(6.5));
                pdf.text_at(x, pdf.y() + pic_h + std::max(4.2, 1.0 + taken_h), cell_w,
                            QStringLiteral("SHA-256 %1\n%2").arg(hash.left(32), hash.mid(32)),
                            pdf.mono_font(6));
            }
            pdf.skip(cell_h + 2);
        }
    };
    int n = 0;
    for (const auto& f : r.findings) {
        ++n;
        const Checkpoint* cp = doc.checkpoint(f.item_id, f.checkpoint_id);
        // The finding's heading stays with its first row of photos.
        pdf.ensure_space(r.photos.empty() ? 14 : 72);
        pdf.paragraph(QStringLiteral("问题 %1 Finding %1：%2").arg(n).arg(qs(f.description)),
                      pdf.font(9.5, true), 0.5);
        pdf.paragraph(QStringLiteral("事项 item %1 · 检查内容 checkpoint %2")
                          .arg(qs(f.item_id), cp ? qs(cp->text) : qs(f.checkpoint_id)),
                      pdf.font(8), 1.0);
        std::vector<const PhotoRef*> photos;
        for (const auto& id : f.photo_ids)
            for (const auto& p : r.photos)
                if (p.id == id)
                    photos.push_back(&p);
        for (const auto& p : r.photos)
            if (p.finding_id == f.id &&
                std::find(f.photo_ids.begin(), f.photo_ids.end(), p.id) == f.photo_ids.end())
                photos.push_back(&p);
        photos_grid(photos);
    }
    {
        std::vector<const PhotoRef*> others;
        for (const auto& p : r.photos) {
            bool cited = false;
            for (const auto& f : r.findings)
                cited =
                    cited || p.finding_id == f.id ||
                    std::find(f.photo_ids.begin(), f.photo_ids.end(), p.id) != f.photo_ids.end();
            if (!cited)
                others.push_back(&p);
        }
        if (!others.empty()) {
            pdf.paragraph(QStringLiteral("其他现场照片 Other photos (%1)").arg(others.size()),
                          pdf.font(9.5, true), 1.0);
            photos_grid(others);
        }
    }
    pdf.paragraph(QStringLiteral("照片共 %1 张 Photos: %1").arg(r.photos.size()), pdf.font(8.5));

    pdf.heading(QStringLiteral("七、检查结论与公开 Outcome and publication"));
    pdf.field(QStringLiteral("检查结论 Outcome"),
              QStringLiteral("%1 (%2)").arg(qs(r.public_text),
                                            r.outcome ? qs(std::string(to_string(*r.outcome)))
                                                      : QString()),
              nullptr);
    if (r.confidential)
        pdf.field(QStringLiteral("公开 Publication"),
                  QStringLiteral("不予公开 not published — 依据 ground: %1；理由 reason: %2")
                      .arg(r.confidential_ground
                               ? qs(confidential_ground_text(*r.confidential_ground))
                               : QStringLiteral("—"),
                           qs(r.confidential_reason.value_or(""))));
    else
        pdf.field(QStringLiteral("公开内容 Public text"), qs(r.public_text));
    pdf.field(QStringLiteral("公开期限 Publish by"),
              QStringLiteral("%1（检查完成 %2 后 20 个工作日内 within 20 working days）%3")
                  .arg(qs(doc.publication_deadline.date.to_string()), qs(doc.completed_day),
                       doc.publication_deadline.provisional
                           ? QStringLiteral(" 暂定：节假日安排未知 provisional: holiday calendar "
                                            "not known for that year")
                           : QString()));
    if (r.supersedes)
        pdf.field(
            QStringLiteral("更正 Corrects"),
            QStringLiteral("%1 — %2").arg(qs(*r.supersedes), qs(r.correction_reason.value_or(""))));
    if (doc.versions.size() > 1) {
        // Every version of the record, so a printed copy says which one it is and what
        // followed it.
        pdf.paragraph(QStringLiteral("更正记录 Versions of this record"), pdf.font(9, true));
        std::vector<std::vector<QString>> rows;
        for (std::size_t i = 0; i < doc.versions.size(); ++i) {
            const auto& v = doc.versions[i];
            rows.push_back({QString::number(i + 1) +
                                (v.record_id == r.id ? QStringLiteral(" 本记录 this") : QString()),
                            qs(v.record_id), qs(v.completed_at),
                            v.reason ? qs(*v.reason) : QStringLiteral("原始记录 original")});
        }
        pdf.table({QStringLiteral("版本 Version"), QStringLiteral("记录编号 Record id"),
                   QStringLiteral("完成时间 Completed"), QStringLiteral("更正理由 Reason")},
                  rows, {22, 68, 42, 48});
    }

    pdf.heading(QStringLiteral("八、证据链 Evidence chain"));
    pdf.field(QStringLiteral("记录编号 Record id"), qs(r.id), &mono);
    pdf.field(QStringLiteral("链序号 Chain sequence"),
              doc.stored.chain_seq ? QString::number(*doc.stored.chain_seq) : QString());
    pdf.field(QStringLiteral("链哈希 Chain hash"), qs(chain), &mono);
    pdf.field(QStringLiteral("上传 Upload"),
              doc.stored.state == RecordState::uploaded
                  ? QStringLiteral("中心系统已接收 received %1%2")
                        .arg(qs(doc.stored.received_at.value_or("")),
                             doc.stored.late ? QStringLiteral("（逾期 late）") : QString())
                  : QStringLiteral("尚未上传 not yet uploaded"));

    if (!r.signatures) {
        // A record made before signatures were taken on the tablet: lines to sign on paper.
        pdf.ensure_space(30);
        pdf.skip(8);
        pdf.text_at(0, pdf.y(), 85, QStringLiteral("检查人员签名 Inspectors' signatures："),
                    pdf.font(9));
        pdf.text_at(95, pdf.y(), 85, QStringLiteral("被检查单位签名 Target's signature："),
                    pdf.font(9));
        pdf.skip(18);
        return pdf.save(path);
    }
    pdf.heading(QStringLiteral("九、签名 Signatures"));
    if (r.signatures->empty())
        pdf.paragraph(QStringLiteral("非现场检查，无现场签名 Off-site inspection: no signatures."),
                      pdf.font(9.5));
    for (const Signature& g : *r.signatures) {
        QString who;
        if (g.role == "inspector") {
            const Inspector* in = doc.inspector(g.inspector_id);
            who = QStringLiteral("检查人员 Inspector %1 %2")
                      .arg(in ? qs(in->name) : QString(), qs(g.inspector_id));
        } else if (g.refused) {
            who = QStringLiteral("被检查单位 Inspected unit");
        } else {
            who = QStringLiteral("被检查单位负责人 Representative %1（%2）")
                      .arg(qs(g.name), qs(g.position));
        }
        if (g.refused) {
            pdf.ensure_space(12);
            pdf.paragraph(who, pdf.font(9.5, true), 0.5);
            pdf.paragraph(QStringLiteral("拒绝签字 refused to sign：%1").arg(qs(g.reason)),
                          pdf.font(9.5), 2.0);
            continue;
        }
        constexpr double pic_w = 60, pic_h = 22;
        pdf.ensure_space(pic_h + 8);
        pdf.paragraph(who, pdf.font(9.5, true), 0.5);
        std::vector<std::uint8_t> bytes;
        (void)PhotoStore(db_).read_all(g.id, [&](std::span<const std::uint8_t> chunk) -> Status {
            bytes.insert(bytes.end(), chunk.begin(), chunk.end());
            return {};
        });
        const QImage img = SignatureImage::render(bytes, g.mime, QSize(720, 264));
        pdf.image(img, 0, pdf.y(), pic_w, pic_h);
        if (img.isNull())
            pdf.text_at(0, pdf.y() + pic_h / 2 - 3, pic_w,
                        QStringLiteral("（无法显示 cannot be shown）"), pdf.font(8),
                        Qt::AlignHCenter);
        const QString hash = qs(g.sha256);
        pdf.text_at(pic_w + 4, pdf.y() + 2, 110,
                    QStringLiteral("签名时间 signed %1").arg(qs(g.signed_at)), pdf.font(8));
        pdf.text_at(pic_w + 4, pdf.y() + 7, 110,
                    QStringLiteral("SHA-256 %1\n%2").arg(hash.left(32), hash.mid(32)),
                    pdf.mono_font(7));
        pdf.skip(pic_h + 3);
    }
    return pdf.save(path);
}

} // namespace fi::platform
