#pragma once

#include "qml/preferences.h"

#include <QJSEngine>
#include <QQmlEngine>
#include <QtQml/qqmlregistration.h>

namespace fi::app {

/// Hands the Preferences that main() built to QML as the `Preferences` singleton. Language, photo
/// size and the server settings (preferences.h). The service itself knows nothing about QML; this
/// wrapper is its only registration.
struct PreferencesForeign {
    Q_GADGET
    QML_FOREIGN(fi::app::Preferences)
    QML_NAMED_ELEMENT(Preferences)
    QML_SINGLETON
public:
    static Preferences* create(QQmlEngine*, QJSEngine*) {
        Q_ASSERT_X(instance, "PreferencesForeign", "set the instance before loading QML");
        QJSEngine::setObjectOwnership(instance, QJSEngine::CppOwnership);
        return instance;
    }
    /// Set once by whoever builds the services (the app, a test's setup).
    static inline Preferences* instance = nullptr;
};

} // namespace fi::app
