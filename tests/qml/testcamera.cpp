// The test camera: linked into the app's test binaries only (tests/qml/CMakeLists.txt, the
// qml_test_camera object library), where this definition of make_camera() replaces platform's
// weak one (the device's camera, from the camera module). It makes its own frames — a moving colour
// band and the frame number on a grey ground — pushes them into the viewfinder's video sink as a
// camera back end does, and a capture hands over the frame on screen. Shipped binaries never link
// it: a camera that makes pictures would let anyone forge evidence.
#include "platform/camera.h"

#include <QColor>
#include <QPainter>
#include <QPointer>
#include <QTimer>
#include <QVideoFrame>
#include <QVideoFrameFormat>
#include <QVideoSink>
#include <cstring>

namespace fi::platform {

namespace {

// Found in a binary that links this file (the test "qml: the shipped app links no test camera"
// looks for it in tst_qml and in fieldinspect).
constexpr char marker[] = "fieldinspect-test-camera";

class FrameCamera final : public Camera {
public:
    FrameCamera() {
        setObjectName(QLatin1String(marker));
        timer_.setInterval(66); // ~15 frames a second
        connect(&timer_, &QTimer::timeout, this, [this] { next_frame(); });
    }

    bool available() const override { return true; }
    QString unavailable_reason() const override { return {}; }

    Status start(QObject* preview) override {
        sink_ = qobject_cast<QVideoSink*>(preview);
        if (!timer_.isActive()) {
            timer_.start();
            next_frame();
        }
        return {};
    }

    void stop() override {
        timer_.stop();
        sink_ = nullptr;
    }

    Status capture() override {
        if (!timer_.isActive())
            FI_TRY(start(nullptr));
        // As QImageCapture does: the picture comes later, from the event loop.
        QTimer::singleShot(0, this, [this, image = frame_] { Q_EMIT captured(image); });
        return {};
    }

private:
    void next_frame() {
        ++count_;
        QImage image(640, 480, QImage::Format_RGBA8888);
        image.fill(QColor(0x60, 0x6a, 0x70));
        QPainter p(&image);
        const int x = (count_ * 12) % image.width();
        p.fillRect(x, 0, 120, image.height(), QColor::fromHsv((count_ * 7) % 360, 180, 230));
        p.setPen(Qt::white);
        QFont font = p.font();
        font.setPixelSize(48);
        p.setFont(font);
        p.drawText(image.rect(), Qt::AlignCenter, QStringLiteral("TEST %1").arg(count_));
        p.end();
        frame_ = image;
        if (!sink_)
            return;
        QVideoFrame frame(QVideoFrameFormat(image.size(), QVideoFrameFormat::Format_RGBA8888));
        if (!frame.map(QVideoFrame::WriteOnly))
            return;
        for (int y = 0; y < image.height(); ++y)
            std::memcpy(frame.bits(0) + y * frame.bytesPerLine(0), image.constScanLine(y),
                        static_cast<size_t>(image.width()) * 4);
        frame.unmap();
        sink_->setVideoFrame(frame);
    }

    QTimer timer_;
    QPointer<QVideoSink> sink_;
    QImage frame_;
    int count_ = 0;
};

} // namespace

std::unique_ptr<Camera> make_camera() {
    return std::make_unique<FrameCamera>();
}

} // namespace fi::platform
