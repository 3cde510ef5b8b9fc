#pragma once

#include "core/result.h"
#include "qml/appdata.h"

#include <vector>

namespace fi {
class Database;
}

namespace fi::app {

/// Every record on the device in a few columns, oldest first, without decoding any record
/// body: the Today list needs the state of 500 assignments at start-up, and loading 5 000
/// records whole through RecordStore::history would cost most of the cold start.
///
/// This is the one read the app makes past core's stores. It belongs in core as
/// `RecordStore::summaries()` (reported; core is another team's folder); until then it lives
/// here, read-only, in the store thread's connection.
Result<std::vector<RecordSummary>> record_summaries(Database& db);

} // namespace fi::app
