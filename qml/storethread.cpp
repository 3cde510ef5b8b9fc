#include "qml/storethread.h"

#include "qml/applayer.h"

#include <QEventLoop>

namespace fi::app {

StoreThread::StoreThread(std::filesystem::path data_dir, QObject* parent)
    : QObject(parent), data_dir_(std::move(data_dir)) {
    thread_.setObjectName(QStringLiteral("fieldinspect-store"));
    worker_ = new QObject;
    worker_->moveToThread(&thread_);
    thread_.start();
    QMetaObject::invokeMethod(
        worker_, [this] { tablet_ = new Tablet(data_dir_, &interactive_); }, Qt::QueuedConnection);
}

StoreThread::~StoreThread() {
    // Queued behind every job already posted: those run first, then the tablet (and the
    // store connection with it) is closed on its own thread, then the thread ends.
    QMetaObject::invokeMethod(
        worker_,
        [this] {
            delete tablet_;
            tablet_ = nullptr;
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    thread_.wait();
    delete worker_;
}

void StoreThread::post(std::function<void(Tablet&)> work, Kind kind) {
    if (kind == Kind::interactive)
        ++interactive_;
    QMetaObject::invokeMethod(
        worker_,
        [this, work = std::move(work), kind] {
            work(*tablet_);
            if (kind == Kind::interactive)
                --interactive_;
        },
        Qt::QueuedConnection);
}

void StoreThread::to_gui(std::function<void()> f) {
    QMetaObject::invokeMethod(this, std::move(f), Qt::QueuedConnection);
}

void StoreThread::wait_idle() {
    QEventLoop loop;
    bool done = false;
    QPointer<QEventLoop> guard(&loop);
    post(
        [this, guard, &done](Tablet&) {
            to_gui([guard, &done] {
                done = true;
                if (guard)
                    guard->quit();
            });
        },
        Kind::background);
    if (!done)
        loop.exec();
}

} // namespace fi::app
