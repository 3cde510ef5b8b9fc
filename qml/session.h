#pragma once

#include "qml/applayer.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <optional>

namespace fi::app {

class Preferences;
class StoreThread;

/// Who is using the tablet and whether the store is open: first-run sign-in and PIN, unlock
/// with the PIN (offline), renewing the session with the central system, lifting a lock-out,
/// locking. The one way into the store for the GUI: view models are given the Session and
/// post their work through its StoreThread. dataChanged() tells every list that the store's
/// content changed (a pull, a record saved or completed).
class Session final : public QObject {
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool pinPending READ pinPending NOTIFY pinPendingChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(QString userName READ userName NOTIFY userChanged)
    Q_PROPERTY(QString userLogin READ userLogin NOTIFY userChanged)
    Q_PROPERTY(QString inspectorId READ inspectorId NOTIFY userChanged)
    Q_PROPERTY(QString unit READ unit NOTIFY userChanged)
    Q_PROPERTY(bool isLeader READ isLeader NOTIFY userChanged)
    Q_PROPERTY(bool needsSignIn READ needsSignIn NOTIFY needsSignInChanged)
    Q_PROPERTY(int failures READ failures NOTIFY vaultChanged)
    Q_PROPERTY(int attemptsLeft READ attemptsLeft NOTIFY vaultChanged)
    Q_PROPERTY(int retryAfterSeconds READ retryAfterSeconds NOTIFY vaultChanged)
    Q_PROPERTY(bool lockedOut READ lockedOut NOTIFY vaultChanged)
    /// No hardware key store (TPM) on this device: a passphrase of real strength instead of a
    /// PIN, said on the first-run page; or the tablet was set up with one.
    Q_PROPERTY(bool needsPassphrase READ needsPassphrase NOTIFY vaultChanged)
public:
    enum State { Starting, NeedsSetup, Locked, Unlocked };
    Q_ENUM(State)

    Session(StoreThread& store, Preferences& preferences, QObject* parent = nullptr);
    ~Session() override;

    State state() const { return state_; }
    bool pinPending() const { return pin_pending_; }
    bool busy() const { return busy_ > 0; }
    QString error() const { return error_; }
    QString userName() const { return QString::fromStdString(user_.name); }
    QString userLogin() const { return QString::fromStdString(user_.username); }
    QString inspectorId() const { return QString::fromStdString(user_.inspector_id); }
    QString unit() const { return QString::fromStdString(user_.unit); }
    bool isLeader() const { return user_.is_leader(); }
    bool needsSignIn() const { return needs_sign_in_; }
    int failures() const { return failures_; }
    int attemptsLeft() const { return attempts_left_; }
    int retryAfterSeconds() const { return retry_after_s_; }
    bool lockedOut() const { return locked_out_; }
    bool needsPassphrase() const { return needs_passphrase_; }

    /// First run, step 1: sign in online with the server of the preferences.
    Q_INVOKABLE void signInFirstRun(const QString& username, const QString& password);
    /// First run, step 2: choose the PIN (twice); creates the encrypted store.
    Q_INVOKABLE void choosePin(const QString& pin, const QString& repeat);
    Q_INVOKABLE void unlock(const QString& pin);
    /// Renew the session (after the central system said it ended).
    Q_INVOKABLE void signIn(const QString& password);
    /// After ten wrong PINs: sign in online as the tablet's owner, then unlock with the PIN.
    Q_INVOKABLE void liftLockout(const QString& username, const QString& password);
    Q_INVOKABLE void lockNow();
    Q_INVOKABLE void clearError();

    /// Startup options: set up (first run) or unlock without the screens, for demos, kiosks
    /// and tests. Empty values are not used.
    void auto_start(const QString& username, const QString& password, const QString& pin);

    StoreThread& store() { return store_; }
    Preferences& preferences() { return preferences_; }
    const UserInfo& user() const { return user_; }

    /// Something changed the store's content: every list reloads.
    void notify_data_changed() { Q_EMIT dataChanged(); }
    /// A record was completed: it is due for upload now.
    void notify_record_completed() {
        Q_EMIT dataChanged();
        Q_EMIT recordCompleted();
    }
    /// The central system ended the session (401); offline work goes on.
    void set_needs_sign_in(bool needed);
    /// Show an error on the current screen.
    void report(const QString& message);

Q_SIGNALS:
    void stateChanged();
    void pinPendingChanged();
    void busyChanged();
    void errorChanged();
    void userChanged();
    void vaultChanged();
    void needsSignInChanged();
    void dataChanged();
    void recordCompleted();
    void unlocked();
    /// The store is about to close: hand pending work (autosaves) to it now.
    void aboutToLock();
    void locked();

private:
    void refresh_state();
    void set_state(State s);
    void set_error(const QString& e);
    void begin();
    void end();
    void opened(const UserInfo& user);
    void try_auto_start();
    void unlock_at_start(const QString& pin);

    StoreThread& store_;
    Preferences& preferences_;
    State state_ = Starting;
    bool pin_pending_ = false;
    int busy_ = 0;
    QString error_;
    UserInfo user_;
    bool needs_sign_in_ = false;
    int failures_ = 0;
    int attempts_left_ = 0;
    int retry_after_s_ = 0;
    bool locked_out_ = false;
    bool needs_passphrase_ = false;
    QTimer countdown_;
    struct AutoStart {
        QString username, password, pin;
    };
    std::optional<AutoStart> auto_;
    bool unlocking_at_start_ = false;
};

} // namespace fi::app
