#include "platform/notifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QStringList>
#include <QVariantMap>

namespace fi::platform {

Notifier::~Notifier() = default;

bool DesktopNotifier::notify(const QString& title, const QString& body) {
    const QString service = QStringLiteral("org.freedesktop.Notifications");
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface() || !bus.interface()->isServiceRegistered(service))
        return false;
    QDBusMessage call = QDBusMessage::createMethodCall(
        service, QStringLiteral("/org/freedesktop/Notifications"),
        QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("Notify"));
    // Notify(app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout):
    // critical urgency (it stays until dismissed), never expiring.
    call << QStringLiteral("fieldinspect") << 0U << QStringLiteral("fieldinspect") << title << body
         << QStringList() << QVariantMap{{QStringLiteral("urgency"), QVariant::fromValue(uchar(2))}}
         << 0;
    // Sent without waiting for the answer: the GUI thread never blocks on the notification
    // service.
    return bus.send(call);
}

} // namespace fi::platform
