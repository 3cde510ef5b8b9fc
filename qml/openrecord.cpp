#include "qml/openrecord.h"

#include "core/modeljson.h"
#include "qml/storethread.h"
#include "qml/usermessages.h"

#include <QCoreApplication>
#include <QGuiApplication>

namespace fi::app {

namespace {
QString qs(const std::string& s) {
    return QString::fromStdString(s);
}
} // namespace

OpenRecord::OpenRecord(QObject* parent) : QObject(parent) {
    autosave_.setSingleShot(true);
    autosave_.setInterval(autosave_delay);
    connect(&autosave_, &QTimer::timeout, this, &OpenRecord::save);
    // A phone call, the home button, the screen going off: the system may end a suspended app
    // without a word, so what is typed goes to the store now, not after the autosave delay.
    if (auto* app = qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        connect(app, &QGuiApplication::applicationStateChanged, this,
                [this](Qt::ApplicationState state) {
                    if (state != Qt::ApplicationActive && dirty_)
                        saveNow();
                });
}

OpenRecord::~OpenRecord() {
    // Leaving the pages must not lose the last keystrokes: hand them to the store thread.
    if (dirty_ && session_ && loaded_ && !readOnly()) {
        InspectionRecord copy = record();
        session_->store().post([copy](Tablet& b) { (void)b.records.save_draft(copy); });
    }
}

void OpenRecord::setSession(Session* session) {
    if (session == session_)
        return;
    if (session_)
        disconnect(session_, nullptr, this, nullptr);
    session_ = session;
    if (session_) {
        connect(session_, &Session::aboutToLock, this, &OpenRecord::saveNow);
        // Whatever changed the store (a correction completed on another page, a sync, a
        // revocation) may have changed this record's state, versions or what it offers.
        connect(session_, &Session::dataChanged, this, &OpenRecord::reload);
    }
    Q_EMIT sessionChanged();
    load();
}

void OpenRecord::setLocation(LocationService* location) {
    if (location == location_)
        return;
    if (location_)
        disconnect(location_, nullptr, this, nullptr);
    location_ = location;
    if (location_)
        connect(location_, &LocationService::fixChanged, this,
                &OpenRecord::attach_location_if_missing);
    Q_EMIT locationChanged();
}

void OpenRecord::setRecordId(const QString& id) {
    if (id == record_id_)
        return;
    record_id_ = id;
    Q_EMIT recordIdChanged();
    load();
}

void OpenRecord::begin() {
    if (busy_++ == 0)
        Q_EMIT busyChanged();
}

void OpenRecord::end() {
    if (--busy_ == 0)
        Q_EMIT busyChanged();
}

void OpenRecord::set_error(const QString& e) {
    if (e == error_)
        return;
    error_ = e;
    Q_EMIT errorChanged();
}

void OpenRecord::set_save_state(const QString& s) {
    if (s == save_state_)
        return;
    save_state_ = s;
    Q_EMIT saveStateChanged();
}

void OpenRecord::reload() {
    if (loaded_)
        load();
}

void OpenRecord::load() {
    if (!session_ || record_id_.isEmpty())
        return;
    begin();
    session_->store().run(
        this, [id = record_id_.toStdString()](Tablet& b) { return b.records.open(id); },
        [this](Result<OpenedRecord> r) {
            end();
            if (!r) {
                set_error(UserMessages::error(r.error()));
                return;
            }
            show(std::move(r.value()));
        });
}

void OpenRecord::show(OpenedRecord opened) {
    const bool first = !loaded_;
    const QString state_before = state();
    // Keep edits made while the store answered: only the store's photos and state count.
    if (loaded_ && dirty_ && opened.stored.state == RecordState::draft) {
        InspectionRecord mine = record();
        mine.photos = opened.stored.record.photos;
        mine.signatures = opened.stored.record.signatures;
        for (auto& f : mine.findings) {
            f.photo_ids.clear();
            for (const auto& p : mine.photos)
                if (p.finding_id == f.id)
                    f.photo_ids.push_back(p.id);
        }
        opened.stored.record = std::move(mine);
    }
    opened_ = std::move(opened);
    loaded_ = true;
    if (first)
        Q_EMIT loadedChanged();
    if (first || state() != state_before)
        Q_EMIT stateChanged();
    Q_EMIT changed(All);
    attach_location_if_missing();
}

void OpenRecord::show_opened(OpenedRecord opened) {
    set_save_state(QStringLiteral("saved"));
    show(std::move(opened));
}

void OpenRecord::edited(int parts) {
    dirty_ = true;
    set_save_state(QStringLiteral("unsaved"));
    Q_EMIT changed(parts);
    autosave_.start();
}

void OpenRecord::save() {
    autosave_.stop();
    if (!dirty_ || !session_ || readOnly())
        return;
    dirty_ = false;
    set_save_state(QStringLiteral("saving"));
    session_->store().run(
        this, [copy = record()](Tablet& b) { return b.records.save_draft(copy); },
        [this](Status s) { handed_over(s); });
}

void OpenRecord::saveNow() {
    save();
}

InspectionRecord OpenRecord::hand_over(bool saving) {
    autosave_.stop();
    dirty_ = false;
    if (saving)
        set_save_state(QStringLiteral("saving"));
    return record();
}

void OpenRecord::handed_over(const Status& s) {
    if (!s) {
        set_save_state(QStringLiteral("failed"));
        set_error(UserMessages::error(s.error()));
        return;
    }
    if (!dirty_)
        set_save_state(QStringLiteral("saved"));
    Q_EMIT saved();
}

void OpenRecord::attach_location_if_missing() {
    if (!loaded_ || readOnly() || record().location ||
        opened_.assignment.mode != InspectionMode::onsite || !location_)
        return;
    if (auto l = location_->current()) {
        edit().location = *l;
        edited(Place);
    }
}

QString OpenRecord::state() const {
    return loaded_ ? qs(std::string(to_string(opened_.stored.state))) : QString();
}
QString OpenRecord::assignmentId() const {
    return qs(record().assignment_id);
}
QString OpenRecord::targetName() const {
    return qs(opened_.assignment.target.name);
}
QString OpenRecord::planName() const {
    return qs(opened_.assignment.plan.name);
}
QString OpenRecord::mode() const {
    return loaded_ ? qs(std::string(to_string(opened_.assignment.mode))) : QString();
}

} // namespace fi::app
