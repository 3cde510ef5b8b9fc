#include "qml/inspectioneditor.h"

#include "core/answers.h"
#include "core/metastore.h"
#include "core/modeljson.h"
#include "core/place.h"
#include "platform/qtcamera.h"
#include "platform/signatureimage.h"
#include "qml/applayer.h"
#include "qml/checklistmodel.h"
#include "qml/locationservice.h"
#include "qml/photolistmodel.h"
#include "qml/preferences.h"
#include "qml/problemlistmodel.h"
#include "qml/session.h"
#include "qml/storethread.h"
#include "qml/usermessages.h"

#include <QVariantMap>
#include <algorithm>
#include <filesystem>
#include <regex>

namespace fi::app {

namespace {
QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

/// `answers[3].value` → 3 for `answers`.
std::optional<std::size_t> index_in(const std::string& field, const char* list) {
    const std::regex re(std::string("^") + list + R"(\[(\d+)\])");
    std::smatch m;
    if (!std::regex_search(field, m, re))
        return std::nullopt;
    return static_cast<std::size_t>(std::stoul(m[1].str()));
}
} // namespace

InspectionEditor::InspectionEditor(QObject* parent)
    : QObject(parent), checklist_(new ChecklistModel(this)), photos_(new PhotoListModel(this)),
      problems_(new ProblemListModel(this)) {
    autosave_.setSingleShot(true);
    autosave_.setInterval(autosave_delay);
    connect(&autosave_, &QTimer::timeout, this, &InspectionEditor::save);
}

InspectionEditor::~InspectionEditor() {
    // Leaving the page must not lose the last keystrokes: hand them to the store thread.
    if (dirty_ && session_ && loaded_ && !readOnly()) {
        InspectionRecord copy = record();
        session_->store().post([copy](Tablet& b) { (void)b.records.save_draft(copy); });
    }
}

void InspectionEditor::setSession(Session* session) {
    if (session == session_)
        return;
    if (session_)
        disconnect(session_, nullptr, this, nullptr);
    session_ = session;
    if (session_)
        connect(session_, &Session::aboutToLock, this, &InspectionEditor::saveNow);
    Q_EMIT sessionChanged();
    load();
}

void InspectionEditor::setLocation(LocationService* location) {
    if (location == location_)
        return;
    if (location_)
        disconnect(location_, nullptr, this, nullptr);
    location_ = location;
    if (location_)
        connect(location_, &LocationService::fixChanged, this,
                &InspectionEditor::attach_location_if_missing);
    Q_EMIT locationChanged();
}

void InspectionEditor::setRecordId(const QString& id) {
    if (id == record_id_)
        return;
    record_id_ = id;
    Q_EMIT recordIdChanged();
    load();
}

void InspectionEditor::begin() {
    if (busy_++ == 0)
        Q_EMIT busyChanged();
}

void InspectionEditor::end() {
    if (--busy_ == 0)
        Q_EMIT busyChanged();
}

void InspectionEditor::set_error(const QString& e) {
    if (e == error_)
        return;
    error_ = e;
    Q_EMIT errorChanged();
}

void InspectionEditor::set_save_state(const QString& s) {
    if (s == save_state_)
        return;
    save_state_ = s;
    Q_EMIT saveStateChanged();
}

void InspectionEditor::load() {
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

void InspectionEditor::show(OpenedRecord opened) {
    const bool first = !loaded_;
    // Keep edits made while the store answered: only the store's photos and state count.
    if (loaded_ && dirty_ && opened.stored.state == RecordState::draft) {
        InspectionRecord mine = record();
        mine.photos = opened.stored.record.photos;
        for (auto& f : mine.findings) {
            f.photo_ids.clear();
            for (const auto& p : mine.photos)
                if (p.finding_id == f.id)
                    f.photo_ids.push_back(p.id);
        }
        opened.stored.record = std::move(mine);
    }
    opened_ = std::move(opened);
    if (first)
        checklist_->set_items(opened_.items);
    loaded_ = true;
    set_problems(opened_.problems);
    publish_record();
    if (first)
        Q_EMIT loadedChanged();
    attach_location_if_missing();
}

void InspectionEditor::publish_record() {
    checklist_->set_record(record());
    std::vector<std::pair<std::string, std::string>> labels;
    for (const auto& f : record().findings) {
        const Checkpoint* cp = find_checkpoint(opened_.items, f.item_id, f.checkpoint_id);
        labels.emplace_back(f.id, cp ? cp->text : f.checkpoint_id);
    }
    photos_->set_photos(record().photos, labels, record().inspection_day);
    Q_EMIT recordChanged();
}

InspectionRecord& InspectionEditor::edit() {
    return opened_.stored.record;
}

void InspectionEditor::changed() {
    dirty_ = true;
    set_save_state(QStringLiteral("unsaved"));
    publish_record();
    autosave_.start();
}

void InspectionEditor::save() {
    autosave_.stop();
    if (!dirty_ || !session_ || readOnly())
        return;
    dirty_ = false;
    set_save_state(QStringLiteral("saving"));
    session_->store().run(
        this, [copy = record()](Tablet& b) { return b.records.save_draft(copy); },
        [this](Status s) {
            if (!s) {
                set_save_state(QStringLiteral("failed"));
                set_error(UserMessages::error(s.error()));
                return;
            }
            if (!dirty_)
                set_save_state(QStringLiteral("saved"));
            Q_EMIT saved();
        });
}

void InspectionEditor::saveNow() {
    save();
}

// ---- reading ------------------------------------------------------------------------------

QString InspectionEditor::state() const {
    return loaded_ ? qs(std::string(to_string(opened_.stored.state))) : QString();
}
QString InspectionEditor::assignmentId() const {
    return qs(record().assignment_id);
}
QString InspectionEditor::targetName() const {
    return qs(opened_.assignment.target.name);
}
QString InspectionEditor::planName() const {
    return qs(opened_.assignment.plan.name);
}
QString InspectionEditor::mode() const {
    return loaded_ ? qs(std::string(to_string(opened_.assignment.mode))) : QString();
}
QString InspectionEditor::inspectionDay() const {
    return qs(record().inspection_day);
}
QString InspectionEditor::startedAt() const {
    return UserMessages::time(record().started_at);
}
QString InspectionEditor::finishedAt() const {
    return UserMessages::time(record().finished_at);
}
QString InspectionEditor::clockSource() const {
    return qs(record().clock.source);
}
QString InspectionEditor::locationText() const {
    return record().location ? location_text(*record().location) : QString();
}

namespace {
QString metres(const std::optional<std::int64_t>& m) {
    return m ? InspectionEditor::tr("%1 m from the target").arg(*m) : QString();
}
} // namespace

QString InspectionEditor::distanceText() const {
    return metres(opened_.start_distance_m);
}

bool InspectionEditor::farFromTarget() const {
    return opened_.start_distance_m && *opened_.start_distance_m > far_from_target_m;
}

QString InspectionEditor::completedLocationText() const {
    return opened_.place && opened_.place->completed_location
               ? location_text(*opened_.place->completed_location)
               : QString();
}

QString InspectionEditor::completedDistanceText() const {
    return opened_.place ? metres(opened_.place->completed_distance_m) : QString();
}
QString InspectionEditor::offsiteMethod() const {
    return record().offsite_method ? qs(std::string(to_string(*record().offsite_method)))
                                   : QString();
}
QString InspectionEditor::outcome() const {
    return record().outcome ? qs(std::string(to_string(*record().outcome))) : QString();
}
QString InspectionEditor::publicText() const {
    return qs(record().public_text);
}
QString InspectionEditor::confidentialReason() const {
    return qs(record().confidential_reason.value_or(""));
}
QString InspectionEditor::confidentialGround() const {
    return record().confidential_ground ? qs(std::string(to_string(*record().confidential_ground)))
                                        : QString();
}
QString InspectionEditor::publicationDeadline() const {
    return qs(opened_.publication_deadline);
}

QVariantList InspectionEditor::team() const {
    QVariantList out;
    const auto& present = record().inspectors_present;
    for (const auto& m : opened_.assignment.team) {
        const Inspector* who = nullptr;
        for (const auto& i : opened_.roster)
            if (i.id == m.inspector_id)
                who = &i;
        const bool certified =
            who && who->cert_no && !who->third_party && m.role != TeamRole::expert;
        out.push_back(QVariantMap{
            {QStringLiteral("inspectorId"), qs(m.inspector_id)},
            {QStringLiteral("name"), who ? qs(who->name) : qs(m.inspector_id)},
            {QStringLiteral("role"), qs(std::string(to_string(m.role)))},
            {QStringLiteral("certNo"), who && who->cert_no ? qs(*who->cert_no) : QString()},
            {QStringLiteral("certified"), certified},
            {QStringLiteral("present"),
             std::find(present.begin(), present.end(), m.inspector_id) != present.end()}});
    }
    return out;
}

int InspectionEditor::certifiedPresent() const {
    int n = 0;
    for (const auto& v : team()) {
        const auto m = v.toMap();
        if (m.value(QStringLiteral("certified")).toBool() &&
            m.value(QStringLiteral("present")).toBool())
            ++n;
    }
    return n;
}

int InspectionEditor::requiredTotal() const {
    return checklist_progress(record(), opened_.items).required_total;
}

int InspectionEditor::requiredAnswered() const {
    return checklist_progress(record(), opened_.items).required_answered;
}

int InspectionEditor::failCount() const {
    return checklist_progress(record(), opened_.items).fails;
}

QVariantList InspectionEditor::findings() const {
    QVariantList out;
    for (const auto& f : record().findings) {
        const Checkpoint* cp = find_checkpoint(opened_.items, f.item_id, f.checkpoint_id);
        out.push_back(
            QVariantMap{{QStringLiteral("id"), qs(f.id)},
                        {QStringLiteral("itemId"), qs(f.item_id)},
                        {QStringLiteral("checkpointId"), qs(f.checkpoint_id)},
                        {QStringLiteral("label"), cp ? qs(cp->text) : qs(f.checkpoint_id)},
                        {QStringLiteral("description"), qs(f.description)},
                        {QStringLiteral("photoCount"), static_cast<int>(f.photo_ids.size())}});
    }
    return out;
}

platform::Camera& InspectionEditor::camera() {
    if (!camera_) {
        camera_ = std::make_unique<platform::QtCamera>();
        connect(camera_.get(), &platform::Camera::captured, this,
                [this](const QImage& image) { import_image(image, camera_finding_); });
        connect(camera_.get(), &platform::Camera::failed, this,
                [this](const QString& message) { set_error(message); });
    }
    return *camera_;
}

QVariantList InspectionEditor::photoTargets() const {
    QVariantList out{QVariantMap{{QStringLiteral("id"), QString()},
                                 {QStringLiteral("label"), tr("The inspection in general")}}};
    for (const auto& f : findings()) {
        const auto m = f.toMap();
        out.push_back(
            QVariantMap{{QStringLiteral("id"), m.value(QStringLiteral("id"))},
                        {QStringLiteral("label"),
                         tr("Finding: %1").arg(m.value(QStringLiteral("label")).toString())}});
    }
    return out;
}

bool InspectionEditor::cameraAvailable() {
    return camera().available();
}

QString InspectionEditor::cameraUnavailableReason() {
    return camera().available() ? QString()
                                : UserMessages::error(QStringLiteral("camera_unavailable"), {});
}

// ---- editing ------------------------------------------------------------------------------

void InspectionEditor::setAnswer(const QString& itemId, const QString& checkpointId,
                                 const QVariant& value) {
    if (readOnly())
        return;
    const std::string item = itemId.toStdString(), cp_id = checkpointId.toStdString();
    const Checkpoint* cp = find_checkpoint(opened_.items, item, cp_id);
    if (!cp)
        return;
    std::optional<AnswerValue> next;
    if (value.isValid() && !value.isNull() &&
        !(value.typeId() == QMetaType::QString && value.toString().isEmpty())) {
        if (cp->kind == CheckpointKind::number) {
            bool ok = false;
            const qlonglong n = value.toLongLong(&ok);
            if (!ok) {
                set_error(tr("Enter a whole number."));
                return;
            }
            next = static_cast<std::int64_t>(n);
        } else {
            next = value.toString().toStdString();
        }
    }
    if (!set_answer(edit(), item, cp_id, std::move(next)))
        return;
    set_error({});
    changed();
}

void InspectionEditor::setNote(const QString& itemId, const QString& checkpointId,
                               const QString& note) {
    if (readOnly())
        return;
    const std::string item = itemId.toStdString(), cp_id = checkpointId.toStdString();
    for (auto& a : edit().answers)
        if (a.item_id == item && a.checkpoint_id == cp_id) {
            if (a.note == note.toStdString())
                return;
            a.note = note.toStdString();
            changed();
            return;
        }
}

QString InspectionEditor::setFinding(const QString& itemId, const QString& checkpointId,
                                     const QString& description) {
    if (readOnly())
        return {};
    const std::string item = itemId.toStdString(), cp_id = checkpointId.toStdString();
    if (!find_checkpoint(opened_.items, item, cp_id))
        return {};
    InspectionRecord& r = edit();
    for (auto& f : r.findings)
        if (f.item_id == item && f.checkpoint_id == cp_id) {
            if (f.description != description.toStdString()) {
                f.description = description.toStdString();
                changed();
            }
            return qs(f.id);
        }
    Finding f;
    f.id = make_uuid_v4();
    f.item_id = item;
    f.checkpoint_id = cp_id;
    f.description = description.toStdString();
    r.findings.push_back(f);
    changed();
    return qs(f.id);
}

void InspectionEditor::setPresent(const QString& inspectorId, bool present) {
    if (readOnly())
        return;
    auto& list = edit().inspectors_present;
    const std::string id = inspectorId.toStdString();
    const bool is = std::find(list.begin(), list.end(), id) != list.end();
    if (is == present)
        return;
    if (present)
        list.push_back(id);
    else
        std::erase(list, id);
    changed();
}

void InspectionEditor::setOffsiteMethod(const QString& method) {
    if (readOnly() || opened_.assignment.mode != InspectionMode::offsite)
        return;
    const auto m = parse_offsite_method(method.toStdString());
    if (m == edit().offsite_method)
        return;
    edit().offsite_method = m;
    changed();
}

void InspectionEditor::setOutcome(const QString& outcome) {
    if (readOnly())
        return;
    const auto o = parse_outcome(outcome.toStdString());
    if (o == edit().outcome)
        return;
    edit().outcome = o;
    // The public wording is fixed by the outcome (公开信息采用…进行表述), never typed.
    edit().public_text = o ? std::string(public_text_for(*o)) : std::string();
    changed();
}

void InspectionEditor::setConfidential(bool on) {
    // Core says what publishing after all clears (the reason and the ground).
    if (readOnly() || !set_confidential(edit(), on))
        return;
    changed();
}

void InspectionEditor::setConfidentialGround(const QString& ground) {
    if (readOnly() || !record().confidential)
        return;
    const auto next = parse_confidential_ground(ground.toStdString());
    if (next == edit().confidential_ground)
        return;
    edit().confidential_ground = next;
    changed();
}

void InspectionEditor::setConfidentialReason(const QString& reason) {
    if (readOnly())
        return;
    std::optional<std::string> next;
    if (!reason.isEmpty())
        next = reason.toStdString();
    if (next == edit().confidential_reason)
        return;
    edit().confidential_reason = next;
    changed();
}

void InspectionEditor::attach_location_if_missing() {
    if (!loaded_ || readOnly() || record().location ||
        opened_.assignment.mode != InspectionMode::onsite || !location_)
        return;
    if (auto l = location_->current()) {
        edit().location = *l;
        changed();
    }
}

// ---- photos -------------------------------------------------------------------------------

void InspectionEditor::importPhoto(const QUrl& file, const QString& findingId) {
    if (readOnly() || !session_)
        return;
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    std::optional<std::string> finding;
    if (!findingId.isEmpty())
        finding = findingId.toStdString();
    const int side = session_->preferences().photoLongestSide();
    save(); // a new finding must be in the store before a photo names it
    begin();
    session_->store().run(
        this,
        [id = record().id, p = path.toStdString(), finding, side](Tablet& b) {
            return b.photos.import_file(id, p, finding, side);
        },
        [this](Result<PhotoRef> r) {
            end();
            if (!r) {
                set_error(UserMessages::error(r.error()));
                return;
            }
            set_error({});
            Q_EMIT photoAdded(qs(r->id));
            load();
        });
}

void InspectionEditor::import_image(const QImage& image, const std::string& finding_id) {
    if (readOnly() || !session_)
        return;
    std::optional<std::string> finding;
    if (!finding_id.empty())
        finding = finding_id;
    const std::optional<Location> where = location_ ? location_->current() : std::nullopt;
    const int side = session_->preferences().photoLongestSide();
    save();
    begin();
    session_->store().run(
        this,
        [id = record().id, image, finding, where, side](Tablet& b) {
            return b.photos.import_image(id, image, finding, where, side);
        },
        [this](Result<PhotoRef> r) {
            end();
            if (!r) {
                set_error(UserMessages::error(r.error()));
                return;
            }
            Q_EMIT photoAdded(qs(r->id));
            load();
        });
}

void InspectionEditor::capturePhoto(const QString& findingId) {
    if (readOnly())
        return;
    camera_finding_ = findingId.toStdString();
    if (auto s = camera().capture(); !s)
        set_error(UserMessages::error(s.error()));
}

void InspectionEditor::removePhoto(const QString& photoId) {
    if (readOnly() || !session_)
        return;
    begin();
    session_->store().run(
        this,
        [id = record().id, photo = photoId.toStdString()](Tablet& b) {
            return b.photos.remove(id, photo);
        },
        [this](Status s) {
            end();
            if (!s) {
                set_error(UserMessages::error(s.error()));
                return;
            }
            load();
        });
}

// ---- completion ---------------------------------------------------------------------------

void InspectionEditor::set_problems(const Problems& problems) {
    std::vector<ProblemListModel::Entry> entries;
    const InspectionRecord& r = record();
    for (const auto& p : problems) {
        ProblemListModel::Entry e{p, QStringLiteral("complete"), {}, {}};
        if (auto i = index_in(p.field, "answers"); i && *i < r.answers.size()) {
            e.item_id = r.answers[*i].item_id;
            e.checkpoint_id = r.answers[*i].checkpoint_id;
        } else if (auto k = index_in(p.field, "findings"); k && *k < r.findings.size()) {
            e.item_id = r.findings[*k].item_id;
            e.checkpoint_id = r.findings[*k].checkpoint_id;
        } else {
            for (const auto& item : opened_.items) {
                if (item.id == p.field)
                    e.item_id = item.id;
                for (const auto& c : item.checkpoints)
                    if (c.id == p.field) {
                        e.item_id = item.id;
                        e.checkpoint_id = c.id;
                    }
            }
        }
        if (!e.item_id.empty())
            e.page = QStringLiteral("checklist");
        // A problem of this page without a place of its own (each missing signature, say)
        // reads the same every time: one row, the page's card shows who.
        const auto same = [&](const ProblemListModel::Entry& x) {
            return x.problem.code == e.problem.code && x.item_id.empty() && e.item_id.empty();
        };
        if (std::none_of(entries.begin(), entries.end(), same))
            entries.push_back(std::move(e));
    }
    problems_->set_entries(std::move(entries));
}

void InspectionEditor::checkProblems() {
    if (!session_ || !loaded_ || readOnly())
        return;
    autosave_.stop();
    dirty_ = false;
    set_save_state(QStringLiteral("saving"));
    begin();
    session_->store().run(
        this, [copy = record()](Tablet& b) { return b.records.completion_problems(copy); },
        [this](Result<Problems> r) {
            end();
            if (!r) {
                set_save_state(QStringLiteral("failed"));
                set_error(UserMessages::error(r.error()));
                return;
            }
            if (!dirty_)
                set_save_state(QStringLiteral("saved"));
            set_problems(*r);
            Q_EMIT saved();
        });
}

void InspectionEditor::complete() {
    if (!session_ || !loaded_ || readOnly())
        return;
    autosave_.stop();
    dirty_ = false;
    begin();
    session_->store().run(
        this,
        [copy = record(), where = location_ ? location_->current() : std::nullopt,
         simulated = location_ && location_->simulated()](Tablet& b) {
            // Where the inspector completes it, kept beside the record (never in its body).
            return b.records.complete(copy, where, simulated);
        },
        [this](Result<OpenedRecord> r) {
            end();
            if (!r) {
                set_error(UserMessages::error(r.error()));
                return;
            }
            const bool done = r->stored.state != RecordState::draft;
            set_save_state(QStringLiteral("saved"));
            show(std::move(r.value()));
            if (done) {
                set_error({});
                session_->notify_record_completed();
                Q_EMIT completed();
            } else {
                set_error(tr("The record cannot be completed yet: %n problem(s) are listed below.",
                             "", problems_->rowCount()));
            }
        });
}

QVariantList InspectionEditor::versions() const {
    QVariantList out;
    for (const auto& v : opened_.versions)
        out.push_back(QVariantMap{
            {QStringLiteral("recordId"), qs(v.record_id)},
            {QStringLiteral("state"), qs(std::string(to_string(v.state)))},
            {QStringLiteral("completedAt"), UserMessages::time(v.completed_at)},
            {QStringLiteral("reason"), qs(v.reason.value_or(""))},
            {QStringLiteral("current"), v.record_id == record().id},
        });
    return out;
}

QString InspectionEditor::supersedes() const {
    return qs(record().supersedes.value_or(""));
}

QString InspectionEditor::correctionReason() const {
    return qs(record().correction_reason.value_or(""));
}

void InspectionEditor::correct(const QString& reason) {
    if (!session_ || !loaded_)
        return;
    begin();
    set_error({});
    session_->store().run(
        this,
        [id = record().id, why = reason.toStdString()](Tablet& b) {
            return b.records.correct(id, why);
        },
        [this](Result<services::CorrectionDraft> r) {
            end();
            if (!r) {
                set_error(UserMessages::error(r.error()));
                return;
            }
            session_->notify_data_changed();
            load(); // this record's versions now end with the correction
            Q_EMIT correctionOpened(qs(r->draft.stored.record.id), r->already_started);
        });
}

// ---- signatures ---------------------------------------------------------------------------

bool InspectionEditor::signaturesNeeded() const {
    return loaded_ && opened_.assignment.mode == InspectionMode::onsite &&
           (record().signatures.has_value() || !readOnly());
}

QVariantList InspectionEditor::signatures() const {
    QVariantList out;
    if (!signaturesNeeded())
        return out;
    const auto kept = record().signatures.value_or(std::vector<Signature>{});
    const auto find = [&](auto&& is) -> const Signature* {
        const auto it = std::find_if(kept.begin(), kept.end(), is);
        return it == kept.end() ? nullptr : &*it;
    };
    for (const auto& v : team()) {
        const auto m = v.toMap();
        if (!m.value(QStringLiteral("present")).toBool())
            continue;
        const std::string id = m.value(QStringLiteral("inspectorId")).toString().toStdString();
        const Signature* g =
            find([&](const Signature& x) { return x.role == "inspector" && x.inspector_id == id; });
        out.push_back(QVariantMap{{QStringLiteral("role"), QStringLiteral("inspector")},
                                  {QStringLiteral("inspectorId"), qs(id)},
                                  {QStringLiteral("name"), m.value(QStringLiteral("name"))},
                                  {QStringLiteral("signed"), g != nullptr},
                                  {QStringLiteral("signedAt"), g ? qs(g->signed_at) : QString()}});
    }
    const Signature* r = find([](const Signature& x) { return x.role == "representative"; });
    out.push_back(QVariantMap{{QStringLiteral("role"), QStringLiteral("representative")},
                              {QStringLiteral("name"), r ? qs(r->name) : QString()},
                              {QStringLiteral("position"), r ? qs(r->position) : QString()},
                              {QStringLiteral("signed"), r != nullptr && !r->refused},
                              {QStringLiteral("refused"), r != nullptr && r->refused},
                              {QStringLiteral("reason"), r ? qs(r->reason) : QString()},
                              {QStringLiteral("signedAt"), r ? qs(r->signed_at) : QString()}});
    return out;
}

namespace {

/// The pad's strokes (each a flat list x0, y0, x1, y1, …) as the SVG the service keeps.
std::vector<std::uint8_t> pad_svg(const QVariantList& strokes, qreal width, qreal height) {
    std::vector<QPolygonF> lines;
    for (const auto& s : strokes) {
        const QVariantList flat = s.toList();
        QPolygonF line;
        for (qsizetype i = 0; i + 1 < flat.size(); i += 2)
            line << QPointF(flat[i].toDouble(), flat[i + 1].toDouble());
        lines.push_back(std::move(line));
    }
    const std::string svg = platform::SignatureImage::strokes_svg(lines, QSizeF(width, height));
    return {svg.begin(), svg.end()};
}

} // namespace

void InspectionEditor::keep_signature(std::function<Result<Signature>(Tablet&)> work) {
    if (readOnly() || !session_)
        return;
    save(); // presence first: the service checks that an inspector signing is present
    begin();
    set_error({});
    session_->store().run(this, std::move(work), [this](Result<Signature> r) {
        end();
        if (!r) {
            set_error(UserMessages::error(r.error()));
            return;
        }
        Q_EMIT signatureKept();
        load();
    });
}

void InspectionEditor::signInspector(const QString& inspectorId, const QVariantList& strokes,
                                     qreal width, qreal height) {
    keep_signature([id = record().id, who = inspectorId.toStdString(),
                    image = pad_svg(strokes, width, height)](Tablet& b) {
        return b.signatures.sign_inspector(id, who, image);
    });
}

void InspectionEditor::signRepresentative(const QString& name, const QString& position,
                                          const QVariantList& strokes, qreal width, qreal height) {
    keep_signature([id = record().id, n = name.toStdString(), p = position.toStdString(),
                    image = pad_svg(strokes, width, height)](Tablet& b) {
        return b.signatures.sign_representative(id, n, p, image);
    });
}

void InspectionEditor::recordRefusal(const QString& reason) {
    keep_signature([id = record().id, why = reason.toStdString()](Tablet& b) {
        return b.signatures.record_refusal(id, why);
    });
}

QUrl InspectionEditor::pdfUrl() const {
    return pdf_path_.isEmpty() ? QUrl() : QUrl::fromLocalFile(pdf_path_);
}

void InspectionEditor::makeRecordPdf(const QUrl& file) {
    if (!session_ || !loaded_ || pdf_busy_)
        return;
    if (!readOnly() || opened_.stored.state == RecordState::frozen) {
        pdf_error_ = tr("Only a completed record has an inspection record. Complete it first.");
        Q_EMIT pdfChanged();
        return;
    }
    if (!file.isLocalFile()) {
        pdf_error_ = tr("Choose a file on this tablet to save the PDF to; nothing was written.");
        Q_EMIT pdfChanged();
        return;
    }
    pdf_busy_ = true;
    pdf_error_.clear();
    Q_EMIT pdfChanged();
    // Drawing the PDF reads photos from the store: the store thread's work, never the GUI's.
    session_->store().run(
        this,
        [id = record().id, path = std::filesystem::path(file.toLocalFile().toStdString())](
            Tablet& b) -> Result<QString> {
            auto written = b.reports.record_pdf(id, path);
            if (!written)
                return written.error();
            return QString::fromStdString(written->string());
        },
        [this](Result<QString> r) {
            pdf_busy_ = false;
            if (r) {
                pdf_path_ = *r;
                pdf_error_.clear();
            } else {
                pdf_error_ = UserMessages::error(r.error());
            }
            Q_EMIT pdfChanged();
            if (r)
                Q_EMIT pdfReady(pdf_path_);
        });
}

} // namespace fi::app
