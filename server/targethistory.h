#pragma once

#include "core/result.h"

#include <set>
#include <string>

namespace fi::server {

class InspectionStore;
class ReferenceDataStore;

/// Targets found in violation in `year` (整改 or 立案): an accepted result of that year — the
/// newest record of its assignment's chain, a correction replacing what it corrects — whose
/// outcome is `rectification_ordered` or `case_opened`, and checks of that year entered with
/// `admin record-check` with either outcome. Next year's plans draw them as key targets
/// (对有违法违规记录的…列为重点监管对象).
Result<std::set<std::string>> violators_in(int year, InspectionStore& inspections,
                                           ReferenceDataStore& reference);

} // namespace fi::server
