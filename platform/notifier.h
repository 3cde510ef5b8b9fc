#pragma once

#include <QObject>
#include <QString>
#include <memory>

namespace fi::platform {

/// A notification shown by the system, outside the app (the same-day reminders at 21:00 and
/// 23:00): a title and a line of text, nothing of a record. Lives on the GUI thread.
class Notifier : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~Notifier() override;

    /// Show it; false when the system has no notification service (the app then shows its
    /// own banner, which it does anyway while open).
    virtual bool notify(const QString& title, const QString& body) = 0;
};

/// Linux: freedesktop notifications (org.freedesktop.Notifications on the session bus, through
/// QtDBus). Android's NotificationManager goes behind the same interface (platform/README.md).
class DesktopNotifier final : public Notifier {
    Q_OBJECT
public:
    using Notifier::Notifier;
    bool notify(const QString& title, const QString& body) override;
};

} // namespace fi::platform
