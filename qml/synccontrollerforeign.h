#pragma once

#include "qml/synccontroller.h"

#include <QJSEngine>
#include <QQmlEngine>
#include <QtQml/qqmlregistration.h>

namespace fi::app {

/// Hands the SyncController that main() built to QML as the `Sync` singleton. Same-day uploads and
/// the Sync page (synccontroller.h). The service itself knows nothing about QML; this wrapper is
/// its only registration.
struct SyncControllerForeign {
    Q_GADGET
    QML_FOREIGN(fi::app::SyncController)
    QML_NAMED_ELEMENT(Sync)
    QML_SINGLETON
public:
    static SyncController* create(QQmlEngine*, QJSEngine*) {
        Q_ASSERT_X(instance, "SyncControllerForeign", "set the instance before loading QML");
        QJSEngine::setObjectOwnership(instance, QJSEngine::CppOwnership);
        return instance;
    }
    /// Set once by whoever builds the services (the app, a test's setup).
    static inline SyncController* instance = nullptr;
};

} // namespace fi::app
