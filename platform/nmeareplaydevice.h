#pragma once

#include <QByteArray>
#include <QIODevice>
#include <QList>
#include <QTimer>
#include <chrono>

namespace fi::platform {

/// A read-only serial-port stand-in that releases a recorded NMEA log one epoch (the
/// sentences sharing a UTC time) at a time, so QNmeaPositionInfoSource in real-time mode sees
/// what a receiver would send. The pace is set by the caller: one second per epoch for demos,
/// a millisecond in tests — Qt's own simulation mode can only replay in real time.
class NmeaReplayDevice final : public QIODevice {
    Q_OBJECT
public:
    explicit NmeaReplayDevice(const QByteArray& log,
                              std::chrono::milliseconds epoch_interval = std::chrono::seconds(1),
                              QObject* parent = nullptr);

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;
    bool canReadLine() const override;
    /// Opening (read-only) starts the replay; closing stops it.
    bool open(OpenMode mode) override;
    void close() override;

    qsizetype epochs() const { return epochs_.size(); }
    bool at_end_of_log() const { return next_ >= epochs_.size(); }

Q_SIGNALS:
    /// The last epoch has been released.
    void endOfLog();

protected:
    qint64 readData(char* data, qint64 max_size) override;
    qint64 writeData(const char* data, qint64 size) override;

private:
    void release_next_epoch();

    QList<QByteArray> epochs_;
    qsizetype next_ = 0;
    QByteArray pending_;
    QTimer timer_;
};

} // namespace fi::platform
