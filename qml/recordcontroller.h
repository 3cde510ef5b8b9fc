#pragma once

#include "qml/openrecord.h"

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace fi::app {

/// What every page's controller does with the OpenRecord it edits: attach to it (a page sets
/// `record`), hear which parts of it changed, and let go of it. The controllers differ only in
/// what they do with a change (`on_changed`).
class RecordController : public QObject {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(fi::app::OpenRecord* record READ record WRITE setRecord NOTIFY recordSet)
public:
    OpenRecord* record() const { return record_; }
    /// Attach to `record` (or to none); a loaded record is announced at once as all changed.
    void setRecord(OpenRecord* record);

Q_SIGNALS:
    void recordSet();

protected:
    using QObject::QObject;

    /// `parts` (OpenRecord::Part flags) of the attached record changed.
    virtual void on_changed(int parts) = 0;
    /// A new record was attached, before its first on_changed.
    virtual void on_attached() {}

    bool loaded() const { return record_ && record_->loaded(); }

    QPointer<OpenRecord> record_;
};

} // namespace fi::app
