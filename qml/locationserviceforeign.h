#pragma once

#include "qml/locationservice.h"

#include <QJSEngine>
#include <QQmlEngine>
#include <QtQml/qqmlregistration.h>

namespace fi::app {

/// Hands the LocationService that main() built to QML as the `Location` singleton. Where the tablet
/// is (locationservice.h). The service itself knows nothing about QML; this wrapper is its only
/// registration.
struct LocationServiceForeign {
    Q_GADGET
    QML_FOREIGN(fi::app::LocationService)
    QML_NAMED_ELEMENT(Location)
    QML_SINGLETON
public:
    static LocationService* create(QQmlEngine*, QJSEngine*) {
        Q_ASSERT_X(instance, "LocationServiceForeign", "set the instance before loading QML");
        QJSEngine::setObjectOwnership(instance, QJSEngine::CppOwnership);
        return instance;
    }
    /// Set once by whoever builds the services (the app, a test's setup).
    static inline LocationService* instance = nullptr;
};

} // namespace fi::app
