#include "qml/completioncontroller.h"

#include "core/answers.h"
#include "core/modeljson.h"
#include "core/place.h"
#include "platform/signatureimage.h"
#include "qml/problemlistmodel.h"
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

QString metres(const std::optional<std::int64_t>& m) {
    return m ? CompletionController::tr("%1 m from the target").arg(*m) : QString();
}

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

CompletionController::CompletionController(QObject* parent)
    : RecordController(parent), problems_(new ProblemListModel(this)) {}

void CompletionController::on_changed(int parts) {
    if (!loaded())
        return;
    using P = OpenRecord::Part;
    if (parts & P::Stored) {
        set_problems(record_->opened().problems);
        Q_EMIT storedChanged();
    }
    if (parts & (P::Answers | P::Findings | P::Photos))
        Q_EMIT summaryChanged();
    if (parts & (P::Place | P::Stored))
        Q_EMIT placeChanged();
    if (parts & (P::Presence | P::Stored))
        Q_EMIT presenceChanged();
    if (parts & (P::Outcome | P::Answers))
        Q_EMIT outcomeChanged();
    if (parts & P::Confidentiality)
        Q_EMIT confidentialityChanged();
    if (parts & (P::Signatures | P::Presence | P::Stored))
        Q_EMIT signaturesChanged();
}

// ---- reading ------------------------------------------------------------------------------

int CompletionController::answerCount() const {
    return loaded() ? static_cast<int>(rec().answers.size()) : 0;
}
int CompletionController::requiredAnswered() const {
    return loaded() ? checklist_progress(rec(), record_->opened().items).required_answered : 0;
}
int CompletionController::requiredTotal() const {
    return loaded() ? checklist_progress(rec(), record_->opened().items).required_total : 0;
}
int CompletionController::failCount() const {
    return loaded() ? checklist_progress(rec(), record_->opened().items).fails : 0;
}
int CompletionController::findingCount() const {
    return loaded() ? static_cast<int>(rec().findings.size()) : 0;
}
int CompletionController::photoCount() const {
    return loaded() ? static_cast<int>(rec().photos.size()) : 0;
}
QString CompletionController::inspectionDay() const {
    return loaded() ? qs(rec().inspection_day) : QString();
}
QString CompletionController::startedAt() const {
    return loaded() ? UserMessages::time(rec().started_at) : QString();
}
QString CompletionController::finishedAt() const {
    return loaded() ? UserMessages::time(rec().finished_at) : QString();
}
QString CompletionController::clockSource() const {
    return loaded() ? qs(rec().clock.source) : QString();
}
bool CompletionController::drawVerified() const {
    return loaded() && rec().draw_verified;
}
QString CompletionController::publicationDeadline() const {
    return loaded() ? qs(record_->opened().publication_deadline) : QString();
}
bool CompletionController::deadlineProvisional() const {
    return loaded() && record_->opened().deadline_provisional;
}

QVariantList CompletionController::versions() const {
    QVariantList out;
    if (!loaded())
        return out;
    for (const auto& v : record_->opened().versions)
        out.push_back(QVariantMap{
            {QStringLiteral("recordId"), qs(v.record_id)},
            {QStringLiteral("state"), qs(std::string(to_string(v.state)))},
            {QStringLiteral("completedAt"), UserMessages::time(v.completed_at)},
            {QStringLiteral("reason"), qs(v.reason.value_or(""))},
            {QStringLiteral("current"), v.record_id == rec().id},
        });
    return out;
}

bool CompletionController::correctable() const {
    return loaded() && record_->opened().correctable;
}
QString CompletionController::supersedes() const {
    return loaded() ? qs(rec().supersedes.value_or("")) : QString();
}
QString CompletionController::correctionReason() const {
    return loaded() ? qs(rec().correction_reason.value_or("")) : QString();
}

bool CompletionController::hasLocation() const {
    return loaded() && rec().location.has_value();
}
QString CompletionController::locationText() const {
    return hasLocation() ? location_text(*rec().location) : QString();
}
QString CompletionController::distanceText() const {
    return loaded() ? metres(record_->opened().start_distance_m) : QString();
}
bool CompletionController::farFromTarget() const {
    return loaded() && record_->opened().start_distance_m &&
           *record_->opened().start_distance_m > far_from_target_m;
}
QString CompletionController::completedLocationText() const {
    if (!loaded())
        return {};
    const auto& place = record_->opened().place;
    return place && place->completed_location ? location_text(*place->completed_location)
                                              : QString();
}
QString CompletionController::completedDistanceText() const {
    if (!loaded())
        return {};
    const auto& place = record_->opened().place;
    return place ? metres(place->completed_distance_m) : QString();
}
bool CompletionController::locationSimulated() const {
    return loaded() && record_->opened().place && record_->opened().place->simulated;
}

QVariantList CompletionController::team() const {
    QVariantList out;
    if (!loaded())
        return out;
    const OpenedRecord& o = record_->opened();
    const auto& present = rec().inspectors_present;
    for (const auto& m : o.assignment.team) {
        const Inspector* who = nullptr;
        for (const auto& i : o.roster)
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

int CompletionController::certifiedPresent() const {
    int n = 0;
    for (const auto& v : team()) {
        const auto m = v.toMap();
        if (m.value(QStringLiteral("certified")).toBool() &&
            m.value(QStringLiteral("present")).toBool())
            ++n;
    }
    return n;
}

QString CompletionController::offsiteMethod() const {
    return loaded() && rec().offsite_method ? qs(std::string(to_string(*rec().offsite_method)))
                                            : QString();
}
QString CompletionController::outcome() const {
    return loaded() && rec().outcome ? qs(std::string(to_string(*rec().outcome))) : QString();
}
QString CompletionController::publicText() const {
    return loaded() ? qs(rec().public_text) : QString();
}
bool CompletionController::confidential() const {
    return loaded() && rec().confidential;
}
QString CompletionController::confidentialReason() const {
    return loaded() ? qs(rec().confidential_reason.value_or("")) : QString();
}
QString CompletionController::confidentialGround() const {
    return loaded() && rec().confidential_ground
               ? qs(std::string(to_string(*rec().confidential_ground)))
               : QString();
}

// ---- editing ------------------------------------------------------------------------------

void CompletionController::setPresent(const QString& inspectorId, bool present) {
    if (!editable())
        return;
    auto& list = record_->edit().inspectors_present;
    const std::string id = inspectorId.toStdString();
    const bool is = std::find(list.begin(), list.end(), id) != list.end();
    if (is == present)
        return;
    if (present)
        list.push_back(id);
    else
        std::erase(list, id);
    record_->edited(OpenRecord::Presence);
}

void CompletionController::setOffsiteMethod(const QString& method) {
    if (!editable() || record_->opened().assignment.mode != InspectionMode::offsite)
        return;
    const auto m = parse_offsite_method(method.toStdString());
    if (m == rec().offsite_method)
        return;
    record_->edit().offsite_method = m;
    record_->edited(OpenRecord::Presence);
}

void CompletionController::setOutcome(const QString& outcome) {
    if (!editable())
        return;
    const auto o = parse_outcome(outcome.toStdString());
    if (o == rec().outcome)
        return;
    InspectionRecord& r = record_->edit();
    r.outcome = o;
    // The public wording is fixed by the outcome (公开信息采用…进行表述), never typed.
    r.public_text = o ? std::string(public_text_for(*o)) : std::string();
    record_->edited(OpenRecord::Outcome);
}

void CompletionController::setConfidential(bool on) {
    // Core says what publishing after all clears (the reason and the ground).
    if (!editable() || !set_confidential(record_->edit(), on))
        return;
    record_->edited(OpenRecord::Confidentiality);
}

void CompletionController::setConfidentialReason(const QString& reason) {
    if (!editable())
        return;
    std::optional<std::string> next;
    if (!reason.isEmpty())
        next = reason.toStdString();
    if (next == rec().confidential_reason)
        return;
    record_->edit().confidential_reason = next;
    record_->edited(OpenRecord::Confidentiality);
}

void CompletionController::setConfidentialGround(const QString& ground) {
    if (!editable() || !rec().confidential)
        return;
    const auto next = parse_confidential_ground(ground.toStdString());
    if (next == rec().confidential_ground)
        return;
    record_->edit().confidential_ground = next;
    record_->edited(OpenRecord::Confidentiality);
}

// ---- completion ---------------------------------------------------------------------------

void CompletionController::set_problems(const Problems& problems) {
    std::vector<ProblemListModel::Entry> entries;
    const InspectionRecord& r = rec();
    for (const auto& p : problems) {
        ProblemListModel::Entry e{p, QStringLiteral("complete"), {}, {}};
        if (auto i = index_in(p.field, "answers"); i && *i < r.answers.size()) {
            e.item_id = r.answers[*i].item_id;
            e.checkpoint_id = r.answers[*i].checkpoint_id;
        } else if (auto k = index_in(p.field, "findings"); k && *k < r.findings.size()) {
            e.item_id = r.findings[*k].item_id;
            e.checkpoint_id = r.findings[*k].checkpoint_id;
        } else {
            for (const auto& item : record_->opened().items) {
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

void CompletionController::checkProblems() {
    if (!editable() || !record_->session())
        return;
    record_->run(
        [copy = record_->hand_over()](Tablet& b) { return b.records.completion_problems(copy); },
        [self = QPointer(this), rec = record_](Result<Problems> r) {
            rec->handed_over(r ? Status{} : Status(r.error()));
            if (!r || !self)
                return;
            self->set_problems(*r);
            Q_EMIT self->problemsChecked();
        });
}

void CompletionController::complete() {
    if (!editable() || !record_->session())
        return;
    LocationService* location = record_->location();
    record_->run(
        [copy = record_->hand_over(false), where = location ? location->current() : std::nullopt,
         simulated = location && location->simulated()](Tablet& b) {
            // Where the inspector completes it, kept beside the record (never in its body).
            return b.records.complete(copy, where, simulated);
        },
        [self = QPointer(this), rec = record_](Result<OpenedRecord> r) {
            if (!r) {
                rec->set_error(UserMessages::error(r.error()));
                return;
            }
            const bool done = r->stored.state != RecordState::draft;
            rec->show_opened(std::move(r.value()));
            if (done) {
                rec->set_error({});
                if (rec->session())
                    rec->session()->notify_record_completed();
                if (self)
                    Q_EMIT self->completed();
            } else if (self) {
                rec->set_error(
                    tr("The record cannot be completed yet: %n problem(s) are listed below.", "",
                       self->problems_->rowCount()));
            }
        });
}

void CompletionController::correct(const QString& reason) {
    if (!loaded() || !record_->session())
        return;
    record_->set_error({});
    record_->run([id = rec().id,
                  why = reason.toStdString()](Tablet& b) { return b.records.correct(id, why); },
                 [self = QPointer(this), rec = record_](Result<services::CorrectionDraft> r) {
                     if (!r) {
                         rec->set_error(UserMessages::error(r.error()));
                         return;
                     }
                     // Every open record reloads (this one's versions now end with the correction).
                     if (rec->session())
                         rec->session()->notify_data_changed();
                     if (self)
                         Q_EMIT self->correctionOpened(qs(r->draft.stored.record.id),
                                                       r->already_started);
                 });
}

// ---- signatures ---------------------------------------------------------------------------

bool CompletionController::signaturesNeeded() const {
    return loaded() && record_->opened().assignment.mode == InspectionMode::onsite &&
           (rec().signatures.has_value() || !record_->readOnly());
}

QVariantList CompletionController::signatures() const {
    QVariantList out;
    if (!signaturesNeeded())
        return out;
    const auto kept = rec().signatures.value_or(std::vector<Signature>{});
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

void CompletionController::keep_signature(std::function<Result<Signature>(Tablet&)> work) {
    if (!editable() || !record_->session())
        return;
    record_->flush(); // presence first: the service checks that an inspector signing is present
    record_->set_error({});
    record_->run(std::move(work), [self = QPointer(this), rec = record_](Result<Signature> r) {
        if (!r) {
            rec->set_error(UserMessages::error(r.error()));
            return;
        }
        if (self)
            Q_EMIT self->signatureKept();
        rec->reload();
    });
}

void CompletionController::signInspector(const QString& inspectorId, const QVariantList& strokes,
                                         qreal width, qreal height) {
    if (!loaded())
        return;
    keep_signature([id = rec().id, who = inspectorId.toStdString(),
                    image = pad_svg(strokes, width, height)](Tablet& b) {
        return b.signatures.sign_inspector(id, who, image);
    });
}

void CompletionController::signRepresentative(const QString& name, const QString& position,
                                              const QVariantList& strokes, qreal width,
                                              qreal height) {
    if (!loaded())
        return;
    keep_signature([id = rec().id, n = name.toStdString(), p = position.toStdString(),
                    image = pad_svg(strokes, width, height)](Tablet& b) {
        return b.signatures.sign_representative(id, n, p, image);
    });
}

void CompletionController::recordRefusal(const QString& reason) {
    if (!loaded())
        return;
    keep_signature([id = rec().id, why = reason.toStdString()](Tablet& b) {
        return b.signatures.record_refusal(id, why);
    });
}

// ---- the record PDF -----------------------------------------------------------------------

QUrl CompletionController::pdfUrl() const {
    return pdf_path_.isEmpty() ? QUrl() : QUrl::fromLocalFile(pdf_path_);
}

void CompletionController::makeRecordPdf(const QUrl& file) {
    if (!loaded() || !record_->session() || pdf_busy_)
        return;
    if (!record_->readOnly() || record_->opened().stored.state == RecordState::frozen) {
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
    // Not one of the record's operations (the page stays usable meanwhile).
    record_->session()->store().run(
        this,
        [id = rec().id, path = std::filesystem::path(file.toLocalFile().toStdString())](
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
