#pragma once

#include <QQuickAsyncImageProvider>

namespace fi::app {

class StoreThread;

/// `image://fiphoto/thumb/<id>` and `image://fiphoto/full/<id>`: photos and thumbnails
/// decoded from the encrypted store in memory, never from a file. Registered on the engine
/// by the app (an image provider is the engine's, not a context property).
class PhotoImageProvider final : public QQuickAsyncImageProvider {
public:
    static constexpr const char* name = "fiphoto";

    explicit PhotoImageProvider(StoreThread& store) : store_(store) {}

    QQuickImageResponse* requestImageResponse(const QString& id,
                                              const QSize& requestedSize) override;

private:
    StoreThread& store_;
};

} // namespace fi::app
