#include "qml/assignmentdetail.h"

#include "core/modeljson.h"
#include "qml/applayer.h"
#include "qml/locationservice.h"
#include "qml/session.h"
#include "qml/storethread.h"
#include "qml/usermessages.h"

#include <QCoreApplication>
#include <QVariantMap>

namespace fi::app {

namespace {
QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QStringList qs_list(const std::vector<std::string>& v) {
    QStringList out;
    for (const auto& s : v)
        out << qs(s);
    return out;
}
} // namespace

AssignmentDetail::AssignmentDetail(QObject* parent) : QObject(parent) {}

void AssignmentDetail::setSession(Session* session) {
    if (session == session_)
        return;
    if (data_changed_)
        disconnect(data_changed_);
    session_ = session;
    if (session_)
        data_changed_ = connect(session_, &Session::dataChanged, this, &AssignmentDetail::reload);
    Q_EMIT sessionChanged();
    reload();
}

void AssignmentDetail::setLocation(LocationService* location) {
    if (location == location_)
        return;
    location_ = location;
    Q_EMIT locationChanged();
}

void AssignmentDetail::setAssignmentId(const QString& id) {
    if (id == assignment_id_)
        return;
    assignment_id_ = id;
    Q_EMIT assignmentIdChanged();
    reload();
}

void AssignmentDetail::set_error(const QString& e) {
    if (e == error_)
        return;
    error_ = e;
    Q_EMIT errorChanged();
}

void AssignmentDetail::set_busy(bool b) {
    if (b == busy_)
        return;
    busy_ = b;
    Q_EMIT busyChanged();
}

void AssignmentDetail::reload() {
    if (!session_ || assignment_id_.isEmpty() || session_->state() != Session::Unlocked)
        return;
    session_->store().run(
        this, [id = assignment_id_.toStdString()](Tablet& b) { return b.assignments.view(id); },
        [this](Result<AssignmentView> r) {
            if (!r) {
                set_error(UserMessages::error(r.error()));
                return;
            }
            set_view(std::move(r.value()));
        });
}

void AssignmentDetail::set_view(AssignmentView view) {
    view_ = std::move(view);
    const QString id = qs(view_.assignment.id);
    if (id != assignment_id_) {
        assignment_id_ = id;
        Q_EMIT assignmentIdChanged();
    }
    loaded_ = true;
    set_error({});
    Q_EMIT changed();
}

QString AssignmentDetail::targetName() const {
    return qs(view_.assignment.target.name);
}
QString AssignmentDetail::targetId() const {
    return qs(view_.assignment.target.id);
}
QString AssignmentDetail::creditCode() const {
    return qs(view_.assignment.target.credit_code);
}

QString AssignmentDetail::creditCodeProblem() const {
    switch (view_.credit.problem) {
    case CreditCodeProblem::none:
        return {};
    case CreditCodeProblem::wrong_length:
        return tr("The unified social credit code does not have 18 characters. The central "
                  "directory holds it this way; report it, and inspect as assigned.");
    case CreditCodeProblem::bad_character:
        return tr("Character %1 of the unified social credit code is not allowed. The central "
                  "directory holds it this way; report it, and inspect as assigned.")
            .arg(view_.credit.position);
    case CreditCodeProblem::wrong_check:
        return tr("The check character of the unified social credit code is wrong (expected "
                  "%1). The central directory holds it this way; report it, and inspect as "
                  "assigned.")
            .arg(QChar::fromLatin1(view_.credit.expected));
    }
    return {};
}

QString AssignmentDetail::legalRep() const {
    return qs(view_.assignment.target.legal_rep);
}
QString AssignmentDetail::address() const {
    return qs(view_.assignment.target.address);
}
QString AssignmentDetail::district() const {
    return qs(view_.assignment.target.district);
}
QString AssignmentDetail::category() const {
    return loaded_ ? qs(std::string(to_string(view_.assignment.target.category))) : QString();
}
QString AssignmentDetail::mode() const {
    return loaded_ ? qs(std::string(to_string(view_.assignment.mode))) : QString();
}
QString AssignmentDetail::planName() const {
    return qs(view_.assignment.plan.name);
}
QString AssignmentDetail::planKind() const {
    return qs(view_.assignment.plan.kind);
}
QString AssignmentDetail::planUnit() const {
    return qs(view_.assignment.plan.unit);
}
QString AssignmentDetail::window() const {
    if (!loaded_)
        return {};
    return qs(view_.assignment.window_from) + QStringLiteral(" – ") +
           qs(view_.assignment.window_to);
}
QString AssignmentDetail::drawId() const {
    return qs(view_.assignment.draw_id);
}

QString AssignmentDetail::drawMessage() const {
    if (!loaded_ || view_.draw_verified)
        return {};
    if (!view_.draw_present)
        return tr("The draw %1 is not on this tablet yet, so the team cannot be checked. Sync to "
                  "fetch it.")
            .arg(drawId());
    switch (view_.draw_step) {
    case DrawStep::assignment_team:
        return tr("The team of this assignment is not the team the published draw gives this "
                  "target. You may still inspect, but the record will say that the draw was not "
                  "verified. Tell your team leader.");
    case DrawStep::selected:
    case DrawStep::teams:
        return tr("Recomputing the draw on this tablet gives another result than the one the "
                  "central system published. You may still inspect, but the record will say that "
                  "the draw was not verified. Tell your team leader.");
    default:
        return tr("The published draw fails its check (%1). You may still inspect, but the "
                  "record will say that the draw was not verified. Tell your team leader.")
            .arg(qs(std::string(to_string(view_.draw_step))));
    }
}

QString AssignmentDetail::exclusionReason() const {
    if (!view_.exclusion_reason)
        return {};
    if (*view_.exclusion_reason == "inspected_by_higher_level")
        return tr("A higher level inspected this target this year without finding a problem, so "
                  "the draw left it out.");
    return tr("The draw left this target out: %1").arg(qs(*view_.exclusion_reason));
}

namespace {
// core's draw_checks() sentences, for lupdate: the view translates each one by its text.
[[maybe_unused]] constexpr const char* draw_check_sentences[] = {
    QT_TRANSLATE_NOOP("DrawChecks", "The seed matches the commitment published before the draw."),
    QT_TRANSLATE_NOOP("DrawChecks", "Targets and teams recomputed on this tablet are the ones the "
                                    "central system drew."),
    QT_TRANSLATE_NOOP("DrawChecks", "Each seed party's revealed seed matches the commitment it "
                                    "handed in before publication."),
    QT_TRANSLATE_NOOP("DrawChecks",
                      "The seed combines every party's seed, so no single body chose it."),
    QT_TRANSLATE_NOOP("DrawChecks", "Candidates, inspector pool and conflicts are the lists frozen "
                                    "when the plan was published."),
    QT_TRANSLATE_NOOP("DrawChecks",
                      "The draw ran after the plan was published, under the id fixed then."),
    QT_TRANSLATE_NOOP("DrawChecks", "The re-draw's link hashes back to the chain the plan "
                                    "committed to, and the public log lists it."),
    QT_TRANSLATE_NOOP("DrawChecks", "Only drawn members of the team were excluded, and earlier "
                                    "exclusions of this target still apply."),
};
} // namespace

QVariantList AssignmentDetail::drawParties() const {
    QVariantList out;
    for (const auto& p : view_.draw_parties)
        out.push_back(QVariantMap{{QStringLiteral("name"), qs(p.name)},
                                  {QStringLiteral("commitment"), qs(p.seed_commitment)}});
    return out;
}

QStringList AssignmentDetail::drawChecks() const {
    QStringList out;
    if (!view_.draw_verified)
        return out;
    for (const auto sentence : draw_checks(view_.draw_algorithm))
        out.push_back(QCoreApplication::translate("DrawChecks", std::string(sentence).c_str()));
    return out;
}

QVariantList AssignmentDetail::redrawHistory() const {
    QVariantList out;
    for (const auto& e : view_.redraw_history)
        out.push_back(QVariantMap{{QStringLiteral("index"), static_cast<qint64>(e.index)},
                                  {QStringLiteral("assignmentId"), qs(e.assignment_id)},
                                  {QStringLiteral("newAssignmentId"), qs(e.new_assignment_id)},
                                  {QStringLiteral("reason"), qs(e.reason)},
                                  {QStringLiteral("note"), qs(e.note)},
                                  {QStringLiteral("excluded"), qs_list(e.excluded)},
                                  {QStringLiteral("by"), qs(e.by)},
                                  {QStringLiteral("at"), qs(e.at)}});
    return out;
}

QVariantList AssignmentDetail::tags() const {
    QVariantList out;
    if (!loaded_)
        return out;
    const TargetTags& t = view_.assignment.target.tags;
    auto add = [&](const QString& label, const QString& value) {
        if (!value.isEmpty())
            out.push_back(
                QVariantMap{{QStringLiteral("label"), label}, {QStringLiteral("value"), value}});
    };
    add(tr("Permit class"), qs(t.permit_class));
    add(tr("Supervision type"), qs(t.supervision_type));
    add(tr("Pollutants"), qs_list(t.pollutants).join(QStringLiteral("、")));
    add(tr("Heavy-pollution weather grade"), t.weather_grade ? qs(*t.weather_grade) : QString());
    add(tr("Environmental credit rating"), t.credit_rating ? qs(*t.credit_rating) : QString());
    return out;
}

QStringList AssignmentDetail::jointDepartments() const {
    return qs_list(view_.assignment.joint_departments);
}

QVariantList AssignmentDetail::items() const {
    QVariantList out;
    for (const auto& item : view_.items)
        out.push_back(QVariantMap{
            {QStringLiteral("id"), qs(item.id)},
            {QStringLiteral("code"), qs(item.code)},
            {QStringLiteral("title"), qs(item.title)},
            {QStringLiteral("domain"), qs(item.domain)},
            {QStringLiteral("legalBasis"), qs_list(item.legal_basis)},
            {QStringLiteral("initiatingDept"), qs(item.initiating_dept)},
            {QStringLiteral("checkpoints"), static_cast<int>(item.checkpoints.size())}});
    return out;
}

QString AssignmentDetail::unknownItemsText() const {
    return qs_list(view_.unknown_items).join(QStringLiteral(", "));
}

QVariantList AssignmentDetail::team() const {
    QVariantList out;
    for (const auto& m : view_.team)
        out.push_back(
            QVariantMap{{QStringLiteral("inspectorId"), qs(m.inspector_id)},
                        {QStringLiteral("name"), qs(m.name)},
                        {QStringLiteral("role"), qs(std::string(to_string(m.role)))},
                        {QStringLiteral("unit"), qs(m.unit)},
                        {QStringLiteral("position"), qs(m.position)},
                        {QStringLiteral("certNo"), m.cert_no ? qs(*m.cert_no) : QString()},
                        {QStringLiteral("certified"), m.certified()},
                        {QStringLiteral("thirdParty"), m.third_party},
                        {QStringLiteral("known"), m.known},
                        {QStringLiteral("isSelf"), m.inspector_id == view_.self_inspector_id}});
    return out;
}

QVariantList AssignmentDetail::drawnTeam() const {
    QVariantList out;
    for (const auto& m : team())
        if (m.toMap().value(QStringLiteral("role")).toString() != QLatin1String("expert"))
            out.push_back(m);
    return out;
}

QString AssignmentDetail::state() const {
    return qs(std::string(to_string(view_.state)));
}

bool AssignmentDetail::selfIsLeader() const {
    for (const auto& m : view_.team)
        if (m.role == TeamRole::leader && m.inspector_id == view_.self_inspector_id)
            return true;
    return false;
}

int AssignmentDetail::certifiedAmong(const QStringList& inspectorIds) const {
    int n = 0;
    for (const auto& m : view_.team)
        if (m.certified() && inspectorIds.contains(qs(m.inspector_id)))
            ++n;
    return n;
}

void AssignmentDetail::startInspection(const QStringList& present, const QString& offsiteMethod) {
    if (!session_ || !loaded_ || busy_)
        return;
    std::vector<std::string> ids;
    for (const auto& p : present)
        ids.push_back(p.toStdString());
    std::optional<OffsiteMethod> offsite;
    if (view_.assignment.mode == InspectionMode::offsite) {
        offsite = parse_offsite_method(offsiteMethod.toStdString());
        if (!offsite) {
            set_error(UserMessages::problem(
                Problem{std::string(rule_code::offsite_method_required), {}, "offsite_method"}));
            return;
        }
    }
    const std::optional<Location> where = location_ ? location_->current() : std::nullopt;
    set_busy(true);
    set_error({});
    session_->store().run(
        this,
        [id = view_.assignment.id, ids, where, offsite](Tablet& b) {
            return b.records.start(id, ids, where, offsite);
        },
        [this](Result<OpenedRecord> r) {
            set_busy(false);
            if (!r) {
                set_error(UserMessages::error(r.error()));
                return;
            }
            session_->notify_data_changed();
            Q_EMIT started(qs(r->stored.record.id));
        });
}

} // namespace fi::app
