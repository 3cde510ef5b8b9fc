#include "platform/nmeareplaydevice.h"

#include <cstring>

namespace fi::platform {

namespace {
/// The UTC time field of a sentence ("$GPGGA,013004.00,…" → "013004.00").
QByteArray time_of(const QByteArray& sentence) {
    const auto fields = sentence.split(',');
    return fields.size() > 1 ? fields[1] : QByteArray();
}
} // namespace

NmeaReplayDevice::NmeaReplayDevice(const QByteArray& log, std::chrono::milliseconds epoch_interval,
                                   QObject* parent)
    : QIODevice(parent) {
    QByteArray epoch;
    QByteArray epoch_time;
    for (QByteArray line : log.split('\n')) {
        line = line.trimmed();
        if (!line.startsWith('$'))
            continue;
        const QByteArray t = time_of(line);
        if (!epoch.isEmpty() && t != epoch_time) {
            epochs_.push_back(epoch);
            epoch.clear();
        }
        epoch_time = t;
        epoch += line + "\r\n";
    }
    if (!epoch.isEmpty())
        epochs_.push_back(epoch);
    timer_.setInterval(epoch_interval);
    connect(&timer_, &QTimer::timeout, this, &NmeaReplayDevice::release_next_epoch);
}

qint64 NmeaReplayDevice::bytesAvailable() const {
    return pending_.size() + QIODevice::bytesAvailable();
}

bool NmeaReplayDevice::canReadLine() const {
    // QNmeaPositionInfoSource reads line by line; QIODevice alone only looks in its buffer.
    return pending_.contains('\n') || QIODevice::canReadLine();
}

bool NmeaReplayDevice::open(OpenMode mode) {
    if (mode & WriteOnly)
        return false;
    if (!QIODevice::open(mode))
        return false;
    timer_.start();
    return true;
}

void NmeaReplayDevice::close() {
    timer_.stop();
    QIODevice::close();
}

qint64 NmeaReplayDevice::readData(char* data, qint64 max_size) {
    const qint64 n = std::min<qint64>(max_size, pending_.size());
    std::memcpy(data, pending_.constData(), static_cast<std::size_t>(n));
    pending_.remove(0, n);
    return n;
}

qint64 NmeaReplayDevice::writeData(const char*, qint64) {
    return -1;
}

void NmeaReplayDevice::release_next_epoch() {
    if (next_ >= epochs_.size()) {
        timer_.stop();
        return;
    }
    pending_ += epochs_[next_++];
    Q_EMIT readyRead();
    if (next_ >= epochs_.size()) {
        timer_.stop();
        Q_EMIT endOfLog();
    }
}

} // namespace fi::platform
