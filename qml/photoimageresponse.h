#pragma once

#include <QImage>
#include <QQuickImageResponse>
#include <QSize>
#include <QString>
#include <memory>
#include <mutex>

namespace fi::app {

class StoreThread;

/// One picture on its way from the encrypted store to an Image item. Asked for on Qt's image
/// loader thread, read on the store thread, handed back with finished(). The engine may
/// delete a response at any time (the Image went away): the store side then drops the
/// picture instead of touching a deleted object.
class PhotoImageResponse final : public QQuickImageResponse {
    Q_OBJECT
public:
    /// `id` is `thumb/<photo id>` or `full/<photo id>`.
    PhotoImageResponse(StoreThread& store, const QString& id, const QSize& requested);
    ~PhotoImageResponse() override;

    QQuickTextureFactory* textureFactory() const override;
    QString errorString() const override;

private:
    /// What the store thread needs to find this response alive (or not).
    struct Link {
        std::mutex mutex;
        PhotoImageResponse* response = nullptr;
    };
    void deliver(QImage image, QString error);

    std::shared_ptr<Link> link_;
    mutable std::mutex mutex_;
    QImage image_;
    QString error_;
};

} // namespace fi::app
