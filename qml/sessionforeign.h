#pragma once

#include "qml/session.h"

#include <QJSEngine>
#include <QQmlEngine>
#include <QtQml/qqmlregistration.h>

namespace fi::app {

/// Hands the Session that main() built to QML as the `Session` singleton. The signed-in user and
/// the store (session.h). The service itself knows nothing about QML; this wrapper is its only
/// registration.
struct SessionForeign {
    Q_GADGET
    QML_FOREIGN(fi::app::Session)
    QML_NAMED_ELEMENT(Session)
    QML_SINGLETON
public:
    static Session* create(QQmlEngine*, QJSEngine*) {
        Q_ASSERT_X(instance, "SessionForeign", "set the instance before loading QML");
        QJSEngine::setObjectOwnership(instance, QJSEngine::CppOwnership);
        return instance;
    }
    /// Set once by whoever builds the services (the app, a test's setup).
    static inline Session* instance = nullptr;
};

} // namespace fi::app
