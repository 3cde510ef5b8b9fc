#include "support/recordmaker.h"

#include "core/date.h"
#include "core/metastore.h"
#include "core/rules.h"

#include <chrono>
#include <stdexcept>

namespace fi::test {

MadeRecord make_valid_record(ReferenceStore& refs, const Assignment& a,
                             const std::string& record_id, bool fail_one) {
    MadeRecord out;
    InspectionRecord& r = out.record;
    const auto now = std::chrono::system_clock::now();
    r.id = record_id;
    r.assignment_id = a.id;
    r.assignment_revision = a.revision;
    r.inspection_day = china_date(now).to_string();
    r.started_at = china_timestamp(now - std::chrono::minutes(30));
    r.finished_at = china_timestamp(now);
    r.clock = {china_timestamp(now - std::chrono::minutes(30)), 0, "server"};
    for (const auto& m : a.team)
        if (m.role != TeamRole::expert)
            r.inspectors_present.push_back(m.inspector_id);
    if (a.mode == InspectionMode::onsite)
        r.location = Location{30391234, 114894321, 8};
    else
        r.offsite_method = OffsiteMethod::monitoring_data;
    bool failed = false;
    for (const auto& item_id : a.item_ids) {
        auto item = refs.catalogue_item(item_id);
        if (!item || !*item)
            throw std::runtime_error("catalogue item " + item_id + " is not stored");
        for (const auto& cp : (*item)->checkpoints) {
            Answer ans{item_id, cp.id, std::string("pass"), ""};
            switch (cp.kind) {
            case CheckpointKind::pass_fail:
                if (fail_one && !failed && cp.photo_on_fail) {
                    failed = true;
                    ans.value = std::string("fail");
                    Finding f{make_uuid_v4(), item_id, cp.id, "现场发现问题：" + cp.text, {}};
                    out.finding_needing_photo = f.id;
                    r.findings.push_back(f);
                }
                break;
            case CheckpointKind::number:
                ans.value = std::int64_t{12};
                break;
            case CheckpointKind::text:
                ans.value = std::string("现场核查记录");
                break;
            case CheckpointKind::choice:
                ans.value = cp.choices.front();
                break;
            }
            r.answers.push_back(ans);
        }
    }
    r.outcome = failed ? Outcome::rectification_ordered : Outcome::no_problem;
    r.public_text = std::string(public_text_for(*r.outcome));
    return out;
}

} // namespace fi::test
