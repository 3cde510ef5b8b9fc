#include "server/targethistory.h"

#include "server/inspectionstore.h"
#include "server/referencedatastore.h"

#include <map>

namespace fi::server {

Result<std::set<std::string>> violators_in(int year, InspectionStore& inspections,
                                           ReferenceDataStore& reference) {
    std::set<std::string> out;
    auto checks = reference.prior_checks(year);
    if (!checks)
        return checks.error();
    for (const PriorCheckRow& c : *checks)
        if (c.outcome != "no_problem")
            out.insert(c.target_id);
    auto records = inspections.inspections();
    if (!records)
        return records.error();
    // The newest record of each assignment (oldest first, so the last one seen wins).
    std::map<std::string, const InspectionRow*> newest;
    for (const InspectionRow& r : *records)
        newest[r.assignment_id] = &r;
    const std::string prefix = std::to_string(year) + "-";
    for (const auto& [assignment, r] : newest)
        if (r->inspection_day.starts_with(prefix) && r->outcome != "no_problem")
            out.insert(r->target_id);
    return out;
}

} // namespace fi::server
