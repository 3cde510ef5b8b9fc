#pragma once

#include "qml/applayer.h"
#include "qml/session.h"
#include "qml/storethread.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QString>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace fi::app {

/// Today's list: the signed-in inspector's active assignments, by plan, each with its
/// target, category, mode, district, team and the state of its record; filtered by a search
/// text, a category and a state. Reloads whenever the store's content changes.
class AssignmentListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(fi::app::Session* session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY filterChanged)
    Q_PROPERTY(
        QString categoryFilter READ categoryFilter WRITE setCategoryFilter NOTIFY filterChanged)
    Q_PROPERTY(QString stateFilter READ stateFilter WRITE setStateFilter NOTIFY filterChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY countChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadedChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    /// The record of the first draft on the list, filters aside ("" when none): what Today
    /// offers to continue when no checklist was left open in this run.
    Q_PROPERTY(QString firstDraftRecordId READ firstDraftRecordId NOTIFY firstDraftChanged)
public:
    enum Roles {
        AssignmentIdRole = Qt::UserRole + 1,
        TargetNameRole,
        CategoryRole, ///< key | general | special
        ModeRole,     ///< onsite | offsite
        DistrictRole,
        AddressRole,
        CreditCodeRole,
        PlanIdRole,
        PlanNameRole,
        TeamRole,     ///< member names, leader first
        StateRole,    ///< not_started | draft | completed | uploaded | late | attention
        RecordIdRole, ///< the record the state is about, empty when none
        WindowRole,   ///< YYYY-MM-DD – YYYY-MM-DD
        JointRole,    ///< joint departments take part
        ItemCountRole,
        DrawVerifiedRole, ///< the team is the one the draw on this tablet gives the target
    };
    Q_ENUM(Roles)

    explicit AssignmentListModel(QObject* parent = nullptr);

    Session* session() const { return session_; }
    void setSession(Session* session);
    QString searchText() const { return search_; }
    void setSearchText(const QString& text);
    /// "" (all), key, general, special.
    QString categoryFilter() const { return category_; }
    void setCategoryFilter(const QString& category);
    /// "" (all), open (not started or draft), done (completed, uploaded, late), attention.
    QString stateFilter() const { return state_; }
    void setStateFilter(const QString& state);
    int totalCount() const { return static_cast<int>(all_.size()); }
    bool loaded() const { return loaded_; }
    QString error() const { return error_; }
    QString firstDraftRecordId() const { return first_draft_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE void reload();
    /// Row of an assignment among those shown, -1 when filtered out or unknown.
    Q_INVOKABLE int indexOf(const QString& assignmentId) const;

    /// Replace the rows (the store's answer; tests feed rows directly).
    void set_rows(std::vector<AssignmentRow> rows);

Q_SIGNALS:
    void sessionChanged();
    void filterChanged();
    void countChanged();
    void loadedChanged();
    void errorChanged();
    void firstDraftChanged();

private:
    bool accepts(const AssignmentRow& row) const;
    void refilter();

    QPointer<Session> session_;
    QMetaObject::Connection data_changed_;
    StoreThread::LatestRead reload_;
    std::vector<AssignmentRow> all_;
    std::vector<std::size_t> shown_; ///< indices into all_
    QString search_;
    QString category_;
    QString state_;
    bool loaded_ = false;
    QString error_;
    QString first_draft_;
};

} // namespace fi::app
