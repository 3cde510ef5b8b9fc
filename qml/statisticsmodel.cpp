#include "qml/statisticsmodel.h"

#include "qml/applayer.h"
#include "qml/storethread.h"
#include "qml/usermessages.h"

#include <chrono>
#include <filesystem>

namespace fi::app {

namespace {
QString qs(const std::string& s) {
    return QString::fromStdString(s);
}
} // namespace

StatisticsModel::StatisticsModel(QObject* parent)
    : QAbstractListModel(parent),
      quarter_(quarter_of(china_date(std::chrono::system_clock::now()))) {}

QString StatisticsModel::quarter_of(const Date& day) {
    return QStringLiteral("%1Q%2").arg(day.y).arg((day.m - 1) / 3 + 1);
}

QStringList StatisticsModel::quarters() const {
    const Date today = china_date(std::chrono::system_clock::now());
    int y = today.y;
    int q = (today.m - 1) / 3 + 1;
    QStringList out;
    for (int i = 0; i < 4; ++i) {
        out << QStringLiteral("%1Q%2").arg(y).arg(q);
        if (--q == 0) {
            q = 4;
            --y;
        }
    }
    return out;
}

int StatisticsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(stats_.rows.size());
}

QVariant StatisticsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StatisticsRow& r = stats_.rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case KeyRole:
        return qs(r.key);
    case SectionRole:
        return qs(r.section);
    case Qt::DisplayRole:
    case LabelZhRole:
        return qs(r.label_zh);
    case LabelEnRole:
        return qs(r.label_en);
    case ValueRole:
        return r.value ? QString::number(*r.value) : tr("not known on this tablet");
    case KnownRole:
        return r.value.has_value();
    case NoteRole:
        return qs(r.note);
    default:
        return {};
    }
}

QHash<int, QByteArray> StatisticsModel::roleNames() const {
    return {{KeyRole, "key"},         {SectionRole, "section"}, {LabelZhRole, "labelZh"},
            {LabelEnRole, "labelEn"}, {ValueRole, "value"},     {KnownRole, "known"},
            {NoteRole, "note"}};
}

void StatisticsModel::setSession(Session* session) {
    if (session == session_)
        return;
    if (data_changed_)
        disconnect(data_changed_);
    session_ = session;
    if (session_)
        data_changed_ = connect(session_, &Session::dataChanged, this, &StatisticsModel::reload);
    Q_EMIT sessionChanged();
    reload();
}

void StatisticsModel::setQuarter(const QString& quarter) {
    if (quarter == quarter_)
        return;
    quarter_ = quarter;
    Q_EMIT quarterChanged();
    reload();
}

QString StatisticsModel::unit() const {
    return qs(stats_.unit);
}

QString StatisticsModel::period() const {
    if (!loaded_)
        return {};
    return QStringLiteral("%1 – %2").arg(qs(stats_.quarter.first_day().to_string()),
                                         qs(stats_.quarter.last_day().to_string()));
}

QString StatisticsModel::reportDue() const {
    return loaded_ ? qs(stats_.quarter.report_due().to_string()) : QString();
}

QUrl StatisticsModel::exportedUrl() const {
    return exported_.isEmpty() ? QUrl() : QUrl::fromLocalFile(exported_);
}

void StatisticsModel::begin() {
    if (busy_++ == 0)
        Q_EMIT busyChanged();
}

void StatisticsModel::end() {
    if (--busy_ == 0)
        Q_EMIT busyChanged();
}

void StatisticsModel::set_error(const QString& e) {
    if (e == error_)
        return;
    error_ = e;
    Q_EMIT errorChanged();
}

void StatisticsModel::reload() {
    if (!session_)
        return;
    begin();
    session_->store().run(
        this, [q = quarter_.toStdString()](Tablet& b) { return b.reports.statistics(q); },
        [this](Result<QuarterStatistics> r) {
            end();
            if (!r) {
                set_error(UserMessages::error(r.error()));
                return;
            }
            set_error({});
            const int before = rowCount();
            beginResetModel();
            stats_ = std::move(r.value());
            endResetModel();
            loaded_ = true;
            if (before != rowCount())
                Q_EMIT countChanged();
            Q_EMIT loadedChanged();
        });
}

void StatisticsModel::exportCsv(const QUrl& file) {
    export_as(false, file);
}

void StatisticsModel::exportPdf(const QUrl& file) {
    export_as(true, file);
}

void StatisticsModel::export_as(bool pdf, const QUrl& file) {
    if (!session_)
        return;
    if (!file.isLocalFile()) {
        set_error(tr("Choose a file on this tablet to save the table to; nothing was written."));
        return;
    }
    begin();
    session_->store().run(
        this,
        [q = quarter_.toStdString(), pdf,
         path = std::filesystem::path(file.toLocalFile().toStdString())](
            Tablet& b) -> Result<QString> {
            auto stats = b.reports.statistics(q);
            if (!stats)
                return stats.error();
            auto written = b.reports.export_statistics(*stats, pdf, path);
            if (!written)
                return written.error();
            return QString::fromStdString(written->string());
        },
        [this](Result<QString> r) {
            end();
            if (!r) {
                set_error(UserMessages::error(r.error()));
                return;
            }
            set_error({});
            exported_ = *r;
            Q_EMIT exportedChanged();
            Q_EMIT exported(exported_);
        });
}

} // namespace fi::app
