#include "qml/session.h"

#include "core/secretkey.h"
#include "qml/applayer.h"
#include "qml/preferences.h"
#include "qml/storethread.h"
#include "qml/usermessages.h"

#include <chrono>

namespace fi::app {

namespace {
/// What the store thread found at start-up.
struct Found {
    bool set_up = false;
    bool needs_passphrase = false;
    std::optional<platform::VaultState> vault;
};
} // namespace

Session::Session(StoreThread& store, Preferences& preferences, QObject* parent)
    : QObject(parent), store_(store), preferences_(preferences) {
    countdown_.setInterval(1000);
    connect(&countdown_, &QTimer::timeout, this, [this] {
        if (retry_after_s_ > 0) {
            --retry_after_s_;
            Q_EMIT vaultChanged();
        }
        if (retry_after_s_ <= 0)
            countdown_.stop();
    });
    refresh_state();
}

Session::~Session() = default;

void Session::begin() {
    if (busy_++ == 0)
        Q_EMIT busyChanged();
}

void Session::end() {
    if (--busy_ == 0)
        Q_EMIT busyChanged();
}

void Session::set_state(State s) {
    if (s == state_)
        return;
    state_ = s;
    Q_EMIT stateChanged();
}

void Session::set_error(const QString& e) {
    if (e == error_)
        return;
    error_ = e;
    Q_EMIT errorChanged();
}

void Session::report(const QString& message) {
    set_error(message);
}

void Session::clearError() {
    set_error({});
}

void Session::set_needs_sign_in(bool needed) {
    if (needed == needs_sign_in_)
        return;
    needs_sign_in_ = needed;
    Q_EMIT needsSignInChanged();
}

void Session::refresh_state() {
    store_.run(
        this,
        [](Tablet& b) {
            Found f;
            f.set_up = b.session.set_up();
            if (f.set_up) {
                if (auto v = b.session.vault_state()) {
                    f.vault = *v;
                    f.needs_passphrase = v->passphrase;
                }
            } else {
                f.needs_passphrase = b.session.needs_passphrase();
            }
            return f;
        },
        [this](Found f) {
            if (f.needs_passphrase != needs_passphrase_) {
                needs_passphrase_ = f.needs_passphrase;
                Q_EMIT vaultChanged();
            }
            if (f.vault) {
                failures_ = f.vault->failures;
                attempts_left_ = f.vault->attempts_left;
                locked_out_ = f.vault->locked_out;
                retry_after_s_ = static_cast<int>(
                    std::chrono::ceil<std::chrono::seconds>(f.vault->retry_after).count());
                if (retry_after_s_ > 0)
                    countdown_.start();
                Q_EMIT vaultChanged();
            }
            if (state_ == Starting && unlocking_at_start_)
                return; // the unlock queued behind this check decides what is shown
            if (state_ == Starting && f.set_up && auto_ && !auto_->pin.isEmpty()) {
                // Unlocking from the startup options: no PIN screen in between. A wrong PIN
                // comes back here and shows the screen.
                const QString pin = auto_->pin;
                auto_.reset();
                unlock(pin);
                return;
            }
            if (state_ != Unlocked)
                set_state(f.set_up ? Locked : NeedsSetup);
            try_auto_start();
        });
}

void Session::opened(const UserInfo& user) {
    user_ = user;
    if (pin_pending_) {
        pin_pending_ = false;
        Q_EMIT pinPendingChanged();
    }
    set_error({});
    set_needs_sign_in(false);
    Q_EMIT userChanged();
    // No dataChanged: nothing changed, and what shows data loads it as it is created — the
    // pages, made anew on unlocking (the lock replaced them), and the sync status, on
    // `unlocked`. Emitted here it read Today's list a second time at every start.
    set_state(Unlocked);
    Q_EMIT unlocked();
}

void Session::signInFirstRun(const QString& username, const QString& password) {
    if (username.trimmed().isEmpty() || password.isEmpty()) {
        set_error(tr("Enter your user name and password."));
        return;
    }
    begin();
    set_error({});
    const ServerConfig server = preferences_.server();
    store_.run(
        this,
        [server, u = username.trimmed().toStdString(), p = password.toStdString()](Tablet& b) {
            return b.session.sign_in_first(server, u, p);
        },
        [this](Result<UserInfo> r) {
            end();
            if (!r) {
                set_error(UserMessages::error(r.error()));
                return;
            }
            user_ = *r;
            pin_pending_ = true;
            Q_EMIT userChanged();
            Q_EMIT pinPendingChanged();
            try_auto_start();
        });
}

void Session::choosePin(const QString& pin, const QString& repeat) {
    if (pin != repeat) {
        set_error(tr("The two PINs differ. Enter the same PIN twice."));
        return;
    }
    begin();
    set_error({});
    store_.run(
        this,
        [pin = pin.toStdString()](Tablet& b) mutable {
            auto r = b.session.create_store(pin);
            wipe(pin);
            return r;
        },
        [this](Result<UserInfo> r) {
            end();
            if (!r) {
                set_error(UserMessages::error(r.error()));
                return;
            }
            opened(*r);
        });
}

namespace {
/// Unlock, and read Today's list ahead while the page that shows it is being made. `pin` is
/// wiped.
Result<UserInfo> unlock_and_read_ahead(Tablet& b, const ServerConfig& server, std::string& pin) {
    auto r = b.session.unlock(server, pin);
    wipe(pin);
    if (r)
        b.assignments.read_ahead();
    return r;
}
} // namespace

void Session::unlock(const QString& pin) {
    if (pin.isEmpty()) {
        set_error(tr("Enter your PIN."));
        return;
    }
    begin();
    set_error({});
    const ServerConfig server = preferences_.server();
    store_.run(
        this,
        [server, pin = pin.toStdString()](Tablet& b) mutable {
            return unlock_and_read_ahead(b, server, pin);
        },
        [this](Result<UserInfo> r) {
            end();
            if (!r) {
                set_error(UserMessages::error(r.error()));
                refresh_state();
                return;
            }
            opened(*r);
        });
}

void Session::signIn(const QString& password) {
    if (password.isEmpty()) {
        set_error(tr("Enter your password."));
        return;
    }
    begin();
    set_error({});
    store_.run(
        this, [p = password.toStdString()](Tablet& b) { return b.session.sign_in(p); },
        [this](Result<UserInfo> r) {
            end();
            if (!r) {
                set_error(UserMessages::error(r.error()));
                return;
            }
            user_ = *r;
            Q_EMIT userChanged();
            set_needs_sign_in(false);
            Q_EMIT dataChanged();
        });
}

void Session::liftLockout(const QString& username, const QString& password) {
    if (username.trimmed().isEmpty() || password.isEmpty()) {
        set_error(tr("Enter your user name and password."));
        return;
    }
    begin();
    set_error({});
    const ServerConfig server = preferences_.server();
    store_.run(
        this,
        [server, u = username.trimmed().toStdString(), p = password.toStdString()](Tablet& b) {
            return b.session.lift_lockout(server, u, p);
        },
        [this](Status s) {
            end();
            if (!s)
                set_error(UserMessages::error(s.error()));
            refresh_state();
        });
}

void Session::lockNow() {
    Q_EMIT aboutToLock(); // autosaves are queued before the store closes
    store_.post([](Tablet& b) { b.session.lock(); });
    user_ = {};
    if (pin_pending_) {
        pin_pending_ = false;
        Q_EMIT pinPendingChanged();
    }
    Q_EMIT userChanged();
    set_state(Locked);
    Q_EMIT locked();
    refresh_state();
}

void Session::auto_start(const QString& username, const QString& password, const QString& pin) {
    auto_ = AutoStart{username, password, pin};
    if (state_ == Starting && !pin.isEmpty() && !unlocking_at_start_) {
        unlock_at_start(pin);
        return;
    }
    try_auto_start();
}

void Session::unlock_at_start(const QString& pin) {
    // Queued behind the state check the constructor asked for, without waiting for its answer
    // on this thread: the store opens (and Today's list is read) while the window is still
    // being built. Not set up: the first run's options take over.
    unlocking_at_start_ = true;
    begin();
    const ServerConfig server = preferences_.server();
    store_.run(
        this,
        [server, pin = pin.toStdString()](Tablet& b) mutable -> std::optional<Result<UserInfo>> {
            if (!b.session.set_up()) {
                wipe(pin);
                return std::nullopt;
            }
            return unlock_and_read_ahead(b, server, pin);
        },
        [this](std::optional<Result<UserInfo>> r) {
            unlocking_at_start_ = false;
            end();
            if (!r) {
                set_state(NeedsSetup);
                try_auto_start();
                return;
            }
            auto_.reset();
            if (!*r) {
                set_error(UserMessages::error(r->error()));
                refresh_state();
                return;
            }
            opened(**r);
        });
}

void Session::try_auto_start() {
    if (!auto_ || busy())
        return;
    const AutoStart a = *auto_;
    if (state_ == NeedsSetup && pin_pending_ && !a.pin.isEmpty()) {
        auto_.reset();
        choosePin(a.pin, a.pin);
    } else if (state_ == NeedsSetup && !pin_pending_ && !a.username.isEmpty() &&
               !a.password.isEmpty()) {
        signInFirstRun(a.username, a.password);
    } else if (state_ == Locked && !a.pin.isEmpty()) {
        auto_.reset();
        unlock(a.pin);
    } else if (state_ != Starting) {
        auto_.reset(); // nothing the options can do here: the screens take over
    }
}

} // namespace fi::app
