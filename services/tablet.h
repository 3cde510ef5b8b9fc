#pragma once

#include "services/assignmentservice.h"
#include "services/photoservice.h"
#include "services/recordservice.h"
#include "services/reportservice.h"
#include "services/sessionservice.h"
#include "services/signatureservice.h"
#include "services/syncservice.h"
#include "services/workspace.h"

#include <atomic>
#include <filesystem>

namespace fi::services {

/// One tablet's application layer: the shared workspace and the services over it. The app
/// keeps one on its store thread, the command line one per run; both call the same services.
class Tablet {
public:
    explicit Tablet(std::filesystem::path data_dir,
                    const std::atomic<int>* interactive_pending = nullptr)
        : workspace(std::move(data_dir), interactive_pending) {}
    Tablet(const Tablet&) = delete;
    Tablet& operator=(const Tablet&) = delete;

    Workspace workspace;
    SessionService session{workspace};
    AssignmentService assignments{workspace};
    RecordService records{workspace};
    PhotoService photos{workspace};
    SignatureService signatures{workspace};
    SyncService sync{workspace};
    ReportService reports{workspace};
};

} // namespace fi::services
