#pragma once

#include "qml/applayer.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace fi::app {

/// The Sync page's list: every record still on its way to the central system (in chain
/// order), then those already received (newest first), each with its state, its upload
/// progress in bytes, the central system's message and the action that helps.
class OutboxListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The Sync singleton owns the list of records.")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Roles {
        RecordIdRole = Qt::UserRole + 1,
        AssignmentIdRole,
        TargetNameRole,
        InspectionDayRole,
        StateRole, ///< pending | uploading | parked | uploaded
        LateRole,
        AttemptsRole,
        ErrorCodeRole,
        MessageRole, ///< the central system's words, as received
        HintRole,    ///< what to do, in the user's language
        ActionRole,  ///< retry | signIn | view | "" (nothing to do)
        SentBytesRole,
        TotalBytesRole,
        ReceivedAtRole,
    };
    Q_ENUM(Roles)

    explicit OutboxListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void set_rows(std::vector<OutboxRow> rows, bool needs_sign_in);
    void set_progress(const std::string& record_id, qint64 sent, qint64 total);
    void set_needs_sign_in(bool needed);

Q_SIGNALS:
    void countChanged();

private:
    struct Progress {
        qint64 sent = 0;
        qint64 total = 0;
    };
    QString action_for(const OutboxRow& row) const;
    std::vector<OutboxRow> rows_;
    std::vector<Progress> progress_;
    bool needs_sign_in_ = false;
};

} // namespace fi::app
