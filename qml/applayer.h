#pragma once

// The application layer (services/) as the view models name it: they adapt its values and
// call its services on the store thread, and decide nothing themselves.

#include "services/errors.h"
#include "services/tablet.h"
#include "services/values.h"

namespace fi::app {

using services::AssignmentRow;
using services::AssignmentView;
using services::OpenedRecord;
using services::OutboxRow;
using services::RedrawOutcome;
using services::ServerConfig;
using services::SyncRun;
using services::SyncSnapshot;
using services::Tablet;
using services::TeamMemberView;
using services::UserInfo;
namespace service_error = services::service_error;

} // namespace fi::app
