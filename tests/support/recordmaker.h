#pragma once

#include "core/model.h"
#include "core/referencestore.h"

#include <optional>
#include <string>

namespace fi::test {

/// A record that passes every rule for `assignment`, built from the stored catalogue: every
/// checkpoint answered with a value of its kind, the team's officers present, a location
/// (on site) or a method (off site). With `fail_one`, the first `photo_on_fail` checkpoint
/// fails, with a finding (returned) that needs a photo before completion.
struct MadeRecord {
    InspectionRecord record;
    std::optional<std::string> finding_needing_photo;
};

MadeRecord make_valid_record(ReferenceStore& refs, const Assignment& assignment,
                             const std::string& record_id, bool fail_one);

} // namespace fi::test
