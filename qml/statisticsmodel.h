#pragma once

#include "core/statistics.h"
#include "qml/session.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QStringList>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace fi::app {

/// The Statistics page: the quarterly table (监管情况统计表) of the chosen quarter as far as
/// this tablet knows it, one row per figure (Chinese label first, English beside it; a figure
/// the tablet cannot know says so), and its export as CSV or PDF into `exports/` of the data
/// directory. Counting and writing run on the store thread.
class StatisticsModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(fi::app::Session* session READ session WRITE setSession NOTIFY sessionChanged)
    /// `2026Q4`; the current quarter (UTC+08:00) by default.
    Q_PROPERTY(QString quarter READ quarter WRITE setQuarter NOTIFY quarterChanged)
    /// The current quarter and the three before it.
    Q_PROPERTY(QStringList quarters READ quarters CONSTANT)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadedChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(QString unit READ unit NOTIFY loadedChanged)
    Q_PROPERTY(QString period READ period NOTIFY loadedChanged)
    Q_PROPERTY(QString reportDue READ reportDue NOTIFY loadedChanged)
    Q_PROPERTY(QString exportedPath READ exportedPath NOTIFY exportedChanged)
    Q_PROPERTY(QUrl exportedUrl READ exportedUrl NOTIFY exportedChanged)
public:
    enum Roles {
        KeyRole = Qt::UserRole + 1,
        SectionRole,
        LabelZhRole,
        LabelEnRole,
        ValueRole, ///< the number as text, or "not known on this tablet" in the user's language
        KnownRole,
        NoteRole,
    };
    Q_ENUM(Roles)

    explicit StatisticsModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Session* session() const { return session_; }
    void setSession(Session* session);
    QString quarter() const { return quarter_; }
    void setQuarter(const QString& quarter);
    QStringList quarters() const;
    bool loaded() const { return loaded_; }
    bool busy() const { return busy_ > 0; }
    QString error() const { return error_; }
    QString unit() const;
    QString period() const;
    QString reportDue() const;
    QString exportedPath() const { return exported_; }
    QUrl exportedUrl() const;

    /// Count again from the store.
    Q_INVOKABLE void reload();
    /// Write the table as CSV to `file`, the place the user chose in the save dialog (nothing
    /// is written anywhere else); exported(path) when done.
    Q_INVOKABLE void exportCsv(const QUrl& file);
    /// The same as PDF.
    Q_INVOKABLE void exportPdf(const QUrl& file);

    /// `2026Q4` for a day.
    static QString quarter_of(const Date& day);

Q_SIGNALS:
    void sessionChanged();
    void quarterChanged();
    void countChanged();
    void loadedChanged();
    void busyChanged();
    void errorChanged();
    void exportedChanged();
    void exported(const QString& path);

private:
    void export_as(bool pdf, const QUrl& file);
    void begin();
    void end();
    void set_error(const QString& e);

    QPointer<Session> session_;
    QMetaObject::Connection data_changed_;
    QString quarter_;
    QuarterStatistics stats_;
    bool loaded_ = false;
    int busy_ = 0;
    QString error_;
    QString exported_;
};

} // namespace fi::app
