#pragma once

#include "core/result.h"
#include "services/values.h"

#include <string>
#include <vector>

namespace fi::services {

class Workspace;

/// What the tablet holds about the assignments: the list with each visit's state, one
/// assignment with its team, items and draw check, and the checklist of its items.
class AssignmentService {
public:
    explicit AssignmentService(Workspace& w) : w_(w) {}

    /// Every assignment on the tablet with the state of its latest record (Today).
    Result<std::vector<AssignmentRow>> list();
    /// Read the list ahead, for the next list() to take when nothing was written to the store
    /// in between (and read afresh otherwise). The app does it as it unlocks, while its window
    /// is still being built. Errors are left for list() to report. It is kept in the
    /// workspace, which forgets it when the store closes (locked, wiped).
    void read_ahead();
    bool has_read_ahead() const;
    /// One assignment as the Target page shows it; `not_found` when the tablet lacks it.
    Result<AssignmentView> view(const std::string& assignment_id);

private:
    Workspace& w_;
};

/// The assignment as this tablet holds it, or `not_found` saying so and what to do.
Result<Assignment> held_assignment(Database& db, const std::string& assignment_id);

/// One assignment as the Target page shows it, given every record's summary.
Result<AssignmentView> assignment_view(Database& db, const Assignment& assignment,
                                       const std::vector<RecordSummary>& records,
                                       const std::string& self_inspector_id);

} // namespace fi::services
