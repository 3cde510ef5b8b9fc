#include "qml/photoimageprovider.h"

#include "qml/photoimageresponse.h"

namespace fi::app {

QQuickImageResponse* PhotoImageProvider::requestImageResponse(const QString& id,
                                                              const QSize& requestedSize) {
    return new PhotoImageResponse(store_, id, requestedSize);
}

} // namespace fi::app
