#pragma once

#include "core/result.h"

#include <QImage>
#include <QObject>
#include <QString>

namespace fi::platform {

/// A camera that hands pictures over in memory, never as a file: the picture goes from here
/// to PhotoImporter::import_image and into the encrypted store. Where there is no camera the
/// app offers file import instead. Lives on the GUI thread.
class Camera : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    ~Camera() override;

    virtual bool available() const = 0;
    /// What to tell the user when available() is false.
    virtual QString unavailable_reason() const = 0;
    /// Take one picture. The image comes with captured(), a failure with failed(); an error
    /// here means nothing was started.
    virtual Status capture() = 0;

Q_SIGNALS:
    void captured(const QImage& image);
    void failed(const QString& message);
};

} // namespace fi::platform
