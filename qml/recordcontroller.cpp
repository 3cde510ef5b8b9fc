#include "qml/recordcontroller.h"

namespace fi::app {

void RecordController::setRecord(OpenRecord* record) {
    if (record == record_)
        return;
    if (record_)
        disconnect(record_, nullptr, this, nullptr);
    record_ = record;
    on_attached();
    if (record_)
        connect(record_, &OpenRecord::changed, this, [this](int parts) { on_changed(parts); });
    Q_EMIT recordSet();
    if (loaded())
        on_changed(OpenRecord::All);
}

} // namespace fi::app
