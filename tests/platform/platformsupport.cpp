#include "platformsupport.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QThread>

namespace fi::test {

QCoreApplication& qt_app() {
    if (auto* app = QCoreApplication::instance())
        return *app;
    // Headless also when the binary is run by hand, not only under ctest.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "test_platform";
    static char* argv[] = {name, nullptr};
    static QGuiApplication app(argc, argv);
    return app;
}

bool wait_until(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
    qt_app();
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeout.count())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(1);
    }
    return true;
}

Result<std::string> MemorySecretStore::store(std::string_view id, const SecretKey& secret,
                                             const SecretKey* auth) {
    if (!reachable)
        return Error::make("secret_store_unavailable", "unreachable");
    secrets.insert_or_assign(std::string(id),
                             Entry{secret, auth ? std::optional<SecretKey>(*auth) : std::nullopt});
    return std::string(id);
}

Result<SecretKey> MemorySecretStore::load(std::string_view id, const SecretKey* auth) {
    if (!reachable)
        return Error::make("secret_store_unavailable", "unreachable");
    auto it = secrets.find(id);
    if (it == secrets.end())
        return Error::make("not_found", "no such secret");
    if (it->second.auth && (!auth || !(*auth == *it->second.auth))) {
        ++refused;
        return Error::make("wrong_pin", "refused");
    }
    return it->second.secret;
}

Status MemorySecretStore::remove(std::string_view id) {
    if (!reachable)
        return Error::make("secret_store_unavailable", "unreachable");
    if (auto it = secrets.find(id); it != secrets.end())
        secrets.erase(it);
    return {};
}

} // namespace fi::test
